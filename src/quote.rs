//! A quotation's rules, whoever applies them (the page, the sales console, the quote tool): the
//! calendar it is dated and judged on, the last day it holds, and whether a salesperson may
//! issue it. One place, so that what the console issues is exactly what the page accepts.

use rust_decimal::Decimal;

use crate::calendar::Date;
use crate::link::QuoteDetails;
use crate::provider::{Provider, Staff, StaffKey};
use crate::tariff::Tariff;

/// A day on the provider's calendar: the only day a quotation is dated and judged by. A reader
/// in New York at 18:30 on the 7th reads a quotation issued at 06:30 on the 8th in Jakarta as
/// the provider does, on the 8th.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Today(pub Date);

impl Today {
    /// Today on `provider`'s calendar at `unix_seconds` (any clock's reading: it is the same
    /// number in every zone).
    #[must_use]
    pub fn at(provider: &Provider, unix_seconds: i64) -> Self {
        Self(provider.today_at(unix_seconds))
    }
}

/// Whether `issued` comes before the day `tariff` took effect: a quotation cannot be priced with
/// prices not yet published.
#[must_use]
pub fn before_tariff(issued: Date, tariff: &Tariff) -> bool {
    Date::parse(&tariff.effective).is_some_and(|effective| issued < effective)
}

/// The last day a quotation holds: the day its salesperson set, else the tariff's validity from
/// its date, and never more than the provider's maximum after its date. `None` for a quotation
/// with no date and no last day.
#[must_use]
pub fn last_day(quote: &QuoteDetails, tariff: &Tariff, provider: &Provider) -> Option<Date> {
    let set = quote.valid_until(tariff)?;
    let ceiling = quote
        .issued
        .and_then(|issued| issued.plus_days(provider.max_validity_days()));
    Some(ceiling.map_or(set, |ceiling| set.min(ceiling)))
}

/// Why a salesperson may not issue a quotation as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The quotation has no date.
    Undated,
    /// Dated after today.
    DatedInFuture { issued: Date },
    /// Dated before the tariff it is priced with took effect.
    DatedBeforeTariff { issued: Date, effective: Date },
    /// Dated before the signing key's first day.
    DatedBeforeKey { issued: Date, from: Date },
    /// The signing key's first day is still to come.
    KeyNotYetValid { from: Date },
    /// The signing key is withdrawn on `on`: today, earlier, or before the quotation would end.
    KeyWithdrawn { on: Date },
    /// Its last day has passed.
    AlreadyExpired { until: Date },
    /// It would hold past the provider's maximum: at most `latest`.
    BeyondMaximum {
        until: Date,
        latest: Date,
        days: u32,
    },
    /// A discount over the signer's limit (`max`, a fraction).
    DiscountOverLimit { max: Decimal },
}

impl Refusal {
    /// A stable identifier, for scripts.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Undated => "quote_undated",
            Self::DatedInFuture { .. } => "quote_dated_in_future",
            Self::DatedBeforeTariff { .. } => "quote_dated_before_tariff",
            Self::DatedBeforeKey { .. } => "quote_dated_before_key",
            Self::KeyNotYetValid { .. } => "key_not_yet_valid",
            Self::KeyWithdrawn { .. } => "key_withdrawn",
            Self::AlreadyExpired { .. } => "quote_expired",
            Self::BeyondMaximum { .. } => "validity_too_long",
            Self::DiscountOverLimit { .. } => "discount_over_limit",
        }
    }
}

/// Whether `staff` may issue `quote` with `key` today: the one rule the console and `quote sign`
/// apply, so that what they issue reads valid on the client's page the same day.
///
/// # Errors
/// The first [`Refusal`] that applies, key first, then dates, then the discount.
pub fn may_issue(
    staff: &Staff,
    key: &StaffKey,
    quote: &QuoteDetails,
    tariff: &Tariff,
    provider: &Provider,
    today: Today,
) -> Result<(), Refusal> {
    let today = today.0;
    if today < key.valid_from {
        return Err(Refusal::KeyNotYetValid {
            from: key.valid_from,
        });
    }
    if let Some(on) = key.revoked.filter(|on| *on <= today) {
        return Err(Refusal::KeyWithdrawn { on });
    }
    let issued = quote.issued.ok_or(Refusal::Undated)?;
    if issued > today {
        return Err(Refusal::DatedInFuture { issued });
    }
    if let Some(effective) = Date::parse(&tariff.effective).filter(|e| issued < *e) {
        return Err(Refusal::DatedBeforeTariff { issued, effective });
    }
    if issued < key.valid_from {
        return Err(Refusal::DatedBeforeKey {
            issued,
            from: key.valid_from,
        });
    }
    let until = quote.valid_until(tariff).ok_or(Refusal::Undated)?;
    if until < today {
        return Err(Refusal::AlreadyExpired { until });
    }
    let days = provider.max_validity_days();
    if let Some(latest) = issued.plus_days(days).filter(|latest| until > *latest) {
        return Err(Refusal::BeyondMaximum {
            until,
            latest,
            days,
        });
    }
    // A withdrawal already set for a later day ends every quotation of the key on that day.
    if let Some(on) = key.revoked.filter(|on| until >= *on) {
        return Err(Refusal::KeyWithdrawn { on });
    }
    if quote.discount.is_some_and(|d| d > staff.max_discount) {
        return Err(Refusal::DiscountOverLimit {
            max: staff.max_discount,
        });
    }
    Ok(())
}
