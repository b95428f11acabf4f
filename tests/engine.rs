//! The pricing rules of docs/pricing-rules.md, each worked by hand on the published tariff.

use biaya_bpo::estimate::{
    ActivityEstimate, ActivityRequest, Estimate, EstimateError, LineKind, OptionSet, Request,
    Rules, Volumes, estimate,
};
use biaya_bpo::money::Currency;
use biaya_bpo::tariff::{Activity, Tariff, Tier, catalogue};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn tariff() -> Tariff {
    catalogue()
        .expect("the bundled tariffs are valid")
        .latest()
        .clone()
}

/// The first price band of an activity's first unit, to change in a test.
fn first_tier(activity: &mut Activity) -> &mut Tier {
    &mut activity.models.to_mut()[0].units.to_mut()[0].tiers.to_mut()[0]
}

fn activity(id: &str, model: &str, volumes: &[(&str, u64)], options: &[&str]) -> ActivityRequest {
    ActivityRequest {
        activity: id.into(),
        model: model.into(),
        volumes: volumes
            .iter()
            .map(|&(unit, quantity)| (unit.to_owned(), quantity))
            .collect::<Volumes>(),
        options: options.iter().map(|&o| o.to_owned()).collect::<OptionSet>(),
        sizing: None,
        site: None,
        in_house: Default::default(),
        examples: Vec::new(),
    }
}

fn request(site: &str, term: &str, activities: Vec<ActivityRequest>) -> Request {
    Request {
        site: site.into(),
        term: term.into(),
        currency: Currency::Idr,
        service_language: "id".into(),
        fluctuation: 30,
        activities,
        discount: None,
        vat: Default::default(),
        rules: Default::default(),
    }
}

fn priced(tariff: &Tariff, request: &Request) -> Estimate {
    estimate(tariff, request).expect("the request is valid")
}

fn only(estimate: &Estimate) -> &ActivityEstimate {
    assert_eq!(estimate.activities.len(), 1);
    &estimate.activities[0]
}

/// (kind, quantity, amount) of each monthly line, for compact assertions.
fn monthly(activity: &ActivityEstimate) -> Vec<(LineKind, Option<u64>, Decimal)> {
    activity
        .monthly_lines
        .iter()
        .map(|l| (l.kind.clone(), l.quantity, l.amount))
        .collect()
}

fn tier(unit: &str, tier: usize, from: u64, to: Option<u64>) -> LineKind {
    LineKind::Tier {
        unit: unit.into(),
        tier,
        from,
        to,
    }
}

fn minutes(n: u64) -> ActivityRequest {
    activity("call-centre", "shared", &[("minutes", n)], &[])
}

#[test]
fn rule_1_each_unit_pays_the_price_of_its_band() {
    let t = tariff();
    // 60,000 inbound minutes, Jakarta, month to month (no discount):
    //   minutes      1-20,000: 20,000 x 3,500 =  70,000,000
    //   minutes 20,001-60,000: 40,000 x 3,200 = 128,000,000
    //   fee                                   =   5,000,000
    //   VAT 11 % of 203,000,000               =  22,330,000  -> monthly 225,330,000
    let e = priced(&t, &request("jakarta", "monthly", vec![minutes(60_000)]));
    let a = only(&e);
    assert_eq!(
        monthly(a),
        vec![
            (LineKind::ManagementFee, None, dec!(5000000)),
            (
                tier("minutes", 0, 1, Some(20_000)),
                Some(20_000),
                dec!(70000000)
            ),
            (
                tier("minutes", 1, 20_001, Some(100_000)),
                Some(40_000),
                dec!(128000000)
            ),
            (LineKind::Vat { rate: dec!(0.11) }, None, dec!(22330000)),
        ]
    );
    assert_eq!(a.monthly, dec!(225330000));

    // One minute past a band costs the next band's price on that minute only: no cliff.
    let at = |n| {
        priced(&t, &request("jakarta", "monthly", vec![minutes(n)])).activities[0].monthly_subtotal
    };
    assert_eq!(at(20_000), dec!(75000000));
    assert_eq!(at(20_001), dec!(75003200));
    // The fourth band starts above 500,000: 20,000 x 3,500 + 80,000 x 3,200 + 400,000 x 2,900
    // + 100,000 x 2,600 = 70,000,000 + 256,000,000 + 1,160,000,000 + 260,000,000, plus the fee.
    assert_eq!(at(600_000), dec!(1751000000));
}

