//! Checks a tariff before anything is priced with it: a bad price list is a failing test, never a
//! wrong quote.

use std::collections::HashSet;
use std::fmt;

use rust_decimal::Decimal;

use super::{Activity, SizedBy, Tariff, Text, Unit};
use crate::calendar::Date;
use crate::money::Currency;

/// Why a tariff file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TariffError {
    /// The file is not valid TOML, or does not have the shape of a tariff.
    Syntax { message: String },
    /// A figure or reference in the file cannot be right.
    Invalid {
        field: String,
        problem: &'static str,
    },
    /// The bundle holds no tariff, or two with one version.
    Bundle { problem: &'static str },
}

impl fmt::Display for TariffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax { message } => write!(f, "tariff syntax: {message}"),
            Self::Invalid { field, problem } => write!(f, "tariff field {field}: {problem}"),
            Self::Bundle { problem } => write!(f, "tariff bundle: {problem}"),
        }
    }
}

impl std::error::Error for TariffError {}

fn invalid(field: impl Into<String>, problem: &'static str) -> TariffError {
    TariffError::Invalid {
        field: field.into(),
        problem,
    }
}

fn check(
    ok: bool,
    field: impl FnOnce() -> String,
    problem: &'static str,
) -> Result<(), TariffError> {
    if ok {
        Ok(())
    } else {
        Err(invalid(field(), problem))
    }
}

fn text(t: &Text, field: &str) -> Result<(), TariffError> {
    check(
        !t.id.trim().is_empty() && !t.en.trim().is_empty(),
        || field.to_owned(),
        "needs an Indonesian and an English text",
    )
}

fn not_negative(amount: Decimal, field: impl FnOnce() -> String) -> Result<(), TariffError> {
    check(!amount.is_sign_negative(), field, "must not be negative")
}

fn fraction(rate: Decimal, field: impl FnOnce() -> String) -> Result<(), TariffError> {
    check(
        !rate.is_sign_negative() && rate < Decimal::ONE,
        field,
        "must be a fraction from 0 up to 1",
    )
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, field: &str) -> Result<(), TariffError> {
    let mut seen = HashSet::new();
    for id in ids {
        check(!id.is_empty(), || field.to_owned(), "an id is empty")?;
        check(
            seen.insert(id),
            || format!("{field}[{id}]"),
            "id is used twice",
        )?;
    }
    check(!seen.is_empty(), || field.to_owned(), "must not be empty")
}

