//! The browser's WebCrypto, for signed quotations: ECDSA P-256 over SHA-256 with raw r‖s
//! signatures, the same operations the quote tool does with RustCrypto's p256 (see `signature`).
//! No cryptography crate is compiled into the page.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, EcKeyImportParams, EcdsaParams, SubtleCrypto};

/// WebCrypto, where the page has it: browsers offer it only to secure pages (https, or this
/// machine's own address).
fn subtle() -> Option<SubtleCrypto> {
    Some(gloo::utils::window().crypto().ok()?.subtle())
}

fn ecdsa_key() -> EcKeyImportParams {
    let algorithm = EcKeyImportParams::new("ECDSA");
    algorithm.set_named_curve("P-256");
    algorithm
}

fn ecdsa() -> EcdsaParams {
    EcdsaParams::new_with_str("ECDSA", "SHA-256")
}

async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

/// Whether `signature` (r‖s, 64 bytes) is the signature of `message` by the P-256 key whose
/// uncompressed point is `public`. `false` also where the browser cannot check.
pub async fn verify(public: &[u8], signature: &[u8], message: &str) -> bool {
    let Some(subtle) = subtle() else {
        return false;
    };
    let usages = js_sys::Array::of1(&JsValue::from_str("verify"));
    let point = js_sys::Uint8Array::from(public);
    let Some(key) =
        settle(subtle.import_key_with_object("raw", &point, &ecdsa_key(), false, &usages))
            .await
            .and_then(|key| key.dyn_into::<CryptoKey>().ok())
    else {
        return false;
    };
    settle(subtle.verify_with_object_and_u8_array_and_u8_array(
        &ecdsa(),
        &key,
        signature,
        message.as_bytes(),
    ))
    .await
    .and_then(|answer| answer.as_bool())
    .unwrap_or(false)
}

/// A salesperson's private key from its JWK (an object `JSON.parse` made), imported for signing
/// only and never readable again (`extractable` false): WebCrypto keeps its bytes, the page holds
/// a handle. `None` where the browser refuses it (not a P-256 private key, an insecure page).
pub async fn import_signing_key(jwk: &js_sys::Object) -> Option<CryptoKey> {
    let subtle = subtle()?;
    let usages = js_sys::Array::of1(&JsValue::from_str("sign"));
    settle(subtle.import_key_with_object("jwk", jwk, &ecdsa_key(), false, &usages))
        .await?
        .dyn_into::<CryptoKey>()
        .ok()
}

/// The signature of `message` by `key`: r‖s, 64 bytes, as `verify` and the quote tool read it.
pub async fn sign(key: &CryptoKey, message: &str) -> Option<Vec<u8>> {
    let subtle = subtle()?;
    let signed =
        settle(subtle.sign_with_object_and_u8_array(&ecdsa(), key, message.as_bytes())).await?;
    let bytes = js_sys::Uint8Array::new(&signed).to_vec();
    (bytes.len() == 64).then_some(bytes)
}