#[test]
fn rule_2_the_site_scales_labour_not_the_fee_nor_space() {
    let t = tariff();
    // Yogyakarta, factor 0.75: a minute costs 3,500 x 0.75 = 2,625; the fee stays 5,000,000.
    let e = priced(&t, &request("yogyakarta", "monthly", vec![minutes(20_000)]));
    let a = only(&e);
    assert_eq!(a.monthly_lines[0].amount, dec!(5000000));
    assert_eq!(a.monthly_lines[1].unit_price, Some(dec!(2625)));
    assert_eq!(a.monthly_lines[1].amount, dec!(52500000));

    // Manila, factor 1.60: five dedicated agents at 12,000,000 x 1.6 = 19,200,000 a month and
    // 9,000,000 x 1.6 = 14,400,000 each to recruit and train; onboarding stays 15,000,000.
    let mut r = request(
        "manila",
        "monthly",
        vec![activity("call-centre", "dedicated", &[("agents", 5)], &[])],
    );
    r.service_language = "en".into();
    let e = priced(&t, &r);
    let a = only(&e);
    assert_eq!(a.monthly_lines[1].amount, dec!(96000000));
    let one_time: Vec<_> = a
        .one_time_lines
        .iter()
        .map(|l| (l.kind.clone(), l.amount))
        .collect();
    assert_eq!(
        one_time,
        vec![
            (LineKind::Onboarding, dec!(15000000)),
            (
                LineKind::SeatSetup {
                    unit: "agents".into()
                },
                dec!(72000000)
            ),
            // 11 % of 87,000,000
            (LineKind::Vat { rate: dec!(0.11) }, dec!(9570000)),
        ]
    );

    // Storage is space, not labour: 20 pallets cost 20 x 150,000 in Yogyakarta too, while
    // 3,000 orders cost 3,000 x 4,500 x 0.75 = 10,125,000.
    let e = priced(
        &t,
        &request(
            "yogyakarta",
            "monthly",
            vec![activity(
                "fulfilment",
                "standard",
                &[("orders", 3_000), ("pallets", 20)],
                &[],
            )],
        ),
    );
    let lines = monthly(only(&e));
    assert_eq!(
        lines[1],
        (
            tier("orders", 0, 1, Some(5_000)),
            Some(3_000),
            dec!(10125000)
        )
    );
    assert_eq!(
        lines[2],
        (tier("pallets", 0, 1, Some(500)), Some(20), dec!(3000000))
    );
}

#[test]
fn rule_3_options_are_surcharges_on_labour_each_its_own_line() {
    let t = tariff();
    // Labour 20,000 x 3,500 = 70,000,000: 24/7 adds 35 % = 24,500,000, premium QA 8 % =
    // 5,600,000, each on the labour, in the tariff's order whatever the request's.
    let e = priced(
        &t,
        &request(
            "jakarta",
            "monthly",
            vec![activity(
                "call-centre",
                "shared",
                &[("minutes", 20_000)],
                &["premium-qa", "24-7"],
            )],
        ),
    );
    let lines = monthly(only(&e));
    assert_eq!(
        lines[2..4],
        [
            (
                LineKind::Option {
                    option: "24-7".into(),
                    rate: dec!(0.35)
                },
                None,
                dec!(24500000)
            ),
            (
                LineKind::Option {
                    option: "premium-qa".into(),
                    rate: dec!(0.08)
                },
                None,
                dec!(5600000)
            ),
        ]
    );

    // Same-day dispatch (10 %) surcharges the 3,000 orders (13,500,000), not the pallets.
    let e = priced(
        &t,
        &request(
            "jakarta",
            "monthly",
            vec![activity(
                "fulfilment",
                "standard",
                &[("orders", 3_000), ("pallets", 20)],
                &["same-day"],
            )],
        ),
    );
    let lines = monthly(only(&e));
    assert_eq!(lines[3].2, dec!(1350000));
}

#[test]
fn rule_4_a_minimum_commitment_line_tops_up_a_small_month() {
    let t = tariff();
    // 1,000 minutes: 5,000,000 fee + 3,500,000 = 8,500,000, below the 25,000,000 minimum.
    let e = priced(&t, &request("jakarta", "monthly", vec![minutes(1_000)]));
    let a = only(&e);
    assert_eq!(a.monthly_lines[2].kind, LineKind::Minimum);
    assert_eq!(a.monthly_lines[2].amount, dec!(16500000));
    assert_eq!(a.monthly_subtotal, dec!(25000000));
    // Above the minimum there is no top-up line.
    let e = priced(&t, &request("jakarta", "monthly", vec![minutes(20_000)]));
    assert!(
        !only(&e)
            .monthly_lines
            .iter()
            .any(|l| l.kind == LineKind::Minimum)
    );
}

