//! The top of the page: the name, and the page's own settings (its language and currency).

use yew::prelude::*;

use super::field::{Choices, Select};
use crate::i18n::{Lang, Texts, currency_name, language_name};
use crate::money::Currency;
use crate::ui::state::{Action, Edit};

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub lang: Lang,
    pub currency: Currency,
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
    html! {
        <header class="masthead">
            <div class="brand">
                <h1>{ "Biaya BPO" }</h1>
                <p class="tagline">{ texts.tagline }</p>
            </div>
            <div class="page-settings">
                <Select testid="language" label={texts.language} value={lang.code()} choices={languages} on_change={on_lang} />
                <Select testid="currency" label={texts.currency} value={currency.code()} choices={currencies} on_change={on_currency} />
            </div>
        </header>
    }
}
