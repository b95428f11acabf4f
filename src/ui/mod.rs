//! The page: a thin layer that turns inputs into a request and an estimate into a view.

use yew::prelude::*;

use crate::estimate::{self, ActivityRequest, Request};
use crate::i18n::{Lang, format_money};
use crate::tariff::catalogue;

#[component]
fn App() -> Html {
    let Ok(catalogue) = catalogue() else {
        return html! { <p>{ "Tariff unavailable" }</p> };
    };
    let tariff = catalogue.latest();
    let mut request = Request::starter(tariff);
    request.activities = tariff
        .activities
        .iter()
        .map(ActivityRequest::starter)
        .collect();
    let lang = Lang::Id;
    match estimate::estimate(tariff, &request) {
        Ok(estimate) => html! {
            <main>
                <h1>{ "Biaya BPO" }</h1>
                <p>{ "Bulanan: " }
                    <strong data-testid="total-monthly">
                        { format_money(estimate.totals.monthly, estimate.currency, lang) }
                    </strong>
                </p>
            </main>
        },
        Err(error) => html! { <p>{ crate::i18n::estimate_error(&error, tariff, lang) }</p> },
    }
}

/// Mounts the page on the document body.
pub fn run() {
    yew::Renderer::<App>::new().render();
}
