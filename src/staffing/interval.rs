//! One interval of calls (a half hour, an hour) and the agents it needs, by Erlang C.
//!
//! Calls arrive at random (Poisson), handle times are exponential, nobody hangs up, and a caller
//! who finds every agent busy waits in one queue. With traffic `A` (erlangs) and `N` agents:
//!
//! - the chance a caller waits is Erlang C, computed through the Erlang B recursion
//!   `B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1))` and `C = N·B / (N − A·(1 − B))`. Each step
//!   stays between 0 and 1, so there is no factorial and no power of a large number to overflow:
//!   it holds from a tenth of an erlang to many thousands;
//! - the service level, the share answered within `t` seconds, is `1 − C·e^(−(N−A)·t/AHT)`;
//! - the average speed of answer (ASA) is `C·AHT / (N − A)` seconds;
//! - occupancy, the share of agents' time spent on calls, is `A / N`.
//!
//! With `N ≤ A` calls arrive faster than agents can answer them and the queue grows without end:
//! every caller waits (wait probability 1), none within the target (service level 0), the ASA
//! is infinite (`None`) and agents are busy all the time (occupancy 1).

use serde::Serialize;

use super::{MAX_AGENTS, StaffingError};

/// How many calls, how long each takes, over how long: the traffic agents face.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    traffic: f64,
    handle_time: f64,
}

impl Interval {
    /// `calls` arriving in `length` seconds, each taking `handle_time` seconds of an agent's
    /// time (talk and wrap-up).
    ///
    /// # Errors
    /// [`StaffingError::CallsNegative`], [`StaffingError::HandleTimeZero`] or
    /// [`StaffingError::IntervalZero`] for a figure out of range, and
    /// [`StaffingError::Unreachable`] for traffic no team of [`MAX_AGENTS`] could take.
    pub fn new(calls: f64, handle_time: f64, length: f64) -> Result<Self, StaffingError> {
        if !(calls.is_finite() && calls >= 0.0) {
            return Err(StaffingError::CallsNegative);
        }
        if !(handle_time.is_finite() && handle_time > 0.0) {
            return Err(StaffingError::HandleTimeZero);
        }
        if !(length.is_finite() && length > 0.0) {
            return Err(StaffingError::IntervalZero);
        }
        let traffic = calls * handle_time / length;
        // Bounding the traffic bounds every loop below by the team size.
        if !traffic.is_finite() || traffic > f64::from(MAX_AGENTS) {
            return Err(StaffingError::Unreachable);
        }
        Ok(Self {
            traffic,
            handle_time,
        })
    }

    /// Erlangs: the number of agents the calls would keep busy with no waiting at all.
    #[must_use]
    pub fn traffic(&self) -> f64 {
        self.traffic
    }

    /// Seconds of an agent's time per call.
    #[must_use]
    pub fn handle_time(&self) -> f64 {
        self.handle_time
    }

    /// What `agents` agents achieve, measured against the target's answer time.
    #[must_use]
    pub fn performance(&self, agents: u32, target: &Target) -> Performance {
        if f64::from(agents) <= self.traffic {
            return self.measure(agents, 1.0, target);
        }
        let mut blocking = 1.0;
        for n in 1..=agents {
            blocking = self.next_blocking(blocking, n);
            // Once it underflows it stays 0: the rest of the recursion would change nothing.
            if blocking == 0.0 {
                break;
            }
        }
        self.measure(agents, blocking, target)
    }

    /// The fewest agents who meet the service level without being busier than the occupancy
    /// cap, and what they achieve.
    ///
    /// # Errors
    /// [`StaffingError::Unreachable`] when no team of up to [`MAX_AGENTS`] does.
    pub fn required_agents(&self, target: &Target) -> Result<Performance, StaffingError> {
        if self.traffic == 0.0 {
            return Ok(self.performance(0, target));
        }
        // The same comparison the loop makes at its last team, without running it.
        if self.traffic / f64::from(MAX_AGENTS) > target.max_occupancy {
            return Err(StaffingError::Unreachable);
        }
        let mut blocking = 1.0;
        for agents in 1..=MAX_AGENTS {
            blocking = self.next_blocking(blocking, agents);
            let n = f64::from(agents);
            if n <= self.traffic || self.traffic / n > target.max_occupancy {
                continue;
            }
            let performance = self.measure(agents, blocking, target);
            if performance.service_level >= target.service_level {
                return Ok(performance);
            }
        }
        Err(StaffingError::Unreachable)
    }

    /// What teams from three below `agents` to four above achieve, for a chart of the service
    /// level against the team size around the answer. A team of no one is left out.
    #[must_use]
    pub fn around(&self, agents: u32, target: &Target) -> Vec<Performance> {
        let first = agents.saturating_sub(3).max(1);
        let last = agents.saturating_add(4);
        (first..=last)
            .map(|n| self.performance(n, target))
            .collect()
    }

    /// Erlang B with `n` agents from Erlang B with one fewer.
    fn next_blocking(&self, previous: f64, n: u32) -> f64 {
        let carried = self.traffic * previous;
        // n ≥ 1, so the denominator is at least 1.
        carried / (f64::from(n) + carried)
    }

