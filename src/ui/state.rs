//! What the visitor has entered, exactly as typed, and the last request the tariff accepted. No
//! web API in here: the reducer is tested natively.

use std::rc::Rc;

use litemap::LiteMap;
use yew::Reducible;

use crate::calendar::Date;
use crate::estimate::{ActivityRequest, EstimateError, OptionSet, Request, Volumes};
use crate::i18n::{Lang, format_count};
use crate::link::{self, Dropped, LinkError, Opened, QuoteDetails, Shared};
use crate::money::Currency;
use crate::quantity::{self, QuantityError};
use crate::tariff::{Activity, Catalogue, Tariff, Unit};

/// One activity's inputs, kept whether or not the activity is chosen, for every unit of every
/// model: switching away and back loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityDraft {
    pub activity: String,
    pub chosen: bool,
    pub model: String,
    /// Text as typed, by unit id.
    pub inputs: LiteMap<String, String>,
    pub options: OptionSet,
}

/// Everything on the page the visitor can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub lang: Lang,
    pub currency: Currency,
    pub site: String,
    pub term: String,
    /// The language the visitor's customers are served in.
    pub language: String,
    pub fluctuation: u32,
    /// One per activity of the tariff, in its order.
    pub activities: Vec<ActivityDraft>,
    /// Who the quote is for and from, as typed.
    pub quote: QuoteDetails,
}

/// A free-text quote detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteField {
    Company,
    Preparer,
    Contact,
    Reference,
}

impl QuoteField {
    pub const ALL: [QuoteField; 4] = [
        Self::Company,
        Self::Preparer,
        Self::Contact,
        Self::Reference,
    ];

    /// The link's key, which is also the test id's tail (`quote-for`).
    #[must_use]
    pub fn key(self) -> &'static str {
        link::TEXT_LIMITS[self as usize].0
    }

    /// The longest text the link carries.
    #[must_use]
    pub fn max(self) -> usize {
        link::TEXT_LIMITS[self as usize].1
    }

    #[must_use]
    pub fn get(self, quote: &QuoteDetails) -> &str {
        quote.texts()[self as usize]
    }

    fn slot(self, quote: &mut QuoteDetails) -> &mut String {
        let [company, preparer, contact, reference] = quote.texts_mut();
        [company, preparer, contact, reference][self as usize]
    }
}

/// Whose estimate is on the page: the visitor's own draft, kept in the browser, or one opened
/// from someone's link, which is never saved over the visitor's draft unless they say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Own,
    Shared,
}

/// A change the visitor makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    SetCurrency(Currency),
    SetSite(String),
    SetTerm(String),
    SetLanguage(String),
    SetFluctuation(u32),
    Toggle(String),
    SetModel {
        activity: String,
        model: String,
    },
    Type {
        activity: String,
        unit: String,
        text: String,
    },
    ToggleOption {
        activity: String,
        option: String,
    },
    SetQuote {
        field: QuoteField,
        text: String,
    },
    /// Price the same request with the newest tariff.
    Reprice,
    /// Make the estimate on the page the visitor's own draft.
    Keep,
    /// Open a link: typed into the address bar, or the visitor's stored draft.
    Open {
        text: String,
        origin: Origin,
    },
}

impl ActivityDraft {
    fn starter(activity: &Activity, lang: Lang) -> Self {
        let request = ActivityRequest::starter(activity);
        // Filled by insertion: collect() and extend() sort, and a sort weighs on the page.
        let mut inputs = LiteMap::new();
        for unit in activity.units() {
            inputs.insert(unit.id.to_string(), format_count(unit.default, lang));
        }
        Self {
            activity: activity.id.to_string(),
            chosen: false,
            model: request.model,
            inputs,
            options: OptionSet::default(),
        }
    }

    /// The text typed for a unit.
    #[must_use]
    pub fn input(&self, unit: &str) -> &str {
        self.inputs.get(unit).map_or("", String::as_str)
    }
}

