//! The traffic a visitor describes a call centre by, as typed: calls and handle time, and for
//! dedicated agents the opening hours, the service level and the planning allowances. Read into a
//! `staffing::Sizing` with a message at the field that is wrong. No web API: tested natively.

use litemap::LiteMap;

use crate::i18n::{Lang, format_count};
use crate::quantity::{self, QuantityError};
use crate::staffing::{
    ANSWER_WITHIN, CentrePlan, DEFAULT_OCCUPANCY_PERCENT, DEFAULT_SHRINKAGE_PERCENT, Profile,
    SERVICE_LEVELS, Sizing, StaffingError,
};
use crate::tariff::SizedBy;

/// A field of the traffic.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum TrafficField {
    Calls,
    /// Seconds, talk and wrap-up.
    HandleTime,
    Hours,
    Days,
    /// Percent answered within `Within`.
    ServiceLevel,
    /// Seconds.
    Within,
    /// Percent.
    Occupancy,
    /// Percent.
    Shrinkage,
}

impl TrafficField {
    /// What a calls sizing asks; a centre sizing asks all of them.
    pub const CALLS: [TrafficField; 2] = [Self::Calls, Self::HandleTime];
    pub const CENTRE: [TrafficField; 8] = [
        Self::Calls,
        Self::HandleTime,
        Self::Hours,
        Self::Days,
        Self::ServiceLevel,
        Self::Within,
        Self::Occupancy,
        Self::Shrinkage,
    ];

    /// The field's name in test ids: `traffic-call-centre-handle-time`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Calls => "calls",
            Self::HandleTime => "handle-time",
            Self::Hours => "hours",
            Self::Days => "days",
            Self::ServiceLevel => "service-level",
            Self::Within => "within",
            Self::Occupancy => "occupancy",
            Self::Shrinkage => "shrinkage",
        }
    }

    /// The field whose key is `key`.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::CENTRE.into_iter().find(|f| f.key() == key)
    }

    /// The largest a field may be.
    fn max(self) -> u64 {
        match self {
            Self::Calls => 100_000_000,
            Self::HandleTime => 86_400,
            Self::Hours => 24,
            Self::Days => 7,
            Self::ServiceLevel => u64::from(*SERVICE_LEVELS.end()),
            Self::Within => u64::from(*ANSWER_WITHIN.end()),
            Self::Occupancy | Self::Shrinkage => 100,
        }
    }
}

/// What is wrong with a traffic field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrafficError {
    /// It is not a whole number in range.
    Quantity(QuantityError),
    /// It reads, but the traffic cannot be sized with it.
    Staffing(StaffingError),
}

/// The traffic as typed, kept for the activity whatever its model.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TrafficInputs {
    /// The visitor describes the volume by its traffic rather than typing it.
    pub on: bool,
    pub typed: LiteMap<TrafficField, String>,
    pub profile: Profile,
    /// The fields still holding the traffic the page filled in (the calls and their handle
    /// time), which nobody typed: the volume they make is an example.
    pub examples: Vec<TrafficField>,
}

impl TrafficInputs {
    /// A centre open 12 hours a day, every day, answering 80 % of calls within 20 seconds, at
    /// the calculators' usual 85 % occupancy and 30 % shrinkage (see `staffing`).
    #[must_use]
    pub fn starter(lang: Lang) -> Self {
        let mut typed = LiteMap::new();
        for (field, text) in [
            (TrafficField::Calls, format_count(30_000, lang)),
            (TrafficField::HandleTime, "240".to_owned()),
            (TrafficField::Hours, "12".to_owned()),
            (TrafficField::Days, "7".to_owned()),
            (TrafficField::ServiceLevel, "80".to_owned()),
            (TrafficField::Within, "20".to_owned()),
            (
                TrafficField::Occupancy,
                DEFAULT_OCCUPANCY_PERCENT.to_string(),
            ),
            (
                TrafficField::Shrinkage,
                DEFAULT_SHRINKAGE_PERCENT.to_string(),
            ),
        ] {
            typed.insert(field, text);
        }
        Self {
            on: false,
            typed,
            profile: Profile::Typical,
            examples: TrafficField::CALLS.to_vec(),
        }
    }

