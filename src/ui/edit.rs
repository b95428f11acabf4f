//! A change the visitor makes to the estimate, as the page's state applies it (`state`) and as the
//! deferred parts and the console ask it of the page (`bridge`): one type for both, below both.

use crate::estimate::{InHouseFigures, VatMode};
use crate::money::Currency;
use crate::staffing::Profile;
use crate::ui::traffic::TrafficField;

/// A change the visitor makes to the estimate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Edit {
    Currency(Currency),
    Site(String),
    Term(String),
    ServiceLanguage(String),
    Fluctuation(u32),
    /// Chooses the activity, or leaves it out.
    Toggle(String),
    Model {
        activity: String,
        model: String,
    },
    Volume {
        activity: String,
        unit: String,
        text: String,
    },
    /// Chooses the option, or takes it away.
    Option {
        activity: String,
        option: String,
    },
    /// Describes the sized unit's volume by its traffic, or types it again.
    Sizing {
        activity: String,
        on: bool,
    },
    Traffic {
        activity: String,
        field: TrafficField,
        text: String,
    },
    Profile {
        activity: String,
        profile: Profile,
    },
    Vat(VatMode),
    /// Delivers the activity from its own site, or (`None`) from the estimate's.
    ActivitySite {
        activity: String,
        site: Option<String>,
    },
    /// The buyer confirms the example volumes of the chosen activities as theirs.
    ConfirmExamples,
    /// The buyer sets the example volumes of the chosen activities to zero.
    ClearExamples,
    /// The client's own in-house figures for the activity: those that read, and whether a
    /// figure typed does not (the estimate then waits for it, as for a volume).
    InHouse {
        activity: String,
        figures: InHouseFigures,
        invalid: bool,
    },
}
