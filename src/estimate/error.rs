//! Why a request cannot be priced. Each error has a stable code; the page turns the code into a
//! sentence in the visitor's language (see `i18n`).

use std::fmt;

use crate::money::Overflow;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EstimateError {
    /// The request names an activity the tariff does not offer.
    UnknownActivity { activity: String },
    /// The request lists one activity twice.
    DuplicateActivity { activity: String },
    /// The activity has no pricing model of that name.
    UnknownModel { activity: String, model: String },
    /// A volume names a unit the chosen model does not bill.
    UnknownUnit { activity: String, unit: String },
    /// The activity has no option of that name.
    UnknownOption { activity: String, option: String },
    /// Two options that exclude each other (extended hours and 24/7) are both chosen.
    OptionConflict {
        activity: String,
        first: String,
        second: String,
    },
    /// The tariff has no site of that name.
    UnknownSite { site: String },
    /// The activity is not delivered from the chosen site (fulfilment abroad).
    SiteUnavailable { activity: String, site: String },
    /// The tariff has no contract term of that name.
    UnknownTerm { term: String },
    /// The tariff has no service language of that name.
    UnknownLanguage { language: String },
    /// The site cannot serve a customer-facing activity in the chosen language.
    LanguageNotServed {
        activity: String,
        site: String,
        language: String,
    },
    /// A volume is over the bound the tariff sets for its unit.
    QuantityTooLarge {
        activity: String,
        unit: String,
        max: u64,
    },
    /// The fluctuation for the range is over 100 %.
    FluctuationTooLarge { percent: u32, max: u32 },
    /// A negotiated discount is not a fraction from 0 up to 1.
    DiscountOutOfRange { discount: rust_decimal::Decimal },
    /// An in-house wage the client gives is under the minimum wage.
    WageBelowMinimum {
        activity: String,
        minimum: rust_decimal::Decimal,
    },
    /// An in-house figure the client gives cannot be (a negative cost, no productivity, a unit
    /// that is not staff time).
    InHouseOutOfRange { activity: String },
    /// An amount is too large to compute.
    Overflow,
}

impl EstimateError {
    /// A stable identifier for the kind of error, for the page and for scripts.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownActivity { .. } => "unknown_activity",
            Self::DuplicateActivity { .. } => "duplicate_activity",
            Self::UnknownModel { .. } => "unknown_model",
            Self::UnknownUnit { .. } => "unknown_unit",
            Self::UnknownOption { .. } => "unknown_option",
            Self::OptionConflict { .. } => "option_conflict",
            Self::UnknownSite { .. } => "unknown_site",
            Self::SiteUnavailable { .. } => "site_unavailable",
            Self::UnknownTerm { .. } => "unknown_term",
            Self::UnknownLanguage { .. } => "unknown_language",
            Self::LanguageNotServed { .. } => "language_not_served",
            Self::QuantityTooLarge { .. } => "quantity_too_large",
            Self::FluctuationTooLarge { .. } => "fluctuation_too_large",
            Self::DiscountOutOfRange { .. } => "discount_out_of_range",
            Self::WageBelowMinimum { .. } => "wage_below_minimum",
            Self::InHouseOutOfRange { .. } => "in_house_out_of_range",
            Self::Overflow => "overflow",
        }
    }
}

impl From<Overflow> for EstimateError {
    fn from(_: Overflow) -> Self {
        Self::Overflow
    }
}

impl fmt::Display for EstimateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownActivity { activity } => write!(f, "no activity {activity:?}"),
            Self::DuplicateActivity { activity } => write!(f, "activity {activity:?} twice"),
            Self::UnknownModel { activity, model } => {
                write!(f, "activity {activity:?} has no model {model:?}")
            }
            Self::UnknownUnit { activity, unit } => {
                write!(
                    f,
                    "activity {activity:?} bills no unit {unit:?} in this model"
                )
            }
            Self::UnknownOption { activity, option } => {
                write!(f, "activity {activity:?} has no option {option:?}")
            }
            Self::OptionConflict {
                activity,
                first,
                second,
            } => write!(
                f,
                "activity {activity:?}: options {first:?} and {second:?} exclude each other"
            ),
            Self::UnknownSite { site } => write!(f, "no site {site:?}"),
            Self::SiteUnavailable { activity, site } => {
                write!(f, "activity {activity:?} is not delivered from {site:?}")
            }
            Self::UnknownTerm { term } => write!(f, "no contract term {term:?}"),
            Self::UnknownLanguage { language } => write!(f, "no service language {language:?}"),
            Self::LanguageNotServed {
                activity,
                site,
                language,
            } => write!(
                f,
                "site {site:?} cannot serve activity {activity:?} in language {language:?}"
            ),
            Self::QuantityTooLarge {
                activity,
                unit,
                max,
            } => write!(f, "activity {activity:?}: {unit:?} is over {max}"),
            Self::FluctuationTooLarge { percent, max } => {
                write!(f, "fluctuation {percent} % is over {max} %")
            }
            Self::DiscountOutOfRange { discount } => {
                write!(f, "discount {discount} is not a fraction from 0 up to 1")
            }
            Self::WageBelowMinimum { activity, minimum } => {
                write!(
                    f,
                    "activity {activity:?}: in-house wage under the minimum {minimum}"
                )
            }
            Self::InHouseOutOfRange { activity } => {
                write!(f, "activity {activity:?}: an in-house figure cannot be")
            }
            Self::Overflow => f.write_str("an amount is too large to compute"),
        }
    }
}

impl std::error::Error for EstimateError {}
