//! What a prospect asks to have priced, and its checks against the tariff.

use litemap::LiteMap;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Chosen, Context, EstimateError};
use crate::money::{Conversion, Currency};
use crate::tariff::{Activity, Model, Tariff, Unit};

/// The fluctuation the range shows unless the request says otherwise, in percent.
pub const DEFAULT_FLUCTUATION: u32 = 30;
/// At 100 % the low end of the range is no volume at all; more means nothing.
pub const MAX_FLUCTUATION: u32 = 100;

/// Everything the engine needs to price an estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub site: String,
    pub term: String,
    pub currency: Currency,
    /// The language customers are served in, for customer-facing activities.
    pub service_language: String,
    /// How far volumes may move, in percent, for the range.
    pub fluctuation: u32,
    pub activities: Vec<ActivityRequest>,
    /// A discount a salesperson negotiated on the recurring charges, a fraction (0.05): only on
    /// a quotation whose signature stands (see `signature`).
    pub discount: Option<Decimal>,
    /// Whether the figures include VAT (the default) or leave it out, for a VAT-registered (PKP)
    /// client who reclaims it.
    pub vat: VatMode,
    /// The edition of the rules it is priced by: a link names it by its format.
    pub rules: Rules,
}

/// The edition of the pricing rules a request is priced by. A link names it by its format, so
/// that a link handed out before a rule changed re-opens to its own figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rules {
    /// As links of formats 1 and 2 were priced: a line's amount is its rupiah amount converted,
    /// then rounded, beside a unit price rounded on its own (rules 7 and 8); a model prices its
    /// own units only.
    Format2,
    /// From link format 3: every line's amount is its quantity times its unit price as shown
    /// (rule 13), and a team of dedicated agents has the channels it does not answer priced
    /// beside it (rule 14).
    #[default]
    Format3,
}

/// Whether an estimate's figures include VAT.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VatMode {
    #[default]
    Included,
    /// Without VAT: what a VAT-registered client bears, who reclaims the VAT it pays.
    Excluded,
}

impl VatMode {
    #[must_use]
    pub fn is_included(&self) -> bool {
        *self == Self::Included
    }
}

/// The client's own figures for doing an activity in-house, where they differ from the tariff's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InHouseFigures {
    /// Monthly base wage of the role, in whole rupiah as the visitor types it.
    #[serde(with = "whole")]
    pub wage: Option<Decimal>,
    /// Monthly cost of a seat beyond the wage.
    #[serde(with = "whole")]
    pub overhead: Option<Decimal>,
    /// One-time recruiting and training per hire.
    #[serde(with = "whole")]
    pub hire: Option<Decimal>,
    /// Units one employee handles a month, by unit id.
    #[serde(with = "pairs")]
    pub per_fte: LiteMap<String, u64>,
}

/// An in-house amount as a whole number of rupiah: what the page lets a visitor type and a link
/// carries, and in the page's modules' messages no decimal parser is needed to read it back.
mod whole {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        amount: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let whole = match amount {
            Some(amount) => Some(
                u64::try_from(*amount)
                    .ok()
                    .filter(|w| Decimal::from(*w) == *amount)
                    .ok_or_else(|| serde::ser::Error::custom("not a whole amount"))?,
            ),
            None => None,
        };
        whole.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        Ok(Option::<u64>::deserialize(deserializer)?.map(Decimal::from))
    }
}

/// Productivities as pairs in unit order: read back by insertion, which a sorted map keeps
/// sorted, rather than by a sort.
mod pairs {
    use litemap::LiteMap;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        map: &LiteMap<String, u64>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(map.iter())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<LiteMap<String, u64>, D::Error> {
        let mut map = LiteMap::new();
        for (unit, count) in Vec::<(String, u64)>::deserialize(deserializer)? {
            map.insert(unit, count);
        }
        Ok(map)
    }
}

impl InHouseFigures {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.wage.is_none()
            && self.overhead.is_none()
            && self.hire.is_none()
            && self.per_fte.is_empty()
    }
}

/// One activity the prospect wants outsourced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityRequest {
    pub activity: String,
    pub model: String,
    /// Monthly volume by unit id; a unit left out has no volume.
    pub volumes: Volumes,
    pub options: OptionSet,
    /// How the volume of the unit the tariff lets a buyer size was arrived at, where it was:
    /// shown, never priced (the volume is).
    pub sizing: Option<crate::staffing::Sizing>,
    /// Where this activity is delivered from, where not the request's site.
    pub site: Option<String>,
    /// The client's own in-house figures, where they differ from the tariff's.
    pub in_house: InHouseFigures,
    /// The units whose volume the page filled in as an example and the buyer has neither typed
    /// nor confirmed: priced like any other, and marked as examples wherever shown.
    #[serde(default)]
    pub examples: Vec<String>,
}

/// Volumes by unit id, in id order. A sorted vector rather than a B-tree: a handful of entries,
/// and each B-tree type would add kilobytes of code to the page.
pub type Volumes = LiteMap<String, u64>;

