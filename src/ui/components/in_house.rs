//! The in-house side, the buyer's own: the wage, seat overhead, hiring cost and productivity the
//! comparison assumes for each activity, each beside the tariff's figure and its source, any of
//! them changed or reset. What is typed stays as typed; a valid set goes to the page as a wish
//! and travels in the link, a wrong figure gets its message at its field.

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::estimate::{
    ActivityRequest, EstimateError, InHouseFigures, MAX_IN_HOUSE_AMOUNT, MAX_PER_FTE,
};
use crate::i18n::{
    CompareTexts, Lang, default_figure, estimate_error, format_count, format_money, quantity_error,
};
use crate::money::Currency;
use crate::quantity;
use crate::tariff::{Activity, Tariff};
use crate::ui::bridge::{self, Wish};
use crate::ui::state::Edit;
use crate::ui::{Static, browser};

/// One figure of an activity's in-house side.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Figure {
    Wage,
    Overhead,
    Hire,
    /// Units of this id one employee handles a month.
    PerFte(String),
}

impl Figure {
    fn key(&self) -> String {
        match self {
            Self::Wage => "wage".into(),
            Self::Overhead => "overhead".into(),
            Self::Hire => "hire".into(),
            Self::PerFte(unit) => format!("per-{unit}"),
        }
    }

    /// The figure as the request has it: `None` where the tariff's is used.
    fn get(&self, figures: &InHouseFigures) -> Option<u64> {
        let whole = |d: Option<Decimal>| d.and_then(|d| u64::try_from(d).ok());
        match self {
            Self::Wage => whole(figures.wage),
            Self::Overhead => whole(figures.overhead),
            Self::Hire => whole(figures.hire),
            Self::PerFte(unit) => figures.per_fte.get(unit).copied(),
        }
    }

    fn set(&self, figures: &mut InHouseFigures, value: Option<u64>) {
        let amount = value.map(Decimal::from);
        match self {
            Self::Wage => figures.wage = amount,
            Self::Overhead => figures.overhead = amount,
            Self::Hire => figures.hire = amount,
            Self::PerFte(unit) => match value {
                Some(n) => {
                    figures.per_fte.insert(unit.clone(), n);
                }
                None => {
                    figures.per_fte.remove(unit);
                }
            },
        }
    }
}

/// What is typed, read: empty is the tariff's figure.
fn read(
    text: &str,
    figure: &Figure,
    tariff: &Tariff,
    activity: &Activity,
    lang: Lang,
) -> Result<Option<u64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let max = match figure {
        Figure::PerFte(_) => MAX_PER_FTE,
        _ => u64::try_from(MAX_IN_HOUSE_AMOUNT).unwrap_or(u64::MAX),
    };
    let value = quantity::parse(text, max).map_err(|e| quantity_error(e, lang))?;
    match figure {
        Figure::Wage if Decimal::from(value) < tariff.in_house.minimum_wage => Err(estimate_error(
            &EstimateError::WageBelowMinimum {
                activity: activity.id.to_string(),
                minimum: tariff.in_house.minimum_wage,
            },
            tariff,
            lang,
        )),
        Figure::PerFte(_) if value == 0 => Err(CompareTexts::of(lang).above_zero.to_owned()),
        _ => Ok(Some(value)),
    }
}

#[derive(Properties, PartialEq)]
pub struct InHouseProps {
    pub tariff: Static<Tariff>,
    /// The chosen activities, with the in-house figures they carry.
    pub activities: Vec<ActivityRequest>,
    /// The activities with a figure typed that does not read.
    pub invalid: Vec<String>,
    pub lang: Lang,
}

