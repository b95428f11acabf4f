//! Why a staffing question cannot be answered. Each error has a stable code; the page turns the
//! code into a sentence in the visitor's language.

use std::fmt;

use super::MAX_AGENTS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffingError {
    /// The number of calls is negative or not a finite number.
    CallsNegative,
    /// The average handle time is zero, negative or not a finite number: without it there is
    /// no traffic to staff for.
    HandleTimeZero,
    /// The interval the calls arrive in is zero, negative or not a finite number.
    IntervalZero,
    /// The service-level target is not above 0 and at most 1 (100 %).
    ServiceLevelOutOfRange,
    /// The time calls should be answered within is negative or not a finite number.
    AnswerTimeNegative,
    /// The maximum occupancy is not between 0 and 1 (100 %).
    OccupancyOutOfRange,
    /// Shrinkage is not at least 0 and below 1: at 100 % nobody is ever on the phones.
    ShrinkageOutOfRange,
    /// Opening hours a day are not from 1 to 24.
    HoursOutOfRange,
    /// Days open a week are not from 1 to 7.
    DaysOutOfRange,
    /// A centre's target is outside what a buyer may ask for ([`super::SERVICE_LEVELS`] percent
    /// within [`super::ANSWER_WITHIN`] seconds): its seconds where `within`, else its percentage.
    TargetOutOfBounds { within: bool },
    /// No number of agents up to [`MAX_AGENTS`] answers the traffic within the target and under
    /// the occupancy cap (a cap of 0, or traffic too large for any team).
    Unreachable,
}

impl StaffingError {
    /// A stable identifier for the kind of error, for the page and for scripts.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::CallsNegative => "calls_negative",
            Self::HandleTimeZero => "handle_time_zero",
            Self::IntervalZero => "interval_zero",
            Self::ServiceLevelOutOfRange => "service_level_out_of_range",
            Self::AnswerTimeNegative => "answer_time_negative",
            Self::OccupancyOutOfRange => "occupancy_out_of_range",
            Self::ShrinkageOutOfRange => "shrinkage_out_of_range",
            Self::HoursOutOfRange => "hours_out_of_range",
            Self::DaysOutOfRange => "days_out_of_range",
            Self::TargetOutOfBounds { within: false } => "service_level_out_of_bounds",
            Self::TargetOutOfBounds { within: true } => "answer_time_out_of_bounds",
            Self::Unreachable => "unreachable",
        }
    }
}

impl fmt::Display for StaffingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::CallsNegative => f.write_str("the number of calls must be 0 or more"),
            Self::HandleTimeZero => f.write_str("the average handle time must be above 0 seconds"),
            Self::IntervalZero => f.write_str("the interval must be above 0 seconds"),
            Self::ServiceLevelOutOfRange => {
                f.write_str("the service-level target must be above 0 and at most 1 (100 %)")
            }
            Self::AnswerTimeNegative => {
                f.write_str("the time to answer within must be 0 seconds or more")
            }
            Self::OccupancyOutOfRange => {
                f.write_str("the maximum occupancy must be from 0 to 1 (100 %)")
            }
            Self::ShrinkageOutOfRange => {
                f.write_str("shrinkage must be at least 0 and below 1 (100 %)")
            }
            Self::HoursOutOfRange => f.write_str("opening hours must be from 1 to 24 a day"),
            Self::DaysOutOfRange => f.write_str("days open must be from 1 to 7 a week"),
            Self::TargetOutOfBounds { within: false } => {
                f.write_str("the service-level target must be from 50 % to 99 %")
            }
            Self::TargetOutOfBounds { within: true } => {
                f.write_str("the time to answer within must be from 5 to 600 seconds")
            }
            Self::Unreachable => write!(
                f,
                "no team of up to {MAX_AGENTS} agents meets the service level under the \
                 occupancy cap"
            ),
        }
    }
}

impl std::error::Error for StaffingError {}
