//! Laws the engine keeps for every request, checked on generated requests against the published
//! tariff.

use std::collections::BTreeSet;

use biaya_bpo::calendar::Date;
use biaya_bpo::estimate::{
    ActivityRequest, Estimate, Line, LineKind, OptionSet, Request, Rules, Volumes, estimate, units,
};
use biaya_bpo::i18n::{Lang, format_money, format_unit_price};
use biaya_bpo::link::{self, Contents, QuoteDetails, QuoteField};
use biaya_bpo::money::Currency;
use biaya_bpo::tariff::{Tariff, catalogue};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

fn tariff() -> &'static Tariff {
    catalogue().expect("the bundled tariffs are valid").latest()
}

/// A volume drawn so that zero, small, band-crossing and maximal volumes all come up.
fn volume() -> impl Strategy<Value = u64> {
    prop_oneof![Just(0u64), 0..200u64, 0..30_000u64, any::<u64>()]
}

/// What a valid request is made of, as raw numbers the tariff turns into ids.
#[derive(Debug, Clone)]
struct Recipe {
    site: usize,
    term: usize,
    usd: bool,
    /// Priced by the rules of link format 3, else by those of formats 1 and 2.
    current: bool,
    fluctuation: u32,
    activities: Vec<(bool, usize, Vec<u64>, u8)>,
}

fn recipe() -> impl Strategy<Value = Recipe> {
    (
        any::<usize>(),
        any::<usize>(),
        any::<bool>(),
        any::<bool>(),
        0..=100u32,
        prop::collection::vec(
            (
                any::<bool>(),
                any::<usize>(),
                prop::collection::vec(volume(), 6),
                any::<u8>(),
            ),
            4,
        ),
    )
        .prop_map(
            |(site, term, usd, current, fluctuation, activities)| Recipe {
                site,
                term,
                usd,
                current,
                fluctuation,
                activities,
            },
        )
}

/// A request the tariff accepts: ids that exist, volumes within bounds, no clashing options,
/// only activities the site delivers, in a language the site speaks.
fn valid(tariff: &Tariff, recipe: &Recipe) -> Request {
    let site = &tariff.sites[recipe.site % tariff.sites.len()];
    let rules = if recipe.current {
        Rules::Format3
    } else {
        Rules::Format2
    };
    let mut activities = Vec::new();
    for (activity, (chosen, model, volumes, options)) in
        tariff.activities.iter().zip(&recipe.activities)
    {
        if !chosen || !activity.delivered_from(&site.id) {
            continue;
        }
        let model = &activity.models[model % activity.models.len()];
        // Under format 3 a team's request holds the channels priced beside it too (rule 14).
        let volumes: Volumes = units(activity, model, rules)
            .into_iter()
            .zip(volumes)
            .map(|(unit, &raw)| (unit.id.to_string(), raw % (unit.max + 1)))
            .collect();
        let mut groups = BTreeSet::new();
        let options: OptionSet = activity
            .options
            .iter()
            .enumerate()
            .filter(|&(i, option)| {
                options & (1 << i) != 0 && option.group.as_ref().is_none_or(|g| groups.insert(g))
            })
            .map(|(_, option)| option.id.clone())
            .collect();
        activities.push(ActivityRequest {
            activity: activity.id.to_string(),
            model: model.id.to_string(),
            volumes,
            options,
            sizing: None,
            site: None,
            in_house: Default::default(),
            examples: Vec::new(),
        });
    }
    Request {
        site: site.id.to_string(),
        term: tariff.terms[recipe.term % tariff.terms.len()]
            .id
            .to_string(),
        currency: if recipe.usd {
            Currency::Usd
        } else {
            Currency::Idr
        },
        service_language: site.languages[0].to_string(),
        fluctuation: recipe.fluctuation,
        activities,
        discount: None,
        vat: Default::default(),
        rules,
    }
}

fn priced(request: &Request) -> Estimate {
    estimate(tariff(), request).unwrap_or_else(|e| panic!("{e} for {request:?}"))
}

