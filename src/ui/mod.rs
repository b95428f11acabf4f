//! The page: a thin layer that turns inputs into a request and an estimate into a view. The
//! view never computes a price.

mod browser;
mod components;
mod qr;
pub mod state;

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::estimate;
use crate::i18n::{Lang, estimate_error, format_money, tariff_edition};
use crate::link;
use crate::money::Currency;
use crate::tariff::{Catalogue, catalogue};
use components::activity::{ActivityForm, ActivityPicker};
use components::breakdown::Breakdown;
use components::charts::{ContributionChart, CurveChart};
use components::field::{Choices, Select};
use components::method::Method;
use components::notices::{Notices, Today};
use components::settings::Settings;
use components::share::Share;
use components::summary::Summary;
use state::{Action, Origin, State};

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

/// Writes the link waiting to be written: into the address bar, and for the visitor's own
/// estimate into the stored draft.
fn write_link(pending: &RefCell<Option<(String, Origin)>>, written: &RefCell<String>) {
    if let Some((link, origin)) = pending.borrow_mut().take() {
        browser::show_link(&link);
        if origin == Origin::Own {
            browser::store_draft(&link);
        }
        written.replace(link);
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
    let tariff = Static(state.tariff);
    let lang = state.draft.lang;
    use_effect_with(lang, |lang| browser::show_lang(*lang));

    // The address bar follows the estimate, and the visitor's own draft is kept in the browser,
    // a moment after the last keystroke: a storage write in every keystroke would slow it, and
    // Chrome throttles history updates past a hundred in ten seconds. Leaving the page writes at
    // once.
    let link = state.link();
    let pending = use_mut_ref(|| None::<(String, Origin)>);
    let written = use_mut_ref(String::new);
    {
        let (pending, written) = (pending.clone(), written.clone());
        use_effect_with((link.clone(), state.origin), move |(link, origin)| {
            pending.replace(Some((link.clone(), *origin)));
            let later = Timeout::new(150, move || write_link(&pending, &written));
            move || drop(later)
        });
    }
    // The same callback on every render, so children whose other props are unchanged skip
    // re-rendering.
    let dispatch = state.dispatcher().to_callback();
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            let listeners = (
                // A link pasted into the address bar of the open page opens like any other.
                browser::on_address_change({
                    let written = written.clone();
                    move |text| {
                        if *written.borrow() != text {
                            dispatch.emit(Action::Open {
                                text,
                                origin: Origin::Shared,
                            });
                        }
                    }
                }),
                browser::on_leave({
                    let (pending, written) = (pending.clone(), written.clone());
                    move || write_link(&pending, &written)
                }),
                browser::prepare_print(move || write_link(&pending, &written)),
            );
            move || drop(listeners)
        });
    }

    // The totals first: the charts, the breakdown and the method are two thirds of the page, and
    // drawing them before the first paint would keep the estimate off the screen that long.
    let complete = use_state_eq(|| false);
    {
        let complete = complete.setter();
        use_effect_with((), move |()| {
            let later = browser::after_paint(move || complete.set(true));
            move || drop(later)
        });
    }

    let priced = use_memo((tariff, state.priced.clone()), |(tariff, request)| {
        estimate::estimate(tariff.0, request).map(Rc::new)
    });
    let newer = state.newer_tariff().map(Static);
    let today = use_memo((newer, state.priced.clone()), |(newer, request)| {
        let newer = (*newer)?;
        let (request, _) = link::reprice(request, newer.0);
        let priced = estimate::estimate(newer.0, &request).ok()?;
        Some(Today {
            tariff: newer,
            currency: priced.currency,
            monthly: priced.totals.monthly,
            one_time: priced.totals.one_time,
        })
    });

    // Read from storage when the origin changes, not in every keystroke's render: while a shared
    // link is open the page writes no draft.
    let has_draft = use_memo(state.origin, |origin| {
        *origin == Origin::Shared && browser::stored_draft().is_some()
    });

    let labels = lang.labels();
    let status = state.status();
    let site_error = status
        .problem
        .as_ref()
        .map(|e| AttrValue::from(estimate_error(e, tariff.0, lang)));
    let url = AttrValue::from(browser::page_url(&link));

    let languages: Choices = Lang::ALL
        .iter()
        .map(|l| {
            let name = match l {
                Lang::Id => "Bahasa Indonesia",
                Lang::En => "English",
            };
            (AttrValue::from(l.code()), AttrValue::from(name))
        })
        .collect();
    let currencies: Choices = vec![
        (AttrValue::from("IDR"), AttrValue::from(labels.currency_idr)),
        (AttrValue::from("USD"), AttrValue::from(labels.currency_usd)),
    ];
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |code: String| {
            if let Some(lang) = Lang::from_code(&code) {
                dispatch.emit(Action::SetLang(lang));
            }
        })
    };
    let on_currency = {
        let dispatch = dispatch.clone();
        Callback::from(move |code: String| {
            if let Some(currency) = Currency::from_code(&code) {
                dispatch.emit(Action::SetCurrency(currency));
            }
        })
    };

    let quote = &state.draft.quote;
    let results = match &*priced {
        Ok(estimate) => {
            let monthly = format_money(estimate.totals.monthly, estimate.currency, lang);
            html! {
                <>
                    <Summary estimate={estimate.clone()} {lang} stale={status.stale} />
                    <Share {tariff} estimate={estimate.clone()} quote={quote.clone()} url={url.clone()} {lang}
                        dispatch={dispatch.clone()} />
                    if *complete {
                        <section class="charts" aria-label={labels.charts}>
                            <ContributionChart {tariff} estimate={estimate.clone()} {lang} />
                            { for estimate.activities.iter().map(|a| html! {
                                <CurveChart key={a.activity.clone()} {tariff} request={state.priced.clone()}
                                    activity={a.activity.clone()} currency={estimate.currency} {lang} />
                            }) }
                        </section>
                        <Breakdown {tariff} estimate={estimate.clone()} {lang} />
                    }
                    <a class="peek" href="#summary-title" aria-hidden="true" tabindex="-1">
                        <span>{ labels.monthly }</span><span>{ monthly }</span>
                    </a>
                </>
            }
        }
        Err(error) => html! {
            <p class="error" data-testid="estimate-error">{ estimate_error(error, tariff.0, lang) }</p>
        },
    };
    let valid_until = quote.valid_until(tariff.0).map(|d| d.to_string());
    let details: Vec<(&str, String)> = [
        (labels.prepared_for, quote.company.clone()),
        (
            labels.prepared_by,
            [quote.preparer.as_str(), quote.contact.as_str()]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (labels.reference, quote.reference.clone()),
        (
            labels.issued,
            quote.issued.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (labels.valid_until, valid_until.unwrap_or_default()),
        (labels.tariff, tariff_edition(tariff.0, lang)),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .collect();

    html! {
        <>
            <a class="skip" href="#summary-title">{ labels.skip }</a>
            <header class="masthead">
                <div class="brand">
                    <h1>{ "Biaya BPO" }</h1>
                    <p class="tagline">{ labels.tagline }</p>
                </div>
                <div class="page-settings">
                    <Select testid="language" label={labels.language} value={lang.code()} choices={languages} on_change={on_lang} />
                    <Select testid="currency" label={labels.currency} value={state.draft.currency.code()} choices={currencies} on_change={on_currency} />
                </div>
            </header>
            // On paper the quote opens with who it is for and from, and how to re-open it.
            <section class="print-only quote-header">
                <h2>{ labels.quote_title }</h2>
                <dl>{ for details.iter().map(|(k, v)| html! { <><dt>{ *k }</dt><dd>{ v }</dd></> }) }</dl>
                <div class="print-link">
                    <div id="print-qr" class="qr"></div>
                    <p>{ labels.scan }<br /><code>{ url.clone() }</code></p>
                </div>
            </section>
            <Notices {tariff} {lang} link_error={state.link_error} opened={state.opened.clone()}
                today={(*today).clone()} expired={state.expired()} origin={state.origin}
                has_draft={*has_draft} dispatch={dispatch.clone()} />
            <main class="layout">
                <div class="inputs">
                    <section aria-labelledby="activities-title">
                        <h2 id="activities-title"><span class="step">{ "1" }</span>{ labels.activities }</h2>
                        <p class="help">{ labels.activities_hint }</p>
                        <ActivityPicker {tariff} chosen={state.draft.activities.iter().map(|a| a.chosen).collect::<Vec<_>>()} {lang} dispatch={dispatch.clone()} />
                        { for tariff.0.activities.iter().zip(&state.draft.activities).filter(|(_, d)| d.chosen).map(|(activity, draft)| html! {
                            <ActivityForm key={activity.id.to_string()} activity={Static(activity)} draft={draft.clone()} {lang} dispatch={dispatch.clone()} />
                        }) }
                    </section>
                    <section aria-labelledby="settings-title">
                        <h2 id="settings-title"><span class="step">{ "2" }</span>{ labels.settings }</h2>
                        <Settings {tariff} {lang} site={state.draft.site.clone()} term={state.draft.term.clone()}
                            language={state.draft.language.clone()} fluctuation={state.draft.fluctuation}
                            {site_error} dispatch={dispatch.clone()} />
                    </section>
                </div>
                <div class="results">
                    { results }
                </div>
            </main>
            if *complete {
                <Method {tariff} {lang} />
            }
            <footer class="colophon">
                <p>{ labels.privacy }</p>
                <p>{ format!("{} {} · {} {}", labels.tariff, tariff.version, labels.effective, tariff.effective) }</p>
            </footer>
        </>
    }
}

#[component]
fn App() -> Html {
    match catalogue() {
        Ok(catalogue) => html! { <Estimator catalogue={Static(catalogue)} /> },
        Err(_) => html! {
            <main class="layout"><p class="error">{ Lang::Id.labels().unavailable }{ " " }{ Lang::En.labels().unavailable }</p></main>
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
