//! The published tariffs: all bundled, all valid, realistic, and every activity prices.

use std::path::Path;

use biaya_bpo::calendar::Date;
use biaya_bpo::estimate::{ActivityRequest, Request, estimate};
use biaya_bpo::money::Currency;
use biaya_bpo::tariff::{Catalogue, Tariff, TariffError, catalogue};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const LATEST: &str = include_str!("../tariffs/2026-11.toml");

#[test]
fn every_published_file_is_bundled_and_valid() {
    let catalogue = catalogue().expect("the bundled tariffs are valid");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tariffs");
    // Beside the tariffs: the provider's file and its logo (tests/provider.rs).
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("tariffs/ exists")
        .map(|entry| {
            entry
                .expect("readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !name.starts_with("provider"))
        .collect();
    files.sort();
    let versions: Vec<String> = catalogue
        .tariffs()
        .iter()
        .map(|t| format!("{}.toml", t.version))
        .collect();
    assert_eq!(
        files, versions,
        "each file in tariffs/ is bundled, named after its version"
    );
    assert_eq!(catalogue.latest().version, "2026-11");
    assert!(catalogue.get("2026-11").is_some());
    assert!(catalogue.get("1999-01").is_none());
}

#[test]
fn the_compiled_bundle_holds_exactly_what_the_files_say() {
    let catalogue = catalogue().expect("the bundled tariffs are valid");
    for bundled in catalogue.tariffs() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tariffs")
            .join(format!("{}.toml", bundled.version));
        let text = std::fs::read_to_string(&path).expect("the tariff's file");
        let parsed = Tariff::parse(&text).expect("valid");
        assert_eq!(*bundled, parsed, "{}", bundled.version);
        // Decimals compare by value; their written places (0.75 against 0.750) show in Debug.
        assert_eq!(format!("{bundled:?}"), format!("{parsed:?}"));
    }
}

#[test]
fn the_default_tariff_holds_what_a_quote_needs_at_2026_figures() {
    let t = Tariff::parse(LATEST).expect("valid");
    assert_eq!(t.currency, Currency::Idr);
    assert_eq!(t.vat.rate, dec!(0.11));
    // Bank Indonesia's JISDOR rate moved between 16,600 and 16,870 from Sept 2025 to Jan 2026.
    assert!((dec!(16600)..=dec!(16870)).contains(&t.usd.rate));
    assert_eq!(t.in_house.minimum_wage, dec!(5729876));
    let bpjs: Decimal = t.in_house.contributions.iter().map(|c| c.rate).sum();
    assert_eq!(bpjs, dec!(0.1024));

    let months: Vec<u32> = t.terms.iter().map(|term| term.months).collect();
    assert_eq!(months, [1, 12, 24, 36]);
    assert!(t.terms.windows(2).all(|w| w[0].discount < w[1].discount));

    let domestic = t.sites.iter().filter(|s| !s.is_abroad()).count();
    let abroad = t.sites.iter().filter(|s| s.is_abroad()).count();
    assert!(
        domestic >= 2 && abroad >= 2,
        "{domestic} domestic, {abroad} abroad"
    );
    let jakarta = t.site("jakarta").expect("jakarta");
    assert_eq!(jakarta.factor, Decimal::ONE);
    assert!(
        t.sites
            .iter()
            .any(|s| !s.is_abroad() && s.factor < Decimal::ONE)
    );

    let units = |activity: &str| -> Vec<String> {
        t.activity(activity)
            .expect(activity)
            .units()
            .map(|u| u.id.to_string())
            .collect()
    };
    assert_eq!(
        units("call-centre"),
        ["minutes", "outbound-minutes", "chats", "emails", "agents"]
    );
    assert_eq!(
        units("accounting"),
        [
            "transactions",
            "invoices",
            "payslips",
            "closes",
            "tax-filings"
        ]
    );
    assert_eq!(
        units("fulfilment"),
        [
            "orders",
            "extra-items",
            "pallets",
            "bins",
            "returns",
            "receiving"
        ]
    );
    assert_eq!(units("sales"), ["reps", "appointments", "leads"]);
    for activity in t.activities.iter() {
        assert!(activity.management_fee > Decimal::ZERO, "{}", activity.id);
        assert!(
            activity.minimum > activity.management_fee,
            "{}",
            activity.id
        );
        assert!(activity.onboarding > Decimal::ZERO, "{}", activity.id);
        assert!(!activity.options.is_empty(), "{}", activity.id);
    }
    // Dedicated staff need recruiting and training.
    for id in ["call-centre", "sales"] {
        assert!(t.activity(id).expect(id).seat_setup > Decimal::ZERO, "{id}");
    }
}

/// A month a real client of each activity might ask about.
fn realistic(tariff: &Tariff, id: &str) -> ActivityRequest {
    let mut request = ActivityRequest::starter(tariff.activity(id).expect(id));
    let volumes: &[(&str, u64)] = match id {
        "call-centre" => &[("minutes", 45_000), ("chats", 3_000), ("emails", 1_200)],
        "accounting" => &[
            ("transactions", 4_000),
            ("invoices", 1_500),
            ("payslips", 250),
        ],
        "fulfilment" => &[("orders", 12_000), ("extra-items", 9_000), ("pallets", 120)],
        "sales" => &[("reps", 3), ("appointments", 40), ("leads", 150)],
        _ => &[],
    };
    for &(unit, quantity) in volumes {
        request.volumes.insert(unit.into(), quantity);
    }
    request
}

#[test]
fn every_activity_prices_a_realistic_month_at_every_site_it_serves() {
    let t = Tariff::parse(LATEST).expect("valid");
    for activity in t.activities.iter() {
        for site in t.sites.iter().filter(|s| activity.delivered_from(&s.id)) {
            for currency in Currency::ALL {
                let request = Request {
                    site: site.id.to_string(),
                    service_language: site.languages[0].to_string(),
                    currency,
                    activities: vec![realistic(&t, &activity.id)],
                    ..Request::starter(&t)
                };
                let e = estimate(&t, &request)
                    .unwrap_or_else(|err| panic!("{} at {}: {err}", activity.id, site.id));
                let a = &e.activities[0];
                let at = format!("{} at {} in {currency}", activity.id, site.id);
                assert!(a.monthly > a.monthly_fixed, "{at}: volumes cost something");
                assert!(
                    a.in_house.staff > 0 && a.in_house.monthly > Decimal::ZERO,
                    "{at}"
                );
                assert_eq!(
                    a.monthly_lines.iter().map(|l| l.amount).sum::<Decimal>(),
                    a.monthly,
                    "{at}"
                );
                assert_eq!(
                    a.one_time_lines.iter().map(|l| l.amount).sum::<Decimal>(),
                    a.one_time,
                    "{at}"
                );
                // Sane for 2026: between 100 dollars and 10 billion rupiah a month.
                let monthly_idr = a.monthly * e.rate;
                assert!(
                    monthly_idr > dec!(1669300) && monthly_idr < dec!(10000000000),
                    "{at}: {monthly_idr}"
                );
                // Within a factor of three of doing it in-house, either way.
                let ratio = a.monthly / a.in_house.monthly;
                assert!(ratio > dec!(0.33) && ratio < dec!(3), "{at}: {ratio}");
            }
        }
    }
}

#[test]
fn all_four_activities_together_add_up() {
    let t = Tariff::parse(LATEST).expect("valid");
    let request = Request {
        activities: t.activities.iter().map(|a| realistic(&t, &a.id)).collect(),
        ..Request::starter(&t)
    };
    let e = estimate(&t, &request).expect("valid");
    assert_eq!(e.activities.len(), 4);
    let sum = |f: fn(&biaya_bpo::estimate::ActivityEstimate) -> Decimal| -> Decimal {
        e.activities.iter().map(f).sum()
    };
    assert_eq!(e.totals.monthly, sum(|a| a.monthly));
    assert_eq!(e.totals.one_time, sum(|a| a.one_time));
    assert_eq!(
        e.totals.first_year,
        e.totals.one_time + dec!(12) * e.totals.monthly
    );
    assert_eq!(
        e.totals.contract,
        e.totals.one_time + dec!(12) * e.totals.monthly
    );
    assert_eq!(
        e.totals.monthly_fixed + e.totals.monthly_variable,
        e.totals.monthly
    );
    assert_eq!(e.in_house.monthly, sum(|a| a.in_house.monthly));
    assert_eq!(e.saving.monthly, e.in_house.monthly - e.totals.monthly);
    assert!(e.range.low < e.totals.monthly && e.totals.monthly < e.range.high);
}

#[test]
fn a_broken_tariff_is_refused_with_the_field_that_is_wrong() {
    let cases: &[(&str, &str, &str)] = &[
        // Money as a TOML float would pass through binary floating point.
        ("rate = \"0.11\"", "rate = 0.11", "syntax"),
        ("version = \"2026-11\"", "version = \"Nov 2026\"", "version"),
        (
            "effective = \"2026-11-01\"",
            "effective = \"2026-11-31\"",
            "effective",
        ),
        (
            "factor = \"0.75\"",
            "factor = \"0\"",
            "sites[yogyakarta].factor",
        ),
        (
            "languages = [\"en\"]",
            "languages = [\"tl\"]",
            "sites[manila].languages[tl]",
        ),
        (
            "discount = \"0.12\"",
            "discount = \"1.2\"",
            "terms[36m].discount",
        ),
        (
            "\nwage = \"5729876\"",
            "\nwage = \"5000000\"",
            "activities[fulfilment].in_house.wage",
        ),
        (
            "default = 20000",
            "default = 60000000",
            "units[minutes].default",
        ),
        (
            "{ up_to = 100000, price = \"3200\" }",
            "{ up_to = 10000, price = \"3200\" }",
            "units[minutes].tiers[1]",
        ),
        (
            "{ up_to = 100000, price = \"3200\" }",
            "{ up_to = 100000, price = \"3900\" }",
            "units[minutes].tiers[1]",
        ),
        (
            "{ price = \"2600\" }",
            "{ up_to = 900000, price = \"2600\" }",
            "units[minutes].tiers",
        ),
        (
            "id = \"24-7\"",
            "id = \"extended-hours\"",
            "options[extended-hours]",
        ),
        (
            "primary = \"agents\"",
            "primary = \"minutes\"",
            "models[dedicated].primary",
        ),
        (
            "sites = [\"jakarta\", \"yogyakarta\"]",
            "sites = [\"surabaya\"]",
            "sites[surabaya]",
        ),
        (
            "en = \"Call centre\"",
            "en = \" \"",
            "activities[call-centre].name",
        ),
        ("per_fte = 1300", "", "units[chats]"),
        // An unknown field is a typo, not something to ignore.
        (
            "quote_validity_days = 30",
            "quote_validity_days = 30\nvalid_days = 14",
            "syntax",
        ),
    ];
    for &(find, replace, field) in cases {
        assert!(LATEST.contains(find), "the tariff still has {find:?}");
        let broken = LATEST.replacen(find, replace, 1);
        let Err(error) = Tariff::parse(&broken) else {
            panic!("{replace:?} was accepted");
        };
        let shown = match &error {
            TariffError::Syntax { message } => format!("syntax: {message}"),
            TariffError::Invalid { field, .. } => field.clone(),
            TariffError::Bundle { .. } => "bundle".to_owned(),
        };
        assert!(shown.contains(field), "{replace:?}: {error}");
    }
}

#[test]
fn a_bundle_must_rise_in_version() {
    let t = Tariff::parse(LATEST).expect("valid");
    assert!(Catalogue::new(vec![]).is_err());
    assert!(Catalogue::new(vec![t.clone(), t.clone()]).is_err());
    let mut older = t.clone();
    older.version = "2026-05".into();
    older.effective = Date::parse("2026-05-01").expect("a day");
    let bundle = Catalogue::new(vec![older, t]).expect("rising");
    assert_eq!(bundle.latest().version, "2026-11");
}

/// Every figure of a tariff file, one `path = value` line each, keys in order: every value
/// but the texts a visitor reads (`{ id = …, en = … }`) and the markers of how a volume may be
/// described (`sized_by`), which may be improved without changing a price.
fn figures(text: &str) -> String {
    fn walk(path: &str, value: &toml::Value, out: &mut String) {
        match value {
            toml::Value::Table(table) => {
                let keys: Vec<&String> = table.keys().collect();
                if keys.len() == 2 && table.contains_key("id") && table.contains_key("en") {
                    return;
                }
                for (key, inner) in table {
                    if key != "sized_by" {
                        walk(&format!("{path}.{key}"), inner, out);
                    }
                }
            }
            toml::Value::Array(items) => {
                for (i, inner) in items.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), inner, out);
                }
            }
            toml::Value::String(text) => out.push_str(&format!("{path} = {text:?}\n")),
            toml::Value::Integer(n) => out.push_str(&format!("{path} = {n}\n")),
            toml::Value::Float(x) => out.push_str(&format!("{path} = {x:?}\n")),
            toml::Value::Boolean(b) => out.push_str(&format!("{path} = {b}\n")),
            toml::Value::Datetime(d) => out.push_str(&format!("{path} = {d}\n")),
        }
    }
    let value: toml::Value = toml::from_str(text).expect("a TOML file");
    let mut out = String::new();
    walk("", &value, &mut out);
    out
}

