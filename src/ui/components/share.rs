//! Sharing the estimate: quote details, the link with copy and share, print, CSV.

use std::rc::Rc;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use web_sys::{Element, HtmlAnchorElement, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::estimate::Estimate;
use crate::i18n::Lang;
use crate::link::QuoteDetails;
use crate::quote;
use crate::tariff::Tariff;
use crate::ui::Static;
use crate::ui::browser;
use crate::ui::state::{Action, QuoteField};

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub tariff: Static<Tariff>,
    pub estimate: Rc<Estimate>,
    pub quote: QuoteDetails,
    /// The whole address of the estimate.
    pub url: AttrValue,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// Where the copy went: to the clipboard, or selected for the visitor to copy.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Clipboard,
    Selected,
}

#[component]
pub fn Share(props: &ShareProps) -> Html {
    let ShareProps {
        tariff,
        estimate,
        quote,
        url,
        lang,
        dispatch,
    } = props;
    let lang = *lang;
    let labels = lang.labels();
    let copied = use_state(|| None::<Copied>);
    {
        let copied = copied.clone();
        use_effect_with(url.clone(), move |_| copied.set(None));
    }
    let link_ref = use_node_ref();

    let on_copy = {
        let (copied, link_ref, url) = (copied.clone(), link_ref.clone(), url.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, link_ref, url) = (copied.clone(), link_ref.clone(), url.clone());
            spawn_local(async move {
                if browser::copy(&url).await {
                    copied.set(Some(Copied::Clipboard));
                } else if let Some(element) = link_ref.cast::<Element>() {
                    browser::select(&element);
                    copied.set(Some(Copied::Selected));
                }
            });
        })
    };
    let on_share = {
        let url = url.clone();
        Callback::from(move |_: MouseEvent| {
            let url = url.clone();
            spawn_local(async move { browser::share("Biaya BPO", &url).await });
        })
    };
    // The file is made when asked for, not on every keystroke.
    let on_csv = {
        let (estimate, tariff) = (estimate.clone(), *tariff);
        Callback::from(move |e: MouseEvent| {
            let text = quote::csv(&estimate, tariff.0, lang);
            let href = format!(
                "data:text/csv;charset=utf-8,{}",
                utf8_percent_encode(&text, NON_ALPHANUMERIC)
            );
            e.target_unchecked_into::<HtmlAnchorElement>()
                .set_href(&href);
        })
    };
    let issued = quote.issued.map(|d| d.to_string()).unwrap_or_default();

    let fields = QuoteField::ALL.iter().map(|&field| {
        let id = format!("quote-{}", field.key());
        let label = match field {
            QuoteField::Company => labels.prepared_for,
            QuoteField::Preparer => labels.prepared_by,
            QuoteField::Contact => labels.contact,
            QuoteField::Reference => labels.reference,
        };
        let dispatch = dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.emit(Action::SetQuote { field, text });
        });
        html! {
            <div class="field" key={id.clone()}>
                <label for={id.clone()}>{ label }</label>
                <input type="text" id={id.clone()} data-testid={id} value={field.get(quote).to_owned()}
                    maxlength={field.max().to_string()} autocomplete="off" {oninput} />
            </div>
        }
    });

    html! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title"><span class="step">{ "3" }</span>{ labels.share }</h2>
            <div class="quote-fields">{ for fields }</div>
            <p class="help">{ labels.share_hint }</p>
            <p class="link-box"><code ref={link_ref} data-testid="share-link">{ url.clone() }</code></p>
            <div class="actions">
                <button type="button" class="primary" data-testid="copy-link" onclick={on_copy}>{ labels.copy_link }</button>
                if browser::can_share() {
                    <button type="button" data-testid="share-native" onclick={on_share}>{ labels.share_native }</button>
                }
                <button type="button" data-testid="print" onclick={Callback::from(|_| browser::print())}>{ labels.print }</button>
                <a class="button" data-testid="download-csv" href="#" download={format!("biaya-bpo-{issued}.csv")}
                    onclick={on_csv}>{ labels.download_csv }</a>
            </div>
            <p class="status" role="status" data-testid="copy-status">
                { match *copied {
                    Some(Copied::Clipboard) => labels.copied,
                    Some(Copied::Selected) => labels.selected,
                    None => "",
                } }
            </p>
        </section>
    }
}
