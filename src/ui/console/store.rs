//! The console's IndexedDB database, on this device only: the remembered key (a `CryptoKey`,
//! which IndexedDB stores as it is, never as bytes), the register of issued quotations and the
//! acceptances recorded.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransaction, IdbTransactionMode,
};

const NAME: &str = "biaya-bpo-console";
/// 2 added the acceptances.
const VERSION: u32 = 2;
/// The signer's key, under one name.
pub const KEYS: &str = "keys";
/// Issued links, in the order they were issued (keys counted up by IndexedDB).
pub const REGISTER: &str = "register";
/// Acceptances recorded, under their quotation's number: `number|day`.
pub const ACCEPTED: &str = "accepted";

/// The promise of an event handler pair: resolved by the first, rejected by the second.
async fn event(on: impl FnOnce(&js_sys::Function, &js_sys::Function)) -> bool {
    let mut on = Some(on);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(on) = on.take() {
            on(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await.is_ok()
}

/// What a request answers, once it has.
async fn answer(request: &IdbRequest) -> Option<JsValue> {
    let done = event(|resolve, reject| {
        request.set_onsuccess(Some(resolve));
        request.set_onerror(Some(reject));
    })
    .await;
    done.then(|| request.result().ok()).flatten()
}

/// Whether a transaction's writes are on disk.
async fn committed(transaction: &IdbTransaction) -> bool {
    event(|resolve, reject| {
        transaction.set_oncomplete(Some(resolve));
        transaction.set_onerror(Some(reject));
        transaction.set_onabort(Some(reject));
    })
    .await
}

/// The database, created on first use. `None` where the browser has no IndexedDB or refuses it
/// (some private modes): the console then works for the session only.
async fn open() -> Option<IdbDatabase> {
    let request = gloo::utils::window()
        .indexed_db()
        .ok()
        .flatten()?
        .open_with_u32(NAME, VERSION)
        .ok()?;
    let upgrading = request.clone();
    let upgrade = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|db| db.dyn_into::<IdbDatabase>().ok())
        else {
            return;
        };
        let names = db.object_store_names();
        if !names.contains(KEYS) {
            let _ = db.create_object_store(KEYS);
        }
        if !names.contains(ACCEPTED) {
            let _ = db.create_object_store(ACCEPTED);
        }
        if !names.contains(REGISTER) {
            let counted = IdbObjectStoreParameters::new();
            counted.set_auto_increment(true);
            let _ = db.create_object_store_with_optional_parameters(REGISTER, &counted);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = answer(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into::<IdbDatabase>().ok()
}

fn transaction(
    db: &IdbDatabase,
    store: &str,
    mode: IdbTransactionMode,
) -> Option<(IdbTransaction, web_sys::IdbObjectStore)> {
    let transaction = db.transaction_with_str_and_mode(store, mode).ok()?;
    let objects = transaction.object_store(store).ok()?;
    Some((transaction, objects))
}

/// The value stored under `key`, if any.
pub async fn get(store: &str, key: &str) -> Option<JsValue> {
    let db = open().await?;
    let (_, objects) = transaction(&db, store, IdbTransactionMode::Readonly)?;
    let value = answer(&objects.get(&JsValue::from_str(key)).ok()?).await;
    db.close();
    value.filter(|v| !v.is_undefined())
}

/// Every value of `store`, in the order of their keys.
pub async fn all(store: &str) -> Vec<JsValue> {
    let Some(db) = open().await else {
        return Vec::new();
    };
    let values = match transaction(&db, store, IdbTransactionMode::Readonly)
        .and_then(|(_, objects)| objects.get_all().ok())
    {
        Some(request) => answer(&request).await,
        None => None,
    };
    db.close();
    values
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// Writes, and waits until the write is committed: `put` under `key`, `add` under the next
/// counted key (`key` `None`), `delete` (`value` `None`).
async fn write(store: &str, key: Option<&str>, value: Option<&JsValue>) -> bool {
    let Some(db) = open().await else {
        return false;
    };
    let Some((transaction, objects)) = transaction(&db, store, IdbTransactionMode::Readwrite)
    else {
        db.close();
        return false;
    };
    let key = key.map(JsValue::from_str);
    let request = match (&key, value) {
        (Some(key), Some(value)) => objects.put_with_key(value, key),
        (None, Some(value)) => objects.add(value),
        (Some(key), None) => objects.delete(key),
        (None, None) => Err(JsValue::NULL),
    };
    let done = request.is_ok() && committed(&transaction).await;
    db.close();
    done
}

/// Stores `value` under `key`.
pub async fn put(store: &str, key: &str, value: &JsValue) -> bool {
    write(store, Some(key), Some(value)).await
}

/// Stores `value` after the others.
pub async fn add(store: &str, value: &JsValue) -> bool {
    write(store, None, Some(value)).await
}

/// Deletes what is stored under `key`.
pub async fn delete(store: &str, key: &str) -> bool {
    write(store, Some(key), None).await
}
