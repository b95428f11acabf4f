//! Amounts of money: exact decimals, converted at the tariff's rate and rounded the way a quote
//! prints them. Every operation that could overflow is checked.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// A currency an estimate can be shown in. Prices are written in rupiah.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "IDR")]
    Idr,
    #[serde(rename = "USD")]
    Usd,
}

impl Currency {
    pub const ALL: [Currency; 2] = [Currency::Idr, Currency::Usd];

    /// The ISO 4217 code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Idr => "IDR",
            Self::Usd => "USD",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Decimal places of the smallest amount a quote shows: whole rupiah, US cents.
    #[must_use]
    pub fn places(self) -> u32 {
        match self {
            Self::Idr => 0,
            Self::Usd => 2,
        }
    }

    /// Decimal places a unit price is shown with, finer than an amount so small prices still
    /// read true.
    #[must_use]
    pub fn price_places(self) -> u32 {
        self.places() + 2
    }

    /// Decimal places of a line's unit price from link format 3 on (rule 13), the price its
    /// amount is multiplied from: whole rupiah, as Indonesian invoices print them, and dollars to
    /// a hundredth of a cent, so that a minute's price (USD 0.2097) stays within 0.03 % of the
    /// rupiah price it converts.
    #[must_use]
    pub fn unit_price_places(self) -> u32 {
        match self {
            Self::Idr => 0,
            Self::Usd => 4,
        }
    }

    /// Nothing, written with the currency's decimals (0.00 for dollars), so that an empty sum
    /// reads like every other amount.
    #[must_use]
    pub fn zero(self) -> Decimal {
        Decimal::new(0, self.places())
    }

    /// Rounds half away from zero to the currency's unit (12.345 USD is 12.35, 0.5 IDR is 1).
    #[must_use]
    pub fn round(self, amount: Decimal) -> Decimal {
        round(amount, self.places())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Rounds half away from zero (`Decimal::round_dp` would round half to even) and keeps exactly
/// `places` decimals.
#[must_use]
pub fn round(amount: Decimal, places: u32) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(places);
    rounded
}

/// An amount too large to represent: the request or the tariff holds absurd figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("amount too large")
    }
}

impl std::error::Error for Overflow {}

pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_add(b).ok_or(Overflow)
}

pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_sub(b).ok_or(Overflow)
}

pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_mul(b).ok_or(Overflow)
}

/// Division; dividing by zero is reported as an overflow, since no real figure results.
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, Overflow> {
    a.checked_div(b).ok_or(Overflow)
}

pub fn sum(amounts: impl IntoIterator<Item = Decimal>) -> Result<Decimal, Overflow> {
    amounts.into_iter().try_fold(Decimal::ZERO, add)
}

/// A sum of amounts shown in `currency`: nothing is still written with its decimals.
pub fn total(
    currency: Currency,
    amounts: impl IntoIterator<Item = Decimal>,
) -> Result<Decimal, Overflow> {
    amounts.into_iter().try_fold(currency.zero(), add)
}

/// Turns rupiah into the display currency at the tariff's rate, and rounds only afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conversion {
    pub currency: Currency,
    /// Rupiah per unit of `currency` (1 for rupiah).
    pub rate: Decimal,
}

impl Conversion {
    /// The exact amount in the display currency.
    pub fn exact(&self, rupiah: Decimal) -> Result<Decimal, Overflow> {
        match self.currency {
            Currency::Idr => Ok(rupiah),
            Currency::Usd => div(rupiah, self.rate),
        }
    }

    /// The amount as a quote line shows it.
    pub fn amount(&self, rupiah: Decimal) -> Result<Decimal, Overflow> {
        Ok(self.currency.round(self.exact(rupiah)?))
    }

    /// A unit price as a quote line of links up to format 2 shows it, beside an amount converted
    /// on its own.
    pub fn price(&self, rupiah: Decimal) -> Result<Decimal, Overflow> {
        Ok(round(self.exact(rupiah)?, self.currency.price_places()).normalize())
    }

    /// The unit price and the amount of a line of `count` units at `rupiah` each. Where the line
    /// is `multiplied` out (rule 13), the unit price is rounded to
    /// [`Currency::unit_price_places`] and the amount is that price times the count; otherwise
    /// (links up to format 2) the price is rounded as [`Self::price`] does and the amount is the
    /// rupiah amount converted. Either way the amount is rounded to the currency's unit.
    pub fn line(
        &self,
        rupiah: Decimal,
        count: u64,
        multiplied: bool,
    ) -> Result<(Decimal, Decimal), Overflow> {
        let (currency, count) = (self.currency, Decimal::from(count));
        let (places, converted) = if multiplied {
            (currency.unit_price_places(), None)
        } else {
            (
                currency.price_places(),
                Some(self.exact(mul(rupiah, count)?)?),
            )
        };
        let price = round(self.exact(rupiah)?, places).normalize();
        let amount = match converted {
            Some(amount) => amount,
            None => mul(price, count)?,
        };
        Ok((price, currency.round(amount)))
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn rounds_half_away_from_zero_to_the_unit() {
        for &(currency, amount, expected) in &[
            (Currency::Idr, dec!(0.5), dec!(1)),
            (Currency::Idr, dec!(1.5), dec!(2)),
            (Currency::Idr, dec!(2.5), dec!(3)),
            (Currency::Idr, dec!(-2.5), dec!(-3)),
            (Currency::Idr, dec!(2.4999), dec!(2)),
            (Currency::Usd, dec!(0.125), dec!(0.13)),
            (Currency::Usd, dec!(0.135), dec!(0.14)),
            (Currency::Usd, dec!(-0.125), dec!(-0.13)),
            (Currency::Usd, dec!(12.5), dec!(12.50)),
        ] {
            let rounded = currency.round(amount);
            assert_eq!(rounded, expected, "{currency} {amount}");
            assert_eq!(rounded.scale(), currency.places(), "{currency} {amount}");
        }
    }

    #[test]
    fn converts_before_rounding() {
        let usd = Conversion {
            currency: Currency::Usd,
            rate: dec!(16693),
        };
        // 100 minutes at Rp 1,000 = Rp 100,000 = USD 5.9905... = 5.99; rounding the price
        // first (USD 0.06) would bill 6.00.
        assert_eq!(usd.amount(dec!(100000)), Ok(dec!(5.99)));
        assert_eq!(usd.amount(dec!(1000000)), Ok(dec!(59.91)));
        assert_eq!(usd.price(dec!(3500)), Ok(dec!(0.2097)));
        let idr = Conversion {
            currency: Currency::Idr,
            rate: Decimal::ONE,
        };
        assert_eq!(idr.amount(dec!(10493.25)), Ok(dec!(10493)));
        assert_eq!(idr.price(dec!(10493.25)), Ok(dec!(10493.25)));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert_eq!(mul(Decimal::MAX, dec!(2)), Err(Overflow));
        assert_eq!(add(Decimal::MAX, Decimal::ONE), Err(Overflow));
        assert_eq!(sub(Decimal::MIN, Decimal::ONE), Err(Overflow));
        assert_eq!(div(Decimal::ONE, Decimal::ZERO), Err(Overflow));
        assert_eq!(sum([Decimal::MAX, Decimal::MAX]), Err(Overflow));
    }
}
