//! The shape of a tariff file. Also compiled into the build script, which checks every published
//! tariff and writes it into the app as Rust source, so it depends on nothing but serde, decimals
//! and the standalone `money`, `calendar` and `i18n::lang` modules.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::calendar::Date;
use crate::lang::Lang;
use crate::money::Currency;

/// A text of the tariff. The bundled tariffs are compiled into the app as static data (see
/// `build.rs`), so their texts and lists are borrowed; a tariff read from a file owns them.
pub type Str = Cow<'static, str>;
/// A list of the tariff: borrowed in the bundled tariffs, owned in a tariff read from a file.
pub type List<T> = Cow<'static, [T]>;

/// A text a visitor may read, in each language of the page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub id: Str,
    pub en: Str,
}

impl Text {
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// One published version of the price list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tariff {
    /// `YYYY-MM`; links name it, so it never changes once published.
    pub version: Str,
    /// The day the prices took effect, written `YYYY-MM-DD`.
    pub effective: Date,
    /// The currency every price is written in (rupiah).
    pub currency: Currency,
    /// How many days a quote priced with this tariff stays valid.
    pub quote_validity_days: u32,
    pub usd: ExchangeRate,
    pub vat: Vat,
    pub languages: List<Language>,
    pub terms: List<Term>,
    pub sites: List<Site>,
    pub in_house: InHouseBasis,
    pub activities: List<Activity>,
}

/// Rupiah per US dollar, and where the figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    #[serde(deserialize_with = "exact")]
    pub rate: Decimal,
    pub date: Date,
    pub source: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vat {
    /// The effective rate charged on services, as a fraction (0.11).
    #[serde(deserialize_with = "exact")]
    pub rate: Decimal,
    pub note: Text,
}

/// A language the customers of an outsourced activity can be served in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub id: Str,
    pub name: Text,
}

/// A contract length and the discount it earns on recurring charges.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: Str,
    pub months: u32,
    /// A fraction of the recurring charges (0.05 for 5 %).
    #[serde(deserialize_with = "exact")]
    pub discount: Decimal,
    pub name: Text,
}

/// Where the provider delivers the work from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub id: Str,
    /// ISO 3166 country code; a site outside Indonesia is offshore.
    pub country: Str,
    /// Multiplies labour prices (per unit and per seat); Jakarta is 1.
    #[serde(deserialize_with = "exact")]
    pub factor: Decimal,
    /// Ids of the languages the site's staff serve customers in.
    pub languages: List<Str>,
    pub name: Text,
    pub note: Text,
}

impl Site {
    #[must_use]
    pub fn is_abroad(&self) -> bool {
        self.country != "ID"
    }
}

/// What an Indonesian employer pays on top of every wage, for the in-house comparison.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InHouseBasis {
    #[serde(deserialize_with = "exact")]
    pub minimum_wage: Decimal,
    pub minimum_wage_note: Text,
    /// Months of wage paid each year as THR (religious holiday allowance).
    #[serde(deserialize_with = "exact")]
    pub thr_months: Decimal,
    pub thr_note: Text,
    pub contributions: List<Contribution>,
}

/// An employer social-security contribution (BPJS), a fraction of the wage up to an optional cap.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    pub id: Str,
    #[serde(deserialize_with = "exact")]
    pub rate: Decimal,
    #[serde(default, deserialize_with = "exact_option")]
    pub wage_cap: Option<Decimal>,
    pub name: Text,
}

/// A business process the provider can take over.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: Str,
    /// Customers hear or read the provider's staff, so the site must serve their language.
    pub customer_facing: bool,
    /// The sites that deliver this activity; every site when absent.
    #[serde(default)]
    pub sites: Option<List<Str>>,
    /// Fixed monthly fee, not scaled by the site.
    #[serde(deserialize_with = "exact")]
    pub management_fee: Decimal,
    /// The least the activity bills in a month, before discount and VAT.
    #[serde(deserialize_with = "exact")]
    pub minimum: Decimal,
    /// One-time onboarding fee.
    #[serde(deserialize_with = "exact")]
    pub onboarding: Decimal,
    /// One-time recruiting and training for each dedicated seat, scaled by the site.
    #[serde(deserialize_with = "exact")]
    pub seat_setup: Decimal,
    pub name: Text,
    pub help: Text,
    pub fee_note: Text,
    pub setup_note: Text,
    pub in_house: ActivityInHouse,
    pub models: List<Model>,
    #[serde(default)]
    pub options: List<ActivityOption>,
}

