//! What a call centre's service level costs: the arithmetic from calls to agents, the service
//! the busiest hour gets with a few agents more or fewer, the month priced at other targets, and
//! the same calls bought shared or dedicated. Drawn by the deferred module beside the traffic.

use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use yew::prelude::*;

use crate::estimate::{self, ActivityRequest, Request, Rules, Volumes};
use crate::i18n::{
    Lang, SizingFigures, TrafficTexts, both_cover, format_count, format_money, format_number,
    format_percent, mid_sentence, sizing_arithmetic,
};
use crate::money::{self, Currency};
use crate::staffing::{CentrePlan, Performance, Profile, Sizing};
use crate::tariff::{Activity, Model, SizedBy, Tariff, Unit};
use crate::ui::Static;

/// The service levels the month is priced at besides the buyer's own, in percent.
const TARGETS: [u8; 4] = [70, 80, 90, 95];

#[derive(Properties, PartialEq)]
pub struct StaffingProps {
    pub tariff: Static<Tariff>,
    pub request: Request,
    /// The activity whose volume is sized from calls.
    pub activity: AttrValue,
    pub lang: Lang,
}

/// A probability or a float figure as a decimal, for the page's formats (no float formatting).
fn decimal(value: f64, places: u32) -> Decimal {
    Decimal::from_f64(value)
        .map(|d| money::round(d, places))
        .unwrap_or_default()
}

/// The monthly total of the one activity of `request` with `wanted` in its place, by the
/// current rules: a team has the channels it does not answer priced beside it (rule 14), so
/// both models price the same traffic.
fn monthly(tariff: &Tariff, request: &Request, wanted: ActivityRequest) -> Option<Decimal> {
    let mut alone = request.clone();
    alone.activities = vec![wanted];
    alone.rules = Rules::default();
    Some(estimate::estimate(tariff, &alone).ok()?.totals.monthly)
}

/// The activity's channels other than calls that `wanted` has volumes for, each as "chat
/// conversations 12,000": what a team sized from calls does not cover, and what both models of
/// the comparison price beside the calls.
fn channels(activity: &Activity, wanted: &ActivityRequest, lang: Lang) -> Vec<String> {
    activity
        .units()
        .filter(|u| !u.seat && u.sized_by.is_none())
        .filter_map(|u| {
            let quantity = *wanted.volumes.get(&*u.id)?;
            (quantity > 0).then(|| {
                let name = mid_sentence(u.name.get(lang));
                format!("{name} {}", format_count(quantity, lang))
            })
        })
        .collect()
}

/// The channels priced beside the team of `activity` in `request`, as [`channels`] words them.
pub fn beside(tariff: &Tariff, request: &Request, activity: &str, lang: Lang) -> Vec<String> {
    let wanted = request.activities.iter().find(|a| a.activity == activity);
    match (tariff.activity(activity), wanted) {
        (Some(offered), Some(wanted)) => channels(offered, wanted, lang),
        _ => Vec::new(),
    }
}

/// `wanted` bought on `model`, `unit` at `volume` and every other channel as `wanted` has it.
fn on_model(
    activity: &Activity,
    wanted: &ActivityRequest,
    model: &Model,
    unit: &Unit,
    volume: u64,
) -> ActivityRequest {
    let mut volumes = Volumes::new();
    for each in activity.priced_units(model) {
        let quantity = if each.id == unit.id {
            volume
        } else {
            wanted.volumes.get(&*each.id).copied().unwrap_or(0)
        };
        volumes.insert(each.id.to_string(), quantity);
    }
    ActivityRequest {
        model: model.id.to_string(),
        volumes,
        sizing: None,
        ..wanted.clone()
    }
}

