//! An estimate as the fragment of a URL, and back. A link is a promise: it names its format and
//! the tariff version it was priced with, and every later release must open it to the same
//! figures. Decoding is lenient field by field: what can be read is kept, what cannot is
//! reported, and nothing in a link is ever run.
//!
//! Fields joined by `&`, values percent-encoded, in this order:
//!
//! ```text
//! v=3                      format: 3 for every estimate priced by the current rules, 4 for a
//!                          quotation of several options; 1 or 2 for one priced by the rules
//!                          before (2 where it holds the format-2 fields below)
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
//! o2=s@yogyakarta+k@36m   a quotation's second option, and `o3=` its third (format 4): the
//!                          fields it writes otherwise than the first, `key@value` joined by
//!                          `+`, a field of the first's it has not as `key@`
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
//! provider file names. See `signature`. A discount over its signer's limit stands once a
//! colleague who may approve it countersigns: `&ok=<key id>&okd=<day>&osig=<signature>` after
//! the signed link, their signature over everything before `&osig=`.
//!
//! A link to a quotation of several options may end `&o=2`, after all of that: the option it
//! shows, the client's choice (unsigned: choosing is not changing what was offered).
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
use crate::staffing::{CentrePlan, Profile, Sizing};
use crate::tariff::{Activity, Catalogue, SizedBy, Tariff};

mod decode;
mod encode;
mod fields;
mod reprice;

use decode::leave_out_undeliverable;
pub use decode::{date_problem, decode, fragment};
use encode::{check, value};
pub use encode::{
    countersealed, countersignable, encode, encode_estimate, sealed, signable, with_option,
};
pub(crate) use fields::{own, own_from};
use fields::{sizing_from, traffic};
pub use reprice::{problems, reprice, repriced};

/// The newest format this release writes. Format 3 is priced by the current rules (lines that
/// multiply out, channels priced beside a team: rules 13 and 14), and every estimate priced by
/// them is written in it. A request priced by the rules before keeps the format it came in:
/// format 2 where it holds what format 1 cannot say (an activity delivered from its own site,
/// the client's in-house figures, figures without VAT). Format 4 is a quotation of several
/// options, priced by the same rules as format 3. An older page, which would price a newer
/// format wrongly (or show one option of three as the whole offer), asks to be reloaded instead.
pub const FORMAT: u32 = 4;
/// The options one quotation offers at most: its first and two more.
pub const MAX_OPTIONS: usize = 3;
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
    /// The quotation a revision replaces: its number and its code (`quote::replaced`).
    Replaces,
}

impl QuoteField {
    /// In the order a link writes them.
    pub const ALL: [QuoteField; 8] = [
        Self::Client,
        Self::Preparer,
        Self::Contact,
        Self::Reference,
        Self::Attention,
        Self::Subject,
        Self::Note,
        Self::Replaces,
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
            Self::Replaces => "was",
        }
    }

    /// The longest text a link carries, in characters.
    #[must_use]
    pub fn max(self) -> usize {
        match self {
            Self::Client => 60,
            Self::Preparer => 40,
            Self::Contact => 50,
            // A number and its revision: `NLY/SD/2026/12/0003-K7Q-R12`.
            Self::Reference => 32,
            Self::Attention => 50,
            Self::Subject => 80,
            Self::Note => 200,
            // The number it replaces, a space and that quotation's code.
            Self::Replaces => 41,
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
            Self::Replaces => &quote.replaces,
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
            Self::Replaces => &mut quote.replaces,
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
    /// A revision's predecessor: its number, a space and its code.
    pub replaces: String,
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

/// A colleague's approval of a signed quotation whose discount is over its signer's limit: their
/// key's signature over the whole signed link, the key's id and the day (`&ok=`, `&okd=`,
/// `&osig=` after `&sig=`). See `signature::judge`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Countersignature {
    /// The id of the approver's key.
    pub key: String,
    /// The day it was approved, on the provider's calendar; `None` where it does not read.
    pub on: Option<Date>,
    /// The signature as the link carries it (base64url).
    pub signature: String,
    /// The bytes that were countersigned: the link up to `&osig=`.
    pub message: String,
}

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contents {
    /// The version of the tariff the estimate was priced with.
    pub tariff: String,
    /// What is priced: a quotation's first option, where it offers several.
    pub request: Request,
    /// A quotation's further options (its second and third), each a whole request.
    pub options: Vec<Request>,
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
    /// The field appears more than once: the first was kept.
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
    /// A colleague's approval of its discount, where it carries one.
    pub approval: Option<Countersignature>,
    /// The option the link shows, from 0 (`&o=`): its client's choice.
    pub shown: usize,
}

impl Opened {
    /// What the link shows priced: the option it names, else the first.
    #[must_use]
    pub fn request(&self) -> &Request {
        let options = &self.contents.options;
        self.shown
            .checked_sub(1)
            .and_then(|n| options.get(n))
            .unwrap_or(&self.contents.request)
    }

    /// Every option the quotation offers, the first first; one for an estimate.
    pub fn options(&self) -> impl Iterator<Item = &Request> {
        std::iter::once(&self.contents.request).chain(&self.contents.options)
    }
}
