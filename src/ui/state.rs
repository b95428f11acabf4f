//! What the visitor has entered, exactly as typed; what it makes, worked out once per change; and
//! whose estimate is on the page. No web API in here: the reducer is tested natively.

use std::rc::Rc;

use litemap::LiteMap;
use yew::Reducible;

use crate::document::{Document, Source};
use crate::estimate::{
    ActivityRequest, EstimateError, InHouseFigures, OptionSet, Request, Rules, VatMode, Volumes,
    units,
};
use crate::i18n::{Lang, format_count};
use crate::link::{self, Contents, Dropped, LinkError, Opened, QuoteDetails};
use crate::money::Currency;
use crate::provider::provider;
use crate::quantity::{self, QuantityError};
use crate::quote::Today;
use crate::signature::{self, Verdict};
use crate::tariff::{Activity, Catalogue, Tariff};
use crate::ui::bridge::Wish;
pub use crate::ui::edit::Edit;
use crate::ui::traffic::{TrafficError, TrafficField, TrafficInputs};

/// One activity's inputs, kept whether or not the activity is chosen, for every unit of every
/// model: switching away and back loses nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityInputs {
    pub activity: String,
    pub chosen: bool,
    pub model: String,
    /// Text as typed, by unit id.
    pub typed: LiteMap<String, String>,
    pub options: OptionSet,
    /// The traffic the sized unit's volume may be described by instead (see `traffic`).
    pub traffic: TrafficInputs,
    /// Where it is delivered from, where not the estimate's site.
    pub site: Option<String>,
    /// The client's own in-house figures, where they differ from the tariff's.
    pub in_house: InHouseFigures,
    /// An in-house figure typed does not read: its message is at its field, in the deferred
    /// module, which keeps the text; the estimate waits for it.
    pub in_house_invalid: bool,
    /// What is wrong with a typed volume of the chosen model, by unit id: worked out with every
    /// change, for the message at its field.
    pub errors: LiteMap<String, QuantityError>,
    /// What is wrong with the traffic, by field, worked out with every change.
    pub traffic_errors: LiteMap<TrafficField, TrafficError>,
    /// The units still holding the starting volume the page filled in, which nobody typed: the
    /// page marks them as examples.
    pub examples: Vec<String>,
    /// The option just chosen and the one of its group it took the place of, to say so.
    pub replaced: Option<(String, String)>,
}

/// Everything about the estimate the visitor can change.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    pub currency: Currency,
    pub site: String,
    pub term: String,
    /// The language the visitor's customers are served in.
    pub service_language: String,
    pub fluctuation: u32,
    /// Whether the figures include VAT.
    pub vat: VatMode,
    /// The rules the estimate is priced by: a link's until the visitor changes it, then the
    /// current ones.
    pub rules: Rules,
    /// One per activity of the tariff, in its order.
    pub activities: Vec<ActivityInputs>,
}

impl From<Wish> for Action {
    fn from(wish: Wish) -> Self {
        match wish {
            Wish::Edit(edit) => Self::Edit(edit),
            Wish::Reprice => Self::Reprice,
            Wish::Verified { link, holds } => Self::Verified { link, holds },
        }
    }
}

/// Whose estimate is on the page: the visitor's own draft, kept in the browser, or one opened
/// from someone's link, which is never saved over the visitor's draft unless they say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Own,
    Link,
}

/// What the visitor does on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A change to the estimate: from then on it is the visitor's own, without the details of a
    /// quote it came from.
    Edit(Edit),
    /// The page's language: the estimate stays as it is.
    SetLang(Lang),
    /// Price the same request with the newest tariff.
    Reprice,
    /// Make the estimate on the page the visitor's own draft.
    KeepAsDraft,
    /// Open a link: typed into the address bar, or the visitor's stored draft.
    Open { text: String, origin: Origin },
    /// "Edit this estimate" on a quotation: the same figures as an estimate of the visitor's
    /// own, without the salesperson, number and date.
    EditCopy,
    /// The browser has checked the signature of the quotation whose link (as it arrived) this is.
    Verified { link: String, holds: bool },
    /// The visitor left a volume's field, whose own text is `text`: a number that reads is
    /// written grouped, as the page writes numbers (120000 becomes 120,000). A text the page had
    /// not heard (set without an input event) is an edit like any other.
    Tidy {
        activity: String,
        unit: String,
        text: String,
    },
}

/// A link as it arrived, kept while the visitor has changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The fragment exactly as it arrived: the address bar and "Copy link" keep it, so a
    /// damaged link is never passed on as a clean one.
    pub text: String,
    /// The link as decoded: the request, who the quote is for and from (empty for an
    /// estimate), what decoding had to give up, and the signature.
    pub opened: Opened,
    /// What opening it had to give up, its date's problems included for an unsigned quote.
    pub dropped: Vec<Dropped>,
    /// What the signature says; `None` while the browser checks it.
    pub verdict: Option<Verdict<'static>>,
}

impl ActivityInputs {
    fn starter(activity: &Activity, lang: Lang) -> Self {
        let request = ActivityRequest::starter(activity);
        // Filled by insertion: collect() and extend() sort, and a sort weighs on the page.
        let mut typed = LiteMap::new();
        for unit in activity.units() {
            typed.insert(unit.id.to_string(), format_count(unit.default, lang));
        }
        Self {
            activity: activity.id.to_string(),
            chosen: false,
            model: request.model,
            typed,
            options: OptionSet::default(),
            traffic: TrafficInputs::starter(lang),
            site: None,
            in_house: InHouseFigures::default(),
            in_house_invalid: false,
            errors: LiteMap::new(),
            traffic_errors: LiteMap::new(),
            examples: activity
                .units()
                .filter(|u| u.default > 0)
                .map(|u| u.id.to_string())
                .collect(),
            replaced: None,
        }
    }

    /// Whether the volume of a unit is the page's example, not the visitor's.
    #[must_use]
    pub fn is_example(&self, unit: &str) -> bool {
        self.examples.iter().any(|u| u == unit)
    }

    /// The text typed for a unit.
    #[must_use]
    pub fn typed(&self, unit: &str) -> &str {
        self.typed.get(unit).map_or("", String::as_str)
    }

