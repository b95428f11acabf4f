//! How an activity's monthly bill moves with its volume, beside the in-house cost: the data of
//! the cost-versus-volume chart. Volumes move together, keeping the request's mix; dedicated seats
//! other than the main unit stay.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Chosen, EstimateError, Request};
use crate::money::Overflow;

/// One volume on the curve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// Of the activity's main unit.
    pub volume: u64,
    /// Monthly, VAT included, in the display currency.
    pub outsourced: Decimal,
    pub in_house: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Curve {
    pub activity: String,
    /// The main unit, whose volume is the curve's axis.
    pub unit: String,
    /// The requested volume of the main unit.
    pub current: u64,
    /// Rising volumes from 0 to twice the current one, tier bounds included.
    pub points: Vec<Point>,
    /// Volumes where a new price band starts.
    pub breakpoints: Vec<u64>,
    /// The least volume from which outsourcing costs no more than in-house all the way to the
    /// end of the axis, if there is one.
    pub break_even: Option<u64>,
    /// The volumes of the fluctuation range.
    pub band: (u64, u64),
}

/// Evenly spaced volumes on the axis; tier bounds are added to them.
const STEPS: u64 = 24;

/// The curve of one chosen activity of the request.
///
/// # Errors
/// As [`super::estimate`]; `UnknownActivity` when the request does not hold the activity.
pub fn curve(
    tariff: &crate::tariff::Tariff,
    request: &Request,
    activity: &str,
) -> Result<Curve, EstimateError> {
    let (context, chosen) = super::request::check(tariff, request)?;
    let chosen = chosen
        .into_iter()
        .find(|c| c.activity.id == activity)
        .ok_or_else(|| EstimateError::UnknownActivity {
            activity: activity.to_owned(),
        })?;
    let primary = &chosen.model.primary;
    let (unit, current) = chosen
        .volumes
        .iter()
        .find(|(u, _)| u.id == *primary)
        .map(|&(u, q)| (u, q))
        // The tariff's checks make the main unit one of the model's: this is a broken tariff.
        .ok_or_else(|| EstimateError::UnknownUnit {
            activity: activity.to_owned(),
            unit: primary.to_string(),
        })?;
    // With no volume yet, the axis still shows what volume would cost.
    let reference = if current == 0 {
        unit.default.max(1)
    } else {
        current
    };
    let end = reference.saturating_mul(2);

    let mut volumes: Vec<u64> = (0..=STEPS)
        .map(|i| u64::try_from(u128::from(end) * u128::from(i) / u128::from(STEPS)).unwrap_or(end))
        .collect();
    // A short axis rounds several steps to the same volume.
    volumes.dedup();
    // Kept in order by inserting in place: some thirty volumes, and no sort code in the page.
    let mut add = |volume: u64| {
        if let Err(at) = volumes.binary_search(&volume) {
            volumes.insert(at, volume);
        }
    };
    let mut breakpoints = Vec::new();
    for up_to in unit
        .tiers
        .iter()
        .filter_map(|t| t.up_to)
        .filter(|&u| u < end)
    {
        breakpoints.push(up_to + 1);
        add(up_to);
        add(up_to + 1);
    }
    add(current);

    let mut points = Vec::with_capacity(volumes.len());
    for volume in volumes {
        let scaled = scaled(&chosen, primary, reference, volume)?;
        let outsourced = context.price(&scaled, &|_, q| Ok(q))?.monthly;
        let in_house = context.in_house(&scaled)?.monthly;
        points.push(Point {
            volume,
            outsourced,
            in_house,
        });
    }
    // From the break-even volume on, outsourcing stays the cheaper way to the end of the axis:
    // the in-house cost comes in steps of whole people, so the lines may cross several times.
    let break_even = points
        .iter()
        .rposition(|p| p.outsourced > p.in_house)
        .map_or(Some(0), |i| points.get(i + 1).map(|p| p.volume))
        .filter(|&v| v > 0);
    let band = (
        super::moved(unit, current, request.fluctuation, false)?,
        super::moved(unit, current, request.fluctuation, true)?,
    );
    Ok(Curve {
        activity: activity.to_owned(),
        unit: unit.id.to_string(),
        current,
        points,
        breakpoints,
        break_even,
        band,
    })
}

/// The chosen activity with its main unit at `volume` and its other volumes in proportion.
fn scaled<'t>(
    chosen: &Chosen<'t>,
    primary: &str,
    reference: u64,
    volume: u64,
) -> Result<Chosen<'t>, Overflow> {
    let mut volumes = Vec::with_capacity(chosen.volumes.len());
    for &(unit, quantity) in &chosen.volumes {
        let quantity = if unit.id == primary {
            volume
        } else if unit.seat {
            quantity
        } else {
            let product = u128::from(quantity) * u128::from(volume);
            u64::try_from(product / u128::from(reference)).map_err(|_| Overflow)?
        };
        volumes.push((unit, quantity));
    }
    Ok(Chosen {
        activity: chosen.activity,
        model: chosen.model,
        site: chosen.site,
        options: chosen.options.clone(),
        volumes,
        in_house: chosen.in_house.clone(),
    })
}
