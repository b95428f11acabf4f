//! The salesperson's signing key: read once from its JWK file, checked against the provider
//! file, imported into WebCrypto as a key that signs and cannot be read out, and kept for the
//! session or, where they ask, in IndexedDB on this device. The private key never enters a link,
//! a draft, localStorage, the page or a Rust string the console keeps: the file's text is wiped
//! once parsed, its `d` deleted once imported, and the file input cleared as it is read.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, HtmlInputElement};
use yew::prelude::*;

use super::store;
use crate::calendar::Date;
use crate::i18n::{
    ConsoleTexts, Lang, format_date, key_loaded, key_problem_mismatch, key_problem_not_yet,
    key_problem_revoked, key_problem_unknown,
};
use crate::provider::{Provider, Staff, StaffKey, provider};
use crate::quote::Today;
use crate::signature;
use crate::ui::{browser, crypto, staff};

/// Where the remembered key is kept in the console's database.
const SIGNER: &str = "signer";

/// Who signs, with which key.
#[derive(Debug, Clone, PartialEq)]
pub struct Signer {
    pub staff: &'static Staff,
    pub key: &'static StaffKey,
    /// WebCrypto's handle: it signs, and nothing reads its bytes.
    pub crypto: CryptoKey,
    /// Kept on this device, rather than for this session.
    pub remembered: bool,
}

/// Why a key file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// Not a key file at all: not JSON, or JSON that is no key (a provider file, a draft).
    NotAKey,
    /// A key of another kind, or one missing its id or point: not a file `quote keygen` wrote.
    OtherKind,
    /// The public half of a key: it cannot sign.
    PublicOnly,
    /// Its key id is not in the provider file.
    Unknown { kid: String },
    /// Its key id is listed, with another public point.
    Mismatch { kid: String },
    /// The key's first day is still to come.
    NotYet { kid: String, from: Date },
    /// The key was withdrawn.
    Revoked { kid: String, on: Date },
    /// The browser would not import it (an insecure page has no WebCrypto).
    Refused,
}

impl KeyProblem {
    /// The sentence the console shows.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let texts = ConsoleTexts::of(lang);
        match self {
            Self::NotAKey => texts.key_not_a_key.to_owned(),
            Self::OtherKind => texts.key_other_kind.to_owned(),
            Self::PublicOnly => texts.key_public_only.to_owned(),
            Self::Unknown { kid } => key_problem_unknown(kid, lang),
            Self::Mismatch { kid } => key_problem_mismatch(kid, lang),
            Self::NotYet { kid, from } => key_problem_not_yet(kid, &format_date(*from, lang), lang),
            Self::Revoked { kid, on } => key_problem_revoked(kid, &format_date(*on, lang), lang),
            Self::Refused => texts.key_refused.to_owned(),
        }
    }
}

/// The provider's key a JWK names (`kid`), where its public point (`x`, `y`, base64url) is that
/// key's and the key is in force `today`.
///
/// # Errors
/// [`KeyProblem`] saying why not.
pub fn check<'p>(
    kid: &str,
    x: &str,
    y: &str,
    provider: &'p Provider,
    certified: Option<&'p Staff>,
    today: Today,
) -> Result<(&'p Staff, &'p StaffKey), KeyProblem> {
    let (staff, key) = signer(kid, provider, certified).ok_or_else(|| KeyProblem::Unknown {
        kid: kid.to_owned(),
    })?;
    let (Some(x), Some(y)) = (signature::decode(x), signature::decode(y)) else {
        return Err(KeyProblem::OtherKind);
    };
    let point: Vec<u8> = [&[4u8][..], &x, &y].concat();
    if x.len() != 32 || y.len() != 32 || signature::encode(&point) != *key.public {
        return Err(KeyProblem::Mismatch {
            kid: kid.to_owned(),
        });
    }
    in_force(staff, key, today)
}

/// The key `kid` and whose it is: listed in the provider file, or certified by its roster.
fn signer<'p>(
    kid: &str,
    provider: &'p Provider,
    certified: Option<&'p Staff>,
) -> Option<(&'p Staff, &'p StaffKey)> {
    provider.key(kid).or_else(|| {
        let staff = certified?;
        Some((staff, staff.keys.iter().find(|k| k.id == kid)?))
    })
}

