//! `quote staffing …`: one interval sized or evaluated from the command line, for support staff
//! and scripts. Parsing and answering live here, in the engine, so they are tested without a
//! process; the binary only prints.

use std::fmt;

use serde::Serialize;

use super::interval::{Interval, Target, scheduled};
use super::{DEFAULT_MAX_OCCUPANCY, DEFAULT_SHRINKAGE, MAX_AGENTS, StaffingError};

/// What the command accepts, for its error output.
pub const USAGE: &str = "usage: quote staffing --calls 100 --interval 1800 --aht 180 \
    --answer-within 20 --target 0.80 [--max-occupancy 0.85] [--shrinkage 0.30] [--agents N]";

/// One interval's answer, as the command prints it: probabilities rounded to 4 decimals, the
/// ASA to 2, so that scripts compare what people read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntervalAnswer {
    /// Erlangs, rounded to 4 decimals.
    pub traffic_erlangs: f64,
    /// Agents on the phones: the fewest who meet the target and the cap, or those asked about.
    pub agents: u32,
    /// Agents to schedule so that `agents` remain after shrinkage.
    pub scheduled: u64,
    pub service_level: f64,
    pub wait_probability: f64,
    /// `null` when the agents are too few for the traffic and the queue grows without end.
    pub asa_seconds: Option<f64>,
    pub occupancy: f64,
}

