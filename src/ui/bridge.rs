//! How the page and its deferred parts talk. The page is two WebAssembly modules: the first
//! draws the inputs and the totals, the second (loaded after the first paint) the charts, the
//! line-by-line breakdown, "how this is calculated" and the printed document. They share the
//! browser's window, not memory: the page publishes the scene (the document on screen, as every
//! surface renders it, with what only the screen needs) on `window` with an event, serialized
//! whole by serde, and the deferred module reads it back as the same typed value. The other way, the
//! deferred parts ask the page for a change (a row of a comparison chosen, in-house figures
//! typed) as a wish, the visitor's own edit carried whole.

use std::rc::Rc;

use gloo::events::EventListener;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::document::Document;
use crate::i18n::Lang;
use crate::link::Dropped;
use crate::roster::Certified;
use crate::ui::edit::Edit;
use crate::ui::traffic::TrafficInputs;

/// The global the page writes the latest scene to: a module that starts late reads it there.
const SCENE: &str = "biayaScene";
const SCENE_EVENT: &str = "biaya-scene";
const WISH: &str = "biayaWish";
const WISH_EVENT: &str = "biaya-wish";

/// What the deferred module draws from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scene {
    pub lang: Lang,
    /// The whole address of the page, as shared and as the printed code carries it.
    pub url: String,
    /// The document on screen; `None` where the request on screen cannot be priced.
    pub document: Option<Rc<Document>>,
    /// What re-pricing with the newest tariff gave up, until the next change.
    pub repriced: Option<Vec<Dropped>>,
    /// The traffic of each activity described by it, as typed, with the activity's model: the
    /// deferred module draws its form.
    pub traffic: Vec<Traffic>,
    /// The activities with an in-house figure typed that does not read: their form stays open
    /// at its message.
    pub in_house_invalid: Vec<String>,
}

/// An activity whose volume the visitor describes by its traffic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Traffic {
    pub activity: String,
    pub model: String,
    pub inputs: TrafficInputs,
}

/// A change the deferred parts ask of the page, which makes it as if the visitor had made it
/// there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Wish {
    Edit(Edit),
    /// Re-price the estimate with the newest tariff.
    Reprice,
    /// The browser checked the signature of the quotation whose link (as it arrived) this is.
    Verified {
        link: String,
        holds: bool,
        /// Whether the approval of its discount the link carries holds (`signature::judge`).
        approved: bool,
        /// Who the provider's roster certified for the link's key, where the provider file
        /// does not list it.
        certified: Option<Certified>,
    },
}

/// Puts a value on `window` as its postcard bytes: a compact encoding of the type itself, whose
/// reader and writer weigh a fraction of JSON's in the page's first module.
fn set(name: &str, value: &impl Serialize) -> Option<Vec<u8>> {
    let bytes = postcard::to_allocvec(value).ok()?;
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    js_sys::Reflect::set(&gloo::utils::window(), &JsValue::from_str(name), &array).ok()?;
    Some(bytes)
}

fn get<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    let value = js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str(name)).ok()?;
    let bytes = value.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
    postcard::from_bytes(&bytes).ok()
}

fn announce(event: &str) {
    if let Ok(event) = web_sys::Event::new(event) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

thread_local! {
    /// The scene last published, as bytes: an unchanged scene is not announced again.
    static PUBLISHED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The page: tells the deferred module what is on screen, when it changed, or whatever it is
/// when `anew` (a page just drawn has new places for the deferred parts to draw into).
pub fn publish(scene: &Scene, anew: bool) {
    let Ok(bytes) = postcard::to_allocvec(scene) else {
        return;
    };
    let changed = PUBLISHED.with_borrow_mut(|published| {
        let changed = *published != bytes;
        *published = bytes;
        changed
    });
    if (anew || changed) && set(SCENE, scene).is_some() {
        announce(SCENE_EVENT);
    }
}

/// The deferred module: what is on screen now, if the page has said.
#[must_use]
pub fn scene() -> Option<Scene> {
    get(SCENE)
}

/// The deferred module: calls `then` with every new scene.
pub fn on_scene(then: impl Fn(Scene) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), SCENE_EVENT, move |_| {
        if let Some(scene) = scene() {
            then(scene);
        }
    })
}

/// The deferred module: asks the page for these changes, in order.
pub fn wish(wishes: &[Wish]) {
    if set(WISH, &wishes).is_some() {
        announce(WISH_EVENT);
    }
}

/// The page: calls `then` with every wish the deferred module makes.
pub fn on_wish(then: impl Fn(Vec<Wish>) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), WISH_EVENT, move |_| {
        if let Some(wishes) = get(WISH) {
            then(wishes);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::InHouseFigures;
    use crate::quote::Today;
    use crate::staffing::Profile;
    use crate::tariff::catalogue;
    use crate::ui::state::State;
    use crate::ui::traffic::TrafficField;

    /// A value through the bytes the page puts on `window` and back.
    fn through<T: Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
        let bytes = postcard::to_allocvec(value).expect("written");
        postcard::from_bytes(&bytes).expect("read back")
    }

    #[test]
    fn a_scene_reaches_the_deferred_module_whole() {
        // A signed four-activity quotation, its in-house figures and traffic: every kind of
        // field the document carries.
        let link = include_str!("../../tests/fixtures/signed-natively.txt").trim();
        let today = Today(crate::calendar::Date::parse("2026-12-10").expect("a date"));
        let state = State::load(
            catalogue().expect("valid"),
            Lang::Id,
            today,
            Some(link),
            None,
        );
        let mut inputs = TrafficInputs::starter(Lang::Id);
        inputs.on = true;
        inputs
            .typed
            .insert(TrafficField::Calls, "12.000\t=\n% x".into());
        inputs.profile = Profile::Flat;
        let scene = Scene {
            lang: Lang::Id,
            url: format!("https://nusa-layanan.example/biaya/#{link}"),
            document: state.document.clone().ok(),
            repriced: Some(vec![Dropped::Truncated, Dropped::Altered]),
            traffic: vec![Traffic {
                activity: "call-centre".into(),
                model: "dedicated".into(),
                inputs,
            }],
            in_house_invalid: vec!["accounting".into()],
        };
        assert!(scene.document.as_ref().is_some_and(|d| d.quote.is_some()));
        assert_eq!(through(&scene), scene);
    }

    #[test]
    fn a_wish_reaches_the_page_as_the_visitors_own_edit() {
        let mut figures = InHouseFigures {
            wage: Some(rust_decimal::Decimal::from(7_500_000)),
            ..InHouseFigures::default()
        };
        figures.per_fte.insert("minutes".into(), 2_500);
        let wishes = vec![
            Wish::Edit(Edit::Site("manila".into())),
            Wish::Edit(Edit::Term("36m".into())),
            Wish::Edit(Edit::ActivitySite {
                activity: "fulfilment".into(),
                site: None,
            }),
            Wish::Edit(Edit::InHouse {
                activity: "call-centre".into(),
                figures,
                invalid: true,
            }),
            Wish::Edit(Edit::Traffic {
                activity: "call-centre".into(),
                field: TrafficField::HandleTime,
                text: "4:00\t%".into(),
            }),
            Wish::Reprice,
            Wish::Verified {
                link: "v=1&t=2026-11".into(),
                holds: true,
                approved: false,
                certified: None,
            },
        ];
        assert_eq!(through(&wishes), wishes);
    }
}
