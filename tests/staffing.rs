//! The staffing engine against worked examples published by others (each cited with what it
//! states), the laws Erlang C keeps, the quote tool's `staffing` command, and a month sized by
//! hand.

use biaya_bpo::staffing::{
    Centre, DEFAULT_MAX_OCCUPANCY, DEFAULT_SHRINKAGE, Interval, MAX_AGENTS, Profile, StaffingError,
    Target, UsageError, interval_answer, scheduled, size_month,
};
use proptest::prelude::*;

fn interval(calls: f64, handle_time: f64, length: f64) -> Interval {
    Interval::new(calls, handle_time, length).expect("a valid interval")
}

fn target(service_level: f64, answer_within: f64, max_occupancy: f64) -> Target {
    Target::new(service_level, answer_within, max_occupancy).expect("a valid target")
}

/// `actual` shown to `places` decimals is `expected`, as a source printed it.
fn rounds_to(actual: f64, expected: f64, places: i32) {
    let half = 0.5 * 10f64.powi(-places);
    assert!(
        (actual - expected).abs() <= half + 1e-12,
        "{actual} is not {expected} to {places} decimals"
    );
}

// ---------------------------------------------------------------------------------------------
// Worked examples from published sources

/// pyworkforce (github.com/rodrigo-arenas/pyworkforce), docs/guide/erlangc.md, "Basic usage":
/// `ErlangC(transactions=100, asa=20/60, aht=3, interval=30, shrinkage=0.3)
/// .required_positions(service_level=0.8, max_occupancy=0.85)` prints raw_positions 14,
/// positions 20, service_level 0.8883500191794669, occupancy 0.7142857142857143,
/// waiting_probability 0.1741319335950498. Minutes there, seconds here: 100 calls in 1,800 s,
/// 180 s each, 80 % within 20 s. (The example is Call Centre Helper's, cited in pyworkforce's
/// examples/queuing/erlangc.py.)
#[test]
fn pyworkforce_basic_usage() {
    let answer = interval(100.0, 180.0, 1800.0)
        .required_agents(&target(0.8, 20.0, 0.85))
        .expect("answered");
    assert_eq!(answer.agents, 14);
    assert_eq!(scheduled(answer.agents, 0.3), Ok(20));
    rounds_to(answer.service_level, 0.888_350_019_179_466_9, 12);
    rounds_to(answer.occupancy, 0.714_285_714_285_714_3, 12);
    rounds_to(answer.wait_probability, 0.174_131_933_595_049_8, 12);
}

/// pyworkforce, pyworkforce/queuing/tests/test_erlang.py (`test_expected_erlangc_results`,
/// `test_over_occupancy_erlangc`) and test_multi_erlang.py (`test_expected_multierlangc_grid`):
/// 100 transactions in 30 minutes, AHT 3 minutes, asa 0.33 minutes (19.8 s), shrinkage 0.3.
/// Target 0.8, cap 0.85: raw 14, positions 20, service level 0.888, occupancy 0.714, waiting
/// 0.174. Target 0.8, cap 0.7: raw 15, positions 22, 0.941, 0.667, 0.102. Target 0.9, cap 0.85:
/// raw 15, positions 22, 0.941, 0.667, 0.102.
#[test]
fn pyworkforce_tests_with_an_occupancy_cap() {
    let calls = interval(100.0, 180.0, 1800.0);
    for &(service_level, cap, agents, positions, reached, occupancy, waiting) in &[
        (0.8, 0.85, 14, 20, 0.888, 0.714, 0.174),
        (0.8, 0.7, 15, 22, 0.941, 0.667, 0.102),
        (0.9, 0.85, 15, 22, 0.941, 0.667, 0.102),
    ] {
        let answer = calls
            .required_agents(&target(service_level, 19.8, cap))
            .expect("answered");
        assert_eq!(answer.agents, agents, "{service_level} under {cap}");
        assert_eq!(scheduled(answer.agents, 0.3), Ok(positions));
        rounds_to(answer.service_level, reached, 3);
        rounds_to(answer.occupancy, occupancy, 3);
        rounds_to(answer.wait_probability, waiting, 3);
    }
}