/// The activity bought shared, for minutes from `calls`, and dedicated, for the agents a
/// centre with these calls needs (its own sizing, or the usual one), each with every other
/// channel `wanted` holds: the same traffic both ways.
fn both_models<'t>(
    tariff: &'t Tariff,
    request: &Request,
    wanted: &ActivityRequest,
    calls: u64,
    handle_time: u32,
    centre: Option<Sizing>,
) -> Option<[(&'t Model, Decimal); 2]> {
    let activity = tariff.activity(&wanted.activity)?;
    let sized = |by| {
        activity.models.iter().find_map(|m| {
            let unit = m.units.iter().find(|u| u.sized_by == Some(by))?;
            Some((m, unit))
        })
    };
    let (shared, minutes) = sized(SizedBy::Calls)?;
    let (dedicated, agents) = sized(SizedBy::Erlang)?;
    let centre = centre.unwrap_or(Sizing::Centre(CentrePlan {
        calls,
        handle_time,
        hours_per_day: 12,
        days_per_week: 7,
        service_level: 80,
        answer_within: 20,
        max_occupancy: crate::staffing::DEFAULT_OCCUPANCY_PERCENT,
        shrinkage: crate::staffing::DEFAULT_SHRINKAGE_PERCENT,
        profile: Profile::Typical,
    }));
    let shared_minutes = Sizing::Calls { calls, handle_time }.volume().ok()?;
    let dedicated_agents = centre.volume().ok()?;
    let shared_request = on_model(activity, wanted, shared, minutes, shared_minutes);
    let dedicated_request = on_model(activity, wanted, dedicated, agents, dedicated_agents);
    Some([
        (shared, monthly(tariff, request, shared_request)?),
        (dedicated, monthly(tariff, request, dedicated_request)?),
    ])
}

#[component]
pub fn Staffing(props: &StaffingProps) -> Html {
    let StaffingProps {
        tariff,
        request,
        activity,
        lang,
    } = props;
    let (lang, t) = (*lang, TrafficTexts::of(*lang));
    let Some(wanted) = request.activities.iter().find(|a| a.activity == **activity) else {
        return Html::default();
    };
    let Some(sizing) = wanted.sizing else {
        return Html::default();
    };
    let currency: Currency = request.currency;
    let money = |amount| format_money(amount, currency, lang);
    let percent = |p: f64| format_percent(decimal(p, 2), lang);
    let (calls, handle_time) = match sizing {
        Sizing::Calls { calls, handle_time }
        | Sizing::Centre(CentrePlan {
            calls, handle_time, ..
        }) => (calls, handle_time),
    };
    let centre = matches!(sizing, Sizing::Centre(_)).then_some(sizing);

    // The same traffic, shared and dedicated: both prices, the cheaper marked.
    let models = both_models(tariff, request, wanted, calls, handle_time, centre);
    let others = beside(tariff, request, activity, lang);
    let models = models.map(|models| {
        let cheaper = models.iter().map(|(_, m)| *m).min();
        html! {
            <section class="models-compared" data-testid="models-compared">
                <h4>{ t.models }</h4>
                <p data-testid="models-cover">{ both_cover(calls, &others, lang) }</p>
                <dl class="pairs">
                    { for models.iter().map(|(model, amount)| html! {
                        <div class={classes!((Some(*amount) == cheaper).then_some("cheaper"))}
                            data-testid={format!("model-price-{}", model.id)}>
                            <dt>{ model.name.get(lang) }
                                if Some(*amount) == cheaper { <span class="badge">{ t.cheaper }</span> }
                            </dt>
                            <dd>{ money(*amount) }</dd>
                        </div>
                    }) }
                </dl>
            </section>
        }
    });

    let month = centre.and_then(|c| c.month().ok());
    let details = month.map(|month| {
        let Sizing::Centre(CentrePlan {
            shrinkage,
            answer_within,
            service_level,
            ..
        }) = sizing
        else {
            return Html::default();
        };
        let hour = month
            .hours
            .iter()
            .find(|h| h.hour == month.busiest_hour);
        let lines = sizing_arithmetic(
            &SizingFigures {
                calls,
                handle_time,
                days_per_month: decimal(month.days_per_month, 2),
                calls_per_day: decimal(month.calls_per_day, 0),
                hour: month.busiest_hour,
                hour_calls: decimal(hour.map_or(0.0, |h| h.calls), 0),
                erlangs: decimal(hour.map_or(0.0, |h| h.traffic_erlangs), 2),
                agents: month.busiest.agents,
                agent_hours: decimal(month.agent_hours, 1),
                shrinkage,
                scheduled: month.full_time_agents,
            },
            lang,
        );
        // The month priced at other targets within the same seconds, beside the buyer's own.
        let own = monthly_for(tariff, request, wanted, sizing);
        let targets: Vec<Html> = TARGETS
            .iter()
            .filter_map(|&target| {
                let at = with_level(sizing, target)?;
                let scheduled = at.volume().ok()?;
                let amount = monthly_for(tariff, request, wanted, at)?;
                let difference = own.and_then(|own| money::sub(amount, own).ok());
                Some(html! {
                    <tr class={classes!((target == service_level).then_some("current"))}>
                        <th scope="row">{ crate::i18n::service_level(target, answer_within, lang) }</th>
                        <td>{ format_count(scheduled, lang) }</td>
                        <td>{ money(amount) }</td>
                        <td>{ difference.map(&money).unwrap_or_default() }</td>
                    </tr>
                })
            })
            .collect();
        html! {
            <>
                <h4>{ t.arithmetic }</h4>
                <ol class="arithmetic" data-testid="sizing-arithmetic">
                    { for lines.iter().map(|line| html! { <li>{ line }</li> }) }
                </ol>
                <table class="lines" data-testid="service-by-agents">
                    <caption>{ t.around }</caption>
                    <thead><tr>
                        <th scope="col">{ t.agents }</th><th scope="col">{ t.answered }</th>
                        <th scope="col">{ t.wait }</th><th scope="col">{ t.busy }</th>
                    </tr></thead>
                    <tbody>
                        { for month.around_answer.iter().map(|p: &Performance| html! {
                            <tr class={classes!((p.agents == month.busiest.agents).then_some("current"))}>
                                <th scope="row">{ format_count(u64::from(p.agents), lang) }</th>
                                <td>{ percent(p.service_level) }</td>
                                <td>{ p.asa_seconds.map(|s| format_number(decimal(s, 0), 0, lang)).unwrap_or_else(|| "–".into()) }</td>
                                <td>{ percent(p.occupancy) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                // Four columns of amounts are wider than a phone: they scroll in their own box,
                // which the keyboard can reach, not the page.
                <div class="scroll" role="region" tabindex="0" aria-label={t.by_target}>
                    <table class="lines" data-testid="cost-by-target">
                        <caption>{ t.by_target }</caption>
                        <thead><tr>
                            <th scope="col">{ t.target_col }</th><th scope="col">{ t.scheduled }</th>
                            <th scope="col">{ t.monthly }</th><th scope="col">{ t.difference }</th>
                        </tr></thead>
                        <tbody>{ for targets }</tbody>
                    </table>
                </div>
            </>
        }
    });

    html! {
        <section class="staffing" data-testid={format!("staffing-{activity}")}>
            <h3>{ t.staffing }</h3>
            { for details }
            { for models }
        </section>
    }
}

/// The sizing with another service level.
fn with_level(sizing: Sizing, level: u8) -> Option<Sizing> {
    match sizing {
        Sizing::Centre(plan) => Some(Sizing::Centre(CentrePlan {
            service_level: level,
            ..plan
        })),
        Sizing::Calls { .. } => None,
    }
}

/// The activity's month with the agents a centre sizing gives.
fn monthly_for(
    tariff: &Tariff,
    request: &Request,
    wanted: &ActivityRequest,
    sizing: Sizing,
) -> Option<Decimal> {
    let activity = tariff.activity(&wanted.activity)?;
    let model = activity.model(&wanted.model)?;
    let unit = model
        .units
        .iter()
        .find(|u| u.sized_by == Some(SizedBy::Erlang))?;
    let mut with = wanted.clone();
    with.volumes
        .insert(unit.id.to_string(), sizing.volume().ok()?);
    with.sizing = Some(sizing);
    monthly(tariff, request, with)
}
