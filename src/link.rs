//! An estimate as the fragment of a URL, and back. A link is a promise: it names its format and
//! the tariff version it was priced with, and every later release must open it to the same
//! figures. Decoding is lenient field by field: what can be read is kept, what cannot is
//! reported, and nothing in a link is ever run.
//!
//! Format 1, fields joined by `&`, values percent-encoded, in this order:
//!
//! ```text
//! v=1                      format
//! t=2026-11                tariff version
//! s=jakarta k=12m c=IDR    site, term, currency
//! l=id f=30                customers' language, fluctuation %
//! <activity>=[model.]n.n.n[~mask]
//!                          one field per chosen activity, in tariff order: the model (only where
//!                          the activity has several), the volumes in the model's unit order
//!                          (trailing zeros left out), the options as a bit mask in tariff order
//! for= by= contact= ref=   quote details, free text, length-capped
//! d=2026-11-27             the day the quote was issued
//! z=1a2b                   check: the FNV-1a hash of everything before it, so a link cut short
//!                          or edited by hand is noticed
//! ```
//!
//! Published tariffs never change, so positions within a tariff are stable forever.

use std::fmt::Write as _;

use litemap::LiteMap;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use crate::calendar::Date;
use crate::estimate::{
    ActivityRequest, EstimateError, MAX_FLUCTUATION, OptionSet, Request, Volumes,
};
use crate::money::Currency;
use crate::tariff::{Catalogue, Tariff};

/// The format this release writes.
pub const FORMAT: u32 = 1;
/// Links longer than this are refused before any parsing. A full four-activity estimate with
/// every quote detail at its cap stays well under it.
pub const MAX_LENGTH: usize = 2048;

/// Free-text quote details: (field, longest text in characters).
pub const TEXT_LIMITS: [(&str, usize); 4] = [("for", 60), ("by", 40), ("contact", 50), ("ref", 24)];

/// Characters left as they are in a value; everything else is percent-encoded.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'@')
    .remove(b'+');

/// Who the quote is for and from. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct QuoteDetails {
    /// Prepared for: the prospect's company.
    pub company: String,
    /// Prepared by: the salesperson's name.
    pub preparer: String,
    /// The salesperson's phone or e-mail.
    pub contact: String,
    pub reference: String,
    pub issued: Option<Date>,
}

impl QuoteDetails {
    /// Company, preparer, contact and reference, in the order of [`TEXT_LIMITS`].
    #[must_use]
    pub fn texts(&self) -> [&str; 4] {
        [
            &self.company,
            &self.preparer,
            &self.contact,
            &self.reference,
        ]
    }

    /// The same texts, to write.
    pub fn texts_mut(&mut self) -> [&mut String; 4] {
        [
            &mut self.company,
            &mut self.preparer,
            &mut self.contact,
            &mut self.reference,
        ]
    }

    /// The last day the quote's prices hold, per the tariff it was priced with.
    #[must_use]
    pub fn valid_until(&self, tariff: &Tariff) -> Option<Date> {
        self.issued?.plus_days(tariff.quote_validity_days)
    }
}

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The version of the tariff the estimate was priced with.
    pub tariff: String,
    pub request: Request,
    pub quote: QuoteDetails,
}

/// Why a text is not a link at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_LENGTH`]: refused unread.
    TooLong { length: usize, max: usize },
    /// No `v=` field: not one of our links.
    NotALink,
    /// Written by a newer release than this page.
    NewerFormat { format: u32 },
}

impl LinkError {
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::TooLong { .. } => "link_too_long",
            Self::NotALink => "link_not_ours",
            Self::NewerFormat { .. } => "link_newer_format",
        }
    }
}

