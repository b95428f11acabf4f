//! The provider's bill for one activity: rules 1 to 8 of `docs/pricing-rules.md`.

use rust_decimal::Decimal;

use super::{ActivityEstimate, Chosen, Context, InHouse, Line, LineKind, UnitCost};
use crate::estimate::VatMode;
use crate::money::{self, Overflow};
use crate::tariff::{Site, Unit};

/// One activity's lines and sums, before the comparisons are added.
pub(super) struct Priced {
    monthly_lines: Vec<Line>,
    one_time_lines: Vec<Line>,
    monthly_subtotal: Decimal,
    pub(super) monthly: Decimal,
    one_time_subtotal: Decimal,
    one_time: Decimal,
}

impl Context<'_> {
    /// A unit's price at the activity's site: labour is scaled by the site's factor (rule 2).
    fn unit_price(site: &Site, unit: &Unit, price: Decimal) -> Result<Decimal, Overflow> {
        if unit.labour {
            money::mul(price, site.factor)
        } else {
            Ok(price)
        }
    }

    /// Prices the activity with each volume passed through `volume` (the range and the fixed
    /// part re-price with other volumes). `volume` is a trait object so that the pricing, the
    /// largest function of the engine, is compiled once and not once per caller's closure.
    pub(super) fn price(
        &self,
        chosen: &Chosen<'_>,
        volume: &dyn Fn(&Unit, u64) -> Result<u64, Overflow>,
    ) -> Result<Priced, Overflow> {
        let conversion = &self.conversion;
        let currency = conversion.currency;
        let activity = chosen.activity;
        let mut monthly_lines = vec![Line::flat(
            LineKind::ManagementFee,
            conversion.amount(activity.management_fee)?,
        )];
        let mut labour = Decimal::ZERO;
        let mut seats = Vec::new();

        // Rule 1: each unit pays the price of the band it falls in.
        for &(unit, requested) in &chosen.volumes {
            let quantity = volume(unit, requested)?;
            if unit.seat && quantity > 0 {
                seats.push((unit, quantity));
            }
            let mut floor = 0;
            for (tier, band) in unit.tiers.iter().enumerate() {
                if quantity <= floor {
                    break;
                }
                let top = band.up_to.map_or(quantity, |up_to| up_to.min(quantity));
                let count = top - floor;
                let price = Self::unit_price(chosen.site, unit, band.price)?;
                let kind = LineKind::Tier {
                    unit: unit.id.to_string(),
                    tier,
                    from: floor + 1,
                    to: band.up_to,
                };
                let line = self.line(kind, price, count)?;
                if unit.labour {
                    labour = money::add(labour, line.amount)?;
                }
                monthly_lines.push(line);
                floor = top;
            }
        }

        // Rule 3: options are surcharges on the labour lines as shown.
        for option in &chosen.options {
            let amount = currency.round(money::mul(labour, option.percent)?);
            monthly_lines.push(Line::flat(
                LineKind::Option {
                    option: option.id.to_string(),
                    rate: option.percent,
                },
                amount,
            ));
        }

        // Rule 4: a month never bills less than the activity's minimum.
        let charges = money::sum(monthly_lines.iter().map(|l| l.amount))?;
        let minimum = conversion.amount(activity.minimum)?;
        if charges < minimum {
            monthly_lines.push(Line::flat(LineKind::Minimum, money::sub(minimum, charges)?));
        }
        let monthly_subtotal = charges.max(minimum);

        // Rule 5: the term discount, on the recurring subtotal as shown.
        let discount_rate = self.term.discount;
        let mut taxable = monthly_subtotal;
        if !discount_rate.is_zero() {
            let discount = -currency.round(money::mul(monthly_subtotal, discount_rate)?);
            monthly_lines.push(Line::flat(
                LineKind::Discount {
                    rate: discount_rate,
                },
                discount,
            ));
            taxable = money::add(taxable, discount)?;
        }

        // Rule 5: a negotiated discount, on what is left after the term discount, as shown.
        if let Some(rate) = self.discount.filter(|r| !r.is_zero()) {
            let discount = -currency.round(money::mul(taxable, rate)?);
            monthly_lines.push(Line::flat(LineKind::NegotiatedDiscount { rate }, discount));
            taxable = money::add(taxable, discount)?;
        }

        // Rule 6: VAT on the discounted recurring charges, unless the figures leave it out...
        let vat_rate = self.tariff.vat.rate;
        let with_vat = self.vat == VatMode::Included;
        let mut monthly = taxable;
        if with_vat {
            let vat = Line::flat(
                LineKind::Vat { rate: vat_rate },
                currency.round(money::mul(taxable, vat_rate)?),
            );
            monthly = money::add(taxable, vat.amount)?;
            monthly_lines.push(vat);
        }

        let mut one_time_lines = Vec::new();
        if !activity.onboarding.is_zero() {
            one_time_lines.push(Line::flat(
                LineKind::Onboarding,
                conversion.amount(activity.onboarding)?,
            ));
        }
        if !activity.seat_setup.is_zero() {
            for (unit, quantity) in seats {
                let price = Self::unit_price(chosen.site, unit, activity.seat_setup)?;
                let kind = LineKind::SeatSetup {
                    unit: unit.id.to_string(),
                };
                one_time_lines.push(self.line(kind, price, quantity)?);
            }
        }
        // ...and on the one-time charges.
        let one_time_subtotal = money::total(currency, one_time_lines.iter().map(|l| l.amount))?;
        let mut one_time_vat = currency.zero();
        if with_vat && !one_time_lines.is_empty() {
            one_time_vat = currency.round(money::mul(one_time_subtotal, vat_rate)?);
            one_time_lines.push(Line::flat(LineKind::Vat { rate: vat_rate }, one_time_vat));
        }

        Ok(Priced {
            monthly_lines,
            one_time_lines,
            monthly_subtotal,
            monthly,
            one_time_subtotal,
            one_time: money::add(one_time_subtotal, one_time_vat)?,
        })
    }
}

impl Priced {
    /// Adds the fixed part, the cost per unit (rule 9) and the in-house comparison.
    pub(super) fn finish(
        self,
        chosen: &Chosen<'_>,
        monthly_fixed: Decimal,
        in_house: InHouse,
        price_places: u32,
    ) -> Result<ActivityEstimate, Overflow> {
        let primary = &chosen.model.primary;
        // Only where the main unit is the whole activity: an accounting month divided by its
        // invoices alone would charge payroll and closings to them.
        let alone = chosen
            .volumes
            .iter()
            .all(|(unit, quantity)| unit.id == *primary || *quantity == 0);
        let per_unit = chosen
            .volumes
            .iter()
            .filter(|_| alone)
            .find(|(unit, quantity)| unit.id == *primary && *quantity > 0)
            .map(|&(unit, quantity)| -> Result<UnitCost, Overflow> {
                let each = money::div(self.monthly, Decimal::from(quantity))?;
                Ok(UnitCost {
                    unit: unit.id.to_string(),
                    quantity,
                    amount: money::round(each, price_places).normalize(),
                })
            })
            .transpose()?;
        Ok(ActivityEstimate {
            activity: chosen.activity.id.to_string(),
            model: chosen.model.id.to_string(),
            site: chosen.site.id.to_string(),
            monthly_variable: money::sub(self.monthly, monthly_fixed)?,
            monthly_fixed,
            monthly_lines: self.monthly_lines,
            one_time_lines: self.one_time_lines,
            monthly_subtotal: self.monthly_subtotal,
            monthly: self.monthly,
            one_time_subtotal: self.one_time_subtotal,
            one_time: self.one_time,
            per_unit,
            in_house,
        })
    }
}
