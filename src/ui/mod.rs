//! The page: a thin layer that turns inputs into a request and an estimate into a view. The
//! view never computes a price.

mod browser;
mod components;
mod hooks;
mod qr;
pub mod state;

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::estimate;
use crate::i18n::{Lang, Texts, estimate_error};
use crate::link;
use crate::money::Currency;
use crate::tariff::{Catalogue, catalogue};
use components::activity::{ActivityForm, ActivityPicker};
use components::breakdown::Breakdown;
use components::charts::{ContributionChart, CurveChart};
use components::masthead::Masthead;
use components::method::Method;
use components::notices::{Notices, TodaysPrices};
use components::print::PrintHeader;
use components::settings::Settings;
use components::share::Share;
use components::summary::Summary;
use hooks::{use_after_first_paint, use_link_sync, use_stored_draft};
use state::State;

/// Tariff data lives as long as the page: props compare it by address, not field by field.
pub struct Static<T: 'static>(pub &'static T);

impl<T> Clone for Static<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Static<T> {}

impl<T> PartialEq for Static<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl<T> Deref for Static<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0
    }
}

#[derive(Properties, PartialEq)]
struct EstimatorProps {
    catalogue: Static<Catalogue>,
}

#[component]
fn Estimator(props: &EstimatorProps) -> Html {
    let catalogue = props.catalogue;
    let state = use_reducer(|| {
        State::load(
            catalogue.0,
            browser::initial_lang(),
            browser::today(),
            browser::address_link().as_deref(),
            browser::stored_draft().as_deref(),
        )
    });
    let (tariff, lang) = (Static(state.tariff), state.lang);
    // The same callback on every render, so children whose other props are unchanged skip
    // re-rendering.
    let dispatch = state.dispatcher().to_callback();
    use_effect_with(lang, |lang| browser::show_lang(*lang));
    let link = state.link();
    use_link_sync(link.clone(), state.origin, dispatch.clone());
    // The totals first: the charts, the breakdown and the method are two thirds of the page, and
    // drawing them before the first paint would keep the estimate off the screen that long.
    let complete = use_after_first_paint();
    let draft = use_stored_draft(state.origin);

    let priced = use_memo((tariff, state.priced.clone()), |(tariff, request)| {
        estimate::estimate(tariff.0, request).map(Rc::new)
    });
    let newer = state.newer_tariff().map(Static);
    let todays_prices = use_memo((newer, state.priced.clone()), |(newer, request)| {
        let newer = (*newer)?;
        let (request, _) = link::reprice(request, newer.0);
        let priced = estimate::estimate(newer.0, &request).ok()?;
        Some(TodaysPrices {
            tariff: newer,
            currency: priced.currency,
            monthly: priced.totals.monthly,
            one_time: priced.totals.one_time,
        })
    });

    let texts = Texts::of(lang);
    let site_error = state
        .problem
        .as_ref()
        .map(|e| AttrValue::from(estimate_error(e, tariff.0, lang)));
    let url = AttrValue::from(browser::page_url(&link));
    let inputs = &state.inputs;

    let results = match &*priced {
        Ok(estimate) => html! {
            <>
                <Summary estimate={estimate.clone()} {lang} stale={state.stale} />
                <Share {tariff} estimate={estimate.clone()} url={url.clone()} {lang} />
                if complete {
                    <section class="charts" aria-label={crate::i18n::ChartTexts::of(lang).charts}>
                        <ContributionChart {tariff} estimate={estimate.clone()} {lang} />
                        { for estimate.activities.iter().map(|a| html! {
                            <CurveChart key={a.activity.clone()} {tariff} request={state.priced.clone()}
                                activity={a.activity.clone()} currency={estimate.currency} {lang} />
                        }) }
                    </section>
                    <Breakdown {tariff} estimate={estimate.clone()} {lang} />
                }
                <a class="peek" href="#summary-title" aria-hidden="true" tabindex="-1">
                    <span>{ texts.monthly }</span>
                    <span>{ crate::i18n::format_money(estimate.totals.monthly, estimate.currency, lang) }</span>
                </a>
            </>
        },
        Err(error) => html! {
            <p class="error" data-testid="estimate-error">{ estimate_error(error, tariff.0, lang) }</p>
        },
    };

    html! {
        <>
            <a class="skip" href="#summary-title">{ texts.skip }</a>
            <Masthead {lang} currency={inputs.currency} dispatch={dispatch.clone()} />
            <PrintHeader {tariff} {lang} quote={state.quote().cloned()} url={url.clone()} />
            <Notices {tariff} {lang} link_error={state.link_error} dropped={state.dropped().to_vec()}
                repriced={state.repriced.clone()} todays_prices={(*todays_prices).clone()}
                expired={state.expired()} origin={state.origin} {draft} dispatch={dispatch.clone()} />
            <main class="layout">
                <div class="inputs">
                    <section aria-labelledby="activities-title">
                        <h2 id="activities-title"><span class="step">{ "1" }</span>{ texts.activities }</h2>
                        <p class="help">{ texts.activities_hint }</p>
                        <ActivityPicker {tariff} chosen={inputs.activities.iter().map(|a| a.chosen).collect::<Vec<_>>()} {lang} dispatch={dispatch.clone()} />
                        { for tariff.0.activities.iter().zip(&inputs.activities).filter(|(_, a)| a.chosen).map(|(activity, inputs)| html! {
                            <ActivityForm key={activity.id.to_string()} activity={Static(activity)} inputs={inputs.clone()} {lang} dispatch={dispatch.clone()} />
                        }) }
                    </section>
                    <section aria-labelledby="settings-title">
                        <h2 id="settings-title"><span class="step">{ "2" }</span>{ texts.settings }</h2>
                        <Settings {tariff} {lang} site={inputs.site.clone()} term={inputs.term.clone()}
                            service_language={inputs.service_language.clone()} fluctuation={inputs.fluctuation}
                            {site_error} dispatch={dispatch.clone()} />
                    </section>
                </div>
                <div class="results">
                    { results }
                </div>
            </main>
            if complete {
                <Method {tariff} {lang} />
            }
            <footer class="colophon">
                <p>{ texts.privacy }</p>
                <p>{ format!("{} {}", texts.tariff, crate::i18n::tariff_edition(tariff.0, lang)) }</p>
            </footer>
        </>
    }
}