impl Tariff {
    /// Checks every figure and reference in the tariff.
    ///
    /// # Errors
    /// The first field that cannot be right.
    pub fn validate(&self) -> Result<(), TariffError> {
        let version_ok =
            self.version.len() == 7 && Date::parse(&format!("{}-01", self.version)).is_some();
        check(version_ok, || "version".into(), "must be YYYY-MM")?;
        check(
            self.effective.to_string().starts_with(&*self.version),
            || "effective".into(),
            "must fall in the version's month",
        )?;
        check(
            self.currency == Currency::Idr,
            || "currency".into(),
            "prices are written in IDR",
        )?;
        check(
            self.quote_validity_days > 0,
            || "quote_validity_days".into(),
            "must be at least one day",
        )?;
        check(
            self.usd.rate > Decimal::ZERO,
            || "usd.rate".into(),
            "must be positive",
        )?;
        text(&self.usd.source, "usd.source")?;
        fraction(self.vat.rate, || "vat.rate".into())?;
        text(&self.vat.note, "vat.note")?;

        unique(self.languages.iter().map(|l| l.id.as_ref()), "languages")?;
        for language in self.languages.iter() {
            text(&language.name, &format!("languages[{}].name", language.id))?;
        }

        unique(self.terms.iter().map(|t| t.id.as_ref()), "terms")?;
        for term in self.terms.iter() {
            let at = format!("terms[{}]", term.id);
            check(
                term.months > 0,
                || format!("{at}.months"),
                "must be at least one",
            )?;
            fraction(term.discount, || format!("{at}.discount"))?;
            text(&term.name, &format!("{at}.name"))?;
        }

        unique(self.sites.iter().map(|s| s.id.as_ref()), "sites")?;
        for site in self.sites.iter() {
            let at = format!("sites[{}]", site.id);
            check(
                site.country.len() == 2 && site.country.bytes().all(|b| b.is_ascii_uppercase()),
                || format!("{at}.country"),
                "must be a two-letter country code",
            )?;
            check(
                site.factor > Decimal::ZERO,
                || format!("{at}.factor"),
                "must be positive",
            )?;
            check(
                !site.languages.is_empty(),
                || format!("{at}.languages"),
                "must not be empty",
            )?;
            for language in site.languages.iter() {
                check(
                    self.language(language).is_some(),
                    || format!("{at}.languages[{language}]"),
                    "is not in the tariff's languages",
                )?;
            }
            text(&site.name, &format!("{at}.name"))?;
            text(&site.note, &format!("{at}.note"))?;
        }

        let basis = &self.in_house;
        check(
            basis.minimum_wage > Decimal::ZERO,
            || "in_house.minimum_wage".into(),
            "must be positive",
        )?;
        not_negative(basis.thr_months, || "in_house.thr_months".into())?;
        text(&basis.minimum_wage_note, "in_house.minimum_wage_note")?;
        text(&basis.thr_note, "in_house.thr_note")?;
        unique(
            basis.contributions.iter().map(|c| c.id.as_ref()),
            "in_house.contributions",
        )?;
        for contribution in basis.contributions.iter() {
            let at = format!("in_house.contributions[{}]", contribution.id);
            fraction(contribution.rate, || format!("{at}.rate"))?;
            if let Some(cap) = contribution.wage_cap {
                check(
                    cap > Decimal::ZERO,
                    || format!("{at}.wage_cap"),
                    "must be positive",
                )?;
            }
            text(&contribution.name, &format!("{at}.name"))?;
        }

        unique(self.activities.iter().map(|a| a.id.as_ref()), "activities")?;
        for activity in self.activities.iter() {
            self.validate_activity(activity)?;
        }
        Ok(())
    }

    fn validate_activity(&self, activity: &Activity) -> Result<(), TariffError> {
        let at = format!("activities[{}]", activity.id);
        for (amount, name) in [
            (activity.management_fee, "management_fee"),
            (activity.minimum, "minimum"),
            (activity.onboarding, "onboarding"),
            (activity.seat_setup, "seat_setup"),
            (activity.in_house.overhead, "in_house.overhead"),
            (activity.in_house.hire, "in_house.hire"),
        ] {
            not_negative(amount, || format!("{at}.{name}"))?;
        }
        check(
            activity.in_house.wage >= self.in_house.minimum_wage,
            || format!("{at}.in_house.wage"),
            "must not be below the minimum wage",
        )?;
        if let Some(sites) = &activity.sites {
            check(
                !sites.is_empty(),
                || format!("{at}.sites"),
                "must not be empty",
            )?;
            for site in sites.iter() {
                check(
                    self.site(site).is_some(),
                    || format!("{at}.sites[{site}]"),
                    "is not a site of the tariff",
                )?;
            }
        }
        for (t, name) in [
            (&activity.name, "name"),
            (&activity.help, "help"),
            (&activity.fee_note, "fee_note"),
            (&activity.setup_note, "setup_note"),
            (&activity.in_house.role, "in_house.role"),
            (&activity.in_house.wage_note, "in_house.wage_note"),
            (&activity.in_house.overhead_note, "in_house.overhead_note"),
            (&activity.in_house.hire_note, "in_house.hire_note"),
        ] {
            text(t, &format!("{at}.{name}"))?;
        }

        unique(
            activity.models.iter().map(|m| m.id.as_ref()),
            &format!("{at}.models"),
        )?;
        // Unit ids are unique across models so a volume names its unit without its model.
        unique(
            activity.units().map(|u| u.id.as_ref()),
            &format!("{at}.units"),
        )?;
        for model in activity.models.iter() {
            let at = format!("{at}.models[{}]", model.id);
            check(
                model.unit(&model.primary).is_some(),
                || format!("{at}.primary"),
                "is not a unit of the model",
            )?;
            text(&model.name, &format!("{at}.name"))?;
            text(&model.help, &format!("{at}.help"))?;
            check(
                model.units.iter().filter(|u| u.sized_by.is_some()).count() <= 1,
                || format!("{at}.units"),
                "at most one unit of a model may be sized from calls",
            )?;
            for unit in model.units.iter() {
                validate_unit(unit, &format!("{at}.units[{}]", unit.id))?;
            }
        }

        if !activity.options.is_empty() {
            unique(
                activity.options.iter().map(|o| o.id.as_ref()),
                &format!("{at}.options"),
            )?;
        }
        for option in activity.options.iter() {
            let at = format!("{at}.options[{}]", option.id);
            check(
                !option.percent.is_sign_negative() && option.percent <= Decimal::ONE,
                || format!("{at}.percent"),
                "must be a fraction from 0 to 1",
            )?;
            text(&option.name, &format!("{at}.name"))?;
            text(&option.help, &format!("{at}.help"))?;
        }
        Ok(())
    }
}