    /// What is wrong with the volume typed for a unit, if anything.
    #[must_use]
    pub fn error(&self, unit: &str) -> Option<QuantityError> {
        self.errors.get(unit).copied()
    }

    /// The activity's request, or `None` while a volume is wrong. Records what is wrong with
    /// each volume the chosen model prices under `rules`.
    fn read(&mut self, activity: &Activity, rules: Rules) -> Option<ActivityRequest> {
        self.errors.clear();
        self.traffic_errors.clear();
        let model = activity.model(&self.model)?;
        let mut volumes = Volumes::new();
        let mut sizing = None;
        let priced = units(activity, model, rules);
        for &unit in &priced {
            let read = match unit.sized_by.filter(|_| self.traffic.on) {
                // Described by its traffic: the volume is what the traffic gives, within bounds.
                Some(by) => match self.traffic.read(by) {
                    Ok((sized, volume)) if volume <= unit.max => {
                        sizing = Some(sized);
                        Ok(volume)
                    }
                    Ok(_) => Err(QuantityError::TooLarge { max: unit.max }),
                    Err(errors) => {
                        self.traffic_errors = errors;
                        continue;
                    }
                },
                None => quantity::parse(self.typed(&unit.id), unit.max),
            };
            match read {
                Ok(n) => {
                    volumes.insert(unit.id.to_string(), n);
                }
                Err(error) => {
                    self.errors.insert(unit.id.to_string(), error);
                }
            }
        }
        // The volumes still the page's: a sized one while its calls are the page's.
        let examples = priced
            .iter()
            .filter(|unit| match unit.sized_by {
                Some(_) if self.traffic.on => !self.traffic.examples.is_empty(),
                _ => self.is_example(&unit.id),
            })
            .map(|unit| unit.id.to_string())
            .collect();
        (self.errors.is_empty() && self.traffic_errors.is_empty()).then(|| ActivityRequest {
            activity: self.activity.clone(),
            model: self.model.clone(),
            volumes,
            options: self.options.clone(),
            sizing,
            site: self.site.clone(),
            in_house: {
                // Kept for another model, priced with the one chosen.
                let mut own = self.in_house.clone();
                own.per_fte
                    .retain(|id, _| priced.iter().any(|u| u.id == *id && u.per_fte.is_some()));
                own
            },
            examples,
        })
    }

    fn toggle_option(&mut self, option: &str, activity: &Activity) {
        self.replaced = None;
        if self.options.remove(option) {
            return;
        }
        // Options of a group exclude each other: choosing one drops the other, and says so.
        if let Some(group) = activity.option(option).and_then(|o| o.group.as_ref()) {
            for other in activity
                .options
                .iter()
                .filter(|o| o.group.as_ref() == Some(group) && o.id != option)
            {
                if self.options.remove(&other.id) {
                    self.replaced = Some((option.to_owned(), other.id.to_string()));
                }
            }
        }
        self.options.insert(option.to_owned());
    }
}

impl Inputs {
    /// The page as a first visit shows it: no activity chosen yet, starting volumes filled in.
    #[must_use]
    pub fn new(tariff: &Tariff, lang: Lang) -> Self {
        let request = Request::starter(tariff);
        Self {
            currency: request.currency,
            site: request.site,
            term: request.term,
            service_language: request.service_language,
            fluctuation: request.fluctuation,
            vat: request.vat,
            rules: request.rules,
            activities: tariff
                .activities
                .iter()
                .map(|a| ActivityInputs::starter(a, lang))
                .collect(),
        }
    }

    /// The inputs that make `request`: its activities chosen with their volumes, the others at
    /// their starting values.
    #[must_use]
    pub fn from_request(tariff: &Tariff, request: &Request, lang: Lang) -> Self {
        let mut inputs = Self::new(tariff, lang);
        inputs.currency = request.currency;
        inputs.site.clone_from(&request.site);
        inputs.term.clone_from(&request.term);
        inputs
            .service_language
            .clone_from(&request.service_language);
        inputs.fluctuation = request.fluctuation;
        inputs.vat = request.vat;
        inputs.rules = request.rules;
        for wanted in &request.activities {
            if let Some(activity) = inputs.activity_mut(&wanted.activity) {
                activity.chosen = true;
                activity.model.clone_from(&wanted.model);
                activity.options.clone_from(&wanted.options);
                for (unit, quantity) in &wanted.volumes {
                    activity
                        .typed
                        .insert(unit.clone(), format_count(*quantity, lang));
                }
                if let Some(sizing) = &wanted.sizing {
                    activity.traffic.show(sizing, lang);
                }
                activity.site.clone_from(&wanted.site);
                activity.in_house.clone_from(&wanted.in_house);
                // A link's volumes are someone's, but for those it carries as the page's
                // examples still (a draft, an estimate passed on unconfirmed).
                activity.examples.clone_from(&wanted.examples);
                activity.traffic.examples.clear();
                if wanted.sizing.is_some()
                    && tariff.activity(&wanted.activity).is_some_and(|a| {
                        a.units().any(|u| {
                            u.sized_by.is_some() && wanted.examples.contains(&u.id.to_string())
                        })
                    })
                {
                    activity.traffic.examples = TrafficField::CALLS.to_vec();
                }
            }
        }
        inputs
    }

    fn activity_mut(&mut self, id: &str) -> Option<&mut ActivityInputs> {
        self.activities.iter_mut().find(|a| a.activity == id)
    }

    /// The request the inputs make, or `None` while a volume of a chosen activity is wrong.
    /// Records what is wrong with each volume.
    fn read(&mut self, tariff: &Tariff) -> Option<Request> {
        let mut activities = Vec::new();
        let mut readable = true;
        for inputs in self.activities.iter_mut() {
            if !inputs.chosen {
                inputs.errors.clear();
                continue;
            }
            let wanted = tariff
                .activity(&inputs.activity)
                .and_then(|activity| inputs.read(activity, self.rules))
                .filter(|_| !inputs.in_house_invalid);
            match wanted {
                Some(wanted) => activities.push(wanted),
                None => readable = false,
            }
        }
        readable.then(|| Request {
            site: self.site.clone(),
            term: self.term.clone(),
            currency: self.currency,
            service_language: self.service_language.clone(),
            fluctuation: self.fluctuation,
            activities,
            discount: None,
            vat: self.vat,
            rules: self.rules,
        })
    }

