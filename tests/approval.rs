//! A discount over a salesperson's own limit, approved by a colleague who may (issue 24, item
//! 2). In the example provider Budi Pratama (BP, account executive) may give 5 % and Sari Dewi
//! (SD, sales manager) 10 %, and she may approve up to 20 % on a colleague's quotation. Budi asks
//! 8 % for PT Maju Jaya on 8 December 2026: his signed link is a request, which applies no
//! discount; once Sari countersigns it, the client's page applies the 8 % and names her.
//!
//! The estimate: one call centre, shared agents, 45,000 minutes and 3,000 + 1,200 of the other
//! units, in Jakarta for 12 months. Unsigned it costs IDR 289,819,835 a month, of which
//! 26,362,500 fixed. 8 % off the recurring charges, worked by hand: 289,819,835 × 0.92 =
//! 266,634,248.2, so IDR 266,634,248 a month; the fixed part 26,362,500 × 0.92 = 24,253,500.

#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

use std::process::Output;

use biaya_bpo::acceptance::{Figures, Finding, examine};
use biaya_bpo::calendar::Date;
use biaya_bpo::document::{Document, Standing};
use biaya_bpo::i18n::{Lang, accept_message, format_money};
use biaya_bpo::link;
use biaya_bpo::provider::{Provider, fixture as example};
use biaya_bpo::quote::{ApprovalRefusal, Refusal, Today, may_approve, may_issue};
use biaya_bpo::signature::native;
use biaya_bpo::tariff::catalogue;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;

mod tool;
use tool::quote_tool;

const ESTIMATE: &str = "v=3&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&for=PT%20Maju%20Jaya&ref=NLY/BP/2026/12/0001-ABC&d=2026-12-08";

fn day(text: &str) -> Today {
    Today(Date::parse(text).expect("a date"))
}

fn key(file: &str) -> p256::ecdsa::SigningKey {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    native::signing_key(&std::fs::read_to_string(path).expect("a key file")).expect("a key")
}

/// `ESTIMATE` with `disc=<percent>`, signed natively by the holder of `file` with `key_id`
/// (without the rules `quote sign` keeps: some tests need what the console would never sign).
fn signed(percent: &str, file: &str, key_id: &str) -> String {
    let body = format!("{ESTIMATE}&disc={percent}&key={key_id}");
    link::sealed(&body, &native::sign(&key(file), &body))
}

/// `sealed` countersigned by the holder of `file` with `key_id` on `on`.
fn approved(sealed: &str, file: &str, key_id: &str, on: &str) -> String {
    let countersignable = link::countersignable(sealed, key_id, Date::parse(on).expect("a date"));
    link::countersealed(
        &countersignable,
        &native::sign(&key(file), &countersignable),
    )
}

fn document(text: &str, today: Today) -> Document {
    document_for(text, example(), today)
}

fn document_for(text: &str, provider: &Provider, today: Today) -> Document {
    Document::from_link(
        text,
        catalogue().expect("valid"),
        provider,
        today,
        native::verify,
    )
    .expect("a document")
}

fn monthly(document: &Document) -> Decimal {
    document.estimate.totals.monthly
}

const UNDISCOUNTED: Decimal = dec!(289819835);
const EIGHT_PERCENT_OFF: Decimal = dec!(266634248);

#[test]
fn a_request_applies_no_discount_and_the_approval_applies_it_naming_the_approver() {
    let today = day("2026-12-09");
    let unsigned = document(&format!("{ESTIMATE}&z=0"), today);
    assert_eq!(monthly(&unsigned), UNDISCOUNTED);

    let request = signed("8", "demo-key-bp.jwk", "BP-740312");
    let asked = document(&request, today);
    assert_eq!(
        asked.standing,
        Standing::Valid,
        "it stands, without the discount"
    );
    let quote = asked.quote.as_ref().expect("a quotation");
    assert!(quote.discount_over_limit);
    assert_eq!(quote.discount, None);
    assert_eq!(quote.asked_discount, Some(dec!(0.08)));
    assert_eq!(quote.approved_by, None);
    assert_eq!(monthly(&asked), UNDISCOUNTED);

    let approved = approved(&request, "demo-key.jwk", "SD-14cd3d", "2026-12-08");
    assert!(
        approved.len() <= link::MAX_LENGTH,
        "the fragment a page reads"
    );
    let granted = document(&approved, today);
    assert_eq!(granted.standing, Standing::Valid);
    let quote = granted.quote.as_ref().expect("a quotation");
    assert_eq!(quote.discount, Some(dec!(0.08)));
    let approver = quote.approved_by.as_ref().expect("approved");
    assert_eq!(approver.name, "Sari Dewi");
    assert_eq!(approver.title.en, "Sales Manager");
    assert_eq!(approver.on, Date::parse("2026-12-08").expect("a date"));
    assert!(!quote.approval_void);
    assert_eq!(monthly(&granted), EIGHT_PERCENT_OFF);
    assert_eq!(granted.estimate.totals.monthly_fixed, dec!(24253500));
    // Budi still signed it: his name, not hers, is the signer's.
    assert_eq!(quote.signer.as_ref().map(|s| s.id.as_str()), Some("BP"));
}