/// call-center-tools (github.com/perehinik/call-center-tools), python/tests/unit/
/// test_staffing.py, `test_calc_wait_probability`: (traffic, agents) → wait probability to 4
/// decimals: (1, 1) → 1, (123, 132) → 0.3211, (12345, 12421) → 0.3812, (1000, 900) → 1. The
/// second-to-last is 12,345 erlangs: the recursion holds where factorials overflow.
#[test]
fn call_center_tools_wait_probabilities() {
    for &(traffic, agents, expected) in &[
        (1.0, 1, 1.0),
        (123.0, 132, 0.3211),
        (12_345.0, 12_421, 0.3812),
        (1000.0, 900, 1.0),
    ] {
        // `traffic` calls of an hour each, in an hour: `traffic` erlangs.
        let performance =
            interval(traffic, 3600.0, 3600.0).performance(agents, &target(0.8, 20.0, 1.0));
        rounds_to(performance.wait_probability, expected, 4);
    }
}

/// call-center-tools, python/tests/unit/test_staffing.py: `calc_service_level(123, 130, 0.4244,
/// 20, 300)` (123 erlangs, 130 agents, wait probability 0.4244, 20 s, AHT 300 s) is 0.7339 and
/// `calc_occupancy(123, 130)` 0.946; python/tests/integration/test_staffing.py:
/// `optimise_occupancy(123, 130, 0.85)` is 145 agents at occupancy 0.8483.
#[test]
fn call_center_tools_service_level_and_occupancy_cap() {
    // 1,476 calls of 300 s in an hour: 1,476 × 300 / 3,600 = 123 erlangs.
    let calls = interval(1476.0, 300.0, 3600.0);
    let at_130 = calls.performance(130, &target(0.8, 20.0, 1.0));
    rounds_to(at_130.wait_probability, 0.4244, 4);
    rounds_to(at_130.service_level, 0.7339, 4);
    rounds_to(at_130.occupancy, 0.946, 3);
    // A service level 130 agents already give (0.5 < 0.7339) leaves the cap to decide.
    let capped = calls
        .required_agents(&target(0.5, 20.0, 0.85))
        .expect("answered");
    assert_eq!(capped.agents, 145);
    rounds_to(capped.occupancy, 0.8483, 4);
}

/// stimulus (github.com/m-deck/stimulus), tests/test_erlang.py: `required_server_count(aht=752,
/// interval=900, rate=25, target=.90, target_type='SL', wait_time=20) == 28`, and
/// `service_level(aht=752, interval=900, rate=35, server_count=37, wait_time=20)` is between
/// .9042 and .9043. Seconds throughout: 25 or 35 calls in 900 s, 752 s each.
#[test]
fn stimulus_servers_and_service_level() {
    let answer = interval(25.0, 752.0, 900.0)
        .required_agents(&target(0.9, 20.0, 1.0))
        .expect("answered");
    assert_eq!(answer.agents, 28);
    let at_37 = interval(35.0, 752.0, 900.0).performance(37, &target(0.9, 20.0, 1.0));
    assert!(
        (0.9042..=0.9043).contains(&at_37.service_level),
        "{}",
        at_37.service_level
    );
}

/// Erlang (github.com/JeanCruzC/Erlang), tests/test_erlang.py: for 5 erlangs and 10 agents,
/// `erlang_c(5, 10)` is 0.03610536, `service_level(5, 10, 180, 20)` (AHT 180 s, 20 s)
/// 0.97928443 and `asa(5, 10, 180)` 1.29979293 s, each within 1e-6.
#[test]
fn jean_cruz_erlang_five_erlangs_ten_agents() {
    // 100 calls of 180 s in an hour: 5 erlangs.
    let performance = interval(100.0, 180.0, 3600.0).performance(10, &target(0.8, 20.0, 1.0));
    assert!((performance.wait_probability - 0.036_105_36).abs() < 1e-6);
    assert!((performance.service_level - 0.979_284_43).abs() < 1e-6);
    let asa = performance.asa_seconds.expect("10 agents take 5 erlangs");
    assert!((asa - 1.299_792_93).abs() < 1e-6);
}

