//! The register's entries, which are links: the quotation number each carries, and the request
//! for approval that an approved link replaces. Below the register and the team's files, which
//! both read them.

use crate::link;
use crate::tariff::Catalogue;

/// The quotation number an issued link carries, if it has one: the console refuses to issue
/// another with it.
#[must_use]
pub fn number(text: &str, catalogue: &Catalogue) -> Option<String> {
    let opened = link::decode(text, catalogue).ok()?;
    Some(opened.contents.quote.reference).filter(|n| !n.is_empty())
}

/// Whether `approved` is the quotation `request` with a colleague's approval of its discount
/// after it (`link::countersignable`): the same quotation, which it replaces in the register.
#[must_use]
pub fn approves(approved: &str, request: &str) -> bool {
    let (approved, request) = (link::fragment(approved), link::fragment(request));
    approved
        .strip_prefix(request.as_str())
        .is_some_and(|rest| rest.starts_with("&ok="))
}

/// The register's links less the requests for approval an approved link in it replaces, in
/// their order.
#[must_use]
pub fn current(links: &[String]) -> Vec<String> {
    links
        .iter()
        .filter(|request| !links.iter().any(|l| approves(l, request)))
        .cloned()
        .collect()
}
