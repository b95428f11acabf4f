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

/// How many characters of a quotation's signature its accept message quotes as its code: 48
/// bits; among 4,000 quotations, two share a code with a chance of about 1 in 35 million.
pub const CODE_LENGTH: usize = 8;

/// The code a quotation's accept message quotes: the first characters of its signature.
#[must_use]
pub fn code(link: &str) -> Option<&str> {
    let (_, signature) = link.rsplit_once("&sig=")?;
    signature.get(..CODE_LENGTH)
}

/// The room a first issue's number leaves in a link's reference for its revisions' `-R` and
/// digits: the console proposes numbers of 24 characters at most, of 32.
pub const REVISION_ROOM: usize = 8;

/// A quotation's revision, read from its number: `NLY/SD/2026/12/0003-K7Q-R2` is revision 2 of
/// `NLY/SD/2026/12/0003-K7Q`; a number without `-R` and digits is the first issue.
#[must_use]
pub fn revision(number: &str) -> Option<(&str, u32)> {
    let (base, n) = number.rsplit_once("-R")?;
    let n: u32 = n.parse().ok().filter(|n| *n >= 1)?;
    (!base.is_empty() && n.to_string().len() == number.len() - base.len() - 2).then_some((base, n))
}

/// The number of a revision's next one: `…-R1` after the first issue, `…-R3` after `…-R2`.
#[must_use]
pub fn next_revision(number: &str) -> String {
    match revision(number) {
        Some((base, n)) => format!("{base}-R{}", n.saturating_add(1)),
        None => format!("{number}-R1"),
    }
}

/// The latest revision of the quotation numbered `number` among `numbers`, where later than it.
#[must_use]
pub fn later_revision<'n>(
    number: &str,
    numbers: impl IntoIterator<Item = &'n str>,
) -> Option<&'n str> {
    let (base, n) = revision(number).unwrap_or((number, 0));
    numbers
        .into_iter()
        .filter_map(|other| {
            let (other_base, m) = revision(other)?;
            (other_base == base && m > n).then_some((m, other))
        })
        .max_by_key(|(m, _)| *m)
        .map(|(_, other)| other)
}

/// What a revision's link says it replaces (`was`): the number, a space, and the code.
#[must_use]
pub fn replaced(text: &str) -> Option<(&str, &str)> {
    text.rsplit_once(' ')
        .filter(|(number, code)| !number.is_empty() && !code.is_empty())
}

/// Whether `issued` comes before the day `tariff` took effect: a quotation cannot be priced with
/// prices not yet published.
#[must_use]
pub fn before_tariff(issued: Date, tariff: &Tariff) -> bool {
    issued < tariff.effective
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
    /// A discount over the signer's limit that no colleague may approve either: `max` is the
    /// largest that may be given (a fraction).
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
    if issued < tariff.effective {
        return Err(Refusal::DatedBeforeTariff {
            issued,
            effective: tariff.effective,
        });
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
    // Over the signer's own limit, it is issued as a request for a colleague's approval, where
    // one may give it (see `signature::judge`).
    if quote
        .discount
        .is_some_and(|d| d > staff.max_discount && approver(provider, staff, d).is_none())
    {
        return Err(Refusal::DiscountOverLimit {
            max: largest_discount(provider, staff),
        });
    }
    Ok(())
}

/// Why a colleague may not approve a quotation's discount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalRefusal {
    /// Its discount is within its signer's own limit: it stands without approval.
    NotNeeded,
    /// It is the approver's own quotation.
    OwnQuotation,
    /// The approver may approve no discount.
    NoAuthority,
    /// Its discount is over what the approver may approve (`max`, a fraction).
    BeyondAuthority { max: Decimal },
    /// The approver's key is not in use today (not yet, or withdrawn).
    KeyNotInUse,
    /// The quotation does not stand as its signer issued it (see `signature::judge`).
    NotStanding,
    /// It carries an approval already.
    AlreadyApproved,
}

impl ApprovalRefusal {
    /// A stable identifier, for scripts.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::NotNeeded => "approval_not_needed",
            Self::OwnQuotation => "approval_own_quotation",
            Self::NoAuthority => "approval_no_authority",
            Self::BeyondAuthority { .. } => "approval_beyond_authority",
            Self::KeyNotInUse => "approval_key_not_in_use",
            Self::NotStanding => "approval_quotation_not_standing",
            Self::AlreadyApproved => "approval_already_given",
        }
    }
}