#[test]
fn rules_5_and_6_discount_then_vat_on_recurring_and_vat_on_one_time() {
    let t = tariff();
    // 36 months, 12 %: 75,000,000 subtotal - 9,000,000 = 66,000,000; VAT 11 % = 7,260,000.
    let e = priced(&t, &request("jakarta", "36m", vec![minutes(20_000)]));
    let a = only(&e);
    let tail: Vec<_> = monthly(a).into_iter().skip(2).collect();
    assert_eq!(
        tail,
        vec![
            (
                LineKind::Discount { rate: dec!(0.12) },
                None,
                dec!(-9000000)
            ),
            (LineKind::Vat { rate: dec!(0.11) }, None, dec!(7260000)),
        ]
    );
    assert_eq!(a.monthly, dec!(73260000));
    // One-time: onboarding 15,000,000 is not discounted; VAT 1,650,000.
    assert_eq!(a.one_time, dec!(16650000));
}

#[test]
fn rule_5_a_negotiated_discount_comes_after_the_term_discount_and_before_vat() {
    let t = tariff();
    // 20,000 minutes on 12 months: 75,000,000 - 5 % = 71,250,000; a negotiated 2.5 % of that is
    // 1,781,250, leaving 69,468,750; VAT 11 % = 7,641,562.5 -> 7,641,563; month 77,110,313.
    let mut r = request("jakarta", "12m", vec![minutes(20_000)]);
    r.discount = Some(dec!(0.025));
    let e = priced(&t, &r);
    let lines = monthly(only(&e));
    assert_eq!(
        lines[lines.len() - 3..],
        [
            (
                LineKind::Discount { rate: dec!(0.05) },
                None,
                dec!(-3750000)
            ),
            (
                LineKind::NegotiatedDiscount { rate: dec!(0.025) },
                None,
                dec!(-1781250)
            ),
            (LineKind::Vat { rate: dec!(0.11) }, None, dec!(7641563)),
        ]
    );
    assert_eq!(e.totals.monthly, dec!(77110313));
    // One-time charges are not discounted: 15,000,000 + VAT = 16,650,000, as without it.
    assert_eq!(e.totals.one_time, dec!(16650000));
    r.discount = Some(dec!(1));
    assert_eq!(
        estimate(&t, &r).map_err(|e| e.code()),
        Err("discount_out_of_range")
    );
}

#[test]
fn rule_7_converts_at_the_tariffs_rate_before_rounding() {
    let t = tariff();
    let mut r = request("jakarta", "monthly", vec![minutes(20_000)]);
    r.currency = Currency::Usd;
    // As links of formats 1 and 2 are priced; rule 13 multiplies the lines out from format 3.
    r.rules = Rules::Format2;
    // At 16,693 rupiah a dollar: fee 5,000,000 = 299.5267.. = 299.53; minutes 70,000,000 =
    // 4,193.3745.. = 4,193.37 (a price of 0.2097 times 20,000 would say 4,194.00);
    // VAT 11 % of 4,492.90 = 494.219 = 494.22; monthly 4,987.12.
    let e = priced(&t, &r);
    let a = only(&e);
    assert_eq!(e.rate, dec!(16693));
    assert_eq!(
        monthly(a)
            .into_iter()
            .map(|(_, _, amount)| amount)
            .collect::<Vec<_>>(),
        vec![dec!(299.53), dec!(4193.37), dec!(494.22)]
    );
    assert_eq!(a.monthly_lines[1].unit_price, Some(dec!(0.2097)));
    assert_eq!(a.monthly, dec!(4987.12));
}

#[test]
fn rule_8_lines_round_half_away_from_zero_and_add_up() {
    let mut t = tariff();
    // A tariff where VAT lands on half a rupiah: 150 minutes at 1 rupiah, no fee, no minimum.
    // VAT 11 % of 150 = 16.5: banker's rounding would give 16, a quote gives 17.
    // The bundled tariff borrows its lists: `to_mut` gives the test its own copy to change.
    let call = &mut t.activities.to_mut()[0];
    call.management_fee = Decimal::ZERO;
    call.minimum = Decimal::ZERO;
    first_tier(call).price = Decimal::ONE;
    let e = priced(&t, &request("jakarta", "monthly", vec![minutes(150)]));
    let a = only(&e);
    assert_eq!(a.monthly_lines.last().map(|l| l.amount), Some(dec!(17)));
    assert_eq!(a.monthly, dec!(167));

    // In dollars every line is whole cents and the document adds up.
    let t = tariff();
    let mut r = request("bengaluru", "24m", vec![]);
    r.service_language = "en".into();
    r.currency = Currency::Usd;
    r.activities = t
        .activities
        .iter()
        .filter(|a| a.id != "fulfilment")
        .map(ActivityRequest::starter)
        .collect();
    let e = priced(&t, &r);
    for a in &e.activities {
        let lines = a.monthly_lines.iter().chain(&a.one_time_lines);
        assert!(lines.clone().all(|l| l.amount.scale() == 2), "{lines:?}");
        let sum: Decimal = a.monthly_lines.iter().map(|l| l.amount).sum();
        assert_eq!(sum, a.monthly);
        let sum: Decimal = a.one_time_lines.iter().map(|l| l.amount).sum();
        assert_eq!(sum, a.one_time);
    }
    let monthly: Decimal = e.activities.iter().map(|a| a.monthly).sum();
    assert_eq!(e.totals.monthly, monthly);
}