/// Jones the Net, "Erlang uplift" (http://www.jonesthenet.com/budgeting/service-levels-erlang/
/// erlang-uplift/): an average hour of 250 calls at an AHT of 330 s: "The accountant thinks you
/// need 250 x 330 / 3600 = 22.9 advisors in this hour; Erlang … thinks we need 28 advisors to
/// answer 80% of calls in 30 seconds."
#[test]
fn jones_the_net_average_hour() {
    let hour = interval(250.0, 330.0, 3600.0);
    rounds_to(hour.traffic(), 22.9, 1);
    let answer = hour
        .required_agents(&target(0.8, 30.0, 1.0))
        .expect("answered");
    assert_eq!(answer.agents, 28);
}

// ---------------------------------------------------------------------------------------------
// Stability and edge cases

#[test]
fn stays_a_probability_from_a_tenth_of_an_erlang_to_thousands() {
    for &traffic in &[0.1, 2000.0, 5000.0, 12_345.0] {
        let calls = interval(traffic, 3600.0, 3600.0);
        let answer = calls
            .required_agents(&target(0.8, 20.0, 1.0))
            .expect("answered");
        assert!(f64::from(answer.agents) > traffic, "{traffic}");
        let first = traffic.floor() as u32;
        for agents in first..first + 200 {
            let p = calls.performance(agents, &target(0.8, 20.0, 1.0));
            for value in [p.wait_probability, p.service_level, p.occupancy] {
                assert!(
                    value.is_finite() && (0.0..=1.0).contains(&value),
                    "{traffic} erlangs, {agents} agents: {p:?}"
                );
            }
            if let Some(asa) = p.asa_seconds {
                assert!(asa.is_finite() && asa >= 0.0, "{p:?}");
            }
        }
    }
}

#[test]
fn too_few_agents_wait_forever() {
    // 10 erlangs (100 calls of 180 s in 1,800 s): 10 agents or fewer never catch up.
    let calls = interval(100.0, 180.0, 1800.0);
    for agents in [0, 1, 9, 10] {
        let p = calls.performance(agents, &target(0.8, 20.0, 0.85));
        assert_eq!(p.wait_probability, 1.0);
        assert_eq!(p.service_level, 0.0);
        assert_eq!(p.asa_seconds, None);
        assert_eq!(p.occupancy, 1.0);
    }
}

#[test]
fn answering_at_once_is_never_waiting() {
    // Within 0 s the service level is the share that does not wait: 1 − C. pyworkforce's 14
    // agents for 10 erlangs wait with probability 0.1741319335950498 (see above): 0.8258680664.
    let p = interval(100.0, 180.0, 1800.0).performance(14, &target(0.8, 0.0, 0.85));
    rounds_to(p.service_level, 0.825_868_066_404_950_2, 12);
}

#[test]
fn errors_have_stable_codes() {
    let cases: [(Result<(), StaffingError>, &str); 12] = [
        (
            Interval::new(-1.0, 180.0, 1800.0).map(drop),
            "calls_negative",
        ),
        (
            Interval::new(f64::NAN, 180.0, 1800.0).map(drop),
            "calls_negative",
        ),
        (
            Interval::new(100.0, 0.0, 1800.0).map(drop),
            "handle_time_zero",
        ),
        (Interval::new(100.0, 180.0, 0.0).map(drop), "interval_zero"),
        (
            Target::new(0.0, 20.0, 0.85).map(drop),
            "service_level_out_of_range",
        ),
        (
            Target::new(1.01, 20.0, 0.85).map(drop),
            "service_level_out_of_range",
        ),
        (
            Target::new(0.8, -1.0, 0.85).map(drop),
            "answer_time_negative",
        ),
        (
            Target::new(0.8, 20.0, 1.2).map(drop),
            "occupancy_out_of_range",
        ),
        (scheduled(10, 1.0).map(drop), "shrinkage_out_of_range"),
        (scheduled(10, -0.1).map(drop), "shrinkage_out_of_range"),
        (
            interval(100.0, 180.0, 1800.0)
                .required_agents(&target(0.8, 20.0, 0.0))
                .map(drop),
            "unreachable",
        ),
        // Two million erlangs: more than a team of MAX_AGENTS can take.
        (Interval::new(2e6, 3600.0, 3600.0).map(drop), "unreachable"),
    ];
    for (result, code) in cases {
        let error = result.expect_err(code);
        assert_eq!(error.code(), code);
        assert!(!error.to_string().is_empty());
    }
    assert!(
        StaffingError::Unreachable
            .to_string()
            .contains(&MAX_AGENTS.to_string())
    );
}

