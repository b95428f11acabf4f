//! Comparisons a buyer decides with, and the choices they rest on: every site and term side by
//! side, an activity delivered from its own site, the client's own in-house figures, and figures
//! without VAT. Each figure is worked by hand or is the estimate of the very variant.

use biaya_bpo::estimate::compare::{self, Fix};
use biaya_bpo::estimate::{ActivityRequest, LineKind, Request, VatMode, estimate};
use biaya_bpo::link::{self, Contents, QuoteDetails};
use biaya_bpo::tariff::{Tariff, catalogue};
use rust_decimal_macros::dec;

fn tariff() -> &'static Tariff {
    catalogue().expect("valid").latest()
}

/// The request with these activities at their starting volumes, adjusted by `edit`.
fn request(activities: &[&str], edit: impl FnOnce(&mut Request)) -> Request {
    let t = tariff();
    let mut request = Request::starter(t);
    request.activities = activities
        .iter()
        .map(|id| ActivityRequest::starter(t.activity(id).expect(id)))
        .collect();
    edit(&mut request);
    request
}

fn minutes(request: &mut Request, minutes: u64) {
    request.activities[0]
        .volumes
        .insert("minutes".into(), minutes);
}

#[test]
fn every_site_is_priced_as_choosing_it_would_price_it() {
    let t = tariff();
    let r = request(&["call-centre", "accounting", "sales"], |r| {
        r.service_language = "en".into();
    });
    let rows = compare::sites(t, &r);
    assert_eq!(rows.len(), t.sites.len());
    for row in &rows {
        let mut chosen = r.clone();
        chosen.site.clone_from(&row.site);
        let e = estimate(t, &chosen).expect("every site serves English");
        let figures = row.figures.as_ref().expect("priced");
        assert_eq!(
            (
                figures.monthly,
                figures.first_year,
                figures.contract,
                figures.saving
            ),
            (
                e.totals.monthly,
                e.totals.first_year,
                e.totals.contract,
                e.saving.monthly
            ),
            "{}",
            row.site
        );
    }
}

#[test]
fn a_site_that_cannot_take_the_request_says_why_and_what_would_make_it_possible() {
    let t = tariff();
    // Fulfilment is done in Indonesian warehouses only: at Manila it would come from the
    // cheapest of those, Yogyakarta (labour 0.75 of Jakarta's).
    let r = request(&["fulfilment", "accounting"], |r| {
        r.service_language = "en".into();
    });
    let manila = compare::sites(t, &r)
        .into_iter()
        .find(|row| row.site == "manila")
        .expect("a row for Manila");
    let blocked = manila
        .figures
        .expect_err("fulfilment is not delivered abroad");
    let reasons: Vec<&str> = blocked.problems.iter().map(|e| e.code()).collect();
    assert_eq!(reasons, ["site_unavailable"]);
    let fix = Fix::ActivityElsewhere {
        activity: "fulfilment".into(),
        site: "yogyakarta".into(),
    };
    assert_eq!(blocked.fixes, std::slice::from_ref(&fix));
    let mut fixed = r.clone();
    fixed.site = "manila".into();
    let fixed = compare::fixed(&fixed, &fix);
    let e = estimate(t, &fixed).expect("prices once fixed");
    assert_eq!(blocked.fixed.map(|f| f.monthly), Some(e.totals.monthly));
    assert_eq!(e.activities[0].site, "yogyakarta");
    assert_eq!(e.activities[1].site, "manila");

    // Manila serves English only: customers in Indonesian are the reason, English the fix.
    let r = request(&["call-centre"], |_| ());
    let manila = compare::sites(t, &r)
        .into_iter()
        .find(|row| row.site == "manila")
        .expect("a row for Manila");
    let blocked = manila.figures.expect_err("not in Indonesian");
    let reasons: Vec<&str> = blocked.problems.iter().map(|e| e.code()).collect();
    assert_eq!(reasons, ["language_not_served"]);
    assert_eq!(
        blocked.fixes,
        [Fix::ServiceLanguage {
            language: "en".into()
        }]
    );

    // Both at once: a call centre in Indonesian and fulfilment. Manila takes them once the
    // customers are served in English and fulfilment comes from Yogyakarta, and prices them as
    // choosing all three would.
    let r = request(&["call-centre", "fulfilment"], |_| ());
    let manila = compare::sites(t, &r)
        .into_iter()
        .find(|row| row.site == "manila")
        .expect("a row for Manila");
    let blocked = manila.figures.expect_err("two problems");
    let reasons: Vec<&str> = blocked.problems.iter().map(|e| e.code()).collect();
    assert_eq!(reasons, ["language_not_served", "site_unavailable"]);
    assert_eq!(
        blocked.fixes,
        [
            Fix::ServiceLanguage {
                language: "en".into()
            },
            Fix::ActivityElsewhere {
                activity: "fulfilment".into(),
                site: "yogyakarta".into()
            }
        ]
    );
    let chosen = request(&["call-centre", "fulfilment"], |r| {
        r.site = "manila".into();
        r.service_language = "en".into();
        r.activities[1].site = Some("yogyakarta".into());
    });
    assert_eq!(
        blocked.fixed.map(|f| f.contract),
        Some(estimate(t, &chosen).expect("priced").totals.contract)
    );
}

