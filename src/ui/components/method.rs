//! "How this is calculated": the rules, every assumption with its source, and the risks the
//! prospect keeps, so nobody has to trust a black box.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::i18n::{Lang, format_count, format_money, format_percent, tariff_edition};
use crate::money::Currency;
use crate::tariff::{Activity, Tariff};
use crate::ui::Static;

#[derive(Properties, PartialEq)]
pub struct MethodProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
}

fn rupiah(amount: Decimal, lang: Lang) -> String {
    format_money(amount, Currency::Idr, lang)
}

fn prices(activity: &Activity, lang: Lang) -> Html {
    let id = lang == Lang::Id;
    let per_fte = |n: u64| {
        let n = format_count(n, lang);
        if id {
            format!("{n} per karyawan sendiri per bulan")
        } else {
            format!("{n} per in-house employee a month")
        }
    };
    html! {
        <section class="prices" key={activity.id.to_string()}>
            <h4>{ activity.name.get(lang) }</h4>
            <ul>
                <li>{ format!("{}: {}. {}", if id { "Biaya manajemen" } else { "Management fee" },
                    rupiah(activity.management_fee, lang), activity.fee_note.get(lang)) }</li>
                <li>{ format!("{}: {}.", if id { "Minimum bulanan" } else { "Monthly minimum" },
                    rupiah(activity.minimum, lang)) }</li>
                <li>{ format!("{}: {}; {}: {}. {}", if id { "Orientasi" } else { "Onboarding" }, rupiah(activity.onboarding, lang),
                    if id { "per kursi khusus" } else { "per dedicated seat" }, rupiah(activity.seat_setup, lang),
                    activity.setup_note.get(lang)) }</li>
                { for activity.units().map(|unit| {
                    let mut floor = 0;
                    let tiers: Vec<String> = unit.tiers.iter().map(|tier| {
                        let band = match tier.up_to {
                            Some(up_to) => format!("{}–{}", format_count(floor + 1, lang), format_count(up_to, lang)),
                            None => format!("> {}", format_count(floor, lang)),
                        };
                        floor = tier.up_to.unwrap_or(floor);
                        format!("{band}: {}", rupiah(tier.price, lang))
                    }).collect();
                    let in_house = unit.per_fte.map(per_fte).or_else(|| unit.cost.map(|c| {
                        let c = rupiah(c, lang);
                        if id { format!("sewa sendiri {c}") } else { format!("own space {c}") }
                    }));
                    html! {
                        <li key={unit.id.to_string()}>
                            <strong>{ unit.name.get(lang) }</strong>
                            { format!(" (per {}): {}. ", unit.unit.get(lang), tiers.join("; ")) }
                            { unit.note.get(lang) }
                            if let Some(in_house) = in_house { { format!(". {in_house}.") } }
                        </li>
                    }
                }) }
                <li>{ format!("{}: {} ({}); {}: {} ({}); {}: {} ({}).",
                    activity.in_house.role.get(lang), rupiah(activity.in_house.wage, lang), activity.in_house.wage_note.get(lang),
                    if id { "kursi" } else { "seat" }, rupiah(activity.in_house.overhead, lang), activity.in_house.overhead_note.get(lang),
                    if id { "rekrut" } else { "hiring" }, rupiah(activity.in_house.hire, lang), activity.in_house.hire_note.get(lang)) }</li>
            </ul>
        </section>
    }
}

#[component]
pub fn Method(props: &MethodProps) -> Html {
    let MethodProps { tariff, lang } = props;
    let lang = *lang;
    let labels = lang.labels();
    let basis = &tariff.in_house;
    html! {
        <section class="method" aria-labelledby="method-title" data-testid="method">
            <details>
                <summary><h2 id="method-title">{ labels.method }</h2></summary>
                <ol class="rules">
                    { for labels.rules.iter().map(|rule| html! { <li>{ *rule }</li> }) }
                </ol>
                <h3>{ labels.assumptions }</h3>
                <dl class="assumptions">
                    <dt>{ labels.tariff }</dt>
                    <dd>{ tariff_edition(tariff, lang) }</dd>
                    <dt>{ labels.exchange_rate }</dt>
                    <dd>{ format!("USD 1 = {} ({}). {}", rupiah(tariff.usd.rate, lang), tariff.usd.date, tariff.usd.source.get(lang)) }</dd>
                    <dt>{ labels.vat }</dt>
                    <dd>{ format!("{}: {}", format_percent(tariff.vat.rate, lang), tariff.vat.note.get(lang)) }</dd>
                    <dt>{ labels.sites }</dt>
                    <dd><ul>
                        { for tariff.sites.iter().map(|s| html! {
                            <li key={s.id.to_string()}>{ format!("{} × {}: {}", s.name.get(lang), s.factor.normalize(), s.note.get(lang)) }</li>
                        }) }
                    </ul></dd>
                    <dt>{ labels.in_house_basis }</dt>
                    <dd><ul>
                        <li>{ format!("{}: {}", rupiah(basis.minimum_wage, lang), basis.minimum_wage_note.get(lang)) }</li>
                        { for basis.contributions.iter().map(|c| html! { <li key={c.id.to_string()}>{ c.name.get(lang) }</li> }) }
                        <li>{ basis.thr_note.get(lang) }</li>
                    </ul></dd>
                </dl>
                <h3>{ labels.prices }</h3>
                { for tariff.activities.iter().map(|a| prices(a, lang)) }
                <h3>{ labels.risks }</h3>
                <p>{ labels.risk_name }</p>
                <p>{ labels.risk_bill }</p>
            </details>
        </section>
    }
}
