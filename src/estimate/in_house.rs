//! The same work done by the client's own staff in Jakarta: rule 10 of `docs/pricing-rules.md`.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::{Chosen, Context, Line, LineKind};
use crate::money::{self, Overflow};

/// One activity done in-house.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InHouse {
    /// Employees needed: whole people, so the workload is rounded up.
    pub staff: u64,
    /// Wages, BPJS, THR, options, overhead and space.
    pub monthly_lines: Vec<Line>,
    /// Recruiting and training.
    pub one_time_lines: Vec<Line>,
    pub monthly: Decimal,
    pub one_time: Decimal,
}

impl Context<'_> {
    pub(super) fn in_house(&self, chosen: &Chosen<'_>) -> Result<InHouse, Overflow> {
        let role = &chosen.activity.in_house;
        let basis = &self.tariff.in_house;
        let conversion = &self.conversion;

        // A seat is one employee; other labour needs volume / productivity employees.
        let mut workload = Decimal::ZERO;
        for &(unit, quantity) in &chosen.volumes {
            let quantity = Decimal::from(quantity);
            if unit.seat {
                workload = money::add(workload, quantity)?;
            } else if let Some(per_fte) = chosen
                .in_house
                .per_fte
                .get(&*unit.id)
                .copied()
                .or(unit.per_fte)
            {
                workload = money::add(workload, money::div(quantity, Decimal::from(per_fte))?)?;
            }
        }
        let staff = workload.ceil().to_u64().ok_or(Overflow)?;

        let own = &chosen.in_house;
        let wage = own.wage.unwrap_or(role.wage);
        let overhead = own.overhead.unwrap_or(role.overhead);
        let hire = own.hire.unwrap_or(role.hire);
        let mut contributions = Decimal::ZERO;
        for contribution in basis.contributions.iter() {
            let base = contribution.wage_cap.map_or(wage, |cap| wage.min(cap));
            contributions = money::add(contributions, money::mul(base, contribution.rate)?)?;
        }
        let thr = money::div(money::mul(wage, basis.thr_months)?, Decimal::from(12))?;
        let per_person = |kind: LineKind, each: Decimal| self.line(kind, each, staff);

        let mut monthly_lines = Vec::new();
        let mut one_time_lines = Vec::new();
        if staff > 0 {
            monthly_lines.push(per_person(LineKind::Wages, wage)?);
            monthly_lines.push(per_person(LineKind::Contributions, contributions)?);
            monthly_lines.push(per_person(LineKind::Thr, thr)?);
            // The in-house team would need the same shifts, languages and checks: a share of the
            // pay lines as shown, so the document adds up like the outsourced one (rule 8).
            let pay = money::sum(monthly_lines.iter().map(|l| l.amount))?;
            for option in &chosen.options {
                monthly_lines.push(Line::flat(
                    LineKind::Option {
                        option: option.id.to_string(),
                        rate: option.percent,
                    },
                    conversion.currency.round(money::mul(pay, option.percent)?),
                ));
            }
            monthly_lines.push(per_person(LineKind::Overhead, overhead)?);
            one_time_lines.push(per_person(LineKind::Hiring, hire)?);
        }
        for &(unit, quantity) in &chosen.volumes {
            if let (Some(cost), true) = (unit.cost, quantity > 0) {
                let kind = LineKind::Space {
                    unit: unit.id.to_string(),
                };
                monthly_lines.push(self.line(kind, cost, quantity)?);
            }
        }

        Ok(InHouse {
            staff,
            monthly: money::total(conversion.currency, monthly_lines.iter().map(|l| l.amount))?,
            one_time: money::total(conversion.currency, one_time_lines.iter().map(|l| l.amount))?,
            monthly_lines,
            one_time_lines,
        })
    }
}
