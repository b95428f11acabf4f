//! The salespeople the provider certified after this release (`roster`), as the page and the
//! console meet them: `staff.txt` read from beside the page (the service worker keeps the last
//! copy it saw, for offline reading), each line's signature checked by the provider's root key
//! with WebCrypto. A certified salesperson is kept for the page's life, once each.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::provider::{Staff, provider};
use crate::roster::{self, Certified};

thread_local! {
    /// Every salesperson met: a verdict holds them for as long as the page lives.
    static MET: RefCell<Vec<&'static Staff>> = const { RefCell::new(Vec::new()) };
}

/// The salesperson `staff` as the page keeps them: the one met before where nothing differs
/// (a certificate read twice is one person), else this one, kept for the page's life.
#[must_use]
pub fn keep(staff: Staff) -> &'static Staff {
    MET.with_borrow_mut(|met| {
        if let Some(known) = met.iter().find(|known| ***known == staff) {
            return *known;
        }
        let kept: &'static Staff = Box::leak(Box::new(staff));
        met.push(kept);
        kept
    })
}

/// The salesperson met with the key `key`, if any.
#[must_use]
pub fn met(key: &str) -> Option<&'static Staff> {
    MET.with_borrow(|met| {
        // The latest met: a roster read again may since have withdrawn the key.
        met.iter()
            .rev()
            .copied()
            .find(|s| s.keys.iter().any(|k| k.id == key))
    })
}

/// How many salespeople the page has met: a change says one more was certified.
#[must_use]
pub fn met_count() -> usize {
    MET.with_borrow(Vec::len)
}

/// The certificate of the key `key`, and when it was withdrawn, where the provider's roster certifies it (and says when it
/// was withdrawn): `None` where the provider has no root key, the roster cannot be read, or no
/// line for it holds.
pub async fn certified(key: &str) -> Option<Certified> {
    provider().root.as_ref()?;
    let text = read().await?;
    let roster = roster::read(&text, provider());
    let mut holds = Vec::new();
    for check in roster.checks(key) {
        holds.push(super::crypto::verify(check.public, check.signature, check.message).await);
    }
    roster.certificate(key, &holds)
}

/// The salesperson the provider's roster certifies for the key `key`, read and kept for the
/// page's life ([`keep`]): what the console's key card and its register need, and the page's
/// deferred module does not (it hands the certificate on, unread: see `deferred`).
pub async fn certified_staff(key: &str) -> Option<&'static Staff> {
    certified(key).await.and_then(|c| c.staff()).map(keep)
}

/// The roster's text, beside the page.
async fn read() -> Option<String> {
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(roster::FILE))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