#[test]
fn an_approval_changed_on_the_way_applies_nothing_and_says_so() {
    let today = day("2026-12-09");
    let request = signed("8", "demo-key-bp.jwk", "BP-740312");
    let approved = approved(&request, "demo-key.jwk", "SD-14cd3d", "2026-12-08");
    let changed = [
        // Another day than the one signed.
        approved.replace("okd=2026-12-08", "okd=2026-12-07"),
        // Another key's name over her signature.
        approved.replace("ok=SD-14cd3d", "ok=BP-740312"),
        // A character of her signature.
        {
            let mut text = approved.clone();
            let last = text.pop().expect("a character");
            text.push(if last == 'A' { 'B' } else { 'A' });
            text
        },
    ];
    for text in changed {
        let judged = document(&text, today);
        // Budi's own signature still holds: the quotation stands, without the discount.
        assert_eq!(judged.standing, Standing::Valid, "{text}");
        let quote = judged.quote.as_ref().expect("a quotation");
        assert!(quote.approval_void, "{text}");
        assert_eq!(quote.approved_by, None);
        assert_eq!(monthly(&judged), UNDISCOUNTED, "{text}");
    }
}

#[test]
fn only_a_colleague_with_the_authority_approves_and_only_up_to_it() {
    let today = day("2026-12-09");
    // Budi countersigning his own request: he has no authority, and it is his own.
    let request = signed("8", "demo-key-bp.jwk", "BP-740312");
    let by_himself = approved(&request, "demo-key-bp.jwk", "BP-740312", "2026-12-08");
    assert!(document(&by_himself, today).quote.expect("q").approval_void);
    // 25 % is over Sari's 20 %: her countersignature does not cover it.
    let beyond = signed("25", "demo-key-bp.jwk", "BP-740312");
    let beyond = approved(&beyond, "demo-key.jwk", "SD-14cd3d", "2026-12-08");
    let judged = document(&beyond, today);
    assert!(judged.quote.as_ref().expect("q").approval_void);
    assert_eq!(monthly(&judged), UNDISCOUNTED);
    // Sari's own 15 % (over her 10 %) approved by herself does not stand either.
    let own = signed("15", "demo-key.jwk", "SD-14cd3d");
    let own = approved(&own, "demo-key.jwk", "SD-14cd3d", "2026-12-08");
    assert!(document(&own, today).quote.expect("q").approval_void);
    // An approval dated before the quotation, or after the day it is read, is not one.
    for on in ["2026-12-07", "2026-12-10"] {
        let odd = approved(&request, "demo-key.jwk", "SD-14cd3d", on);
        assert!(
            document(&odd, today).quote.expect("q").approval_void,
            "{on}"
        );
    }
}

#[test]
fn an_approvers_key_withdrawn_before_the_approval_approves_nothing() {
    let today = day("2026-12-09");
    let request = signed("8", "demo-key-bp.jwk", "BP-740312");
    let approved = approved(&request, "demo-key.jwk", "SD-14cd3d", "2026-12-08");
    let mut withdrawn = example().clone();
    for person in withdrawn.staff.to_mut() {
        if &*person.id == "SD" {
            for key in person.keys.to_mut() {
                key.revoked = Some(Date::parse("2026-12-08").expect("a date"));
            }
        }
    }
    let judged = document_for(&approved, &withdrawn, today);
    assert!(judged.quote.as_ref().expect("q").approval_void);
    assert_eq!(monthly(&judged), UNDISCOUNTED);
}

#[test]
fn an_acceptance_of_the_approved_quotation_waits_for_the_approval_in_the_register() {
    let today = day("2026-12-09");
    let request = signed("8", "demo-key-bp.jwk", "BP-740312");
    let approved = approved(&request, "demo-key.jwk", "SD-14cd3d", "2026-12-08");
    let address = |link: &str| format!("{}#{link}", example().page_url);
    let granted = document(&address(&approved), today);
    // The client's page accepts at 8 % off (IDR 266,634,248 a month, worked out in the first test).
    let message = accept_message(&granted, &address(&approved), Lang::En);
    let judged = |register: &[String]| {
        examine(
            &message,
            register,
            catalogue().expect("valid"),
            example(),
            today,
            format_money,
        )
    };
    // Budi's register holds what he issued: the request, whose own figures are undiscounted.
    assert_eq!(
        judged(&[address(&request)]),
        Finding::ApprovalNotRecorded {
            number: "NLY/BP/2026/12/0001-ABC".into()
        }
    );
    // Once he records Sari's approval, the acceptance is of the quotation he holds, figures and all.
    let Finding::Matches(found) = judged(&[address(&approved)]) else {
        panic!("the approved quotation, recorded, matches");
    };
    assert_eq!(found.figures, Figures::Stated);
    assert_eq!(found.standing, Standing::Valid);
}