impl Activity {
    #[must_use]
    pub fn model(&self, id: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.id == id)
    }

    #[must_use]
    pub fn option(&self, id: &str) -> Option<&ActivityOption> {
        self.options.iter().find(|o| o.id == id)
    }

    #[must_use]
    pub fn delivered_from(&self, site: &str) -> bool {
        self.sites
            .as_ref()
            .is_none_or(|sites| sites.iter().any(|s| s == site))
    }

    /// Every unit of every model, for look-ups by id.
    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.models.iter().flat_map(|m| m.units.iter())
    }

    /// The units a request on `model` may hold volumes for: the model's own, then, where the
    /// model is a team sized from calls (dedicated agents), the channels the team does not
    /// answer, priced beside it at their own tiers: every unit of the activity's other models
    /// that is neither a seat nor the calls themselves (a unit sized from calls). Rule 14 of
    /// `docs/pricing-rules.md`; unit ids are unique across an activity's models.
    pub fn priced_units<'a>(&'a self, model: &'a Model) -> Vec<&'a Unit> {
        let team = model
            .units
            .iter()
            .any(|u| u.sized_by == Some(SizedBy::Erlang));
        let mut units: Vec<&Unit> = model.units.iter().collect();
        for other in self.models.iter().filter(|m| team && m.id != model.id) {
            for unit in other.units.iter() {
                if !unit.seat && unit.sized_by.is_none() {
                    units.push(unit);
                }
            }
        }
        units
    }
}

/// The in-house figures for one activity: the role that would do the work.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityInHouse {
    /// Monthly base wage of the role.
    #[serde(deserialize_with = "exact")]
    pub wage: Decimal,
    /// Monthly cost of a seat beyond the wage: space, equipment, supervision.
    #[serde(deserialize_with = "exact")]
    pub overhead: Decimal,
    /// One-time recruiting and training per hire.
    #[serde(deserialize_with = "exact")]
    pub hire: Decimal,
    pub role: Text,
    pub wage_note: Text,
    pub overhead_note: Text,
    pub hire_note: Text,
}

/// A way of buying the activity: shared per unit, or dedicated staff.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub id: Str,
    /// The unit the effective cost per unit is quoted in.
    pub primary: Str,
    pub name: Text,
    pub help: Text,
    pub units: List<Unit>,
}

impl Model {
    #[must_use]
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }
}

/// Something the client buys by the number: minutes, invoices, orders, agents.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: Str,
    /// A dedicated person billed per month: needs one-time seat setup, and does not move with
    /// volume.
    #[serde(default)]
    pub seat: bool,
    /// Labour is scaled by the site and surcharged by options; space (storage) is not.
    #[serde(default = "yes")]
    pub labour: bool,
    /// The largest quantity a request may hold.
    pub max: u64,
    /// The starting quantity on the page.
    pub default: u64,
    /// Units one in-house employee handles a month (seats are one employee each).
    #[serde(default)]
    pub per_fte: Option<u64>,
    /// In-house monthly cost per unit where the unit is not staff time (storage space).
    #[serde(default, deserialize_with = "exact_option")]
    pub cost: Option<Decimal>,
    pub name: Text,
    /// The unit's singular noun, for "per minute".
    pub unit: Text,
    pub help: Text,
    pub note: Text,
    pub tiers: List<Tier>,
    /// How a buyer may describe the volume in their own terms instead (see `staffing`).
    #[serde(default)]
    pub sized_by: Option<SizedBy>,
}

/// Another way to arrive at a unit's volume, from what a buyer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SizedBy {
    /// Minutes from calls times their average handle time.
    Calls,
    /// Dedicated agents from calls, handle time, opening hours and a service level, by
    /// Erlang C.
    Erlang,
}

/// Money and rates are written as strings ("0.11"): a TOML float would pass through binary
/// floating point before it reached the decimal.
///
/// # Errors
/// When the value is not a decimal written as a string.
pub fn exact<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    struct Exact;
    impl Visitor<'_> for Exact {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a decimal written as a string, like \"0.11\"")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
            Decimal::from_str_exact(text).map_err(E::custom)
        }
    }
    deserializer.deserialize_str(Exact)
}

pub fn exact_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Decimal>, D::Error> {
    struct Exact(Decimal);
    impl<'de> Deserialize<'de> for Exact {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            exact(deserializer).map(Exact)
        }
    }
    Ok(Option::<Exact>::deserialize(deserializer)?.map(|Exact(amount)| amount))
}

fn yes() -> bool {
    true
}

/// A band of volume with its unit price; the last band has no upper bound.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    #[serde(default)]
    pub up_to: Option<u64>,
    #[serde(deserialize_with = "exact")]
    pub price: Decimal,
}

/// A priced extra on an activity: a percentage on its labour charges.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityOption {
    pub id: Str,
    /// Options in one group exclude each other (extended hours or 24/7).
    #[serde(default)]
    pub group: Option<Str>,
    /// A fraction of the labour charges (0.15 for 15 %).
    #[serde(deserialize_with = "exact")]
    pub percent: Decimal,
    pub name: Text,
    pub help: Text,
}

impl Tariff {
    #[must_use]
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    #[must_use]
    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    #[must_use]
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }

    #[must_use]
    pub fn language(&self, id: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.id == id)
    }
}