    /// The inputs that make `sizing`, the others as they were.
    pub fn show(&mut self, sizing: &Sizing, lang: Lang) {
        self.on = true;
        // Someone's traffic, not the page's example.
        self.examples.clear();
        let mut set = |field, value: u64| {
            self.typed.insert(field, format_count(value, lang));
        };
        match *sizing {
            Sizing::Calls { calls, handle_time } => {
                set(TrafficField::Calls, calls);
                set(TrafficField::HandleTime, u64::from(handle_time));
            }
            Sizing::Centre(CentrePlan {
                calls,
                handle_time,
                hours_per_day,
                days_per_week,
                service_level,
                answer_within,
                max_occupancy,
                shrinkage,
                profile,
            }) => {
                set(TrafficField::Calls, calls);
                set(TrafficField::HandleTime, u64::from(handle_time));
                set(TrafficField::Hours, u64::from(hours_per_day));
                set(TrafficField::Days, u64::from(days_per_week));
                set(TrafficField::ServiceLevel, u64::from(service_level));
                set(TrafficField::Within, u64::from(answer_within));
                set(TrafficField::Occupancy, u64::from(max_occupancy));
                set(TrafficField::Shrinkage, u64::from(shrinkage));
                self.profile = profile;
            }
        }
    }

    #[must_use]
    pub fn typed(&self, field: TrafficField) -> &str {
        self.typed.get(&field).map_or("", String::as_str)
    }

