//! The rules: a request (what the prospect wants outsourced) and a tariff give an estimate whose
//! every line can be defended. The rules are numbered in `docs/pricing-rules.md`.

pub mod compare;
mod curve;
mod error;
mod in_house;
mod outsourced;
mod request;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::{self, Conversion, Currency, Overflow};
use crate::tariff::{Activity, ActivityOption, Model, Site, Tariff, Term, Unit};
use request::InHouseFigures as Own;

pub use curve::{Curve, Point, curve};
pub use error::EstimateError;
pub use in_house::InHouse;
pub use request::{
    ActivityRequest, DEFAULT_FLUCTUATION, InHouseFigures, MAX_FLUCTUATION, MAX_IN_HOUSE_AMOUNT,
    MAX_PER_FTE, OptionSet, Request, Rules, VatMode, Volumes, check_in_house, units,
};

/// What a line of the estimate charges for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineKind {
    /// The activity's fixed monthly management fee.
    ManagementFee,
    /// The units of a volume that fall in one price band, `from` to `to` inclusive.
    Tier {
        unit: String,
        /// Index of the band in the tariff, from 0.
        tier: usize,
        from: u64,
        to: Option<u64>,
    },
    /// A surcharge, a fraction `rate` of the labour charges.
    Option { option: String, rate: Decimal },
    /// Tops the month up to the activity's minimum charge.
    Minimum,
    /// The contract-term discount, a fraction `rate` of the recurring subtotal (negative).
    Discount { rate: Decimal },
    /// A discount the salesperson negotiated, a fraction `rate` of the recurring charges after
    /// the term discount (negative).
    NegotiatedDiscount { rate: Decimal },
    /// VAT, a fraction `rate` of the lines above it.
    Vat { rate: Decimal },
    /// One-time onboarding fee.
    Onboarding,
    /// One-time recruiting and training of dedicated seats.
    SeatSetup { unit: String },
    /// In-house: base wages of the staff needed.
    Wages,
    /// In-house: employer BPJS contributions.
    Contributions,
    /// In-house: THR set aside each month.
    Thr,
    /// In-house: space, equipment and supervision per employee.
    Overhead,
    /// In-house: space for a unit that is not staff time (storage).
    Space { unit: String },
    /// In-house: one-time recruiting and training of each hire.
    Hiring,
}

/// One line of the estimate, in the display currency, rounded as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub kind: LineKind,
    /// How many units (or people) the line charges, where it charges by the unit.
    pub quantity: Option<u64>,
    /// The price of one unit, shown with two more decimals than an amount.
    pub unit_price: Option<Decimal>,
    pub amount: Decimal,
}

impl Line {
    fn flat(kind: LineKind, amount: Decimal) -> Self {
        Self {
            kind,
            quantity: None,
            unit_price: None,
            amount,
        }
    }
}

/// The all-in monthly cost of an activity divided by the volume of its main unit, where that unit
/// is the only one with a volume.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitCost {
    pub unit: String,
    pub quantity: u64,
    pub amount: Decimal,
}

/// One outsourced activity, priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEstimate {
    pub activity: String,
    pub model: String,
    /// Where it is delivered from.
    pub site: String,
    /// Fee, tiers, options, minimum top-up, discount and VAT, in that order.
    pub monthly_lines: Vec<Line>,
    /// Onboarding, seat setup and VAT.
    pub one_time_lines: Vec<Line>,
    /// The monthly lines before discount and VAT.
    pub monthly_subtotal: Decimal,
    pub monthly: Decimal,
    /// The one-time lines before VAT.
    pub one_time_subtotal: Decimal,
    pub one_time: Decimal,
    /// What the month costs with no volume at all (fee, seats, minimum), VAT included.
    pub monthly_fixed: Decimal,
    /// What the volumes add on top of the fixed part.
    pub monthly_variable: Decimal,
    /// `None` while the main unit has no volume.
    pub per_unit: Option<UnitCost>,
    pub in_house: InHouse,
}

/// The sums of the activities, each a sum of shown lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub one_time: Decimal,
    pub monthly: Decimal,
    /// One-time plus twelve months.
    pub first_year: Decimal,
    /// One-time plus the term's months.
    pub contract: Decimal,
    pub monthly_fixed: Decimal,
    pub monthly_variable: Decimal,
}

/// The same work done in-house, summed over the activities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InHouseTotals {
    pub staff: u64,
    pub one_time: Decimal,
    pub monthly: Decimal,
}

/// In-house minus outsourced: negative when outsourcing costs more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saving {
    pub monthly: Decimal,
    /// Of the in-house monthly cost, one decimal; `None` when there is nothing in-house to
    /// compare with.
    pub percent: Option<Decimal>,
    /// Over the first year, one-time costs included (in-house hiring and training against
    /// onboarding and seat set-up).
    pub first_year: Decimal,
    /// Over the contract's months, one-time costs included.
    pub contract: Decimal,
}

/// The monthly total when every volume moves down or up by `percent`; seats stay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub percent: u32,
    pub low: Decimal,
    pub high: Decimal,
}

/// A priced request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    /// The version of the tariff the figures come from.
    pub tariff: String,
    pub currency: Currency,
    /// Rupiah per unit of the display currency.
    pub rate: Decimal,
    pub site: String,
    pub term: String,
    pub months: u32,
    /// The VAT rate the figures include; `None` where they leave VAT out.
    pub vat: Option<Decimal>,
    pub activities: Vec<ActivityEstimate>,
    pub totals: Totals,
    pub in_house: InHouseTotals,
    pub saving: Saving,
    pub range: Range,
}