/// Who the provider's roster certifies for the key `kid` the provider file does not list.
async fn certify(kid: &str) -> Option<&'static Staff> {
    if provider().key(kid).is_some() {
        return None;
    }
    staff::certified_staff(kid).await
}

/// The key, where it may sign today.
fn in_force<'p>(
    staff: &'p Staff,
    key: &'p StaffKey,
    today: Today,
) -> Result<(&'p Staff, &'p StaffKey), KeyProblem> {
    let kid = key.id.to_string();
    if today.0 < key.valid_from {
        return Err(KeyProblem::NotYet {
            kid,
            from: key.valid_from,
        });
    }
    if let Some(on) = key.revoked.filter(|on| today.0 >= *on) {
        return Err(KeyProblem::Revoked { kid, on });
    }
    Ok((staff, key))
}

fn member(object: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

/// Overwrites a text that held a private key before its memory is given back.
fn wipe(text: String) {
    let mut bytes = text.into_bytes();
    bytes.fill(0);
    std::hint::black_box(&bytes);
}

/// The members of a chosen file that say what it is, as read (`kty`, `crv`, `kid`, `x`, `y`,
/// and whether it has the private `d`); for a file that is not a JSON object, nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyFile {
    pub kty: Option<String>,
    pub crv: Option<String>,
    pub kid: Option<String>,
    pub x: Option<String>,
    pub y: Option<String>,
    pub private: bool,
}

impl KeyFile {
    /// The key's id and public point, where the file is a signing key the console can use.
    ///
    /// # Errors
    /// [`KeyProblem`] saying what the file is instead.
    pub fn signing(&self) -> Result<(&str, &str, &str), KeyProblem> {
        if self.kty.is_none() {
            return Err(KeyProblem::NotAKey);
        }
        let (Some(kid), Some(x), Some(y), true, true) = (
            self.kid.as_deref(),
            self.x.as_deref(),
            self.y.as_deref(),
            self.kty.as_deref() == Some("EC"),
            self.crv.as_deref() == Some("P-256"),
        ) else {
            return Err(KeyProblem::OtherKind);
        };
        if !self.private {
            return Err(KeyProblem::PublicOnly);
        }
        Ok((kid, x, y))
    }
}

/// Reads, checks and imports a key file; remembers it on this device where asked and able.
async fn load(file: web_sys::File, remember: bool, today: Today) -> Result<Signer, KeyProblem> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| KeyProblem::NotAKey)?;
    let jwk = {
        let owned = text.as_string().ok_or(KeyProblem::NotAKey)?;
        let parsed = js_sys::JSON::parse(&owned);
        wipe(owned);
        parsed
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Object>().ok())
            .ok_or(KeyProblem::NotAKey)?
    };
    let read = KeyFile {
        kty: member(&jwk, "kty"),
        crv: member(&jwk, "crv"),
        kid: member(&jwk, "kid"),
        x: member(&jwk, "x"),
        y: member(&jwk, "y"),
        private: js_sys::Reflect::get(&jwk, &JsValue::from_str("d")).is_ok_and(|d| d.is_string()),
    };
    let (kid, x, y) = read.signing()?;
    let certified = certify(kid).await;
    let (staff, key) = check(kid, x, y, provider(), certified, today)?;
    let crypto = crypto::import_signing_key(&jwk).await;
    // The object is garbage once imported; its private member goes at once.
    let _ = js_sys::Reflect::delete_property(&jwk, &JsValue::from_str("d"));
    let crypto = crypto.ok_or(KeyProblem::Refused)?;
    let remembered = remember && keep(&key.id, &crypto).await;
    Ok(Signer {
        staff,
        key,
        crypto,
        remembered,
    })
}

/// Stores the key's handle and id on this device. IndexedDB clones a `CryptoKey` as it is,
/// unextractable: what is stored signs, and cannot be read either.
async fn keep(kid: &str, crypto: &CryptoKey) -> bool {
    let record = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        js_sys::Reflect::set(&record, &JsValue::from_str(name), value).is_ok()
    };
    set("kid", &JsValue::from_str(kid))
        && set("key", crypto)
        && store::put(store::KEYS, SIGNER, &record).await
}