/// Something a link held that could not be kept as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dropped {
    /// The link names a tariff this release does not bundle; the newest was used.
    UnknownTariff { version: String },
    /// The field's value could not be read; the starting value was used.
    Unreadable { field: String },
    /// This release does not know the field.
    Unknown { field: String },
    /// The text was longer than allowed and was cut.
    Shortened { field: String, max: usize },
    /// The activity could not be priced with the rest of the link and was left out.
    Removed {
        activity: String,
        error: EstimateError,
    },
    /// The link has no check field: it was probably cut short.
    Truncated,
    /// The check does not match: the link was changed after it was made.
    Altered,
}

/// A decoded link and what decoding had to give up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub shared: Shared,
    pub dropped: Vec<Dropped>,
}

fn value(text: &str) -> String {
    utf8_percent_encode(text, VALUE).to_string()
}

/// FNV-1a, 32 bits, as 8 hex digits: detects accidents, not attacks.
fn check(text: &str) -> String {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("{hash:08x}")
}

/// The fragment (without `#`) for an estimate priced with `tariff`.
#[must_use]
pub fn encode(shared: &Shared, tariff: &Tariff) -> String {
    let request = &shared.request;
    let mut out = format!(
        "v={FORMAT}&t={}&s={}&k={}&c={}&l={}&f={}",
        value(&shared.tariff),
        value(&request.site),
        value(&request.term),
        request.currency.code(),
        value(&request.language),
        request.fluctuation
    );
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
        let mut volumes: Vec<u64> = model
            .units
            .iter()
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
    }
    for ((key, _), text) in TEXT_LIMITS.iter().zip(shared.quote.texts()) {
        if !text.is_empty() {
            let _ = write!(out, "&{key}={}", value(text));
        }
    }
    if let Some(issued) = shared.quote.issued {
        let _ = write!(out, "&d={issued}");
    }
    let sum = check(&out);
    let _ = write!(out, "&z={sum}");
    out
}

