//! The foot of the page: who the provider is in law and how to reach it, whether it is only an
//! example, where the prices come from, and that nothing typed leaves the browser.

use yew::prelude::*;

use crate::i18n::{Lang, Texts, tariff_edition};
use crate::provider::provider;
use crate::tariff::Tariff;
use crate::ui::Static;

#[derive(Properties, PartialEq)]
pub struct ColophonProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
}

#[component]
pub fn Colophon(props: &ColophonProps) -> Html {
    let ColophonProps { tariff, lang } = props;
    let (lang, texts) = (*lang, Texts::of(*lang));
    let provider = provider();
    html! {
        <footer class="colophon" data-testid="provider">
            <address>
                <strong>{ &*provider.legal_name }</strong>
                { format!(" · {} {}", texts.npwp, provider.npwp) }<br />
                { &*provider.address }<br />
                { format!("{} · ", provider.phone) }
                <a href={format!("mailto:{}", provider.email)}>{ &*provider.email }</a>{ " · " }
                <a href={provider.website.to_string()}>{ &*provider.website }</a>
            </address>
            if provider.example {
                <p class="example" data-testid="example-provider">{ texts.example_provider }</p>
            }
            <p>{ texts.privacy }</p>
            <p>{ format!("{} {}", texts.tariff, tariff_edition(tariff.0, lang)) }</p>
        </footer>
    }
}
