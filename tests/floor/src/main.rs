//! One figure, drawn by Yew: the yardstick `.ci/bench.mjs` holds the estimator's first load to.

use yew::prelude::*;

#[component]
fn Figure() -> Html {
    html! { <main><p data-testid="total-monthly">{ "Rp 123.456.789" }</p></main> }
}

fn main() {
    yew::Renderer::<Figure>::new().render();
}
