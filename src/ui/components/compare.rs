//! The estimate turned into a decision: the same request at every site and on every term side by
//! side, and the cheapest site for each activity. Every row is the engine's estimate of that
//! variant (`estimate::compare`), so choosing it gives the page exactly its figures. Drawn by the
//! deferred module; a choice goes to the page as a wish.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::estimate::compare::{self, Figures, Fix, SiteRow};
use crate::estimate::{Estimate, Request};
use crate::i18n::{
    CompareTexts, FixWords, Lang, Texts, both, contract_total, estimate_error, fix_action,
    fixed_price, format_money, format_percent, saving_cell, term_choice,
};
use crate::money::Currency;
use crate::tariff::Tariff;
use crate::ui::bridge::{self, Wish};
use crate::ui::state::Edit;
use crate::ui::{Static, browser};

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub tariff: Static<Tariff>,
    pub request: Request,
    pub estimate: Rc<Estimate>,
    pub lang: Lang,
}

/// A button that asks the page for changes. Pressed, it leaves in `asked` where the focus goes
/// and what is said once the page answers (the button itself is gone by then).
fn ask(
    label: String,
    name: String,
    testid: String,
    wishes: Vec<Wish>,
    asked: &Asked,
    then: Pending,
) -> Html {
    let asked = asked.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        *asked.borrow_mut() = Some(then.clone());
        bridge::wish(&wishes);
    });
    html! {
        <button type="button" class="choose" data-testid={testid} aria-label={name} {onclick}>{ label }</button>
    }
}

/// After a "Choose": the element that takes the focus, and what changed, in words, once the
/// request is what was chosen (another change may arrive first: a scene already on its way).
#[derive(Clone)]
struct Pending {
    focus: String,
    what: String,
    arrived: Rc<dyn Fn(&Request) -> bool>,
}

type Asked = Rc<std::cell::RefCell<Option<Pending>>>;

/// The row chosen, as its marker: it takes the focus from the "Choose" button it replaced.
fn chosen_marker(id: &'static str, text: &'static str) -> Html {
    html! { <span class="current" id={id} tabindex="-1" aria-current="true">{ text }</span> }
}

/// Once the page's answer to a "Choose" arrives (the request changed), the focus goes where the
/// button asked, and what changed is said in one sentence with the new monthly total.
#[hook]
fn use_chosen(request: &Request, monthly: String) -> (Asked, String) {
    let asked: Asked = use_mut_ref(|| None);
    let said = use_state_eq(String::new);
    {
        let (asked, said) = (asked.clone(), said.setter());
        use_effect_with(request.clone(), move |request| {
            let arrived = asked
                .borrow()
                .as_ref()
                .is_some_and(|pending| (pending.arrived)(request));
            if let Some(pending) = asked.borrow_mut().take_if(|_| arrived) {
                browser::focus(&pending.focus);
                said.set(format!("{}. {monthly}.", pending.what));
            }
        });
    }
    (asked, (*said).clone())
}

/// A money cell, labelled for the narrow layout where each row reads as a card.
fn cell(label: &'static str, text: String) -> Html {
    html! { <td data-label={label}>{ text }</td> }
}

