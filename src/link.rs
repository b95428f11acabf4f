//! An estimate as the fragment of a URL, and back. A link is a promise: it names its format and
//! the tariff version it was priced with, and every later release must open it to the same
//! figures. Decoding is lenient field by field: what can be read is kept, what cannot is
//! reported, and nothing in a link is ever run.
//!
//! Fields joined by `&`, values percent-encoded, in this order:
//!
//! ```text
//! v=3                      format: 3 for every estimate priced by the current rules; 1 or 2
//!                          for one priced by the rules before (2 where it holds the format-2
//!                          fields below)
//! t=2026-11                tariff version
//! s=jakarta k=12m c=IDR    site, term, currency
//! l=id f=30                customers' language, fluctuation %
//! vat=excl                 figures without VAT (format 2)
//! <activity>=[model.]n.n.n[~mask]
//!                          one field per chosen activity, in tariff order: the model (only where
//!                          the activity has several), the volumes in the model's unit order
//!                          and, from format 3, the channels priced beside a team (trailing
//!                          zeros left out), the options as a bit mask in tariff order
//! <activity>-traffic=…    the traffic its volume was sized from (see `traffic`)
//! <activity>-site=manila   delivered from its own site (format 2)
//! <activity>-own=w…~o…~h…  the client's own in-house figures (format 2)
//! <activity>-ex=5          the volumes still the page's examples, a bit per priced unit in
//!                          the volumes' order (format 3)
//! for= by= contact= ref=   quote details, free text, length-capped: client, salesperson, their
//!                          contact, quote number
//! attn= subj= note=        the client's contact person, the subject, special terms
//! d=2026-11-27             the day the quote was issued
//! u=2026-12-27             the last day it holds, where not the tariff's default
//! disc=5                   a negotiated discount, percent of the recurring charges
//! z=1a2b                   check: the FNV-1a hash of everything before it, so a link cut short
//!                          or edited by hand is noticed
//! ```
//!
//! A signed quotation ends `&key=<key id>&sig=<signature>` instead of `&z=`: an ECDSA P-256
//! signature (SHA-256, raw r‖s, base64url) over everything before `&sig=`, by the key the
//! provider file names. See `signature`.
//!
//! Published tariffs never change, so positions within a tariff are stable forever.

use std::fmt::Write as _;

use litemap::LiteMap;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use rust_decimal::Decimal;

use crate::calendar::Date;
use crate::estimate::{
    ActivityRequest, EstimateError, InHouseFigures, MAX_FLUCTUATION, OptionSet, Request, Rules,
    VatMode, Volumes, units,
};
use crate::money::Currency;
use crate::staffing::{Profile, Sizing};
use crate::tariff::{Activity, Catalogue, SizedBy, Tariff};

/// The newest format this release writes. Format 3 is priced by the current rules (lines that
/// multiply out, channels priced beside a team: rules 13 and 14), and every estimate priced by
/// them is written in it. A request priced by the rules before keeps the format it came in:
/// format 2 where it holds what format 1 cannot say (an activity delivered from its own site,
/// the client's in-house figures, figures without VAT). An older page, which would price a newer
/// format wrongly, asks to be reloaded instead.
pub const FORMAT: u32 = 3;
/// Links longer than this are refused before any parsing. A full four-activity estimate with
/// every quote detail at its cap stays well under it.
pub const MAX_LENGTH: usize = 2048;

/// Characters left as they are in a value; everything else is percent-encoded. A fragment may
/// hold `/` as it is: quote numbers (NLY/SD/2026/11/0007) stay short and readable.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'@')
    .remove(b'+')
    .remove(b'/');

/// A free-text detail of a quote: who it is for and from, and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteField {
    /// Prepared for: the client's company.
    Client,
    /// Prepared by: the salesperson.
    Preparer,
    /// The salesperson's phone or e-mail.
    Contact,
    /// The quote's number.
    Reference,
    /// The person at the client the quote is addressed to.
    Attention,
    /// What the quote is about, where not the usual subject.
    Subject,
    /// Special terms the salesperson negotiated, shown as text.
    Note,
}

