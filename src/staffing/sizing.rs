//! A volume described in the buyer's terms: calls and how long each takes, and for dedicated
//! agents the hours, the service level and the planning allowances. It travels in a link beside
//! the volume it gave, so the link re-prices from the volume (a promise) and still shows how it
//! was sized.

use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use super::{Centre, MonthlySizing, Profile, StaffingError, size_month};

/// The service levels a buyer may size a centre for, in percent of calls answered in time.
/// Published targets run from 70 % (high-volume simple work) to 95 % (emergency lines); 50 % is
/// the least that still promises most callers an answer in time, and 100 % no finite team can
/// promise (Erlang C always leaves some chance of waiting).
pub const SERVICE_LEVELS: RangeInclusive<u8> = 50..=99;

/// The seconds a target may give to answer in: the fastest published target is 5 seconds (95/5,
/// emergency lines); beyond 10 minutes a caller is no longer waiting on the line but waiting for
/// a call back.
pub const ANSWER_WITHIN: RangeInclusive<u32> = 5..=600;

/// How a unit's volume was arrived at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sizing {
    /// Minutes from calls times their average handle time.
    Calls {
        calls: u64,
        /// Seconds, talk and wrap-up.
        handle_time: u32,
    },
    /// Dedicated agents for a month of calls, by Erlang C (see [`size_month`]).
    Centre(CentrePlan),
}

/// A month of calls for dedicated agents as the buyer describes it, in the whole numbers a link,
/// the traffic form and the staffing share: the one shape of a centre's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentrePlan {
    pub calls: u64,
    /// Seconds, talk and wrap-up.
    pub handle_time: u32,
    pub hours_per_day: u8,
    pub days_per_week: u8,
    /// Percent of calls answered within `answer_within` seconds.
    pub service_level: u8,
    pub answer_within: u32,
    /// Percent.
    pub max_occupancy: u8,
    /// Percent.
    pub shrinkage: u8,
    pub profile: Profile,
}

impl CentrePlan {
    /// The month it describes, with its percentages as fractions.
    #[must_use]
    pub fn month(&self) -> Centre {
        Centre {
            calls_per_month: self.calls,
            handle_time: f64::from(self.handle_time),
            hours_per_day: self.hours_per_day,
            days_per_week: self.days_per_week,
            service_level: f64::from(self.service_level) / 100.0,
            answer_within: f64::from(self.answer_within),
            max_occupancy: f64::from(self.max_occupancy) / 100.0,
            shrinkage: f64::from(self.shrinkage) / 100.0,
            profile: self.profile,
        }
    }
}

impl Sizing {
    /// The month a centre sizing describes, with its percentages as fractions.
    #[must_use]
    pub fn centre(&self) -> Option<Centre> {
        match self {
            Self::Calls { .. } => None,
            Self::Centre(plan) => Some(plan.month()),
        }
    }

    /// A centre's month, sized.
    ///
    /// # Errors
    /// As [`size_month`], and [`StaffingError::TargetOutOfBounds`] for a target outside
    /// [`SERVICE_LEVELS`] and [`ANSWER_WITHIN`]; [`StaffingError::HandleTimeZero`] is also what a
    /// calls sizing gives, which has no month to size.
    pub fn month(&self) -> Result<MonthlySizing, StaffingError> {
        if let Self::Centre(plan) = self {
            if !SERVICE_LEVELS.contains(&plan.service_level) {
                return Err(StaffingError::TargetOutOfBounds { within: false });
            }
            if !ANSWER_WITHIN.contains(&plan.answer_within) {
                return Err(StaffingError::TargetOutOfBounds { within: true });
            }
        }
        size_month(&self.centre().ok_or(StaffingError::HandleTimeZero)?)
    }

    /// The volume it gives: minutes, rounded up to whole ones (in whole numbers, no float), or
    /// full-time agents to schedule.
    ///
    /// # Errors
    /// [`StaffingError`] for a figure out of range or traffic no team can serve.
    pub fn volume(&self) -> Result<u64, StaffingError> {
        match *self {
            Self::Calls { calls, handle_time } => {
                if handle_time == 0 {
                    return Err(StaffingError::HandleTimeZero);
                }
                let seconds = u128::from(calls) * u128::from(handle_time);
                u64::try_from(seconds.div_ceil(60)).map_err(|_| StaffingError::Unreachable)
            }
            Self::Centre(_) => Ok(self.month()?.full_time_agents),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_times_handle_time_make_whole_minutes_rounded_up() {
        // 30,000 calls of four minutes are 120,000 minutes; 10 calls of 100 s are 1,000 s, 16.67
        // minutes, billed as 17.
        for &(calls, handle_time, minutes) in &[(30_000, 240, 120_000), (10, 100, 17), (0, 180, 0)]
        {
            assert_eq!(
                Sizing::Calls { calls, handle_time }.volume(),
                Ok(minutes),
                "{calls} x {handle_time} s"
            );
        }
        assert_eq!(
            Sizing::Calls {
                calls: 5,
                handle_time: 0
            }
            .volume(),
            Err(StaffingError::HandleTimeZero)
        );
    }
}