#[test]
fn rule_9_totals_and_cost_per_unit() {
    let t = tariff();
    // 24 months (8 %): subtotal 75,000,000 - 6,000,000 = 69,000,000 + VAT 7,590,000 =
    // 76,590,000 a month; one-time 16,650,000.
    let e = priced(&t, &request("jakarta", "24m", vec![minutes(20_000)]));
    assert_eq!(e.totals.monthly, dec!(76590000));
    assert_eq!(e.totals.one_time, dec!(16650000));
    // first year 16,650,000 + 12 x 76,590,000; contract 16,650,000 + 24 x 76,590,000
    assert_eq!(e.totals.first_year, dec!(935730000));
    assert_eq!(e.totals.contract, dec!(1854810000));
    // 76,590,000 / 20,000 minutes = 3,829.50 a minute, all in.
    let per_unit = only(&e).per_unit.clone().expect("minutes were given");
    assert_eq!(
        (per_unit.unit.as_str(), per_unit.amount),
        ("minutes", dec!(3829.5))
    );

    // Month to month: the contract is one month.
    let e = priced(&t, &request("jakarta", "monthly", vec![minutes(20_000)]));
    assert_eq!(e.totals.contract, e.totals.one_time + e.totals.monthly);
    // No volume on the main unit: no cost per unit rather than a division by zero.
    let e = priced(&t, &request("jakarta", "monthly", vec![minutes(0)]));
    assert_eq!(only(&e).per_unit, None);
    // Chats beside the minutes: the month is not the minutes' alone, so no cost per minute.
    let both = activity(
        "call-centre",
        "shared",
        &[("minutes", 20_000), ("chats", 500)],
        &[],
    );
    let e = priced(&t, &request("jakarta", "monthly", vec![both]));
    assert_eq!(only(&e).per_unit, None);
}

#[test]
fn rule_10_the_same_work_in_house() {
    let t = tariff();
    // 20,000 minutes / 3,000 a month per agent = 6.67: 7 agents at 6,200,000.
    //   wages          7 x 6,200,000                                  = 43,400,000
    //   BPJS           7 x 6,200,000 x (4 + 3.7 + 2 + 0.3 + 0.24) %   =  4,444,160
    //   THR            6,200,000 / 12 = 516,666.67, a price in whole
    //                  rupiah of 516,667 (rule 13) x 7                =  3,616,669
    //   overhead       7 x 6,000,000                                  = 42,000,000
    //   monthly                                                         93,460,829
    //   one-time       7 x 10,000,000                                 = 70,000,000
    let e = priced(&t, &request("jakarta", "12m", vec![minutes(20_000)]));
    let in_house = &only(&e).in_house;
    assert_eq!(in_house.staff, 7);
    let lines: Vec<_> = in_house
        .monthly_lines
        .iter()
        .map(|l| (l.kind.clone(), l.amount))
        .collect();
    assert_eq!(
        lines,
        vec![
            (LineKind::Wages, dec!(43400000)),
            (LineKind::Contributions, dec!(4444160)),
            (LineKind::Thr, dec!(3616669)),
            (LineKind::Overhead, dec!(42000000)),
        ]
    );
    assert_eq!(e.in_house.monthly, dec!(93460829));
    assert_eq!(e.in_house.one_time, dec!(70000000));
    // Outsourced on 12 months: (75,000,000 - 3,750,000) x 1.11 = 79,087,500. Saving
    // 14,373,329 = 15.38 % of the in-house month.
    assert_eq!(e.totals.monthly, dec!(79087500));
    assert_eq!(e.saving.monthly, dec!(14373329));
    assert_eq!(e.saving.percent, Some(dec!(15.4)));

    // Where outsourcing costs more, the saving is negative, not hidden. 20 appointments:
    // in-house 2 reps (20 / 12 rounded up): 2 x (9,000,000 + 921,600 + 750,000 + 5,000,000)
    // = 31,343,200; outsourced (4,000,000 + 30,000,000) x 0.95 x 1.11 = 35,853,000.
    let e = priced(
        &t,
        &request(
            "jakarta",
            "12m",
            vec![activity("sales", "standard", &[("appointments", 20)], &[])],
        ),
    );
    assert_eq!(e.in_house.monthly, dec!(31343200));
    assert_eq!(e.totals.monthly, dec!(35853000));
    assert_eq!(e.saving.monthly, dec!(-4509800));
    assert_eq!(e.saving.percent, Some(dec!(-14.4)));
}