impl QuoteField {
    /// In the order a link writes them.
    pub const ALL: [QuoteField; 7] = [
        Self::Client,
        Self::Preparer,
        Self::Contact,
        Self::Reference,
        Self::Attention,
        Self::Subject,
        Self::Note,
    ];

    /// The link's key.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Client => "for",
            Self::Preparer => "by",
            Self::Contact => "contact",
            Self::Reference => "ref",
            Self::Attention => "attn",
            Self::Subject => "subj",
            Self::Note => "note",
        }
    }

    /// The longest text a link carries, in characters.
    #[must_use]
    pub fn max(self) -> usize {
        match self {
            Self::Client => 60,
            Self::Preparer => 40,
            Self::Contact => 50,
            Self::Reference => 24,
            Self::Attention => 50,
            Self::Subject => 80,
            Self::Note => 200,
        }
    }

    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    #[must_use]
    pub fn get(self, quote: &QuoteDetails) -> &str {
        match self {
            Self::Client => &quote.client,
            Self::Preparer => &quote.preparer,
            Self::Contact => &quote.contact,
            Self::Reference => &quote.reference,
            Self::Attention => &quote.attention,
            Self::Subject => &quote.subject,
            Self::Note => &quote.note,
        }
    }

    pub fn get_mut(self, quote: &mut QuoteDetails) -> &mut String {
        match self {
            Self::Client => &mut quote.client,
            Self::Preparer => &mut quote.preparer,
            Self::Contact => &mut quote.contact,
            Self::Reference => &mut quote.reference,
            Self::Attention => &mut quote.attention,
            Self::Subject => &mut quote.subject,
            Self::Note => &mut quote.note,
        }
    }
}

/// Who a quote is for and from. Every field is optional; an estimate without any is the
/// visitor's own, not a quote.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct QuoteDetails {
    pub client: String,
    pub preparer: String,
    pub contact: String,
    pub reference: String,
    pub attention: String,
    pub subject: String,
    pub note: String,
    pub issued: Option<Date>,
    /// The last day it holds, where the salesperson set one; else the tariff's default.
    pub until: Option<Date>,
    /// A negotiated discount on the recurring charges, a fraction (0.05). Applied only where a
    /// valid signature stands behind it.
    pub discount: Option<Decimal>,
}

impl QuoteDetails {
    /// Whether the link is a quote someone issued, rather than an estimate.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.issued.is_none()
            && self.until.is_none()
            && self.discount.is_none()
            && QuoteField::ALL.iter().all(|f| f.get(self).is_empty())
    }

    /// The last day the quote's prices hold: the day the salesperson set, else the tariff's
    /// validity from the day it was issued.
    #[must_use]
    pub fn valid_until(&self, tariff: &Tariff) -> Option<Date> {
        self.until
            .or_else(|| self.issued?.plus_days(tariff.quote_validity_days))
    }
}

/// The signature at the end of a signed quotation: what the signer's key must verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    /// The id of the key, as the provider file lists it.
    pub key: String,
    /// The signature as the link carries it (base64url).
    pub signature: String,
    /// The bytes that were signed: the link up to `&sig=`.
    pub message: String,
}

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contents {
    /// The version of the tariff the estimate was priced with.
    pub tariff: String,
    pub request: Request,
    pub quote: QuoteDetails,
}

/// Why a text is not a link at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LinkError {
    /// Longer than [`MAX_LENGTH`]: refused unread.
    TooLong { length: usize, max: usize },
    /// No `v=` field: not one of our links.
    NotALink,
    /// Written by a newer release than this page.
    NewerFormat { format: u32 },
}

impl LinkError {
    /// A stable identifier, for scripts.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::TooLong { .. } => "link_too_long",
            Self::NotALink => "link_not_ours",
            Self::NewerFormat { .. } => "link_newer_format",
        }
    }
}

