//! Where the work is delivered from, in which language, for how long, and how far volume may
//! move.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::field::{Choices, Select};
use crate::i18n::{Lang, format_percent};
use crate::money;
use crate::tariff::{Site, Tariff};
use crate::ui::Static;
use crate::ui::state::Action;

/// The fluctuations offered; a link may carry another, which is then offered too.
const FLUCTUATIONS: [u32; 5] = [10, 20, 30, 50, 100];

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
    pub site: AttrValue,
    pub term: AttrValue,
    /// The customers' language.
    pub language: AttrValue,
    pub fluctuation: u32,
    /// Why the site cannot deliver what was chosen, in words.
    pub site_error: Option<AttrValue>,
    pub dispatch: Callback<Action>,
}

/// What the site does to labour prices: "labour −25%", "base prices".
fn site_effect(site: &Site, lang: Lang) -> String {
    let labels = lang.labels();
    let change = money::sub(site.factor, Decimal::ONE).unwrap_or_default();
    let effect = if change.is_zero() {
        labels.site_base.to_owned()
    } else {
        let sign = if change.is_sign_negative() {
            "−"
        } else {
            "+"
        };
        format!(
            "{} {sign}{}",
            labels.labour,
            format_percent(change.abs(), lang)
        )
    };
    if site.is_abroad() {
        format!("{effect}, {}", labels.abroad)
    } else {
        effect
    }
}

fn on(
    dispatch: &Callback<Action>,
    action: impl Fn(String) -> Option<Action> + 'static,
) -> Callback<String> {
    let dispatch = dispatch.clone();
    Callback::from(move |value: String| {
        if let Some(action) = action(value) {
            dispatch.emit(action);
        }
    })
}

#[component]
pub fn Settings(props: &SettingsProps) -> Html {
    let SettingsProps {
        tariff,
        lang,
        site,
        term,
        language,
        fluctuation,
        site_error,
        dispatch,
    } = props;
    let lang = *lang;
    let labels = lang.labels();

    let sites: Choices = tariff
        .sites
        .iter()
        .map(|s| {
            let text = format!("{} ({})", s.name.get(lang), site_effect(s, lang));
            (AttrValue::from(s.id.clone()), AttrValue::from(text))
        })
        .collect();
    let site_note = tariff.site(site).map(|site| {
        let languages: Vec<&str> = site
            .languages
            .iter()
            .filter_map(|l| tariff.language(l).map(|l| l.name.get(lang)))
            .collect();
        AttrValue::from(format!(
            "{}. {}: {}.",
            site.note.get(lang),
            labels.serves,
            languages.join(", ")
        ))
    });
    let languages: Choices = tariff
        .languages
        .iter()
        .map(|l| {
            (
                AttrValue::from(l.id.clone()),
                AttrValue::from(l.name.get(lang).to_owned()),
            )
        })
        .collect();
    let terms: Choices = tariff
        .terms
        .iter()
        .map(|t| {
            let mut text = t.name.get(lang).to_owned();
            if !t.discount.is_zero() {
                let discount = format_percent(t.discount, lang);
                text = match lang {
                    Lang::Id => format!("{text} ({} {discount})", labels.off),
                    Lang::En => format!("{text} ({discount} {})", labels.off),
                };
            }
            (AttrValue::from(t.id.clone()), AttrValue::from(text))
        })
        .collect();
    // A link may carry a fluctuation the list lacks: it takes its place in order.
    let mut percents = FLUCTUATIONS.to_vec();
    if let Err(at) = percents.binary_search(fluctuation) {
        percents.insert(at, *fluctuation);
    }
    let fluctuations: Choices = percents
        .into_iter()
        .map(|p| {
            (
                AttrValue::from(p.to_string()),
                AttrValue::from(format!("±{p}%")),
            )
        })
        .collect();

    html! {
        <div class="settings">
            <Select testid="site" label={labels.site} value={site.clone()} choices={sites}
                note={site_note} error={site_error.clone()}
                on_change={on(dispatch, |v| Some(Action::SetSite(v)))} />
            <Select testid="service-language" label={labels.service_language} value={language.clone()}
                choices={languages} on_change={on(dispatch, |v| Some(Action::SetLanguage(v)))} />
            <Select testid="term" label={labels.term} value={term.clone()} choices={terms}
                on_change={on(dispatch, |v| Some(Action::SetTerm(v)))} />
            <Select testid="fluctuation" label={labels.fluctuation} value={fluctuation.to_string()}
                choices={fluctuations}
                on_change={on(dispatch, |v| v.parse().ok().map(Action::SetFluctuation))} />
        </div>
    }
}