/// The request at every site of the tariff.
#[component]
pub fn SiteComparison(props: &CompareProps) -> Html {
    let CompareProps {
        tariff,
        request,
        estimate,
        lang,
    } = props;
    let (tariff, lang, t) = (*tariff, *lang, CompareTexts::of(*lang));
    let words = Texts::of(lang);
    let rows = use_memo(request.clone(), move |request| {
        compare::sites(tariff.0, request)
    });
    let per_activity = use_memo(request.clone(), move |request| {
        compare::activity_sites(tariff.0, request)
    });
    let currency = estimate.currency;
    let money = |amount: Decimal| format_money(amount, currency, lang);
    let cheapest = rows
        .iter()
        .filter_map(|row| row.figures.as_ref().ok().map(|f| f.monthly))
        .min();
    let site_name = |id: &str| tariff.site(id).map_or("", |s| s.name.get(lang)).to_owned();
    let contract = contract_total(estimate.months, lang);
    // Said with the chosen row's own figure: the row priced from the request it is drawn for.
    let chosen_monthly = rows
        .iter()
        .find(|row| row.site == request.site)
        .and_then(|row| row.figures.as_ref().ok())
        .map_or(estimate.totals.monthly, |figures| figures.monthly);
    let (asked, said) = use_chosen(
        request,
        format!("{}: {}", words.monthly, money(chosen_monthly)),
    );
    let site_chosen = |site: &str| {
        let wanted = site.to_owned();
        Pending {
            focus: "chosen-site".into(),
            what: format!("{}: {}", words.site, site_name(site)),
            arrived: Rc::new(move |request: &Request| request.site == wanted),
        }
    };

    let row = |row: &SiteRow| {
        let name = site_name(&row.site);
        let chosen = row.site == request.site;
        match &row.figures {
            Ok(figures) => {
                let is_cheapest = Some(figures.monthly) == cheapest && rows.len() > 1;
                html! {
                    <tr key={row.site.clone()} data-site={row.site.clone()}
                        class={classes!(chosen.then_some("chosen"), is_cheapest.then_some("cheapest"))}>
                        <th scope="row">
                            { name.clone() }
                            if is_cheapest { <span class="badge">{ t.cheapest }</span> }
                        </th>
                        { cell(words.monthly, money(figures.monthly)) }
                        { cell(words.first_year, money(figures.first_year)) }
                        { cell(words.contract, money(figures.contract)) }
                        { cell(t.saving, saving_cell(figures.saving, currency, lang)) }
                        <td class="action">
                            if chosen {
                                { chosen_marker("chosen-site", t.chosen) }
                            } else {
                                { ask(t.choose.into(), format!("{} {name}", t.choose),
                                    format!("choose-site-{}", row.site), vec![Wish::Edit(Edit::Site(row.site.clone()))],
                                    &asked, site_chosen(&row.site)) }
                            }
                        </td>
                    </tr>
                }
            }
            Err(blocked) => {
                let why: Vec<String> = blocked
                    .problems
                    .iter()
                    .map(|problem| estimate_error(problem, tariff.0, lang))
                    .collect();
                let fix = (!blocked.fixes.is_empty()).then(|| {
                    let (words, wishes): (Vec<String>, Vec<Wish>) = blocked
                        .fixes
                        .iter()
                        .map(|fix| match fix {
                            Fix::ServiceLanguage { language } => (
                                fix_action(
                                    &FixWords::Language {
                                        language: tariff.language(language).map_or("", |l| l.name.get(lang)),
                                    },
                                    lang,
                                ),
                                Wish::Edit(Edit::ServiceLanguage(language.clone())),
                            ),
                            Fix::ActivityElsewhere { activity, site } => (
                                fix_action(
                                    &FixWords::ActivityElsewhere {
                                        activity: tariff.activity(activity).map_or("", |a| a.name.get(lang)),
                                        site: tariff.site(site).map_or("", |s| s.name.get(lang)),
                                    },
                                    lang,
                                ),
                                Wish::Edit(Edit::ActivitySite {
                                    activity: activity.clone(),
                                    site: Some(site.clone()),
                                }),
                            ),
                        })
                        .unzip();
                    let action = both(&words, lang);
                    let mut wishes = wishes;
                    wishes.push(Wish::Edit(Edit::Site(row.site.clone())));
                    let price = blocked
                        .fixed
                        .as_ref()
                        .map(|f: &Figures| fixed_price(f.monthly, currency, lang));
                    html! {
                        <p class="fix">
                            { price }{ " " }
                            { ask(action.clone(), format!("{action}: {name}"), format!("fix-site-{}", row.site), wishes,
                                &asked, site_chosen(&row.site)) }
                        </p>
                    }
                });
                html! {
                    <tr key={row.site.clone()} data-site={row.site.clone()} class="blocked">
                        <th scope="row">{ name }</th>
                        <td colspan="5" class="why">
                            <p data-testid={format!("blocked-site-{}", row.site)}>{ why.join(" ") }</p>
                            { fix }
                        </td>
                    </tr>
                }
            }
        }
    };

    let activity_row = |cheapest: &compare::ActivitySite| {
        let name = tariff
            .activity(&cheapest.activity)
            .map_or("", |a| a.name.get(lang));
        let wanted = request
            .activities
            .iter()
            .find(|a| a.activity == cheapest.activity);
        let now = wanted
            .and_then(|a| a.site.clone())
            .unwrap_or_else(|| request.site.clone());
        let body = match &cheapest.cheapest {
            None => html! { <span>{ t.nowhere }</span> },
            Some((site, monthly)) => {
                let there = site_name(site);
                let action = format!("{} {there}", t.deliver_from);
                html! {
                    <>
                        <span>{ format!("{there}: {}", money(*monthly)) }</span>
                        if *site == now {
                            <span class="help" id={format!("delivered-{}", cheapest.activity)} tabindex="-1">{ t.delivered_there }</span>
                        } else {
                            { ask(action.clone(), format!("{action}: {name}"),
                                format!("activity-cheapest-{}", cheapest.activity),
                                vec![Wish::Edit(Edit::ActivitySite { activity: cheapest.activity.clone(), site: Some(site.clone()) })],
                                &asked, Pending {
                                    focus: format!("delivered-{}", cheapest.activity),
                                    what: format!("{name}: {there}"),
                                    arrived: {
                                        let (activity, site) = (cheapest.activity.clone(), site.clone());
                                        Rc::new(move |request: &Request| request.activities.iter()
                                            .any(|a| a.activity == activity
                                                && a.site.as_deref().unwrap_or(&request.site) == site.as_str()))
                                    },
                                }) }
                        }
                    </>
                }
            }
        };
        html! {
            <li key={cheapest.activity.clone()} data-testid={format!("cheapest-site-{}", cheapest.activity)}>
                <strong>{ name }</strong>{ " " }{ body }
            </li>
        }
    };

    html! {
        <section class="compare" data-testid="compare-sites" aria-labelledby="compare-sites-title">
            <h3 id="compare-sites-title">{ t.sites }</h3>
            <p class="help">{ t.sites_hint }</p>
            <p class="visually-hidden" aria-live="polite" data-testid="said-site">{ said }</p>
            <table class="compare-table">
                <thead>
                    <tr>
                        <th scope="col">{ t.site }</th>
                        <th scope="col">{ words.monthly }</th>
                        <th scope="col">{ words.first_year }</th>
                        <th scope="col">{ contract }</th>
                        <th scope="col">{ t.saving }</th>
                        <th scope="col"><span class="visually-hidden">{ t.choose }</span></th>
                    </tr>
                </thead>
                <tbody>{ for rows.iter().map(row) }</tbody>
            </table>
            if request.activities.len() > 1 {
                <h4>{ t.per_activity }</h4>
                <p class="help">{ t.per_activity_hint }</p>
                <ul class="cheapest-sites" data-testid="compare-activity-sites">
                    { for per_activity.iter().map(activity_row) }
                </ul>
            }
        </section>
    }
}