impl Draft {
    /// The page as a first visit shows it: no activity chosen yet, starting volumes filled in.
    #[must_use]
    pub fn new(tariff: &Tariff, lang: Lang) -> Self {
        let request = Request::starter(tariff);
        Self {
            lang,
            currency: request.currency,
            site: request.site,
            term: request.term,
            language: request.language,
            fluctuation: request.fluctuation,
            activities: tariff
                .activities
                .iter()
                .map(|a| ActivityDraft::starter(a, lang))
                .collect(),
            quote: QuoteDetails::default(),
        }
    }

    /// The inputs that make `request`: its activities chosen with their volumes, the others at
    /// their starting values.
    #[must_use]
    pub fn from_request(
        tariff: &Tariff,
        request: &Request,
        quote: QuoteDetails,
        lang: Lang,
    ) -> Self {
        let mut draft = Self::new(tariff, lang);
        draft.currency = request.currency;
        draft.site.clone_from(&request.site);
        draft.term.clone_from(&request.term);
        draft.language.clone_from(&request.language);
        draft.fluctuation = request.fluctuation;
        draft.quote = quote;
        for wanted in &request.activities {
            if let Some(activity) = draft.activity_mut(&wanted.activity) {
                activity.chosen = true;
                activity.model.clone_from(&wanted.model);
                activity.options.clone_from(&wanted.options);
                for (unit, quantity) in &wanted.volumes {
                    activity
                        .inputs
                        .insert(unit.clone(), format_count(*quantity, lang));
                }
            }
        }
        draft
    }

    /// The volume typed for a unit, read in the page's language.
    ///
    /// # Errors
    /// What is wrong with the text, for the message at the field.
    pub fn quantity(&self, activity: &ActivityDraft, unit: &Unit) -> Result<u64, QuantityError> {
        quantity::parse(activity.input(&unit.id), self.lang, unit.max)
    }

    /// The request the inputs make, or `None` while a volume of a chosen activity is unreadable.
    #[must_use]
    pub fn request(&self, tariff: &Tariff) -> Option<Request> {
        let mut activities = Vec::new();
        for draft in self.activities.iter().filter(|a| a.chosen) {
            let activity = tariff.activity(&draft.activity)?;
            let model = activity.model(&draft.model)?;
            let mut volumes = Volumes::new();
            for unit in model.units.iter() {
                volumes.insert(unit.id.to_string(), self.quantity(draft, unit).ok()?);
            }
            activities.push(ActivityRequest {
                activity: draft.activity.clone(),
                model: draft.model.clone(),
                volumes,
                options: draft.options.clone(),
            });
        }
        Some(Request {
            site: self.site.clone(),
            term: self.term.clone(),
            currency: self.currency,
            language: self.language.clone(),
            fluctuation: self.fluctuation,
            activities,
        })
    }

    fn activity_mut(&mut self, id: &str) -> Option<&mut ActivityDraft> {
        self.activities.iter_mut().find(|a| a.activity == id)
    }

