//! The quotation a salesperson is about to issue: its fields as typed, what is wrong with them,
//! the link contents they make, and the number the console proposes. No web API in here: tested
//! natively.

use rust_decimal::Decimal;

use crate::calendar::Date;
use crate::estimate::Request;
use crate::i18n::{Lang, PrintTexts};
use crate::link::{Contents, MAX_LENGTH, QuoteDetails, QuoteField};
use crate::provider::{Provider, Staff, StaffKey};
use crate::quote::{self, Refusal, Today};
use crate::tariff::Tariff;

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub client: String,
    pub attention: String,
    /// `None` while the salesperson keeps the usual subject.
    pub subject: Option<String>,
    /// `YYYY-MM-DD`, as a date input gives it; `None` for the tariff's validity from today.
    pub until: Option<String>,
    /// A percentage, as typed.
    pub discount: String,
    pub note: String,
    /// `None` for the number the console proposes.
    pub number: Option<String>,
}

/// A change to the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftEdit {
    Client(String),
    Attention(String),
    Subject(String),
    Until(String),
    Discount(String),
    Note(String),
    Number(String),
    /// A quotation was issued from it: the next one gets the next number.
    Issued,
}

impl yew::Reducible for Draft {
    type Action = DraftEdit;

    fn reduce(self: std::rc::Rc<Self>, edit: DraftEdit) -> std::rc::Rc<Self> {
        let mut next = std::rc::Rc::unwrap_or_clone(self);
        match edit {
            DraftEdit::Client(text) => next.client = text,
            DraftEdit::Attention(text) => next.attention = text,
            DraftEdit::Subject(text) => next.subject = Some(text),
            DraftEdit::Until(text) => next.until = Some(text),
            DraftEdit::Discount(text) => next.discount = text,
            DraftEdit::Note(text) => next.note = text,
            DraftEdit::Number(text) => next.number = Some(text),
            DraftEdit::Issued => next.number = None,
        }
        std::rc::Rc::new(next)
    }
}

/// Why a typed discount cannot be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscountError {
    /// Not a percentage.
    NotANumber,
    /// Below zero.
    Negative,
    /// More than two decimal places.
    TooPrecise,
    /// More than the signer may give (`max`, a fraction).
    OverLimit { max: Decimal },
}

/// What is wrong with the validity date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UntilError {
    NotADate,
    /// Before the day the quotation is issued.
    Past,
    /// Later than the provider lets a quotation hold: `days` from today, `latest`.
    TooLate {
        latest: Date,
        days: u32,
    },
}

/// Everything that keeps the draft from being issued, field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    pub client_missing: bool,
    pub number_missing: bool,
    pub until: Option<UntilError>,
    pub discount: Option<DiscountError>,
    /// The signed link would be longer than a link may be.
    pub too_long: bool,
    /// What else the quotation rules refuse (the key, the dates): see `quote::may_issue`.
    pub refused: Option<Refusal>,
}

impl Problems {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// What the draft is issued against: the calculator's estimate and the signer.
pub struct Context<'a> {
    pub tariff: &'a Tariff,
    pub request: &'a Request,
    pub provider: &'a Provider,
    pub staff: &'a Staff,
    pub key: &'a StaffKey,
    /// Today on the provider's calendar: the quotation's date.
    pub today: Today,
    /// The number the console proposes.
    pub proposed: &'a str,
    /// Characters the link adds around the fields: the page's address, the key and signature.
    pub overhead: usize,
}

/// A percentage as typed (`5`, `2,5`, `2.5 %`) as a fraction of the recurring charges, within
/// `max`. Either decimal mark is read: a percentage never needs a thousands separator. Empty or
/// zero is no discount.
///
/// # Errors
/// [`DiscountError`] saying what is wrong.
pub fn parse_discount(text: &str, max: Decimal) -> Result<Option<Decimal>, DiscountError> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '%')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if compact.is_empty() {
        return Ok(None);
    }
    if compact.starts_with(['-', '\u{2212}']) {
        return Err(DiscountError::Negative);
    }
    if !compact.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(DiscountError::NotANumber);
    }
    let percent = Decimal::from_str_exact(&compact).map_err(|_| DiscountError::NotANumber)?;
    if percent.normalize().scale() > 2 {
        return Err(DiscountError::TooPrecise);
    }
    let fraction = percent
        .checked_div(Decimal::ONE_HUNDRED)
        .ok_or(DiscountError::NotANumber)?;
    if fraction > max {
        return Err(DiscountError::OverLimit { max });
    }
    Ok((!fraction.is_zero()).then(|| fraction.normalize()))
}

/// A free text as a link carries it: one line, trimmed, at most the field's length.
fn clean(text: &str, field: QuoteField) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    line.trim().chars().take(field.max()).collect()
}

/// The usual subject, in the language the page shows.
#[must_use]
pub fn usual_subject(lang: Lang) -> &'static str {
    PrintTexts::of(lang).quotation_subject
}

