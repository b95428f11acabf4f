//! Checking a client's acceptance: the salesperson pastes the message the client sent (the
//! page's accept message), the console says whether it names a quotation issued on this device,
//! unchanged, with its figures (`acceptance`), and records it as accepted on that day; the
//! register shows the day, and its CSV carries it.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::store;
use crate::acceptance::{self, Figures, Finding};
use crate::document::Standing;
use crate::i18n::{
    ConsoleTexts, Lang, acceptance_finding, acceptance_record, format_date, format_money,
};
use crate::provider::provider;
use crate::quote::Today;
use crate::tariff::Catalogue;
use crate::ui::{Static, browser};

/// A recorded acceptance: the quotation's number, the day, and the option accepted where it
/// offers several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub number: String,
    pub on: crate::calendar::Date,
    /// From 1.
    pub option: Option<usize>,
}

impl Accepted {
    /// As stored, and as a register file writes it: `number|day`, and `|option` after it where
    /// the quotation offers several.
    pub fn stored(&self) -> String {
        match self.option {
            Some(n) => format!("{}|{}|{n}", self.number, self.on),
            None => format!("{}|{}", self.number, self.on),
        }
    }

    pub fn read(text: &str) -> Option<Self> {
        let (rest, last) = text.rsplit_once('|')?;
        if let Some(on) = crate::calendar::Date::parse(last) {
            return Some(Self {
                number: rest.to_owned(),
                on,
                option: None,
            });
        }
        let (number, on) = rest.rsplit_once('|')?;
        Some(Self {
            number: number.to_owned(),
            on: crate::calendar::Date::parse(on)?,
            option: Some(last.parse().ok().filter(|n| *n > 0)?),
        })
    }
}

/// The acceptances recorded on this device, and a way to record one.
pub struct UseAccepted {
    pub accepted: Rc<Vec<Accepted>>,
    pub on_record: Callback<Accepted>,
    /// Acceptances from a team's files (`team`): none replaces one recorded here.
    pub on_import: Callback<Vec<Accepted>>,
}

#[hook]
pub fn use_accepted() -> UseAccepted {
    let accepted = use_state_eq(|| Rc::new(Vec::<Accepted>::new()));
    {
        let accepted = accepted.setter();
        use_effect_with((), move |()| {
            yew::platform::spawn_local(async move {
                let stored: Vec<Accepted> = store::all(store::ACCEPTED)
                    .await
                    .into_iter()
                    .filter_map(|v| v.as_string())
                    .filter_map(|t| Accepted::read(&t))
                    .collect();
                accepted.set(Rc::new(stored));
            });
        });
    }
    let on_record = {
        let accepted = accepted.clone();
        Callback::from(move |new: Accepted| {
            let mut all = (**accepted).clone();
            all.retain(|a| a.number != new.number);
            all.push(new.clone());
            accepted.set(Rc::new(all));
            yew::platform::spawn_local(async move {
                store::put(store::ACCEPTED, &new.number, &new.stored().into()).await;
            });
        })
    };
    let on_import = {
        let accepted = accepted.clone();
        Callback::from(move |imported: Vec<Accepted>| {
            let mut all = (**accepted).clone();
            let new: Vec<Accepted> = imported
                .into_iter()
                .filter(|a| !all.iter().any(|b| b.number == a.number))
                .collect();
            all.extend(new.iter().cloned());
            accepted.set(Rc::new(all));
            yew::platform::spawn_local(async move {
                for one in new {
                    store::put(store::ACCEPTED, &one.number, &one.stored().into()).await;
                }
            });
        })
    };
    UseAccepted {
        accepted: (*accepted).clone(),
        on_record,
        on_import,
    }
}

#[derive(Properties, PartialEq)]
pub struct AcceptanceCheckProps {
    pub lang: Lang,
    pub catalogue: Static<Catalogue>,
    pub today: Today,
    /// The register's links.
    pub links: Rc<Vec<String>>,
    pub accepted: Rc<Vec<Accepted>>,
    pub on_record: Callback<Accepted>,
}

