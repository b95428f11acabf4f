//! How the page and its deferred parts talk. The page is two WebAssembly modules: the first
//! draws the inputs and the totals, the second (loaded after the first paint) the charts, the
//! line-by-line breakdown, "how this is calculated" and the printed document. They share the
//! document, not memory: the page publishes what is on screen as text on `window` with an event.
//! The text is the estimate's link, so the second module re-derives everything from what a link
//! already carries.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

use crate::i18n::Lang;

/// The global the page writes the latest scene to: a module that starts late reads it there.
const SCENE: &str = "biayaScene";
const SCENE_EVENT: &str = "biaya-scene";

/// What the deferred module draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scene {
    pub lang: Lang,
    /// The whole address of the page, as shared and as the printed code carries it.
    pub url: String,
    /// The estimate on screen, as this release writes its link (the one the page shows may be
    /// the link exactly as it arrived).
    pub link: String,
    /// A quotation's client may act on it (accept it).
    pub stands: bool,
    /// The id of the salesperson whose signature vouches for the quotation, if one does.
    pub signer: String,
    /// The quotation's negotiated discount applies (its signature vouches for it).
    pub discount: bool,
}

impl Scene {
    fn write(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n{}\n{}",
            self.lang.code(),
            self.url,
            self.link,
            u8::from(self.stands),
            self.signer,
            u8::from(self.discount)
        )
    }

    fn read(text: &str) -> Option<Self> {
        let mut lines = text.split('\n');
        Some(Self {
            lang: Lang::from_code(lines.next()?)?,
            url: lines.next()?.to_owned(),
            link: lines.next()?.to_owned(),
            stands: lines.next()? == "1",
            signer: lines.next()?.to_owned(),
            discount: lines.next()? == "1",
        })
    }
}

fn set(name: &str, text: &str) {
    let window = gloo::utils::window();
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str(name), &JsValue::from_str(text));
}

fn get(name: &str) -> Option<String> {
    js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str(name))
        .ok()?
        .as_string()
}

fn announce(event: &str) {
    if let Ok(event) = web_sys::Event::new(event) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

/// The page: tells the deferred module what is on screen, when it changed, or whatever it is
/// when `anew` (a page just drawn has new places for the deferred parts to draw into).
pub fn publish(scene: &Scene, anew: bool) {
    let text = scene.write();
    if anew || get(SCENE).as_deref() != Some(text.as_str()) {
        set(SCENE, &text);
        announce(SCENE_EVENT);
    }
}

/// The deferred module: what is on screen now, if the page has said.
#[must_use]
pub fn scene() -> Option<Scene> {
    Scene::read(&get(SCENE)?)
}

/// The deferred module: calls `then` with every new scene.
pub fn on_scene(then: impl Fn(Scene) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), SCENE_EVENT, move |_| {
        if let Some(scene) = scene() {
            then(scene);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang::Id as INDONESIAN;

    #[test]
    fn a_scene_reads_back_as_written() {
        let scene = Scene {
            lang: INDONESIAN,
            url: "https://example.invalid/biaya/#v=1&t=2026-11&z=0".into(),
            link: "v=1&t=2026-11&s=jakarta&z=00000000".into(),
            stands: true,
            signer: "SD".into(),
            discount: false,
        };
        assert_eq!(Scene::read(&scene.write()), Some(scene));
        assert_eq!(Scene::read("xx\nurl\nlink"), None);
    }
}
