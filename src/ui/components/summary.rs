//! The figures a prospect came for: totals, the in-house comparison, and the range.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::charts::share;
use super::in_house::InHouseFigureForms;
use crate::estimate::{ActivityRequest, Estimate};
use crate::i18n::{
    BreakdownTexts, CompareTexts, Lang, Period, Texts, format_count, format_money, saving_sentence,
    vat_basis,
};
use crate::tariff::Tariff;
use crate::ui::Static;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub estimate: Rc<Estimate>,
    pub lang: Lang,
    /// The inputs hold a mistake: the figures are the last valid ones.
    pub stale: bool,
    /// The figures are a quotation's, not an estimate's.
    #[prop_or_default]
    pub quote: bool,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let SummaryProps {
        estimate,
        lang,
        stale,
        quote,
    } = props;
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

    html! {
        <section class={classes!("summary", stale.then_some("stale"))} aria-labelledby="summary-title">
            <h2 id="summary-title">{ if *quote { labels.totals } else { labels.estimate } }</h2>
            if !*quote {
                <p class="indicative" data-testid="indicative">{ labels.indicative }</p>
            }
            <p class="status" role="status">
                if *stale { { labels.stale } }
                else if estimate.activities.is_empty() { { labels.empty } }
            </p>
            <dl class="totals" aria-live="polite" aria-atomic="true">
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
            <svg class="split" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
                <rect class="variable-bar" x="0" y="0" width="100" height="4" />
                <rect class="fixed-bar" x="0" y="0" width={fixed_share.to_string()} height="4" />
            </svg>
            <dl class="pairs">
                <div><dt>{ labels.fixed }</dt><dd>{ money(totals.monthly_fixed) }</dd></div>
                <div><dt>{ labels.variable }</dt><dd>{ money(totals.monthly_variable) }</dd></div>
            </dl>
            <p class="help">{ labels.fixed_hint }</p>
            <p class="vat-basis" data-testid="vat-basis">
                { vat_basis(estimate.vat.is_some(), estimate.vat.unwrap_or_default(), lang) }
            </p>

            // The comparison with doing it in-house and the range follow with the deferred module.
            <div id={crate::ui::more::COMPARISON} class="deferred"></div>
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
                <InHouseFigureForms tariff={*tariff} activities={activities.clone()} {lang} />
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