    fn apply(&mut self, edit: Edit, tariff: &Tariff) {
        // A change makes a new estimate, priced by the current rules.
        self.rules = Rules::default();
        match edit {
            Edit::Currency(currency) => self.currency = currency,
            Edit::Site(site) => self.site = site,
            Edit::Term(term) => self.term = term,
            Edit::ServiceLanguage(language) => self.service_language = language,
            Edit::Fluctuation(percent) => self.fluctuation = percent,
            Edit::Toggle(id) => {
                if let Some(inputs) = self.activity_mut(&id) {
                    inputs.chosen = !inputs.chosen;
                }
            }
            Edit::Model { activity, model } => {
                if let Some(inputs) = self.activity_mut(&activity) {
                    inputs.model = model;
                }
            }
            Edit::Volume {
                activity,
                unit,
                text,
            } => {
                if let Some(inputs) = self.activity_mut(&activity) {
                    inputs.examples.retain(|u| *u != unit);
                    inputs.typed.insert(unit, text);
                }
            }
            Edit::Option { activity, option } => {
                if let (Some(inputs), Some(offered)) =
                    (self.activity_mut(&activity), tariff.activity(&activity))
                {
                    inputs.toggle_option(&option, offered);
                }
            }
            Edit::Sizing { activity, on } => {
                if let Some(inputs) = self.activity_mut(&activity) {
                    inputs.traffic.on = on;
                }
            }
            Edit::Traffic {
                activity,
                field,
                text,
            } => {
                if let Some(inputs) = self.activity_mut(&activity) {
                    inputs.traffic.examples.retain(|f| *f != field);
                    inputs.traffic.typed.insert(field, text);
                }
            }
            Edit::Profile { activity, profile } => {
                if let Some(inputs) = self.activity_mut(&activity) {
                    inputs.traffic.profile = profile;
                }
            }
            Edit::Vat(vat) => self.vat = vat,
            Edit::ConfirmExamples => {
                for inputs in self.activities.iter_mut().filter(|a| a.chosen) {
                    inputs.examples.clear();
                    // The calls only where the buyer saw them: traffic not yet shown stays an
                    // example for when it is.
                    if inputs.traffic.on {
                        inputs.traffic.examples.clear();
                    }
                }
            }
            Edit::ClearExamples => {
                // Every model's examples: none is left to be priced unmarked later.
                for inputs in self.activities.iter_mut().filter(|a| a.chosen) {
                    for unit in std::mem::take(&mut inputs.examples) {
                        inputs.typed.insert(unit, "0".to_owned());
                    }
                    if inputs.traffic.on && !inputs.traffic.examples.is_empty() {
                        inputs.traffic.examples.clear();
                        inputs
                            .traffic
                            .typed
                            .insert(TrafficField::Calls, "0".to_owned());
                    }
                }
            }
            Edit::ActivitySite { activity, site } => {
                if let Some(inputs) = self.activity_mut(&activity) {
                    inputs.site = site;
                }
            }
            Edit::InHouse {
                activity,
                figures,
                invalid,
            } => {
                if let Some(inputs) = self.activity_mut(&activity) {
                    inputs.in_house = figures;
                    inputs.in_house_invalid = invalid;
                }
            }
        }
    }

    /// A number typed as 12.000 on the Indonesian page reads 12,000 on the English one; a
    /// mistake stays as typed.
    fn relang(&mut self, to: Lang) {
        let regroup = |text: &mut String| {
            if let Ok(n) = quantity::parse(text, u64::MAX) {
                *text = format_count(n, to);
            }
        };
        for inputs in &mut self.activities {
            for (_, text) in inputs.typed.iter_mut() {
                regroup(text);
            }
            for (_, text) in inputs.traffic.typed.iter_mut() {
                regroup(text);
            }
        }
    }
}

/// The page's state: the inputs, what they make, and the request whose estimate is on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub catalogue: &'static Catalogue,
    /// The tariff the estimate is priced with: an older one for an older link.
    pub tariff: &'static Tariff,
    pub lang: Lang,
    pub inputs: Inputs,
    /// The inputs hold a mistake: the estimate on screen is the last valid one.
    pub stale: bool,
    /// Why inputs that each read well cannot be priced together (an activity the site does not
    /// deliver, a language it does not speak).
    /// Shared, not cloned: the state is cloned at every change, and an error's clone and
    /// comparison would weigh on the page for nothing.
    pub problem: Option<Rc<EstimateError>>,
    /// The last request the tariff accepted. While an input is wrong its estimate stays on
    /// screen; the estimate itself is derived from it, never stored.
    pub priced: Request,
    pub origin: Origin,
    /// The link the estimate came from, until the visitor changes it.
    pub received: Option<Received>,
    /// Today on the provider's calendar: a quote is judged by it.
    pub today: Today,
    /// Why the address could not be opened at all.
    pub link_error: Option<LinkError>,
    /// What re-pricing the estimate with the newest tariff gave up, until the next change;
    /// `None` where it was not re-priced.
    pub repriced: Option<Vec<Dropped>>,
    /// What every surface shows: derived from the rest after every change (see `document`).
    pub document: Result<Rc<Document>, Rc<EstimateError>>,
}

impl State {
    /// A fresh page priced with the newest tariff.
    #[must_use]
    pub fn new(catalogue: &'static Catalogue, lang: Lang, today: Today) -> Self {
        let tariff = catalogue.latest();
        let mut state = Self {
            catalogue,
            tariff,
            lang,
            inputs: Inputs::new(tariff, lang),
            stale: false,
            problem: None,
            priced: Request::starter(tariff),
            origin: Origin::Own,
            received: None,
            today,
            link_error: None,
            repriced: None,
            document: Err(Rc::new(EstimateError::Overflow)),
        };
        state.derive();
        state.settle();
        state
    }