/// Lines a price produces directly, before options, minimum, discount and VAT are derived.
fn is_priced_from_the_tariff(kind: &LineKind) -> bool {
    matches!(
        kind,
        LineKind::ManagementFee
            | LineKind::Tier { .. }
            | LineKind::Onboarding
            | LineKind::SeatSetup { .. }
    )
}

/// The pricing errors' codes, as the README lists them for scripts ("The pricing errors are …"):
/// read from it, so a code the engine gives that the README does not list fails here.
fn error_codes() -> Vec<String> {
    let readme = include_str!("../README.md");
    let listed = readme
        .split_once("The pricing errors are")
        .and_then(|(_, rest)| rest.split_once(".\n"))
        .map_or("", |(list, _)| list);
    listed
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_readme_lists_every_pricing_error() {
    // Seventeen, as `EstimateError` has variants (src/estimate/error.rs).
    assert_eq!(error_codes().len(), 17, "{:?}", error_codes());
}

/// A figure as the page shows it in English ("USD 2.6957", "IDR 516,667", "-USD 12.50"), read
/// back as a reader of the quotation would read it.
fn shown(text: &str) -> Decimal {
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => (Decimal::NEGATIVE_ONE, rest),
        None => (Decimal::ONE, text),
    };
    let digits = text
        .trim_start_matches("USD ")
        .trim_start_matches("IDR ")
        .replace(',', "");
    sign * digits.parse::<Decimal>().expect("a figure")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_shown_line_is_its_quantity_times_its_unit_price_as_shown(recipe in recipe()) {
        // Rule 13, checked on what a reader sees: each line that shows a quantity and a unit
        // price shows an amount equal to the two multiplied, rounded half away from zero to
        // the currency's unit (whole rupiah, cents), outsourced and in-house alike; and every
        // total is the sum of the amounts shown.
        let request = valid(tariff(), &Recipe { current: true, ..recipe });
        let e = priced(&request);
        let currency = e.currency;
        let show = |amount: Decimal| shown(&format_money(amount, currency, Lang::En));
        let total = |lines: &[Line]| lines.iter().map(|l| show(l.amount)).sum::<Decimal>();
        let (mut monthly, mut one_time, mut in_house) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for a in &e.activities {
            let lines = a.monthly_lines.iter().chain(&a.one_time_lines)
                .chain(&a.in_house.monthly_lines).chain(&a.in_house.one_time_lines);
            for line in lines {
                let (Some(quantity), Some(price)) = (line.quantity, line.unit_price) else {
                    continue;
                };
                let price = shown(&format_unit_price(price, currency, Lang::En));
                let product = Decimal::from(quantity) * price;
                let expected = product.round_dp_with_strategy(currency.places(), RoundingStrategy::MidpointAwayFromZero);
                prop_assert_eq!(show(line.amount), expected, "{} x {}: {:?}", quantity, price, line);
            }
            monthly += total(&a.monthly_lines);
            one_time += total(&a.one_time_lines);
            in_house += total(&a.in_house.monthly_lines);
        }
        prop_assert_eq!(show(e.totals.monthly), monthly);
        prop_assert_eq!(show(e.totals.one_time), one_time);
        prop_assert_eq!(show(e.in_house.monthly), in_house);
        let months = tariff().term(&request.term).expect("a term").months;
        prop_assert_eq!(show(e.totals.contract), one_time + Decimal::from(months) * monthly);
    }

    #[test]
    fn every_document_adds_up_from_its_shown_lines(recipe in recipe()) {
        let t = tariff();
        let request = valid(t, &recipe);
        let e = priced(&request);
        let currency = e.currency;
        let sum = |lines: &[Line]| lines.iter().map(|l| l.amount).sum::<Decimal>();
        let round = |d: Decimal| d.round_dp_with_strategy(currency.places(), RoundingStrategy::MidpointAwayFromZero);
        let (mut monthly, mut one_time) = (Decimal::ZERO, Decimal::ZERO);
        for a in &e.activities {
            let activity = t.activity(&a.activity).expect("priced from the tariff");
            for line in a.monthly_lines.iter().chain(&a.one_time_lines)
                .chain(&a.in_house.monthly_lines).chain(&a.in_house.one_time_lines) {
                prop_assert_eq!(line.amount.scale(), currency.places(), "{:?}", line);
            }
            prop_assert_eq!(sum(&a.monthly_lines), a.monthly);
            prop_assert_eq!(sum(&a.one_time_lines), a.one_time);
            prop_assert_eq!(sum(&a.in_house.monthly_lines), a.in_house.monthly);
            prop_assert_eq!(sum(&a.in_house.one_time_lines), a.in_house.one_time);
            // Each derived line is its rate of the lines shown above it (rules 3, 5, 6 and 10).
            let labour: Decimal = a.monthly_lines.iter().filter(|l| match &l.kind {
                LineKind::Tier { unit, .. } => activity.units().any(|u| u.id == *unit && u.labour),
                _ => false,
            }).map(|l| l.amount).sum();
            let mut above = Decimal::ZERO;
            for line in &a.monthly_lines {
                match &line.kind {
                    LineKind::Option { rate, .. } => prop_assert_eq!(line.amount, round(labour * rate)),
                    LineKind::Discount { rate } | LineKind::NegotiatedDiscount { rate } => {
                        prop_assert_eq!(line.amount, -round(above * rate));
                    }
                    LineKind::Vat { rate } => prop_assert_eq!(line.amount, round(above * rate)),
                    _ => {}
                }
                above += line.amount;
            }
            let pay: Decimal = a.in_house.monthly_lines.iter()
                .filter(|l| matches!(l.kind, LineKind::Wages | LineKind::Contributions | LineKind::Thr))
                .map(|l| l.amount).sum();
            for line in &a.in_house.monthly_lines {
                if let LineKind::Option { rate, .. } = &line.kind {
                    prop_assert_eq!(line.amount, round(pay * rate), "{:?}", a.in_house.monthly_lines);
                }
            }
            // The fixed part is what the month costs with no volume but the seats.
            let mut idle = request.clone();
            idle.activities.retain(|r| r.activity == a.activity);
            for wanted in &mut idle.activities {
                let seats: Vec<String> = activity.units().filter(|u| u.seat).map(|u| u.id.to_string()).collect();
                for (unit, quantity) in wanted.volumes.iter_mut() {
                    if !seats.contains(unit) {
                        *quantity = 0;
                    }
                }
            }
            prop_assert_eq!(a.monthly_fixed, priced(&idle).totals.monthly);
            prop_assert!(a.monthly_variable >= Decimal::ZERO);
            monthly += sum(&a.monthly_lines);
            one_time += sum(&a.one_time_lines);
        }
        // Totals from the lines, not from the activities' sums.
        prop_assert_eq!(e.totals.monthly, monthly);
        prop_assert_eq!(e.totals.one_time, one_time);
        prop_assert_eq!(e.totals.first_year, one_time + dec!(12) * monthly);
        let months = t.term(&request.term).expect("a term").months;
        prop_assert_eq!(e.totals.contract, one_time + Decimal::from(months) * monthly);
        prop_assert!(e.range.low <= e.totals.monthly && e.totals.monthly <= e.range.high);
    }

    #[test]
    fn the_bill_never_drops_as_volume_grows(recipe in recipe(), pick in any::<usize>(), more in 1..50_000u64) {
        let t = tariff();
        let request = valid(t, &recipe);
        // Nothing to grow. Not a rejection: a million cases would run out of them.
        if request.activities.is_empty() {
            return Ok(());
        }
        let before = priced(&request);
        let mut grown = request.clone();
        let which = pick % grown.activities.len();
        let activity = &mut grown.activities[which];
        let units: Vec<String> = activity.volumes.keys().cloned().collect();
        let unit = &units[pick % units.len()];
        let max = t.activity(&activity.activity).and_then(|a| a.units().find(|u| u.id == *unit)).map_or(0, |u| u.max);
        let quantity = activity.volumes.get_mut(unit).expect("listed");
        prop_assume!(*quantity < max);
        *quantity = (*quantity + more).min(max);
        let after = priced(&grown);
        prop_assert!(after.activities[which].monthly >= before.activities[which].monthly);
        prop_assert!(after.totals.monthly >= before.totals.monthly);
        prop_assert!(after.totals.one_time >= before.totals.one_time);
        prop_assert!(after.in_house.monthly >= before.in_house.monthly);
    }

    #[test]
    fn a_unit_price_to_four_places_strays_from_the_rupiah_by_half_its_last_place(recipe in recipe()) {
        // Rule 13: a dollar line is its quantity times a unit price rounded to 0.0001, so it
        // may stray from the same rupiah converted by half a cent plus 0.00005 a unit, and no
        // more. In rupiah the tariff's prices are whole and nothing strays.
        let mut request = valid(tariff(), &Recipe { current: true, ..recipe });
        request.currency = Currency::Idr;
        let rupiah = priced(&request);
        request.currency = Currency::Usd;
        let dollars = priced(&request);
        let rate = dollars.rate;
        for (idr, usd) in rupiah.activities.iter().zip(&dollars.activities) {
            let pairs = idr.monthly_lines.iter().zip(&usd.monthly_lines)
                .chain(idr.one_time_lines.iter().zip(&usd.one_time_lines));
            for (idr_line, usd_line) in pairs.filter(|(l, _)| is_priced_from_the_tariff(&l.kind)) {
                let units = Decimal::from(usd_line.quantity.unwrap_or(0));
                let allowed = rate * (dec!(0.005) + units * dec!(0.00005));
                let back = usd_line.amount * rate;
                prop_assert!((back - idr_line.amount).abs() <= allowed, "{:?}: {} vs {}", idr_line.kind, back, idr_line.amount);
            }
        }
    }

    #[test]
    fn converting_then_rounding_never_loses_a_rupiah(recipe in recipe()) {
        // Rule 7, as links of formats 1 and 2 are priced; format 3's law is the property above.
        let old = Recipe { current: false, ..recipe };
        let mut request = valid(tariff(), &old);
        request.currency = Currency::Idr;
        let rupiah = priced(&request);
        request.currency = Currency::Usd;
        let dollars = priced(&request);
        let rate = dollars.rate;
        let half_a_cent = rate * dec!(0.005);
        let mut lines = 0u32;
        for (idr, usd) in rupiah.activities.iter().zip(&dollars.activities) {
            let pairs = idr.monthly_lines.iter().zip(&usd.monthly_lines)
                .chain(idr.one_time_lines.iter().zip(&usd.one_time_lines));
            for (idr_line, usd_line) in pairs {
                prop_assert_eq!(&idr_line.kind, &usd_line.kind);
                lines += 1;
                if !is_priced_from_the_tariff(&idr_line.kind) {
                    continue;
                }
                // In rupiah a priced line is exactly quantity x price: nothing is rounded away.
                if let (Some(q), Some(p)) = (idr_line.quantity, idr_line.unit_price) {
                    prop_assert_eq!(idr_line.amount, Decimal::from(q) * p);
                }
                // In dollars it is within half a cent of the same rupiah.
                let back = usd_line.amount * rate;
                prop_assert!((back - idr_line.amount).abs() <= half_a_cent, "{:?}: {} vs {}", idr_line.kind, back, idr_line.amount);
            }
        }
        // Totals drift by at most a cent a line, whatever the derived lines compound.
        let drift = (dollars.totals.monthly * rate - rupiah.totals.monthly).abs();
        prop_assert!(drift <= Decimal::from(lines) * (rate * dec!(0.01) + Decimal::ONE), "{drift}");
    }

    #[test]
    fn arbitrary_requests_never_panic(
        site in prop_oneof![Just("jakarta".to_owned()), Just("manila".to_owned()), ".{0,12}"],
        term in prop_oneof![Just("12m".to_owned()), ".{0,6}"],
        language in prop_oneof![Just("id".to_owned()), Just("en".to_owned()), ".{0,4}"],
        fluctuation in any::<u32>(),
        usd in any::<bool>(),
        activities in prop::collection::vec(
            (
                prop_oneof![Just("call-centre".to_owned()), Just("fulfilment".to_owned()), Just("sales".to_owned()), ".{0,12}"],
                prop_oneof![Just("shared".to_owned()), Just("dedicated".to_owned()), Just("standard".to_owned()), ".{0,8}"],
                prop::collection::btree_map(
                    prop_oneof![Just("minutes".to_owned()), Just("agents".to_owned()), Just("orders".to_owned()), ".{0,10}"],
                    any::<u64>(),
                    0..4,
                ),
                prop::collection::btree_set(prop_oneof![Just("24-7".to_owned()), Just("extended-hours".to_owned()), ".{0,10}"], 0..3),
            ),
            0..6,
        ),
    ) {
        let request = Request {
            site,
            term,
            currency: if usd { Currency::Usd } else { Currency::Idr },
            service_language: language,
            fluctuation,
            activities: activities
                .into_iter()
                .map(|(activity, model, volumes, options)| ActivityRequest {
                    activity,
                    model,
                    volumes: volumes.into_iter().collect(),
                    options: options.into_iter().collect(),
                    sizing: None,
                    site: None,
                    in_house: Default::default(),
                    examples: Vec::new(),
                })
                .collect(),
            discount: None,
            vat: Default::default(),
            rules: Default::default(),
        };
        // Either an estimate or a typed error with one of the codes the README lists; never a
        // panic.
        match estimate(tariff(), &request) {
            Ok(e) => prop_assert_eq!(e.activities.len(), request.activities.len()),
            Err(error) => prop_assert!(error_codes().iter().any(|c| c == error.code()), "{}", error.code()),
        }
    }

    #[test]
    fn absurd_tariff_figures_give_an_overflow_error_not_a_panic(
        recipe in recipe(),
        mantissa in any::<i64>(),
        scale in 0u32..=28,
    ) {
        let mut t = tariff().clone();
        let absurd = Decimal::new(mantissa, scale).abs() * Decimal::from(u32::MAX);
        // The bundled tariff borrows its lists: `to_mut` gives the test its own copy to change.
        for activity in t.activities.to_mut() {
            activity.management_fee = absurd;
            for model in activity.models.to_mut() {
                for unit in model.units.to_mut() {
                    for tier in unit.tiers.to_mut() {
                        tier.price = absurd;
                    }
                }
            }
        }
        let request = valid(&t, &recipe);
        if let Err(error) = estimate(&t, &request) {
            prop_assert_eq!(error.code(), "overflow");
        }
    }
}

