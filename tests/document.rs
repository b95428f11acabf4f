//! One document, derived once (issue 21): what a link makes, on the provider's calendar, is the
//! same value for the quote tool (natively, RustCrypto) and for the page (its state, the
//! browser's check standing in), and every standing carries exactly the words it may.

#![cfg(all(feature = "cli", feature = "ui", not(target_arch = "wasm32")))]

use std::rc::Rc;

use biaya_bpo::calendar::Date;
use biaya_bpo::document::{Document, Standing, Voice};
use biaya_bpo::i18n::Lang;
use biaya_bpo::provider::fixture as example;
use biaya_bpo::quote::Today;
use biaya_bpo::signature::native;
use biaya_bpo::tariff::catalogue;
use biaya_bpo::ui::state::{Action, State};
use rust_decimal_macros::dec;
use yew::Reducible;

/// Signed with the demo key on 28 November 2026, 5 % off, special terms, asking until 2099.
const SIGNED: &str = include_str!("fixtures/signed-natively.txt");

fn day(text: &str) -> Today {
    Today(Date::parse(text).expect("a date"))
}

/// The document the quote tool makes of `link` on `today`.
fn natively(link: &str, today: Today) -> Document {
    Document::from_link(
        link,
        catalogue().expect("valid"),
        example(),
        today,
        native::verify,
    )
    .expect("a document")
}

/// The document the page makes of `link` on `today`, once the browser has checked its
/// signature the way RustCrypto does.
fn on_the_page(link: &str, today: Today) -> Document {
    // The page reads the example provider too.
    let provider = example();
    let state = State::load(
        catalogue().expect("valid"),
        Lang::En,
        today,
        Some(link),
        None,
    );
    let opened = biaya_bpo::link::decode(link, catalogue().expect("valid")).expect("a link");
    let holds = biaya_bpo::signature::claim(opened.seal.as_ref(), provider)
        .is_ok_and(|claim| native::verify(&claim));
    let approved = biaya_bpo::signature::approver_claim(opened.approval.as_ref(), provider)
        .is_some_and(|claim| native::verify(&claim));
    let state = Rc::new(state).reduce(Action::Verified {
        link: link.to_owned(),
        holds: (holds, approved),
        certified: None,
    });
    (*state.document.clone().expect("priced")).clone()
}

#[test]
fn the_page_and_the_quote_tool_make_the_same_document_of_every_standing() {
    let signed = SIGNED.trim();
    let unsigned = &signed[..signed.find("&key=").expect("signed")];
    for (link, today, standing) in [
        (signed, "2026-12-10", Standing::Valid),
        (signed, "2027-02-27", Standing::Expired),
        (
            &*signed.replacen("Maju", "Maja", 1),
            "2026-12-10",
            Standing::Altered,
        ),
        (unsigned, "2026-12-10", Standing::Unsigned),
    ] {
        let native = natively(link, day(today));
        assert_eq!(native.standing, standing, "{link}");
        assert_eq!(on_the_page(link, day(today)), native, "{standing:?}");
    }
}

#[test]
fn only_a_standing_signature_speaks_in_the_providers_name() {
    let signed = SIGNED.trim();
    let valid = natively(signed, day("2026-12-10"));
    let quote = valid.quote.as_ref().expect("a quotation");
    assert_eq!(quote.voice, Voice::Signer);
    assert_eq!(
        quote.signer.as_ref().map(|s| s.name.as_str()),
        Some("Sari Dewi")
    );
    assert_eq!(quote.note, "Harga termasuk laporan mingguan.");
    assert_eq!(quote.discount, Some(dec!(0.05)));
    // The provider's 90 days from 28 November 2026, not the link's 2099.
    assert_eq!(quote.until, Date::parse("2027-02-26"));
    assert!(valid.stands());

    let altered = natively(&signed.replacen("Maju", "Maja", 1), day("2026-12-10"));
    let quote = altered.quote.as_ref().expect("a quotation");
    assert_eq!(quote.voice, Voice::Link);
    assert_eq!(quote.signer, None);
    assert_eq!((quote.note.as_str(), quote.discount), ("", None));
    assert_eq!(
        quote.asked_discount,
        Some(dec!(0.05)),
        "what it asks, not applied"
    );
    assert!(!altered.stands());
    // Priced at list prices: the same request without the discount.
    assert!(altered.estimate.totals.monthly > valid.estimate.totals.monthly);
}

#[test]
fn an_estimate_is_not_a_quotation_and_stands_for_nothing() {
    let link = "v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&sales=3.40.150&z=29b2cc1c";
    let document = natively(link, day("2026-12-10"));
    assert_eq!(document.standing, Standing::Estimate);
    assert_eq!(document.quote, None);
    assert!(!document.stands());
    assert_eq!(document.today, Date::parse("2026-12-10").expect("a date"));
}
