//! A contact centre sized for a month, as the page asks it: the month's calls spread over the
//! open hours, each hour sized by Erlang C, the hours summed into agent-hours and full-time
//! agents.

use serde::{Deserialize, Serialize};

use super::StaffingError;
use super::interval::{Interval, Performance, Target, whole};

/// Weeks in a month on average: 52 weeks over 12 months.
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// Paid hours of a full-time agent a week.
pub const FULL_TIME_HOURS_PER_WEEK: f64 = 40.0;

/// The hour a centre opens, unless it is open so long that it must open earlier to close by
/// midnight.
const OPENING_HOUR: u8 = 8;

/// How the day's calls spread over its hours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// The most common weekday shape (see [`TYPICAL`]): a late-morning peak.
    #[default]
    Typical,
    /// The same calls every open hour.
    Flat,
}

impl Profile {
    /// The relative weight of calls in the hour starting at `hour` (0 to 23).
    fn weight(self, hour: u8) -> f64 {
        match self {
            Self::Typical => TYPICAL.get(usize::from(hour)).copied().unwrap_or(0.0),
            Self::Flat => 1.0,
        }
    }
}

/// Calls arriving in each clock hour of a weekday, relative to one another, from 00:00 to
/// 23:00. Only the open hours' weights count; they are shares of the day once divided by their
/// sum.
///
/// The shape is the one two practitioners' descriptions agree on. "Call Arrival Patterns" (MI
/// Reporting, 15 January 2012, <http://mi-reporting.blogspot.com/2012/01/call-arrival-patterns.html>)
/// calls it the most common pattern: volumes "steadily rise throughout the morning and peak
/// around 11am and then fall until between 2-4pm", rise again "peaking between 5-6" and fall
/// until closing. ccPlanning's lesson "The intraday profile"
/// (<https://ccplanning.net/courses/the-intraday-profile>) gives most voice operations a
/// "late morning peak", a "lunch dip", a softer afternoon hump and "a long tail". Neither
/// publishes hourly figures (the first draws a chart), so the heights are ours: the peak hour
/// (11:00) is 14, the 14:00–16:00 trough 9 to 10, the second hump (17:00) 11, nights 1. In a
/// centre open 08:00–20:00 the weights sum to 125, so the peak hour takes 14/125 = 11.2 % of the
/// day's calls, 1.34 times an even share (8.3 %). A centre that knows its own pattern should use
/// it; [`Profile::Flat`] shows what a perfectly even day would need.
pub const TYPICAL: [f64; 24] = [
    1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.0, 5.0, // 00:00–07:00
    8.0, 11.0, 13.0, 14.0, 12.0, 11.0, 10.0, 9.0, // 08:00–15:00
    10.0, 11.0, 9.0, 7.0, 5.0, 4.0, 3.0, 2.0, // 16:00–23:00
];

/// A contact centre's month, as a prospect describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Centre {
    pub calls_per_month: u64,
    /// Seconds of an agent's time per call, talk and wrap-up.
    pub handle_time: f64,
    /// Open hours a day, 1 to 24, in one stretch from 08:00 (earlier when the stretch would
    /// pass midnight; 24 hours is the whole day).
    pub hours_per_day: u8,
    /// Days open a week, 1 to 7, each with the same calls.
    pub days_per_week: u8,
    /// The share of calls to answer within `answer_within` seconds (0.80).
    pub service_level: f64,
    pub answer_within: f64,
    /// [`super::DEFAULT_MAX_OCCUPANCY`] unless the prospect says otherwise.
    pub max_occupancy: f64,
    /// [`super::DEFAULT_SHRINKAGE`] unless the prospect says otherwise.
    pub shrinkage: f64,
    pub profile: Profile,
}

/// One open hour of an average open day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HourSizing {
    /// The clock hour it starts at, 0 to 23.
    pub hour: u8,
    pub calls: f64,
    pub traffic_erlangs: f64,
    /// Agents on the phones that hour.
    pub agents: u32,
}

