//! The deferred parts of the page, a WebAssembly module of their own loaded after the first
//! paint: the charts, the line-by-line breakdown, "how this is calculated", the printed header
//! and the CSV. They draw into places the page keeps for them, from the scene the page publishes
//! (see `bridge`), so the prospect's first load carries none of their code or words.

use std::rc::Rc;

use yew::prelude::*;

use super::Static;
use super::bridge::{self, Scene};
use super::components::breakdown::Breakdown;
use super::components::charts::{ContributionChart, CurveChart};
use super::components::compare::{SiteComparison, TermComparison};
use super::components::document::Document;
use super::components::link_notices::{LinkProblems, TariffNotice};
use super::components::method::Method;
use super::components::quote::QuoteActions;
use super::components::share::{CsvLink, Share};
use super::components::summary::Comparison;
use super::components::traffic::TrafficForm;
use crate::calendar::Date;
use crate::estimate;
use crate::i18n::ChartTexts;
use crate::link;
use crate::tariff::{Catalogue, catalogue};

/// Where each part is drawn: elements the page renders and never fills itself.
pub const CHARTS: &str = "more-charts";
pub const BREAKDOWN: &str = "more-breakdown";
pub const METHOD: &str = "more-method";
pub const PRINT: &str = "more-print";
pub const CSV: &str = "more-csv";
pub const SHARE: &str = "more-share";
pub const COMPARISON: &str = "more-comparison";
pub const QUOTE: &str = "more-quote";
pub const COMPARE: &str = "more-compare";
pub const LINK_PROBLEMS: &str = "more-link-problems";
pub const TARIFF: &str = "more-tariff";

/// Where the traffic form of an activity described by its calls is drawn.
#[must_use]
pub fn traffic_host(activity: &str) -> String {
    format!("more-traffic-{activity}")
}

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
    let opened = use_memo(
        scene.as_ref().map(|s| (s.link.clone(), s.discount)),
        move |scene| {
            let (link, discount) = scene.as_ref()?;
            let mut opened = link::decode(link, catalogue.0).ok()?;
            let tariff = catalogue.0.get(&opened.contents.tariff)?;
            // The negotiated discount, where the page says the signature vouches for it.
            if *discount {
                opened.contents.request.discount = opened.contents.quote.discount;
            }
            let priced = estimate::estimate(tariff, &opened.contents.request).ok()?;
            Some((Static(tariff), opened.contents, Rc::new(priced)))
        },
    );
    let (
        Some(Scene {
            lang,
            url,
            stands,
            signer,
            traffic,
            received,
            today,
            repriced_from,
            ..
        }),
        Some((tariff, contents, priced)),
    ) = ((*scene).clone(), (*opened).clone())
    else {
        return Html::default();
    };
    let url = AttrValue::from(url);
    let mut hosts = hosts.borrow_mut();
    // Every part keyed by its place (see `Hosts::draw`).
    let mut parts = vec![
        hosts.draw(PRINT, html! {
            <Document {tariff} {lang} contents={contents.clone()} estimate={priced.clone()} url={url.clone()} />
        }),
        hosts.draw(SHARE, html! { <Share url={url.clone()} {lang} /> }),
        hosts.draw(COMPARISON, html! {
            <Comparison {tariff} estimate={priced.clone()} activities={contents.request.activities.clone()}
                adjustable={contents.quote.is_empty()} {lang} />
        }),
        hosts.draw(COMPARE, html! {
            <>
                <SiteComparison {tariff} request={contents.request.clone()} estimate={priced.clone()} {lang} />
                <TermComparison {tariff} request={contents.request.clone()} estimate={priced.clone()} {lang} />
            </>
        }),
        hosts.draw(QUOTE, html! {
            <QuoteActions {tariff} {lang} quote={contents.quote.clone()} request={contents.request.clone()}
                url={url.clone()} {stands} signer={signer.clone()} />
        }),
        hosts.draw(CSV, html! {
            <CsvLink {tariff} estimate={priced.clone()} contents={contents.clone()} url={url.clone()} {lang} />
        }),
        hosts.draw(CHARTS, html! {
            <section class="charts" aria-label={ChartTexts::of(lang).charts}>
                <ContributionChart {tariff} estimate={priced.clone()} {lang} />
                { for priced.activities.iter().map(|a| html! {
                    <CurveChart key={a.activity.clone()} {tariff} request={contents.request.clone()}
                        activity={a.activity.clone()} currency={priced.currency} {lang} />
                }) }
            </section>
        }),
        hosts.draw(BREAKDOWN, html! { <Breakdown {tariff} estimate={priced.clone()} {lang} /> }),
        hosts.draw(METHOD, html! { <Method {tariff} {lang} /> }),
        hosts.draw(LINK_PROBLEMS, html! {
            <LinkProblems {catalogue} received={AttrValue::from(received)} today={Date::parse(&today)} {lang} />
        }),
        hosts.draw(TARIFF, html! {
            <TariffNotice {catalogue} {tariff} request={Rc::new(contents.request.clone())}
                repriced_from={AttrValue::from(repriced_from)} {lang} />
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
                <TrafficForm {tariff} request={contents.request.clone()} activity={described.activity.clone()}
                    unit={Static(unit)} traffic={described.inputs.clone()} {lang} />
            }));
        }
    }
    parts.into_iter().collect::<Html>()
}

/// Mounts the deferred parts, for the module's entry (`src/bin/more.rs`).
pub fn run() {
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