/// The options chosen for an activity, by id: each once, in id order, so that two requests
/// choosing the same options are equal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct OptionSet(Vec<String>);

impl OptionSet {
    #[must_use]
    pub fn contains(&self, id: &str) -> bool {
        self.0.iter().any(|o| o == id)
    }

    /// Adds an option; `false` when it was already chosen.
    pub fn insert(&mut self, id: String) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    /// Takes an option away; `false` when it was not chosen.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.0.iter().position(|o| o == id) {
            Some(at) => {
                self.0.remove(at);
                true
            }
            None => false,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.iter()
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Vec<String>> for OptionSet {
    fn from(mut ids: Vec<String>) -> Self {
        ids.sort_unstable();
        ids.dedup();
        Self(ids)
    }
}

impl From<OptionSet> for Vec<String> {
    fn from(set: OptionSet) -> Self {
        set.0
    }
}

impl<S: Into<String>> FromIterator<S> for OptionSet {
    fn from_iter<I: IntoIterator<Item = S>>(ids: I) -> Self {
        let mut set = Self::default();
        for id in ids {
            set.insert(id.into());
        }
        set
    }
}

impl Request {
    /// The request a visitor starts from: the tariff's first site and language, in rupiah, on a
    /// 12-month contract (what most BPO contracts run), with no activity yet.
    #[must_use]
    pub fn starter(tariff: &Tariff) -> Self {
        let first_id = |id: Option<&str>| id.unwrap_or_default().to_owned();
        let term = tariff
            .terms
            .iter()
            .find(|t| t.months == 12)
            .or(tariff.terms.first());
        Self {
            site: first_id(tariff.sites.first().map(|s| &*s.id)),
            term: first_id(term.map(|t| &*t.id)),
            currency: Currency::Idr,
            service_language: first_id(tariff.languages.first().map(|l| &*l.id)),
            fluctuation: DEFAULT_FLUCTUATION,
            activities: Vec::new(),
            discount: None,
            vat: VatMode::Included,
            rules: Rules::default(),
        }
    }

