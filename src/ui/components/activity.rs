//! Choosing activities, and the inputs of each chosen one: pricing model, volumes, options.

use yew::prelude::*;

use super::field::QuantityInput;
use super::traffic::TrafficForm;
use crate::i18n::{Lang, Texts, format_percent, quantity_error};
use crate::tariff::{Activity, Tariff, Unit};
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
                    <label class={classes!("pick", chosen.then_some("chosen"))} for={id.clone()} key={activity.id.to_string()}>
                        <input type="checkbox" id={id.clone()} data-testid={id} checked={chosen} {onchange} />
                        <span class="pick-text">
                            <strong>{ activity.name.get(lang) }</strong>
                            <span class="help">{ activity.help.get(lang) }</span>
                        </span>
                    </label>
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub activity: Static<Activity>,
    pub inputs: ActivityInputs,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The inputs of one chosen activity.
#[component]
pub fn ActivityForm(props: &FormProps) -> Html {
    let FormProps {
        activity,
        inputs,
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
                            <input type="radio" id={id.clone()} data-testid={id} name={format!("model-{}", activity.id)}
                                checked={m.id == inputs.model} {onchange} />
                            <span><strong>{ m.name.get(lang) }</strong>
                                <span class="help">{ m.help.get(lang) }</span></span>
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
        let dispatch = dispatch.clone();
        let (a, u) = (activity.id.clone(), unit.id.clone());
        let on_change = Callback::from(move |text: String| {
            dispatch.emit(Action::Edit(Edit::Volume {
                activity: a.to_string(),
                unit: u.to_string(),
                text,
            }));
        });
        html! {
            <QuantityInput
                key={unit.id.to_string()}
                testid={format!("input-{}-{}", activity.id, unit.id)}
                label={unit.name.get(lang).to_owned()}
                help={unit.help.get(lang).to_owned()}
                unit={unit.unit.get(lang).to_owned()}
                value={text.to_owned()}
                {error}
                {on_change}
            />
        }
    };

    let volumes = model.units.iter().map(|unit| {
        // A volume described by its traffic: the traffic's form, and what it gives, instead.
        if unit.sized_by.is_some() {
            let traffic = html! {
                <TrafficForm activity={activity.id.to_string()} unit={Static(unit)}
                    traffic={inputs.traffic.clone()} errors={inputs.traffic_errors.clone()}
                    volume={inputs.sized_volume} month={inputs.month.clone()} {lang}
                    dispatch={dispatch.clone()} />
            };
            if inputs.traffic.on {
                return html! { <div class="sized-unit" key={unit.id.to_string()}>{ traffic }</div> };
            }
            return html! {
                <div class="sized-unit" key={unit.id.to_string()}>
                    { quantity(unit) }
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
                <input type="checkbox" id={id.clone()} data-testid={id} checked={inputs.options.contains(&option.id)} {onchange} />
                <span>
                    <strong>{ option.name.get(lang) }</strong>
                    { format!(" +{}", format_percent(option.percent, lang)) }
                    <span class="help">{ option.help.get(lang) }</span>
                </span>
            </label>
        }
    });

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
            </fieldset>
        </fieldset>
    }
}
