//! A quotation of several options (issue 24, item 3): two or three alternatives signed together
//! in one link, each priced as a whole quotation, the client's choice shown by `&o=` after the
//! signature, and an acceptance that names the option chosen.
//!
//! The three options are the requests of three golden links (tests/golden.rs), whose figures
//! were worked by hand from tariff 2026-11 there:
//!  1. Jakarta, month to month, five dedicated agents with 12,000 chats and 500 e-mails beside
//!     them: IDR 186,036,000 a month, one-time 66,600,000, contract 252,636,000;
//!  2. the same centre with 45 agents sized by Erlang C for 90 % within 20 s: IDR 585,525,000 a
//!     month, one-time 466,200,000, contract 1,051,725,000;
//!  3. no call centre, 250 payslips a month in US dollars: USD 914.30 a month, one-time 664.95,
//!     contract 1,579.25.

#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

use biaya_bpo::acceptance::{Figures, Finding, examine};
use biaya_bpo::calendar::Date;
use biaya_bpo::document::{Document, Standing};
use biaya_bpo::estimate::Request;
use biaya_bpo::i18n::{Lang, accept_message, format_money};
use biaya_bpo::link::{self, Contents, Dropped, MAX_LENGTH, QuoteDetails};
use biaya_bpo::provider::fixture as example;
use biaya_bpo::quote::Today;
use biaya_bpo::signature::native;
use biaya_bpo::tariff::{Catalogue, catalogue};
use p256::ecdsa::SigningKey;
use rust_decimal::Decimal;
use serde_json::Value;

mod tool;
use tool::quote_tool;

const AGENTS: &str = "v=3&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.5.0.12000.500&z=997d71ea";
const SIZED: &str = "v=3&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.45&call-centre-traffic=e.72800.180.12.7.90.20.85.30.f&z=965deac1";
const PAYSLIPS: &str =
    "v=3&t=2026-11&s=jakarta&k=monthly&c=USD&l=id&f=30&accounting=0.0.250&z=5cde467d";

fn bundled() -> &'static Catalogue {
    catalogue().expect("the bundled tariffs are valid")
}

fn request(text: &str) -> Request {
    link::decode(text, bundled()).expect(text).contents.request
}

fn day(text: &str) -> Today {
    Today(Date::parse(text).expect("a date"))
}

