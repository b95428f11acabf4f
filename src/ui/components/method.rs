//! "How this is calculated": the rules, every assumption with its source, and the risks the
//! prospect keeps, so nobody has to trust a black box.

use yew::prelude::*;

use crate::i18n::{
    Lang, MethodTexts, Texts, activity_prices, exchange_assumption, in_house_role,
    minimum_wage_assumption, service_hours, site_assumption, tariff_edition, unit_prices,
    vat_assumption,
};
use crate::tariff::{Activity, Tariff};
use crate::ui::Static;

#[derive(Properties, PartialEq)]
pub struct MethodProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
}

fn prices(activity: &Activity, lang: Lang) -> Html {
    html! {
        <section class="prices" key={activity.id.to_string()}>
            <h4>{ activity.name.get(lang) }</h4>
            <ul>
                { for activity_prices(activity, lang).into_iter().map(|line| html! { <li>{ line }</li> }) }
                { for service_hours(activity, lang).map(|hours| html! { <li>{ hours }</li> }) }
                { for activity.units().map(|unit| html! {
                    <li key={unit.id.to_string()}>
                        <strong>{ unit.name.get(lang) }</strong>{ unit_prices(unit, lang) }
                    </li>
                }) }
                <li>{ in_house_role(activity, lang) }</li>
            </ul>
        </section>
    }
}

#[component]
pub fn Method(props: &MethodProps) -> Html {
    let MethodProps { tariff, lang } = props;
    let lang = *lang;
    let (texts, page) = (MethodTexts::of(lang), Texts::of(lang));
    let basis = &tariff.in_house;
    html! {
        <section class="method" aria-labelledby="method-title" data-testid="method">
            <details>
                <summary><h2 id="method-title">{ texts.method }</h2></summary>
                <ol class="rules">
                    { for texts.rules.iter().map(|rule| html! { <li>{ *rule }</li> }) }
                </ol>
                <h3>{ texts.assumptions }</h3>
                <dl class="assumptions">
                    <dt>{ page.tariff }</dt>
                    <dd>{ tariff_edition(tariff, lang) }</dd>
                    <dt>{ texts.exchange_rate }</dt>
                    <dd>{ exchange_assumption(tariff, lang) }</dd>
                    <dt>{ texts.vat }</dt>
                    <dd>{ vat_assumption(tariff.vat.rate, tariff.vat.note.get(lang), lang) }</dd>
                    <dt>{ texts.sites }</dt>
                    <dd><ul>
                        { for tariff.sites.iter().map(|s| html! {
                            <li key={s.id.to_string()}>{ site_assumption(s, lang) }</li>
                        }) }
                    </ul></dd>
                    <dt>{ texts.in_house_basis }</dt>
                    <dd><ul>
                        <li>{ minimum_wage_assumption(tariff, lang) }</li>
                        { for basis.contributions.iter().map(|c| html! { <li key={c.id.to_string()}>{ c.name.get(lang) }{ "." }</li> }) }
                        <li>{ basis.thr_note.get(lang) }{ "." }</li>
                    </ul></dd>
                </dl>
                <h3>{ texts.prices }</h3>
                { for tariff.activities.iter().map(|a| prices(a, lang)) }
                <h3>{ texts.risks }</h3>
                <p>{ texts.risk_name }</p>
                <p>{ texts.risk_bill }</p>
            </details>
        </section>
    }
}
