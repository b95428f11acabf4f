//! What the visitor has entered, exactly as typed, and the last request the tariff accepted. No
//! web API in here: the reducer is tested natively.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use yew::Reducible;

use crate::estimate::{ActivityRequest, EstimateError, Request};
use crate::i18n::{Lang, format_count};
use crate::money::Currency;
use crate::quantity::{self, QuantityError};
use crate::tariff::{Activity, Tariff, Unit};

/// One activity's inputs, kept whether or not the activity is chosen, for every unit of every
/// model: switching away and back loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityDraft {
    pub activity: String,
    pub chosen: bool,
    pub model: String,
    /// Text as typed, by unit id.
    pub inputs: BTreeMap<String, String>,
    pub options: BTreeSet<String>,
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
}

impl ActivityDraft {
    fn starter(activity: &Activity, lang: Lang) -> Self {
        let request = ActivityRequest::starter(activity);
        Self {
            activity: activity.id.clone(),
            chosen: false,
            model: request.model,
            inputs: activity
                .units()
                .map(|u| (u.id.clone(), format_count(u.default, lang)))
                .collect(),
            options: BTreeSet::new(),
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
        }
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
            let mut volumes = BTreeMap::new();
            for unit in &model.units {
                volumes.insert(unit.id.clone(), self.quantity(draft, unit).ok()?);
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
            Action::SetLang(lang) => {
                // A number typed as 12.000 on the Indonesian page reads 12,000 on the English one.
                let from = self.lang;
                for draft in &mut self.activities {
                    for text in draft.inputs.values_mut() {
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
    pub tariff: &'static Tariff,
    pub draft: Draft,
    /// The last request the tariff accepted. While an input is wrong its estimate stays on
    /// screen; the estimate itself is derived from it, never stored.
    pub priced: Request,
}

impl State {
    #[must_use]
    pub fn new(tariff: &'static Tariff, lang: Lang) -> Self {
        let draft = Draft::new(tariff, lang);
        let priced = draft
            .request(tariff)
            .unwrap_or_else(|| Request::starter(tariff));
        Self {
            tariff,
            draft,
            priced,
        }
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

    fn state(lang: Lang) -> Rc<State> {
        Rc::new(State::new(catalogue().expect("valid").latest(), lang))
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
}
