//! Choosing activities, and the inputs of each chosen one: pricing model, volumes, options.

use yew::prelude::*;

use super::field::{Choices, QuantityInput, Select};
use crate::i18n::{Lang, Texts, format_percent, option_replaced, quantity_error, site_choice};
use crate::tariff::{Activity, SizedBy, Tariff, Unit};
use crate::ui::Static;
use crate::ui::state::{Action, ActivityInputs, Edit};

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub tariff: Static<Tariff>,
    /// Whether each activity of the tariff is chosen, in its order.
    pub chosen: Vec<bool>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// One toggle per activity, as checkboxes: a visitor may pick any number.
#[component]
pub fn ActivityPicker(props: &PickerProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="picker">
            { for props.tariff.activities.iter().zip(&props.chosen).map(|(activity, &chosen)| {
                let id = format!("activity-{}", activity.id);
                let dispatch = props.dispatch.clone();
                let toggle = activity.id.clone();
                let onchange = Callback::from(move |_: Event| dispatch.emit(Action::Edit(Edit::Toggle(toggle.to_string()))));
                html! {
                    // Named by its name, described by its help: a screen reader says the name
                    // first and alone.
                    <label class={classes!("pick", chosen.then_some("chosen"))} for={id.clone()} key={activity.id.to_string()}>
                        <input type="checkbox" id={id.clone()} data-testid={id.clone()} checked={chosen} {onchange}
                            aria-describedby={format!("{id}-help")} />
                        <span class="pick-text">
                            <strong>{ activity.name.get(lang) }</strong>
                            <span class="help" id={format!("{id}-help")} aria-hidden="true">{ activity.help.get(lang) }</span>
                        </span>
                    </label>
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub tariff: Static<Tariff>,
    pub activity: Static<Activity>,
    pub inputs: ActivityInputs,
    /// The estimate's site, where the activity is delivered from unless it has its own.
    pub site: AttrValue,
    /// Why the activity cannot be delivered from the site it has of its own, in words.
    pub site_error: Option<AttrValue>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The inputs of one chosen activity.
#[component]
pub fn ActivityForm(props: &FormProps) -> Html {
    let FormProps {
        tariff,
        activity,
        inputs,
        site,
        site_error,
        lang,
        dispatch,
    } = props;
    let (activity, lang, labels) = (activity.0, *lang, Texts::of(*lang));
    let Some(model) = activity.model(&inputs.model) else {
        return Html::default();
    };

    let models = (activity.models.len() > 1).then(|| {
        html! {
            <fieldset class="models">
                <legend>{ labels.model }</legend>
                { for activity.models.iter().map(|m| {
                    let id = format!("model-{}-{}", activity.id, m.id);
                    let dispatch = dispatch.clone();
                    let action = Action::Edit(Edit::Model { activity: activity.id.to_string(), model: m.id.to_string() });
                    let onchange = Callback::from(move |_: Event| dispatch.emit(action.clone()));
                    html! {
                        <label class="choice" for={id.clone()}>
                            <input type="radio" id={id.clone()} data-testid={id.clone()} name={format!("model-{}", activity.id)}
                                checked={m.id == inputs.model} {onchange} aria-describedby={format!("{id}-help")} />
                            <span><strong>{ m.name.get(lang) }</strong>
                                <span class="help" id={format!("{id}-help")} aria-hidden="true">{ m.help.get(lang) }</span></span>
                        </label>
                    }
                }) }
            </fieldset>
        }
    });

    let quantity = |unit: &Unit| {
        let text = inputs.typed(&unit.id);
        let error = inputs
            .error(&unit.id)
            .map(|e| AttrValue::from(quantity_error(e, lang)));
        let (a, u) = (activity.id.to_string(), unit.id.to_string());
        let on_change = {
            let (dispatch, a, u) = (dispatch.clone(), a.clone(), u.clone());
            Callback::from(move |text: String| {
                dispatch.emit(Action::Edit(Edit::Volume {
                    activity: a.clone(),
                    unit: u.clone(),
                    text,
                }));
            })
        };
        let on_leave = {
            let dispatch = dispatch.clone();
            Callback::from(move |text: String| {
                dispatch.emit(Action::Tidy {
                    activity: a.clone(),
                    unit: u.clone(),
                    text,
                });
            })
        };
        let example = inputs
            .is_example(&unit.id)
            .then(|| AttrValue::from(labels.example));
        // A channel a team does not answer is priced beside it (rule 14): its help says so.
        let mut help = unit.help.get(lang).to_owned();
        if model.unit(&unit.id).is_none() {
            help = format!("{help}. {}", labels.beside);
        }
        html! {
            <QuantityInput
                key={unit.id.to_string()}
                testid={format!("input-{}-{}", activity.id, unit.id)}
                label={unit.name.get(lang).to_owned()}
                {help}
                unit={unit.unit.get(lang).to_owned()}
                value={text.to_owned()}
                {error}
                {on_change}
                {example}
                on_leave={Some(on_leave)}
            />
        }
    };

    let volumes = activity.priced_units(model).into_iter().map(|unit| {
        // A volume described by its traffic: the traffic's form, and what it gives, instead.
        if let Some(by) = unit.sized_by {
            let toggle_id = format!("sizing-{}", activity.id);
            let onchange = {
                let (dispatch, id, on) = (dispatch.clone(), activity.id.to_string(), !inputs.traffic.on);
                Callback::from(move |_: Event| {
                    dispatch.emit(Action::Edit(Edit::Sizing { activity: id.clone(), on }));
                })
            };
            let label = match by {
                SizedBy::Calls => labels.describe_calls,
                SizedBy::Erlang => labels.size_agents,
            };
            // The traffic's fields and what they give come with the deferred module.
            let traffic = html! {
                <div class="traffic" data-testid={format!("traffic-{}", activity.id)}>
                    <label class="choice" for={toggle_id.clone()}>
                        <input type="checkbox" id={toggle_id.clone()} data-testid={toggle_id}
                            checked={inputs.traffic.on} {onchange} />
                        <span><strong>{ label }</strong></span>
                    </label>
                    if inputs.traffic.on {
                        <div id={crate::ui::places::traffic_host(&activity.id)} class="deferred"></div>
                    }
                </div>
            };
            // The volume's field goes while the traffic describes it; its place stays, so that
            // the box after it is the same element, with the focus it had.
            return html! {
                <div class="sized-unit" key={unit.id.to_string()}>
                    if !inputs.traffic.on {
                        { quantity(unit) }
                    }
                    { traffic }
                </div>
            };
        }
        quantity(unit)
    });

    let options = activity.options.iter().map(|option| {
        let id = format!("option-{}-{}", activity.id, option.id);
        let dispatch = dispatch.clone();
        let action = Action::Edit(Edit::Option { activity: activity.id.to_string(), option: option.id.to_string() });
        let onchange = Callback::from(move |_: Event| dispatch.emit(action.clone()));
        html! {
            <label class="choice" for={id.clone()} key={option.id.to_string()}>
                <input type="checkbox" id={id.clone()} data-testid={id.clone()} checked={inputs.options.contains(&option.id)} {onchange}
                    aria-describedby={format!("{id}-help")} />
                <span>
                    <strong>{ option.name.get(lang) }</strong>
                    { format!(" +{}", format_percent(option.percent, lang)) }
                    <span class="help" id={format!("{id}-help")} aria-hidden="true">{ option.help.get(lang) }</span>
                </span>
            </label>
        }
    });

    // Its own site among those that deliver it, or the estimate's.
    let estimate_site = tariff.site(site).map_or("", |s| s.name.get(lang));
    let sites: Choices = std::iter::once((
        AttrValue::default(),
        AttrValue::from(format!("{} ({estimate_site})", labels.same_site)),
    ))
    .chain(
        tariff
            .sites
            .iter()
            .filter(|s| activity.delivered_from(&s.id))
            .map(|s| {
                (
                    AttrValue::from(s.id.clone()),
                    AttrValue::from(site_choice(s, lang)),
                )
            }),
    )
    .collect();
    let on_site = {
        let (dispatch, id) = (dispatch.clone(), activity.id.to_string());
        Callback::from(move |site: String| {
            dispatch.emit(Action::Edit(Edit::ActivitySite {
                activity: id.clone(),
                site: (!site.is_empty()).then_some(site),
            }));
        })
    };

    html! {
        <fieldset class="activity-form" id={format!("form-{}", activity.id)}>
            <legend>{ activity.name.get(lang) }</legend>
            { for models }
            <div class="volumes" role="group" aria-label={labels.volumes}>
                { for volumes }
            </div>
            <fieldset class="options">
                <legend>{ labels.options }</legend>
                { for options }
                <p class="help" role="status" data-testid={format!("option-note-{}", activity.id)}>
                    if let Some((chosen, dropped)) = &inputs.replaced {
                        { option_replaced(activity, chosen, dropped, lang) }
                    }
                </p>
            </fieldset>
            <Select testid={format!("activity-site-{}", activity.id)} label={labels.delivered_from}
                value={inputs.site.clone().unwrap_or_default()} choices={sites}
                error={site_error.clone()} on_change={on_site} />
        </fieldset>
    }
}
