//! A request and its quote details written as a link's fields, checked or signed.

use super::*;

pub(super) fn value(text: &str) -> String {
    utf8_percent_encode(text, VALUE).to_string()
}

/// FNV-1a, 32 bits, as 8 hex digits: detects accidents, not attacks.
pub(super) fn check(text: &str) -> String {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("{hash:08x}")
}

/// The fragment (without `#`) for an estimate priced with `tariff`, with its check.
#[must_use]
pub fn encode(contents: &Contents, tariff: &Tariff) -> String {
    let mut out = fields(contents, tariff);
    let sum = check(&out);
    let _ = write!(out, "&z={sum}");
    out
}

/// What a salesperson signs for a quotation: its fields as this release writes them, and the id
/// of the signing key. The signed link is this text, `&sig=` and the signature.
#[must_use]
pub fn signable(contents: &Contents, tariff: &Tariff, key: &str) -> String {
    format!("{}&key={}", fields(contents, tariff), value(key))
}

/// A signed quotation's link: what was signed and its signature.
#[must_use]
pub fn sealed(signable: &str, signature: &str) -> String {
    format!("{signable}&sig={signature}")
}

/// What an approver signs to approve a signed quotation's discount (`sealed`, the signed link's
/// fragment): it, their key's id and the day.
#[must_use]
pub fn countersignable(sealed: &str, key: &str, on: crate::calendar::Date) -> String {
    format!("{sealed}&ok={}&okd={on}", value(key))
}

/// An approved quotation's link: what was countersigned and the countersignature.
#[must_use]
pub fn countersealed(countersignable: &str, signature: &str) -> String {
    format!("{countersignable}&osig={signature}")
}

/// The link of a visitor's own estimate: [`encode`] of a request alone, without quote details
/// or further options (what the page's first module writes, without their code).
#[must_use]
pub fn encode_estimate(request: &Request, tariff: &Tariff) -> String {
    let mut out = request_fields(&tariff.version, request, false, tariff);
    let sum = check(&out);
    let _ = write!(out, "&z={sum}");
    out
}

/// The link's fields, without check or signature.
fn fields(contents: &Contents, tariff: &Tariff) -> String {
    let several = !contents.options.is_empty();
    let mut out = request_fields(&contents.tariff, &contents.request, several, tariff);
    // Each further option as what it writes otherwise than the first: `key@value` joined by
    // `+`, a field the first has and it has not as `key@`. Keys and values here are the
    // tariff's ids, numbers, `.`, `~` and `:`, which hold neither `@`, `+` nor `&`.
    let pairs = |text: &str| -> Vec<(String, String)> {
        text.split('&')
            .skip(2)
            .filter_map(|pair| pair.split_once('='))
            .map(|(key, written)| (key.to_owned(), written.to_owned()))
            .collect()
    };
    let first = pairs(&out);
    for (n, option) in contents.options.iter().enumerate() {
        let theirs = pairs(&request_fields(&contents.tariff, option, true, tariff));
        let mut changes: Vec<String> = theirs
            .iter()
            .filter(|field| !first.contains(field))
            .map(|(key, written)| format!("{key}@{written}"))
            .collect();
        changes.extend(
            first
                .iter()
                .filter(|(key, _)| !theirs.iter().any(|(k, _)| k == key))
                .map(|(key, _)| format!("{key}@")),
        );
        let _ = write!(out, "&o{}={}", n + 2, changes.join("+"));
    }
    for field in QuoteField::ALL {
        let text = field.get(&contents.quote);
        if !text.is_empty() {
            let _ = write!(out, "&{}={}", field.key(), value(text));
        }
    }
    let quote = &contents.quote;
    if let Some(issued) = quote.issued {
        let _ = write!(out, "&d={issued}");
    }
    // Only where the salesperson chose another than the tariff's validity.
    let usual = quote
        .issued
        .and_then(|d| d.plus_days(tariff.quote_validity_days));
    if let Some(until) = quote.until.filter(|u| Some(*u) != usual) {
        let _ = write!(out, "&u={until}");
    }
    if let Some(discount) = quote.discount {
        let percent = (discount * Decimal::ONE_HUNDRED).normalize();
        let _ = write!(out, "&disc={percent}");
    }
    out
}

/// A request's fields priced with tariff `version`, from `v=`: the format, the settings, and
/// each activity in tariff order with its own fields; `several` for a quotation of several
/// options.
fn request_fields(version: &str, request: &Request, several: bool, tariff: &Tariff) -> String {
    let newer = request.vat == VatMode::Excluded
        || request
            .activities
            .iter()
            .any(|a| a.site.is_some() || !a.in_house.is_empty());
    let format = match request.rules {
        Rules::Format3 if several => 4,
        Rules::Format3 => 3,
        Rules::Format2 if newer => 2,
        Rules::Format2 => 1,
    };
    let mut out = format!(
        "v={format}&t={}&s={}&k={}&c={}&l={}&f={}",
        value(version),
        value(&request.site),
        value(&request.term),
        request.currency.code(),
        value(&request.service_language),
        request.fluctuation
    );
    if request.vat == VatMode::Excluded {
        out.push_str("&vat=excl");
    }
    for activity in tariff.activities.iter() {
        let Some(wanted) = request
            .activities
            .iter()
            .find(|a| a.activity == activity.id)
        else {
            continue;
        };
        let Some(model) = activity.model(&wanted.model) else {
            continue;
        };
        let _ = write!(out, "&{}=", value(&activity.id));
        let mut parts: Vec<String> = Vec::new();
        if activity.models.len() > 1 {
            parts.push(value(&model.id));
        }
        let mut volumes: Vec<u64> = units(activity, model, request.rules)
            .into_iter()
            .map(|u| wanted.volumes.get(&*u.id).copied().unwrap_or(0))
            .collect();
        while volumes.last() == Some(&0) {
            volumes.pop();
        }
        parts.extend(volumes.iter().map(u64::to_string));
        if parts.is_empty() {
            parts.push("0".into());
        }
        out.push_str(&parts.join("."));
        let mask = activity
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| wanted.options.contains(&o.id))
            .fold(0u64, |mask, (i, _)| mask | (1 << i));
        if mask != 0 {
            let _ = write!(out, "~{mask}");
        }
        if let Some(sizing) = &wanted.sizing {
            let _ = write!(out, "&{}-traffic={}", value(&activity.id), traffic(sizing));
        }
        if let Some(site) = &wanted.site {
            let _ = write!(out, "&{}-site={}", value(&activity.id), value(site));
        }
        if !wanted.in_house.is_empty() {
            let _ = write!(
                out,
                "&{}-own={}",
                value(&activity.id),
                own(&wanted.in_house)
            );
        }
        let examples = units(activity, model, request.rules)
            .iter()
            .enumerate()
            .filter(|(_, u)| wanted.examples.iter().any(|e| *e == *u.id))
            .fold(0u64, |mask, (i, _)| mask | (1 << i));
        if examples != 0 && request.rules == Rules::Format3 {
            let _ = write!(out, "&{}-ex={examples}", value(&activity.id));
        }
    }
    out
}

/// `link` (a fragment or a whole address) showing option `n` (from 1) of its quotation: the
/// client's choice, after everything signed (the first option is the link as issued).
#[must_use]
pub fn with_option(link: &str, n: usize) -> String {
    let issued = match link.rsplit_once("&o=") {
        Some((rest, shown)) if shown.parse::<usize>().is_ok() => rest,
        _ => link,
    };
    if n > 1 {
        format!("{issued}&o={n}")
    } else {
        issued.to_owned()
    }
}