/// Reads a link (a whole URL, a fragment with or without `#`) against the bundled tariffs.
///
/// # Errors
/// [`LinkError`] when the text is too long to read or not one of our links at all. Anything
/// less is recovered: see [`Opened::dropped`].
pub fn decode(text: &str, catalogue: &Catalogue) -> Result<Opened, LinkError> {
    if text.len() > MAX_LENGTH {
        return Err(LinkError::TooLong {
            length: text.len(),
            max: MAX_LENGTH,
        });
    }
    let fragment = text.split_once('#').map_or(text, |(_, f)| f);
    let mut dropped = Vec::new();

    // The check covers everything before `&z=`.
    let body = match fragment.rsplit_once("&z=") {
        Some((body, sum)) => {
            if check(body) != sum {
                dropped.push(Dropped::Altered);
            }
            body
        }
        None => {
            dropped.push(Dropped::Truncated);
            fragment
        }
    };

    let mut fields: LiteMap<&str, String> = LiteMap::new();
    let mut order: Vec<&str> = Vec::new();
    for pair in body.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let text = percent_decode_str(raw).decode_utf8_lossy().into_owned();
        if fields.contains_key(key) {
            dropped.push(Dropped::Unreadable {
                field: key.to_owned(),
            });
        } else {
            fields.insert(key, text);
            order.push(key);
        }
    }

    match fields.remove("v").map(|v| v.parse::<u32>()) {
        None => return Err(LinkError::NotALink),
        Some(Ok(FORMAT)) => {}
        Some(Ok(format)) if format > FORMAT => return Err(LinkError::NewerFormat { format }),
        Some(_) => return Err(LinkError::NotALink),
    }

    let named = fields.remove("t").unwrap_or_default();
    let tariff = match catalogue.get(&named) {
        Some(tariff) => tariff,
        None => {
            dropped.push(Dropped::UnknownTariff { version: named });
            catalogue.latest()
        }
    };
    let mut request = Request::starter(tariff);
    let mut take = |key: &str, ok: &dyn Fn(&str) -> bool| {
        let text = fields.remove(key)?;
        if ok(&text) {
            Some(text)
        } else {
            dropped.push(Dropped::Unreadable {
                field: key.to_owned(),
            });
            None
        }
    };
    if let Some(site) = take("s", &|s| tariff.site(s).is_some()) {
        request.site = site;
    }
    if let Some(term) = take("k", &|k| tariff.term(k).is_some()) {
        request.term = term;
    }
    if let Some(currency) =
        take("c", &|c| Currency::from_code(c).is_some()).and_then(|c| Currency::from_code(&c))
    {
        request.currency = currency;
    }
    if let Some(language) = take("l", &|l| tariff.language(l).is_some()) {
        request.language = language;
    }
    let fluctuation = |f: &str| f.parse::<u32>().is_ok_and(|f| f <= MAX_FLUCTUATION);
    if let Some(f) = take("f", &fluctuation).and_then(|f| f.parse().ok()) {
        request.fluctuation = f;
    }
    let issued = take("d", &|d| Date::parse(d).is_some()).and_then(|d| Date::parse(&d));

    for activity in tariff.activities.iter() {
        let Some(text) = fields.remove(&*activity.id) else {
            continue;
        };
        match activity_from(activity, &text) {
            Some((wanted, clean)) => {
                if !clean {
                    dropped.push(Dropped::Unreadable {
                        field: activity.id.to_string(),
                    });
                }
                request.activities.push(wanted);
            }
            None => dropped.push(Dropped::Unreadable {
                field: activity.id.to_string(),
            }),
        }
    }

    let mut quote = QuoteDetails::default();
    for ((key, max), slot) in TEXT_LIMITS.iter().zip(quote.texts_mut()) {
        let Some(text) = fields.remove(key) else {
            continue;
        };
        // Shown as text, never as markup; control characters have no place in a name.
        let clean: String = text.chars().filter(|c| !c.is_control()).collect();
        if clean.chars().count() > *max {
            dropped.push(Dropped::Shortened {
                field: (*key).to_owned(),
                max: *max,
            });
        }
        *slot = clean.chars().take(*max).collect();
    }
    quote.issued = issued;

    for key in order.iter().filter(|k| fields.contains_key(**k)) {
        dropped.push(Dropped::Unknown {
            field: (*key).to_owned(),
        });
    }

    // What reads well field by field may still not price together (an edited site that cannot
    // deliver an activity): leave those activities out rather than the whole link.
    if leave_out_undeliverable(&mut request, tariff, &mut dropped).is_err() {
        // Nothing above can produce another error; start afresh rather than open a broken one.
        request = Request::starter(tariff);
        dropped.push(Dropped::Unreadable { field: "t".into() });
    }

    Ok(Opened {
        shared: Shared {
            tariff: tariff.version.to_string(),
            request,
            quote,
        },
        dropped,
    })
}

/// What reads well field by field may still not price together (a site that cannot deliver an
/// activity, options that exclude each other): those activities are left out, with the reason,
/// rather than the whole request.
///
/// # Errors
/// The first error no single activity accounts for.
fn leave_out_undeliverable(
    request: &mut Request,
    tariff: &Tariff,
    dropped: &mut Vec<Dropped>,
) -> Result<(), EstimateError> {
    while let Err(error) = request.validate(tariff) {
        let culprit = match &error {
            EstimateError::SiteUnavailable { activity, .. }
            | EstimateError::LanguageNotServed { activity, .. }
            | EstimateError::OptionConflict { activity, .. } => activity.clone(),
            _ => return Err(error),
        };
        request.activities.retain(|a| a.activity != culprit);
        dropped.push(Dropped::Removed {
            activity: culprit,
            error,
        });
    }
    Ok(())
}