fn validate_unit(unit: &Unit, at: &str) -> Result<(), TariffError> {
    check(unit.max > 0, || format!("{at}.max"), "must be positive")?;
    check(
        unit.default <= unit.max,
        || format!("{at}.default"),
        "must not exceed max",
    )?;
    if let Some(per_fte) = unit.per_fte {
        check(per_fte > 0, || format!("{at}.per_fte"), "must be positive")?;
    }
    if let Some(cost) = unit.cost {
        not_negative(cost, || format!("{at}.cost"))?;
    }
    // The in-house comparison needs to know what every unit costs without the provider.
    let in_house_known = if unit.seat {
        unit.per_fte.is_none() && unit.cost.is_none()
    } else if unit.labour {
        unit.per_fte.is_some() && unit.cost.is_none()
    } else {
        unit.per_fte.is_none() && unit.cost.is_some()
    };
    check(
        in_house_known,
        || at.to_owned(),
        "a seat needs neither per_fte nor cost, labour needs per_fte, space needs cost",
    )?;
    check(
        !unit.seat || unit.labour,
        || format!("{at}.labour"),
        "a seat is labour",
    )?;
    // Calls make minutes of labour; Erlang C sizes people.
    check(
        match unit.sized_by {
            Some(SizedBy::Calls) => unit.labour && !unit.seat,
            Some(SizedBy::Erlang) => unit.seat,
            None => true,
        },
        || format!("{at}.sized_by"),
        "calls size a labour unit that is not a seat; erlang sizes a seat",
    )?;
    for (t, name) in [
        (&unit.name, "name"),
        (&unit.unit, "unit"),
        (&unit.help, "help"),
        (&unit.note, "note"),
    ] {
        text(t, &format!("{at}.{name}"))?;
    }

    let Some((last, bounded)) = unit.tiers.split_last() else {
        return Err(invalid(format!("{at}.tiers"), "must not be empty"));
    };
    check(
        last.up_to.is_none(),
        || format!("{at}.tiers"),
        "the last tier must have no upper bound",
    )?;
    let mut floor = 0;
    let mut previous_price = None;
    for (index, tier) in unit.tiers.iter().enumerate() {
        let field = || format!("{at}.tiers[{index}]");
        not_negative(tier.price, field)?;
        check(
            previous_price.is_none_or(|p| tier.price <= p),
            field,
            "a higher tier must not cost more per unit",
        )?;
        previous_price = Some(tier.price);
        if index < bounded.len() {
            let Some(up_to) = tier.up_to else {
                return Err(invalid(field(), "only the last tier may be unbounded"));
            };
            check(up_to > floor, field, "upper bounds must rise")?;
            floor = up_to;
        }
    }
    Ok(())
}