#[test]
fn a_published_tariffs_figures_never_change() {
    // Written from the file as first published (commit 37d5cb2), before any link was handed
    // out; the file's words have been improved since, its figures never.
    let published = include_str!("fixtures/tariff-2026-11-figures.txt");
    assert_eq!(figures(LATEST), published);
    // The snapshot is the whole file's: every price, tier, bound, rate, factor and id.
    assert!(
        published.lines().count() > 250,
        "{}",
        published.lines().count()
    );
    assert!(published.contains(".tiers[0].price = \"3500\""));
}

/// Every text a visitor reads in a tariff file (each `{ id = …, en = … }`), with its path and
/// field name: `(path, field, Indonesian, English)`.
fn visitor_texts(text: &str) -> Vec<(String, String, String, String)> {
    fn walk(
        path: &str,
        field: &str,
        value: &toml::Value,
        out: &mut Vec<(String, String, String, String)>,
    ) {
        match value {
            toml::Value::Table(table) => {
                if table.len() == 2
                    && let (Some(id), Some(en)) = (
                        table.get("id").and_then(toml::Value::as_str),
                        table.get("en").and_then(toml::Value::as_str),
                    )
                {
                    out.push((path.into(), field.into(), id.into(), en.into()));
                    return;
                }
                for (key, inner) in table {
                    walk(&format!("{path}.{key}"), key, inner, out);
                }
            }
            toml::Value::Array(items) => {
                for (i, inner) in items.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), field, inner, out);
                }
            }
            _ => {}
        }
    }
    let value: toml::Value = toml::from_str(text).expect("a TOML file");
    let mut out = Vec::new();
    walk("", "", &value, &mut out);
    out
}