#[test]
fn a_full_target_is_reached() {
    // 100 % within 20 s: Erlang C only approaches it, but in floating point it arrives.
    let answer = interval(100.0, 180.0, 1800.0)
        .required_agents(&target(1.0, 20.0, 1.0))
        .expect("answered");
    assert_eq!(answer.service_level, 1.0);
}

// ---------------------------------------------------------------------------------------------
// Laws

fn calls() -> impl Strategy<Value = (f64, f64, f64)> {
    // Calls an hour, handle time and answer time: from a trickle to 2,000 erlangs.
    (0.0..6_000.0f64, 10.0..1200.0f64, 0.0..120.0f64)
}

proptest! {
    #[test]
    fn more_agents_never_lower_the_service_level(
        (count, aht, within) in calls(),
        agents in 1u32..2500,
    ) {
        let calls = interval(count, aht, 3600.0);
        let goal = target(0.8, within, 1.0);
        let fewer = calls.performance(agents, &goal);
        let more = calls.performance(agents + 1, &goal);
        prop_assert!(more.service_level >= fewer.service_level - 1e-12, "{fewer:?} {more:?}");
        prop_assert!(more.wait_probability <= fewer.wait_probability + 1e-12);
    }

    #[test]
    fn the_answer_is_the_fewest_agents_meeting_target_and_cap(
        (count, aht, within) in calls(),
        service_level in 0.5..0.99f64,
        cap in 0.6..1.0f64,
    ) {
        let calls = interval(count, aht, 3600.0);
        let goal = target(service_level, within, cap);
        let answer = calls.required_agents(&goal).expect("answered");
        prop_assert!(answer.service_level >= service_level);
        prop_assert!(answer.occupancy <= cap);
        prop_assert_eq!(calls.performance(answer.agents, &goal), answer);
        if answer.agents > 0 {
            let one_fewer = calls.performance(answer.agents - 1, &goal);
            prop_assert!(
                one_fewer.service_level < service_level || one_fewer.occupancy > cap,
                "{one_fewer:?}"
            );
        }
    }

    #[test]
    fn scheduled_agents_cover_the_phones_after_shrinkage(
        agents in 0u32..100_000,
        shrinkage in 0.0..0.95f64,
    ) {
        let people = scheduled(agents, shrinkage).expect("valid shrinkage");
        let available = |n: u64| n as f64 * (1.0 - shrinkage);
        prop_assert!(available(people) >= f64::from(agents) - 1e-6);
        if people > 0 {
            prop_assert!(available(people - 1) < f64::from(agents));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The quote tool's command line

fn args(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_owned).collect()
}

const TEN_ERLANGS: &str = "--calls 100 --interval 1800 --aht 180 --answer-within 20 --target 0.80";

#[test]
fn command_prints_one_object_with_rounded_figures() {
    let answer = interval_answer(&args(TEN_ERLANGS)).expect("answered");
    // pyworkforce's basic usage (above), rounded: 0.8883500191794669 → 0.8884, 0.1741319335950498
    // → 0.1741, 0.7142857142857143 → 0.7143. The ASA by hand from its wait probability:
    // 0.17413193 × 180 s / (14 − 10) = 7.8359 s → 7.84.
    let json = serde_json::to_string(&answer).expect("JSON");
    assert_eq!(
        json,
        r#"{"traffic_erlangs":10.0,"agents":14,"scheduled":20,"service_level":0.8884,"wait_probability":0.1741,"asa_seconds":7.84,"occupancy":0.7143}"#
    );
}

#[test]
fn command_flags_each_count() {
    for &(extra, agents, scheduled) in &[
        // pyworkforce's cap of 0.7 (above): 15 agents, 22 scheduled.
        ("--max-occupancy 0.7", 15, 22),
        // 14 / (1 − 0.35) = 21.54 → 22.
        ("--shrinkage 0.35", 14, 22),
        // 14 with no shrinkage at all.
        ("--shrinkage 0", 14, 14),
        // 21 / 0.7 = 30 exactly (30.000000000000004 in floating point).
        ("--agents 21", 21, 30),
        // A 90 % target: pyworkforce's grid gives 15 (above).
        ("--target 0.9", 15, 22),
        // Flags in any order, defaults spelled out.
        ("--shrinkage 0.30 --max-occupancy 0.85", 14, 20),
    ] {
        let line = if extra.starts_with("--target") {
            format!("{} {extra}", TEN_ERLANGS.replace(" --target 0.80", ""))
        } else {
            format!("{extra} {TEN_ERLANGS}")
        };
        let answer = interval_answer(&args(&line)).expect(extra);
        assert_eq!(
            (answer.agents, answer.scheduled),
            (agents, scheduled),
            "{extra}"
        );
    }
}

#[test]
fn command_evaluates_the_agents_it_is_given() {
    // stimulus (above): 35 calls of 752 s in 900 s with 37 servers: .9042 to .9043 within 20 s.
    let line = "--calls 35 --interval 900 --aht 752 --answer-within 20 --target 0.9 --agents 37";
    let answer = interval_answer(&args(line)).expect("answered");
    assert_eq!(answer.agents, 37);
    assert_eq!(answer.service_level, 0.9042);
    // 35 × 752 / 900 = 29.2444 erlangs; 29.2444 / 37 = 0.7904.
    assert_eq!(answer.traffic_erlangs, 29.2444);
    assert_eq!(answer.occupancy, 0.7904);

    // As many agents as erlangs: the queue never empties, and the JSON says so without NaN.
    let stuck = interval_answer(&args(&format!("{TEN_ERLANGS} --agents 10"))).expect("answered");
    let json = serde_json::to_value(&stuck).expect("JSON");
    assert_eq!(json["wait_probability"], 1.0);
    assert_eq!(json["service_level"], 0.0);
    assert_eq!(json["asa_seconds"], serde_json::Value::Null);
    assert_eq!(json["occupancy"], 1.0);
}

#[test]
fn command_refuses_bad_arguments_with_a_message() {
    let base = TEN_ERLANGS;
    let cases: Vec<(String, &str, &str)> = vec![
        (
            format!("{base} --agnets 3"),
            "unknown_flag",
            "unknown argument \"--agnets\"",
        ),
        (
            format!("{base} 14"),
            "unknown_flag",
            "unknown argument \"14\"",
        ),
        (
            format!("{base} --agents"),
            "missing_value",
            "--agents needs a value after it",
        ),
        (
            format!("{base} --calls 10"),
            "repeated_flag",
            "--calls is given more than once",
        ),
        (
            base.replace("--aht 180 ", ""),
            "missing_flag",
            "--aht is required",
        ),
        (
            base.replace("100", "many"),
            "not_a_number",
            "--calls \"many\" is not a number",
        ),
        (
            base.replace("--aht 180", "--aht inf"),
            "not_a_number",
            "--aht \"inf\" is not a number",
        ),
        (
            base.replace("0.80", "NaN"),
            "not_a_number",
            "--target \"NaN\" is not a number",
        ),
        (
            base.replace("--calls 100", "--calls -5"),
            "calls_negative",
            "--calls -5: the number of calls must be 0 or more",
        ),
        (
            base.replace("1800", "0"),
            "interval_zero",
            "--interval 0: the interval must be above 0 seconds",
        ),
        (
            base.replace("180 ", "0 "),
            "handle_time_zero",
            "--aht 0: the average handle time must be above 0 seconds",
        ),
        (
            base.replace("--answer-within 20", "--answer-within -20"),
            "answer_time_negative",
            "--answer-within -20: the time to answer within must be 0 seconds or more",
        ),
        (
            base.replace("0.80", "80"),
            "service_level_out_of_range",
            "--target 80: the service-level target must be above 0 and at most 1 (100 %)",
        ),
        (
            base.replace("0.80", "0"),
            "service_level_out_of_range",
            "--target 0: the service-level target must be above 0 and at most 1 (100 %)",
        ),
        (
            format!("{base} --max-occupancy 1.5"),
            "occupancy_out_of_range",
            "--max-occupancy 1.5: the maximum occupancy must be from 0 to 1 (100 %)",
        ),
        (
            format!("{base} --shrinkage 1"),
            "shrinkage_out_of_range",
            "--shrinkage 1: shrinkage must be at least 0 and below 1 (100 %)",
        ),
        (
            format!("{base} --agents 0"),
            "agents_out_of_range",
            "--agents \"0\" must be a whole number from 1 to 1000000",
        ),
        (
            format!("{base} --agents 2.5"),
            "agents_out_of_range",
            "--agents \"2.5\" must be a whole number from 1 to 1000000",
        ),
        (
            format!("{base} --max-occupancy 0"),
            "unreachable",
            "no team of up to 1000000 agents meets the service level under the occupancy cap",
        ),
    ];
    for (line, code, message) in cases {
        let error: UsageError = interval_answer(&args(&line)).expect_err(&line);
        assert_eq!(error.code(), code, "{line}");
        assert_eq!(error.to_string(), message, "{line}");
    }
}

#[test]
fn the_quote_tool_answers_staffing_and_exits_2_on_bad_arguments() {
    let run = |line: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_quote"))
            .arg("staffing")
            .args(args(line))
            .output()
            .expect("the quote tool runs")
    };
    let output = run(TEN_ERLANGS);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let mut keys: Vec<&str> = json
        .as_object()
        .expect("one object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "agents",
            "asa_seconds",
            "occupancy",
            "scheduled",
            "service_level",
            "traffic_erlangs",
            "wait_probability"
        ]
    );
    assert_eq!(json["agents"], 14);

    let refused = run("--calls 100 --aht");
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.starts_with("--aht needs a value after it\nusage: quote staffing"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// A month

fn centre(calls_per_month: u64, hours_per_day: u8, days_per_week: u8, profile: Profile) -> Centre {
    Centre {
        calls_per_month,
        handle_time: 180.0,
        hours_per_day,
        days_per_week,
        service_level: 0.8,
        answer_within: 20.0,
        max_occupancy: DEFAULT_MAX_OCCUPANCY,
        shrinkage: DEFAULT_SHRINKAGE,
        profile,
    }
}

/// A flat 12-hour, 7-day centre, by hand:
/// - a month is 52/12 × 7 = 30.333… open days; 72,800 calls a month are 72,800 / 30.333… =
///   2,400 a day, 200 in each of the 12 hours;
/// - 200 calls of 180 s in 3,600 s are 10 erlangs, pyworkforce's basic usage (above): 14 agents
///   every hour, at a service level of 0.88835 and occupancy 10/14 = 0.7143;
/// - agent-hours: 14 agents × 12 hours × 30.333… days = 5,096;
/// - full-time agents: 5,096 / (40 h × 52/12 weeks × (1 − 0.30)) = 5,096 / 121.333… = 42
///   exactly, so 42 (not 43).
#[test]
fn a_flat_month_by_hand() {
    let month = size_month(&centre(72_800, 12, 7, Profile::Flat)).expect("sized");
    rounds_to(month.days_per_month, 30.333_333, 6);
    rounds_to(month.calls_per_day, 2400.0, 9);
    let hours: Vec<u8> = month.hours.iter().map(|h| h.hour).collect();
    assert_eq!(hours, (8..20).collect::<Vec<u8>>());
    for hour in &month.hours {
        rounds_to(hour.calls, 200.0, 9);
        rounds_to(hour.traffic_erlangs, 10.0, 9);
        assert_eq!(hour.agents, 14);
    }
    // Every hour is as busy as the next: the first counts.
    assert_eq!(month.busiest_hour, 8);
    assert_eq!(month.busiest.agents, 14);
    rounds_to(month.busiest.service_level, 0.888_350_019_179_466_9, 9);
    rounds_to(month.busiest.occupancy, 0.7143, 4);
    rounds_to(month.agent_hours, 5096.0, 9);
    assert_eq!(month.full_time_agents, 42);
    let around: Vec<u32> = month.around_answer.iter().map(|p| p.agents).collect();
    assert_eq!(around, (11..=18).collect::<Vec<u32>>());
    assert!(
        month
            .around_answer
            .windows(2)
            .all(|w| w[0].service_level <= w[1].service_level)
    );
}

/// The typical profile in a 08:00–20:00 centre: the weights of those hours sum to
/// 8 + 11 + 13 + 14 + 12 + 11 + 10 + 9 + 10 + 11 + 9 + 7 = 125, and 11:00 carries 14 of them.
/// 91,000 calls a month over 30.333… days are 3,000 a day; 11:00 gets 3,000 × 14/125 = 336
/// calls, 336 × 180 / 3,600 = 16.8 erlangs, and needs more agents than the flat 250 an hour.
#[test]
fn a_typical_day_peaks_late_in_the_morning() {
    let month = size_month(&centre(91_000, 12, 7, Profile::Typical)).expect("sized");
    assert_eq!(month.busiest_hour, 11);
    let eleven = month
        .hours
        .iter()
        .find(|h| h.hour == 11)
        .expect("open at 11");
    rounds_to(eleven.calls, 336.0, 9);
    rounds_to(eleven.traffic_erlangs, 16.8, 9);
    let day: f64 = month.hours.iter().map(|h| h.calls).sum();
    rounds_to(day, 3000.0, 9);
    assert!(month.hours.iter().all(|h| h.agents <= month.busiest.agents));
    assert_eq!(eleven.agents, month.busiest.agents);
    let flat = size_month(&centre(91_000, 12, 7, Profile::Flat)).expect("sized");
    assert!(month.busiest.agents > flat.busiest.agents);
    assert!(month.busiest.occupancy <= DEFAULT_MAX_OCCUPANCY);
    assert!(month.busiest.service_level >= 0.8);
}

#[test]
fn opening_hours_run_from_eight_or_end_at_midnight() {
    for &(hours_per_day, first, last) in &[
        (1, 8, 8),
        (12, 8, 19),
        (16, 8, 23),
        (17, 7, 23),
        (24, 0, 23),
    ] {
        let month = size_month(&centre(50_000, hours_per_day, 5, Profile::Typical)).expect("sized");
        let open: Vec<u8> = month.hours.iter().map(|h| h.hour).collect();
        assert_eq!(
            open,
            (first..=last).collect::<Vec<u8>>(),
            "{hours_per_day} hours"
        );
    }
}

#[test]
fn a_month_with_no_calls_needs_no_one() {
    let month = size_month(&centre(0, 12, 5, Profile::Typical)).expect("sized");
    assert_eq!(month.busiest.agents, 0);
    assert_eq!(month.agent_hours, 0.0);
    assert_eq!(month.full_time_agents, 0);
    // 5 days: 52/12 × 5 = 21.666… days a month.
    rounds_to(month.days_per_month, 21.666_667, 6);
}

#[test]
fn a_month_refuses_what_no_centre_is() {
    let mut cases = Vec::new();
    for (change, code) in [
        (
            (|c: &mut Centre| c.hours_per_day = 0) as fn(&mut Centre),
            "hours_out_of_range",
        ),
        (|c| c.hours_per_day = 25, "hours_out_of_range"),
        (|c| c.days_per_week = 0, "days_out_of_range"),
        (|c| c.days_per_week = 8, "days_out_of_range"),
        (|c| c.shrinkage = 1.0, "shrinkage_out_of_range"),
        (|c| c.handle_time = 0.0, "handle_time_zero"),
        (|c| c.service_level = 1.5, "service_level_out_of_range"),
        (|c| c.answer_within = -1.0, "answer_time_negative"),
        (|c| c.max_occupancy = -0.1, "occupancy_out_of_range"),
        (|c| c.max_occupancy = 0.0, "unreachable"),
    ] {
        let mut wrong = centre(50_000, 12, 5, Profile::Typical);
        change(&mut wrong);
        cases.push((wrong, code));
    }
    for (wrong, code) in cases {
        assert_eq!(
            size_month(&wrong).map(drop).map_err(StaffingError::code),
            Err(code)
        );
    }
}

#[test]
fn a_month_serializes_for_the_page() {
    let month = size_month(&centre(91_000, 12, 7, Profile::Typical)).expect("sized");
    let json = serde_json::to_value(&month).expect("JSON");
    assert_eq!(json["busiest_hour"], 11);
    assert_eq!(json["hours"].as_array().map(Vec::len), Some(12));
    assert_eq!(json["around_answer"].as_array().map(Vec::len), Some(8));
    assert_eq!(
        serde_json::to_value(Profile::Typical).expect("JSON"),
        "typical"
    );
}
