//! What the visitor must know about the estimate on screen: what a link lost on the way, an
//! older tariff, an expired quote, whose estimate it is.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::calendar::Date;
use crate::i18n::{Lang, format_money, link_error, link_problem, mid_sentence, tariff_edition};
use crate::link::{Dropped, LinkError};
use crate::money::Currency;
use crate::tariff::Tariff;
use crate::ui::Static;
use crate::ui::state::{Action, Origin};

/// Today's prices for the same request, beside the figures of an older tariff.
#[derive(Clone, PartialEq)]
pub struct Today {
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
    pub opened: Vec<Dropped>,
    pub today: Option<Today>,
    pub expired: Option<Date>,
    pub origin: Origin,
    pub has_draft: bool,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let NoticesProps {
        tariff,
        lang,
        link_error: error,
        opened,
        today,
        expired,
        origin,
        has_draft,
        dispatch,
    } = props;
    let lang = *lang;
    let labels = lang.labels();
    let act = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };

    let problems: Vec<String> = error
        .map(|e| link_error(e, lang))
        .into_iter()
        .chain(opened.iter().map(|d| link_problem(d, tariff.0, lang)))
        .collect();

    html! {
        <div class="notices">
            if !problems.is_empty() {
                <div class="notice warning" data-testid="link-error" role="alert">
                    <p><strong>{ labels.link_damaged }</strong></p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
            }
            if let Some(today) = today {
                <div class="notice" data-testid="tariff-notice">
                    <p>{ format!("{} {}. {} {}: {} / {}, {} {}.",
                        labels.priced_with, tariff_edition(tariff, lang),
                        labels.todays_prices, today.tariff.version,
                        format_money(today.monthly, today.currency, lang), labels.month,
                        format_money(today.one_time, today.currency, lang), mid_sentence(labels.one_time)) }</p>
                    <button type="button" data-testid="reprice" onclick={act(Action::Reprice)}>
                        { format!("{} {}", labels.reprice, today.tariff.version) }
                    </button>
                </div>
            }
            if let Some(until) = expired {
                <div class="notice warning" data-testid="quote-expired">
                    <p>{ format!("{} {until}. {}", labels.expired, labels.prices_may_change) }</p>
                </div>
            }
            if *origin == Origin::Shared {
                <div class="notice" data-testid="shared-notice">
                    <p>{ if *has_draft { labels.shared_keeps_draft } else { labels.shared } }</p>
                    <div class="actions">
                        if *has_draft {
                            <button type="button" data-testid="open-draft" onclick={
                                let dispatch = dispatch.clone();
                                Callback::from(move |_: MouseEvent| {
                                    if let Some(text) = crate::ui::browser::stored_draft() {
                                        dispatch.emit(Action::Open { text, origin: Origin::Own });
                                    }
                                })
                            }>{ labels.open_draft }</button>
                        }
                        <button type="button" data-testid="keep-draft" onclick={act(Action::Keep)}>{ labels.keep_draft }</button>
                    </div>
                </div>
            }
        </div>
    }
}