/// An activity request checked against the tariff.
struct Chosen<'t> {
    activity: &'t Activity,
    model: &'t Model,
    /// Where it is delivered from: its own site, or the request's.
    site: &'t Site,
    options: Vec<&'t ActivityOption>,
    /// The model's units in tariff order, with their volumes.
    volumes: Vec<(&'t Unit, u64)>,
    /// The client's own in-house figures.
    in_house: Own,
}

/// The parts of the tariff and request every activity is priced with.
struct Context<'t> {
    tariff: &'t Tariff,
    site: &'t Site,
    term: &'t Term,
    conversion: Conversion,
    /// The negotiated discount, where a quotation carries one.
    discount: Option<Decimal>,
    vat: VatMode,
    rules: Rules,
}

impl Context<'_> {
    /// A line of `count` units at `rupiah` each, in the display currency: from format 3 its
    /// amount is the unit price as shown times the count (rule 13); before, the rupiah amount
    /// converted and rounded on its own (rules 7 and 8).
    fn line(&self, kind: LineKind, rupiah: Decimal, count: u64) -> Result<Line, Overflow> {
        let multiplied = self.rules == Rules::Format3;
        let (unit_price, amount) = self.conversion.line(rupiah, count, multiplied)?;
        Ok(Line {
            kind,
            quantity: Some(count),
            unit_price: Some(unit_price),
            amount,
        })
    }
}

/// Prices a request with a tariff.
///
/// # Errors
/// [`EstimateError`] when the request names what the tariff does not offer, holds a volume over
/// its bound, or its figures overflow.
pub fn estimate(tariff: &Tariff, request: &Request) -> Result<Estimate, EstimateError> {
    let (context, chosen) = request::check(tariff, request)?;
    let mut activities = Vec::with_capacity(chosen.len());
    let currency = request.currency;
    let (mut low, mut high) = (currency.zero(), currency.zero());
    for activity in &chosen {
        let priced = context.price(activity, &|_, q| Ok(q))?;
        let fixed = context.price(activity, &|unit, q| Ok(if unit.seat { q } else { 0 }))?;
        let percent = request.fluctuation;
        let down = context.price(activity, &|unit, q| moved(unit, q, percent, false))?;
        let up = context.price(activity, &|unit, q| moved(unit, q, percent, true))?;
        low = money::add(low, down.monthly)?;
        high = money::add(high, up.monthly)?;
        let in_house = context.in_house(activity)?;
        let places = context.conversion.currency.price_places();
        activities.push(priced.finish(activity, fixed.monthly, in_house, places)?);
    }

    let sum = |field: fn(&ActivityEstimate) -> Decimal| {
        money::total(currency, activities.iter().map(field))
    };
    let one_time = sum(|a| a.one_time)?;
    let monthly = sum(|a| a.monthly)?;
    let months = context.term.months;
    let totals = Totals {
        one_time,
        monthly,
        // Sums of shown amounts: rounding only writes them with the currency's decimals, which
        // multiplying by a count may drop from a zero.
        first_year: currency.round(money::add(
            one_time,
            money::mul(monthly, Decimal::from(12))?,
        )?),
        contract: currency.round(money::add(
            one_time,
            money::mul(monthly, Decimal::from(months))?,
        )?),
        monthly_fixed: sum(|a| a.monthly_fixed)?,
        monthly_variable: sum(|a| a.monthly_variable)?,
    };
    let in_house = InHouseTotals {
        staff: activities
            .iter()
            .try_fold(0u64, |n, a| n.checked_add(a.in_house.staff))
            .ok_or(Overflow)?,
        one_time: sum(|a| a.in_house.one_time)?,
        monthly: sum(|a| a.in_house.monthly)?,
    };
    let in_house_first_year = money::add(
        in_house.one_time,
        money::mul(in_house.monthly, Decimal::from(12))?,
    )?;
    let in_house_contract = money::add(
        in_house.one_time,
        money::mul(in_house.monthly, Decimal::from(months))?,
    )?;
    let saving = Saving {
        first_year: currency.round(money::sub(in_house_first_year, totals.first_year)?),
        contract: currency.round(money::sub(in_house_contract, totals.contract)?),
        ..saving(in_house.monthly, monthly)?
    };
    Ok(Estimate {
        tariff: tariff.version.to_string(),
        currency: request.currency,
        rate: context.conversion.rate,
        site: context.site.id.to_string(),
        term: context.term.id.to_string(),
        months,
        vat: request.vat.is_included().then_some(tariff.vat.rate),
        activities,
        totals,
        in_house,
        saving,
        range: Range {
            percent: request.fluctuation,
            low,
            high,
        },
    })
}

/// A volume moved by `percent`, rounded half away from zero to a whole unit. Seats are people on
/// a contract, not traffic: they do not move.
fn moved(unit: &Unit, quantity: u64, percent: u32, up: bool) -> Result<u64, Overflow> {
    if unit.seat {
        return Ok(quantity);
    }
    let factor = if up {
        100 + u64::from(percent)
    } else {
        100u64.saturating_sub(u64::from(percent))
    };
    let scaled = u128::from(quantity) * u128::from(factor);
    u64::try_from((scaled + 50) / 100).map_err(|_| Overflow)
}

fn saving(in_house: Decimal, outsourced: Decimal) -> Result<Saving, Overflow> {
    let monthly = money::sub(in_house, outsourced)?;
    let percent = if in_house.is_zero() {
        None
    } else {
        let fraction = money::div(monthly, in_house)?;
        Some(money::round(money::mul(fraction, Decimal::ONE_HUNDRED)?, 1))
    };
    Ok(Saving {
        monthly,
        percent,
        first_year: Decimal::ZERO,
        contract: Decimal::ZERO,
    })
}
