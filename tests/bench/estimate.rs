//! How long one full estimate takes natively: all four activities, every unit with volume, every
//! option that can go together, priced with the published tariff; and a month of a call centre
//! sized by Erlang C. Run with `cargo bench --bench estimate`.

use std::hint::black_box;

use biaya_bpo::estimate::{ActivityRequest, Request, estimate};
use biaya_bpo::money::Currency;
use biaya_bpo::staffing::{Centre, DEFAULT_MAX_OCCUPANCY, DEFAULT_SHRINKAGE, Profile, size_month};
use biaya_bpo::tariff::catalogue;
use criterion::{Criterion, criterion_group, criterion_main};

fn four_activities(c: &mut Criterion) {
    let Ok(catalogue) = catalogue() else {
        eprintln!("the bundled tariffs do not parse: run cargo test");
        return;
    };
    let tariff = catalogue.latest();
    let mut request = Request::starter(tariff);
    request.currency = Currency::Usd;
    request.activities = tariff
        .activities
        .iter()
        .map(|activity| {
            let mut wanted = ActivityRequest::starter(activity);
            for (_, quantity) in wanted.volumes.iter_mut() {
                *quantity = (*quantity).max(1) * 7;
            }
            wanted.options = activity
                .options
                .iter()
                .filter(|o| o.id != "24-7")
                .map(|o| o.id.clone())
                .collect();
            wanted
        })
        .collect();
    assert!(
        estimate(tariff, &request).is_ok(),
        "the benchmark request prices"
    );
    c.bench_function("estimate: four activities, USD", |b| {
        b.iter(|| estimate(black_box(tariff), black_box(&request)))
    });
}

/// A 12-hour, 7-day centre's month: 150,000 calls of 5 minutes, 80 % within 20 seconds, the
/// typical day (about 46 erlangs in the busiest hour). The page re-sizes it on every keystroke.
fn staffing_month(c: &mut Criterion) {
    let centre = Centre {
        calls_per_month: 150_000,
        handle_time: 300.0,
        hours_per_day: 12,
        days_per_week: 7,
        service_level: 0.8,
        answer_within: 20.0,
        max_occupancy: DEFAULT_MAX_OCCUPANCY,
        shrinkage: DEFAULT_SHRINKAGE,
        profile: Profile::Typical,
    };
    assert!(size_month(&centre).is_ok(), "the benchmark centre is sized");
    c.bench_function("staffing: a month of a 12-hour, 7-day centre", |b| {
        b.iter(|| size_month(black_box(&centre)))
    });
}

criterion_group!(benches, four_activities, staffing_month);
criterion_main!(benches);
