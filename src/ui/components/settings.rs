//! Where the work is delivered from, in which language, for how long, and how far volume may
//! move.

use yew::prelude::*;

use super::field::{Choices, Select};
use crate::estimate::VatMode;
use crate::i18n::{Lang, Texts, site_choice, site_effect, term_choice};
use crate::tariff::Tariff;
use crate::ui::Static;
use crate::ui::state::{Action, Edit};

/// The fluctuations offered; a link may carry another, which is then offered too.
const FLUCTUATIONS: [u32; 5] = [10, 20, 30, 50, 100];

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
    pub site: AttrValue,
    pub term: AttrValue,
    /// The customers' language.
    pub service_language: AttrValue,
    pub fluctuation: u32,
    pub vat: VatMode,
    /// Why the site cannot deliver what was chosen, in words.
    pub site_error: Option<AttrValue>,
    pub dispatch: Callback<Action>,
}

fn on(
    dispatch: &Callback<Action>,
    edit: impl Fn(String) -> Option<Edit> + 'static,
) -> Callback<String> {
    let dispatch = dispatch.clone();
    Callback::from(move |value: String| {
        if let Some(edit) = edit(value) {
            dispatch.emit(Action::Edit(edit));
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
        service_language,
        fluctuation,
        vat,
        site_error,
        dispatch,
    } = props;
    let (lang, labels) = (*lang, Texts::of(*lang));

    let sites: Choices = tariff
        .sites
        .iter()
        .map(|s| {
            (
                AttrValue::from(s.id.clone()),
                AttrValue::from(site_choice(s, lang)),
            )
        })
        .collect();
    let site_note = tariff.site(site).map(|site| {
        let languages: Vec<&str> = site
            .languages
            .iter()
            .filter_map(|l| tariff.language(l).map(|l| l.name.get(lang)))
            .collect();
        AttrValue::from(format!(
            "{} {}. {}: {}.",
            site_effect(site, lang),
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
            (
                AttrValue::from(t.id.clone()),
                AttrValue::from(term_choice(t, lang)),
            )
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

    let vat_modes: Choices = vec![
        ("incl".into(), labels.vat_incl.into()),
        ("excl".into(), labels.vat_excl.into()),
    ];
    let vat_mode = if vat.is_included() { "incl" } else { "excl" };

    html! {
        <div class="settings">
            <Select testid="site" label={labels.site} value={site.clone()} choices={sites}
                note={site_note} error={site_error.clone()}
                on_change={on(dispatch, |v| Some(Edit::Site(v)))} />
            <Select testid="service-language" label={labels.service_language} value={service_language.clone()}
                choices={languages} on_change={on(dispatch, |v| Some(Edit::ServiceLanguage(v)))} />
            <Select testid="term" label={labels.term} value={term.clone()} choices={terms}
                on_change={on(dispatch, |v| Some(Edit::Term(v)))} />
            <Select testid="fluctuation" label={labels.fluctuation} value={fluctuation.to_string()}
                choices={fluctuations}
                on_change={on(dispatch, |v| v.parse().ok().map(Edit::Fluctuation))} />
            <Select testid="vat-mode" label={labels.vat_mode} value={vat_mode} choices={vat_modes}
                on_change={on(dispatch, |v| match v.as_str() {
                    "incl" => Some(Edit::Vat(VatMode::Included)),
                    "excl" => Some(Edit::Vat(VatMode::Excluded)),
                    _ => None,
                })} />
        </div>
    }
}