    /// The page as the address and the browser's storage say: the link in the address first,
    /// else the visitor's stored draft, else a fresh page. A link equal to the stored draft is the
    /// visitor's own (a reload), not someone else's.
    #[must_use]
    pub fn load(
        catalogue: &'static Catalogue,
        lang: Lang,
        today: Today,
        address: Option<&str>,
        stored: Option<&str>,
    ) -> Self {
        let mut state = Self::new(catalogue, lang, today);
        let address = address.filter(|a| !a.trim_start_matches('#').is_empty());
        if let Some(text) = address {
            let own =
                stored.is_some_and(|s| s.trim_start_matches('#') == text.trim_start_matches('#'));
            let origin = if own { Origin::Own } else { Origin::Link };
            state.open(text, origin);
            if state.link_error.is_none() {
                state.settle();
                return state;
            }
        }
        if let Some(text) = stored {
            let error = state.link_error.take();
            state.open(text, Origin::Own);
            // A stored draft that no longer reads is simply not offered; the address's error
            // is the one to show.
            if let Some(received) = &mut state.received {
                received.dropped.clear();
            }
            state.link_error = error;
        }
        state.settle();
        state
    }

    fn open(&mut self, text: &str, origin: Origin) {
        match link::decode(text, self.catalogue) {
            Ok(opened) => {
                let tariff = self
                    .catalogue
                    .get(&opened.contents.tariff)
                    .unwrap_or(self.catalogue.latest());
                self.show(tariff, &opened.contents.request);
                let dropped = link::problems(&opened, tariff, self.today.0);
                // Settled at once where no cryptography is needed; else the browser checks it.
                let verdict = signature::signer(opened.seal.as_ref(), provider()).err();
                self.received = Some(Received {
                    text: text.split_once('#').map_or(text, |(_, f)| f).to_owned(),
                    opened,
                    dropped,
                    verdict,
                });
                self.origin = origin;
                self.link_error = None;
                self.derive();
            }
            Err(error) => self.link_error = Some(error),
        }
    }

    /// Judges the signature of the link on the page once the browser has checked it; a check of
    /// another link (one the visitor has since left) is not this one's.
    fn verified(&mut self, link: &str, holds: bool) {
        let (today, tariff) = (self.today, self.tariff);
        if let Some(received) = self
            .received
            .as_mut()
            .filter(|r| r.verdict.is_none() && r.text == link)
            && let Ok(signer) = signature::signer(received.opened.seal.as_ref(), provider())
        {
            received.verdict = Some(signature::judge(
                signer,
                holds,
                &received.opened,
                tariff,
                provider(),
                today,
            ));
        }
        self.derive();
    }

