//! The few browser facts the page reads and writes: the visitor's language preference.

use crate::i18n::Lang;

const LANG_KEY: &str = "biaya-bpo.lang";

fn storage() -> Option<web_sys::Storage> {
    // Private modes may refuse storage: the page works without it.
    gloo::utils::window().local_storage().ok().flatten()
}

/// The language chosen on an earlier visit, else the browser's.
#[must_use]
pub fn initial_lang() -> Lang {
    let remembered = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code));
    remembered.unwrap_or_else(|| {
        let tags: Vec<String> = gloo::utils::window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .collect();
        Lang::from_preferences(tags.iter().map(String::as_str))
    })
}

/// Remembers the choice and tells the document, for screen readers and hyphenation.
pub fn show_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}
