//! The sales console (console.html): where the provider's sales staff issue signed quotations.
//! A module of its own, which no prospect's page loads: the calculator and its deferred parts
//! (the same components as the prospect's page) under a sales panel, all in one WebAssembly
//! module. The panel reads the estimate on screen from the scene the calculator publishes (see
//! `bridge`), as the deferred parts do; the links it issues point to the prospect's page.

mod acceptance;
mod approval;
mod entries;
mod form;
mod issue;
mod keys;
mod numbers;
mod register;
mod store;
mod team;

use std::rc::Rc;

use yew::prelude::*;

use super::bridge::{self, Scene};
use super::{Static, browser};
use crate::estimate::Request;
use crate::i18n::{ConsoleTexts, Texts};
use crate::tariff::{Catalogue, Tariff, catalogue};

pub use keys::remembered_key;

/// The scene the calculator publishes, kept up to date.
#[hook]
fn use_scene() -> Option<Scene> {
    let scene = use_state_eq(bridge::scene);
    {
        let scene = scene.setter();
        use_effect_with((), move |()| {
            // A scene published between the first render and now would be missed otherwise.
            if let Some(now) = bridge::scene() {
                scene.set(Some(now));
            }
            let listener = bridge::on_scene(move |new| scene.set(Some(new)));
            move || drop(listener)
        });
    }
    (*scene).clone()
}

#[derive(Properties, PartialEq)]
struct ConsoleProps {
    catalogue: Static<Catalogue>,
}

/// The sales panel: who signs, the quotation to issue, the register.
#[component]
fn Console(props: &ConsoleProps) -> Html {
    let catalogue = props.catalogue;
    let today = *use_memo((), |()| browser::today());
    let scene = use_scene();
    let lang = scene
        .as_ref()
        .map_or_else(browser::initial_lang, |scene| scene.lang);
    let document = scene.and_then(|s| s.document);
    // What the calculator holds back: figures the client did not give, or a field being
    // corrected (its figures are the last valid ones).
    let (examples, stale) = document
        .as_ref()
        .map_or((false, false), |d| (!d.examples.is_empty(), d.stale));
    let wanted: Option<(Static<Tariff>, Request)> =
        document.and_then(|d| Some((Static(catalogue.0.get(&d.tariff)?), d.request.clone())));
    let signer = keys::use_signer(today);
    let register = register::use_register();
    let accepted = acceptance::use_accepted();
    // "Revise" on a register entry: its terms into the form, its estimate into the calculator.
    // Counted, so that revising the same entry again puts its terms back.
    let revising = use_state_eq(|| None::<(u32, Rc<form::QuoteDraft>)>);
    let on_revise = {
        let (revising, count) = (revising.setter(), revising.as_ref().map_or(0, |(n, _)| *n));
        Callback::from(move |link: String| {
            if let Some((draft, estimate)) = form::revision_of(&link, catalogue.0) {
                revising.set(Some((count.wrapping_add(1), Rc::new(draft))));
                browser::open_link(&estimate);
                browser::after_render(|| browser::jump_to("console-client"));
            }
        })
    };
    let taken = use_memo(register.links.clone(), |links| {
        Rc::new(
            links
                .iter()
                .filter_map(|l| entries::number(l, catalogue.0))
                .collect::<Vec<_>>(),
        )
    });
    // A request for approval leaves the register's view once its approved link is in it.
    let current = use_memo(register.links.clone(), |links| {
        Rc::new(entries::current(links))
    });
    let texts = ConsoleTexts::of(lang);
    html! {
        <section class="console" aria-labelledby="console-title">
            // The console comes before the calculator on its page: the first Tab still finds the
            // way to the estimate.
            <a class="skip" href="#summary-title" data-testid="console-skip"
                onclick={browser::jump("summary-title")}>
                { Texts::of(lang).skip }
            </a>
            <div class="console-head">
                <h2 id="console-title">{ texts.title }</h2>
                <p class="help">{ texts.intro }</p>
            </div>
            // In the order a salesperson works on a phone: the key, the quotation, the register,
            // and the client's answer.
            <div class="console-grid">
                <keys::KeyCard {lang} signer={signer.signer.clone()} status={signer.status.clone()}
                    on_file={signer.on_file.clone()} on_forget={signer.on_forget.clone()}
                    on_remember={signer.on_remember.clone()} />
                <issue::IssueForm {lang} {catalogue} estimate={wanted} {examples} {stale} signer={signer.signer.clone()}
                    {today} taken={(*taken).clone()} on_issued={register.on_add.clone()}
                    revise={(*revising).clone()} />
                <register::Register {lang} {catalogue} {today} links={(*current).clone()}
                    accepted={accepted.accepted.clone()} on_merge={register.on_merge.clone()}
                    on_accepted={accepted.on_import.clone()} {on_revise} />
                <approval::Approvals {lang} {catalogue} {today} signer={signer.signer.clone()}
                    links={register.links.clone()} on_record={register.on_add.clone()} />
                <acceptance::AcceptanceCheck {lang} {catalogue} {today} links={(*current).clone()}
                    accepted={accepted.accepted.clone()} on_record={accepted.on_record.clone()} />
            </div>
        </section>
    }
}

/// Mounts the console on the document's body: the sales panel, then the calculator and its
/// deferred parts. For the module's entry (`src/bin/console.rs`).
pub fn run() {
    let document = gloo::utils::document();
    let (Ok(catalogue), Some(body), Ok(panel)) =
        (catalogue(), document.body(), document.create_element("div"))
    else {
        return;
    };
    // Each for as long as the page lives. The calculator draws on the body itself, as on the
    // prospect's page, so that printing (which shows only the body's printed document) works the
    // same here. Mounting an app empties its element: the panel's goes in after.
    let _ = yew::Renderer::<super::page::Estimator>::with_root_and_props(
        body.clone().into(),
        super::page::EstimatorProps {
            catalogue: Static(catalogue),
            visit: std::rc::Rc::new(super::browser::visit()),
        },
    )
    .render();
    if body
        .insert_before(&panel, body.first_child().as_ref())
        .is_err()
    {
        return;
    }
    let _ = yew::Renderer::<Console>::with_root_and_props(
        panel,
        ConsoleProps {
            catalogue: Static(catalogue),
        },
    )
    .render();
    if let Some(root) = browser::deferred_root() {
        let _ = super::deferred::mount_with(root, catalogue);
    }
    browser::work_offline();
}

/// The console mounted by a browser test: `unmount` takes the panel, the calculator and its
/// deferred parts down.
pub struct Mounted {
    panel: yew::AppHandle<Console>,
    page: super::Mounted,
}

impl Mounted {
    pub fn unmount(self) {
        self.panel.destroy();
        self.page.unmount();
    }
}

/// Mounts the whole console in an element, for the browser tests.
#[must_use]
pub fn mount(root: web_sys::Element) -> Option<Mounted> {
    let catalogue = catalogue().ok()?;
    let document = gloo::utils::document();
    let panel = document.create_element("div").ok()?;
    let page = document.create_element("div").ok()?;
    root.append_child(&panel).ok()?;
    root.append_child(&page).ok()?;
    // The calculator first: it publishes the scene the panel reads.
    let page = super::mount_with(page, catalogue)?;
    let panel = yew::Renderer::<Console>::with_root_and_props(
        panel,
        ConsoleProps {
            catalogue: Static(catalogue),
        },
    )
    .render();
    Some(Mounted { panel, page })
}