/// Every chosen activity's in-house figures, behind a disclosure.
#[component]
pub fn InHouseFigureForms(props: &InHouseProps) -> Html {
    let InHouseProps {
        tariff,
        activities,
        invalid,
        lang,
    } = props;
    let (tariff, t) = (*tariff, CompareTexts::of(*lang));
    // Open while a figure is the buyer's own, and while one waits to be corrected: its message
    // must not hide behind a closed disclosure. And kept open once it was: a reset that took the
    // last own figure away would otherwise close it under the visitor, with the focus inside.
    let opened = use_mut_ref(|| false);
    let open = !invalid.is_empty() || activities.iter().any(|a| !a.in_house.is_empty());
    let open = {
        let mut opened = opened.borrow_mut();
        *opened |= open;
        *opened
    };
    html! {
        <details class="in-house-adjust" data-testid="in-house-adjust" {open}>
            <summary>{ t.adjust }</summary>
            <p class="help">{ t.adjust_hint }</p>
            { for activities.iter().filter_map(|wanted| {
                let activity = tariff.0.activity(&wanted.activity)?;
                Some(html! {
                    <ActivityFigures key={wanted.activity.clone()} {tariff} activity={Static(activity)}
                        wanted={wanted.clone()} invalid={invalid.contains(&wanted.activity)} lang={*lang} />
                })
            }) }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct ActivityFiguresProps {
    tariff: Static<Tariff>,
    activity: Static<Activity>,
    wanted: ActivityRequest,
    /// A figure typed does not read, as the page last heard.
    invalid: bool,
    lang: Lang,
}

/// What the page has been told of an activity's figures while one of them does not read: the
/// estimate on screen (and `wanted`) then keeps the last valid figures, so a change to another
/// field builds on these, not on those.
#[derive(Default)]
struct Told {
    figures: InHouseFigures,
    /// The keys of the figures typed that do not read.
    invalid: Vec<String>,
}

#[component]
fn ActivityFigures(props: &ActivityFiguresProps) -> Html {
    let ActivityFiguresProps {
        tariff,
        activity,
        wanted,
        invalid,
        lang,
    } = props;
    let (tariff, activity, lang, t) = (tariff.0, activity.0, *lang, CompareTexts::of(*lang));
    let role = &activity.in_house;
    let rupiah = |amount: Decimal| format_money(amount, Currency::Idr, lang);
    let mut figures = vec![
        (
            Figure::Wage,
            t.wage.to_owned(),
            default_figure(&rupiah(role.wage), role.wage_note.get(lang), lang),
        ),
        (
            Figure::Overhead,
            t.overhead.to_owned(),
            default_figure(&rupiah(role.overhead), role.overhead_note.get(lang), lang),
        ),
        (
            Figure::Hire,
            t.hire.to_owned(),
            default_figure(&rupiah(role.hire), role.hire_note.get(lang), lang),
        ),
    ];
    if let Some(model) = activity.model(&wanted.model) {
        // The units the request prices: with dedicated agents, the channels beside them too.
        let priced = activity.priced_units(model);
        for unit in priced
            .into_iter()
            .filter(|u| wanted.volumes.get(&*u.id).is_some())
        {
            if let Some(per_fte) = unit.per_fte {
                figures.push((
                    Figure::PerFte(unit.id.to_string()),
                    format!("{}, {}", unit.name.get(lang), t.per_employee),
                    default_figure(&format_count(per_fte, lang), "", lang),
                ));
            }
        }
    }
    let applied = wanted.in_house.clone();
    let id = activity.id.to_string();
    let told = use_mut_ref(Told::default);
    // Each reset draws the fields anew, empty, whatever was typed in them.
    let resets = use_state(|| 0_u32);
    let change = {
        let (applied, id, told, was_invalid) =
            (applied.clone(), id.clone(), told.clone(), *invalid);
        Callback::from(move |(figure, read): (Figure, Option<Option<u64>>)| {
            let mut told = told.borrow_mut();
            let mut figures = if told.invalid.is_empty() {
                applied.clone()
            } else {
                told.figures.clone()
            };
            let key = figure.key();
            told.invalid.retain(|k| *k != key);
            match read {
                Some(value) => figure.set(&mut figures, value),
                None => told.invalid.push(key),
            }
            let invalid = !told.invalid.is_empty();
            if figures != applied || invalid != was_invalid {
                told.figures = figures.clone();
                bridge::wish(&[Wish::Edit(Edit::InHouse {
                    activity: id.clone(),
                    figures,
                    invalid,
                })]);
            }
        })
    };
    let reset = {
        let (id, told, resets) = (id.clone(), told.clone(), resets.clone());
        Callback::from(move |_: MouseEvent| {
            *told.borrow_mut() = Told::default();
            resets.set(*resets + 1);
            bridge::wish(&[Wish::Edit(Edit::InHouse {
                activity: id.clone(),
                figures: InHouseFigures::default(),
                invalid: false,
            })]);
        })
    };
    let field = |(figure, label, default): (Figure, String, String)| {
        let (key, value) = (figure.key(), figure.get(&applied));
        html! {
            <OwnField key={format!("{key}/{}", *resets)} testid={format!("own-{id}-{key}")} {label} {default}
                {value} {figure} tariff={Static(tariff)}
                activity={Static(activity)} {lang} on_change={change.clone()} />
        }
    };
    let productivity = figures.split_off(3);
    let money = figures;
    // The reset button is disabled once pressed, and the fields are drawn anew: the focus goes
    // to the first of them, where the figures start again.
    {
        let first = money
            .first()
            .map(|(figure, ..)| format!("own-{id}-{}", figure.key()));
        use_effect_with(*resets, move |resets| {
            if let (true, Some(first)) = (*resets > 0, first) {
                browser::focus(&first);
            }
        });
    }
    html! {
        <fieldset class="own-figures">
            <legend>{ format!("{} · {}", activity.name.get(lang), role.role.get(lang)) }</legend>
            { for money.into_iter().map(field) }
            if !productivity.is_empty() {
                <p class="help">{ t.productivity_hint }</p>
            }
            { for productivity.into_iter().map(field) }
            <button type="button" class="secondary" data-testid={format!("own-{id}-reset")}
                disabled={applied.is_empty() && !invalid} onclick={reset}>{ t.reset }</button>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct OwnFieldProps {
    testid: String,
    label: String,
    /// The tariff's figure and its source.
    default: String,
    figure: Figure,
    /// The figure the estimate uses; `None` for the tariff's.
    value: Option<u64>,
    tariff: Static<Tariff>,
    activity: Static<Activity>,
    lang: Lang,
    /// Each keystroke: the figure as read, `None` where it does not read.
    on_change: Callback<(Figure, Option<Option<u64>>)>,
}

/// One figure, kept as typed.
#[component]
fn OwnField(props: &OwnFieldProps) -> Html {
    let OwnFieldProps {
        testid,
        label,
        default,
        figure,
        value,
        tariff,
        activity,
        lang,
        on_change,
    } = props;
    let lang = *lang;
    let shown = move |value: Option<u64>| value.map(|v| format_count(v, lang)).unwrap_or_default();
    let text = use_state(|| shown(*value));
    // The figures read from what was typed that the page has not yet given back, oldest first.
    // The page's value comes back through the scene a moment after each keystroke, and on a busy
    // phone after the visitor has typed on: an echo must not rewrite the field (the keys typed
    // since would be lost), only a figure the visitor did not type (a reset, another link).
    let sent = use_mut_ref(Vec::<Option<u64>>::new);
    let read_now = read(&text, figure, tariff.0, activity.0, lang);
    {
        let (text, figure, tariff, activity, sent) = (
            text.clone(),
            figure.clone(),
            *tariff,
            *activity,
            sent.clone(),
        );
        use_effect_with(*value, move |value| {
            let mut sent = sent.borrow_mut();
            match sent.iter().position(|echo| echo == value) {
                Some(echo) => drop(sent.drain(..=echo)),
                None => {
                    sent.clear();
                    if read(&text, &figure, tariff.0, activity.0, lang).ok() != Some(*value) {
                        text.set(shown(*value));
                    }
                }
            }
        });
    }
    let oninput = {
        let (text, figure, on_change, tariff, activity) = (
            text.clone(),
            figure.clone(),
            on_change.clone(),
            *tariff,
            *activity,
        );
        Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let value = read(&typed, &figure, tariff.0, activity.0, lang).ok();
            if let Some(read) = value {
                let mut sent = sent.borrow_mut();
                // A figure the page already had never comes back: this must not grow for ever.
                if sent.len() == 64 {
                    sent.remove(0);
                }
                sent.push(read);
            }
            text.set(typed);
            on_change.emit((figure.clone(), value));
        })
    };
    let help_id = format!("{testid}-help");
    let error_id = format!("error-{testid}");
    let error = read_now.err();
    let described = if error.is_some() {
        format!("{error_id} {help_id}")
    } else {
        help_id.clone()
    };
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for={testid.clone()}>{ label }</label>
            <input id={testid.clone()} data-testid={testid.clone()} type="text" inputmode="numeric"
                autocomplete="off" value={(*text).clone()} placeholder={shown_default(figure, activity.0, lang)}
                aria-invalid={error.is_some().then_some("true")} aria-describedby={described} {oninput} />
            <p id={help_id} class="help">{ default }</p>
            if let Some(error) = error {
                <p id={error_id.clone()} data-testid={error_id} class="error">{ error }</p>
            }
        </div>
    }
}

/// The tariff's figure as a placeholder, so an empty field shows what it stands for.
fn shown_default(figure: &Figure, activity: &Activity, lang: Lang) -> String {
    let role = &activity.in_house;
    let amount = |d: Decimal| {
        u64::try_from(d)
            .map(|v| format_count(v, lang))
            .unwrap_or_default()
    };
    match figure {
        Figure::Wage => amount(role.wage),
        Figure::Overhead => amount(role.overhead),
        Figure::Hire => amount(role.hire),
        Figure::PerFte(unit) => activity
            .units()
            .find(|u| *u.id == **unit)
            .and_then(|u| u.per_fte)
            .map(|n| format_count(n, lang))
            .unwrap_or_default(),
    }
}