    /// Checks every id and bound against the tariff without pricing anything.
    ///
    /// # Errors
    /// The first problem [`estimate`](super::estimate) would report, overflow aside.
    pub fn validate(&self, tariff: &Tariff) -> Result<(), EstimateError> {
        check(tariff, self).map(|_| ())
    }
}

impl ActivityRequest {
    /// The activity with its first model and the tariff's starting volumes.
    #[must_use]
    pub fn starter(activity: &Activity) -> Self {
        let model = activity.models.first();
        // Filled by insertion: collect() and extend() sort, and a sort weighs on the page.
        let mut volumes = Volumes::new();
        for unit in model.into_iter().flat_map(|m| m.units.iter()) {
            volumes.insert(unit.id.to_string(), unit.default);
        }
        Self {
            activity: activity.id.to_string(),
            model: model.map(|m| m.id.to_string()).unwrap_or_default(),
            volumes,
            options: OptionSet::default(),
            sizing: None,
            site: None,
            in_house: InHouseFigures::default(),
            examples: Vec::new(),
        }
    }
}

/// The units a request on `model` holds volumes for under `rules`: the model's own, and from
/// format 3 the channels priced beside a team (see [`Activity::priced_units`]).
#[must_use]
pub fn units<'a>(activity: &'a Activity, model: &'a Model, rules: Rules) -> Vec<&'a Unit> {
    let mut units = activity.priced_units(model);
    if rules == Rules::Format2 {
        units.truncate(model.units.len());
    }
    units
}

/// The largest in-house amount a visitor may give, wage, overhead or hiring (Rp 1 billion): far
/// above any real one, and small enough that no total overflows.
pub const MAX_IN_HOUSE_AMOUNT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
/// The most units one employee may be said to handle a month.
pub const MAX_PER_FTE: u64 = 1_000_000;

/// Checks the client's own in-house figures for an activity bought on `model`: a wage at least
/// the minimum wage, amounts that are not negative nor absurd, productivities of the staff-time
/// units priced (see [`units`]) only and not zero.
pub fn check_in_house(
    tariff: &Tariff,
    activity: &Activity,
    model: &Model,
    rules: Rules,
    own: &InHouseFigures,
) -> Result<(), EstimateError> {
    let id = || activity.id.to_string();
    if let Some(wage) = own.wage
        && wage < tariff.in_house.minimum_wage
    {
        return Err(EstimateError::WageBelowMinimum {
            activity: id(),
            minimum: tariff.in_house.minimum_wage,
        });
    }
    let amount_out_of_range = |amount: Option<Decimal>| {
        amount.is_some_and(|a| a.is_sign_negative() || a > MAX_IN_HOUSE_AMOUNT)
    };
    let priced = units(activity, model, rules);
    if amount_out_of_range(own.wage)
        || amount_out_of_range(own.overhead)
        || amount_out_of_range(own.hire)
        || own.per_fte.values().any(|n| *n == 0 || *n > MAX_PER_FTE)
        || own
            .per_fte
            .keys()
            .any(|id| !priced.iter().any(|u| u.id == *id && u.per_fte.is_some()))
    {
        return Err(EstimateError::InHouseOutOfRange { activity: id() });
    }
    Ok(())
}

/// Resolves every id of the request in the tariff and checks every bound.
pub(super) fn check<'t>(
    tariff: &'t Tariff,
    request: &Request,
) -> Result<(Context<'t>, Vec<Chosen<'t>>), EstimateError> {
    let site = tariff
        .site(&request.site)
        .ok_or_else(|| EstimateError::UnknownSite {
            site: request.site.clone(),
        })?;
    let term = tariff
        .term(&request.term)
        .ok_or_else(|| EstimateError::UnknownTerm {
            term: request.term.clone(),
        })?;
    if tariff.language(&request.service_language).is_none() {
        return Err(EstimateError::UnknownLanguage {
            language: request.service_language.clone(),
        });
    }
    if let Some(discount) = request.discount
        && (discount.is_sign_negative() || discount >= Decimal::ONE)
    {
        return Err(EstimateError::DiscountOutOfRange { discount });
    }
    if request.fluctuation > super::MAX_FLUCTUATION {
        return Err(EstimateError::FluctuationTooLarge {
            percent: request.fluctuation,
            max: super::MAX_FLUCTUATION,
        });
    }

    let mut chosen: Vec<Chosen<'t>> = Vec::with_capacity(request.activities.len());
    for wanted in &request.activities {
        let id = &wanted.activity;
        let activity = tariff
            .activity(id)
            .ok_or_else(|| EstimateError::UnknownActivity {
                activity: id.clone(),
            })?;
        if chosen.iter().any(|c| c.activity.id == *id) {
            return Err(EstimateError::DuplicateActivity {
                activity: id.clone(),
            });
        }
        let model = activity
            .model(&wanted.model)
            .ok_or_else(|| EstimateError::UnknownModel {
                activity: id.clone(),
                model: wanted.model.clone(),
            })?;
        let priced = units(activity, model, request.rules);
        if let Some(unit) = wanted
            .volumes
            .keys()
            .find(|id| !priced.iter().any(|u| u.id == **id))
        {
            return Err(EstimateError::UnknownUnit {
                activity: id.clone(),
                unit: unit.clone(),
            });
        }
        let mut volumes = Vec::with_capacity(priced.len());
        for unit in priced {
            let quantity = wanted.volumes.get(&*unit.id).copied().unwrap_or(0);
            if quantity > unit.max {
                return Err(EstimateError::QuantityTooLarge {
                    activity: id.clone(),
                    unit: unit.id.to_string(),
                    max: unit.max,
                });
            }
            volumes.push((unit, quantity));
        }
        if let Some(option) = wanted.options.iter().find(|o| activity.option(o).is_none()) {
            return Err(EstimateError::UnknownOption {
                activity: id.clone(),
                option: option.clone(),
            });
        }
        // Tariff order, so the lines of an estimate never depend on the order of a request.
        let options: Vec<_> = activity
            .options
            .iter()
            .filter(|o| wanted.options.contains(&o.id))
            .collect();
        for (i, first) in options.iter().enumerate() {
            let clash = options[i + 1..]
                .iter()
                .find(|second| first.group.is_some() && second.group == first.group);
            if let Some(second) = clash {
                return Err(EstimateError::OptionConflict {
                    activity: id.clone(),
                    first: first.id.to_string(),
                    second: second.id.to_string(),
                });
            }
        }
        let site = match &wanted.site {
            Some(own) => tariff
                .site(own)
                .ok_or_else(|| EstimateError::UnknownSite { site: own.clone() })?,
            None => site,
        };
        if !activity.delivered_from(&site.id) {
            return Err(EstimateError::SiteUnavailable {
                activity: id.clone(),
                site: site.id.to_string(),
            });
        }
        if activity.customer_facing
            && !site
                .languages
                .iter()
                .any(|l| *l == request.service_language)
        {
            return Err(EstimateError::LanguageNotServed {
                activity: id.clone(),
                site: site.id.to_string(),
                language: request.service_language.clone(),
            });
        }
        check_in_house(tariff, activity, model, request.rules, &wanted.in_house)?;
        chosen.push(Chosen {
            activity,
            model,
            site,
            options,
            volumes,
            in_house: wanted.in_house.clone(),
        });
    }

    let conversion = Conversion {
        currency: request.currency,
        rate: match request.currency {
            Currency::Idr => Decimal::ONE,
            Currency::Usd => tariff.usd.rate,
        },
    };
    Ok((
        Context {
            tariff,
            site,
            term,
            conversion,
            discount: request.discount,
            vat: request.vat,
            rules: request.rules,
        },
        chosen,
    ))
}