    fn measure(&self, agents: u32, blocking: f64, target: &Target) -> Performance {
        let n = f64::from(agents);
        if self.traffic == 0.0 {
            return Performance {
                agents,
                wait_probability: 0.0,
                service_level: 1.0,
                asa_seconds: Some(0.0),
                occupancy: 0.0,
            };
        }
        if n <= self.traffic {
            return Performance {
                agents,
                wait_probability: 1.0,
                service_level: 0.0,
                asa_seconds: None,
                occupancy: 1.0,
            };
        }
        let spare = n - self.traffic;
        // n > A and 1 − B ≤ 1, so the denominator is above 0; clamping absorbs rounding.
        let wait = (n * blocking / (n - self.traffic * (1.0 - blocking))).clamp(0.0, 1.0);
        let decay = (-spare * target.answer_within / self.handle_time).exp();
        Performance {
            agents,
            wait_probability: wait,
            service_level: (1.0 - wait * decay).clamp(0.0, 1.0),
            asa_seconds: Some(wait * self.handle_time / spare),
            occupancy: self.traffic / n,
        }
    }
}

/// The service a team must give: a share of calls answered within a time (80 % within 20
/// seconds), without agents being busier than a cap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    service_level: f64,
    answer_within: f64,
    max_occupancy: f64,
}

impl Target {
    /// `service_level` a fraction (0.80), `answer_within` in seconds, `max_occupancy` a
    /// fraction ([`super::DEFAULT_MAX_OCCUPANCY`]).
    ///
    /// # Errors
    /// [`StaffingError::ServiceLevelOutOfRange`], [`StaffingError::AnswerTimeNegative`] or
    /// [`StaffingError::OccupancyOutOfRange`].
    pub fn new(
        service_level: f64,
        answer_within: f64,
        max_occupancy: f64,
    ) -> Result<Self, StaffingError> {
        if !(service_level > 0.0 && service_level <= 1.0) {
            return Err(StaffingError::ServiceLevelOutOfRange);
        }
        if !(answer_within.is_finite() && answer_within >= 0.0) {
            return Err(StaffingError::AnswerTimeNegative);
        }
        // A cap of 0 is a valid question whose answer is that no team meets it.
        if !(0.0..=1.0).contains(&max_occupancy) {
            return Err(StaffingError::OccupancyOutOfRange);
        }
        Ok(Self {
            service_level,
            answer_within,
            max_occupancy,
        })
    }

    #[must_use]
    pub fn service_level(&self) -> f64 {
        self.service_level
    }

    #[must_use]
    pub fn answer_within(&self) -> f64 {
        self.answer_within
    }

    #[must_use]
    pub fn max_occupancy(&self) -> f64 {
        self.max_occupancy
    }
}

/// What a team of agents achieves in an interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Performance {
    pub agents: u32,
    /// The chance a caller finds every agent busy and waits.
    pub wait_probability: f64,
    /// The share of calls answered within the target's time.
    pub service_level: f64,
    /// The average wait in seconds; `None` (JSON `null`) when the queue grows without end.
    pub asa_seconds: Option<f64>,
    /// The share of agents' time spent on calls.
    pub occupancy: f64,
}

/// Agents to put on the schedule so that `agents` are on the phones after shrinkage (breaks,
/// training, absence): `ceil(agents / (1 − shrinkage))`.
///
/// # Errors
/// [`StaffingError::ShrinkageOutOfRange`] unless shrinkage is at least 0 and below 1.
pub fn scheduled(agents: u32, shrinkage: f64) -> Result<u64, StaffingError> {
    if !(0.0..1.0).contains(&shrinkage) {
        return Err(StaffingError::ShrinkageOutOfRange);
    }
    Ok(whole(f64::from(agents) / (1.0 - shrinkage)))
}

/// Rounds a count of people up, forgiving the last bits of binary rounding: 21 / (1 − 0.3) is
/// 30.000000000000004 in floating point, and 30 people are enough.
pub(super) fn whole(exact: f64) -> u64 {
    // Counts here stay far below 2^53, where a billionth is still a fraction of a person.
    let rounded = (exact - 1e-9).ceil().max(0.0);
    // `as` saturates; the value is a small whole number already.
    rounded as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(service_level: f64, answer_within: f64, max_occupancy: f64) -> Target {
        Target::new(service_level, answer_within, max_occupancy).expect("a valid target")
    }

    #[test]
    fn erlang_b_recursion_gives_the_textbook_sum() {
        // B(N) = (A^N / N!) / Σ_{k=0..N} A^k / k!, by hand: A = 1, N = 2: (1/2) / (1 + 1 + 1/2)
        // = 1/5; A = 2, N = 2: 2 / (1 + 2 + 2) = 2/5.
        for &(traffic, expected) in &[(1.0, 0.2), (2.0, 0.4)] {
            let interval = Interval {
                traffic,
                handle_time: 1.0,
            };
            let two = interval.next_blocking(interval.next_blocking(1.0, 1), 2);
            assert!((two - expected).abs() < 1e-15, "A = {traffic}: {two}");
        }
    }

    #[test]
    fn whole_forgives_binary_rounding_only() {
        for &(exact, expected) in &[
            (30.000_000_000_000_004, 30),
            (30.0, 30),
            (30.000_001, 31),
            (29.5, 30),
            (0.0, 0),
        ] {
            assert_eq!(whole(exact), expected, "{exact}");
        }
    }

    #[test]
    fn no_calls_need_no_agents() {
        let interval = Interval::new(0.0, 180.0, 1800.0).expect("valid");
        let answer = interval
            .required_agents(&target(0.8, 20.0, 0.85))
            .expect("answered");
        assert_eq!(answer.agents, 0);
        assert_eq!(answer.service_level, 1.0);
        assert_eq!(answer.occupancy, 0.0);
    }
}
