//! What the visitor has entered, exactly as typed, activity by activity: read into the request it
//! makes, with what is wrong at each field.

use litemap::LiteMap;

use crate::estimate::{
    ActivityRequest, InHouseFigures, OptionSet, Request, Rules, VatMode, Volumes, units,
};
use crate::i18n::{Lang, format_count};
use crate::money::Currency;
use crate::quantity::{self, QuantityError};
use crate::tariff::{Activity, Tariff};
use crate::ui::edit::Edit;
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

    pub(super) fn activity_mut(&mut self, id: &str) -> Option<&mut ActivityInputs> {
        self.activities.iter_mut().find(|a| a.activity == id)
    }

    /// The request the inputs make, or `None` while a volume of a chosen activity is wrong.
    /// Records what is wrong with each volume.
    pub(super) fn read(&mut self, tariff: &Tariff) -> Option<Request> {
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

    pub(super) fn apply(&mut self, edit: Edit, tariff: &Tariff) {
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
    pub(super) fn relang(&mut self, to: Lang) {
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