impl Draft {
    /// The subject field's text: the usual one until the salesperson writes another.
    #[must_use]
    pub fn subject_shown(&self, lang: Lang) -> String {
        self.subject
            .clone()
            .unwrap_or_else(|| usual_subject(lang).to_owned())
    }

    /// The validity date field's text.
    #[must_use]
    pub fn until_shown(&self, tariff: &Tariff, today: Today) -> String {
        match &self.until {
            Some(text) => text.clone(),
            None => default_until(tariff, today)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }

    /// The discount, if it can be given: shown at its field as it is typed.
    ///
    /// # Errors
    /// [`DiscountError`] saying what is wrong.
    pub fn discount(&self, staff: &Staff) -> Result<Option<Decimal>, DiscountError> {
        parse_discount(&self.discount, staff.max_discount)
    }

    /// What the link will carry, or every reason it cannot be issued yet.
    ///
    /// # Errors
    /// [`Problems`], field by field.
    pub fn contents(&self, context: &Context<'_>) -> Result<Contents, Problems> {
        let mut problems = Problems::default();
        let client = clean(&self.client, QuoteField::Client);
        problems.client_missing = client.is_empty();
        let number = clean(
            self.number.as_deref().unwrap_or(context.proposed),
            QuoteField::Reference,
        );
        problems.number_missing = number.is_empty();
        let today = context.today.0;
        let usual = default_until(context.tariff, context.today);
        let until = match &self.until {
            None => None,
            Some(text) => match Date::parse(text.trim()) {
                Some(date) if date < today => {
                    problems.until = Some(UntilError::Past);
                    None
                }
                Some(date) => Some(date),
                None => {
                    problems.until = Some(UntilError::NotADate);
                    None
                }
            },
        };
        let discount = self.discount(context.staff).unwrap_or_else(|error| {
            problems.discount = Some(error);
            None
        });
        // Written only where the salesperson changed it: the page shows the usual subject in
        // the client's own language.
        let subject = self
            .subject
            .as_deref()
            .map(|s| clean(s, QuoteField::Subject))
            .filter(|s| !Lang::ALL.iter().any(|l| usual_subject(*l) == s))
            .unwrap_or_default();
        let contents = Contents {
            tariff: context.tariff.version.to_string(),
            request: Request {
                discount: None,
                ..context.request.clone()
            },
            quote: QuoteDetails {
                client,
                // The signer's name: the printed quotation signs off with it.
                preparer: clean(&context.staff.name, QuoteField::Preparer),
                attention: clean(&self.attention, QuoteField::Attention),
                subject,
                note: clean(&self.note, QuoteField::Note),
                reference: number,
                issued: Some(today),
                // The tariff's validity goes without saying, as a link read back says it.
                until: until.filter(|u| Some(*u) != usual),
                discount,
                ..QuoteDetails::default()
            },
        };
        let length = crate::link::encode(&contents, context.tariff).len() + context.overhead;
        problems.too_long = length > MAX_LENGTH;
        // The rules every issued quotation keeps, here at the field they concern where it has
        // one: the same function decides for `quote sign`.
        match quote::may_issue(
            context.staff,
            context.key,
            &contents.quote,
            context.tariff,
            context.provider,
            context.today,
        ) {
            Ok(()) => {}
            Err(Refusal::BeyondMaximum { latest, days, .. }) => {
                problems.until = Some(UntilError::TooLate { latest, days });
            }
            // Said at their fields already.
            Err(Refusal::AlreadyExpired { .. } | Refusal::DiscountOverLimit { .. }) => {}
            Err(refused) => problems.refused = Some(refused),
        }
        if problems.is_empty() {
            Ok(contents)
        } else {
            Err(problems)
        }
    }
}

/// The last day a quotation issued `today` holds by default: the tariff's validity.
#[must_use]
pub fn default_until(tariff: &Tariff, today: Today) -> Option<Date> {
    today.0.plus_days(tariff.quote_validity_days)
}

/// Where a salesperson's sequence for the month is kept: `SD/2026-11`.
#[must_use]
pub fn sequence_name(staff: &str, today: Date) -> String {
    format!("{staff}/{:04}-{:02}", today.year(), today.month())
}

/// The number after the `last` one issued this month: `NLY/SD/2026/11/0007`.
#[must_use]
pub fn proposed_number(prefix: &str, staff: &str, today: Date, last: u32) -> String {
    format!(
        "{prefix}/{staff}/{:04}/{:02}/{:04}",
        today.year(),
        today.month(),
        last.saturating_add(1)
    )
}

/// The month's last number once `issued` is: one on from the proposal, or the number typed
/// where it is a later one of this sequence. A number of another shape leaves it as it was.
#[must_use]
pub fn after_issuing(prefix: &str, staff: &str, today: Date, last: u32, issued: &str) -> u32 {
    let proposed = proposed_number(prefix, staff, today, last);
    if issued == proposed {
        return last.saturating_add(1);
    }
    let month = proposed_number(prefix, staff, today, 0);
    let stem = month.rsplit_once('/').map_or("", |(stem, _)| stem);
    issued
        .strip_prefix(stem)
        .and_then(|rest| rest.strip_prefix('/'))
        .and_then(|n| n.parse::<u32>().ok())
        .map_or(last, |n| n.max(last))
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::estimate::ActivityRequest;
    use crate::link;
    use crate::provider::provider;
    use crate::tariff::catalogue;

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn discounts_read_in_either_language_within_the_limit() {
        let max = dec!(0.10);
        for &(typed, expected) in &[
            ("", Ok(None)),
            ("0", Ok(None)),
            ("5", Ok(Some(dec!(0.05)))),
            ("2,5", Ok(Some(dec!(0.025)))),
            ("2.5 %", Ok(Some(dec!(0.025)))),
            ("10", Ok(Some(dec!(0.1)))),
            ("10.01", Err(DiscountError::OverLimit { max })),
            ("15", Err(DiscountError::OverLimit { max })),
            ("-1", Err(DiscountError::Negative)),
            ("1.255", Err(DiscountError::TooPrecise)),
            ("lima", Err(DiscountError::NotANumber)),
            ("1.2.3", Err(DiscountError::NotANumber)),
        ] {
            assert_eq!(parse_discount(typed, max), expected, "{typed:?}");
        }
    }

    #[test]
    fn numbers_follow_the_months_sequence() {
        let today = day("2026-11-28");
        assert_eq!(
            proposed_number("NLY", "SD", today, 6),
            "NLY/SD/2026/11/0007"
        );
        assert_eq!(sequence_name("SD", today), "SD/2026-11");
        for &(last, issued, expected) in &[
            (6, "NLY/SD/2026/11/0007", 7),
            (6, "NLY/SD/2026/11/0012", 12),
            (6, "NLY/SD/2026/11/0003", 6),
            (6, "NLY/BP/2026/11/0099", 6),
            (6, "Q-118", 6),
        ] {
            assert_eq!(
                after_issuing("NLY", "SD", today, last, issued),
                expected,
                "{issued}"
            );
        }
    }

    #[test]
    fn a_draft_makes_the_quotation_the_salesperson_means() {
        let tariff = catalogue().expect("valid").latest();
        let (staff, key) = provider().key("SD-14cd3d").expect("the demo key");
        let mut request = Request::starter(tariff);
        request.activities = vec![ActivityRequest::starter(
            tariff.activity("sales").expect("sales"),
        )];
        let today = day("2026-11-28");
        let context = Context {
            tariff,
            request: &request,
            provider: provider(),
            staff,
            key,
            today: Today(today),
            proposed: "NLY/SD/2026/11/0001",
            overhead: 150,
        };
        let draft = Draft {
            client: "  PT Maju\nJaya ".into(),
            subject: Some(usual_subject(Lang::En).into()),
            discount: "5".into(),
            note: "x".repeat(300),
            ..Draft::default()
        };
        let contents = draft.contents(&context).expect("issuable");
        let quote = &contents.quote;
        assert_eq!(quote.client, "PT Maju Jaya");
        assert_eq!(quote.reference, "NLY/SD/2026/11/0001");
        assert_eq!(quote.subject, "", "the usual subject is not written");
        assert_eq!(quote.note.chars().count(), QuoteField::Note.max());
        assert_eq!(quote.discount, Some(dec!(0.05)));
        assert_eq!(quote.issued, Some(today));
        assert_eq!(
            quote.valid_until(tariff),
            default_until(tariff, Today(today))
        );
        // What it makes reads back whole: nothing a decoder would repair.
        let opened = link::decode(
            &link::encode(&contents, tariff),
            catalogue().expect("valid"),
        )
        .expect("our link");
        assert_eq!(opened.dropped, []);
        assert_eq!(opened.contents, contents);

        let bad = Draft {
            until: Some("2026-11-27".into()),
            discount: "12".into(),
            number: Some(" ".into()),
            ..Draft::default()
        };
        assert_eq!(
            bad.contents(&context),
            Err(Problems {
                client_missing: true,
                number_missing: true,
                until: Some(UntilError::Past),
                discount: Some(DiscountError::OverLimit { max: dec!(0.10) }),
                too_long: false,
                refused: None,
            })
        );
        // At most the provider's 90 days from today: 26 February 2027, not a day more.
        let far = Draft {
            client: "PT".into(),
            until: Some("2027-02-27".into()),
            ..Draft::default()
        };
        assert_eq!(
            far.contents(&context).map_err(|p| p.until),
            Err(Some(UntilError::TooLate {
                latest: day("2027-02-26"),
                days: 90
            }))
        );
        let furthest = Draft {
            until: Some("2027-02-26".into()),
            ..far
        };
        assert!(furthest.contents(&context).is_ok());
        let long = Draft {
            client: "PT".into(),
            note: "é".repeat(200),
            subject: Some("ü".repeat(80)),
            ..Draft::default()
        };
        assert!(
            long.contents(&Context {
                overhead: 1500,
                ..context
            })
            .is_err_and(|p| p.too_long)
        );
    }
}
