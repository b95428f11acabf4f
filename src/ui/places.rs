//! The page's places for its deferred parts: elements the first module draws empty, which the
//! deferred module fills (see `deferred`). Named here, below both, so that neither imports the other
//! for them.

/// Where each part is drawn: elements the page renders and never fills itself.
pub const CHARTS: &str = "more-charts";
pub const BREAKDOWN: &str = "more-breakdown";
pub const METHOD: &str = "more-method";
pub const PRINT: &str = "more-print";
pub const SHARE: &str = "more-share";
pub const COMPARISON: &str = "more-comparison";
pub const QUOTE: &str = "more-quote";
pub const COMPARE: &str = "more-compare";
pub const LINK_PROBLEMS: &str = "more-link-problems";
pub const TARIFF: &str = "more-tariff";
pub const SEAL: &str = "more-seal";
pub const EXAMPLES: &str = "more-examples";

/// Where the traffic form of an activity described by its calls is drawn.
#[must_use]
pub fn traffic_host(activity: &str) -> String {
    format!("more-traffic-{activity}")
}