/// The request on every term of the tariff.
#[component]
pub fn TermComparison(props: &CompareProps) -> Html {
    let CompareProps {
        tariff,
        request,
        estimate,
        lang,
    } = props;
    let (tariff, lang, t) = (*tariff, *lang, CompareTexts::of(*lang));
    let words = Texts::of(lang);
    let rows = use_memo(request.clone(), move |request| {
        compare::terms(tariff.0, request)
    });
    let currency: Currency = estimate.currency;
    let money = |amount: Decimal| format_money(amount, currency, lang);
    let cheapest = rows.iter().map(|r| r.effective_monthly).min();
    let chosen_monthly = rows
        .iter()
        .find(|row| row.term == request.term)
        .map_or(estimate.totals.monthly, |row| row.figures.monthly);
    let (asked, said) = use_chosen(
        request,
        format!("{}: {}", words.monthly, money(chosen_monthly)),
    );
    html! {
        <section class="compare" data-testid="compare-terms" aria-labelledby="compare-terms-title">
            <h3 id="compare-terms-title">{ t.terms }</h3>
            <p class="help">{ t.terms_hint }</p>
            <p class="visually-hidden" aria-live="polite" data-testid="said-term">{ said }</p>
            <table class="compare-table">
                <thead>
                    <tr>
                        <th scope="col">{ t.term }</th>
                        <th scope="col">{ t.discount }</th>
                        <th scope="col">{ words.monthly }</th>
                        <th scope="col">{ words.first_year }</th>
                        <th scope="col">{ words.contract }</th>
                        <th scope="col">{ t.effective }</th>
                        <th scope="col"><span class="visually-hidden">{ t.choose }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|row| {
                        let name = tariff.term(&row.term).map(|term| term_choice(term, lang)).unwrap_or_default();
                        let chosen = row.term == request.term;
                        let is_cheapest = Some(row.effective_monthly) == cheapest && rows.len() > 1;
                        html! {
                            <tr key={row.term.clone()} data-term={row.term.clone()}
                                class={classes!(chosen.then_some("chosen"), is_cheapest.then_some("cheapest"))}>
                                <th scope="row">
                                    { name.clone() }
                                    if is_cheapest { <span class="badge">{ t.cheapest }</span> }
                                </th>
                                { cell(t.discount, format_percent(row.discount, lang)) }
                                { cell(words.monthly, money(row.figures.monthly)) }
                                { cell(words.first_year, money(row.figures.first_year)) }
                                { cell(words.contract, money(row.figures.contract)) }
                                { cell(t.effective, money(row.effective_monthly)) }
                                <td class="action">
                                    if chosen {
                                        { chosen_marker("chosen-term", t.chosen) }
                                    } else {
                                        { ask(t.choose.into(), format!("{} {name}", t.choose),
                                            format!("choose-term-{}", row.term), vec![Wish::Edit(Edit::Term(row.term.clone()))],
                                            &asked, Pending {
                                                focus: "chosen-term".into(),
                                                what: format!("{}: {name}", words.term),
                                                arrived: {
                                                    let wanted = row.term.clone();
                                                    Rc::new(move |request: &Request| request.term == wanted)
                                                },
                                            }) }
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}