/// Quote details as people type them: any script, punctuation, emoji, within the caps.
fn quote() -> impl Strategy<Value = QuoteDetails> {
    (
        "\\PC{0,60}",
        "\\PC{0,40}",
        "\\PC{0,50}",
        "\\PC{0,24}",
        prop::option::of((2000u16..2100, 1u8..=12, 1u8..=28)),
    )
        .prop_map(
            |(client, preparer, contact, reference, issued)| QuoteDetails {
                client,
                preparer,
                contact,
                reference,
                issued: issued.and_then(|(y, m, d)| Date::new(y, m, d)),
                ..QuoteDetails::default()
            },
        )
}

/// One edit of a link: where, what (0 cut there, 1 remove a character, 2 insert `text`, 3
/// replace a character with `text`), and the text.
type Edit = (usize, u8, String);

/// `link` with `edits` done to it, in turn.
fn damage(link: &str, edits: Vec<Edit>) -> String {
    let mut text: Vec<char> = link.chars().collect();
    for (at, kind, insert) in edits {
        let at = at % (text.len() + 1);
        match kind {
            0 => text.truncate(at),
            1 if at < text.len() => {
                text.remove(at);
            }
            3 if at < text.len() => {
                text.splice(at..=at, insert.chars());
            }
            _ => {
                for (i, c) in insert.chars().enumerate() {
                    text.insert((at + i).min(text.len()), c);
                }
            }
        }
    }
    text.into_iter().collect()
}