fn amount(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

/// The three options as one quotation for PT Maju Jaya, numbered NLY/SD/2026/11/0009.
fn three_options() -> Contents {
    Contents {
        tariff: "2026-11".into(),
        request: request(AGENTS),
        options: vec![request(SIZED), request(PAYSLIPS)],
        quote: QuoteDetails {
            client: "PT Maju Jaya".into(),
            preparer: "Sari Dewi".into(),
            reference: "NLY/SD/2026/11/0009".into(),
            issued: Date::parse("2026-11-28"),
            ..QuoteDetails::default()
        },
    }
}

fn demo_key() -> SigningKey {
    native::signing_key(include_str!("fixtures/demo-key.jwk")).expect("the demo key reads")
}

/// `contents` signed with the demo key, as the sales console issues it.
fn signed(contents: &Contents) -> String {
    let tariff = bundled().get(&contents.tariff).expect("bundled");
    let signable = link::signable(contents, tariff, "SD-14cd3d");
    link::sealed(&signable, &native::sign(&demo_key(), &signable))
}

fn document(text: &str, today: Today) -> Document {
    Document::from_link(text, bundled(), example(), today, native::verify).expect(text)
}

#[test]
fn each_further_option_travels_as_what_it_changes_and_reopens_exactly() {
    let contents = three_options();
    let tariff = bundled().latest();
    let text = link::encode(&contents, tariff);
    // Written by hand from the format (docs/link-format.md): the first option's fields, then
    // what the second and third write otherwise, a field the first has and they have not as
    // `key@`.
    assert!(
        text.starts_with(
            "v=4&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.5.0.12000.500\
             &o2=call-centre@dedicated.45+call-centre-traffic@e.72800.180.12.7.90.20.85.30.f\
             &o3=c@USD+accounting@0.0.250+call-centre@&for=PT%20Maju%20Jaya&"
        ),
        "{text}"
    );
    let opened = link::decode(&text, bundled()).expect("our link");
    assert_eq!(opened.dropped, []);
    assert_eq!(opened.contents, contents);
    assert_eq!(opened.shown, 0);
    assert_eq!(*opened.request(), request(AGENTS));
    // Encoding is canonical: the reopened quotation writes the very same link.
    assert_eq!(link::encode(&opened.contents, tariff), text);

    // The client's choice follows the link and shows that option, everything else the same.
    for (n, wanted) in [(1, AGENTS), (2, SIZED), (3, PAYSLIPS)] {
        let chosen = link::decode(&format!("{text}&o={n}"), bundled()).expect("our link");
        assert_eq!(chosen.dropped, [], "option {n}");
        assert_eq!(chosen.shown, n - 1);
        assert_eq!(*chosen.request(), request(wanted), "option {n}");
        assert_eq!(chosen.contents, contents);
    }
    // An option it does not offer shows the first, and says the choice was not read.
    let fourth = link::decode(&format!("{text}&o=4"), bundled()).expect("our link");
    assert_eq!(fourth.shown, 0);
    assert_eq!(fourth.dropped, [Dropped::Unknown { field: "o".into() }]);
    // An option is of the link's format and tariff: one that would change them is not read so.
    let hand = text.replacen("&o3=c@USD", "&o3=t@2031-01+c@USD", 1);
    let third = link::decode(&format!("{hand}&o=3"), bundled()).expect("our link");
    assert!(
        third
            .dropped
            .contains(&Dropped::Unknown { field: "o3".into() })
    );
    assert_eq!(third.request().currency, request(PAYSLIPS).currency);
    assert_eq!(third.contents.tariff, "2026-11");
    // A page of the release before, which knew format 3 only, asks to be reloaded rather than
    // show the first option as the whole offer: the format says it is newer.
    assert!(text.starts_with("v=4&"));
    let one = Contents {
        options: Vec::new(),
        ..contents
    };
    assert!(link::encode(&one, tariff).starts_with("v=3&"));
}

#[test]
fn the_options_are_signed_together_and_choosing_one_changes_no_signature() {
    let sealed = signed(&three_options());
    let today = day("2026-12-01");
    for (n, monthly, one_time, contract) in [
        (1, "186036000", "66600000", "252636000"),
        (2, "585525000", "466200000", "1051725000"),
        (3, "914.30", "664.95", "1579.25"),
    ] {
        let document = document(&format!("{sealed}&o={n}"), today);
        assert_eq!(document.standing, Standing::Valid, "option {n}");
        assert_eq!(document.shown, n - 1);
        assert_eq!(document.options, 3);
        let totals = &document.estimate.totals;
        assert_eq!(totals.monthly, amount(monthly), "option {n}");
        assert_eq!(totals.one_time, amount(one_time), "option {n}");
        assert_eq!(totals.contract, amount(contract), "option {n}");
        // Every option is in the document, priced the same whichever is shown.
        let offers = document.offers(bundled()).expect("every option prices");
        assert_eq!(offers.len(), 3);
        let offered = &offers[n - 1].estimate.totals;
        assert_eq!(offered, totals);
    }
    // Changing what an option offers is changing what was signed.
    let altered = sealed.replacen(
        "o2=call-centre@dedicated.45",
        "o2=call-centre@dedicated.44",
        1,
    );
    assert_ne!(altered, sealed);
    assert_eq!(
        document(&format!("{altered}&o=2"), today).standing,
        Standing::Altered
    );
}

#[test]
fn three_options_with_every_detail_at_its_cap_fit_in_a_link() {
    // The longest the console lets out: four activities in the first option, the two others
    // changing the site, the term and every volume, every free text at its cap, signed and
    // approved, the client's choice after it.
    let tariff = bundled().latest();
    let mut contents = three_options();
    let full = request(
        "v=3&t=2026-11&s=jakarta&k=36m&c=IDR&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&accounting=4000.1500.250.2.6~1&fulfilment=12000.9000.120.0.300.40~1&sales=3.40.150~1&z=0",
    );
    let moved = |site: &str, term: &str, bump: u64| {
        let mut other = full.clone();
        other.site = site.into();
        other.term = term.into();
        for wanted in &mut other.activities {
            let units: Vec<String> = wanted.volumes.iter().map(|(u, _)| u.clone()).collect();
            for unit in units {
                // Every volume of some size another figure (a few are capped low: closes).
                if let Some(quantity) = wanted.volumes.get_mut(&unit).filter(|q| **q >= 100) {
                    *quantity += bump;
                }
            }
        }
        other
    };
    contents.request = full.clone();
    contents.options = vec![
        moved("yogyakarta", "12m", 1111),
        moved("yogyakarta", "24m", 2222),
    ];
    // Words with spaces, as names and terms are written: each space travels as `%20`.
    for field in link::QuoteField::ALL {
        *field.get_mut(&mut contents.quote) = "Maju Jaya ".repeat(20)[..field.max()].to_owned();
    }
    contents.quote.discount = Some(Decimal::new(125, 3));
    let sealed = signed(&contents);
    let approved = format!(
        "{}&osig={}",
        link::countersignable(
            &sealed,
            "BP-2f61aa",
            Date::parse("2026-12-01").expect("a day")
        ),
        "A".repeat(86)
    );
    let longest = format!("{}#{approved}&o=3", example().page_url);
    assert!(
        longest.len() <= MAX_LENGTH,
        "{} characters: {longest}",
        longest.len()
    );
    let opened = link::decode(&longest, bundled()).expect("reads");
    assert_eq!(opened.dropped, []);
    assert_eq!(opened.shown, 2);
    assert_eq!(opened.contents.options, contents.options);
    println!("the longest: {} characters", longest.len());
    assert!(link::encode(&contents, tariff).len() < longest.len());
}

#[test]
fn the_acceptance_names_the_option_chosen_by_its_link_or_by_its_figures() {
    let issued = format!("{}#{}", example().page_url, signed(&three_options()));
    let today = day("2026-12-01");
    for lang in [Lang::Id, Lang::En] {
        let chosen = format!("{issued}&o=2");
        let message = accept_message(&document(&chosen, today), &chosen, lang);
        let named = match lang {
            Lang::Id => "opsi 2 dari 3",
            Lang::En => "option 2 of 3",
        };
        assert!(message.contains(named), "{message}");
        let judged = |message: &str| {
            examine(
                message,
                std::slice::from_ref(&issued),
                bundled(),
                example(),
                today,
                format_money,
            )
        };
        match judged(&message) {
            Finding::Matches(found) => {
                assert_eq!(found.number, "NLY/SD/2026/11/0009");
                assert_eq!(found.option, Some(2));
                assert_eq!(found.figures, Figures::Stated, "{message}");
            }
            other => panic!("{other:?} for {message}"),
        }
        // The link cut off in the chat: the words' figures are the second option's.
        let (words, _) = message.split_once("http").expect("a link");
        match judged(words) {
            Finding::Matches(found) => {
                assert_eq!(found.option, Some(2), "{words}");
                assert_eq!(found.figures, Figures::Stated);
            }
            other => panic!("{other:?} for {words}"),
        }
        // The second option's link with the first option's figures in its words: not what the
        // client chose.
        let first = accept_message(&document(&issued, today), &issued, lang);
        let (first_words, _) = first.split_once("http").expect("a link");
        match judged(&format!("{first_words}{chosen}")) {
            Finding::Matches(found) => assert_eq!(found.figures, Figures::Differ),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn the_quote_tool_verifies_an_optioned_quotation_and_lists_its_options() {
    let sealed = signed(&three_options());
    let output = quote_tool(&[
        "--at",
        "2026-12-01T03:00:00Z",
        &format!("{}#{sealed}&o=3", example().page_url),
    ]);
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["standing"], "valid");
    assert_eq!(report["estimate"]["totals"]["monthly"], "914.30");
    let options = report["options"].as_array().expect("options");
    let figures: Vec<(&str, &str, bool)> = options
        .iter()
        .map(|o| {
            (
                o["currency"].as_str().expect("currency"),
                o["totals"]["monthly"].as_str().expect("monthly"),
                o["shown"].as_bool().expect("shown"),
            )
        })
        .collect();
    assert_eq!(
        figures,
        [
            ("IDR", "186036000", false),
            ("IDR", "585525000", false),
            ("USD", "914.30", true)
        ]
    );
}

#[test]
fn the_csv_names_the_option_shown_and_lists_every_options_totals() {
    let sealed = signed(&three_options());
    let document = document(&format!("{sealed}&o=2"), day("2026-12-01"));
    let offers = document.offers(bundled()).expect("every option prices");
    let tariff = bundled().latest();
    let text = biaya_bpo::csv::document(&document, &offers, tariff, example(), &sealed, Lang::En)
        .write(Lang::En);
    // Each line's cells, as a spreadsheet splits them (no cell here holds `;` or a quote).
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|line| line.split(';').map(|cell| cell.trim_matches('"')).collect())
        .collect();
    assert!(
        rows.iter().any(|r| r[..2] == ["Options", "Option 2 of 3"]),
        "{text}"
    );
    let listed: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .filter(|r| r[0] == "Options" && r.len() > 6)
        .map(|r| (r[1], r[2], r[5], r[6]))
        .collect();
    assert_eq!(
        listed,
        [
            ("Option 1", "One-time", "66600000", "IDR"),
            ("Option 1", "Monthly", "186036000", "IDR"),
            ("Option 1", "Contract total (1 month)", "252636000", "IDR"),
            ("Option 2", "One-time", "466200000", "IDR"),
            ("Option 2", "Monthly", "585525000", "IDR"),
            ("Option 2", "Contract total (1 month)", "1051725000", "IDR"),
            ("Option 3", "One-time", "664.95", "USD"),
            ("Option 3", "Monthly", "914.30", "USD"),
            ("Option 3", "Contract total (1 month)", "1579.25", "USD"),
        ]
    );
}