/// Something a link held that could not be kept as it was, and what was done instead.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Dropped {
    /// The link names a tariff this release does not bundle; the newest was used.
    UnknownTariff { version: String },
    /// A setting (`s`, `k`, `c`, `l`, `f`) holds what the tariff does not offer; the starting
    /// value was used.
    Setting { key: String, value: String },
    /// A date of the quote is not a date; the quote has none.
    Date { value: String },
    /// The negotiated discount is not a percentage from 0 to under 100: none is applied.
    Discount { value: String },
    /// The activity's field names a pricing model the tariff does not have: the activity was
    /// left out.
    UnknownModel { activity: String, model: String },
    /// A volume is not a whole number, or is over its unit's bound (`max`): 0 was used.
    Volume {
        activity: String,
        unit: String,
        max: Option<u64>,
    },
    /// More volumes than the model has units: the extra ones were ignored.
    ExtraVolumes { activity: String },
    /// Options the tariff does not offer for the activity, or a mask that is not a number:
    /// ignored.
    UnknownOptions { activity: String },
    /// Two options that exclude each other: the first was kept.
    OptionConflict {
        activity: String,
        kept: String,
        dropped: String,
    },
    /// A volume over the bound of a newer tariff, when re-pricing: capped at it.
    Capped {
        activity: String,
        unit: String,
        max: u64,
    },
    /// A newer tariff no longer offers the activity, its model or an option, when re-pricing.
    NotOffered {
        activity: String,
        option: Option<String>,
    },
    /// The traffic a volume was sized from does not read, or does not give that volume: the
    /// volume stands, without it.
    Traffic { activity: String },
    /// The client's in-house figures do not read: the tariff's are used.
    InHouse { activity: String },
    /// This release does not know the field.
    Unknown { field: String },
    /// The field appears twice: the first was kept.
    Repeated { field: String },
    /// The text was longer than allowed and was cut.
    Shortened { field: String, max: usize },
    /// The activity could not be priced with the rest of the link and was left out.
    Removed {
        activity: String,
        error: EstimateError,
    },
    /// The quote is dated after today: no quote can be issued in the future.
    DatedInFuture { issued: Date },
    /// The quote is dated before the tariff it names took effect.
    DatedBeforeTariff { issued: Date, effective: Date },
    /// The link has no check field: it was probably cut short.
    Truncated,
    /// The check does not match: the link was changed after it was made.
    Altered,
}

impl Dropped {
    /// A stable identifier, for scripts: the engine's own codes where the engine would refuse
    /// the same thing.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownTariff { .. } => "unknown_tariff",
            Self::Setting { key, value } => match key.as_str() {
                "s" => "unknown_site",
                "k" => "unknown_term",
                "c" => "unknown_currency",
                "l" => "unknown_language",
                _ if value.parse::<u32>().is_ok() => "fluctuation_too_large",
                _ => "fluctuation_not_a_number",
            },
            Self::Date { .. } => "date_unreadable",
            Self::Discount { .. } => "discount_unreadable",
            Self::UnknownModel { .. } => "unknown_model",
            Self::Volume { max: Some(_), .. } => "quantity_too_large",
            Self::Volume { max: None, .. } => "quantity_not_a_number",
            Self::ExtraVolumes { .. } => "unknown_unit",
            Self::UnknownOptions { .. } => "unknown_option",
            Self::OptionConflict { .. } => "option_conflict",
            Self::Capped { .. } => "quantity_capped",
            Self::NotOffered { option: None, .. } => "unknown_activity",
            Self::NotOffered {
                option: Some(_), ..
            } => "unknown_option",
            Self::Traffic { .. } => "traffic_unreadable",
            Self::InHouse { .. } => "in_house_unreadable",
            Self::Unknown { .. } => "unknown_field",
            Self::Repeated { .. } => "repeated_field",
            Self::Shortened { .. } => "text_too_long",
            Self::Removed { error, .. } => error.code(),
            Self::DatedInFuture { .. } => "quote_dated_in_future",
            Self::DatedBeforeTariff { .. } => "quote_dated_before_tariff",
            Self::Truncated => "link_truncated",
            Self::Altered => "link_altered",
        }
    }
}

/// A decoded link and what decoding had to give up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub contents: Contents,
    pub dropped: Vec<Dropped>,
    /// The signature, on a signed quotation.
    pub seal: Option<Seal>,
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