/// The key remembered on this device, as stored: for the tests to prove it signs and cannot
/// be read out.
pub async fn remembered_key() -> Option<CryptoKey> {
    let record = store::get(store::KEYS, SIGNER).await?;
    js_sys::Reflect::get(&record, &JsValue::from_str("key"))
        .ok()?
        .dyn_into::<CryptoKey>()
        .ok()
}

/// The signer remembered on this device, while the provider file still lists their key and it
/// is in force; a key that no longer is, is forgotten.
async fn remembered(today: Today) -> Option<Signer> {
    let record = store::get(store::KEYS, SIGNER).await?;
    let kid = member(&record, "kid").unwrap_or_default();
    let crypto = remembered_key().await;
    let certified = certify(&kid).await;
    let listed = signer(&kid, provider(), certified)
        .and_then(|(staff, key)| in_force(staff, key, today).ok());
    match (listed, crypto) {
        (Some((staff, key)), Some(crypto)) => Some(Signer {
            staff,
            key,
            crypto,
            remembered: true,
        }),
        _ => {
            store::delete(store::KEYS, SIGNER).await;
            None
        }
    }
}

/// What the key card says besides who signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyStatus {
    /// Looking for a key remembered on this device.
    Starting,
    Idle,
    Reading,
    Refused(KeyProblem),
    /// Asked to remember, the device could not: kept for the session.
    NotRemembered,
    /// A key file just read and listed: said, since the form it replaces had the focus.
    Loaded,
    /// The key just forgotten on this device.
    Forgotten,
}

/// The signer and what to do with a key file, for the console.
pub struct UseSigner {
    pub signer: Option<Rc<Signer>>,
    pub status: KeyStatus,
    /// A key file chosen, and whether to remember it.
    pub on_file: Callback<(web_sys::File, bool)>,
    pub on_forget: Callback<()>,
    /// Remember the loaded key on this device (`true`) or keep it for the session only.
    pub on_remember: Callback<bool>,
}

/// The signer of this session: the remembered one on start, else whoever loads a key file.
#[hook]
pub fn use_signer(today: Today) -> UseSigner {
    let signer = use_state_eq(|| None::<Rc<Signer>>);
    let status = use_state_eq(|| KeyStatus::Starting);
    // Whether the salesperson has loaded or forgotten a key since the console opened: the
    // remembered key, read a moment later, then comes too late to replace theirs.
    let acted = use_mut_ref(|| false);
    {
        let (signer, status, acted) = (signer.setter(), status.setter(), acted.clone());
        use_effect_with((), move |()| {
            yew::platform::spawn_local(async move {
                let found = remembered(today).await;
                if *acted.borrow() {
                    return;
                }
                if let Some(found) = found {
                    signer.set(Some(Rc::new(found)));
                }
                status.set(KeyStatus::Idle);
            });
        });
    }
    let on_file = {
        let (signer, status, acted) = (signer.setter(), status.setter(), acted.clone());
        Callback::from(move |(file, remember): (web_sys::File, bool)| {
            let (signer, status) = (signer.clone(), status.clone());
            *acted.borrow_mut() = true;
            status.set(KeyStatus::Reading);
            yew::platform::spawn_local(async move {
                match load(file, remember, today).await {
                    Ok(loaded) => {
                        status.set(if remember && !loaded.remembered {
                            KeyStatus::NotRemembered
                        } else {
                            KeyStatus::Loaded
                        });
                        signer.set(Some(Rc::new(loaded)));
                    }
                    Err(problem) => status.set(KeyStatus::Refused(problem)),
                }
            });
        })
    };
    let on_remember = {
        let (current, set, status) = ((*signer).clone(), signer.setter(), status.setter());
        Callback::from(move |remember: bool| {
            let Some(current) = current.clone() else {
                return;
            };
            let (set, status) = (set.clone(), status.clone());
            yew::platform::spawn_local(async move {
                // Stored under the one name the console reads on start: switching on is what
                // loading with the box ticked would have done; off deletes it from the device.
                let remembered = if remember {
                    keep(&current.key.id, &current.crypto).await
                } else {
                    !store::delete(store::KEYS, SIGNER).await
                };
                status.set(if remember && !remembered {
                    KeyStatus::NotRemembered
                } else {
                    KeyStatus::Idle
                });
                set.set(Some(Rc::new(Signer {
                    remembered,
                    ..(*current).clone()
                })));
            });
        })
    };
    let on_forget = {
        let (signer, status) = (signer.setter(), status.setter());
        Callback::from(move |()| {
            *acted.borrow_mut() = true;
            signer.set(None);
            status.set(KeyStatus::Forgotten);
            yew::platform::spawn_local(async move {
                store::delete(store::KEYS, SIGNER).await;
            });
        })
    };
    UseSigner {
        signer: (*signer).clone(),
        status: (*status).clone(),
        on_file,
        on_forget,
        on_remember,
    }
}

