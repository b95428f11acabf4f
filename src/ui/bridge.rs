//! How the page and its deferred parts talk. The page is two WebAssembly modules: the first
//! draws the inputs and the totals, the second (loaded after the first paint) the charts, the
//! line-by-line breakdown, "how this is calculated" and the printed document. They share the
//! document, not memory: the page publishes what is on screen as text on `window` with an event.
//! The text is the estimate's link, so the second module re-derives everything from what a link
//! already carries. The other way, the deferred parts ask the page for a change (a row of a
//! comparison chosen, in-house figures typed) as a wish, text on `window` with an event too.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use crate::estimate::InHouseFigures;
use crate::i18n::Lang;
use crate::link;
use crate::staffing::Profile;
use crate::ui::traffic::{TrafficField, TrafficInputs};

/// The global the page writes the latest scene to: a module that starts late reads it there.
const SCENE: &str = "biayaScene";
const SCENE_EVENT: &str = "biaya-scene";
const WISH: &str = "biayaWish";
const WISH_EVENT: &str = "biaya-wish";

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
    /// The link exactly as it arrived, while it is the estimate on screen: what it lost on the
    /// way is worked out from it where it is shown. Empty for the visitor's own.
    pub received: String,
    /// Today in the visitor's calendar (`YYYY-MM-DD`): a quote's dates are judged by it.
    pub today: String,
    /// The link before the estimate was re-priced with the newest tariff, until the next change;
    /// empty otherwise.
    pub repriced_from: String,
    /// The traffic of each activity described by it, as typed, with the activity's model: the
    /// deferred module draws its form.
    pub traffic: Vec<Traffic>,
}

/// An activity whose volume the visitor describes by its traffic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Traffic {
    pub activity: String,
    pub model: String,
    pub inputs: TrafficInputs,
}

/// Text a visitor typed, on one line with no tab.
fn escaped(text: &str) -> String {
    utf8_percent_encode(text, NON_ALPHANUMERIC).to_string()
}

fn unescaped(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

fn profile_key(profile: Profile) -> &'static str {
    match profile {
        Profile::Typical => "typical",
        Profile::Flat => "flat",
    }
}

fn profile_from(key: &str) -> Profile {
    if key == "flat" {
        Profile::Flat
    } else {
        Profile::Typical
    }
}

impl Traffic {
    /// As a line: `<activity>\t<model>\t<profile>\t<field>=<text>\t…`.
    fn write(&self) -> String {
        let mut line = format!(
            "{}\t{}\t{}",
            self.activity,
            self.model,
            profile_key(self.inputs.profile)
        );
        for (field, text) in self.inputs.typed.iter() {
            line.push_str(&format!("\t{}={}", field.key(), escaped(text)));
        }
        line
    }

    fn read(line: &str) -> Option<Self> {
        let mut parts = line.split('\t');
        let activity = parts.next()?.to_owned();
        let model = parts.next()?.to_owned();
        let profile = profile_from(parts.next()?);
        let mut typed = litemap::LiteMap::new();
        for part in parts {
            let (key, text) = part.split_once('=')?;
            typed.insert(TrafficField::from_key(key)?, unescaped(text));
        }
        Some(Self {
            activity,
            model,
            inputs: TrafficInputs {
                on: true,
                typed,
                profile,
            },
        })
    }
}

impl Scene {
    fn write(&self) -> String {
        let mut text = format!(
            "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
            self.lang.code(),
            self.url,
            self.link,
            u8::from(self.stands),
            self.signer,
            u8::from(self.discount),
            self.received,
            self.today,
            self.repriced_from
        );
        for traffic in &self.traffic {
            text.push('\n');
            text.push_str(&traffic.write());
        }
        text
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
            received: lines.next()?.to_owned(),
            today: lines.next()?.to_owned(),
            repriced_from: lines.next()?.to_owned(),
            traffic: lines.map(Traffic::read).collect::<Option<_>>()?,
        })
    }
}

/// A change the deferred parts ask of the page, which makes it as if the visitor had made it
/// there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wish {
    Site(String),
    Term(String),
    ServiceLanguage(String),
    /// Delivers the activity from a site of its own, or (`None`) from the estimate's.
    ActivitySite {
        activity: String,
        site: Option<String>,
    },
    InHouse {
        activity: String,
        figures: InHouseFigures,
    },
    /// A field of the traffic an activity's volume is described by, as typed.
    Traffic {
        activity: String,
        field: TrafficField,
        text: String,
    },
    Profile {
        activity: String,
        profile: Profile,
    },
    /// Re-price the estimate with the newest tariff.
    Reprice,
}

