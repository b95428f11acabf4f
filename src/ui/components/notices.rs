//! What the visitor must know about the estimate on screen: what a link lost on the way, an
//! older tariff, an expired quote, whose estimate it is.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::calendar::Date;
use crate::i18n::{
    Lang, Texts, format_money, link_error, link_problem, mid_sentence, tariff_edition,
};
use crate::link::{Dropped, LinkError};
use crate::money::Currency;
use crate::tariff::Tariff;
use crate::ui::Static;
use crate::ui::state::{Action, Origin};

/// Today's prices for the same request, beside the figures of an older tariff.
#[derive(Clone, PartialEq)]
pub struct TodaysPrices {
    pub tariff: Static<Tariff>,
    pub currency: Currency,
    pub monthly: Decimal,
    pub one_time: Decimal,
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
    pub link_error: Option<LinkError>,
    /// What opening the link on the page had to give up.
    pub dropped: Vec<Dropped>,
    /// What re-pricing with the newest tariff had to give up.
    pub repriced: Vec<Dropped>,
    pub todays_prices: Option<TodaysPrices>,
    pub expired: Option<Date>,
    pub origin: Origin,
    /// A quotation is on the page: it is its client's to read, not a draft to keep.
    pub quote: bool,
    /// The visitor's stored draft, offered back while someone else's estimate is on the page.
    pub draft: Option<AttrValue>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let NoticesProps {
        tariff,
        lang,
        link_error: error,
        dropped,
        repriced,
        todays_prices,
        expired,
        origin,
        quote,
        draft,
        dispatch,
    } = props;
    let (lang, texts) = (*lang, Texts::of(*lang));
    let act = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };

    let problems: Vec<String> = error
        .map(|e| link_error(e, lang))
        .into_iter()
        .chain(dropped.iter().map(|d| link_problem(d, tariff.0, lang)))
        .collect();

    html! {
        <div class="notices">
            if !problems.is_empty() {
                <div class="notice warning" data-testid="link-error" role="alert">
                    <p><strong>{ texts.link_damaged }</strong></p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
            }
            if !repriced.is_empty() {
                <div class="notice" data-testid="repriced">
                    <ul>{ for repriced.iter().map(|d| html! { <li>{ link_problem(d, tariff.0, lang) }</li> }) }</ul>
                </div>
            }
            if let Some(today) = todays_prices {
                <div class="notice" data-testid="tariff-notice">
                    <p>{ format!("{} {}. {} {}: {} / {}, {} {}.",
                        texts.priced_with, tariff_edition(tariff, lang),
                        texts.todays_prices, today.tariff.version,
                        format_money(today.monthly, today.currency, lang), texts.month,
                        format_money(today.one_time, today.currency, lang), mid_sentence(texts.one_time)) }</p>
                    <button type="button" data-testid="reprice" onclick={act(Action::Reprice)}>
                        { format!("{} {}", texts.reprice, today.tariff.version) }
                    </button>
                </div>
            }
            if let Some(until) = expired {
                <div class="notice warning" data-testid="quote-expired">
                    <p>{ format!("{} {until}. {}", texts.expired, texts.prices_may_change) }</p>
                </div>
            }
            if *origin == Origin::Link && !*quote {
                <div class="notice" data-testid="shared-notice">
                    <p>{ if draft.is_some() { texts.shared_keeps_draft } else { texts.shared } }</p>
                    <div class="actions">
                        if let Some(text) = draft {
                            <button type="button" data-testid="open-draft"
                                onclick={act(Action::Open { text: text.to_string(), origin: Origin::Own })}>
                                { texts.open_draft }
                            </button>
                        }
                        <button type="button" data-testid="keep-draft" onclick={act(Action::KeepAsDraft)}>{ texts.keep_draft }</button>
                    </div>
                </div>
            }
        </div>
    }
}