    fn apply(&mut self, action: Action, tariff: &Tariff) {
        match action {
            Action::SetQuote { field, text } => {
                *field.slot(&mut self.quote) = text.chars().take(field.max()).collect();
            }
            // Handled by the state, which owns the tariff and the origin.
            Action::Reprice | Action::Keep | Action::Open { .. } => {}
            Action::SetLang(lang) => {
                // A number typed as 12.000 on the Indonesian page reads 12,000 on the English one.
                let from = self.lang;
                for draft in &mut self.activities {
                    for (_, text) in draft.inputs.iter_mut() {
                        if let Ok(n) = quantity::parse(text, from, u64::MAX) {
                            *text = format_count(n, lang);
                        }
                    }
                }
                self.lang = lang;
            }
            Action::SetCurrency(currency) => self.currency = currency,
            Action::SetSite(site) => self.site = site,
            Action::SetTerm(term) => self.term = term,
            Action::SetLanguage(language) => self.language = language,
            Action::SetFluctuation(percent) => self.fluctuation = percent,
            Action::Toggle(id) => {
                if let Some(draft) = self.activity_mut(&id) {
                    draft.chosen = !draft.chosen;
                }
            }
            Action::SetModel { activity, model } => {
                if let Some(draft) = self.activity_mut(&activity) {
                    draft.model = model;
                }
            }
            Action::Type {
                activity,
                unit,
                text,
            } => {
                if let Some(draft) = self.activity_mut(&activity) {
                    draft.inputs.insert(unit, text);
                }
            }
            Action::ToggleOption { activity, option } => {
                let group = tariff
                    .activity(&activity)
                    .and_then(|a| a.option(&option))
                    .and_then(|o| o.group.clone());
                let Some(draft) = self.activity_mut(&activity) else {
                    return;
                };
                if draft.options.remove(&option) {
                    return;
                }
                // Options of a group exclude each other: choosing one drops the other.
                if let (Some(group), Some(activity)) = (group, tariff.activity(&activity)) {
                    for other in activity
                        .options
                        .iter()
                        .filter(|o| o.group.as_ref() == Some(&group))
                    {
                        draft.options.remove(&other.id);
                    }
                }
                draft.options.insert(option);
            }
        }
    }
}

/// The page's state: the draft, and the request whose estimate is on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub catalogue: &'static Catalogue,
    /// The tariff the estimate is priced with: an older one for an older link.
    pub tariff: &'static Tariff,
    pub draft: Draft,
    /// The last request the tariff accepted. While an input is wrong its estimate stays on
    /// screen; the estimate itself is derived from it, never stored.
    pub priced: Request,
    pub origin: Origin,
    /// Today in the visitor's calendar: a quote is dated by it, and expires by it.
    pub today: Date,
    /// What opening a link had to give up, or why it could not be opened.
    pub opened: Vec<Dropped>,
    pub link_error: Option<LinkError>,
}

impl State {
    /// A fresh page priced with the newest tariff.
    #[must_use]
    pub fn new(catalogue: &'static Catalogue, lang: Lang, today: Date) -> Self {
        let tariff = catalogue.latest();
        let draft = Draft::new(tariff, lang);
        let priced = draft
            .request(tariff)
            .unwrap_or_else(|| Request::starter(tariff));
        Self {
            catalogue,
            tariff,
            draft,
            priced,
            origin: Origin::Own,
            today,
            opened: Vec::new(),
            link_error: None,
        }
    }

    /// The page as the address and the browser's storage say: the link in the address first,
    /// else the visitor's stored draft, else a fresh page. A link equal to the stored draft is the
    /// visitor's own (a reload), not someone else's.
    #[must_use]
    pub fn load(
        catalogue: &'static Catalogue,
        lang: Lang,
        today: Date,
        address: Option<&str>,
        stored: Option<&str>,
    ) -> Self {
        let mut state = Self::new(catalogue, lang, today);
        let address = address.filter(|a| !a.trim_start_matches('#').is_empty());
        if let Some(text) = address {
            let own =
                stored.is_some_and(|s| s.trim_start_matches('#') == text.trim_start_matches('#'));
            let origin = if own { Origin::Own } else { Origin::Shared };
            state.open(text, origin);
            if state.link_error.is_none() {
                return state;
            }
        }
        if let Some(text) = stored {
            let error = state.link_error.take();
            state.open(text, Origin::Own);
            // A stored draft that no longer reads is simply not offered; the address's error
            // is the one to show.
            state.opened.clear();
            state.link_error = error;
        }
        state
    }

    fn open(&mut self, text: &str, origin: Origin) {
        match link::decode(text, self.catalogue) {
            Ok(Opened { shared, dropped }) => {
                let tariff = self
                    .catalogue
                    .get(&shared.tariff)
                    .unwrap_or(self.catalogue.latest());
                self.show(tariff, shared.request, shared.quote, dropped);
                self.origin = origin;
                self.link_error = None;
            }
            Err(error) => self.link_error = Some(error),
        }
    }

