//! What a link lost on the way, field by field, and an older tariff's estimate beside today's
//! prices: drawn by the deferred module into the page's notices. The page says at once that a
//! link was damaged; the sentences, most of them about links few visitors get, come after.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::estimate;
use crate::i18n::{
    DeferredTexts, Lang, Texts, format_money, link_problem, mid_sentence, tariff_edition,
    times_over,
};
use crate::link::{self, Dropped};
use crate::money::Currency;
use crate::tariff::{Catalogue, Tariff};
use crate::ui::Static;
use crate::ui::bridge::{self, Wish};

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    /// The tariff the link is priced with.
    pub tariff: Static<Tariff>,
    /// What the link lost on the way (see `Document::problems`).
    pub problems: Vec<Dropped>,
    pub lang: Lang,
}

/// What opening the link gave up, one sentence each.
#[component]
pub fn LinkProblems(props: &ProblemsProps) -> Html {
    let ProblemsProps {
        tariff,
        problems,
        lang,
    } = props;
    if problems.is_empty() {
        return Html::default();
    }
    // A field repeated 300 times is one sentence, with how often, not 300 of the same.
    let mut sentences: Vec<(String, usize)> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for problem in problems {
        let sentence = link_problem(problem, tariff.0, *lang);
        match seen.get(&sentence) {
            Some(&at) => sentences[at].1 += 1,
            None => {
                seen.insert(sentence.clone(), sentences.len());
                sentences.push((sentence, 1));
            }
        }
    }
    html! {
        <ul data-testid="link-problems">
            { for sentences.into_iter().map(|(sentence, times)| html! {
                <li>{ sentence }{ (times > 1).then(|| format!(" {}", times_over(times, *lang))) }</li>
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct TariffProps {
    pub catalogue: Static<Catalogue>,
    /// The tariff the estimate on screen is priced with.
    pub tariff: Static<Tariff>,
    pub request: Rc<estimate::Request>,
    /// What re-pricing gave up, where the estimate just was.
    pub repriced: Vec<Dropped>,
    pub lang: Lang,
}

/// Today's prices beside an older tariff's, with the offer to re-price; and what re-pricing gave
/// up, once done.
#[component]
pub fn TariffNotice(props: &TariffProps) -> Html {
    let TariffProps {
        catalogue,
        tariff,
        request,
        repriced,
        lang,
    } = props;
    let (catalogue, lang, texts, more) = (
        *catalogue,
        *lang,
        Texts::of(*lang),
        DeferredTexts::of(*lang),
    );
    let latest = catalogue.0.latest();
    let today = use_memo(
        (tariff.0.version.clone(), request.clone()),
        move |(version, request)| {
            if **version == *latest.version {
                return None;
            }
            let (request, _) = link::reprice(request, latest);
            let priced = estimate::estimate(latest, &request).ok()?;
            Some((
                priced.currency,
                priced.totals.monthly,
                priced.totals.one_time,
            ))
        },
    );
    let money = |amount: Decimal, currency: Currency| format_money(amount, currency, lang);
    let reprice = Callback::from(|_: MouseEvent| {
        bridge::wish(&[Wish::Reprice]);
        crate::ui::browser::after_render(|| crate::ui::browser::jump_to("summary-title"));
    });
    html! {
        <>
            if !repriced.is_empty() {
                <div class="notice" data-testid="repriced">
                    <ul>{ for repriced.iter().map(|d| html! { <li>{ link_problem(d, latest, lang) }</li> }) }</ul>
                </div>
            }
            if let Some((currency, monthly, one_time)) = *today {
                <div class="notice" data-testid="tariff-notice">
                    <p>{ format!("{} {}. {} {}: {} / {}, {} {}.",
                        more.priced_with, tariff_edition(tariff.0, lang),
                        more.todays_prices, latest.version,
                        money(monthly, currency), texts.month,
                        money(one_time, currency), mid_sentence(texts.one_time)) }</p>
                    <button type="button" data-testid="reprice" onclick={reprice}>
                        { format!("{} {}", more.reprice, latest.version) }
                    </button>
                </div>
            }
        </>
    }
}