#[test]
fn rule_10_bpjs_kesehatan_stops_at_its_wage_cap_and_options_cost_in_house_too() {
    let mut t = tariff();
    let sales = t
        .activities
        .to_mut()
        .iter_mut()
        .find(|a| a.id == "sales")
        .expect("sales");
    sales.in_house.wage = dec!(15000000);
    // One rep earning 15,000,000: Kesehatan 4 % of the 12,000,000 cap = 480,000, the rest of
    // BPJS 6.24 % of 15,000,000 = 936,000: 1,416,000. THR 1,250,000. With account research
    // (15 %) the in-house team costs 15 % more pay too: 0.15 x 17,666,000 = 2,649,900.
    let e = priced(
        &t,
        &request(
            "jakarta",
            "12m",
            vec![activity(
                "sales",
                "standard",
                &[("reps", 1)],
                &["account-research"],
            )],
        ),
    );
    let lines: Vec<_> = only(&e)
        .in_house
        .monthly_lines
        .iter()
        .map(|l| (l.kind.clone(), l.amount))
        .collect();
    assert_eq!(lines[1], (LineKind::Contributions, dec!(1416000)));
    assert_eq!(lines[2], (LineKind::Thr, dec!(1250000)));
    assert_eq!(
        lines[3],
        (
            LineKind::Option {
                option: "account-research".into(),
                rate: dec!(0.15)
            },
            dec!(2649900)
        )
    );
}

#[test]
fn rule_11_the_range_moves_volumes_not_seats() {
    let t = tariff();
    // 20,000 minutes +-30 %: 14,000 and 26,000.
    //   low:  (14,000 x 3,500 + 5,000,000) x 0.95 x 1.11 = 56,943,000
    //   high: (20,000 x 3,500 + 6,000 x 3,200 + 5,000,000) x 0.95 = 89,490,000 x 1.11
    //         = 99,333,900
    let e = priced(&t, &request("jakarta", "12m", vec![minutes(20_000)]));
    assert_eq!(
        (e.range.percent, e.range.low, e.range.high),
        (30, dec!(56943000), dec!(99333900))
    );

    // Dedicated agents are people on contract: the bill does not move with traffic.
    let mut r = request(
        "jakarta",
        "12m",
        vec![activity("call-centre", "dedicated", &[("agents", 5)], &[])],
    );
    r.fluctuation = 50;
    let e = priced(&t, &r);
    assert_eq!(
        (e.range.low, e.range.high),
        (e.totals.monthly, e.totals.monthly)
    );

    // The fixed part is what a month costs with no volume: the 25,000,000 minimum, discounted
    // 5 % and taxed 11 % = 26,362,500. The variable part is the rest of the 79,087,500 month
    // (rule 9's example): 52,725,000.
    let e = priced(&t, &request("jakarta", "12m", vec![minutes(20_000)]));
    assert_eq!(e.totals.monthly_fixed, dec!(26362500));
    assert_eq!(e.totals.monthly_variable, dec!(52725000));
}

#[test]
fn rule_10_in_house_options_are_a_share_of_the_pay_lines_as_shown() {
    let catalogue = catalogue().expect("valid");
    let open = |text: &str| {
        let opened = biaya_bpo::link::decode(text, catalogue).expect("our link");
        assert_eq!(opened.dropped, [], "{text}");
        priced(catalogue.latest(), &opened.contents.request)
    };
    // One returned parcel needs one warehouse employee at the minimum wage:
    //   wage 5,729,876; BPJS 10.24 % = 586,739.30 -> 586,739; THR / 12 = 477,489.67 -> 477,490;
    //   same-day dispatch 10 % of the 6,794,105 shown = 679,410.5 -> 679,411 (half away from
    //   zero), where 10 % of the unrounded pay would round to 679,410.
    let e = open("v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&fulfilment=0.0.0.0.1~1&z=4af23403");
    let lines: Vec<Decimal> = only(&e)
        .in_house
        .monthly_lines
        .iter()
        .map(|l| l.amount)
        .collect();
    assert_eq!(
        lines[..4],
        [dec!(5729876), dec!(586739), dec!(477490), dec!(679411)]
    );
    // In dollars at 16,693: eleven dedicated agents at 6,200,000 are 4,085.54 wages, 418.36
    // BPJS and 340.46 THR; the extra language is 15 % of 4,844.36 = 726.654 -> 726.65.
    let e =
        open("v=1&t=2026-11&s=jakarta&k=12m&c=USD&l=id&f=30&call-centre=dedicated.11~4&z=aea9c2f7");
    let lines: Vec<Decimal> = only(&e)
        .in_house
        .monthly_lines
        .iter()
        .map(|l| l.amount)
        .collect();
    assert_eq!(
        lines[..4],
        [dec!(4085.54), dec!(418.36), dec!(340.46), dec!(726.65)]
    );
}

