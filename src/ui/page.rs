//! The part of the page a prospect's first load carries: the inputs, the totals, the notices
//! and the ways to share. What is below the totals comes with the deferred module (`deferred`).

use std::rc::Rc;

use yew::prelude::*;

use super::bridge::{self, Scene, Traffic};
use super::browser::{self, Visit};
use super::components::activity::{ActivityForm, ActivityPicker};
use super::components::colophon::Colophon;
use super::components::masthead::Masthead;
use super::components::notices::Notices;
use super::components::quote::QuoteView;
use super::components::settings::Settings;
use super::components::summary::Summary;
use super::hooks::{use_after_first_paint, use_link_sync, use_stored_draft, use_wishes};
use super::state::{Action, Inputs, State};
use super::{Shared, Static, places};
use crate::document::Document;
use crate::estimate::EstimateError;
use crate::i18n::{Lang, Texts, format_money, problem as problem_sentence};
use crate::tariff::{Catalogue, Tariff, catalogue};

#[derive(Properties, PartialEq)]
pub(super) struct EstimatorProps {
    pub(super) catalogue: Static<Catalogue>,
    pub(super) visit: Rc<Visit>,
}

#[component]
pub(super) fn Estimator(props: &EstimatorProps) -> Html {
    let EstimatorProps { catalogue, visit } = props;
    let state = use_reducer(|| {
        State::load(
            catalogue.0,
            visit.lang,
            visit.today,
            visit.link.as_deref(),
            visit.draft.as_deref(),
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
    let painted = use_after_first_paint();
    // A link's or a draft's figures before the forms that edit them: the forms and settings of
    // a four-activity estimate are some 300 elements, about 80 ms of a phone's CPU. They follow
    // the first paint, below the activity picker, so nothing already on the screen moves for
    // them (page.mjs measures it). A visitor without either sees the prerendered landing's
    // inputs from the start.
    let hold = !painted && (visit.link.is_some() || visit.draft.is_some());
    let draft = use_stored_draft(state.origin);
    use_wishes(dispatch.clone());
    let document = state.document.clone().ok();
    // The deferred parts draw from the scene: the document on screen, and what only the screen
    // needs besides.
    let scene = Scene {
        lang,
        url: format!("{}#{link}", visit.base),
        document: document.clone(),
        repriced: state.repriced.clone(),
        traffic: state
            .inputs
            .activities
            .iter()
            .filter(|a| a.chosen && a.traffic.on)
            .map(|a| Traffic {
                activity: a.activity.clone(),
                model: a.model.clone(),
                inputs: a.traffic.clone(),
            })
            .collect(),
        in_house_invalid: state
            .inputs
            .activities
            .iter()
            .filter(|a| a.chosen && a.in_house_invalid)
            .map(|a| a.activity.clone())
            .collect(),
    };
    {
        // Every render: the deferred parts follow the page. Whatever the last page published
        // the first time, since this page's places for them are new, and again when the held
        // forms bring theirs (the traffic form's).
        let drawn = use_mut_ref(|| None);
        use_effect(move || {
            let anew = drawn.replace(Some(hold)) != Some(hold);
            bridge::publish(&scene, anew);
        });
    }
    use_effect_with(painted, |painted| {
        if *painted {
            browser::load_deferred();
        }
    });

    let texts = Texts::of(lang);
    let quoted = document.as_ref().filter(|d| d.quote.is_some());
    let view = match (&state.document, quoted) {
        (Ok(_), Some(document)) => html! {
            <main class="layout single">
                <QuoteView {tariff} {lang} document={Shared(document.clone())} dispatch={dispatch.clone()} />
            </main>
        },
        (document, _) => calculator(&Calculator {
            tariff,
            lang,
            inputs: &state.inputs,
            hold,
            problem: state.problem.as_deref(),
            document: document.as_ref().map_err(|e| &**e),
            dispatch: &dispatch,
        }),
    };
    html! {
        <>
            <a class="skip" href="#summary-title" onclick={browser::jump("summary-title")}>{ texts.skip }</a>
            <Masthead {lang} currency={quoted.is_none().then_some(state.inputs.currency)}
                dispatch={dispatch.clone()} />
            <div id={places::PRINT} class="deferred"></div>
            <Notices {lang} link_error={state.link_error} dropped={!state.dropped().is_empty()}
                expired={document.as_ref().and_then(|d| d.expired_on())} origin={state.origin}
                quote={quoted.is_some()} {draft} dispatch={dispatch.clone()} />
            { view }
            <div id={places::METHOD} class="deferred"></div>
            // Below the forms: it comes with them, where it stays.
            if !hold {
                <Colophon {tariff} {lang} />
            }
        </>
    }
}

/// What the calculator is drawn from, borrowed from the page's state. A function rather than a
/// component: it changes with every keystroke, so comparing its props would only cost a copy of
/// the inputs and the code to compare them.
struct Calculator<'a> {
    tariff: Static<Tariff>,
    lang: Lang,
    inputs: &'a Inputs,
    /// The forms and settings wait for the first paint (see `Estimator`).
    hold: bool,
    /// Why the inputs cannot be priced together.
    problem: Option<&'a EstimateError>,
    document: Result<&'a Rc<Document>, &'a EstimateError>,
    dispatch: &'a Callback<Action>,
}

/// The estimate the visitor builds: what to outsource and where on one side, what it costs on the
/// other.
fn calculator(props: &Calculator) -> Html {
    let Calculator {
        tariff,
        lang,
        inputs,
        hold,
        problem,
        document,
        dispatch,
    } = props;
    let (tariff, lang, texts, hold, dispatch) =
        (*tariff, *lang, Texts::of(*lang), *hold, *dispatch);
    // A site that cannot deliver is named at its select: an activity's own, or the estimate's.
    let own_site = problem.and_then(|e| match e {
        EstimateError::SiteUnavailable { activity, .. }
        | EstimateError::LanguageNotServed { activity, .. } => inputs
            .activities
            .iter()
            .find(|a| a.activity == *activity && a.site.is_some())
            .map(|a| a.activity.as_str()),
        _ => None,
    });
    let message = |e: &EstimateError| AttrValue::from(problem_sentence(e, tariff.0, lang));
    let site_error = problem.filter(|_| own_site.is_none()).map(message);
    // Nothing chosen yet: an invitation, and nothing to share, compare or chart.
    let chosen = document
        .as_ref()
        .is_ok_and(|d| !d.estimate.activities.is_empty());
    let results = match *document {
        Ok(document) if !chosen => html! {
            <Summary document={Shared(document.clone())} {lang} />
        },
        Ok(document) => html! {
            <>
                <Summary document={Shared(document.clone())} {lang} />
                // Sharing, asking sales, printing: with the deferred module, below the totals.
                <div id={places::SHARE} class="deferred"></div>
                <a class={classes!("peek", document.stale.then_some("stale"))} href="#summary-title" aria-hidden="true" tabindex="-1" onclick={browser::jump("summary-title")}>
                    <span>
                        { texts.monthly }
                        // The last valid total while a field is being corrected: said so here too.
                        if document.stale {
                            <small data-testid="peek-stale">{ format!(" ({})", texts.not_updated) }</small>
                        }
                    </span>
                    <span>{ format_money(document.estimate.totals.monthly, document.estimate.currency, lang) }</span>
                </a>
            </>
        },
        Err(error) => html! {
            <p class="error" data-testid="estimate-error">{ problem_sentence(error, tariff.0, lang) }</p>
        },
    };
    let inputs_site = AttrValue::from(inputs.site.clone());
    html! {
        <main class="layout">
            <div class="intro">
                <h1>{ texts.title }</h1>
                <p class="tagline">{ texts.tagline }</p>
            </div>
            <div class="inputs" aria-busy={hold.then_some("true")}>
                <section aria-labelledby="activities-title">
                    <h2 id="activities-title" tabindex="-1"><span class="step">{ "1" }</span>{ texts.activities }</h2>
                    <p class="help">{ texts.activities_hint }</p>
                    <ActivityPicker {tariff} chosen={inputs.activities.iter().map(|a| a.chosen).collect::<Vec<_>>()} {lang} dispatch={dispatch.clone()} />
                    // A list of its own: Yew pairs a parent's unkeyed children from the end, so
                    // forms added beside the picker would replace it, and its focus with it.
                    <div class="forms">
                        { for tariff.0.activities.iter().zip(&inputs.activities).filter(|(_, a)| a.chosen && !hold).map(|(activity, inputs)| html! {
                            <ActivityForm key={activity.id.to_string()} {tariff} activity={Static(activity)} inputs={inputs.clone()}
                                site={inputs_site.clone()} site_error={problem.filter(|_| own_site == Some(&*activity.id)).map(message)}
                                {lang} dispatch={dispatch.clone()} />
                        }) }
                    </div>
                </section>
                if !hold {
                    <section aria-labelledby="settings-title">
                        <h2 id="settings-title"><span class="step">{ "2" }</span>{ texts.settings }</h2>
                        <Settings {tariff} {lang} site={inputs.site.clone()} term={inputs.term.clone()} vat={inputs.vat}
                            service_language={inputs.service_language.clone()} fluctuation={inputs.fluctuation}
                            {site_error} dispatch={dispatch.clone()} />
                    </section>
                }
            </div>
            <div class="results">
                { results }
                if chosen {
                    <div id={places::CHARTS} class="deferred"></div>
                    <div id={places::BREAKDOWN} class="deferred"></div>
                }
            </div>
            if chosen {
                // Every site and term side by side: under the forms, beside the results, which
                // stay in view on a desktop and would cover anything across the whole width.
                <div id={places::COMPARE} class="deferred under-inputs"></div>
            }
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct AppProps {
    pub(super) visit: Rc<Visit>,
}

#[component]
pub(super) fn App(props: &AppProps) -> Html {
    // Once this page is on the screen, what the visitor did on the prerendered one before it.
    use_effect_with((), |()| browser::replay_early());
    match catalogue() {
        Ok(catalogue) => {
            html! { <Estimator catalogue={Static(catalogue)} visit={props.visit.clone()} /> }
        }
        Err(_) => html! {
            <main class="layout"><p class="error">{ crate::i18n::unavailable() }</p></main>
        },
    }
}
