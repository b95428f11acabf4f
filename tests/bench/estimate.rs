//! How long one full estimate takes natively: all four activities, every unit with volume, every
//! option that can go together, priced with the published tariff.
//! Run with `cargo bench --bench estimate`.

use std::hint::black_box;

use biaya_bpo::estimate::{ActivityRequest, Request, estimate};
use biaya_bpo::money::Currency;
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

criterion_group!(benches, four_activities);
criterion_main!(benches);