/// Whether `approver` may approve, with `key`, today, the discount of a quotation signed by
/// `signer` (`quote`) that stands as issued (`standing`: its signature's verdict is valid): the
/// one rule the console and `quote approve` apply, so that what they approve reads approved on
/// the client's page (`signature::judge`).
///
/// # Errors
/// The first [`ApprovalRefusal`] that applies.
pub fn may_approve(
    (approver, key): (&Staff, &StaffKey),
    signer: &Staff,
    quote: &QuoteDetails,
    standing: bool,
    today: Today,
) -> Result<(), ApprovalRefusal> {
    let discount = quote
        .discount
        .filter(|_| needs_approval(signer, quote))
        .ok_or(ApprovalRefusal::NotNeeded)?;
    if approver.id == signer.id {
        return Err(ApprovalRefusal::OwnQuotation);
    }
    let most = approver
        .approves_up_to
        .ok_or(ApprovalRefusal::NoAuthority)?;
    if discount > most {
        return Err(ApprovalRefusal::BeyondAuthority { max: most });
    }
    if today.0 < key.valid_from || key.revoked.is_some_and(|on| on <= today.0) {
        return Err(ApprovalRefusal::KeyNotInUse);
    }
    if !standing {
        return Err(ApprovalRefusal::NotStanding);
    }
    Ok(())
}

/// Whether `quote`'s discount is over `staff`'s own limit: it stands only once a colleague
/// approves it.
#[must_use]
pub fn needs_approval(staff: &Staff, quote: &QuoteDetails) -> bool {
    quote.discount.is_some_and(|d| d > staff.max_discount)
}

/// A colleague in the provider file who may approve `discount` on a quotation `staff` issues:
/// one whose approval limit covers it and who has a key to countersign with, the one with the
/// smallest such limit first (the nearest manager, not the director).
#[must_use]
pub fn approver<'p>(provider: &'p Provider, staff: &Staff, discount: Decimal) -> Option<&'p Staff> {
    provider
        .staff
        .iter()
        .filter(|p| p.id != staff.id && !p.keys.is_empty())
        .filter_map(|p| Some((p.approves_up_to.filter(|most| discount <= *most)?, p)))
        .min_by_key(|(most, _)| *most)
        .map(|(_, p)| p)
}