/// What is wrong with one text a visitor reads, in one language; `None` when nothing is.
fn visitor_text_problem(text: &str, lang: &str, note: bool) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    // An address: "helplama.com", "www.", "http".
    let domain = chars
        .windows(3)
        .any(|w| w[0].is_ascii_alphabetic() && w[1] == '.' && w[2].is_ascii_lowercase());
    if domain || text.contains("http") || text.contains("www") {
        return Some("an address (a URL or a domain name)".into());
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .collect();
    if words.contains(&"here") || lower.contains("di sini") {
        return Some("\"here\": the visitor is not in the researcher's notes".into());
    }
    if words.contains(&"onshore") || words.contains(&"offshore") {
        return Some("\"onshore\": say where".into());
    }
    if text.contains('±') || text.contains('≈') || text.contains(" x ") {
        return Some("shorthand (±, ≈, x): write it in words".into());
    }
    if !note {
        return None;
    }
    // Decimals in the language's own form: 0,75 in Indonesian, 0.75 in English (a group of
    // three digits is a thousands separator: 1.500, 1,500). Names and help may hold a time of
    // day, "06.00".
    let wrong = if lang == "id" { '.' } else { ',' };
    for (i, _) in text.match_indices(wrong) {
        let before = text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        let digits = text[i + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        if before && (1..=2).contains(&digits) {
            return Some(format!("a decimal written with '{wrong}' in {lang}"));
        }
    }
    // A note is a sentence: it opens with a capital, not with a label ("US:", "APQC:", "THR:").
    if !chars.first().is_some_and(|c| c.is_uppercase()) {
        return Some("a note opens with a capital letter".into());
    }
    if text
        .split_whitespace()
        .next()
        .is_some_and(|first| first.ends_with(':'))
    {
        return Some("a note opens with a label, not a sentence".into());
    }
    // The page closes the sentence.
    if text.ends_with(['.', ';', ':', ',']) {
        return Some("a note ends without punctuation: the page adds the full stop".into());
    }
    // Abbreviations a prospect may not know are glossed: they appear only in parentheses,
    // after the plain words ("provincial minimum wage (UMP)") or in the citation.
    let mut depth = 0usize;
    let mut outside = String::new();
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    for jargon in [
        "UMP", "THR", "BPJS", "APQC", "QA", "SDR", "FTE", "CRM", "ICMI", "PMK",
    ] {
        let bare = outside
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word == jargon);
        if bare {
            return Some(format!("{jargon} outside parentheses: gloss it"));
        }
    }
    None
}