#[test]
fn the_rules_of_issuing_and_approving() {
    let seller = example();
    let tariff = catalogue().expect("valid").latest();
    let today = day("2026-12-08");
    let (budi, budi_key) = seller.key("BP-740312").expect("Budi's demo key");
    let (sari, sari_key) = seller.key("SD-14cd3d").expect("Sari's demo key");
    let quote = |percent: Decimal| link::QuoteDetails {
        client: "PT Maju Jaya".into(),
        issued: Some(today.0),
        discount: Some(percent),
        ..link::QuoteDetails::default()
    };
    // Budi may issue 8 % as a request (Sari may approve it), not 21 % (nobody may).
    assert_eq!(
        may_issue(budi, budi_key, &quote(dec!(0.08)), tariff, seller, today),
        Ok(())
    );
    assert_eq!(
        may_issue(budi, budi_key, &quote(dec!(0.21)), tariff, seller, today),
        Err(Refusal::DiscountOverLimit { max: dec!(0.20) })
    );
    // Sari has nobody above her: over her own 10 % she is refused.
    assert_eq!(
        may_issue(sari, sari_key, &quote(dec!(0.11)), tariff, seller, today),
        Err(Refusal::DiscountOverLimit { max: dec!(0.10) })
    );
    let approve =
        |who, signer, percent, standing| may_approve(who, signer, &quote(percent), standing, today);
    assert_eq!(approve((sari, sari_key), budi, dec!(0.08), true), Ok(()));
    assert_eq!(
        approve((sari, sari_key), budi, dec!(0.05), true),
        Err(ApprovalRefusal::NotNeeded)
    );
    assert_eq!(
        approve((budi, budi_key), budi, dec!(0.08), true),
        Err(ApprovalRefusal::OwnQuotation)
    );
    assert_eq!(
        approve((budi, budi_key), sari, dec!(0.15), true),
        Err(ApprovalRefusal::NoAuthority)
    );
    assert_eq!(
        approve((sari, sari_key), budi, dec!(0.25), true),
        Err(ApprovalRefusal::BeyondAuthority { max: dec!(0.20) })
    );
    assert_eq!(
        approve((sari, sari_key), budi, dec!(0.08), false),
        Err(ApprovalRefusal::NotStanding)
    );
}

fn out(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

#[test]
fn the_quote_tool_asks_approves_and_reads_the_approval() {
    let fixture = |file: &str| format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let at = ["--at", "2026-12-08T03:00:00Z"];
    let (bp, sd) = (fixture("demo-key-bp.jwk"), fixture("demo-key.jwk"));
    let asked = format!("{ESTIMATE}&disc=8");
    let request = quote_tool(&[&at[..], &["sign", "--key", &bp, &asked]].concat());
    assert!(request.status.success(), "{request:?}");
    let request = out(&request);
    let approval = quote_tool(&[&at[..], &["approve", "--key", &sd, &request]].concat());
    assert!(approval.status.success(), "{approval:?}");
    let approved = out(&approval);
    assert!(approved.starts_with(&request), "the request, countersigned");
    let read = quote_tool(&["--at", "2026-12-10T03:00:00Z", &approved]);
    let json: Value = serde_json::from_slice(&read.stdout).expect("json");
    assert_eq!(json["signature"]["state"], "valid");
    assert_eq!(json["signature"]["approver_key"], "SD-14cd3d");
    assert_eq!(json["quote"]["approved_by"]["name"], "Sari Dewi");
    assert_eq!(json["quote"]["approved_by"]["on"], "2026-12-08");
    assert_eq!(json["estimate"]["totals"]["monthly"], "266634248");
    // Approving twice, approving one's own, approving what needs none: refused, with a code.
    let code = |output: &Output| -> String {
        let json: Value = serde_json::from_slice(&output.stdout).expect("json");
        json["refused"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let again = quote_tool(&[&at[..], &["approve", "--key", &sd, &approved]].concat());
    assert_eq!(code(&again), "approval_already_given");
    let own = quote_tool(&[&at[..], &["approve", "--key", &bp, &request]].concat());
    assert_eq!(code(&own), "approval_own_quotation");
    let within = quote_tool(
        &[
            &at[..],
            &["sign", "--key", &bp, &format!("{ESTIMATE}&disc=5")],
        ]
        .concat(),
    );
    let within = out(&within);
    let needless = quote_tool(&[&at[..], &["approve", "--key", &sd, &within]].concat());
    assert_eq!(code(&needless), "approval_not_needed");
    // Over anyone's authority, sign refuses it outright.
    let too_much = quote_tool(
        &[
            &at[..],
            &["sign", "--key", &bp, &format!("{ESTIMATE}&disc=21")],
        ]
        .concat(),
    );
    assert_eq!(code(&too_much), "discount_over_limit");
}
