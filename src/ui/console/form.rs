//! The quotation a salesperson is about to issue: its fields as typed, what is wrong with them,
//! the link contents they make, and the number the console proposes. No web API in here: tested
//! natively.

use rust_decimal::Decimal;

use super::numbers::is_taken;
use crate::calendar::Date;
use crate::estimate::Request;
use crate::i18n::{Lang, PrintTexts};
use crate::link::{Contents, MAX_LENGTH, MAX_OPTIONS, QuoteDetails, QuoteField};
use crate::provider::{Provider, Staff, StaffKey};
use crate::quote::{self, Refusal, Today};
use crate::tariff::Tariff;

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteDraft {
    /// The quotation's free texts as typed, one for each `QuoteField` in its order; `None` for
    /// one not typed: empty, or the usual subject, or the number the console proposes. The
    /// salesperson's own name and contact are the provider file's, and a revision's predecessor
    /// is set by "Revise".
    texts: [Option<String>; QuoteField::ALL.len()],
    /// `YYYY-MM-DD`, as a date input gives it; `None` for the tariff's validity from today.
    pub until: Option<String>,
    /// A percentage, as typed.
    pub discount: String,
    /// The options the quotation offers, as added from the calculator, the first first: none
    /// for a quotation of the calculator's estimate alone.
    pub options: Vec<Request>,
}

/// A change to the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftEdit {
    /// A quotation's free text, as typed in its field.
    Text(QuoteField, String),
    Until(String),
    Discount(String),
    /// "Revise" on a register entry: that quotation's terms, under its next revision's number.
    Revise(Box<QuoteDraft>),
    /// A quotation was issued from it: the next one gets the next number.
    Issued,
    /// "Add as an option": the calculator's estimate, as the next option.
    AddOption(Request),
    /// Takes the option at this place (from 0) out.
    RemoveOption(usize),
}

impl yew::Reducible for QuoteDraft {
    type Action = DraftEdit;

    fn reduce(self: std::rc::Rc<Self>, edit: DraftEdit) -> std::rc::Rc<Self> {
        let mut next = std::rc::Rc::unwrap_or_clone(self);
        match edit {
            DraftEdit::Text(field, text) => next.set(field, Some(text)),
            DraftEdit::Until(text) => next.until = Some(text),
            DraftEdit::Discount(text) => next.discount = text,
            DraftEdit::Revise(revision) => next = *revision,
            DraftEdit::Issued => next = next.once_issued(),
            DraftEdit::AddOption(request) => {
                if next.options.len() < MAX_OPTIONS && next.option_of(&request).is_none() {
                    next.options.push(request);
                }
            }
            DraftEdit::RemoveOption(at) => {
                if at < next.options.len() {
                    next.options.remove(at);
                }
            }
        }
        std::rc::Rc::new(next)
    }
}

impl QuoteDraft {
    /// The text typed in `field`, where one was.
    #[must_use]
    pub fn text(&self, field: QuoteField) -> Option<&str> {
        self.texts.get(field as usize)?.as_deref()
    }

    /// `field` typed as `text`, or given back to its default (`None`).
    pub fn set(&mut self, field: QuoteField, text: Option<String>) {
        if let Some(slot) = self.texts.get_mut(field as usize) {
            *slot = text;
        }
    }

    /// The same draft with `field` typed as `text`.
    #[must_use]
    pub fn with(mut self, field: QuoteField, text: impl Into<String>) -> Self {
        self.set(field, Some(text.into()));
        self
    }

    /// The draft once a quotation is issued from it: the same terms, for the next client
    /// perhaps, with the next number proposed.
    #[must_use]
    pub fn once_issued(&self) -> Self {
        let mut next = self.clone();
        next.set(QuoteField::Reference, None);
        // A revision is issued once: what follows is a quotation of its own.
        next.set(QuoteField::Replaces, None);
        next
    }

    /// Which option (from 1) `request` already is.
    #[must_use]
    pub fn option_of(&self, request: &Request) -> Option<usize> {
        let request = Request {
            discount: None,
            ..request.clone()
        };
        self.options
            .iter()
            .position(|o| *o == request)
            .map(|i| i + 1)
    }

    /// Whether the quotation is of its options rather than of the calculator's estimate.
    #[must_use]
    pub fn offers_options(&self) -> bool {
        self.options.len() > 1
    }

    /// A field's text as the link will carry it: one line, trimmed, at most its length.
    fn cleaned(&self, field: QuoteField) -> String {
        clean(self.text(field).unwrap_or_default(), field)
    }
}

