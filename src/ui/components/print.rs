//! What only paper shows: who the quote is for and from, and how to re-open it.

use yew::prelude::*;

use crate::i18n::{Lang, Texts, tariff_edition};
use crate::link::QuoteDetails;
use crate::tariff::Tariff;
use crate::ui::Static;

#[derive(Properties, PartialEq)]
pub struct PrintHeaderProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
    pub quote: Option<QuoteDetails>,
    /// The whole address of the estimate.
    pub url: AttrValue,
}

#[component]
pub fn PrintHeader(props: &PrintHeaderProps) -> Html {
    let PrintHeaderProps {
        tariff,
        lang,
        quote,
        url,
    } = props;
    let (lang, texts) = (*lang, Texts::of(*lang));
    let quote = quote.clone().unwrap_or_default();
    let preparer = [quote.preparer.as_str(), quote.contact.as_str()]
        .iter()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let details: Vec<(&str, String)> = [
        (texts.prepared_for, quote.client.clone()),
        (texts.prepared_by, preparer),
        (texts.reference, quote.reference.clone()),
        (
            texts.issued,
            quote.issued.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            texts.valid_until,
            quote
                .valid_until(tariff)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        (texts.tariff, tariff_edition(tariff, lang)),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .collect();
    html! {
        <section class="print-only quote-header">
            <h2>{ texts.quote_title }</h2>
            <dl>{ for details.iter().map(|(k, v)| html! { <><dt>{ *k }</dt><dd>{ v }</dd></> }) }</dl>
            <div class="print-link">
                <div id="print-qr" class="qr"></div>
                <p>{ texts.scan }<br /><code>{ url.clone() }</code></p>
            </div>
        </section>
    }
}