#[test]
fn rule_13_every_line_is_its_quantity_times_its_unit_price_as_shown() {
    let t = tariff();
    // 250 payslips in dollars, Jakarta, month to month, at 16,693 rupiah a dollar. A payslip's
    // Rp 45,000 is 2.695740.. = USD 2.6957 to four places, and the line is 250 x 2.6957 =
    // 673.925 -> 673.93 (half away from zero). The fee 2,500,000 = 149.7633.. = 149.76;
    // subtotal 823.69 (over the minimum, 6,000,000 = 359.43); VAT 11 % = 90.6059 -> 90.61;
    // monthly 914.30.
    let payslips = activity("accounting", "standard", &[("payslips", 250)], &[]);
    let mut r = request("jakarta", "monthly", vec![payslips]);
    r.currency = Currency::Usd;
    let e = priced(&t, &r);
    let line = &only(&e).monthly_lines[1];
    assert_eq!(
        (line.quantity, line.unit_price, line.amount),
        (Some(250), Some(dec!(2.6957)), dec!(673.93))
    );
    assert_eq!(only(&e).monthly, dec!(914.30));
    // Links of formats 1 and 2 keep their figures: there the line is the rupiah amount
    // 11,250,000 converted, 673.935.. -> 673.94, beside the same unit price, which does not
    // multiply out; subtotal 823.70, VAT 90.607 -> 90.61, monthly 914.31.
    r.rules = Rules::Format2;
    let e = priced(&t, &r);
    assert_eq!(only(&e).monthly_lines[1].amount, dec!(673.94));
    assert_eq!(only(&e).monthly, dec!(914.31));

    // The in-house lines too. Eleven agents at 6,200,000, in dollars: a wage of 371.41316.. =
    // 371.4132 x 11 = 4,085.5452 -> 4,085.55; BPJS 634,880 = 38.03270.. = 38.0327 x 11 =
    // 418.3597 -> 418.36; THR 516,666.67 = 30.95109.. = 30.9511 x 11 = 340.4621 -> 340.46; the
    // extra language 15 % of the 4,844.37 shown = 726.6555 -> 726.66. (Priced from the rupiah
    // amounts, as a format-1 link is, they are 4,085.54, 418.36, 340.46 and 726.65: rule 10.)
    let team = activity(
        "call-centre",
        "dedicated",
        &[("agents", 11)],
        &["extra-language"],
    );
    let mut r = request("jakarta", "12m", vec![team]);
    r.currency = Currency::Usd;
    let e = priced(&t, &r);
    let lines: Vec<_> = only(&e).in_house.monthly_lines[..4]
        .iter()
        .map(|l| (l.quantity, l.unit_price, l.amount))
        .collect();
    assert_eq!(
        lines,
        [
            (Some(11), Some(dec!(371.4132)), dec!(4085.55)),
            (Some(11), Some(dec!(38.0327)), dec!(418.36)),
            (Some(11), Some(dec!(30.9511)), dec!(340.46)),
            (None, None, dec!(726.66)),
        ]
    );

    // In rupiah a unit price is whole rupiah: the THR of 6,200,000 / 12 = 516,666.67 is priced
    // at 516,667 a person (rule 10's example).
    let r = request("jakarta", "12m", vec![minutes(20_000)]);
    let thr = only(&priced(&t, &r)).in_house.monthly_lines[2].clone();
    assert_eq!(
        (thr.kind, thr.quantity, thr.unit_price, thr.amount),
        (LineKind::Thr, Some(7), Some(dec!(516667)), dec!(3616669))
    );
}