/// The field a client's acceptance is pasted into, what the console makes of it, and the button
/// that records it.
#[component]
pub fn AcceptanceCheck(props: &AcceptanceCheckProps) -> Html {
    let AcceptanceCheckProps {
        lang,
        catalogue,
        today,
        links,
        accepted,
        on_record,
    } = props;
    let (lang, texts) = (*lang, ConsoleTexts::of(*lang));
    let pasted = use_state_eq(String::new);
    let finding = use_memo(
        ((*pasted).clone(), links.clone(), *catalogue, *today),
        |(pasted, links, catalogue, today)| {
            (!pasted.trim().is_empty()).then(|| {
                acceptance::examine(pasted, links, catalogue.0, provider(), *today, format_money)
            })
        },
    );
    let on_input = {
        let pasted = pasted.setter();
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let recorded = |number: &str| accepted.iter().find(|a| a.number == number);
    let said = (*finding).as_ref().map(|finding| {
        let on = match finding {
            Finding::Matches(found) => recorded(&found.number).map(|a| format_date(a.on, lang)),
            _ => None,
        };
        let state = match finding {
            Finding::Unrecognised => "unrecognised",
            Finding::NotIssued { .. } => "not-issued",
            Finding::Differs { .. } => "differs",
            Finding::ApprovalNotRecorded { .. } => "approval-not-recorded",
            Finding::Matches(_) if on.is_some() => "recorded",
            Finding::Matches(found) if found.superseded_by.is_some() => "superseded",
            Finding::Matches(found) if found.standing != Standing::Valid => "not-standing",
            Finding::Matches(found) if found.figures == Figures::Differ => "figures-differ",
            Finding::Matches(_) => "matches",
        };
        (state, acceptance_finding(finding, on.as_deref(), lang))
    });
    // Recorded only where it matches, stands today and states its figures.
    let record = match (&*finding, said.as_ref()) {
        (Some(Finding::Matches(found)), Some(("matches", _))) => {
            let new = Accepted {
                number: found.number.clone(),
                on: today.0,
                option: found.option,
            };
            let on_record = on_record.clone();
            let label = acceptance_record(&found.number, &format_date(today.0, lang), lang);
            html! {
                <button type="button" class="button primary" data-testid="console-acceptance-record"
                    onclick={Callback::from(move |_| {
                        on_record.emit(new.clone());
                        // The button goes with the recording: the sentence that says so has the
                        // focus next.
                        browser::after_render(|| browser::focus("console-acceptance-finding"));
                    })}>{ label }</button>
            }
        }
        _ => Html::default(),
    };
    let bad = said
        .as_ref()
        .is_some_and(|(state, _)| !matches!(*state, "matches" | "recorded"));
    html! {
        <section class="console-card acceptance" data-testid="console-acceptance" aria-labelledby="acceptance-title">
            <h3 id="acceptance-title">{ texts.acceptance_title }</h3>
            <p class="help" id="console-acceptance-help">{ texts.acceptance_help }</p>
            <div class="field">
                <label for="console-acceptance-text">{ texts.acceptance_label }</label>
                <textarea id="console-acceptance-text" data-testid="console-acceptance-text" rows="4"
                    aria-describedby="console-acceptance-help console-acceptance-finding"
                    value={(*pasted).clone()} oninput={on_input} />
            </div>
            <p id="console-acceptance-finding" data-testid="console-acceptance-finding" role="status" tabindex="-1"
                class={classes!("status", bad.then_some("bad"))}
                data-state={said.as_ref().map(|(state, _)| *state)}>
                { said.map(|(_, sentence)| sentence).unwrap_or_default() }
            </p>
            { record }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;

    #[test]
    fn an_acceptance_keeps_its_option_and_reads_as_recorded_before_options() {
        let on = Date::parse("2026-12-09").expect("a day");
        let chosen = Accepted {
            number: "NLY/SD/2026/12/0004-K7Q".into(),
            on,
            option: Some(2),
        };
        assert_eq!(chosen.stored(), "NLY/SD/2026/12/0004-K7Q|2026-12-09|2");
        assert_eq!(Accepted::read(&chosen.stored()), Some(chosen));
        // What a register recorded before quotations had options.
        assert_eq!(
            Accepted::read("NLY/SD/2026/12/0001-K7Q|2026-12-08"),
            Some(Accepted {
                number: "NLY/SD/2026/12/0001-K7Q".into(),
                on: Date::parse("2026-12-08").expect("a day"),
                option: None,
            })
        );
        for broken in [
            "NLY/SD|2026-12-09|0",
            "NLY/SD|2026-13-09|2",
            "NLY/SD|x",
            "NLY/SD",
        ] {
            assert_eq!(Accepted::read(broken), None, "{broken}");
        }
    }
}
