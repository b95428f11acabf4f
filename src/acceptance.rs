//! A client's acceptance as the salesperson receives it: the page's accept message (its number,
//! totals, last day, the signature's code and the link), pasted into the console. What it
//! decides: which issued quotation the message names, whether the quotation in it is that one
//! unchanged, and whether the figures its words state are that quotation's, so that an
//! acceptance is evidence of exactly what was signed.

use rust_decimal::Decimal;

use crate::calendar::Date;
use crate::document::{Document, Standing};
use crate::lang::Lang;
use crate::link;
use crate::money::Currency;
use crate::provider::Provider;
use crate::quote::{Today, code};
use crate::tariff::Catalogue;

/// What a pasted acceptance turns out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// Neither a quotation's link nor the code of an issued one.
    Unrecognised,
    /// A quotation's link, under a number this register does not hold.
    NotIssued { number: String },
    /// The number of an issued quotation, but not its signed text: changed after signing, or
    /// another quotation under its number.
    Differs { number: String },
    /// The issued quotation with a manager's approval the register does not hold yet: its
    /// figures are the approved ones, which the register's link cannot confirm until the
    /// approval is recorded.
    ApprovalNotRecorded { number: String },
    /// The issued quotation, unchanged.
    Matches(Match),
}

/// An acceptance of an issued quotation, as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub number: String,
    /// The issued link, as the register holds it.
    pub link: String,
    /// The option accepted (from 1), where the quotation offers several and the message names
    /// one: by its link, or by its figures where the link was cut.
    pub option: Option<usize>,
    /// What the message's words say of the quotation's monthly and contract totals.
    pub figures: Figures,
    /// The quotation's standing today: only a valid one can be accepted as it is.
    pub standing: Standing,
    pub until: Option<Date>,
    /// The number of a later revision of it in the register, where there is one: the client
    /// accepted what was since replaced.
    pub superseded_by: Option<String>,
}

/// The figures an acceptance's words state, beside its link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figures {
    /// The quotation's monthly and contract totals, as the page writes them (in either
    /// language).
    Stated,
    /// None: the link alone was pasted.
    Absent,
    /// Figures that are not the quotation's: a client who changed them in the message accepted
    /// something else, or means to.
    Differ,
}