/// The largest discount `staff` may put in a quotation: their own limit, or the largest a
/// colleague may approve.
#[must_use]
pub fn largest_discount(provider: &Provider, staff: &Staff) -> Decimal {
    provider
        .staff
        .iter()
        .filter(|p| p.id != staff.id && !p.keys.is_empty())
        .filter_map(|p| p.approves_up_to)
        .fold(staff.max_discount, Decimal::max)
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn a_revision_is_read_from_its_number() {
        assert_eq!(
            revision("NLY/SD/2026/12/0003-K7Q-R2"),
            Some(("NLY/SD/2026/12/0003-K7Q", 2))
        );
        assert_eq!(revision("NLY/SD/2026/12/0003-K7Q"), None);
        // Not a revision: no digits, a zero, a leading zero, a sign.
        for number in ["NLY/SD-R", "NLY/SD-R0", "NLY/SD-R01", "NLY/SD-R+1", "-R1"] {
            assert_eq!(revision(number), None, "{number}");
        }
        assert_eq!(
            next_revision("NLY/SD/2026/12/0003-K7Q"),
            "NLY/SD/2026/12/0003-K7Q-R1"
        );
        assert_eq!(
            next_revision("NLY/SD/2026/12/0003-K7Q-R9"),
            "NLY/SD/2026/12/0003-K7Q-R10"
        );
        assert_eq!(
            replaced("NLY/SD/2026/12/0003-K7Q Y_f1Sgvh"),
            Some(("NLY/SD/2026/12/0003-K7Q", "Y_f1Sgvh"))
        );
        assert_eq!(replaced("NLY/SD/2026/12/0003-K7Q"), None);
        // The first issue is replaced by its latest revision; the latest by none; another
        // quotation's revisions do not count.
        let numbers = [
            "NLY/SD/2026/12/0003-K7Q",
            "NLY/SD/2026/12/0003-K7Q-R2",
            "NLY/SD/2026/12/0003-K7Q-R1",
            "NLY/SD/2026/12/0004-K7Q-R5",
        ];
        assert_eq!(
            later_revision("NLY/SD/2026/12/0003-K7Q", numbers),
            Some("NLY/SD/2026/12/0003-K7Q-R2")
        );
        assert_eq!(
            later_revision("NLY/SD/2026/12/0003-K7Q-R1", numbers),
            Some("NLY/SD/2026/12/0003-K7Q-R2")
        );
        assert_eq!(later_revision("NLY/SD/2026/12/0003-K7Q-R2", numbers), None);
    }
    use crate::provider::example as provider;
    use crate::tariff::catalogue;

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    /// A quotation of the demo salesperson dated `issued`, its last day `until` where set.
    fn quote(issued: &str, until: Option<&str>, discount: Option<Decimal>) -> QuoteDetails {
        QuoteDetails {
            client: "PT Maju Jaya".into(),
            issued: Some(day(issued)),
            until: until.map(day),
            discount,
            ..QuoteDetails::default()
        }
    }

    #[test]
    fn the_last_day_is_the_one_set_never_more_than_90_days_on() {
        let tariff = catalogue().expect("valid").latest();
        let seller = provider();
        // Tariff 2026-11 holds a quotation 30 days: 28 November + 30 = 28 December.
        let usual = quote("2026-11-28", None, None);
        assert_eq!(last_day(&usual, tariff, seller), Some(day("2026-12-28")));
        let set = quote("2026-11-28", Some("2027-01-15"), None);
        assert_eq!(last_day(&set, tariff, seller), Some(day("2027-01-15")));
        // 2099 is cut to 90 days on: 2 + 31 + 31 + 26 = 90, 26 February 2027.
        let far = quote("2026-11-28", Some("2099-12-31"), None);
        assert_eq!(last_day(&far, tariff, seller), Some(day("2027-02-26")));
    }

    #[test]
    fn a_salesperson_may_issue_only_what_will_stand() {
        let tariff = catalogue().expect("valid").latest();
        let seller = provider();
        let (staff, key) = seller.key("SD-14cd3d").expect("the demo key");
        let today = Today(day("2026-12-08"));
        let may = |quote: &QuoteDetails| may_issue(staff, key, quote, tariff, seller, today);
        assert_eq!(may(&quote("2026-12-08", None, Some(dec!(0.10)))), Ok(()));
        // Dated a day it cannot be: tomorrow, before the tariff took effect.
        assert_eq!(
            may(&quote("2026-12-09", None, None)),
            Err(Refusal::DatedInFuture {
                issued: day("2026-12-09")
            })
        );
        assert_eq!(
            may(&quote("2026-10-31", Some("2026-12-20"), None)),
            Err(Refusal::DatedBeforeTariff {
                issued: day("2026-10-31"),
                effective: day("2026-11-01")
            })
        );
        // Already over, or beyond the provider's 90 days (8 December + 90 = 8 March 2027).
        assert_eq!(
            may(&quote("2026-11-01", None, None)),
            Err(Refusal::AlreadyExpired {
                until: day("2026-12-01")
            })
        );
        assert_eq!(may(&quote("2026-12-08", Some("2027-03-08"), None)), Ok(()));
        assert_eq!(
            may(&quote("2026-12-08", Some("2027-03-09"), None)),
            Err(Refusal::BeyondMaximum {
                until: day("2027-03-09"),
                latest: day("2027-03-08"),
                days: 90
            })
        );
        assert_eq!(
            may(&quote("2026-12-08", None, Some(dec!(0.11)))),
            Err(Refusal::DiscountOverLimit { max: dec!(0.10) })
        );
        assert_eq!(
            may(&QuoteDetails::default()),
            Err(Refusal::Undated),
            "a quotation is always dated"
        );
    }

    #[test]
    fn a_key_issues_nothing_outside_its_own_days() {
        let tariff = catalogue().expect("valid").latest();
        let mut seller = provider().clone();
        let key_of =
            |seller: &Provider| seller.key("SD-14cd3d").map(|(s, k)| (s.clone(), k.clone()));
        let edit = |seller: &mut Provider, change: &dyn Fn(&mut StaffKey)| {
            for person in seller.staff.to_mut() {
                for key in person.keys.to_mut() {
                    change(key);
                }
            }
        };
        // Withdrawn on 20 December: from that day nothing, and before it nothing that would hold
        // past it (8 December + 30 days runs to 7 January).
        edit(&mut seller, &|k| k.revoked = Some(day("2026-12-20")));
        let (staff, key) = key_of(&seller).expect("listed");
        let withdrawn = Err(Refusal::KeyWithdrawn {
            on: day("2026-12-20"),
        });
        let today = Today(day("2026-12-08"));
        let usual = quote("2026-12-08", None, None);
        assert_eq!(
            may_issue(&staff, &key, &usual, tariff, &seller, today),
            withdrawn
        );
        let short = quote("2026-12-08", Some("2026-12-19"), None);
        assert_eq!(
            may_issue(&staff, &key, &short, tariff, &seller, today),
            Ok(())
        );
        let later = Today(day("2026-12-20"));
        let on_the_day = quote("2026-12-20", Some("2026-12-21"), None);
        assert_eq!(
            may_issue(&staff, &key, &on_the_day, tariff, &seller, later),
            withdrawn
        );
        // A key whose first day is still to come signs nothing yet.
        edit(&mut seller, &|k| {
            k.revoked = None;
            k.valid_from = day("2026-12-10");
        });
        let (staff, key) = key_of(&seller).expect("listed");
        assert_eq!(
            may_issue(&staff, &key, &usual, tariff, &seller, today),
            Err(Refusal::KeyNotYetValid {
                from: day("2026-12-10")
            })
        );
    }
}