#[component]
fn App() -> Html {
    match catalogue() {
        Ok(catalogue) => html! { <Estimator catalogue={Static(catalogue)} /> },
        Err(_) => html! {
            <main class="layout"><p class="error">
                { Texts::of(Lang::Id).unavailable }{ " " }{ Texts::of(Lang::En).unavailable }
            </p></main>
        },
    }
}

/// For `.ci/bench.mjs`: milliseconds one full four-activity estimate takes in this browser,
/// averaged over `runs` (a time, not money: hence the float).
#[wasm_bindgen::prelude::wasm_bindgen]
#[must_use]
pub fn bench_engine(runs: u32) -> f64 {
    let (Ok(catalogue), Some(performance)) = (catalogue(), gloo::utils::window().performance())
    else {
        return f64::NAN;
    };
    let tariff = catalogue.latest();
    let mut request = estimate::Request::starter(tariff);
    request.currency = Currency::Usd;
    request.activities = tariff
        .activities
        .iter()
        .map(estimate::ActivityRequest::starter)
        .collect();
    let start = performance.now();
    for _ in 0..runs {
        let _ = std::hint::black_box(estimate::estimate(tariff, std::hint::black_box(&request)));
    }
    (performance.now() - start) / f64::from(runs.max(1))
}

/// Mounts the page on the document body, and keeps it for offline use.
pub fn run() {
    yew::Renderer::<App>::new().render();
    browser::work_offline();
}

/// Mounts the page in an element, for the browser tests.
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<App>::with_root(root).render();
}

/// Mounts the page with another set of tariffs, as a later release would bundle them: for the
/// browser tests of links priced with an older tariff.
pub fn mount_with(root: web_sys::Element, catalogue: &'static Catalogue) {
    yew::Renderer::<Estimator>::with_root_and_props(
        root,
        EstimatorProps {
            catalogue: Static(catalogue),
        },
    )
    .render();
}