/// Why the command line cannot be answered. The binary prints it with [`USAGE`] and exits 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError {
    /// An argument that is not one of the flags.
    UnknownFlag { flag: String },
    /// A flag last on the line, with no value after it.
    MissingValue { flag: &'static str },
    /// A flag given twice: which one counts would be a guess.
    Repeated { flag: &'static str },
    /// A required flag is absent.
    MissingFlag { flag: &'static str },
    /// A value that does not read as a finite number.
    NotANumber { flag: &'static str, value: String },
    /// `--agents` is not a whole number from 1 to [`MAX_AGENTS`].
    AgentsOutOfRange { value: String },
    /// A number the engine refuses, with the flag it came from.
    OutOfRange {
        flag: &'static str,
        value: String,
        error: StaffingError,
    },
    /// The figures are valid but no team meets them.
    Staffing(StaffingError),
}

impl UsageError {
    /// A stable identifier for the kind of error, for scripts.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownFlag { .. } => "unknown_flag",
            Self::MissingValue { .. } => "missing_value",
            Self::Repeated { .. } => "repeated_flag",
            Self::MissingFlag { .. } => "missing_flag",
            Self::NotANumber { .. } => "not_a_number",
            Self::AgentsOutOfRange { .. } => "agents_out_of_range",
            Self::OutOfRange { error, .. } | Self::Staffing(error) => error.code(),
        }
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownFlag { flag } => write!(f, "unknown argument {flag:?}"),
            Self::MissingValue { flag } => write!(f, "{flag} needs a value after it"),
            Self::Repeated { flag } => write!(f, "{flag} is given more than once"),
            Self::MissingFlag { flag } => write!(f, "{flag} is required"),
            Self::NotANumber { flag, value } => write!(f, "{flag} {value:?} is not a number"),
            Self::AgentsOutOfRange { value } => {
                write!(
                    f,
                    "--agents {value:?} must be a whole number from 1 to {MAX_AGENTS}"
                )
            }
            Self::OutOfRange { flag, value, error } => write!(f, "{flag} {value}: {error}"),
            Self::Staffing(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for UsageError {}

const FLAGS: [&str; 8] = [
    "--calls",
    "--interval",
    "--aht",
    "--answer-within",
    "--target",
    "--max-occupancy",
    "--shrinkage",
    "--agents",
];

/// Answers `--calls 100 --interval 1800 --aht 180 --answer-within 20 --target 0.80
/// [--max-occupancy 0.85] [--shrinkage 0.30] [--agents N]` (the arguments after `staffing`).
/// Calls arrive in `--interval` seconds and take `--aht` seconds each; the target is the share
/// answered within `--answer-within` seconds. Without `--agents` the answer is the fewest agents
/// meeting the target and the occupancy cap; with it, what that many achieve.
///
/// # Errors
/// [`UsageError`] for an unknown, repeated, missing or unreadable flag, a figure out of range, or
/// a target no team meets.
pub fn interval_answer(args: &[String]) -> Result<IntervalAnswer, UsageError> {
    let mut values: [Option<&str>; FLAGS.len()] = [None; FLAGS.len()];
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let Some((&flag, slot)) = FLAGS.iter().zip(values.iter_mut()).find(|(f, _)| *f == arg)
        else {
            return Err(UsageError::UnknownFlag { flag: arg.clone() });
        };
        let Some(value) = rest.next() else {
            return Err(UsageError::MissingValue { flag });
        };
        if slot.is_some() {
            return Err(UsageError::Repeated { flag });
        }
        *slot = Some(value);
    }
    let [
        calls,
        interval,
        aht,
        answer_within,
        target,
        max_occupancy,
        shrinkage,
        agents,
    ] = values;

    let calls = number("--calls", calls)?;
    let length = number("--interval", interval)?;
    let aht = number("--aht", aht)?;
    let answer_within = number("--answer-within", answer_within)?;
    let service_level = number("--target", target)?;
    let max_occupancy = optional("--max-occupancy", max_occupancy, DEFAULT_MAX_OCCUPANCY)?;
    let shrinkage = optional("--shrinkage", shrinkage, DEFAULT_SHRINKAGE)?;
    let agents = agents.map(team).transpose()?;

    let interval =
        Interval::new(calls.value, aht.value, length.value).map_err(|error| match error {
            StaffingError::CallsNegative => calls.refused(error),
            StaffingError::HandleTimeZero => aht.refused(error),
            StaffingError::IntervalZero => length.refused(error),
            _ => UsageError::Staffing(error),
        })?;
    let target = Target::new(
        service_level.value,
        answer_within.value,
        max_occupancy.value,
    )
    .map_err(|error| match error {
        StaffingError::ServiceLevelOutOfRange => service_level.refused(error),
        StaffingError::AnswerTimeNegative => answer_within.refused(error),
        StaffingError::OccupancyOutOfRange => max_occupancy.refused(error),
        _ => UsageError::Staffing(error),
    })?;
    let performance = match agents {
        Some(agents) => interval.performance(agents, &target),
        None => interval
            .required_agents(&target)
            .map_err(UsageError::Staffing)?,
    };
    let scheduled =
        scheduled(performance.agents, shrinkage.value).map_err(|error| shrinkage.refused(error))?;
    Ok(IntervalAnswer {
        traffic_erlangs: round(interval.traffic(), 4),
        agents: performance.agents,
        scheduled,
        service_level: round(performance.service_level, 4),
        wait_probability: round(performance.wait_probability, 4),
        asa_seconds: performance.asa_seconds.map(|asa| round(asa, 2)),
        occupancy: round(performance.occupancy, 4),
    })
}

/// A flag's value read as a number, with what was typed for the messages.
struct Given<'a> {
    flag: &'static str,
    text: &'a str,
    value: f64,
}

impl Given<'_> {
    fn refused(&self, error: StaffingError) -> UsageError {
        UsageError::OutOfRange {
            flag: self.flag,
            value: self.text.to_owned(),
            error,
        }
    }
}

fn number<'a>(flag: &'static str, text: Option<&'a str>) -> Result<Given<'a>, UsageError> {
    let Some(text) = text else {
        return Err(UsageError::MissingFlag { flag });
    };
    match text.parse::<f64>() {
        // "inf" and "NaN" parse, but are no figure anyone means.
        Ok(value) if value.is_finite() => Ok(Given { flag, text, value }),
        _ => Err(UsageError::NotANumber {
            flag,
            value: text.to_owned(),
        }),
    }
}

fn optional<'a>(
    flag: &'static str,
    text: Option<&'a str>,
    default: f64,
) -> Result<Given<'a>, UsageError> {
    match text {
        Some(_) => number(flag, text),
        None => Ok(Given {
            flag,
            text: "",
            value: default,
        }),
    }
}

fn team(text: &str) -> Result<u32, UsageError> {
    match text.parse::<u32>() {
        Ok(agents) if (1..=MAX_AGENTS).contains(&agents) => Ok(agents),
        _ => Err(UsageError::AgentsOutOfRange {
            value: text.to_owned(),
        }),
    }
}

/// Rounds half away from zero to `places` decimals, as the rest of the project rounds.
fn round(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}