    /// What the signature on the page says; `None` while it is checked.
    #[must_use]
    pub fn verdict(&self) -> Option<&Verdict<'static>> {
        self.received.as_ref()?.verdict.as_ref()
    }

    /// Puts a request priced with `tariff` on the page, its inputs rewritten from it.
    fn show(&mut self, tariff: &'static Tariff, request: &Request) {
        self.inputs = Inputs::from_request(tariff, request, self.lang);
        self.tariff = tariff;
        self.derive();
    }

    /// Works out what the inputs make: the errors at their fields, whether they price together,
    /// and the request on screen.
    fn derive(&mut self) {
        self.problem = None;
        self.stale = true;
        if let Some(mut request) = self.inputs.read(self.tariff) {
            // A quotation's negotiated discount, where its signature vouches for it.
            request.discount = self
                .received
                .as_ref()
                .and_then(|r| r.verdict.as_ref())
                .and_then(|v| v.discount);
            match request.validate(self.tariff) {
                Ok(()) => {
                    self.priced = request;
                    self.stale = false;
                }
                Err(error) => self.problem = Some(Rc::new(error)),
            }
        }
    }

    /// Who the quote on the page is for and from; nothing for the visitor's own estimate.
    #[must_use]
    pub fn quote(&self) -> Option<&QuoteDetails> {
        self.received
            .as_ref()
            .map(|r| &r.opened.contents.quote)
            .filter(|q| !q.is_empty())
    }

    /// What opening the link had to give up, while it is on the page unchanged.
    #[must_use]
    pub fn dropped(&self) -> &[Dropped] {
        self.received.as_ref().map_or(&[], |r| &r.dropped)
    }

    /// The link of the estimate on screen, without `#`: the link as it arrived while nothing
    /// was changed, else the visitor's own estimate.
    #[must_use]
    pub fn link(&self) -> String {
        match &self.received {
            Some(received) => received.text.clone(),
            None => link::encode(
                &Contents {
                    tariff: self.tariff.version.to_string(),
                    request: self.priced.clone(),
                    quote: QuoteDetails::default(),
                },
                self.tariff,
            ),
        }
    }

    /// A newer tariff than the one the estimate is priced with, if one is bundled.
    #[must_use]
    pub fn newer_tariff(&self) -> Option<&'static Tariff> {
        let latest = self.catalogue.latest();
        (latest.version != self.tariff.version).then_some(latest)
    }

    /// A change to the estimate: from then on it is the visitor's own.
    fn edited(&mut self, edit: Edit) {
        self.inputs.apply(edit, self.tariff);
        self.received = None;
        self.repriced = None;
        self.derive();
    }

    /// Derives the document once the state has changed.
    fn settle(&mut self) {
        self.document = self.derive_document().map(Rc::new).map_err(Rc::new);
    }

    /// The document on the page: what every surface shows, derived from the rest of the state.
    ///
    /// # Errors
    /// [`EstimateError`] where the request on screen cannot be priced (its figures overflow).
    fn derive_document(&self) -> Result<Document, EstimateError> {
        let link = self.link();
        let no_verdict = Verdict::unsigned();
        let received = self.received.as_ref();
        Document::of(
            &Source {
                tariff: self.tariff,
                request: &self.priced,
                quote: received.map(|r| &r.opened.contents.quote),
                // An estimate's own request has no signature to check.
                verdict: match received {
                    Some(received) => received.verdict.as_ref(),
                    None => Some(&no_verdict),
                },
                problems: self.dropped(),
                link: &link,
                stale: self.stale,
            },
            self.catalogue,
            provider(),
            self.today,
        )
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::Edit(edit) => next.edited(edit),
            Action::Tidy {
                activity,
                unit,
                text,
            } => {
                // The field's own text, its digits grouped where it reads as a number: an edit
                // where the page had not heard it so (set without an input event).
                let text =
                    quantity::parse(&text, u64::MAX).map_or(text, |n| format_count(n, next.lang));
                if next
                    .inputs
                    .activity_mut(&activity)
                    .is_some_and(|inputs| inputs.typed(&unit) != text)
                {
                    next.edited(Edit::Volume {
                        activity,
                        unit,
                        text,
                    });
                }
            }
            Action::SetLang(lang) => {
                next.inputs.relang(lang);
                next.lang = lang;
                next.derive();
            }
            Action::Reprice => {
                let latest = next.catalogue.latest();
                let (request, dropped) = link::reprice(&next.priced, latest);
                next.show(latest, &request);
                next.received = None;
                next.repriced = Some(dropped);
            }
            Action::KeepAsDraft => next.origin = Origin::Own,
            Action::EditCopy => {
                next.received = None;
                next.derive();
            }
            Action::Verified { link, holds } => next.verified(&link, holds),
            Action::Open { text, origin } => next.open(&text, origin),
        }
        next.settle();
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::document::Standing;
    use crate::i18n::Lang::{En as ENGLISH, Id as INDONESIAN};
    use crate::staffing::Profile;
    use crate::tariff::catalogue;

    fn today() -> Today {
        Today(Date::parse("2026-12-20").expect("a date"))
    }

    fn document(state: &State) -> Rc<Document> {
        state.document.clone().expect("priced")
    }

    fn state(lang: Lang) -> Rc<State> {
        Rc::new(State::new(catalogue().expect("valid"), lang, today()))
    }

    fn edit(edit: Edit) -> Action {
        Action::Edit(edit)
    }

    fn typed(activity: &str, unit: &str, text: &str) -> Action {
        edit(Edit::Volume {
            activity: activity.into(),
            unit: unit.into(),
            text: text.into(),
        })
    }

    fn toggle(activity: &str) -> Action {
        edit(Edit::Toggle(activity.into()))
    }

    #[test]
    fn choosing_an_activity_prices_its_starting_volumes() {
        let s = state(ENGLISH);
        assert!(s.priced.activities.is_empty());
        let s = s.reduce(toggle("fulfilment"));
        let fulfilment = &s.priced.activities[0];
        assert_eq!(fulfilment.volumes.get("orders"), Some(&3_000));
        assert_eq!(s.inputs.activities[2].typed("orders"), "3,000");
    }

    #[test]
    fn a_bad_volume_keeps_the_last_request_and_the_text() {
        let s = state(INDONESIAN).reduce(toggle("call-centre"));
        let s = s.reduce(typed("call-centre", "minutes", "60.000"));
        assert_eq!(s.priced.activities[0].volumes.get("minutes"), Some(&60_000));
        assert!(!s.stale);
        for (bad, error) in [
            ("", QuantityError::Empty),
            ("-5", QuantityError::Negative),
            ("abc", QuantityError::NotANumber),
            ("1,5", QuantityError::NotWhole),
            (
                "99.999.999.999",
                QuantityError::TooLarge { max: 50_000_000 },
            ),
        ] {
            let t = s.clone().reduce(typed("call-centre", "minutes", bad));
            assert_eq!(t.priced, s.priced, "{bad:?}");
            assert_eq!(t.inputs.activities[0].typed("minutes"), bad);
            assert_eq!(t.inputs.activities[0].error("minutes"), Some(error));
            assert!(t.stale);
        }
    }

    #[test]
    fn switching_language_rewrites_numbers_not_mistakes() {
        let s = state(INDONESIAN).reduce(toggle("call-centre"));
        let s = s.reduce(typed("call-centre", "minutes", "60.000"));
        let s = s.reduce(typed("call-centre", "chats", "12a"));
        let s = s.reduce(Action::SetLang(ENGLISH));
        assert_eq!(s.inputs.activities[0].typed("minutes"), "60,000");
        assert_eq!(s.inputs.activities[0].typed("chats"), "12a");
        assert_eq!(
            s.inputs.activities[0].error("chats"),
            Some(QuantityError::NotANumber)
        );
        assert_eq!(s.lang, ENGLISH);
    }

    #[test]
    fn a_site_that_cannot_deliver_is_a_problem_not_a_new_estimate() {
        let s = state(ENGLISH).reduce(toggle("fulfilment"));
        let before = s.priced.clone();
        let s = s.reduce(edit(Edit::Site("manila".into())));
        assert_eq!(s.priced, before);
        assert!(s.stale);
        assert_eq!(
            s.problem.as_deref().map(EstimateError::code),
            Some("site_unavailable")
        );
        let s = s.reduce(edit(Edit::Site("yogyakarta".into())));
        assert_eq!((s.stale, s.problem.is_none()), (false, true));
        assert_eq!(s.priced.site, "yogyakarta");
    }

    #[test]
    fn options_of_a_group_exclude_each_other() {
        let option = |o: &str| {
            edit(Edit::Option {
                activity: "call-centre".into(),
                option: o.into(),
            })
        };
        let s = state(ENGLISH).reduce(toggle("call-centre"));
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
        let model = |m: &str| {
            edit(Edit::Model {
                activity: "call-centre".into(),
                model: m.into(),
            })
        };
        let s = state(ENGLISH).reduce(toggle("call-centre"));
        let s = s.reduce(typed("call-centre", "minutes", "45,000"));
        let s = s.reduce(model("dedicated"));
        assert_eq!(s.priced.activities[0].volumes.get("agents"), Some(&5));
        assert_eq!(s.priced.activities[0].volumes.get("minutes"), None);
        let s = s.reduce(model("shared"));
        assert_eq!(s.priced.activities[0].volumes.get("minutes"), Some(&45_000));
    }

    #[test]
    fn dedicated_agents_keep_the_chats_and_e_mails_the_buyer_entered() {
        let model = |m: &str| {
            edit(Edit::Model {
                activity: "call-centre".into(),
                model: m.into(),
            })
        };
        // Rina's estimate: calls as minutes, 12,000 WhatsApp chats and 500 e-mails, then
        // dedicated agents. The chats and e-mails stay, priced beside the agents (rule 14).
        let s = state(ENGLISH).reduce(toggle("call-centre"));
        let s = s
            .reduce(typed("call-centre", "chats", "12,000"))
            .reduce(typed("call-centre", "emails", "500"))
            .reduce(model("dedicated"));
        let call = &s.priced.activities[0];
        assert_eq!(call.model, "dedicated");
        let held: Vec<(&str, u64)> = call.volumes.iter().map(|(u, q)| (u.as_str(), *q)).collect();
        assert_eq!(
            held,
            [
                ("agents", 5),
                ("chats", 12_000),
                ("emails", 500),
                ("outbound-minutes", 0)
            ]
        );
        // Jakarta, 12 months: 5,000,000 + 60,000,000 + 97,100,000 chats + 5,500,000 e-mails =
        // 167,600,000, less 5 % = 159,220,000, plus VAT 17,514,200 = 176,734,200 a month.
        assert_eq!(
            document(&s).estimate.totals.monthly,
            rust_decimal::Decimal::from(176_734_200)
        );
        assert!(
            s.link().contains("&call-centre=dedicated.5.0.12000.500&"),
            "{}",
            s.link()
        );
        // Back to shared: the same chats and e-mails, and the minutes as they were.
        let s = s.reduce(model("shared"));
        let call = &s.priced.activities[0];
        assert_eq!(
            (call.volumes.get("minutes"), call.volumes.get("chats")),
            (Some(&20_000), Some(&12_000))
        );
    }

    #[test]
    fn a_custom_service_level_is_priced_and_reopens_from_the_link() {
        let traffic = |field: TrafficField, text: &str| {
            edit(Edit::Traffic {
                activity: "call-centre".into(),
                field,
                text: text.into(),
            })
        };
        let s = state(ENGLISH).reduce(toggle("call-centre"));
        let s = s
            .reduce(edit(Edit::Model {
                activity: "call-centre".into(),
                model: "dedicated".into(),
            }))
            .reduce(edit(Edit::Sizing {
                activity: "call-centre".into(),
                on: true,
            }))
            .reduce(edit(Edit::Profile {
                activity: "call-centre".into(),
                profile: Profile::Flat,
            }))
            .reduce(traffic(TrafficField::Calls, "72,800"))
            .reduce(traffic(TrafficField::HandleTime, "180"))
            .reduce(traffic(TrafficField::ServiceLevel, "90"))
            .reduce(traffic(TrafficField::Within, "20"));
        // 10 erlangs an hour need 15 agents for 90 % within 20 s (14 give 88.8 %:
        // pyworkforce's grid): 15 x 12 h x 7 days / (40 h x 0.7) = 45 to schedule.
        let call = &s.priced.activities[0];
        assert_eq!(call.volumes.get("agents"), Some(&45));
        let link = s.link();
        assert!(
            link.contains("&call-centre-traffic=e.72800.180.12.7.90.20.85.30.f&"),
            "{link}"
        );
        let reopened = loaded(Some(&link), None);
        let inputs = &reopened.inputs.activities[0];
        assert_eq!(
            (
                inputs.traffic.typed(TrafficField::ServiceLevel),
                inputs.traffic.typed(TrafficField::Within)
            ),
            ("90", "20")
        );
        assert_eq!(reopened.priced, s.priced);

        // Outside 50 to 99 % or 5 to 600 s: a message at the field, and the last estimate.
        let t = s.reduce(traffic(TrafficField::Within, "2"));
        assert_eq!(
            t.inputs.activities[0]
                .traffic_errors
                .get(&TrafficField::Within),
            Some(&TrafficError::Staffing(
                crate::staffing::StaffingError::TargetOutOfBounds { within: true }
            ))
        );
        assert!(t.stale);
        assert_eq!(t.priced.activities[0].volumes.get("agents"), Some(&45));
    }

    #[test]
    fn an_older_link_keeps_its_rules_until_the_visitor_changes_it() {
        // 250 payslips in dollars, priced as a format-1 link was: 914.31 a month (rule 13's
        // test works both out); once the visitor changes anything, by the current rules:
        // 914.30.
        let t = catalogue().expect("valid").latest();
        let mut request = Request::starter(t);
        request.term = "monthly".into();
        request.currency = Currency::Usd;
        request.rules = Rules::Format2;
        let mut payslips = ActivityRequest::starter(t.activity("accounting").expect("offered"));
        payslips.volumes = [
            ("transactions", 0),
            ("invoices", 0),
            ("payslips", 250),
            ("closes", 0),
            ("tax-filings", 0),
        ]
        .into_iter()
        .map(|(unit, quantity)| (unit.to_owned(), quantity))
        .collect();
        request.activities.push(payslips);
        let text = link::encode(
            &Contents {
                tariff: t.version.to_string(),
                request,
                quote: QuoteDetails::default(),
            },
            t,
        );
        assert!(text.starts_with("v=1&"), "{text}");
        let s = Rc::new(loaded(Some(&text), None));
        assert_eq!(s.dropped(), []);
        let monthly = |s: &State| document(s).estimate.totals.monthly.to_string();
        assert_eq!(monthly(&s), "914.31");
        let s = s.reduce(Action::SetLang(INDONESIAN));
        assert_eq!(
            monthly(&s),
            "914.31",
            "a language is no change to the estimate"
        );
        let s = s.reduce(edit(Edit::Fluctuation(20)));
        assert_eq!(monthly(&s), "914.30");
        assert!(s.link().starts_with("v=3&"), "{}", s.link());
    }

    const SHARED: &str = "v=1&t=2026-11&s=yogyakarta&k=monthly&c=IDR&l=id&f=20&fulfilment=800.0.6.40~6&for=PT%20Maju&d=2026-11-02";

    fn loaded(address: Option<&str>, stored: Option<&str>) -> State {
        State::load(
            catalogue().expect("valid"),
            INDONESIAN,
            today(),
            address,
            stored,
        )
    }

    #[test]
    fn a_link_in_the_address_opens_as_someone_elses_estimate() {
        let s = loaded(Some(&format!("#{SHARED}")), None);
        assert_eq!(s.origin, Origin::Link);
        assert_eq!(s.link_error, None);
        assert_eq!(s.dropped(), [Dropped::Truncated]);
        let fulfilment = &s.inputs.activities[2];
        assert!(fulfilment.chosen);
        assert_eq!(fulfilment.typed("orders"), "800");
        assert_eq!(s.priced.site, "yogyakarta");
        assert_eq!(s.quote().map(|q| q.client.as_str()), Some("PT Maju"));
        // Issued 2 November, valid 30 days: expired on 2 December, before the 20th.
        assert_eq!(
            document(&s).expired_on().map(|d| d.to_string()).as_deref(),
            Some("2026-12-02")
        );
        assert_eq!(s.newer_tariff(), None);
    }

    #[test]
    fn a_quote_dated_impossibly_is_damage_like_any_other() {
        // Tariff 2026-11 took effect on 1 November; today is 20 December.
        for (date, problem) in [
            (
                "2026-10-01",
                Dropped::DatedBeforeTariff {
                    issued: Date::parse("2026-10-01").expect("a date"),
                    effective: Date::parse("2026-11-01").expect("a date"),
                },
            ),
            (
                "2027-06-01",
                Dropped::DatedInFuture {
                    issued: Date::parse("2027-06-01").expect("a date"),
                },
            ),
        ] {
            let s = loaded(Some(&SHARED.replace("2026-11-02", date)), None);
            assert_eq!(s.dropped(), [Dropped::Truncated, problem]);
            assert!(!document(&s).stands());
        }
        let s = loaded(Some(SHARED), Some(""));
        assert!(!document(&s).stands(), "expired");
        assert_eq!(document(&s).standing, Standing::Unsigned);
    }

    #[test]
    fn a_reload_reopens_the_visitors_own_draft() {
        let own = State::new(catalogue().expect("valid"), ENGLISH, today());
        let own = Rc::new(own).reduce(toggle("sales"));
        let link = own.link();
        let s = loaded(Some(&link), Some(&link));
        assert_eq!(s.origin, Origin::Own);
        assert_eq!(s.dropped(), []);
        assert_eq!(s.priced, own.priced);
        // No address: the stored draft.
        let s = loaded(None, Some(&link));
        assert_eq!(
            (s.origin, s.priced.clone()),
            (Origin::Own, own.priced.clone())
        );
        // An edited address opens, and says it was changed.
        let s = loaded(Some("#v=1&t=2026-11&s=jakarta&z=00"), None);
        assert_eq!(s.link_error, None);
        assert_eq!(s.dropped(), [Dropped::Altered]);
        // One that is not a link at all says so, and the draft is there.
        let s = loaded(Some("#section-2"), Some(&link));
        assert_eq!(s.link_error, Some(LinkError::NotALink));
        assert_eq!(
            (s.origin, s.priced.clone()),
            (Origin::Own, own.priced.clone())
        );
    }

    #[test]
    fn a_link_is_passed_on_as_it_arrived_until_the_visitor_changes_it() {
        // Edited by hand: the check no longer matches.
        let altered = "v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&sales=0.10&by=Sari&ref=Q-1&d=2026-11-20&z=5628301d";
        let s = Rc::new(loaded(Some(altered), None));
        assert!(s.dropped().contains(&Dropped::Altered));
        // The page's language is not a change to the estimate.
        let s = s.reduce(Action::SetLang(ENGLISH));
        assert_eq!(s.link(), altered, "never laundered into a clean link");
        assert_eq!(s.quote().map(|q| q.preparer.as_str()), Some("Sari"));

        // From the first change it is the visitor's own: no salesperson, number or date, and a
        // link of its own with a check that matches.
        let s = s.reduce(typed("sales", "appointments", "12"));
        assert_eq!(s.quote(), None);
        assert_eq!(s.dropped(), []);
        let mine = s.link();
        assert!(!mine.contains("by=") && !mine.contains("ref=") && !mine.contains("d="));
        let reopened = link::decode(&mine, s.catalogue).expect("our link");
        assert_eq!(reopened.dropped, []);
        assert_eq!(reopened.contents.request, s.priced);
    }

    #[test]
    fn an_expired_quote_edited_is_the_visitors_estimate_not_a_renewed_quote() {
        let s = Rc::new(loaded(Some(SHARED), None));
        assert!(document(&s).expired_on().is_some());
        let s = s.reduce(typed("fulfilment", "orders", "900")).reduce(typed(
            "fulfilment",
            "orders",
            "800",
        ));
        assert_eq!(s.quote(), None);
        assert_eq!(document(&s).expired_on(), None);
        assert_eq!(document(&s).standing, Standing::Estimate);
        assert_eq!(
            s.origin,
            Origin::Link,
            "still not saved over the visitor's draft"
        );
        let s = s.reduce(Action::KeepAsDraft);
        assert_eq!(s.origin, Origin::Own);
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
        let contents = Contents {
            tariff: "2026-11".into(),
            request: request.clone(),
            quote: QuoteDetails::default(),
        };
        let text = link::encode(&contents, old);

        let s = Rc::new(State::load(catalogue, ENGLISH, today(), Some(&text), None));
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
            s.repriced.as_deref(),
            Some(
                &[Dropped::NotOffered {
                    activity: "call-centre".into(),
                    option: Some("premium-qa".into())
                }][..]
            )
        );
        assert!(s.link().contains("t=2027-05"));
    }

    fn examples(state: &State) -> Vec<(String, String)> {
        document(state)
            .examples
            .iter()
            .map(|e| (e.activity.clone(), e.unit.clone()))
            .collect()
    }

    fn pair(activity: &str, unit: &str) -> (String, String) {
        (activity.into(), unit.into())
    }

    #[test]
    fn starting_volumes_are_examples_until_typed_confirmed_or_cleared() {
        // Fulfilment starts at 3,000 orders, 1,500 extra items, 20 pallets, 60 returns and 10
        // receivings (the tariff's starting values); the bins start empty: no example.
        let s = state(ENGLISH).reduce(toggle("fulfilment"));
        assert_eq!(
            examples(&s),
            [
                pair("fulfilment", "orders"),
                pair("fulfilment", "extra-items"),
                pair("fulfilment", "pallets"),
                pair("fulfilment", "returns"),
                pair("fulfilment", "receiving")
            ]
        );
        // They travel in the link, a bit for each in the link's order of volumes (orders,
        // extra items, pallets, bins, returns, receiving: 1 + 2 + 4 + 16 + 32 = 55), so a reload
        // of the draft still marks them.
        assert!(s.link().contains("&fulfilment-ex=55&"), "{}", s.link());
        let reloaded = Rc::new(State::load(
            catalogue().expect("valid"),
            ENGLISH,
            today(),
            None,
            Some(&s.link()),
        ));
        assert_eq!(examples(&reloaded), examples(&s));
        assert!(reloaded.inputs.activities[2].is_example("orders"));
        // Typing the orders makes them the buyer's: only the other two stay examples.
        let typed_orders = s.clone().reduce(typed("fulfilment", "orders", "4,200"));
        assert_eq!(examples(&typed_orders).len(), 4);
        assert!(typed_orders.link().contains("&fulfilment-ex=54&"));
        // Confirmed: the same volumes, none an example, and the link says nothing of them.
        let confirmed = s.clone().reduce(edit(Edit::ConfirmExamples));
        assert_eq!(examples(&confirmed), []);
        assert_eq!(
            confirmed.priced.activities[0].volumes,
            s.priced.activities[0].volumes
        );
        assert!(!confirmed.link().contains("-ex="));
        // Cleared: the examples are zero, nothing is marked, nothing of them priced.
        let cleared = s.reduce(edit(Edit::ClearExamples));
        assert_eq!(examples(&cleared), []);
        let volumes: Vec<u64> = cleared.priced.activities[0]
            .volumes
            .values()
            .copied()
            .collect();
        assert!(volumes.iter().all(|v| *v == 0), "{volumes:?}");
        assert_eq!(cleared.inputs.activities[2].typed("orders"), "0");
    }

    #[test]
    fn calls_the_page_filled_in_are_an_example_of_the_minutes_they_make() {
        let sizing = |on| {
            edit(Edit::Sizing {
                activity: "call-centre".into(),
                on,
            })
        };
        // The minutes' examples confirmed before the calls were ever shown: the calls are still
        // the page's when they are.
        let s = state(ENGLISH)
            .reduce(toggle("call-centre"))
            .reduce(edit(Edit::ConfirmExamples))
            .reduce(typed("call-centre", "minutes", "45,000"))
            .reduce(typed("call-centre", "chats", "0"))
            .reduce(typed("call-centre", "emails", "0"))
            .reduce(typed("call-centre", "outbound-minutes", "0"));
        assert_eq!(examples(&s), []);
        // "Enter as calls × handle time" fills in 30,000 calls of 240 s: 120,000 minutes, the
        // page's example, not the buyer's.
        let s = s.reduce(sizing(true));
        assert_eq!(
            s.priced.activities[0].volumes.get("minutes"),
            Some(&120_000)
        );
        assert_eq!(examples(&s), [pair("call-centre", "minutes")]);
        // The buyer types their calls: the minutes are theirs.
        let s = s.reduce(edit(Edit::Traffic {
            activity: "call-centre".into(),
            field: TrafficField::Calls,
            text: "12,000".into(),
        }));
        assert_eq!(s.priced.activities[0].volumes.get("minutes"), Some(&48_000));
        // Still partly the page's: the 240 s is its example handle time.
        assert_eq!(examples(&s), [pair("call-centre", "minutes")]);
        // 12,000 calls of 300 s: 60,000 minutes, all the buyer's.
        let s = s.reduce(edit(Edit::Traffic {
            activity: "call-centre".into(),
            field: TrafficField::HandleTime,
            text: "300".into(),
        }));
        assert_eq!(s.priced.activities[0].volumes.get("minutes"), Some(&60_000));
        assert_eq!(examples(&s), []);
    }

    #[test]
    fn an_in_house_figure_that_does_not_read_holds_the_estimate() {
        let s = state(ENGLISH).reduce(toggle("accounting"));
        let before = (s.priced.clone(), s.link());
        let figures = |overhead: u64| InHouseFigures {
            overhead: Some(rust_decimal::Decimal::from(overhead)),
            ..InHouseFigures::default()
        };
        // "3,500" read while typing "3,500000": then the field no longer reads.
        let s = s.reduce(edit(Edit::InHouse {
            activity: "accounting".into(),
            figures: figures(3_500),
            invalid: true,
        }));
        assert!(s.stale);
        assert!(document(&s).stale);
        assert_eq!((s.priced.clone(), s.link()), before);
        // Corrected to 3,500,000: priced, and in the link.
        let s = s.reduce(edit(Edit::InHouse {
            activity: "accounting".into(),
            figures: figures(3_500_000),
            invalid: false,
        }));
        assert!(!s.stale);
        assert!(
            s.link().contains("&accounting-own=o3500000"),
            "{}",
            s.link()
        );
    }

    #[test]
    fn leaving_a_field_reads_its_own_text() {
        let s = state(ENGLISH).reduce(toggle("fulfilment"));
        // The field was set to 5000 without an input event: leaving it prices 5,000, never
        // the 3,000 the page last heard.
        let s = s.reduce(Action::Tidy {
            activity: "fulfilment".into(),
            unit: "orders".into(),
            text: "5000".into(),
        });
        assert_eq!(s.priced.activities[0].volumes.get("orders"), Some(&5_000));
        assert_eq!(s.inputs.activities[2].typed("orders"), "5,000");
        // A slip stays as typed, with its message naming it.
        let s = s.reduce(Action::Tidy {
            activity: "fulfilment".into(),
            unit: "orders".into(),
            text: "3,500000".into(),
        });
        assert_eq!(s.inputs.activities[2].typed("orders"), "3,500000");
        assert_eq!(
            s.inputs.activities[2].error("orders"),
            Some(QuantityError::Grouping {
                suggestion: 3_500_000
            })
        );
        assert!(s.stale);
        assert_eq!(s.priced.activities[0].volumes.get("orders"), Some(&5_000));
    }

    #[test]
    fn messages_say_what_is_an_example_and_what_is_stale() {
        let tariff = catalogue().expect("valid").latest();
        let message = |s: &State| {
            crate::i18n::ask_sales_message("Nusa", &document(s), tariff, "https://x/", ENGLISH)
        };
        let s = state(ENGLISH).reduce(toggle("sales"));
        assert!(
            message(&s).contains("(example volumes, not yet entered)"),
            "{}",
            message(&s)
        );
        let s = s.reduce(edit(Edit::ConfirmExamples));
        assert!(!message(&s).contains("example"), "{}", message(&s));
        let s = s.reduce(typed("sales", "appointments", "4o"));
        assert!(
            message(&s).contains("(the last valid figures; a field is being corrected)"),
            "{}",
            message(&s)
        );
    }
}
