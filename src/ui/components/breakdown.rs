//! Every line behind the totals, per activity, with its in-house twin.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::estimate::{ActivityEstimate, Estimate, Line, LineKind};
use crate::i18n::{
    BreakdownTexts, Lang, Texts, format_count, format_money, format_unit_cost, line_detail,
    line_title,
};
use crate::money::Currency;
use crate::tariff::{Activity, Tariff};
use crate::ui::Static;

#[derive(Properties, PartialEq)]
pub struct BreakdownProps {
    pub tariff: Static<Tariff>,
    pub estimate: Rc<Estimate>,
    pub lang: Lang,
}

fn line_class(kind: &LineKind) -> &'static str {
    match kind {
        LineKind::Discount { .. } | LineKind::NegotiatedDiscount { .. } => "discount",
        LineKind::Vat { .. } => "vat",
        LineKind::Minimum => "minimum",
        LineKind::Option { .. } => "option",
        _ => "",
    }
}

fn table(
    caption: &str,
    lines: &[Line],
    total: (&str, Decimal),
    activity: &Activity,
    currency: Currency,
    lang: Lang,
) -> Html {
    let money = |amount: Decimal| format_money(amount, currency, lang);
    let bd = BreakdownTexts::of(lang);
    html! {
        <table class="lines">
            <caption>{ caption }</caption>
            <thead>
                <tr><th scope="col">{ bd.item }</th><th scope="col">{ bd.amount }</th></tr>
            </thead>
            <tbody>
                { for lines.iter().map(|line| html! {
                    <tr class={line_class(&line.kind)}>
                        <th scope="row">
                            { line_title(line, activity, lang) }
                            if let Some(detail) = line_detail(line, currency, lang) {
                                <span class="detail">{ detail }</span>
                            }
                        </th>
                        <td>{ money(line.amount) }</td>
                    </tr>
                }) }
            </tbody>
            <tfoot>
                <tr><th scope="row">{ total.0 }</th><td>{ money(total.1) }</td></tr>
            </tfoot>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    activity: Static<Activity>,
    priced: ActivityEstimate,
    currency: Currency,
    lang: Lang,
}

/// One activity's lines: a component of its own, so typing in one activity redraws only its card.
#[component]
fn ActivityCard(props: &CardProps) -> Html {
    let CardProps {
        activity,
        priced,
        currency,
        lang,
    } = props;
    let (activity, currency, lang) = (activity.0, *currency, *lang);
    let (labels, bd) = (Texts::of(lang), BreakdownTexts::of(lang));
    let money = |amount: Decimal| format_money(amount, currency, lang);
    let per_unit = priced.per_unit.as_ref().map(|cost| {
        let noun = activity
            .units()
            .find(|u| u.id == cost.unit)
            .map_or("", |u| u.unit.get(lang));
        format!(
            "{} {} {noun}, {}",
            format_unit_cost(cost.amount, currency, lang),
            bd.per,
            bd.all_in
        )
    });
    let in_house = &priced.in_house;
    html! {
        <section class="activity-estimate" key={priced.activity.clone()}
            data-testid={format!("estimate-{}", priced.activity)}>
            <h3>
                <span>{ activity.name.get(lang) }</span>
                <span class="figure">{ money(priced.monthly) }{ " / " }{ labels.month }</span>
            </h3>
            if let Some(per_unit) = per_unit { <p class="per-unit">{ per_unit }</p> }
            { table(bd.monthly_bill, &priced.monthly_lines, (labels.monthly, priced.monthly), activity, currency, lang) }
            if !priced.one_time_lines.is_empty() {
                { table(bd.one_time_bill, &priced.one_time_lines, (labels.one_time, priced.one_time), activity, currency, lang) }
            }
            <details class="in-house">
                <summary>
                    { format!("{}: {} / {}, {} {}", bd.compare_in_house, money(in_house.monthly), labels.month,
                        format_count(in_house.staff, lang), bd.employees) }
                </summary>
                { table(bd.monthly_bill, &in_house.monthly_lines, (bd.in_house_monthly, in_house.monthly), activity, currency, lang) }
                { table(bd.one_time_bill, &in_house.one_time_lines, (bd.in_house_one_time, in_house.one_time), activity, currency, lang) }
            </details>
        </section>
    }
}

#[component]
pub fn Breakdown(props: &BreakdownProps) -> Html {
    let BreakdownProps {
        tariff,
        estimate,
        lang,
    } = props;
    html! {
        <div class="breakdown">
            { for estimate.activities.iter().filter_map(|priced| {
                let activity = tariff.0.activity(&priced.activity)?;
                Some(html! {
                    <ActivityCard key={priced.activity.clone()} activity={Static(activity)} priced={priced.clone()}
                        currency={estimate.currency} lang={*lang} />
                })
            }) }
        </div>
    }
}
