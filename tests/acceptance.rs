//! A client's acceptance as the salesperson pastes it into the console (issue 24, item 5): the
//! accept message the page writes for a signed quotation names it by number, code and link, and
//! the console tells an acceptance of the quotation it issued, unchanged and with its figures,
//! from one that was changed on the way, names another quotation, or comes too late.
//!
//! The quotation: tests/fixtures/signed-natively.txt, signed with the demo key on 28 November
//! 2026 as NLY/SD/2026/11/0001 for PT Maju Jaya, 5 % off; the provider's 90 days end it on
//! 26 February 2027. Its signature begins `Y_f1Sgvh`: that is its code.

#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

use biaya_bpo::acceptance::{Figures, Finding, examine};
use biaya_bpo::calendar::Date;
use biaya_bpo::document::{Document, Standing};
use biaya_bpo::i18n::{Lang, accept_message, format_money};
use biaya_bpo::provider::fixture as example;
use biaya_bpo::quote::Today;
use biaya_bpo::signature::native;
use biaya_bpo::tariff::catalogue;

const SIGNED: &str = include_str!("fixtures/signed-natively.txt");

fn day(text: &str) -> Today {
    Today(Date::parse(text).expect("a date"))
}

/// The quotation's link as the console issued it and its register holds it.
fn issued() -> String {
    format!("{}#{}", example().page_url, SIGNED.trim())
}

/// The message the client's page writes on `today`, in `lang`, to accept the quotation.
fn message(lang: Lang, today: Today) -> String {
    let link = issued();
    let document = Document::from_link(
        &link,
        catalogue().expect("valid"),
        example(),
        today,
        native::verify,
    )
    .expect("a document");
    assert_eq!(document.standing, Standing::Valid);
    accept_message(&document, &link, lang)
}

fn judged(message: &str, register: &[String], today: Today) -> Finding {
    examine(
        message,
        register,
        catalogue().expect("valid"),
        example(),
        today,
        format_money,
    )
}

#[test]
fn the_clients_acceptance_matches_the_quotation_issued_unchanged_in_either_language() {
    let today = day("2026-12-01");
    for lang in [Lang::Id, Lang::En] {
        let message = message(lang, today);
        // The message quotes the code by hand: the signature's first eight characters.
        assert!(message.contains("Y_f1Sgvh"), "{message}");
        match judged(&message, &[issued()], today) {
            Finding::Matches(found) => {
                assert_eq!(found.number, "NLY/SD/2026/11/0001");
                assert_eq!(found.figures, Figures::Stated, "{message}");
                assert_eq!(found.standing, Standing::Valid);
                assert_eq!(found.until, Date::parse("2027-02-26"));
                assert_eq!(found.link, issued());
            }
            other => panic!("{other:?} for {message}"),
        }
    }
}

#[test]
fn a_chat_app_that_decoded_the_links_spaces_changes_nothing() {
    let today = day("2026-12-01");
    let message = message(Lang::Id, today).replace("%20", " ");
    assert!(message.contains("PT Maju Jaya"), "{message}");
    assert!(matches!(
        judged(&message, &[issued()], today),
        Finding::Matches(found) if found.figures == Figures::Stated
    ));
}

#[test]
fn a_link_changed_on_the_way_is_not_the_quotation_issued() {
    let today = day("2026-12-01");
    // The client (or anyone) raised the discount in the link: the signature no longer covers it.
    let message = message(Lang::En, today).replacen("disc=5", "disc=15", 1);
    assert_eq!(
        judged(&message, &[issued()], today),
        Finding::Differs {
            number: "NLY/SD/2026/11/0001".into()
        }
    );
}

#[test]
fn figures_changed_in_the_words_are_not_the_quotations() {
    let today = day("2026-12-01");
    let message = message(Lang::En, today);
    // The contract total as the words state it, its first digit changed: any change will do.
    let (_, after) = message.split_once("contract total ").expect("its words");
    let (stated, _) = after.split_once(" (").expect("then its months");
    let digit = stated.find(|c: char| c.is_ascii_digit()).expect("a figure");
    let other = if &stated[digit..=digit] == "9" {
        "1"
    } else {
        "9"
    };
    let altered = format!("{}{other}{}", &stated[..digit], &stated[digit + 1..]);
    let changed = message.replacen(stated, &altered, 1);
    assert_ne!(changed, message);
    assert!(matches!(
        judged(&changed, &[issued()], today),
        Finding::Matches(found) if found.figures == Figures::Differ
    ));
}

