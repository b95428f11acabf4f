//! The staffing engine against worked examples published by others (each cited with what it
//! states) and the laws Erlang C keeps.

use biaya_bpo::staffing::{Interval, MAX_AGENTS, StaffingError, Target, scheduled};
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