    /// Puts a request priced with `tariff` on the page, its inputs rewritten from it, with what
    /// was dropped on the way there.
    fn show(
        &mut self,
        tariff: &'static Tariff,
        request: Request,
        quote: QuoteDetails,
        dropped: Vec<Dropped>,
    ) {
        self.draft = Draft::from_request(tariff, &request, quote, self.draft.lang);
        self.tariff = tariff;
        self.priced = request;
        self.opened = dropped;
    }

    /// What the link carries: the estimate on screen and the quote details.
    #[must_use]
    pub fn shared(&self) -> Shared {
        Shared {
            tariff: self.tariff.version.to_string(),
            request: self.priced.clone(),
            quote: self.draft.quote.clone(),
        }
    }

    /// The link of the estimate on screen, without `#`.
    #[must_use]
    pub fn link(&self) -> String {
        link::encode(&self.shared(), self.tariff)
    }

    /// A newer tariff than the one the estimate is priced with, if one is bundled.
    #[must_use]
    pub fn newer_tariff(&self) -> Option<&'static Tariff> {
        let latest = self.catalogue.latest();
        (latest.version != self.tariff.version).then_some(latest)
    }

    /// The last day the quote holds, when it has passed.
    #[must_use]
    pub fn expired(&self) -> Option<Date> {
        let until = self.draft.quote.valid_until(self.tariff)?;
        (until < self.today).then_some(until)
    }

    /// How the inputs stand against the estimate on screen.
    #[must_use]
    pub fn status(&self) -> Status {
        let current = self.draft.request(self.tariff);
        Status {
            stale: current.as_ref() != Some(&self.priced),
            problem: current.and_then(|request| request.validate(self.tariff).err()),
        }
    }
}