#[test]
fn rule_14_a_team_of_agents_has_the_channels_it_does_not_answer_priced_beside_it() {
    let t = tariff();
    // Jakarta, month to month, in rupiah: five dedicated agents, 12,000 chats and 500 e-mails.
    //   fee                                           5,000,000
    //   agents 1-10            5 x 12,000,000   =    60,000,000
    //   chats 1-5,000      5,000 x  8,500       =    42,500,000
    //   chats 5,001-25,000 7,000 x  7,800       =    54,600,000
    //   e-mails 1-5,000      500 x 11,000       =     5,500,000
    //   subtotal 167,600,000; VAT 11 % 18,436,000; monthly 186,036,000.
    // One-time: onboarding 15,000,000 + 5 seats x 9,000,000, plus VAT: 66,600,000.
    let team = activity(
        "call-centre",
        "dedicated",
        &[("agents", 5), ("chats", 12_000), ("emails", 500)],
        &[],
    );
    let r = request("jakarta", "monthly", vec![team]);
    let e = priced(&t, &r);
    let a = only(&e);
    assert_eq!(
        monthly(a),
        vec![
            (LineKind::ManagementFee, None, dec!(5000000)),
            (tier("agents", 0, 1, Some(10)), Some(5), dec!(60000000)),
            (
                tier("chats", 0, 1, Some(5_000)),
                Some(5_000),
                dec!(42500000)
            ),
            (
                tier("chats", 1, 5_001, Some(25_000)),
                Some(7_000),
                dec!(54600000)
            ),
            (tier("emails", 0, 1, Some(5_000)), Some(500), dec!(5500000)),
            (LineKind::Vat { rate: dec!(0.11) }, None, dec!(18436000)),
        ]
    );
    assert_eq!(a.monthly, dec!(186036000));
    assert_eq!(e.totals.one_time, dec!(66600000));
    // In-house: 5 agents + 12,000 / 1,300 + 500 / 1,000 = 14.73 employees, so 15.
    assert_eq!(a.in_house.staff, 15);
    // The fixed part is the fee and the agents, 65,000,000 + VAT = 72,150,000; the range moves
    // the chats and e-mails, never the agents: 30 % fewer is 8,400 chats (5,000 x 8,500 +
    // 3,400 x 7,800 = 69,020,000) and 350 e-mails (3,850,000), a month of 137,870,000 + VAT =
    // 153,035,700.
    assert_eq!(a.monthly_fixed, dec!(72150000));
    assert_eq!(e.range.low, dec!(153035700));

    // The calls are what the agents answer: inbound minutes beside them are refused, and a
    // shared model has no team to price anything beside.
    for (model, unit) in [("dedicated", "minutes"), ("shared", "agents")] {
        let wrong = activity("call-centre", model, &[(unit, 100)], &[]);
        let r = request("jakarta", "monthly", vec![wrong]);
        assert_eq!(
            estimate(&t, &r).map_err(|e| e.code()),
            Err("unknown_unit"),
            "{model}"
        );
    }
    // Links of formats 1 and 2 priced a team's agents alone: there the chats are refused too.
    let mut old = r.clone();
    old.rules = Rules::Format2;
    assert_eq!(
        estimate(&t, &old).map_err(|e| e.code()),
        Err("unknown_unit")
    );
}

#[test]
fn amounts_in_dollars_are_written_in_cents_even_when_nothing_is_owed() {
    // No activity: nothing in-house either, yet every amount reads 0.00 as a quote prints it.
    let t = tariff();
    let mut r = request("jakarta", "12m", vec![]);
    r.currency = Currency::Usd;
    let e = priced(&t, &r);
    for amount in [
        e.totals.monthly,
        e.totals.one_time,
        e.totals.first_year,
        e.totals.contract,
        e.in_house.monthly,
        e.in_house.one_time,
        e.saving.monthly,
        e.range.low,
        e.range.high,
    ] {
        assert_eq!(amount.to_string(), "0.00", "{e:?}");
    }
}

#[test]
fn an_empty_request_costs_nothing() {
    let t = tariff();
    let e = priced(&t, &Request::starter(&t));
    assert_eq!(e.totals.monthly, Decimal::ZERO);
    assert_eq!(e.totals.contract, Decimal::ZERO);
    assert_eq!(e.saving.percent, None);
}

#[test]
fn bad_requests_are_typed_errors_with_stable_codes() {
    let t = tariff();
    let ok = || request("jakarta", "12m", vec![minutes(100)]);
    let with = |change: &dyn Fn(&mut Request)| {
        let mut r = ok();
        change(&mut r);
        r
    };
    let cases: Vec<(Request, &str)> = vec![
        (with(&|r| r.site = "tokyo".into()), "unknown_site"),
        (with(&|r| r.term = "7m".into()), "unknown_term"),
        (
            with(&|r| r.service_language = "fr".into()),
            "unknown_language",
        ),
        (with(&|r| r.fluctuation = 101), "fluctuation_too_large"),
        (
            with(&|r| r.activities[0].activity = "legal".into()),
            "unknown_activity",
        ),
        (
            with(&|r| r.activities.push(minutes(5))),
            "duplicate_activity",
        ),
        (
            with(&|r| r.activities[0].model = "robots".into()),
            "unknown_model",
        ),
        (
            with(&|r| {
                r.activities[0].volumes.insert("agents".into(), 2);
            }),
            "unknown_unit",
        ),
        (
            with(&|r| {
                r.activities[0].options.insert("free-lunch".into());
            }),
            "unknown_option",
        ),
        (
            with(&|r| {
                let options = &mut r.activities[0].options;
                options.insert("24-7".to_owned());
                options.insert("extended-hours".to_owned());
            }),
            "option_conflict",
        ),
        (
            with(&|r| {
                r.activities[0].volumes.insert("minutes".into(), 50_000_001);
            }),
            "quantity_too_large",
        ),
        (with(&|r| r.site = "manila".into()), "language_not_served"),
        (
            with(&|r| {
                r.site = "manila".into();
                r.service_language = "en".into();
                r.activities = vec![activity("fulfilment", "standard", &[("orders", 10)], &[])];
            }),
            "site_unavailable",
        ),
    ];
    for (request, code) in cases {
        let error = estimate(&t, &request).expect_err(code);
        assert_eq!(error.code(), code, "{error}");
    }

    // A tariff with absurd figures overflows into an error, not a panic.
    let mut t = tariff();
    first_tier(&mut t.activities.to_mut()[0]).price = Decimal::MAX;
    assert_eq!(
        estimate(&t, &request("jakarta", "12m", vec![minutes(20_000)])),
        Err(EstimateError::Overflow)
    );
}