/// What a month of the centre needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthlySizing {
    /// 52/12 weeks times the days open a week.
    pub days_per_month: f64,
    pub calls_per_day: f64,
    /// Every open hour, in clock order.
    pub hours: Vec<HourSizing>,
    /// The clock hour with the most calls (the first of equals).
    pub busiest_hour: u8,
    /// Agents needed in the busiest hour and what they achieve there.
    pub busiest: Performance,
    /// Agents on the phones, hour by hour, summed over the month.
    pub agent_hours: f64,
    /// People to employ at 40 hours a week so that, after shrinkage, they cover the agent-hours.
    pub full_time_agents: u64,
    /// The busiest hour with three agents fewer to four more than needed, for the chart of the
    /// service level against the team.
    pub around_answer: Vec<Performance>,
}

/// Sizes a month of the centre.
///
/// A month is 52/12 weeks of `days_per_week` open days, every open day alike. Each hour gets
/// its profile's share of the day's calls and the fewest agents who meet the service level
/// under the occupancy cap (Erlang C over 3,600 seconds). Agent-hours are the agents of each
/// hour times one hour, over every open hour of the month; full-time agents are
/// `ceil(agent-hours / (40 h × 52/12 weeks × (1 − shrinkage)))`.
///
/// # Errors
/// [`StaffingError`] for a figure out of range, or [`StaffingError::Unreachable`] when an hour's
/// calls need more agents than any team can give.
pub fn size_month(centre: &Centre) -> Result<MonthlySizing, StaffingError> {
    if !(1..=24).contains(&centre.hours_per_day) {
        return Err(StaffingError::HoursOutOfRange);
    }
    if !(1..=7).contains(&centre.days_per_week) {
        return Err(StaffingError::DaysOutOfRange);
    }
    if !(0.0..1.0).contains(&centre.shrinkage) {
        return Err(StaffingError::ShrinkageOutOfRange);
    }
    let target = Target::new(
        centre.service_level,
        centre.answer_within,
        centre.max_occupancy,
    )?;
    let days_per_week = f64::from(centre.days_per_week);
    let days_per_month = WEEKS_PER_MONTH * days_per_week;
    // u64 to f64 rounds only past 2^53 calls, far beyond any centre.
    let calls_per_day = centre.calls_per_month as f64 / days_per_month;

    let opens = OPENING_HOUR.min(24 - centre.hours_per_day);
    let open = opens..opens + centre.hours_per_day;
    let total: f64 = open.clone().map(|h| centre.profile.weight(h)).sum();
    let mut hours = Vec::with_capacity(usize::from(centre.hours_per_day));
    let mut busiest: Option<(u8, Interval, Performance)> = None;
    let mut agents_per_day: u64 = 0;
    for hour in open {
        // Every weight is at least 1, so the total is above 0.
        let calls = calls_per_day * centre.profile.weight(hour) / total;
        let interval = Interval::new(calls, centre.handle_time, 3600.0)?;
        let answer = interval.required_agents(&target)?;
        agents_per_day = agents_per_day.saturating_add(u64::from(answer.agents));
        if busiest
            .as_ref()
            .is_none_or(|(_, most, _)| interval.traffic() > most.traffic())
        {
            busiest = Some((hour, interval, answer));
        }
        hours.push(HourSizing {
            hour,
            calls,
            traffic_erlangs: interval.traffic(),
            agents: answer.agents,
        });
    }
    // hours_per_day ≥ 1, so at least one hour was sized.
    let Some((busiest_hour, interval, performance)) = busiest else {
        return Err(StaffingError::HoursOutOfRange);
    };
    // agents × days × 52/12 over 40 h × 52/12 × (1 − s): the weeks cancel, and the division
    // stays exact for whole figures.
    let full_time = agents_per_day as f64 * days_per_week
        / (FULL_TIME_HOURS_PER_WEEK * (1.0 - centre.shrinkage));
    Ok(MonthlySizing {
        days_per_month,
        calls_per_day,
        hours,
        busiest_hour,
        busiest: performance,
        agent_hours: agents_per_day as f64 * days_per_month,
        full_time_agents: whole(full_time),
        around_answer: interval.around(performance.agents, &target),
    })
}