/// Examines `message` against the links `issued` (the register), on `today`; `written` writes an
/// amount as the page writes it in each language (`i18n::format_money`), to find the figures the
/// message's words state.
#[must_use]
pub fn examine(
    message: &str,
    issued: &[String],
    catalogue: &Catalogue,
    provider: &Provider,
    today: Today,
    written: impl Fn(Decimal, Currency, Lang) -> String,
) -> Finding {
    let quoted = quoted_link(message, catalogue);
    // The words around the link: the whole message where it holds none.
    let words = quoted
        .as_ref()
        .map_or(message, |(start, _)| &message[..*start]);
    let approved = quoted
        .as_ref()
        .is_some_and(|(_, opened)| opened.approval.is_some());
    // The option the client chose, where the link in the message shows one.
    let chosen = quoted.as_ref().map(|(_, opened)| opened.shown);
    let pasted = quoted.map(|(_, opened)| (opened.contents.quote.reference, opened.seal));
    let found = match &pasted {
        Some((number, _)) if !number.is_empty() => issued
            .iter()
            .find(|l| number_of(l, catalogue).as_deref() == Some(number.as_str())),
        Some(_) => None,
        // Only the code: the link was cut, or left out.
        None => issued
            .iter()
            .find(|l| code(l).is_some_and(|c| message.contains(c))),
    };
    let Some(link) = found else {
        return match pasted {
            Some((number, _)) if !number.is_empty() => Finding::NotIssued { number },
            _ => Finding::Unrecognised,
        };
    };
    let Ok(document) = Document::from_link(link, catalogue, provider, today, |_| true) else {
        return Finding::Unrecognised;
    };
    let number = document
        .quote
        .as_ref()
        .map(|q| q.number.clone())
        .unwrap_or_default();
    let held = link::decode(link, catalogue).ok();
    // The same signed text under the same signature: nothing in it changed.
    if let Some((_, seal)) = &pasted
        && seal.as_ref().map(|s| (&s.message, &s.signature))
            != held
                .as_ref()
                .and_then(|h| h.seal.as_ref())
                .map(|s| (&s.message, &s.signature))
    {
        return Finding::Differs { number };
    }
    if approved && held.is_some_and(|held| held.approval.is_none()) {
        return Finding::ApprovalNotRecorded { number };
    }
    // The figures of the option the link shows; where the link was cut, those of whichever
    // option the words state.
    let options = document.offers(catalogue).unwrap_or_default();
    let offers: Vec<&crate::estimate::Estimate> = if options.is_empty() {
        vec![&document.estimate]
    } else {
        options.iter().map(|o| &o.estimate).collect()
    };
    let candidates: Vec<usize> = match chosen {
        Some(shown) => vec![shown],
        None => (0..offers.len()).collect(),
    };
    let stated = candidates.iter().copied().find(|i| {
        offers.get(*i).is_some_and(|estimate| {
            let (totals, currency) = (&estimate.totals, estimate.currency);
            [Lang::Id, Lang::En].into_iter().any(|lang| {
                [totals.monthly, totals.contract]
                    .into_iter()
                    .all(|amount| states(words, &written(amount, currency, lang)))
            })
        })
    });
    let figures = if stated.is_some() {
        Figures::Stated
    } else if words.contains(|c: char| c.is_ascii_digit()) {
        Figures::Differ
    } else {
        Figures::Absent
    };
    let option = stated
        .or(chosen)
        .filter(|_| offers.len() > 1)
        .map(|i| i + 1);
    let numbers: Vec<String> = issued
        .iter()
        .filter_map(|l| number_of(l, catalogue))
        .collect();
    let superseded_by = crate::quote::later_revision(&number, numbers.iter().map(String::as_str))
        .map(str::to_owned);
    Finding::Matches(Match {
        number,
        link: link.clone(),
        option,
        figures,
        standing: document.standing,
        until: document.quote.as_ref().and_then(|q| q.until),
        superseded_by,
    })
}

/// The quotation number a link carries.
fn number_of(link: &str, catalogue: &Catalogue) -> Option<String> {
    Some(link::decode(link, catalogue).ok()?.contents.quote.reference)
}

/// The quotation link in a message, read: from its address, or its fragment, to the message's
/// end (the accept message ends with it; a chat app may have turned its `%20` into spaces).
/// Each place a link could start is tried in turn, since the words before it (a client named
/// after a web address) may hold one too.
fn quoted_link(message: &str, catalogue: &Catalogue) -> Option<(usize, link::Opened)> {
    let mut starts: Vec<usize> = ["https://", "http://", "#v=", "?v="]
        .iter()
        .flat_map(|mark| message.match_indices(mark).map(|(at, _)| at))
        .collect();
    starts.sort_unstable();
    starts.into_iter().find_map(|start| {
        let text = message[start..].trim_end_matches(['.', ')', ' ', '\n', '\r']);
        // An address runs unbroken to its fragment: one that does not is another address.
        let address = text.split(['#', '?']).next().unwrap_or_default();
        if address.contains(char::is_whitespace) {
            return None;
        }
        link::decode(text, catalogue)
            .ok()
            .filter(|opened| opened.seal.is_some() || !opened.contents.quote.reference.is_empty())
            .map(|opened| (start, opened))
    })
}

/// Whether `message` states `amount` as a whole figure: not as the start or end of a longer one
/// ("IDR 35,853,0000" does not state IDR 35,853,000).
fn states(message: &str, amount: &str) -> bool {
    message.match_indices(amount).any(|(at, _)| {
        let before = message[..at].chars().next_back();
        let mut after = message[at + amount.len()..].chars();
        let next = after.next();
        let following = after.next();
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let separator = |c: Option<char>| matches!(c, Some('.' | ','));
        // A digit either side, or a separator and a digit after, would make it part of a longer one.
        !(digit(before) || digit(next) || (separator(next) && digit(following)))
    })
}