/// The link's fields, without check or signature.
fn fields(contents: &Contents, tariff: &Tariff) -> String {
    let request = &contents.request;
    let newer = request.vat == VatMode::Excluded
        || request
            .activities
            .iter()
            .any(|a| a.site.is_some() || !a.in_house.is_empty());
    let format = match request.rules {
        Rules::Format3 => 3,
        Rules::Format2 if newer => 2,
        Rules::Format2 => 1,
    };
    let mut out = format!(
        "v={format}&t={}&s={}&k={}&c={}&l={}&f={}",
        value(&contents.tariff),
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

/// The link in a text as people pass it on: a whole address or a fragment, with or without `#`,
/// or after `?` where a chat app or a careless paste put it there, with spaces where a chat app
/// decoded `%20` (a link never holds a space of its own, so putting `%20` back is unambiguous).
/// The page and the quote tool read what this gives, so they read the same links.
#[must_use]
pub fn fragment(text: &str) -> String {
    let text = text.trim();
    let fragment = match text.split_once('#') {
        Some((_, fragment)) => fragment,
        None => text
            .split_once('?')
            .map(|(_, query)| query)
            .filter(|query| query.starts_with("v="))
            .unwrap_or(text),
    };
    fragment.replace(' ', "%20")
}

/// Reads a link (see [`fragment`] for the forms it may take) against the bundled tariffs.
///
/// # Errors
/// [`LinkError`] when the link is too long to read or not one of our links at all. Anything
/// less is recovered: see [`Opened::dropped`].
pub fn decode(text: &str, catalogue: &Catalogue) -> Result<Opened, LinkError> {
    // Measured as the page measures its address's fragment, before reading anything; a text
    // far longer cannot hold a link short enough.
    let fragment = if text.len() > MAX_LENGTH * 4 {
        text.to_owned()
    } else {
        fragment(text)
    };
    if fragment.len() > MAX_LENGTH {
        return Err(LinkError::TooLong {
            length: fragment.len(),
            max: MAX_LENGTH,
        });
    }
    let fragment = fragment.as_str();
    let mut dropped = Vec::new();

    // A signed quotation ends with its key and signature, which vouch for everything before
    // them (see `signature`); any other link with the check of everything before `&z=`.
    // A seal whose own names were damaged (`&kez=`, `&sih=`) is still a seal: what was signed
    // was changed, which is not the same as never having been signed.
    let mut seal = None;
    let key_id = |key: &str| percent_decode_str(key).decode_utf8_lossy().into_owned();
    let body = if let Some((message, signature)) = fragment.rsplit_once("&sig=") {
        let (body, key) = message.rsplit_once("&key=").unwrap_or((message, ""));
        seal = Some(Seal {
            key: key_id(key),
            signature: signature.to_owned(),
            message: message.to_owned(),
        });
        body
    } else if let Some((body, _)) = fragment.rsplit_once("&key=") {
        // Where the key's id ends is lost with the signature's name: the seal reads altered.
        seal = Some(Seal {
            key: String::new(),
            signature: String::new(),
            message: fragment.to_owned(),
        });
        body
    } else {
        match fragment.rsplit_once("&z=") {
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
        }
    };

    let mut fields: LiteMap<&str, String> = LiteMap::new();
    let mut order: Vec<&str> = Vec::new();
    for pair in body.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let text = percent_decode_str(raw).decode_utf8_lossy().into_owned();
        if fields.contains_key(key) {
            dropped.push(Dropped::Repeated {
                field: key.to_owned(),
            });
        } else {
            fields.insert(key, text);
            order.push(key);
        }
    }

    let rules = match fields.remove("v").map(|v| v.parse::<u32>()) {
        None => return Err(LinkError::NotALink),
        Some(Ok(1..=2)) => Rules::Format2,
        Some(Ok(3..=FORMAT)) => Rules::Format3,
        Some(Ok(format)) if format > FORMAT => return Err(LinkError::NewerFormat { format }),
        Some(_) => return Err(LinkError::NotALink),
    };

    let named = fields.remove("t").unwrap_or_default();
    let tariff = match catalogue.get(&named) {
        Some(tariff) => tariff,
        None => {
            dropped.push(Dropped::UnknownTariff { version: named });
            catalogue.latest()
        }
    };
    let mut request = Request::starter(tariff);
    request.rules = rules;
    // A setting the tariff does not offer keeps the starting value.
    let mut setting = |key: &str, ok: &dyn Fn(&str) -> bool| -> Option<String> {
        let text = fields.remove(key)?;
        if ok(&text) {
            return Some(text);
        }
        dropped.push(Dropped::Setting {
            key: key.to_owned(),
            value: text,
        });
        None
    };
    if let Some(site) = setting("s", &|s| tariff.site(s).is_some()) {
        request.site = site;
    }
    if let Some(term) = setting("k", &|k| tariff.term(k).is_some()) {
        request.term = term;
    }
    if let Some(currency) =
        setting("c", &|c| Currency::from_code(c).is_some()).and_then(|c| Currency::from_code(&c))
    {
        request.currency = currency;
    }
    if let Some(language) = setting("l", &|l| tariff.language(l).is_some()) {
        request.service_language = language;
    }
    if setting("vat", &|v| v == "excl").is_some() {
        request.vat = VatMode::Excluded;
    }
    let fluctuation = |f: &str| f.parse::<u32>().is_ok_and(|f| f <= MAX_FLUCTUATION);
    if let Some(f) = setting("f", &fluctuation).and_then(|f| f.parse().ok()) {
        request.fluctuation = f;
    }
    let mut date = |key: &str| {
        fields.remove(key).and_then(|d| {
            let date = Date::parse(&d);
            if date.is_none() {
                dropped.push(Dropped::Date { value: d });
            }
            date
        })
    };
    let issued = date("d");
    let until = date("u");
    let discount = fields.remove("disc").and_then(|d| {
        let fraction = Decimal::from_str_exact(&d)
            .ok()
            .filter(|p| !p.is_sign_negative() && *p < Decimal::ONE_HUNDRED)
            .and_then(|p| p.checked_div(Decimal::ONE_HUNDRED));
        if fraction.is_none() {
            dropped.push(Dropped::Discount { value: d });
        }
        fraction
    });

    for activity in tariff.activities.iter() {
        let sizing = fields.remove(&*format!("{}-traffic", activity.id));
        let site = fields.remove(&*format!("{}-site", activity.id));
        let figures = fields.remove(&*format!("{}-own", activity.id));
        // Before format 3 there were no examples: the field is then unknown.
        let examples = fields
            .remove(&*format!("{}-ex", activity.id))
            .filter(|_| rules == Rules::Format3);
        if let Some(text) = fields.remove(&*activity.id)
            && let Some(mut wanted) = activity_from(activity, rules, &text, &mut dropped)
        {
            if let Some(site) = site {
                if tariff.site(&site).is_some() {
                    wanted.site = Some(site);
                } else {
                    dropped.push(Dropped::Setting {
                        key: "s".into(),
                        value: site,
                    });
                }
            }
            if let Some(text) = figures {
                // Figures the engine would refuse are dropped with a message, so the estimate
                // opens with the tariff's.
                let fits = |figures: &InHouseFigures| {
                    activity.model(&wanted.model).is_some_and(|model| {
                        crate::estimate::check_in_house(tariff, activity, model, rules, figures)
                            .is_ok()
                    })
                };
                match own_from(&text).filter(fits) {
                    Some(figures) => wanted.in_house = figures,
                    None => dropped.push(Dropped::InHouse {
                        activity: activity.id.to_string(),
                    }),
                }
            }
            let mask = examples.and_then(|m| m.parse::<u64>().ok()).unwrap_or(0);
            if let Some(model) = activity.model(&wanted.model) {
                for (i, unit) in units(activity, model, rules).iter().enumerate() {
                    if i < 64 && mask & (1 << i) != 0 {
                        wanted.examples.push(unit.id.to_string());
                    }
                }
            }
            if let Some(text) = sizing {
                wanted.sizing = sizing_from(activity, &wanted, &text);
                if wanted.sizing.is_none() {
                    dropped.push(Dropped::Traffic {
                        activity: activity.id.to_string(),
                    });
                }
            }
            request.activities.push(wanted);
        }
    }

    let mut quote = QuoteDetails {
        issued,
        until,
        discount,
        ..QuoteDetails::default()
    };
    for field in QuoteField::ALL {
        let Some(text) = fields.remove(field.key()) else {
            continue;
        };
        // Shown as text, never as markup; control characters have no place in a name.
        let clean: String = text.chars().filter(|c| !c.is_control()).collect();
        if clean.chars().count() > field.max() {
            dropped.push(Dropped::Shortened {
                field: field.key().to_owned(),
                max: field.max(),
            });
        }
        *field.get_mut(&mut quote) = clean.chars().take(field.max()).collect();
    }

    for key in order.iter().filter(|k| fields.contains_key(**k)) {
        dropped.push(Dropped::Unknown {
            field: (*key).to_owned(),
        });
    }

    // What reads well field by field may still not price together (an edited site that cannot
    // deliver an activity): leave those activities out rather than the whole link.
    if let Err(error) = leave_out_undeliverable(&mut request, tariff, &mut dropped) {
        // Every field was checked against the tariff above, so no other error can come; should
        // one, the starting request is safer than a broken one.
        request = Request::starter(tariff);
        request.rules = rules;
        dropped.push(Dropped::Removed {
            activity: String::new(),
            error,
        });
    }

    Ok(Opened {
        contents: Contents {
            tariff: tariff.version.to_string(),
            request,
            quote,
        },
        dropped,
        seal,
    })
}

/// What is impossible about a quote's date, `today` being the provider's: a date after it, or
/// before the tariff it was priced with took effect.
#[must_use]
pub fn date_problem(quote: &QuoteDetails, tariff: &Tariff, today: Date) -> Option<Dropped> {
    let issued = quote.issued?;
    if issued > today {
        return Some(Dropped::DatedInFuture { issued });
    }
    let effective = Date::parse(&tariff.effective)?;
    (issued < effective).then_some(Dropped::DatedBeforeTariff { issued, effective })
}

/// What reads well field by field may still not price together (a site that cannot deliver an
/// activity, a language it does not speak): those activities are left out, with the reason,
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

/// One activity's field: `[model.]n.n.n[~mask]`, its volumes those of the units `rules` price.
/// `None` where the activity cannot be kept; every repair is reported in `dropped`.
fn activity_from(
    activity: &Activity,
    rules: Rules,
    text: &str,
    dropped: &mut Vec<Dropped>,
) -> Option<ActivityRequest> {
    let id = || activity.id.to_string();
    let (volumes, mask) = match text.split_once('~') {
        Some((volumes, mask)) => (volumes, Some(mask)),
        None => (text, None),
    };
    let mut parts = volumes.split('.').peekable();
    let model = match parts.peek() {
        Some(first) if !first.is_empty() && !first.bytes().all(|b| b.is_ascii_digit()) => {
            let Some(model) = activity.model(first) else {
                dropped.push(Dropped::UnknownModel {
                    activity: id(),
                    model: (*first).to_owned(),
                });
                return None;
            };
            parts.next();
            model
        }
        _ => activity.models.first()?,
    };
    let mut quantities = Volumes::new();
    let mut units = units(activity, model, rules).into_iter();
    for part in parts {
        let Some(unit) = units.next() else {
            dropped.push(Dropped::ExtraVolumes { activity: id() });
            break;
        };
        let quantity = match part.parse::<u64>() {
            Ok(n) if n <= unit.max => n,
            read => {
                dropped.push(Dropped::Volume {
                    activity: id(),
                    unit: unit.id.to_string(),
                    max: read.ok().map(|_| unit.max),
                });
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
                let mut kept: Vec<&crate::tariff::ActivityOption> = Vec::new();
                for (i, option) in activity.options.iter().enumerate() {
                    if i >= 64 || mask & (1 << i) == 0 {
                        continue;
                    }
                    let clash = kept
                        .iter()
                        .find(|k| option.group.is_some() && k.group == option.group);
                    if let Some(first) = clash {
                        dropped.push(Dropped::OptionConflict {
                            activity: id(),
                            kept: first.id.to_string(),
                            dropped: option.id.to_string(),
                        });
                        continue;
                    }
                    kept.push(option);
                    options.insert(option.id.to_string());
                }
                if activity.options.len() < 64 && mask >> activity.options.len() != 0 {
                    dropped.push(Dropped::UnknownOptions { activity: id() });
                }
            }
            Err(_) => dropped.push(Dropped::UnknownOptions { activity: id() }),
        }
    }
    Some(ActivityRequest {
        activity: id(),
        model: model.id.to_string(),
        volumes: quantities,
        options,
        sizing: None,
        site: None,
        in_house: InHouseFigures::default(),
        examples: Vec::new(),
    })
}

/// The client's in-house figures as a link writes them: `w<wage>~o<overhead>~h<hire>` and
/// `<unit>:<per employee>` for each productivity, each only where given.
pub(crate) fn own(figures: &InHouseFigures) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (tag, amount) in [
        ('w', figures.wage),
        ('o', figures.overhead),
        ('h', figures.hire),
    ] {
        if let Some(amount) = amount {
            parts.push(format!("{tag}{}", amount.normalize()));
        }
    }
    for (unit, per_fte) in figures.per_fte.iter() {
        parts.push(format!("{}:{per_fte}", value(unit)));
    }
    parts.join("~")
}

