//! The figures a prospect came for: totals, the in-house comparison, and the range.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::charts::share;
use super::in_house::InHouseFigureForms;
use crate::document::Document;
use crate::estimate::{ActivityRequest, Estimate};
use crate::i18n::{
    BreakdownTexts, CompareTexts, DeferredTexts, Lang, Period, Texts, format_count, format_money,
    saving_sentence, vat_basis,
};
use crate::tariff::Tariff;
use crate::ui::Shared;
use crate::ui::Static;
use crate::ui::bridge::{self, Wish};
use crate::ui::hooks::{SPOKEN_AFTER_MS, use_settled};
use crate::ui::state::Edit;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub document: Shared<Document>,
    pub lang: Lang,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let SummaryProps { document, lang } = props;
    let estimate = &document.estimate;
    // The inputs hold a mistake: the figures are the last valid ones.
    let stale = &document.stale;
    let quote = &document.quote.is_some();
    // Some volume priced is still the page's example, not the visitor's.
    let examples = !document.examples.is_empty();
    let (lang, labels) = (*lang, Texts::of(*lang));
    let money = |amount: Decimal| format_money(amount, estimate.currency, lang);
    let totals = &estimate.totals;
    let months = estimate.months;
    let month_word = if months == 1 {
        labels.month
    } else {
        labels.months
    };
    // The bar's width only: a share that cannot be computed draws no bar.
    let fixed_share = share(totals.monthly_fixed, totals.monthly, 100);

    // Said to a screen reader once the typing pauses, not the four totals at every keystroke.
    let said = use_settled(
        format!("{}: {}", labels.monthly, money(totals.monthly)),
        SPOKEN_AFTER_MS,
    );

    // Nothing chosen: an invitation, not a page of zeros to print or share.
    if estimate.activities.is_empty() && !*quote {
        return html! {
            <section class="summary empty" aria-labelledby="summary-title">
                <h2 id="summary-title" tabindex="-1">{ labels.estimate }</h2>
                <p class="invitation" data-testid="empty-invitation">{ labels.empty }</p>
            </section>
        };
    }

    html! {
        <section class={classes!("summary", stale.then_some("stale"))} aria-labelledby="summary-title">
            <h2 id="summary-title" tabindex="-1">{ if *quote { labels.totals } else { labels.estimate } }</h2>
            if !*quote {
                <p class="indicative" data-testid="indicative">{ labels.indicative }</p>
            }
            <p class="status" role="status">
                if *stale { { labels.stale } }
            </p>
            <p class="visually-hidden" aria-live="polite" data-testid="announced">{ said }</p>
            <dl class="totals">
                <div class="total main">
                    <dt>{ labels.monthly }</dt>
                    <dd data-testid="total-monthly">{ money(totals.monthly) }</dd>
                </div>
                <div class="total">
                    <dt>{ labels.one_time }</dt>
                    <dd data-testid="total-one-time">{ money(totals.one_time) }</dd>
                </div>
                <div class="total">
                    <dt>{ labels.first_year }</dt>
                    <dd data-testid="total-first-year">{ money(totals.first_year) }</dd>
                </div>
                <div class="total">
                    <dt>{ format!("{} ({months} {month_word})", labels.contract) }</dt>
                    <dd data-testid="total-contract">{ money(totals.contract) }</dd>
                </div>
            </dl>
            // An SVG bar: a style attribute would need 'unsafe-inline' in the page's CSP.
            // The two parts apart by a gap, so each stands out against white, not only one against
            // the other.
            <svg class="split" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
                <rect class="variable-bar" x="0" y="0" width="100" height="4" />
                <rect class="gap" x={fixed_share.to_string()} y="0" width="0.8" height="4" />
                <rect class="fixed-bar" x="0" y="0" width={fixed_share.to_string()} height="4" />
            </svg>
            <dl class="pairs">
                <div><dt><span class="key fixed-key"></span>{ labels.fixed }</dt><dd>{ money(totals.monthly_fixed) }</dd></div>
                <div><dt><span class="key variable-key"></span>{ labels.variable }</dt><dd>{ money(totals.monthly_variable) }</dd></div>
            </dl>
            <p class="help">{ labels.fixed_hint }</p>
            <p class="vat-basis" data-testid="vat-basis">
                { vat_basis(estimate.vat.is_some(), estimate.vat.unwrap_or_default(), lang) }
            </p>
            if examples {
                <div class="examples-note">
                    <p data-testid="example-note">{ labels.examples_note }</p>
                    // "These are my figures" and "Set them to zero" follow with the deferred
                    // module, below the totals, so nothing above them moves when they come.
                    <div id={crate::ui::places::EXAMPLES} class="deferred"></div>
                </div>
            }

            // The comparison with doing it in-house and the range follow with the deferred module.
            <div id={crate::ui::places::COMPARISON} class="deferred"></div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub tariff: Static<Tariff>,
    pub estimate: Rc<Estimate>,
    /// The chosen activities, with their in-house figures.
    pub activities: Vec<ActivityRequest>,
    /// The visitor may change the in-house figures (their own estimate, not a quotation).
    pub adjustable: bool,
    /// The activities with an in-house figure typed that does not read.
    pub in_house_invalid: Vec<String>,
    pub lang: Lang,
}

