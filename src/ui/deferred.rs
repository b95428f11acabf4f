//! The deferred parts of the page, a WebAssembly module of their own loaded after the first
//! paint: the charts, the line-by-line breakdown, "how this is calculated", the printed header
//! and the CSV. They draw into places the page keeps for them, from the scene the page publishes
//! (see `bridge`), so the prospect's first load carries none of their code or words.

use std::rc::Rc;

use yew::prelude::*;

use super::bridge::{self, Scene, Wish};
use super::components::breakdown::Breakdown;
use super::components::charts::{ContributionChart, CurveChart};
use super::components::compare::{SiteComparison, TermComparison};
use super::components::document::Paper;
use super::components::link_notices::{LinkProblems, TariffNotice};
use super::components::method::Method;
use super::components::quote::{QuoteActions, StandingNote};
use super::components::share::Share;
use super::components::summary::{Comparison, ExampleActions};
use super::components::traffic::TrafficForm;
use super::places::*;
use super::{Shared, Static};
use crate::document::Standing;
use crate::i18n::ChartTexts;
use crate::link;
use crate::provider::provider;
use crate::roster::Certified;
use crate::signature;
use crate::tariff::{Catalogue, catalogue};

/// The page's places the deferred parts are drawn into, as last found.
#[derive(Default)]
struct Hosts(Vec<(String, web_sys::Element, u32)>);

