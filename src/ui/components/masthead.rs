//! The top of the page: the provider's name and logo, and the page's own settings (its language
//! and currency).

use yew::prelude::*;

use super::field::{Choices, Select};
use crate::i18n::{Lang, Texts, currency_name, language_name};
use crate::money::Currency;
use crate::provider::provider;
use crate::ui::state::{Action, Edit};

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub lang: Lang,
    /// The estimate's currency, where the visitor may change it (not on a quotation).
    pub currency: Option<Currency>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let MastheadProps {
        lang,
        currency,
        dispatch,
    } = props;
    let (lang, texts) = (*lang, Texts::of(*lang));
    let languages: Choices = Lang::ALL
        .iter()
        .map(|l| {
            (
                AttrValue::from(l.code()),
                AttrValue::from(language_name(*l)),
            )
        })
        .collect();
    let currencies: Choices = Currency::ALL
        .iter()
        .map(|c| {
            (
                AttrValue::from(c.code()),
                AttrValue::from(currency_name(*c, lang)),
            )
        })
        .collect();
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
                dispatch.emit(Action::Edit(Edit::Currency(currency)));
            }
        })
    };
    let provider = provider();
    html! {
        <header class="masthead">
            <div class="brand">
                // Our own logo, checked at build time: no script, style or link in it.
                <span class="logo" aria-hidden="true">{ Html::from_html_unchecked(AttrValue::Static(&provider.logo)) }</span>
                <div>
                    <p class="provider-name">{ &*provider.name }</p>
                    <p class="tagline">{ provider.tagline.get(lang) }</p>
                </div>
            </div>
            <div class="page-settings">
                <Select testid="language" label={texts.language} value={lang.code()} choices={languages} on_change={on_lang} />
                if let Some(currency) = currency {
                    <Select testid="currency" label={texts.currency} value={currency.code()} choices={currencies} on_change={on_currency} />
                }
            </div>
        </header>
    }
}
