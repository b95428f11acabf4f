//! A call centre described as its buyer knows it: calls and how long each takes, and for dedicated
//! agents the hours it is open and the service level it must keep, with what that gives (minutes,
//! or the agents Erlang C sizes) beside the inputs. Drawn by the deferred module once the visitor
//! ticks the page's box; what is typed goes to the page as a wish and comes back in the scene, so
//! the page's state holds it.

use yew::prelude::*;

use super::field::{Choices, EchoedQuantityInput, Select};
use super::staffing::Staffing;
use crate::estimate::Request;
use crate::i18n::{
    Lang, Texts, TrafficTexts, busiest_hour, calls_only, minutes_from_calls, quantity_error,
    scheduled_agents, service_level, staffing_error, target_bounds,
};
use crate::quantity::QuantityError;
use crate::staffing::Profile;
use crate::tariff::{SizedBy, Tariff, Unit};
use crate::ui::Static;
use crate::ui::bridge::{self, Wish};
use crate::ui::hooks::{SPOKEN_AFTER_MS, use_settled};
use crate::ui::state::Edit;
use crate::ui::traffic::{TrafficError, TrafficField, TrafficInputs};

/// The service levels buyers ask for most (percent answered, within seconds): the 80/20
/// convention, 90/15 for healthcare and finance, 70/30 for high-volume simple work.
const PRESETS: [(u8, u32); 3] = [(80, 20), (90, 15), (70, 30)];

#[derive(Properties, PartialEq)]
pub struct TrafficProps {
    pub tariff: Static<Tariff>,
    /// The request on the page, for the staffing below the form.
    pub request: Request,
    pub activity: AttrValue,
    /// The unit the traffic sizes.
    pub unit: Static<Unit>,
    pub traffic: TrafficInputs,
    pub lang: Lang,
}