/// The same work done in-house, the saving over the month, the first year and the contract, and
/// the monthly bill if volume moves: below the totals, with the deferred module.
#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let ComparisonProps {
        tariff,
        estimate,
        activities,
        adjustable,
        in_house_invalid,
        lang,
    } = props;
    let (lang, ct, bd) = (*lang, CompareTexts::of(*lang), BreakdownTexts::of(*lang));
    let money = |amount: Decimal| format_money(amount, estimate.currency, lang);
    let saving = &estimate.saving;
    let currency = estimate.currency;
    let costs_more = saving.monthly.is_sign_negative();
    html! {
        <div class="comparison">
            <h3>{ ct.in_house }</h3>
            <dl class="pairs">
                <div>
                    <dt>{ format!("{} ({} {})", bd.in_house_monthly, format_count(estimate.in_house.staff, lang), bd.employees) }</dt>
                    <dd data-testid="inhouse-monthly">{ money(estimate.in_house.monthly) }</dd>
                </div>
                <div class={classes!("saving", costs_more.then_some("costs-more"))}>
                    <dt>{ if costs_more { ct.costs_more } else { ct.monthly_saving } }</dt>
                    <dd data-testid="saving-monthly">{ money(saving.monthly.abs()) }</dd>
                </div>
            </dl>
            <ul class="savings">
                <li data-testid="saving-month">
                    { saving_sentence(saving.monthly, saving.percent, Period::Month, currency, lang) }
                </li>
                <li data-testid="saving-first-year">
                    { saving_sentence(saving.first_year, None, Period::FirstYear, currency, lang) }
                </li>
                <li data-testid="saving-contract">
                    { saving_sentence(saving.contract, None, Period::Contract { months: estimate.months }, currency, lang) }
                </li>
            </ul>
            if *adjustable && !activities.is_empty() {
                <InHouseFigureForms tariff={*tariff} activities={activities.clone()}
                    invalid={in_house_invalid.clone()} {lang} />
            }

            <h3>{ format!("{} ±{}%", ct.range, estimate.range.percent) }</h3>
            <dl class="pairs">
                <div><dt>{ ct.range_low }</dt><dd data-testid="range-monthly-low">{ money(estimate.range.low) }</dd></div>
                <div><dt>{ ct.range_high }</dt><dd data-testid="range-monthly-high">{ money(estimate.range.high) }</dd></div>
            </dl>
            <p class="help">{ ct.range_hint }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExampleActionsProps {
    pub lang: Lang,
}

/// The buyer's answer to the page's example volumes: keep them as theirs, or set them to zero.
#[component]
pub fn ExampleActions(props: &ExampleActionsProps) -> Html {
    let labels = DeferredTexts::of(props.lang);
    let settle =
        |edit: Edit| Callback::from(move |_: MouseEvent| bridge::wish(&[Wish::Edit(edit.clone())]));
    html! {
        <>
            <button type="button" class="secondary" data-testid="confirm-examples"
                onclick={settle(Edit::ConfirmExamples)}>{ labels.confirm_examples }</button>
            <button type="button" class="secondary" data-testid="clear-examples"
                onclick={settle(Edit::ClearExamples)}>{ labels.clear_examples }</button>
        </>
    }
}
