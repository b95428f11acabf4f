//! `quote approve --key sari.jwk '<link>'`: a colleague's quotation whose discount is over its
//! signer's limit, countersigned by someone who may approve it, as the sales console does.

use std::path::Path;
use std::process::ExitCode;

use biaya_bpo::i18n::{Lang, approval_refusal};
use biaya_bpo::link;
use biaya_bpo::provider::provider;
use biaya_bpo::quote::{ApprovalRefusal, Today, may_approve};
use biaya_bpo::roster;
use biaya_bpo::signature::{self, SignatureState, native};

use super::staff::read_roster;
use super::{keyed_link, refuse, usage};

pub fn command(args: &[String], today: Today, roster: Option<&Path>) -> ExitCode {
    let (key, catalogue, opened) = match keyed_link(args) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let tariff = catalogue
        .get(&opened.contents.tariff)
        .unwrap_or(catalogue.latest());
    let seller = provider();
    let Some(approver) =
        native::key_id_of_public(seller, &native::public(&key)).and_then(|id| seller.key(&id))
    else {
        return refuse(
            "unknown_key",
            "this key is not in the provider file: only a colleague the provider file lists, with approves_up_to, may approve".into(),
        );
    };
    if opened.approval.is_some() {
        let refused = ApprovalRefusal::AlreadyApproved;
        return refuse(refused.code(), approval_refusal(refused, Lang::En));
    }
    // A request signed with a key the roster certified is judged with it.
    let roster = match roster.map(read_roster).transpose() {
        Ok(roster) => roster,
        Err(message) => return refuse("roster_unreadable", message),
    };
    let certified = signature::unlisted(opened.seal.as_ref(), seller)
        .and_then(|key| roster.as_ref()?.certify(key, roster::verify_natively));
    let Ok(claim) = signature::claim_among(opened.seal.as_ref(), seller, certified.as_ref()) else {
        return refuse(
            "not_signed",
            "not a quotation signed with a key of the provider file's".into(),
        );
    };
    let verified = native::verify(&claim);
    let signer = (claim.staff, claim.key);
    let verdict = signature::judge(signer, (verified, false), &opened, tariff, seller, today);
    if verdict.state == SignatureState::Altered {
        return refuse(
            "signature_altered",
            "its signature does not hold: the link changed after it was signed".into(),
        );
    }
    let standing = verdict.state == SignatureState::Valid;
    if let Err(refused) = may_approve(
        approver,
        claim.staff,
        &opened.contents.quote,
        standing,
        today,
    ) {
        return refuse(refused.code(), approval_refusal(refused, Lang::En));
    }
    let Some(sealed) = opened
        .seal
        .as_ref()
        .map(|s| format!("{}&sig={}", s.message, s.signature))
    else {
        return usage();
    };
    let countersignable = link::countersignable(&sealed, &approver.1.id, today.0);
    println!(
        "{}#{}",
        seller.page_url,
        link::countersealed(&countersignable, &native::sign(&key, &countersignable))
    );
    ExitCode::SUCCESS
}
