//! The page: a thin layer that turns inputs into a request and an estimate into a view. The
//! view never computes a price.

mod browser;
mod components;
pub mod state;

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::estimate;
use crate::i18n::{Lang, estimate_error, format_money};
use crate::money::Currency;
use crate::tariff::{Tariff, catalogue};
use components::activity::{ActivityForm, ActivityPicker};
use components::breakdown::Breakdown;
use components::field::{Choices, Select};
use components::method::Method;
use components::settings::Settings;
use components::summary::Summary;
use state::{Action, State};

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
    tariff: Static<Tariff>,
}

#[component]
fn Estimator(props: &EstimatorProps) -> Html {
    let tariff = props.tariff;
    let state = use_reducer(|| State::new(tariff.0, browser::initial_lang()));
    let lang = state.draft.lang;
    use_effect_with(lang, |lang| browser::show_lang(*lang));
    let priced = use_memo(state.priced.clone(), |request| {
        estimate::estimate(tariff.0, request).map(Rc::new)
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let labels = lang.labels();
    let status = state.status();
    let site_error = status
        .problem
        .as_ref()
        .map(|e| AttrValue::from(estimate_error(e, tariff.0, lang)));

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

    let results = match &*priced {
        Ok(estimate) => {
            let estimate = estimate.clone();
            let monthly = format_money(estimate.totals.monthly, estimate.currency, lang);
            html! {
                <>
                    <Summary estimate={estimate.clone()} {lang} stale={status.stale} />
                    <Breakdown {tariff} {estimate} {lang} />
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
            <main class="layout">
                <div class="inputs">
                    <section aria-labelledby="activities-title">
                        <h2 id="activities-title"><span class="step">{ "1" }</span>{ labels.activities }</h2>
                        <p class="help">{ labels.activities_hint }</p>
                        <ActivityPicker {tariff} drafts={state.draft.activities.clone()} {lang} dispatch={dispatch.clone()} />
                        { for tariff.0.activities.iter().zip(&state.draft.activities).filter(|(_, d)| d.chosen).map(|(activity, draft)| html! {
                            <ActivityForm key={activity.id.clone()} activity={Static(activity)} draft={draft.clone()} {lang} dispatch={dispatch.clone()} />
                        }) }
                    </section>
                    <section aria-labelledby="settings-title">
                        <h2 id="settings-title"><span class="step">{ "2" }</span>{ labels.settings }</h2>
                        <Settings {tariff} draft={state.draft.clone()} {site_error} dispatch={dispatch.clone()} />
                    </section>
                </div>
                <div class="results">
                    { results }
                </div>
            </main>
            <Method {tariff} {lang} />
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
        Ok(catalogue) => html! { <Estimator tariff={Static(catalogue.latest())} /> },
        Err(_) => html! {
            <main class="layout"><p class="error">{ Lang::Id.labels().unavailable }{ " " }{ Lang::En.labels().unavailable }</p></main>
        },
    }
}

/// Mounts the page on the document body.
pub fn run() {
    yew::Renderer::<App>::new().render();
}

/// Mounts the page in an element, for the browser tests.
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<App>::with_root(root).render();
}