/// One activity's field: `[model.]n.n.n[~mask]`. `None` where nothing can be kept; the flag is
/// false where part of it was dropped.
fn activity_from(
    activity: &crate::tariff::Activity,
    text: &str,
) -> Option<(ActivityRequest, bool)> {
    let (volumes, mask) = match text.split_once('~') {
        Some((volumes, mask)) => (volumes, Some(mask)),
        None => (text, None),
    };
    let mut parts = volumes.split('.').peekable();
    let model = match parts.peek() {
        Some(first) if !first.is_empty() && !first.bytes().all(|b| b.is_ascii_digit()) => {
            let model = activity.model(first)?;
            parts.next();
            model
        }
        _ => activity.models.first()?,
    };
    let mut clean = true;
    let mut quantities = Volumes::new();
    let mut units = model.units.iter();
    for part in parts {
        let Some(unit) = units.next() else {
            clean = false;
            break;
        };
        let quantity = match part.parse::<u64>() {
            Ok(n) if n <= unit.max => n,
            _ => {
                clean = false;
                0
            }
        };
        quantities.insert(unit.id.to_string(), quantity);
    }
    for unit in units {
        quantities.insert(unit.id.to_string(), 0);
    }

    let mut options = OptionSet::default();
    if let Some(mask) = mask {
        match mask.parse::<u64>() {
            Ok(mask) => {
                let mut groups: Vec<&str> = Vec::new();
                for (i, option) in activity.options.iter().enumerate() {
                    if i >= 64 || mask & (1 << i) == 0 {
                        continue;
                    }
                    if let Some(group) = option.group.as_deref() {
                        if groups.contains(&group) {
                            clean = false;
                            continue;
                        }
                        groups.push(group);
                    }
                    options.insert(option.id.to_string());
                }
                if activity.options.len() < 64 && mask >> activity.options.len() != 0 {
                    clean = false;
                }
            }
            Err(_) => clean = false,
        }
    }
    Some((
        ActivityRequest {
            activity: activity.id.to_string(),
            model: model.id.to_string(),
            volumes: quantities,
            options,
        },
        clean,
    ))
}

/// The same request priced with another tariff: what that tariff no longer offers (an activity,
/// a unit, an option) is left out and reported; volumes over its bounds are capped.
#[must_use]
pub fn reprice(request: &Request, tariff: &Tariff) -> (Request, Vec<Dropped>) {
    let mut dropped = Vec::new();
    let mut moved = Request::starter(tariff);
    if tariff.site(&request.site).is_some() {
        moved.site.clone_from(&request.site);
    }
    if tariff.term(&request.term).is_some() {
        moved.term.clone_from(&request.term);
    }
    if tariff.language(&request.language).is_some() {
        moved.language.clone_from(&request.language);
    }
    moved.currency = request.currency;
    moved.fluctuation = request.fluctuation.min(MAX_FLUCTUATION);
    for wanted in &request.activities {
        let Some(activity) = tariff.activity(&wanted.activity) else {
            dropped.push(Dropped::Unknown {
                field: wanted.activity.clone(),
            });
            continue;
        };
        let model = activity.model(&wanted.model).or(activity.models.first());
        let Some(model) = model else { continue };
        let mut clean = model.id == wanted.model;
        // Filled by insertion: collect() and extend() sort, and a sort weighs on the page.
        let mut volumes = Volumes::new();
        for unit in model.units.iter() {
            let quantity = wanted.volumes.get(&*unit.id).copied().unwrap_or(0);
            clean &= quantity <= unit.max;
            volumes.insert(unit.id.to_string(), quantity.min(unit.max));
        }
        clean &= wanted.volumes.keys().all(|u| model.unit(u).is_some());
        let mut options = OptionSet::default();
        for option in wanted
            .options
            .iter()
            .filter(|o| activity.option(o).is_some())
        {
            options.insert(option.clone());
        }
        clean &= options.len() == wanted.options.len();
        if !clean {
            dropped.push(Dropped::Unreadable {
                field: activity.id.to_string(),
            });
        }
        moved.activities.push(ActivityRequest {
            activity: activity.id.to_string(),
            model: model.id.to_string(),
            volumes,
            options,
        });
    }
    // What is left after that is nothing an activity could be dropped for.
    let _ = leave_out_undeliverable(&mut moved, tariff, &mut dropped);
    (moved, dropped)
}
