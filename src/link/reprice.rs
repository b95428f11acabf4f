//! What a link lost, as the page lists it, and a request moved to a newer tariff.

use super::*;

/// What a link lost on the way, as the page lists it: what decoding gave up and, for a quote
/// no signature dates, its dates' problems on `today` (a signed one's are its signature's).
#[must_use]
pub fn problems(opened: &Opened, tariff: &Tariff, today: Date) -> Vec<Dropped> {
    let mut problems = opened.dropped.clone();
    if opened.seal.is_none() {
        problems.extend(date_problem(&opened.contents.quote, tariff, today));
    }
    problems
}

/// What re-pricing the estimate of link `before` with the newest tariff gives up: nothing where
/// the link does not read.
#[must_use]
pub fn repriced(before: &str, catalogue: &Catalogue) -> Vec<Dropped> {
    decode(before, catalogue).map_or_else(
        |_| Vec::new(),
        |opened| reprice(&opened.contents.request, catalogue.latest()).1,
    )
}

/// The same request priced with another tariff: what that tariff no longer offers (an activity,
/// a model, an option) is left out and reported; volumes over its bounds are capped.
#[must_use]
pub fn reprice(request: &Request, tariff: &Tariff) -> (Request, Vec<Dropped>) {
    let mut dropped = Vec::new();
    let mut moved = Request::starter(tariff);
    if tariff.site(&request.site).is_some() {
        moved.site.clone_from(&request.site);
    }
    if tariff.term(&request.term).is_some() {
        moved.term.clone_from(&request.term);
    }
    if tariff.language(&request.service_language).is_some() {
        moved.service_language.clone_from(&request.service_language);
    }
    moved.currency = request.currency;
    moved.vat = request.vat;
    moved.fluctuation = request.fluctuation.min(MAX_FLUCTUATION);
    for wanted in &request.activities {
        let not_offered = |option: Option<&str>| Dropped::NotOffered {
            activity: wanted.activity.clone(),
            option: option.map(str::to_owned),
        };
        let Some(activity) = tariff.activity(&wanted.activity) else {
            dropped.push(not_offered(None));
            continue;
        };
        let Some(model) = activity.model(&wanted.model) else {
            dropped.push(not_offered(None));
            continue;
        };
        // Filled by insertion: collect() and extend() sort, and a sort weighs on the page.
        let mut volumes = Volumes::new();
        for unit in units(activity, model, moved.rules) {
            let quantity = wanted.volumes.get(&*unit.id).copied().unwrap_or(0);
            if quantity > unit.max {
                dropped.push(Dropped::Capped {
                    activity: activity.id.to_string(),
                    unit: unit.id.to_string(),
                    max: unit.max,
                });
            }
            volumes.insert(unit.id.to_string(), quantity.min(unit.max));
        }
        let mut options = OptionSet::default();
        for option in wanted.options.iter() {
            if activity.option(option).is_some() {
                options.insert(option.clone());
            } else {
                dropped.push(not_offered(Some(option)));
            }
        }
        moved.activities.push(ActivityRequest {
            activity: activity.id.to_string(),
            model: model.id.to_string(),
            volumes,
            options,
            // How the volume was sized goes with it, where the new tariff sizes it alike.
            sizing: wanted
                .sizing
                .filter(|_| model.units.iter().any(|u| u.sized_by.is_some())),
            site: wanted.site.clone().filter(|s| tariff.site(s).is_some()),
            in_house: wanted.in_house.clone(),
            // Still examples where the new tariff prices the same units.
            examples: wanted
                .examples
                .iter()
                .filter(|u| model.units.iter().any(|m| *m.id == ***u))
                .cloned()
                .collect(),
        });
    }
    // What is left after that is nothing an activity could be dropped for.
    let _ = leave_out_undeliverable(&mut moved, tariff, &mut dropped);
    (moved, dropped)
}