#[component]
pub fn TrafficForm(props: &TrafficProps) -> Html {
    let TrafficProps {
        tariff,
        request,
        activity,
        unit,
        traffic,
        lang,
    } = props;
    let (lang, t) = (*lang, TrafficTexts::of(*lang));
    // "Custom…" chosen: its fields stay open even while they hold a preset's figures.
    let custom = use_state_eq(|| false);
    let by = unit.sized_by;
    // Read as the page reads it: the same messages, the same volume.
    let (errors, volume, month) = match by.map(|by| traffic.read(by)) {
        Some(Ok((sizing, volume))) => (litemap::LiteMap::new(), Some(volume), sizing.month().ok()),
        Some(Err(errors)) => (errors, None, None),
        None => (litemap::LiteMap::new(), None, None),
    };
    let too_large = volume
        .filter(|v| *v > unit.max)
        .map(|_| quantity_error(QuantityError::TooLarge { max: unit.max }, lang));
    let within = traffic.typed(TrafficField::Within).parse().unwrap_or(0);
    let shrinkage = traffic.typed(TrafficField::Shrinkage).parse().unwrap_or(0);
    // What a screen reader hears: the answer in one short sentence once the typing pauses, not
    // the figures beside the fields, which change at every keystroke.
    let answer = match (&too_large, by, volume, &month) {
        (Some(error), ..) => error.clone(),
        (None, Some(SizedBy::Calls), Some(minutes), _) => {
            minutes_from_calls(minutes, unit.unit.get(lang), lang)
        }
        (None, Some(SizedBy::Erlang), Some(agents), Some(_)) => {
            scheduled_agents(agents, shrinkage, lang)
        }
        _ => String::new(),
    };
    let said = use_settled(answer, SPOKEN_AFTER_MS);
    let Some(by) = by else {
        return Html::default();
    };
    let priced = too_large.is_none()
        && request
            .activities
            .iter()
            .any(|a| a.activity == **activity && a.sizing.is_some());
    let wish = {
        let activity = activity.to_string();
        move |field: TrafficField, text: String| {
            Wish::Edit(Edit::Traffic {
                activity: activity.clone(),
                field,
                text,
            })
        }
    };
    let field = |field: TrafficField, label: &str, help: &str, unit: &str| {
        let testid = format!("traffic-{activity}-{}", field.key());
        let wish = wish.clone();
        let on_change = Callback::from(move |text: String| bridge::wish(&[wish(field, text)]));
        let error = errors.get(&field).map(|error| {
            AttrValue::from(match *error {
                TrafficError::Quantity(e) => quantity_error(e, lang),
                TrafficError::Staffing(e) => staffing_error(e, lang),
            })
        });
        // The calls the page filled in are an example until the buyer types theirs.
        let example = traffic
            .examples
            .contains(&field)
            .then(|| AttrValue::from(Texts::of(lang).example));
        html! {
            <EchoedQuantityInput key={field.key()} {testid}
                label={label.to_owned()} help={help.to_owned()} unit={unit.to_owned()}
                value={traffic.typed(field).to_owned()} {error} {on_change} {example} />
        }
    };

    let typed_level = (
        traffic.typed(TrafficField::ServiceLevel),
        traffic.typed(TrafficField::Within),
    );
    let preset = PRESETS
        .iter()
        .filter(|_| !*custom)
        .find(|(level, within)| typed_level == (&*level.to_string(), &*within.to_string()))
        .map_or("custom".to_owned(), |(level, within)| {
            format!("{level}/{within}")
        });
    let mut presets: Choices = PRESETS
        .iter()
        .map(|(level, within)| {
            let text = service_level(*level, *within, lang);
            (
                AttrValue::from(format!("{level}/{within}")),
                AttrValue::from(text),
            )
        })
        .collect();
    presets.push((AttrValue::from("custom"), AttrValue::from(t.custom)));
    let on_preset = {
        let (wish, custom) = (wish.clone(), custom.setter());
        Callback::from(move |value: String| {
            let chosen = value.split_once('/');
            custom.set(chosen.is_none());
            if let Some((level, within)) = chosen {
                bridge::wish(&[
                    wish(TrafficField::ServiceLevel, level.to_owned()),
                    wish(TrafficField::Within, within.to_owned()),
                ]);
            }
        })
    };
    let profiles: Choices = vec![
        (AttrValue::from("typical"), AttrValue::from(t.typical)),
        (AttrValue::from("flat"), AttrValue::from(t.flat)),
    ];
    let on_profile = {
        let activity = activity.to_string();
        Callback::from(move |value: String| {
            let profile = if value == "flat" {
                Profile::Flat
            } else {
                Profile::Typical
            };
            bridge::wish(&[Wish::Edit(Edit::Profile {
                activity: activity.clone(),
                profile,
            })]);
        })
    };
    let [target_help, within_help] = target_bounds(lang);
    // What the team's figures cover: calls, and the channels priced beside it.
    let beside = super::staffing::beside(tariff, request, activity, lang);

    html! {
        <>
            <div class="volumes">
                { field(TrafficField::Calls, t.calls, "", "") }
                { field(TrafficField::HandleTime, t.handle_time, t.handle_time_help, t.seconds) }
                if by == SizedBy::Erlang {
                    { field(TrafficField::Hours, t.hours, "", "") }
                    { field(TrafficField::Days, t.days, "", "") }
                    <Select testid={format!("traffic-{activity}-target")} label={t.target}
                        value={preset.clone()} choices={presets} on_change={on_preset} />
                    if preset == "custom" {
                        { field(TrafficField::ServiceLevel, t.service_level, &target_help, t.percent) }
                        { field(TrafficField::Within, t.within, &within_help, t.seconds) }
                    }
                    { field(TrafficField::Occupancy, t.occupancy, t.occupancy_help, t.percent) }
                    { field(TrafficField::Shrinkage, t.shrinkage, t.shrinkage_help, t.percent) }
                    <Select testid={format!("traffic-{activity}-profile")} label={t.profile}
                        value={if traffic.profile == Profile::Flat { "flat" } else { "typical" }}
                        choices={profiles} on_change={on_profile} />
                }
            </div>
            <p class="visually-hidden" aria-live="polite" data-testid={format!("said-sized-{activity}")}>{ said }</p>
            <div class="sized" data-testid={format!("sized-{activity}")}>
                if let Some(error) = too_large {
                    <p class="error" data-testid={format!("error-sized-{activity}")}>{ error }</p>
                } else {
                    if let (SizedBy::Calls, Some(minutes)) = (by, volume) {
                        <p>{ minutes_from_calls(minutes, unit.unit.get(lang), lang) }</p>
                    }
                    if let (SizedBy::Erlang, Some(month), Some(agents)) = (by, month, volume) {
                        <p>{ busiest_hour(month.busiest_hour, &month.busiest, within, lang) }</p>
                        <p><strong>{ scheduled_agents(agents, shrinkage, lang) }</strong></p>
                        <p data-testid={format!("covers-{activity}")}>{ calls_only(&beside, lang) }</p>
                    }
                }
            </div>
            // The arithmetic, the service by team size, the cost by target and the two models.
            if priced {
                <Staffing tariff={*tariff} request={request.clone()} activity={activity.clone()} {lang} />
            }
        </>
    }
}