#[derive(Properties, PartialEq)]
pub struct KeyCardProps {
    pub lang: Lang,
    pub signer: Option<Rc<Signer>>,
    pub status: KeyStatus,
    pub on_file: Callback<(web_sys::File, bool)>,
    pub on_forget: Callback<()>,
    pub on_remember: Callback<bool>,
}

/// Who signs, or where to load the key from.
#[component]
pub fn KeyCard(props: &KeyCardProps) -> Html {
    let KeyCardProps {
        lang,
        signer,
        status,
        on_file,
        on_forget,
        on_remember: on_remember_loaded,
    } = props;
    let (lang, texts) = (*lang, ConsoleTexts::of(*lang));
    let remember = use_state_eq(|| false);
    let on_remember = {
        let remember = remember.setter();
        Callback::from(move |e: Event| {
            remember.set(e.target_unchecked_into::<HtmlInputElement>().checked());
        })
    };
    let on_change = {
        let (on_file, remember) = (on_file.clone(), *remember);
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let file = input.files().and_then(|files| files.get(0));
            // The page keeps no trace of the file: the same file can be chosen again, too.
            input.set_value("");
            if let Some(file) = file {
                on_file.emit((file, remember));
            }
        })
    };
    // The control that had the focus is gone with the form or the card it was in: the focus goes
    // to what replaced it, the signer's name or the file to choose.
    use_effect_with(
        (status.clone(), signer.is_some()),
        |(status, _)| match status {
            KeyStatus::Loaded | KeyStatus::NotRemembered => browser::focus("console-signer"),
            KeyStatus::Forgotten => browser::focus("console-key-file"),
            _ => {}
        },
    );
    let status_line = match status {
        KeyStatus::Starting | KeyStatus::Idle => None,
        KeyStatus::Loaded => signer
            .as_ref()
            .map(|s| (key_loaded(&s.staff.name, lang), false)),
        KeyStatus::Forgotten => Some((texts.key_forgotten.to_owned(), false)),
        KeyStatus::Reading => Some((texts.reading_key.to_owned(), false)),
        KeyStatus::Refused(problem) => Some((problem.message(lang), true)),
        KeyStatus::NotRemembered => Some((texts.not_remembered.to_owned(), true)),
    };
    let status_line = html! {
        <p class={classes!("status", status_line.as_ref().filter(|(_, bad)| *bad).map(|_| "bad"))}
            role="status" data-testid="console-key-status">
            { status_line.map(|(text, _)| text).unwrap_or_default() }
        </p>
    };
    let body = match signer {
        Some(signer) => {
            let on_forget = on_forget.clone();
            let on_switch = {
                let on_remember = on_remember_loaded.clone();
                Callback::from(move |e: Event| {
                    on_remember.emit(e.target_unchecked_into::<HtmlInputElement>().checked());
                })
            };
            html! {
                <>
                    <p id="console-signer" data-testid="console-signer" class="signer" tabindex="-1">
                        <span class="help">{ texts.signed_in }</span>
                        <strong>{ &*signer.staff.name }</strong>
                        <span>{ signer.staff.title.get(lang) }</span>
                        <span class="help">
                            { format!("{} {} · {}", texts.key_id, signer.key.id,
                                if signer.remembered { texts.remembered } else { texts.session_only }) }
                        </span>
                    </p>
                    if signer.key.demo {
                        <p class="help demo">{ texts.demo_key }</p>
                    }
                    <label class="choice">
                        <input type="checkbox" data-testid="console-remember" checked={signer.remembered}
                            aria-describedby="console-remember-help" onchange={on_switch} />
                        <span>{ texts.remember_now }</span>
                    </label>
                    <p id="console-remember-help" class="help">{ texts.remember_now_help }</p>
                    <button type="button" data-testid="console-forget"
                        onclick={Callback::from(move |_: MouseEvent| on_forget.emit(()))}>{ texts.forget }</button>
                </>
            }
        }
        None => html! {
            <>
                <div class="field">
                    <label for="console-key-file">{ texts.key_file }</label>
                    <input id="console-key-file" data-testid="console-key-file" type="file"
                        accept=".jwk,.json,application/json" aria-describedby="console-key-help"
                        onchange={on_change} />
                    <p id="console-key-help" class="help">{ texts.key_help }</p>
                </div>
                <label class="choice">
                    <input type="checkbox" data-testid="console-remember" checked={*remember}
                        aria-describedby="console-remember-help" onchange={on_remember} />
                    <span>{ texts.remember }</span>
                </label>
                <p id="console-remember-help" class="help">{ texts.remember_help }</p>
            </>
        },
    };
    html! {
        <section class="console-card console-key" aria-labelledby="console-key-title"
            data-testid="console-key" data-state={if *status == KeyStatus::Starting { "starting" } else { "ready" }}>
            <h3 id="console-key-title">{ texts.key_title }</h3>
            { body }
            { status_line }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_file_is_named_for_what_it_is() {
        let signing = KeyFile {
            kty: Some("EC".into()),
            crv: Some("P-256".into()),
            kid: Some("SD-14cd3d".into()),
            x: Some(X.into()),
            y: Some(Y.into()),
            private: true,
        };
        assert_eq!(signing.signing(), Ok(("SD-14cd3d", X, Y)));
        for (file, problem) in [
            // A provider file, a draft, a photo: JSON without kty, or no JSON object at all.
            (KeyFile::default(), KeyProblem::NotAKey),
            (
                KeyFile {
                    private: false,
                    ..signing.clone()
                },
                KeyProblem::PublicOnly,
            ),
            (
                KeyFile {
                    kty: Some("RSA".into()),
                    ..signing.clone()
                },
                KeyProblem::OtherKind,
            ),
            (
                KeyFile {
                    crv: Some("P-384".into()),
                    ..signing.clone()
                },
                KeyProblem::OtherKind,
            ),
            (
                KeyFile {
                    kid: None,
                    ..signing.clone()
                },
                KeyProblem::OtherKind,
            ),
        ] {
            assert_eq!(file.signing(), Err(problem.clone()), "{file:?}");
        }
        // Each says what the file is and what to ask for, in both languages, without jargon.
        for problem in [
            KeyProblem::NotAKey,
            KeyProblem::OtherKind,
            KeyProblem::PublicOnly,
        ] {
            for lang in Lang::ALL {
                let text = problem.message(lang);
                assert!(text.contains(".jwk") && text.contains("operator"), "{text}");
                assert!(!text.contains("P-256") && !text.contains("JWK"), "{text}");
            }
        }
    }

    /// The demo key's public point, from tests/fixtures/demo-key.jwk.
    const X: &str = "IwPe2MaYO5oB7_pg9q4XpjMXgidU_7r32Yn0KkEp-R4";
    const Y: &str = "gcKmDiitAjAoQ1l5Kg2ZOh_CF-msCA9dCnSUcbep1TQ";

    #[test]
    fn a_key_file_is_checked_against_the_provider_file() {
        let today = Today(Date::parse("2026-11-28").expect("a date"));
        let (staff, key) = check("SD-14cd3d", X, Y, provider(), None, today).expect("the demo key");
        assert_eq!((&*staff.id, &*key.id), ("SD", "SD-14cd3d"));
        assert_eq!(
            check("SD-000000", X, Y, provider(), None, today),
            Err(KeyProblem::Unknown {
                kid: "SD-000000".into()
            })
        );
        // Another point under the demo key's id: y of the point is x's.
        assert_eq!(
            check("SD-14cd3d", X, X, provider(), None, today),
            Err(KeyProblem::Mismatch {
                kid: "SD-14cd3d".into()
            })
        );
        assert_eq!(
            check("SD-14cd3d", X, "!!", provider(), None, today),
            Err(KeyProblem::OtherKind)
        );
        let before = Today(Date::parse("2026-10-31").expect("a date"));
        assert_eq!(
            check("SD-14cd3d", X, Y, provider(), None, before),
            Err(KeyProblem::NotYet {
                kid: "SD-14cd3d".into(),
                from: Date::parse("2026-11-01").expect("a date"),
            })
        );
    }
}