/// The client's in-house figures read from a link; `None` where a part does not read (their
/// bounds are the engine's to check, with a message).
pub(crate) fn own_from(text: &str) -> Option<InHouseFigures> {
    let mut figures = InHouseFigures::default();
    for part in text.split('~') {
        let amount = || Decimal::from_str_exact(part.get(1..)?).ok();
        match part.as_bytes().first()? {
            b'w' => figures.wage = Some(amount()?),
            b'o' => figures.overhead = Some(amount()?),
            b'h' => figures.hire = Some(amount()?),
            _ => {
                let (unit, per_fte) = part.split_once(':')?;
                figures
                    .per_fte
                    .insert(unit.to_owned(), per_fte.parse().ok()?);
            }
        }
    }
    Some(figures)
}

/// A sizing as a link writes it: `c.<calls>.<handle time>` for minutes from calls, and
/// `e.<calls>.<handle time>.<hours a day>.<days a week>.<service level %>.<within seconds>.
/// <occupancy %>.<shrinkage %>.<t|f>` for agents by Erlang C (t: the typical day, f: flat).
fn traffic(sizing: &Sizing) -> String {
    match *sizing {
        Sizing::Calls { calls, handle_time } => format!("c.{calls}.{handle_time}"),
        Sizing::Centre {
            calls,
            handle_time,
            hours_per_day,
            days_per_week,
            service_level,
            answer_within,
            max_occupancy,
            shrinkage,
            profile,
        } => {
            let profile = match profile {
                Profile::Typical => 't',
                Profile::Flat => 'f',
            };
            format!(
                "e.{calls}.{handle_time}.{hours_per_day}.{days_per_week}.{service_level}.{answer_within}.{max_occupancy}.{shrinkage}.{profile}"
            )
        }
    }
}