impl Hosts {
    /// `html` drawn into the element with id `host`, where the page has one. Keyed by the element
    /// itself: Yew moves a portal's nodes to a new host but keeps its event listeners on the old
    /// one, so a place the page has drawn anew (a quotation edited, another model) gets a portal
    /// of its own.
    fn draw(&mut self, host: &str, html: Html) -> Html {
        let Some(element) = gloo::utils::document().get_element_by_id(host) else {
            return Html::default();
        };
        let generation = match self.0.iter_mut().find(|(id, ..)| id == host) {
            Some((_, known, generation)) => {
                if *known != element {
                    *known = element.clone();
                    *generation += 1;
                }
                *generation
            }
            None => {
                self.0.push((host.to_owned(), element.clone(), 0));
                0
            }
        };
        html! {
            <span key={format!("{host}/{generation}")} hidden=true>{ create_portal(html, element) }</span>
        }
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct DeferredProps {
    catalogue: Static<Catalogue>,
}

#[component]
pub(super) fn Deferred(props: &DeferredProps) -> Html {
    let catalogue = props.catalogue;
    let hosts = use_mut_ref(Hosts::default);
    // Set on every announcement, equal or not: the page announces a scene anew when its places
    // for the deferred parts are new.
    let scene = use_state(bridge::scene);
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
    use_effect_with((), |()| {
        let listener = super::browser::prepare_print();
        move || drop(listener)
    });
    // A quotation's signature, checked here with the browser's cryptography: the page's first
    // module shows "checking" until it hears the answer.
    let checking = scene
        .as_ref()
        .and_then(|s| s.document.as_ref())
        .filter(|d| d.standing == Standing::Checking)
        .map(|d| d.link.clone());
    use_effect_with(checking, move |checking| {
        if let Some(link) = checking.clone() {
            yew::platform::spawn_local(async move {
                let (holds, approved, certified) = check_signature(&link, catalogue.0).await;
                bridge::wish(&[Wish::Verified {
                    link,
                    holds,
                    approved,
                    certified,
                }]);
            });
        }
    });
    let Some(Scene {
        lang,
        url,
        document: Some(document),
        repriced,
        traffic,
        in_house_invalid,
    }) = (*scene).clone()
    else {
        return Html::default();
    };
    let Some(tariff) = catalogue.0.get(&document.tariff).map(Static) else {
        return Html::default();
    };
    let url = AttrValue::from(url);
    // A quotation's options, priced once a scene for every surface that shows them (none for
    // an estimate, which the page re-prices at every keystroke).
    let offers = Shared(Rc::new(document.offers(catalogue.0).unwrap_or_default()));
    let document = Shared(document);
    let request = &document.request;
    let estimate = Rc::new(document.estimate.clone());
    let mut hosts = hosts.borrow_mut();
    // Every part keyed by its place (see `Hosts::draw`).
    let mut parts = vec![
        hosts.draw(PRINT, html! {
            <Paper {tariff} {lang} document={document.clone()} url={url.clone()} offers={offers.clone()} />
        }),
        hosts.draw(SHARE, html! { <Share {tariff} document={document.clone()} url={url.clone()} {lang} /> }),
        hosts.draw(COMPARISON, html! {
            <Comparison {tariff} estimate={estimate.clone()} activities={request.activities.clone()}
                adjustable={document.quote.is_none()} {in_house_invalid} {lang} />
        }),
        hosts.draw(COMPARE, html! {
            <>
                <SiteComparison {tariff} request={request.clone()} estimate={estimate.clone()} {lang} />
                <TermComparison {tariff} request={request.clone()} estimate={estimate.clone()} {lang} />
            </>
        }),
        hosts.draw(QUOTE, html! {
            <QuoteActions {tariff} {lang} document={document.clone()} offers={offers.clone()} url={url.clone()} />
        }),
        hosts.draw(CHARTS, html! {
            <section class="charts" aria-label={ChartTexts::of(lang).charts}>
                <ContributionChart {tariff} estimate={estimate.clone()} {lang} />
                { for estimate.activities.iter().map(|a| html! {
                    <CurveChart key={a.activity.clone()} {tariff} request={request.clone()}
                        activity={a.activity.clone()} currency={estimate.currency} {lang} />
                }) }
            </section>
        }),
        hosts.draw(BREAKDOWN, html! { <Breakdown {tariff} estimate={estimate.clone()} {lang} /> }),
        hosts.draw(METHOD, html! { <Method {tariff} {lang} /> }),
        hosts.draw(SEAL, html! { <StandingNote document={document.clone()} {lang} /> }),
        hosts.draw(EXAMPLES, html! { <ExampleActions {lang} /> }),
        hosts.draw(LINK_PROBLEMS, html! {
            <LinkProblems {tariff} problems={document.problems.clone()} {lang} />
        }),
        hosts.draw(TARIFF, html! {
            <TariffNotice {catalogue} {tariff} request={Rc::new(request.clone())}
                repriced={repriced.unwrap_or_default()} {lang} />
        }),
    ];
    for described in &traffic {
        let unit = tariff
            .0
            .activity(&described.activity)
            .and_then(|a| a.model(&described.model))
            .and_then(|m| m.units.iter().find(|u| u.sized_by.is_some()));
        if let Some(unit) = unit {
            parts.push(hosts.draw(&traffic_host(&described.activity), html! {
                <TrafficForm {tariff} request={request.clone()} activity={described.activity.clone()}
                    unit={Static(unit)} traffic={described.inputs.clone()} {lang} />
            }));
        }
    }
    parts.into_iter().collect::<Html>()
}

/// Whether the signature of the quotation link `text` holds, by the key the provider file lists
/// for it or its roster certifies (then who that is): `false` too where the link or its seal
/// does not read; and whether the approval of its discount holds, where it carries one.
async fn check_signature(text: &str, catalogue: &Catalogue) -> (bool, bool, Option<Certified>) {
    let Ok(opened) = link::decode(text, catalogue) else {
        return (false, false, None);
    };
    let approved = match signature::approver_claim(opened.approval.as_ref(), provider()) {
        Some(claim) => super::crypto::verify(&claim.public, &claim.signature, claim.message).await,
        None => false,
    };
    let certified = match signature::unlisted(opened.seal.as_ref(), provider()) {
        Some(key) => super::staff::certified(key).await,
        None => None,
    };
    // A certified key's point is the certificate's: the first module reads the rest of it.
    let holds = match (&certified, opened.seal.as_ref()) {
        (Some(certified), Some(seal)) => {
            let public = certified.public().and_then(signature::decode);
            let signed = signature::decode(&seal.signature).filter(|s| signature::is_canonical(s));
            match (public, signed) {
                (Some(public), Some(signed)) => {
                    super::crypto::verify(&public, &signed, &seal.message).await
                }
                _ => false,
            }
        }
        _ => match signature::claim(opened.seal.as_ref(), provider()) {
            Ok(claim) => {
                super::crypto::verify(&claim.public, &claim.signature, claim.message).await
            }
            Err(_) => false,
        },
    };
    (holds, approved, certified)
}

/// Mounts the deferred parts, for the module's entry (`src/bin/more.rs`), and keeps the page
/// for offline use: registering the service worker waits for this module, off the first load.
pub fn run() {
    super::browser::work_offline();
    if let (Ok(catalogue), Some(root)) = (catalogue(), super::browser::deferred_root()) {
        // For as long as the page lives.
        let _ = mount_with(root, catalogue);
    }
}

/// The deferred parts, mounted: dropping it leaves them running; `unmount` takes them down.
pub struct Mounted(yew::AppHandle<Deferred>);

impl Mounted {
    pub fn unmount(self) {
        self.0.destroy();
    }
}

/// Mounts the deferred parts in `root` (an element of their own: what they draw goes into the
/// page's places for them), priced from `catalogue`.
pub fn mount_with(root: web_sys::Element, catalogue: &'static Catalogue) -> Mounted {
    Mounted(
        yew::Renderer::<Deferred>::with_root_and_props(
            root,
            DeferredProps {
                catalogue: Static(catalogue),
            },
        )
        .render(),
    )
}