#[test]
fn the_code_alone_finds_the_quotation_where_the_link_was_cut() {
    let today = day("2026-12-01");
    let message = message(Lang::Id, today);
    let (words, _) = message.split_once("Tautan:").expect("the link at the end");
    assert!(matches!(
        judged(words, &[issued()], today),
        Finding::Matches(found) if found.number == "NLY/SD/2026/11/0001" && found.figures == Figures::Stated
    ));
}

#[test]
fn a_quotation_not_issued_here_or_no_quotation_at_all_is_said_so() {
    let today = day("2026-12-01");
    let message = message(Lang::En, today);
    assert_eq!(
        judged(&message, &[], today),
        Finding::NotIssued {
            number: "NLY/SD/2026/11/0001".into()
        }
    );
    assert_eq!(
        judged("OK, we accept. Thanks!", &[issued()], today),
        Finding::Unrecognised
    );
}

#[test]
fn an_acceptance_after_the_last_day_does_not_find_a_standing_quotation() {
    // Written while it stood, read the day after its last day, 27 February 2027.
    let message = message(Lang::En, day("2026-12-01"));
    assert!(matches!(
        judged(&message, &[issued()], day("2027-02-27")),
        Finding::Matches(found) if found.standing == Standing::Expired
    ));
    // On its last day it still stands.
    assert!(matches!(
        judged(&message, &[issued()], day("2027-02-26")),
        Finding::Matches(found) if found.standing == Standing::Valid
    ));
}

#[test]
fn a_figure_with_a_digit_more_is_not_the_quotations() {
    let today = day("2026-12-01");
    let message = message(Lang::En, today);
    // A zero added to the monthly total: the quotation's figure is still a part of the words.
    let changed = message.replacen(" a month", "0 a month", 1);
    assert!(matches!(
        judged(&changed, &[issued()], today),
        Finding::Matches(found) if found.figures == Figures::Differ
    ));
}

#[test]
fn a_client_named_after_a_web_address_does_not_hide_the_link() {
    let today = day("2026-12-01");
    let message = format!("From http://maju.example: {}", message(Lang::En, today));
    assert!(matches!(
        judged(&message, &[issued()], today),
        Finding::Matches(found) if found.figures == Figures::Stated
    ));
}

#[test]
fn the_link_alone_matches_without_figures_to_compare() {
    let today = day("2026-12-01");
    assert!(matches!(
        judged(&issued(), &[issued()], today),
        Finding::Matches(found) if found.figures == Figures::Absent && found.standing == Standing::Valid
    ));
}

/// The fixture's quotation revised: its number with -R1, what it replaces written in `was`,
/// signed with the demo key as the console does.
fn revised() -> String {
    let catalogue = catalogue().expect("valid");
    let revised = SIGNED
        .trim()
        .split("&key=")
        .next()
        .expect("its signed text")
        .replacen("ref=NLY/SD/2026/11/0001", "ref=NLY/SD/2026/11/0001-R1", 1);
    let revised = format!("{revised}&was=NLY/SD/2026/11/0001%20Y_f1Sgvh");
    let opened = biaya_bpo::link::decode(&revised, catalogue).expect("a link");
    let tariff = catalogue.get(&opened.contents.tariff).expect("its tariff");
    let signable = biaya_bpo::link::signable(&opened.contents, tariff, "SD-14cd3d");
    let key = native::signing_key(include_str!("fixtures/demo-key.jwk")).expect("the demo key");
    let link = biaya_bpo::link::sealed(&signable, &native::sign(&key, &signable));
    format!("{}#{link}", example().page_url)
}

#[test]
fn a_revision_names_itself_and_what_it_replaces() {
    let catalogue = catalogue().expect("valid");
    let link = revised();
    let document = Document::from_link(
        &link,
        catalogue,
        example(),
        day("2026-12-01"),
        native::verify,
    )
    .expect("a document");
    assert_eq!(document.standing, Standing::Valid);
    let quote = document.quote.expect("a quotation");
    assert_eq!(quote.number, "NLY/SD/2026/11/0001-R1");
    assert_eq!(quote.revision, Some(1));
    assert_eq!(
        quote.replaces,
        Some(("NLY/SD/2026/11/0001".to_owned(), "Y_f1Sgvh".to_owned()))
    );
}

#[test]
fn an_acceptance_of_a_replaced_revision_is_said_to_be_one() {
    let today = day("2026-12-01");
    let message = message(Lang::En, today);
    assert!(matches!(
        judged(&message, &[issued(), revised()], today),
        Finding::Matches(found) if found.superseded_by.as_deref() == Some("NLY/SD/2026/11/0001-R1")
    ));
    // The revision itself is replaced by nothing.
    assert!(matches!(
        judged(&revised(), &[issued(), revised()], today),
        Finding::Matches(found) if found.superseded_by.is_none() && found.number.ends_with("-R1")
    ));
}