/// How the inputs stand against the estimate on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The inputs hold a mistake: the estimate on screen is the last valid one.
    pub stale: bool,
    /// Why inputs that each read well cannot be priced together (an activity the site does not
    /// deliver, a language it does not speak).
    pub problem: Option<EstimateError>,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::Reprice => {
                let latest = next.catalogue.latest();
                let (request, dropped) = link::reprice(&next.priced, latest);
                let mut quote = next.draft.quote.clone();
                quote.issued = Some(next.today);
                next.show(latest, request, quote, dropped);
                return Rc::new(next);
            }
            Action::Keep => {
                next.origin = Origin::Own;
                return Rc::new(next);
            }
            Action::Open { text, origin } => {
                next.open(&text, origin);
                return Rc::new(next);
            }
            Action::SetLang(_) => {}
            // Any other change makes a new quote, dated today; a quote on an older tariff keeps
            // its date, and so its expiry, until it is re-priced.
            _ if next.newer_tariff().is_none() => next.draft.quote.issued = Some(next.today),
            _ => {}
        }
        next.draft.apply(action, next.tariff);
        if let Some(request) = next.draft.request(next.tariff)
            && request.validate(next.tariff).is_ok()
        {
            next.priced = request;
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tariff::catalogue;

    fn today() -> Date {
        Date::parse("2026-11-27").expect("a date")
    }

    fn state(lang: Lang) -> Rc<State> {
        Rc::new(State::new(catalogue().expect("valid"), lang, today()))
    }

    fn typed(activity: &str, unit: &str, text: &str) -> Action {
        Action::Type {
            activity: activity.into(),
            unit: unit.into(),
            text: text.into(),
        }
    }

    #[test]
    fn choosing_an_activity_prices_its_starting_volumes() {
        let s = state(Lang::En);
        assert!(s.priced.activities.is_empty());
        let s = s.reduce(Action::Toggle("fulfilment".into()));
        let fulfilment = &s.priced.activities[0];
        assert_eq!(fulfilment.volumes.get("orders"), Some(&3_000));
        assert_eq!(s.draft.activities[2].input("orders"), "3,000");
    }

    #[test]
    fn a_bad_volume_keeps_the_last_request_and_the_text() {
        let s = state(Lang::Id).reduce(Action::Toggle("call-centre".into()));
        let s = s.reduce(typed("call-centre", "minutes", "60.000"));
        assert_eq!(s.priced.activities[0].volumes.get("minutes"), Some(&60_000));
        for bad in ["", "-5", "abc", "1,5", "99.999.999.999"] {
            let t = s.clone().reduce(typed("call-centre", "minutes", bad));
            assert_eq!(t.priced, s.priced, "{bad:?}");
            assert_eq!(t.draft.activities[0].input("minutes"), bad);
            assert!(t.status().stale);
        }
    }

    #[test]
    fn switching_language_rewrites_numbers_not_mistakes() {
        let s = state(Lang::Id).reduce(Action::Toggle("call-centre".into()));
        let s = s.reduce(typed("call-centre", "minutes", "60.000"));
        let s = s.reduce(typed("call-centre", "chats", "12a"));
        let s = s.reduce(Action::SetLang(Lang::En));
        assert_eq!(s.draft.activities[0].input("minutes"), "60,000");
        assert_eq!(s.draft.activities[0].input("chats"), "12a");
        assert_eq!(s.draft.lang, Lang::En);
    }

    #[test]
    fn a_site_that_cannot_deliver_is_a_problem_not_a_new_estimate() {
        let s = state(Lang::En).reduce(Action::Toggle("fulfilment".into()));
        let before = s.priced.clone();
        let s = s.reduce(Action::SetSite("manila".into()));
        assert_eq!(s.priced, before);
        assert_eq!(
            s.status().problem.map(|e| e.code()),
            Some("site_unavailable")
        );
        let s = s.reduce(Action::SetSite("yogyakarta".into()));
        assert_eq!(
            s.status(),
            Status {
                stale: false,
                problem: None
            }
        );
        assert_eq!(s.priced.site, "yogyakarta");
    }

    #[test]
    fn options_of_a_group_exclude_each_other() {
        let option = |o: &str| Action::ToggleOption {
            activity: "call-centre".into(),
            option: o.into(),
        };
        let s = state(Lang::En).reduce(Action::Toggle("call-centre".into()));
        let s = s
            .reduce(option("extended-hours"))
            .reduce(option("premium-qa"));
        let s = s.reduce(option("24-7"));
        let chosen: Vec<&str> = s.priced.activities[0]
            .options
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(chosen, ["24-7", "premium-qa"]);
        let s = s.reduce(option("24-7"));
        assert_eq!(s.priced.activities[0].options.len(), 1);
    }

    #[test]
    fn switching_model_keeps_the_other_models_volumes() {
        let model = |m: &str| Action::SetModel {
            activity: "call-centre".into(),
            model: m.into(),
        };
        let s = state(Lang::En).reduce(Action::Toggle("call-centre".into()));
        let s = s.reduce(typed("call-centre", "minutes", "45,000"));
        let s = s.reduce(model("dedicated"));
        assert_eq!(s.priced.activities[0].volumes.get("agents"), Some(&5));
        assert_eq!(s.priced.activities[0].volumes.get("minutes"), None);
        let s = s.reduce(model("shared"));
        assert_eq!(s.priced.activities[0].volumes.get("minutes"), Some(&45_000));
    }

    const SHARED: &str = "v=1&t=2026-11&s=yogyakarta&k=monthly&c=IDR&l=id&f=20&fulfilment=800.0.6.40~6&for=PT%20Maju&d=2026-10-01";

    fn loaded(address: Option<&str>, stored: Option<&str>) -> State {
        State::load(
            catalogue().expect("valid"),
            Lang::Id,
            today(),
            address,
            stored,
        )
    }

    #[test]
    fn a_link_in_the_address_opens_as_someone_elses_estimate() {
        let s = loaded(Some(&format!("#{SHARED}")), None);
        assert_eq!(s.origin, Origin::Shared);
        assert_eq!(s.link_error, None);
        assert_eq!(s.opened, [Dropped::Truncated]);
        let fulfilment = &s.draft.activities[2];
        assert!(fulfilment.chosen);
        assert_eq!(fulfilment.input("orders"), "800");
        assert_eq!(s.priced.site, "yogyakarta");
        assert_eq!(s.draft.quote.company, "PT Maju");
        // Issued 1 October, valid 30 days: expired on the 27th of November.
        assert_eq!(
            s.expired().map(|d| d.to_string()).as_deref(),
            Some("2026-10-31")
        );
        assert_eq!(s.newer_tariff(), None);
    }

    #[test]
    fn a_reload_reopens_the_visitors_own_draft() {
        let own = State::new(catalogue().expect("valid"), Lang::En, today());
        let own = Rc::new(own).reduce(Action::Toggle("sales".into()));
        let link = own.link();
        let s = loaded(Some(&link), Some(&link));
        assert_eq!(s.origin, Origin::Own);
        assert_eq!(s.opened, []);
        assert_eq!(s.priced, own.priced);
        // No address: the stored draft.
        let s = loaded(None, Some(&link));
        assert_eq!(
            (s.origin, s.priced.clone()),
            (Origin::Own, own.priced.clone())
        );
        // A broken address says so and falls back to the draft.
        let s = loaded(Some("#v=1&t=2026-11&s=jakarta&z=00"), None);
        assert_eq!(s.link_error, None);
        let s = loaded(Some("#section-2"), Some(&link));
        assert_eq!(s.link_error, Some(LinkError::NotALink));
        assert_eq!(
            (s.origin, s.priced.clone()),
            (Origin::Own, own.priced.clone())
        );
    }

    #[test]
    fn editing_dates_the_quote_today_and_keep_makes_it_the_visitors() {
        let s = Rc::new(loaded(Some(SHARED), None));
        let s = s.reduce(Action::SetLang(Lang::En));
        assert_eq!(
            s.draft.quote.issued.map(|d| d.to_string()).as_deref(),
            Some("2026-10-01")
        );
        let s = s.reduce(typed("fulfilment", "orders", "900"));
        assert_eq!(s.draft.quote.issued, Some(today()));
        assert_eq!(s.expired(), None);
        assert_eq!(s.origin, Origin::Shared);
        let s = s.reduce(Action::Keep);
        assert_eq!(s.origin, Origin::Own);
        let s = s.reduce(Action::SetQuote {
            field: QuoteField::Reference,
            text: "R".repeat(100),
        });
        assert_eq!(s.draft.quote.reference.len(), QuoteField::Reference.max());
    }

    #[test]
    fn an_older_tariff_is_kept_until_the_visitor_reprices() {
        let newer =
            Tariff::parse(include_str!("../../tests/fixtures/2027-05.toml")).expect("fixture");
        let mut tariffs = catalogue().expect("valid").tariffs().to_vec();
        tariffs.push(newer);
        let catalogue: &'static Catalogue =
            Box::leak(Box::new(Catalogue::new(tariffs).expect("rising")));
        let old = catalogue.get("2026-11").expect("bundled");
        let mut request = Request::starter(old);
        let mut call = ActivityRequest::starter(old.activity("call-centre").expect("call centre"));
        call.options.insert("premium-qa".into());
        request.activities.push(call);
        let shared = Shared {
            tariff: "2026-11".into(),
            request: request.clone(),
            quote: QuoteDetails::default(),
        };
        let text = link::encode(&shared, old);

        let s = Rc::new(State::load(catalogue, Lang::En, today(), Some(&text), None));
        assert_eq!(s.tariff.version, "2026-11");
        assert_eq!(s.priced, request);
        assert_eq!(s.newer_tariff().map(|t| &*t.version), Some("2027-05"));
        let s = s.reduce(Action::Reprice);
        assert_eq!(s.tariff.version, "2027-05");
        assert_eq!(s.newer_tariff(), None);
        assert!(
            s.priced.activities[0].options.is_empty(),
            "premium QA is gone from 2027-05"
        );
        assert_eq!(
            s.opened,
            [Dropped::Unreadable {
                field: "call-centre".into()
            }]
        );
        assert!(s.link().contains("t=2027-05"));
    }
}