/// What a quotation was issued from: the draft and the calculator's estimate. The link shown
/// under the form is out of date as soon as either differs, since it still says what was
/// issued, not what is on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedFrom {
    draft: QuoteDraft,
    tariff: String,
    request: Request,
}

impl IssuedFrom {
    #[must_use]
    pub fn new(draft: &QuoteDraft, tariff: &str, request: &Request) -> Self {
        Self {
            draft: draft.once_issued(),
            tariff: tariff.to_owned(),
            request: request.clone(),
        }
    }

    /// Whether the draft and the estimate (tariff version and request) are still those it was
    /// issued from.
    #[must_use]
    pub fn is_current(&self, draft: &QuoteDraft, estimate: Option<(&str, &Request)>) -> bool {
        // A quotation of options is of them, whatever the calculator shows since.
        *draft == self.draft
            && (draft.offers_options()
                || estimate.is_some_and(|(tariff, request)| {
                    tariff == self.tariff && *request == self.request
                }))
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
    /// The register on this device already holds the number.
    pub number_taken: bool,
    pub until: Option<UntilError>,
    pub discount: Option<DiscountError>,
    /// The signed link would be longer than a link may be.
    pub too_long: bool,
    /// One option listed: a quotation of options offers two or three.
    pub single_option: bool,
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
#[derive(Clone, Copy)]
pub struct Issuing<'a> {
    pub tariff: &'a Tariff,
    pub request: &'a Request,
    pub provider: &'a Provider,
    pub staff: &'a Staff,
    pub key: &'a StaffKey,
    /// Today on the provider's calendar: the quotation's date.
    pub today: Today,
    /// The number the console proposes.
    pub proposed: &'a str,
    /// The numbers in this device's register: none is issued twice.
    pub taken: &'a [String],
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

impl QuoteDraft {
    /// The subject field's text: the usual one until the salesperson writes another.
    #[must_use]
    pub fn subject_shown(&self, lang: Lang) -> String {
        self.text(QuoteField::Subject)
            .map_or_else(|| usual_subject(lang).to_owned(), str::to_owned)
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

    /// The discount, if it can be given: shown at its field as it is typed. Over the signer's
    /// own limit it is a request for a colleague's approval, up to the most one may approve.
    ///
    /// # Errors
    /// [`DiscountError`] saying what is wrong.
    pub fn discount(
        &self,
        staff: &Staff,
        provider: &Provider,
    ) -> Result<Option<Decimal>, DiscountError> {
        parse_discount(&self.discount, quote::largest_discount(provider, staff))
    }

    /// What the link will carry, or every reason it cannot be issued yet.
    ///
    /// # Errors
    /// [`Problems`], field by field.
    pub fn contents(&self, context: &Issuing<'_>) -> Result<Contents, Problems> {
        let mut problems = Problems::default();
        let client = self.cleaned(QuoteField::Client);
        problems.client_missing = client.is_empty();
        let number = clean(
            self.text(QuoteField::Reference).unwrap_or(context.proposed),
            QuoteField::Reference,
        );
        problems.number_missing = number.is_empty();
        problems.number_taken = is_taken(&number, context.taken);
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
        let discount = self
            .discount(context.staff, context.provider)
            .unwrap_or_else(|error| {
                problems.discount = Some(error);
                None
            });
        // Written only where the salesperson changed it: the page shows the usual subject in
        // the client's own language.
        let subject = self
            .text(QuoteField::Subject)
            .map(|s| clean(s, QuoteField::Subject))
            .filter(|s| !Lang::ALL.iter().any(|l| usual_subject(*l) == s))
            .unwrap_or_default();
        problems.single_option = self.options.len() == 1;
        // The options listed, where there are several; else the calculator's estimate.
        let (request, options) = match self.options.split_first() {
            Some((first, others)) if !others.is_empty() => (first.clone(), others.to_vec()),
            _ => (context.request.clone(), Vec::new()),
        };
        let contents = Contents {
            tariff: context.tariff.version.to_string(),
            request: Request {
                discount: None,
                ..request
            },
            options,
            quote: QuoteDetails {
                client,
                // The signer's name: the printed quotation signs off with it.
                preparer: clean(&context.staff.name, QuoteField::Preparer),
                attention: self.cleaned(QuoteField::Attention),
                subject,
                note: self.cleaned(QuoteField::Note),
                reference: number,
                replaces: self.cleaned(QuoteField::Replaces),
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

/// "Revise" on an issued quotation `link`: a draft of its next revision (its terms, a last day
/// from today, the next revision's number, what it replaces), and the estimate to put in the
/// calculator, as an estimate's link. `None` for a link that does not read as a quotation.
#[must_use]
pub fn revision_of(
    link: &str,
    catalogue: &crate::tariff::Catalogue,
) -> Option<(QuoteDraft, String)> {
    let opened = crate::link::decode(link, catalogue).ok()?;
    let tariff = catalogue.get(&opened.contents.tariff)?;
    let quote = &opened.contents.quote;
    let code = crate::quote::code(link)?;
    if quote.reference.is_empty() {
        return None;
    }
    let discount = quote
        .discount
        .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
        .map(|p| p.normalize().to_string())
        .unwrap_or_default();
    // A quotation of options is revised with its options: the calculator shows the first.
    let options = if opened.contents.options.is_empty() {
        Vec::new()
    } else {
        opened.options().cloned().collect()
    };
    let mut draft = QuoteDraft {
        discount,
        options,
        ..QuoteDraft::default()
    }
    .with(QuoteField::Client, &*quote.client)
    .with(QuoteField::Attention, &*quote.attention)
    .with(QuoteField::Note, &*quote.note)
    .with(
        QuoteField::Reference,
        quote::next_revision(&quote.reference),
    )
    .with(QuoteField::Replaces, format!("{} {code}", quote.reference));
    // The usual subject stays the usual one, in the language the console shows.
    draft.set(
        QuoteField::Subject,
        Some(quote.subject.clone()).filter(|s| !s.is_empty()),
    );
    let estimate = Contents {
        quote: QuoteDetails::default(),
        options: Vec::new(),
        ..opened.contents
    };
    Some((draft, crate::link::encode(&estimate, tariff)))
}

/// The last day a quotation issued `today` holds by default: the tariff's validity.
#[must_use]
pub fn default_until(tariff: &Tariff, today: Today) -> Option<Date> {
    today.0.plus_days(tariff.quote_validity_days)
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn revising_a_quotation_keeps_its_terms_under_its_next_number() {
        // tests/fixtures/signed-natively.txt: NLY/SD/2026/11/0001 for PT Maju Jaya, 5 % off, its
        // signature beginning Y_f1Sgvh.
        let link = include_str!("../../../tests/fixtures/signed-natively.txt").trim();
        let catalogue = crate::tariff::catalogue().expect("valid");
        let (draft, estimate) = revision_of(link, catalogue).expect("a quotation");
        let text = |field| draft.text(field);
        assert_eq!(text(QuoteField::Reference), Some("NLY/SD/2026/11/0001-R1"));
        assert_eq!(
            text(QuoteField::Replaces),
            Some("NLY/SD/2026/11/0001 Y_f1Sgvh")
        );
        assert_eq!(text(QuoteField::Client), Some("PT Maju Jaya"));
        assert_eq!(text(QuoteField::Attention), Some("Ibu Rina"));
        assert_eq!(draft.discount, "5");
        assert_eq!(
            text(QuoteField::Note),
            Some("Harga termasuk laporan mingguan.")
        );
        // A new last day, from the day it is issued.
        assert_eq!(draft.until, None);
        // The calculator gets the estimate alone: the same activities, no quotation's words.
        assert!(
            estimate.contains("&call-centre=shared.45000.0.3000.1200~10&"),
            "{estimate}"
        );
        assert!(
            !estimate.contains("for=") && !estimate.contains("&sig="),
            "{estimate}"
        );
        assert_eq!(revision_of("v=1&t=2026-11&s=jakarta", catalogue), None);
    }

    #[test]
    fn revising_a_quotation_of_options_brings_its_options_back() {
        // The golden quotation of three options (tests/golden.rs), as if signed: revising reads
        // the link, it does not judge its signature.
        let body = "v=4&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.5.0.12000.500&o2=call-centre@dedicated.45+call-centre-traffic@e.72800.180.12.7.90.20.85.30.f&o3=c@USD+accounting@0.0.250+call-centre@&for=PT%20Maju%20Jaya&by=Sari%20Dewi&ref=NLY/SD/2026/11/0009&d=2026-11-28";
        let link = format!("{body}&key=SD-14cd3d&sig=Q9xYzAbC{}", "A".repeat(78));
        let catalogue = crate::tariff::catalogue().expect("valid");
        let (draft, estimate) = revision_of(&link, catalogue).expect("a quotation");
        let each = |text: &str| link::decode(text, catalogue).expect(text).contents.request;
        assert_eq!(
            draft.options,
            [
                each(
                    "v=3&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.5.0.12000.500&z=997d71ea"
                ),
                each(
                    "v=3&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.45&call-centre-traffic=e.72800.180.12.7.90.20.85.30.f&z=965deac1"
                ),
                each(
                    "v=3&t=2026-11&s=jakarta&k=monthly&c=USD&l=id&f=30&accounting=0.0.250&z=5cde467d"
                ),
            ]
        );
        assert_eq!(
            draft.text(QuoteField::Replaces),
            Some("NLY/SD/2026/11/0009 Q9xYzAbC")
        );
        // The calculator gets the first option alone, as an estimate.
        assert!(
            estimate.starts_with("v=3&")
                && estimate.contains("&call-centre=dedicated.5.0.12000.500&"),
            "{estimate}"
        );
        assert!(!estimate.contains("&o2="), "{estimate}");
    }

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
    fn the_issued_link_is_out_of_date_once_anything_changes() {
        use yew::Reducible;
        let tariff = catalogue().expect("valid").latest();
        let version = tariff.version.to_string();
        let mut request = Request::starter(tariff);
        request.activities = vec![ActivityRequest::starter(
            tariff.activity("sales").expect("sales"),
        )];
        let typed = QuoteDraft {
            discount: "5".into(),
            ..QuoteDraft::default()
        }
        .with(QuoteField::Client, "PT Maju Jaya")
        .with(QuoteField::Reference, "NLY/SD/2026/11/0003-K7Q");
        let from = IssuedFrom::new(&typed, &version, &request);
        // As the console holds it once issued: the number given back to the proposal.
        let after = std::rc::Rc::new(typed).reduce(DraftEdit::Issued);
        assert_eq!(after.text(QuoteField::Reference), None);
        assert!(from.is_current(&after, Some((&version, &request))));
        for edit in [
            DraftEdit::Text(QuoteField::Client, "PT Sentosa".into()),
            DraftEdit::Text(QuoteField::Attention, "Ibu Rina".into()),
            DraftEdit::Text(QuoteField::Subject, "Penawaran lain".into()),
            DraftEdit::Until("2026-12-10".into()),
            DraftEdit::Discount("12".into()),
            DraftEdit::Text(QuoteField::Note, "x".into()),
            DraftEdit::Text(QuoteField::Reference, "NLY/SD/2026/11/0009-K7Q".into()),
        ] {
            let changed = after.clone().reduce(edit.clone());
            assert!(
                !from.is_current(&changed, Some((&version, &request))),
                "{edit:?}"
            );
        }
        let mut more = request.clone();
        more.activities.push(ActivityRequest::starter(
            tariff.activity("accounting").expect("accounting"),
        ));
        assert!(!from.is_current(&after, Some((&version, &more))));
        assert!(!from.is_current(&after, Some(("2026-01", &request))));
        assert!(!from.is_current(&after, None));
    }

    #[test]
    fn options_added_from_the_calculator_make_one_quotation_of_them() {
        let tariff = catalogue().expect("valid").latest();
        let (staff, key) = provider().key("SD-14cd3d").expect("the demo key");
        let mut jakarta = Request::starter(tariff);
        jakarta.activities = vec![ActivityRequest::starter(
            tariff.activity("sales").expect("sales"),
        )];
        let yogyakarta = Request {
            site: "yogyakarta".into(),
            term: "36m".into(),
            ..jakarta.clone()
        };
        let elsewhere = Request {
            site: "bengaluru".into(),
            ..jakarta.clone()
        };
        let apply = |draft: QuoteDraft, edit| {
            std::rc::Rc::unwrap_or_clone(yew::Reducible::reduce(std::rc::Rc::new(draft), edit))
        };
        let mut draft = QuoteDraft::default().with(QuoteField::Client, "PT Delta");
        draft = apply(draft, DraftEdit::AddOption(jakarta.clone()));
        // The same estimate twice is one option; a negotiated discount is not part of it.
        let discounted = Request {
            discount: Some(dec!(0.05)),
            ..jakarta.clone()
        };
        assert_eq!(draft.option_of(&discounted), Some(1));
        draft = apply(draft, DraftEdit::AddOption(jakarta.clone()));
        assert_eq!(draft.options.len(), 1);
        // The calculator shows something else while one option is listed: not issuable yet.
        let context = Issuing {
            tariff,
            request: &elsewhere,
            provider: provider(),
            staff,
            key,
            today: Today(day("2026-12-08")),
            proposed: "NLY/SD/2026/12/0001-K7Q",
            taken: &[],
            overhead: 150,
        };
        assert!(draft.contents(&context).is_err_and(|p| p.single_option));
        draft = apply(draft, DraftEdit::AddOption(yogyakarta.clone()));
        let contents = draft.contents(&context).expect("issuable");
        assert_eq!(
            contents.request, jakarta,
            "the first option, not the calculator's"
        );
        assert_eq!(contents.options, std::slice::from_ref(&yogyakarta));
        // At most three; one taken out leaves the others in their order.
        for extra in [
            elsewhere.clone(),
            Request {
                fluctuation: 10,
                ..elsewhere.clone()
            },
        ] {
            draft = apply(draft, DraftEdit::AddOption(extra));
        }
        assert_eq!(draft.options.len(), MAX_OPTIONS);
        draft = apply(draft, DraftEdit::RemoveOption(0));
        assert_eq!(draft.options, [yogyakarta.clone(), elsewhere.clone()]);
        // Issued from options, the issued link stays current whatever the calculator shows.
        let from = IssuedFrom::new(&draft, &tariff.version, &jakarta);
        assert!(from.is_current(&draft.once_issued(), Some((&tariff.version, &elsewhere))));
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
        let context = Issuing {
            tariff,
            request: &request,
            provider: provider(),
            staff,
            key,
            today: Today(today),
            proposed: "NLY/SD/2026/11/0001-K7Q",
            taken: &[],
            overhead: 150,
        };
        let draft = QuoteDraft {
            discount: "5".into(),
            ..QuoteDraft::default()
        }
        .with(QuoteField::Client, "  PT Maju\nJaya ")
        .with(QuoteField::Subject, usual_subject(Lang::En))
        .with(QuoteField::Note, "x".repeat(300));
        let contents = draft.contents(&context).expect("issuable");
        let quote = &contents.quote;
        assert_eq!(quote.client, "PT Maju Jaya");
        assert_eq!(quote.reference, "NLY/SD/2026/11/0001-K7Q");
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

        let bad = QuoteDraft {
            until: Some("2026-11-27".into()),
            discount: "12".into(),
            ..QuoteDraft::default()
        }
        .with(QuoteField::Reference, " ");
        assert_eq!(
            bad.contents(&context),
            Err(Problems {
                client_missing: true,
                number_missing: true,
                number_taken: false,
                until: Some(UntilError::Past),
                discount: Some(DiscountError::OverLimit { max: dec!(0.10) }),
                too_long: false,
                single_option: false,
                refused: None,
            })
        );
        // A number the register holds is refused, as typed or in another case; the next is not.
        let taken = ["NLY/SD/2026/11/0001-K7Q".to_owned()];
        let again = QuoteDraft::default()
            .with(QuoteField::Client, "PT")
            .with(QuoteField::Reference, " nly/sd/2026/11/0001-k7q");
        let registered = Issuing {
            taken: &taken,
            ..context
        };
        assert!(
            again
                .contents(&registered)
                .is_err_and(|p| p.number_taken && !p.number_missing)
        );
        let next = again.with(QuoteField::Reference, "NLY/SD/2026/11/0002-K7Q");
        assert!(next.contents(&registered).is_ok());
        // At most the provider's 90 days from today: 26 February 2027, not a day more.
        let far = QuoteDraft {
            until: Some("2027-02-27".into()),
            ..QuoteDraft::default()
        }
        .with(QuoteField::Client, "PT");
        assert_eq!(
            far.contents(&context).map_err(|p| p.until),
            Err(Some(UntilError::TooLate {
                latest: day("2027-02-26"),
                days: 90
            }))
        );
        let furthest = QuoteDraft {
            until: Some("2027-02-26".into()),
            ..far
        };
        assert!(furthest.contents(&context).is_ok());
        let long = QuoteDraft::default()
            .with(QuoteField::Client, "PT")
            .with(QuoteField::Note, "é".repeat(200))
            .with(QuoteField::Subject, "ü".repeat(80));
        assert!(
            long.contents(&Issuing {
                overhead: 1500,
                ..context
            })
            .is_err_and(|p| p.too_long)
        );
    }
}