#[test]
fn every_term_with_the_month_it_costs_once_one_time_charges_are_counted_in() {
    let t = tariff();
    let r = request(&["call-centre"], |r| minutes(r, 20_000));
    let rows = compare::terms(t, &r);
    assert_eq!(rows.len(), t.terms.len());
    // 12 months: (75,000,000 - 5 %) + 11 % VAT = 79,087,500 a month, 16,650,000 one-time;
    // the contract 16,650,000 + 12 x 79,087,500 = 965,700,000, or 80,475,000 a month.
    let twelve = rows
        .iter()
        .find(|row| row.term == "12m")
        .expect("12 months");
    assert_eq!(twelve.figures.monthly, dec!(79087500));
    assert_eq!(twelve.figures.contract, dec!(965700000));
    assert_eq!(twelve.effective_monthly, dec!(80475000));
    for row in &rows {
        let mut on = r.clone();
        on.term.clone_from(&row.term);
        let e = estimate(t, &on).expect("prices");
        assert_eq!(row.figures.contract, e.totals.contract, "{}", row.term);
    }
}

#[test]
fn each_activity_can_come_from_its_own_site() {
    let t = tariff();
    // The call centre from Yogyakarta, the rest from Jakarta: 20,000 minutes x 3,500 x 0.75 =
    // 52,500,000 + the 5,000,000 fee = 57,500,000; 5 % off for 12 months = 54,625,000; VAT 11 %
    // 6,008,750: 60,633,750 a month.
    let r = request(&["call-centre", "fulfilment"], |r| {
        minutes(r, 20_000);
        r.activities[0].site = Some("yogyakarta".into());
    });
    let e = estimate(t, &r).expect("prices");
    assert_eq!(e.activities[0].site, "yogyakarta");
    assert_eq!(e.activities[0].monthly, dec!(60633750));
    assert_eq!(e.activities[1].site, "jakarta");
    // The cheapest site of each activity alone.
    let cheapest = compare::activity_sites(t, &r);
    assert_eq!(
        cheapest[0].cheapest.as_ref().map(|(s, m)| (s.as_str(), *m)),
        Some(("yogyakarta", dec!(60633750)))
    );
    // A link carries it, in format 3 as every estimate priced by the current rules, and
    // reopens it.
    let contents = Contents {
        tariff: t.version.to_string(),
        request: r.clone(),
        options: Vec::new(),
        quote: QuoteDetails::default(),
    };
    let text = link::encode(&contents, t);
    assert!(text.starts_with("v=3&"), "{text}");
    assert!(text.contains("&call-centre-site=yogyakarta&"), "{text}");
    assert_eq!(
        link::decode(&text, catalogue().expect("valid")).map(|o| o.contents),
        Ok(contents)
    );
}

