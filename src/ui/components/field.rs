//! Labelled inputs: a volume typed as text, and a select. Each has its label, its help and, when
//! the value is wrong, its message, all tied to the control for screen readers.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct QuantityProps {
    /// Also the element's id; the error message is `error-<testid>`.
    pub testid: AttrValue,
    pub label: AttrValue,
    pub help: AttrValue,
    pub unit: AttrValue,
    pub value: AttrValue,
    pub error: Option<AttrValue>,
    pub on_change: Callback<String>,
    /// The word that marks a value the page filled in as an example; `None` for the visitor's.
    #[prop_or_default]
    pub example: Option<AttrValue>,
    /// When the visitor leaves the field, with the field's own text.
    #[prop_or_default]
    pub on_leave: Option<Callback<String>>,
}

/// What a field shows, and the page's value as last seen.
struct Typed {
    shown: AttrValue,
    seen: AttrValue,
    /// What the visitor typed that the page has not yet given back, oldest first.
    sent: Vec<AttrValue>,
}

/// The text a field shows. The page's value comes back a moment after each keystroke, and on a
/// busy phone after the visitor has typed on: drawing that older text into the field would drop
/// the keys typed since. So the field keeps what was typed while the page's value is an echo of
/// it, and shows the page's value only when it is something the visitor did not type (a reset, a
/// link, the digits grouped when they leave the field).
#[hook]
fn use_typed(value: &AttrValue, on_change: &Callback<String>) -> (AttrValue, Callback<String>) {
    let typed = use_mut_ref(|| Typed {
        shown: value.clone(),
        seen: value.clone(),
        sent: Vec::new(),
    });
    let redraw = use_force_update();
    let shown = {
        let mut typed = typed.borrow_mut();
        if typed.seen != *value {
            typed.seen = value.clone();
            match typed.sent.iter().position(|sent| sent == value) {
                Some(echo) => drop(typed.sent.drain(..=echo)),
                None => {
                    typed.sent.clear();
                    typed.shown = value.clone();
                }
            }
        }
        typed.shown.clone()
    };
    let on_change = on_change.clone();
    let typing = Callback::from(move |text: String| {
        {
            let mut typed = typed.borrow_mut();
            // A page that never gives a text back (it ignored the edit) must not grow this.
            if typed.sent.len() == 64 {
                typed.sent.remove(0);
            }
            typed.sent.push(AttrValue::from(text.clone()));
            typed.shown = AttrValue::from(text.clone());
        }
        redraw.force_update();
        on_change.emit(text);
    });
    (shown, typing)
}

/// A volume whose value the page hands back through the scene, a moment after each keystroke:
/// the deferred module's fields (see `use_typed`). The page's own fields are drawn in the same
/// turn as the keystroke and need none of this.
#[component]
pub fn EchoedQuantityInput(props: &QuantityProps) -> Html {
    let (value, on_change) = use_typed(&props.value, &props.on_change);
    html! { <QuantityInput {value} {on_change} ..props.clone() /> }
}

/// A volume, kept as typed: the page reads it, it never rewrites it under the visitor's fingers
/// (only once they leave the field, to group its digits).
#[component]
pub fn QuantityInput(props: &QuantityProps) -> Html {
    let id = props.testid.to_string();
    let help_id = format!("{id}-help");
    let error_id = format!("error-{id}");
    let described = match props.error {
        Some(_) => format!("{error_id} {help_id}"),
        None => help_id.clone(),
    };
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        on_change.emit(e.target_unchecked_into::<HtmlInputElement>().value());
    });
    let onblur = props.on_leave.clone().map(|leave| {
        Callback::from(move |e: FocusEvent| {
            leave.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    });
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"), props.example.is_some().then_some("example"))}>
            <label for={id.clone()}>
                { &props.label }
                // The unit is shown beside the field; a screen reader hears it with the name, and
                // a field without a unit (calls, hours, days) has no empty "()".
                if !props.unit.is_empty() {
                    <span class="visually-hidden">{ format!(" ({})", props.unit) }</span>
                }
                if let Some(example) = &props.example {
                    <span class="tag">{ example }</span>
                }
            </label>
            <div class="with-unit">
                <input
                    id={id.clone()}
                    data-testid={id}
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    value={props.value.clone()}
                    aria-invalid={props.error.is_some().then_some("true")}
                    aria-describedby={described}
                    {oninput}
                    {onblur}
                />
                <span class="unit" aria-hidden="true">{ &props.unit }</span>
            </div>
            <p id={help_id} class="help">{ &props.help }</p>
            // Announced when a message appears, at its field.
            <div class="message" aria-live="polite">
                if let Some(error) = &props.error {
                    <p id={error_id.clone()} data-testid={error_id} class="error">{ error }</p>
                }
            </div>
        </div>
    }
}

/// (value, text) of each choice of a select.
pub type Choices = Vec<(AttrValue, AttrValue)>;

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub testid: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub choices: Choices,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub note: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn Select(props: &SelectProps) -> Html {
    let id = props.testid.to_string();
    let note_id = format!("{id}-note");
    let error_id = format!("error-{id}");
    let described: Vec<&str> = [
        props.error.as_ref().map(|_| error_id.as_str()),
        props.note.as_ref().map(|_| note_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        on_change.emit(e.target_unchecked_into::<HtmlSelectElement>().value());
    });
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ &props.label }</label>
            <select
                id={id.clone()}
                data-testid={id}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                {onchange}
            >
                { for props.choices.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ text }</option>
                }) }
            </select>
            if let Some(note) = &props.note {
                <p id={note_id} class="help">{ note }</p>
            }
            if let Some(error) = &props.error {
                <p id={error_id.clone()} data-testid={error_id} class="error">{ error }</p>
            }
        </div>
    }
}