/// A sizing read from a link, kept only where the tariff lets the model's unit be sized that
/// way and it gives the very volume the link prices (the volume is the promise; a sizing that
/// does not match it was changed by hand).
fn sizing_from(activity: &Activity, wanted: &ActivityRequest, text: &str) -> Option<Sizing> {
    let mut parts = text.split('.');
    let kind = parts.next()?;
    let mut number = || parts.next()?.parse::<u64>().ok();
    let sizing = match kind {
        "c" => Sizing::Calls {
            calls: number()?,
            handle_time: u32::try_from(number()?).ok()?,
        },
        "e" => {
            let calls = number()?;
            let handle_time = u32::try_from(number()?).ok()?;
            let hours_per_day = u8::try_from(number()?).ok()?;
            let days_per_week = u8::try_from(number()?).ok()?;
            let service_level = u8::try_from(number()?).ok()?;
            let answer_within = u32::try_from(number()?).ok()?;
            let max_occupancy = u8::try_from(number()?).ok()?;
            let shrinkage = u8::try_from(number()?).ok()?;
            let profile = match parts.next()? {
                "t" => Profile::Typical,
                "f" => Profile::Flat,
                _ => return None,
            };
            Sizing::Centre {
                calls,
                handle_time,
                hours_per_day,
                days_per_week,
                service_level,
                answer_within,
                max_occupancy,
                shrinkage,
                profile,
            }
        }
        _ => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    let unit = activity
        .model(&wanted.model)?
        .units
        .iter()
        .find(|u| u.sized_by.is_some())?;
    let fits = matches!(
        (unit.sized_by, &sizing),
        (Some(SizedBy::Calls), Sizing::Calls { .. })
            | (Some(SizedBy::Erlang), Sizing::Centre { .. })
    );
    let volume = wanted.volumes.get(&*unit.id).copied().unwrap_or(0);
    (fits && sizing.volume() == Ok(volume)).then_some(sizing)
}

/// What a link lost on the way, as the page lists it: what decoding gave up and, for a quote
/// no signature dates, its dates' problems on `today` (a signed one's are its signature's).
#[must_use]
pub fn problems(opened: &Opened, tariff: &Tariff, today: Date) -> Vec<Dropped> {
    let mut problems = opened.dropped.clone();
    if opened.seal.is_none() {
        problems.extend(date_problem(&opened.contents.quote, tariff, today));
    }
    problems
}

/// What re-pricing the estimate of link `before` with the newest tariff gives up: nothing where
/// the link does not read.
#[must_use]
pub fn repriced(before: &str, catalogue: &Catalogue) -> Vec<Dropped> {
    decode(before, catalogue).map_or_else(
        |_| Vec::new(),
        |opened| reprice(&opened.contents.request, catalogue.latest()).1,
    )
}

/// The same request priced with another tariff: what that tariff no longer offers (an activity,
/// a model, an option) is left out and reported; volumes over its bounds are capped.
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
    if tariff.language(&request.service_language).is_some() {
        moved.service_language.clone_from(&request.service_language);
    }
    moved.currency = request.currency;
    moved.vat = request.vat;
    moved.fluctuation = request.fluctuation.min(MAX_FLUCTUATION);
    for wanted in &request.activities {
        let not_offered = |option: Option<&str>| Dropped::NotOffered {
            activity: wanted.activity.clone(),
            option: option.map(str::to_owned),
        };
        let Some(activity) = tariff.activity(&wanted.activity) else {
            dropped.push(not_offered(None));
            continue;
        };
        let Some(model) = activity.model(&wanted.model) else {
            dropped.push(not_offered(None));
            continue;
        };
        // Filled by insertion: collect() and extend() sort, and a sort weighs on the page.
        let mut volumes = Volumes::new();
        for unit in units(activity, model, moved.rules) {
            let quantity = wanted.volumes.get(&*unit.id).copied().unwrap_or(0);
            if quantity > unit.max {
                dropped.push(Dropped::Capped {
                    activity: activity.id.to_string(),
                    unit: unit.id.to_string(),
                    max: unit.max,
                });
            }
            volumes.insert(unit.id.to_string(), quantity.min(unit.max));
        }
        let mut options = OptionSet::default();
        for option in wanted.options.iter() {
            if activity.option(option).is_some() {
                options.insert(option.clone());
            } else {
                dropped.push(not_offered(Some(option)));
            }
        }
        moved.activities.push(ActivityRequest {
            activity: activity.id.to_string(),
            model: model.id.to_string(),
            volumes,
            options,
            // How the volume was sized goes with it, where the new tariff sizes it alike.
            sizing: wanted
                .sizing
                .filter(|_| model.units.iter().any(|u| u.sized_by.is_some())),
            site: wanted.site.clone().filter(|s| tariff.site(s).is_some()),
            in_house: wanted.in_house.clone(),
            // Still examples where the new tariff prices the same units.
            examples: wanted
                .examples
                .iter()
                .filter(|u| model.units.iter().any(|m| *m.id == ***u))
                .cloned()
                .collect(),
        });
    }
    // What is left after that is nothing an activity could be dropped for.
    let _ = leave_out_undeliverable(&mut moved, tariff, &mut dropped);
    (moved, dropped)
}