/// A valid link with some damage done to it: bytes cut, removed or inserted.
fn damaged_link() -> impl Strategy<Value = String> {
    (
        recipe(),
        prop::collection::vec(recipe(), 0..3),
        quote(),
        prop::collection::vec((any::<usize>(), 0u8..3, "\\PC{0,3}"), 0..6),
    )
        .prop_map(|(recipe, others, quote, edits)| {
            let t = tariff();
            let shared = Contents {
                tariff: t.version.to_string(),
                request: valid(t, &recipe),
                options: others.iter().map(|r| valid(t, r)).collect(),
                quote,
            };
            damage(&link::encode(&shared, t), edits)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn a_link_reopens_the_same_estimate(recipe in recipe(), quote in quote()) {
        let t = tariff();
        let shared = Contents { tariff: t.version.to_string(), request: valid(t, &recipe), options: Vec::new(), quote };
        let text = link::encode(&shared, t);
        prop_assert!(text.len() <= link::MAX_LENGTH);
        let opened = link::decode(&text, catalogue().expect("valid")).expect("our own link");
        prop_assert_eq!(&opened.dropped, &[]);
        prop_assert_eq!(estimate(t, &opened.contents.request), estimate(t, &shared.request));
        prop_assert_eq!(&opened.contents, &shared);
        // Encoding is canonical: the reopened estimate writes the very same link.
        prop_assert_eq!(link::encode(&opened.contents, t), text);
        // A visitor's own estimate is written the same by the first module's writer.
        if shared.quote.is_empty() {
            prop_assert_eq!(link::encode_estimate(&shared.request, t), link::encode(&shared, t));
        }
    }

    #[test]
    fn every_option_of_a_quotation_reopens_as_it_was_offered(
        recipe in recipe(),
        others in prop::collection::vec(recipe(), 1..3),
        quote in quote(),
    ) {
        let t = tariff();
        // One quotation is priced by one set of rules: its format's.
        let alike = |other: &Recipe| valid(t, &Recipe { current: recipe.current, ..other.clone() });
        let shared = Contents {
            tariff: t.version.to_string(),
            request: valid(t, &recipe),
            options: others.iter().map(alike).collect(),
            quote,
        };
        let text = link::encode(&shared, t);
        let opened = link::decode(&text, catalogue().expect("valid")).expect("our own link");
        prop_assert_eq!(&opened.dropped, &[]);
        prop_assert_eq!(&opened.contents, &shared);
        prop_assert_eq!(link::encode(&opened.contents, t), text.clone());
        for (n, option) in std::iter::once(&shared.request).chain(&shared.options).enumerate() {
            let chosen = link::decode(&link::with_option(&text, n + 1), catalogue().expect("valid"))
                .expect("our own link");
            prop_assert_eq!(&chosen.dropped, &[]);
            prop_assert_eq!(chosen.shown, n);
            prop_assert_eq!(chosen.request(), option);
            prop_assert_eq!(estimate(t, chosen.request()), estimate(t, option));
        }
    }
}

/// Decoding is the one place the outside world writes to: 20,000 cases a run, or as many as
/// `PROPTEST_CASES` asks for (the README's long run uses a million).
fn decoding_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(decoding_cases()))]

    #[test]
    fn decoding_any_text_never_panics(text in prop_oneof![".{0,300}", "[v=1&tskcldfz.~0-9a-z%#]{0,200}", damaged_link()]) {
        let catalogue = catalogue().expect("valid");
        if let Ok(opened) = link::decode(&text, catalogue) {
            // Whatever was recovered is a request its tariff prices.
            let t = catalogue.get(&opened.contents.tariff).expect("a bundled tariff");
            prop_assert!(estimate(t, &opened.contents.request).is_ok(), "{}", text);
            for option in opened.options() {
                prop_assert!(estimate(t, option).is_ok(), "{}", text);
            }
            for field in QuoteField::ALL {
                let value = field.get(&opened.contents.quote);
                prop_assert!(value.chars().count() <= field.max() && !value.chars().any(char::is_control));
            }
        }
    }
}