    /// The sizing the inputs describe for a unit sized `by`, with its volume; else what is wrong,
    /// field by field.
    ///
    /// # Errors
    /// A message for each field that is wrong.
    pub fn read(&self, by: SizedBy) -> Result<(Sizing, u64), LiteMap<TrafficField, TrafficError>> {
        let fields: &[TrafficField] = match by {
            SizedBy::Calls => &TrafficField::CALLS,
            SizedBy::Erlang => &TrafficField::CENTRE,
        };
        let mut errors = LiteMap::new();
        let mut values: LiteMap<TrafficField, u64> = LiteMap::new();
        for &field in fields {
            match quantity::parse(self.typed(field), field.max()) {
                Ok(n) => {
                    values.insert(field, n);
                }
                Err(error) => {
                    errors.insert(field, TrafficError::Quantity(error));
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let get = |field| values.get(&field).copied().unwrap_or(0);
        // Every field is within its maximum, so each fits its narrower type.
        let small = |field| u8::try_from(get(field)).unwrap_or(u8::MAX);
        let seconds = |field| u32::try_from(get(field)).unwrap_or(u32::MAX);
        let sizing = match by {
            SizedBy::Calls => Sizing::Calls {
                calls: get(TrafficField::Calls),
                handle_time: seconds(TrafficField::HandleTime),
            },
            SizedBy::Erlang => Sizing::Centre(CentrePlan {
                calls: get(TrafficField::Calls),
                handle_time: seconds(TrafficField::HandleTime),
                hours_per_day: small(TrafficField::Hours),
                days_per_week: small(TrafficField::Days),
                service_level: small(TrafficField::ServiceLevel),
                answer_within: seconds(TrafficField::Within),
                max_occupancy: small(TrafficField::Occupancy),
                shrinkage: small(TrafficField::Shrinkage),
                profile: self.profile,
            }),
        };
        sizing
            .volume()
            .map(|volume| (sizing, volume))
            .map_err(|error| {
                let mut errors = LiteMap::new();
                errors.insert(at(error), TrafficError::Staffing(error));
                errors
            })
    }
}

/// The field whose figure makes the traffic impossible to size.
fn at(error: StaffingError) -> TrafficField {
    match error {
        StaffingError::HandleTimeZero => TrafficField::HandleTime,
        StaffingError::ServiceLevelOutOfRange
        | StaffingError::TargetOutOfBounds { within: false } => TrafficField::ServiceLevel,
        StaffingError::AnswerTimeNegative | StaffingError::TargetOutOfBounds { within: true } => {
            TrafficField::Within
        }
        StaffingError::OccupancyOutOfRange => TrafficField::Occupancy,
        StaffingError::ShrinkageOutOfRange => TrafficField::Shrinkage,
        StaffingError::HoursOutOfRange => TrafficField::Hours,
        StaffingError::DaysOutOfRange => TrafficField::Days,
        StaffingError::CallsNegative | StaffingError::IntervalZero | StaffingError::Unreachable => {
            TrafficField::Calls
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(changes: &[(TrafficField, &str)]) -> TrafficInputs {
        let mut inputs = TrafficInputs::starter(Lang::En);
        for &(field, text) in changes {
            inputs.typed.insert(field, text.to_owned());
        }
        inputs
    }

    #[test]
    fn calls_and_handle_time_give_minutes() {
        let inputs = with(&[
            (TrafficField::Calls, "30,000"),
            (TrafficField::HandleTime, "240"),
        ]);
        let (sizing, minutes) = inputs.read(SizedBy::Calls).expect("reads");
        assert_eq!(minutes, 120_000);
        assert_eq!(
            sizing,
            Sizing::Calls {
                calls: 30_000,
                handle_time: 240
            }
        );
    }

    #[test]
    fn each_mistake_is_reported_at_its_field() {
        for (changes, field, error) in [
            (
                vec![(TrafficField::HandleTime, "0")],
                TrafficField::HandleTime,
                TrafficError::Staffing(StaffingError::HandleTimeZero),
            ),
            // A target is from 50 % to 99 % within 5 to 600 seconds.
            (
                vec![(TrafficField::ServiceLevel, "100")],
                TrafficField::ServiceLevel,
                TrafficError::Quantity(QuantityError::TooLarge { max: 99 }),
            ),
            (
                vec![(TrafficField::ServiceLevel, "49")],
                TrafficField::ServiceLevel,
                TrafficError::Staffing(StaffingError::TargetOutOfBounds { within: false }),
            ),
            (
                vec![(TrafficField::Within, "4")],
                TrafficField::Within,
                TrafficError::Staffing(StaffingError::TargetOutOfBounds { within: true }),
            ),
            (
                vec![(TrafficField::Within, "601")],
                TrafficField::Within,
                TrafficError::Quantity(QuantityError::TooLarge { max: 600 }),
            ),
            (
                vec![(TrafficField::Shrinkage, "100")],
                TrafficField::Shrinkage,
                TrafficError::Staffing(StaffingError::ShrinkageOutOfRange),
            ),
            (
                vec![(TrafficField::ServiceLevel, "0")],
                TrafficField::ServiceLevel,
                TrafficError::Staffing(StaffingError::TargetOutOfBounds { within: false }),
            ),
            // No team answers at an occupancy cap of 0.
            (
                vec![(TrafficField::Occupancy, "0")],
                TrafficField::Calls,
                TrafficError::Staffing(StaffingError::Unreachable),
            ),
            (
                vec![(TrafficField::Hours, "25")],
                TrafficField::Hours,
                TrafficError::Quantity(QuantityError::TooLarge { max: 24 }),
            ),
            (
                vec![(TrafficField::Calls, "abc")],
                TrafficField::Calls,
                TrafficError::Quantity(QuantityError::NotANumber),
            ),
        ] {
            let errors = with(&changes).read(SizedBy::Erlang).expect_err("a mistake");
            assert_eq!(errors.get(&field), Some(&error), "{changes:?}");
        }
    }
}