#[test]
fn without_vat_the_figures_are_what_a_vat_registered_client_bears() {
    let t = tariff();
    // 20,000 minutes on 12 months: 75,000,000 - 5 % = 71,250,000 a month and 15,000,000
    // one-time, with no VAT line.
    let r = request(&["call-centre"], |r| {
        minutes(r, 20_000);
        r.vat = VatMode::Excluded;
    });
    let e = estimate(t, &r).expect("prices");
    assert_eq!(e.totals.monthly, dec!(71250000));
    assert_eq!(e.totals.one_time, dec!(15000000));
    let lines = e.activities[0]
        .monthly_lines
        .iter()
        .chain(&e.activities[0].one_time_lines);
    assert!(
        lines
            .clone()
            .all(|l| !matches!(l.kind, LineKind::Vat { .. })),
        "{lines:?}"
    );
    let text = link::encode(
        &Contents {
            tariff: t.version.to_string(),
            request: r.clone(),
            options: Vec::new(),
            quote: QuoteDetails::default(),
        },
        t,
    );
    assert!(
        text.starts_with("v=3&") && text.contains("&vat=excl&"),
        "{text}"
    );
}

#[test]
fn the_clients_own_in_house_figures_replace_the_tariffs() {
    let t = tariff();
    // Seven agents (20,000 minutes at 3,000 each) at the client's own wage of 7,000,000:
    //   wages 49,000,000; BPJS 10.24 % = 716,800 x 7 = 5,017,600;
    //   THR 7,000,000 / 12 = 583,333.33, a price in whole rupiah of 583,333 (rule 13),
    //   x 7 = 4,083,331; seats at the client's 5,000,000: 35,000,000. Month 93,100,931.
    //   Hiring 8,000,000 x 7.
    let r = request(&["call-centre"], |r| {
        minutes(r, 20_000);
        let own = &mut r.activities[0].in_house;
        own.wage = Some(dec!(7000000));
        own.overhead = Some(dec!(5000000));
        own.hire = Some(dec!(8000000));
    });
    let e = estimate(t, &r).expect("prices");
    assert_eq!(e.in_house.staff, 7);
    assert_eq!(e.in_house.monthly, dec!(93100931));
    assert_eq!(e.in_house.one_time, dec!(56000000));
    // 4,000 minutes per agent instead: five agents.
    let mut productive = r.clone();
    productive.activities[0]
        .in_house
        .per_fte
        .insert("minutes".into(), 4_000);
    assert_eq!(estimate(t, &productive).expect("prices").in_house.staff, 5);
    // A wage under the Jakarta minimum is refused, the minimum named.
    let mut under = r.clone();
    under.activities[0].in_house.wage = Some(dec!(5000000));
    assert_eq!(
        estimate(t, &under).map_err(|e| e.code()),
        Err("wage_below_minimum")
    );
    // The outsourced price does not move.
    let plain = request(&["call-centre"], |r| minutes(r, 20_000));
    assert_eq!(
        e.totals,
        estimate(t, &plain).expect("prices").totals,
        "only the in-house side changes"
    );
}

#[test]
fn the_saving_is_shown_for_the_first_year_and_the_contract_one_time_costs_included() {
    let t = tariff();
    // 20,000 minutes on 12 months. In-house 93,460,829 a month and 70,000,000 hiring (rule 10's
    // example): a first year of 70,000,000 + 12 x 93,460,829 = 1,191,529,948. Outsourced
    // 965,700,000 (above). Saving 225,829,948; the contract is the first year here.
    let r = request(&["call-centre"], |r| minutes(r, 20_000));
    let e = estimate(t, &r).expect("prices");
    assert_eq!(e.saving.first_year, dec!(225829948));
    assert_eq!(e.saving.contract, dec!(225829948));
}