/// A note's citation: the parentheses that end it, when they name a source rather than hold a
/// figure. `None` when the note is a plain sentence without one.
fn citation(note: &str) -> Option<&str> {
    let open = note.strip_suffix(')')?.rfind('(')?;
    Some(&note[open + 1..note.len() - 1])
}

#[test]
fn every_text_a_visitor_reads_is_a_plain_sentence_with_its_source_cited() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tariffs");
    let mut notes = 0;
    let mut cited = 0;
    for entry in std::fs::read_dir(&dir).expect("tariffs/ exists") {
        let path = entry.expect("readable").path();
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        if name.starts_with("provider") || !name.ends_with(".toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("the tariff's file");
        for (at, field, id, en) in visitor_texts(&text) {
            // Notes, and the exchange rate's source: what "How this is calculated" explains
            // a figure with.
            let note = field.ends_with("note") || field == "source";
            for (lang, words) in [("id", &id), ("en", &en)] {
                if let Some(problem) = visitor_text_problem(words, lang, note) {
                    panic!("{name} {at} ({lang}): {problem}: {words:?}");
                }
            }
            if !note {
                continue;
            }
            notes += 1;
            // Either both languages cite the same source, or neither ends with parentheses.
            match (citation(&id), citation(&en)) {
                (None, None) => {}
                (Some(a), Some(b)) if a == b => {
                    cited += 1;
                    // A name, and a year where one is known: "(BusinessWorld, 2021)",
                    // "(Permenaker 6/2016)", "(Helplama)"; not a figure.
                    assert!(
                        a.chars().next().is_some_and(char::is_alphabetic)
                            && !["USD", "IDR", "Rp", "%", ":", "±"]
                                .iter()
                                .any(|figure| a.contains(figure)),
                        "{name} {at}: the citation names a source: ({a})"
                    );
                    for year in a
                        .split(|c: char| !c.is_ascii_digit())
                        .filter(|digits| digits.len() == 4)
                    {
                        let year: u32 = year.parse().expect("digits");
                        assert!((1990..=2030).contains(&year), "{name} {at}: ({a})");
                    }
                }
                (a, b) => panic!(
                    "{name} {at}: a note ends with the same citation in both languages, or with none: {a:?} / {b:?}"
                ),
            }
        }
    }
    assert!(notes > 40, "{notes} notes");
    // Sixteen notes of 2026-11 rest on a named public source and say which; the others are
    // the provider's own reckoning or a range whose publisher was not recorded (their comments
    // say so). Rewording a note must not drop its source.
    assert!(cited >= 16, "{cited} of {notes} notes cite a source");
}