#[test]
fn the_cost_curve_runs_from_nothing_to_twice_the_volume_through_the_estimate() {
    let t = tariff();
    let r = request("jakarta", "12m", vec![minutes(20_000)]);
    let curve = biaya_bpo::estimate::curve(&t, &r, "call-centre").expect("a curve");
    assert_eq!((curve.unit.as_str(), curve.current), ("minutes", 20_000));
    assert_eq!(curve.points.first().map(|p| p.volume), Some(0));
    assert_eq!(curve.points.last().map(|p| p.volume), Some(40_000));
    // The second band starts at minute 20,001; both sides of it are on the curve.
    assert_eq!(curve.breakpoints, [20_001]);
    let at = |v: u64| {
        curve
            .points
            .iter()
            .find(|p| p.volume == v)
            .expect("on the curve")
    };
    // At the requested volume the curve is the estimate: 79,087,500 against 93,460,829.
    assert_eq!(
        (at(20_000).outsourced, at(20_000).in_house),
        (dec!(79087500), dec!(93460829))
    );
    // With no volume: the minimum, discounted and taxed, against nobody employed.
    assert_eq!(
        (at(0).outsourced, at(0).in_house),
        (dec!(26362500), Decimal::ZERO)
    );
    assert!(
        curve
            .points
            .windows(2)
            .all(|w| w[0].outsourced <= w[1].outsourced)
    );
    // 20,000 ± 30 %.
    assert_eq!(curve.band, (14_000, 26_000));
    // Outsourcing is cheaper from some volume below the requested one, all the way up.
    let even = curve.break_even.expect("a break-even volume");
    assert!(even > 0 && even <= 20_000, "{even}");
    assert!(
        curve
            .points
            .iter()
            .filter(|p| p.volume >= even)
            .all(|p| p.outsourced <= p.in_house)
    );
    let before = curve
        .points
        .iter()
        .rev()
        .find(|p| p.volume < even)
        .expect("a point before");
    assert!(before.outsourced > before.in_house);

    let missing = biaya_bpo::estimate::curve(&t, &r, "sales");
    assert_eq!(missing.map_err(|e| e.code()), Err("unknown_activity"));
}

#[test]
fn a_short_cost_curve_shows_each_volume_once_in_order() {
    let t = tariff();
    // Twice 7 minutes in 24 steps: most steps round to the same minute.
    let r = request("jakarta", "12m", vec![minutes(7)]);
    let curve = biaya_bpo::estimate::curve(&t, &r, "call-centre").expect("a curve");
    let volumes: Vec<u64> = curve.points.iter().map(|p| p.volume).collect();
    assert_eq!(volumes, (0..=14).collect::<Vec<_>>());

    let r = request("jakarta", "12m", vec![minutes(20_000)]);
    let curve = biaya_bpo::estimate::curve(&t, &r, "call-centre").expect("a curve");
    assert!(curve.points.windows(2).all(|w| w[0].volume < w[1].volume));
    // Both sides of the band boundary and the requested volume are on the axis.
    for volume in [20_000, 20_001, 40_000] {
        assert!(curve.points.iter().any(|p| p.volume == volume), "{volume}");
    }
}

#[test]
fn options_chosen_in_any_order_make_the_same_request() {
    let listed: OptionSet = ["premium-qa", "24-7"].into_iter().collect();
    let mut clicked = OptionSet::default();
    assert!(clicked.insert("24-7".to_owned()));
    assert!(clicked.insert("premium-qa".to_owned()));
    assert!(!clicked.insert("24-7".to_owned()), "chosen once");
    assert_eq!(listed, clicked);
    // The quote tool prints them as a list in id order, whatever order they came in.
    let read: OptionSet =
        serde_json::from_str(r#"["premium-qa","24-7","premium-qa"]"#).expect("a list");
    assert_eq!(read, listed);
    assert_eq!(
        serde_json::to_string(&read).expect("JSON"),
        r#"["24-7","premium-qa"]"#
    );

    assert!(clicked.remove("24-7"));
    assert!(!clicked.contains("24-7"));
    assert!(!clicked.remove("24-7"), "already gone");
    assert_eq!(clicked.len(), 1);
}
