//! How many agents a call centre needs: Erlang C for one interval, a month of open hours for a
//! centre, and the quote tool's command line. Probabilities are `f64` (they are not money);
//! agents are whole people.

mod command;
mod error;
mod interval;
mod month;
mod sizing;

pub use command::{IntervalAnswer, USAGE, UsageError, interval_answer};
pub use error::StaffingError;
pub use interval::{Interval, Performance, Target, scheduled};
pub use month::{
    Centre, FULL_TIME_HOURS_PER_WEEK, HourSizing, MonthlySizing, Profile, TYPICAL, size_month,
};
pub use sizing::{ANSWER_WITHIN, CentrePlan, SERVICE_LEVELS, Sizing};

/// The largest team the engine looks for. A bound keeps every search finite: a million agents
/// answer about a million erlangs, far beyond any centre a prospect prices.
pub const MAX_AGENTS: u32 = 1_000_000;

/// The occupancy cap calculators default to: kept above 85–90 % for long, occupancy "gets
/// hidden in a longer AHT … and agent burnout happens" (Call Centre Helper's Erlang calculator).
pub const DEFAULT_MAX_OCCUPANCY: f64 = DEFAULT_OCCUPANCY_PERCENT as f64 / 100.0;

/// [`DEFAULT_MAX_OCCUPANCY`] in whole percent, as the page offers it.
pub const DEFAULT_OCCUPANCY_PERCENT: u8 = 85;

/// Paid time not spent on the phones (breaks, training, meetings, absence): "Industry shrinkage
/// is 30%" (AndreaFerrante/ErlangCalculator, README), the common calculators' default.
pub const DEFAULT_SHRINKAGE: f64 = DEFAULT_SHRINKAGE_PERCENT as f64 / 100.0;

/// [`DEFAULT_SHRINKAGE`] in whole percent, as the page offers it.
pub const DEFAULT_SHRINKAGE_PERCENT: u8 = 30;
