//! Sharing the estimate and reaching sales: the link with copy and share (WhatsApp first, as
//! Indonesian business talks there), print, CSV, and a message to sales holding the link.

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use web_sys::HtmlAnchorElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::csv;
use crate::document::{Document, Offer};
use crate::i18n::{Lang, ShareTexts, ask_sales_message, email_subject, share_message};
use crate::provider::{self, provider};
use crate::tariff::Tariff;
use crate::ui::Shared;
use crate::ui::Static;
use crate::ui::browser;
use crate::ui::hooks::use_copy;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub tariff: Static<Tariff>,
    pub document: Shared<Document>,
    /// The whole address of the estimate.
    pub url: AttrValue,
    pub lang: Lang,
}

#[component]
pub fn Share(props: &ShareProps) -> Html {
    let ShareProps {
        tariff,
        document,
        url,
        lang,
    } = props;
    let sh = ShareTexts::of(*lang);
    let (link_ref, on_copy, copied) = use_copy(url, *lang);
    let lang = *lang;
    let seller = provider();
    let on_share = {
        let url = url.clone();
        Callback::from(move |_: MouseEvent| {
            let url = url.clone();
            spawn_local(async move { browser::share(&seller.name, &url).await });
        })
    };
    let ask = ask_sales_message(&seller.name, document, tariff, url, lang);
    let shared = share_message(&seller.name, document, tariff, url, lang);
    html! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title"><span class="step">{ "3" }</span>{ sh.share }</h2>
            <div class="ask">
                <a class="button primary" data-testid="contact-sales" target="_blank" rel="noopener"
                    href={provider::whatsapp(Some(&seller.whatsapp), &ask)}>{ sh.ask_sales }</a>
                <a class="button" data-testid="contact-sales-email"
                    href={provider::mailto(&seller.email, &email_subject(None, lang), &ask)}>{ sh.ask_sales_email }</a>
                <p class="help">{ sh.ask_sales_hint }</p>
            </div>
            <p class="help">{ sh.share_hint }</p>
            <p class="link-box"><code ref={link_ref} data-testid="share-link">{ url.clone() }</code></p>
            <div class="actions">
                <button type="button" data-testid="copy-link" onclick={on_copy}>{ sh.copy_link }</button>
                <a class="button" data-testid="share-whatsapp" target="_blank" rel="noopener"
                    href={provider::whatsapp(None, &shared)}>{ sh.share_whatsapp }</a>
                if browser::can_share() {
                    <button type="button" data-testid="share-native" onclick={on_share}>{ sh.share_native }</button>
                }
                <button type="button" data-testid="print" onclick={Callback::from(|_| browser::print())}>{ sh.print }</button>
                <CsvLink tariff={*tariff} document={document.clone()} url={url.clone()} {lang} />
            </div>
            <p class="status" role="status" data-testid="copy-status">
                { copied }
            </p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CsvProps {
    pub tariff: Static<Tariff>,
    pub document: Shared<Document>,
    /// A quotation's options, where it offers several.
    #[prop_or_default]
    pub offers: Option<Shared<Vec<Offer>>>,
    /// The whole address of the estimate.
    pub url: AttrValue,
    pub lang: Lang,
}

/// The estimate as a CSV file for a spreadsheet.
#[component]
pub fn CsvLink(props: &CsvProps) -> Html {
    let CsvProps {
        tariff,
        document,
        offers,
        url,
        lang,
    } = props;
    let lang = *lang;
    // The file is made when asked for, not on every keystroke.
    let on_csv = {
        let (document, offers, url, tariff) =
            (document.clone(), offers.clone(), url.clone(), *tariff);
        Callback::from(move |e: MouseEvent| {
            let offers = offers.as_ref().map_or(&[][..], |o| o.as_slice());
            let text =
                csv::document(&document, offers, tariff.0, provider(), &url, lang).write(lang);
            let href = format!(
                "data:text/csv;charset=utf-8,{}",
                utf8_percent_encode(&text, NON_ALPHANUMERIC)
            );
            e.target_unchecked_into::<HtmlAnchorElement>()
                .set_href(&href);
        })
    };
    // A link that looks like a button acts like one: Space downloads rather than scrolls.
    let on_key = Callback::from(|e: KeyboardEvent| {
        if e.key() == " " {
            e.prevent_default();
            e.target_unchecked_into::<HtmlAnchorElement>().click();
        }
    });
    html! {
        <a class="button" role="button" data-testid="download-csv" href="#" download="biaya-bpo.csv"
            onclick={on_csv} onkeydown={on_key}>{ ShareTexts::of(lang).download_csv }</a>
    }
}