/// Signed quotations, damaged on the way. Needs the quote tool's p256 (feature `cli`).
#[cfg(feature = "cli")]
mod signed {
    use std::sync::OnceLock;

    use biaya_bpo::provider::fixture as example;
    use biaya_bpo::quote::Today;
    use biaya_bpo::signature::{self, native};
    use p256::ecdsa::SigningKey;

    use super::*;

    /// The demo key's id in tariffs/provider.toml.
    const DEMO: &str = "SD-14cd3d";

    /// The day the links are read on.
    fn today() -> Date {
        Date::new(2026, 12, 15).expect("a date")
    }

    /// Read once: a million cases need not parse the JWK a million times.
    fn demo_key() -> &'static SigningKey {
        static KEY: OnceLock<SigningKey> = OnceLock::new();
        KEY.get_or_init(|| {
            native::signing_key(include_str!("fixtures/demo-key.jwk")).expect("the demo key reads")
        })
    }

    /// A quotation as a salesperson issues it: any script in its texts, dated from the day the
    /// demo key and tariff 2026-11 took effect (2026-11-01, 44 days before `today`) to `today`,
    /// so it is valid or, past its validity, expired; a discount within SD's 10 %.
    fn issued() -> impl Strategy<Value = QuoteDetails> {
        (
            ("\\PC{0,24}", "\\PC{0,24}", "\\PC{0,24}", "\\PC{0,40}"),
            0u32..=44,
            prop::option::of(0u32..60),
            prop::option::of(0i64..=10),
        )
            .prop_map(
                |((client, reference, attention, note), age, until, discount)| {
                    let issued = today().minus_days(age);
                    QuoteDetails {
                        client,
                        reference,
                        attention,
                        note,
                        issued,
                        until: until.and_then(|days| issued?.plus_days(days)),
                        discount: discount.map(|percent| Decimal::new(percent, 2)),
                        ..QuoteDetails::default()
                    }
                },
            )
    }

    /// A signed quotation and the same with some damage done to it: cut, characters removed,
    /// inserted or replaced (base64url characters too, so the signature itself is hit with
    /// characters it could hold).
    fn damaged_signed_link() -> impl Strategy<Value = (String, String)> {
        (
            recipe(),
            issued(),
            prop::collection::vec(
                (
                    any::<usize>(),
                    0u8..4,
                    prop_oneof!["\\PC{0,3}", "[A-Za-z0-9_-]"],
                ),
                0..6,
            ),
        )
            .prop_map(|(recipe, quote, edits)| {
                let t = tariff();
                let contents = Contents {
                    tariff: t.version.to_string(),
                    request: valid(t, &recipe),
                    options: Vec::new(),
                    quote,
                };
                let signable = link::signable(&contents, t, DEMO);
                let original = link::sealed(&signable, &native::sign(demo_key(), &signable));
                let damaged = damage(&original, edits);
                (original, damaged)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(decoding_cases()))]

        #[test]
        fn a_damaged_signed_link_never_vouches((original, damaged) in damaged_signed_link()) {
            let catalogue = catalogue().expect("valid");
            // What a reader checks is the fragment as `link::fragment` reads it: an address put
            // before `#`, or a space where a chat app decoded `%20`, changes nothing.
            let untouched = link::fragment(&damaged) == original;
            let decoded = link::decode(&damaged, catalogue);
            prop_assert!(decoded.is_ok() || !untouched, "{:?} for {}", decoded, original);
            let Ok(opened) = decoded else {
                return Ok(());
            };
            let t = catalogue.get(&opened.contents.tariff).expect("a bundled tariff");
            let verdict = match signature::claim(opened.seal.as_ref(), example()) {
                Ok(claim) => signature::judge(
                    (claim.staff, claim.key),
                    (
                        native::verify(&claim),
                        signature::approver_claim(opened.approval.as_ref(), example())
                            .is_some_and(|approval| native::verify(&approval)),
                    ),
                    &opened,
                    t,
                    example(),
                    Today(today()),
                ),
                Err(verdict) => verdict,
            };
            if untouched {
                // The edits undid themselves (or did nothing): the signer's own link stands.
                prop_assert!(verdict.state.vouches(), "{:?} for {}", verdict.state, original);
            } else {
                // Not only never valid: never expired either, the other state that vouches for
                // the discount and the note.
                prop_assert!(
                    !verdict.state.vouches(),
                    "{:?} for {}, damaged from {}",
                    verdict.state,
                    damaged,
                    original
                );
                prop_assert_eq!(verdict.discount, None);
            }
        }
    }
}