impl Wish {
    fn write(&self) -> String {
        match self {
            Self::Site(site) => format!("site\t{site}"),
            Self::Term(term) => format!("term\t{term}"),
            Self::ServiceLanguage(language) => format!("language\t{language}"),
            Self::ActivitySite { activity, site } => {
                format!(
                    "activity-site\t{activity}\t{}",
                    site.as_deref().unwrap_or("")
                )
            }
            Self::InHouse { activity, figures } => {
                format!("in-house\t{activity}\t{}", link::own(figures))
            }
            Self::Traffic {
                activity,
                field,
                text,
            } => format!("traffic\t{activity}\t{}\t{}", field.key(), escaped(text)),
            Self::Profile { activity, profile } => {
                format!("profile\t{activity}\t{}", profile_key(*profile))
            }
            Self::Reprice => "reprice\t".to_owned(),
        }
    }

    fn read(line: &str) -> Option<Self> {
        let mut parts = line.split('\t');
        let (kind, first) = (parts.next()?, parts.next()?.to_owned());
        let wish = match kind {
            "site" => Self::Site(first),
            "term" => Self::Term(first),
            "language" => Self::ServiceLanguage(first),
            "activity-site" => Self::ActivitySite {
                activity: first,
                site: Some(parts.next()?.to_owned()).filter(|s| !s.is_empty()),
            },
            "in-house" => Self::InHouse {
                activity: first,
                figures: match parts.next()? {
                    "" => InHouseFigures::default(),
                    own => link::own_from(own)?,
                },
            },
            "traffic" => Self::Traffic {
                activity: first,
                field: TrafficField::from_key(parts.next()?)?,
                text: unescaped(parts.next()?),
            },
            "profile" => Self::Profile {
                activity: first,
                profile: profile_from(parts.next()?),
            },
            "reprice" => Self::Reprice,
            _ => return None,
        };
        Some(wish)
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

/// The deferred module: asks the page for these changes, in order.
pub fn wish(wishes: &[Wish]) {
    let text: Vec<String> = wishes.iter().map(Wish::write).collect();
    set(WISH, &text.join("\n"));
    announce(WISH_EVENT);
}

/// The page: calls `then` with every wish the deferred module makes.
pub fn on_wish(then: impl Fn(Vec<Wish>) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), WISH_EVENT, move |_| {
        if let Some(text) = get(WISH) {
            then(text.split('\n').filter_map(Wish::read).collect());
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
            received: "v=1&t=2026-11&s=jakarta&z=00000000".into(),
            today: "2026-11-29".into(),
            repriced_from: String::new(),
            traffic: vec![],
        };
        assert_eq!(Scene::read(&scene.write()), Some(scene.clone()));
        // Typed text, whatever it holds, comes back as typed.
        let mut typed = TrafficInputs::starter(INDONESIAN);
        typed.on = true;
        typed
            .typed
            .insert(TrafficField::Calls, "12.000\t=\n% x".into());
        typed.profile = Profile::Flat;
        let with_traffic = Scene {
            traffic: vec![Traffic {
                activity: "call-centre".into(),
                model: "dedicated".into(),
                inputs: typed,
            }],
            ..scene
        };
        assert_eq!(Scene::read(&with_traffic.write()), Some(with_traffic));
        assert_eq!(Scene::read("xx\nurl\nlink"), None);
    }

    #[test]
    fn a_wish_reads_back_as_written() {
        let mut figures = InHouseFigures {
            wage: Some(rust_decimal::Decimal::from(7_500_000)),
            ..InHouseFigures::default()
        };
        figures.per_fte.insert("minutes".into(), 2_500);
        for wish in [
            Wish::Site("manila".into()),
            Wish::Term("36".into()),
            Wish::ServiceLanguage("en".into()),
            Wish::ActivitySite {
                activity: "fulfilment".into(),
                site: Some("yogyakarta".into()),
            },
            Wish::ActivitySite {
                activity: "fulfilment".into(),
                site: None,
            },
            Wish::InHouse {
                activity: "call-centre".into(),
                figures,
            },
            Wish::InHouse {
                activity: "call-centre".into(),
                figures: InHouseFigures::default(),
            },
            Wish::Traffic {
                activity: "call-centre".into(),
                field: TrafficField::HandleTime,
                text: "4:00\t%".into(),
            },
            Wish::Profile {
                activity: "call-centre".into(),
                profile: Profile::Flat,
            },
            Wish::Reprice,
        ] {
            assert_eq!(Wish::read(&wish.write()), Some(wish));
        }
        assert_eq!(Wish::read("nonsense\tx"), None);
    }
}
