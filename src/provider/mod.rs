//! The provider whose page this is: see `model`. The build script reads the provider's folder
//! (`BIAYA_PROVIDER_DIR`, `providers/example` unless set) with `file`, checks it and compiles it
//! in; a provider read from a folder at run time (the quote tool's `--provider`) is checked the
//! same way.

#[cfg(feature = "cli")]
pub mod file;
mod model;

use std::borrow::Cow;

pub use model::{
    Colours, DEMO_BP_PUBLIC, DEMO_PUBLIC, DEMO_PUBLICS, DEMO_ROOT_PUBLIC, Provider, ProviderError,
    Rgb, RootKey, Staff, StaffKey, Terms, svg,
};

// The source the build script writes names these types, `Cow` and `Decimal` bare.
#[allow(unused_imports)]
use crate::calendar::Date;
#[allow(unused_imports)]
use crate::tariff::Text;
#[allow(unused_imports)]
use rust_decimal::Decimal;

/// The provider's folder the build read, checked and written out as Rust by the build script.
static BUNDLED: Provider = include!(concat!(env!("OUT_DIR"), "/provider.rs"));

/// The provider this release is built for (natively: or the one [`choose`] chose; in the
/// library's own tests, the example).
#[must_use]
pub fn provider() -> &'static Provider {
    #[cfg(test)]
    return &EXAMPLE;
    #[cfg(all(not(test), not(target_arch = "wasm32")))]
    if let Some(chosen) = CHOSEN.get() {
        return chosen;
    }
    #[allow(unreachable_code)]
    &BUNDLED
}

/// The example provider (`providers/example`), whatever the release is built for: the fixture
/// the native tests hold to, with its demo key. Never in the page.
#[cfg(not(target_arch = "wasm32"))]
static EXAMPLE: Provider = include!(concat!(env!("OUT_DIR"), "/example.rs"));

/// The example provider, `providers/example`, as the build read it.
#[cfg(not(target_arch = "wasm32"))]
#[must_use]
pub fn example() -> &'static Provider {
    &EXAMPLE
}

static CHOSEN: std::sync::OnceLock<&'static Provider> = std::sync::OnceLock::new();

/// Natively, makes `chosen` this process's provider in place of the one built in: the quote
/// tool's `--provider <folder>`, and the tests' fixture. Once a process: false when another was
/// chosen before. The page (WebAssembly) never reads it.
pub fn choose(chosen: &'static Provider) -> bool {
    CHOSEN.get_or_init(|| chosen) == &chosen
}

/// The example provider, with this process held to it ([`choose`]): what a native test that
/// reads the example's names, staff or demo key calls first, so that it holds whatever provider
/// the build is for.
#[cfg(not(target_arch = "wasm32"))]
#[must_use]
pub fn fixture() -> &'static Provider {
    choose(&EXAMPLE);
    &EXAMPLE
}

/// The favicon of the provider this release is built for: the post-build step writes it out.
#[cfg(feature = "prerender")]
pub const FAVICON: &str = include_str!(concat!(env!("OUT_DIR"), "/favicon.svg"));

/// What `encodeURIComponent` leaves as it is: WhatsApp and mail programs decode exactly that.
const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

fn component(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, COMPONENT).to_string()
}

/// A WhatsApp chat with `text` typed in, to `number` (international form) or, without one, to
/// whoever the visitor picks. The text is percent-encoded whole: a link inside it keeps its `#`
/// as `%23`, or WhatsApp would take the estimate for its own fragment and drop it.
#[must_use]
pub fn whatsapp(number: Option<&str>, text: &str) -> String {
    format!(
        "https://wa.me/{}?text={}",
        number.unwrap_or_default(),
        component(text)
    )
}

/// An e-mail to `address` with its subject and body filled in.
#[must_use]
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{address}?subject={}&body={}",
        component(subject),
        component(body)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a query value back as a browser's `decodeURIComponent` would.
    fn query(url: &str, key: &str) -> String {
        let value = url
            .split_once('?')
            .and_then(|(_, q)| {
                q.split('&')
                    .find_map(|p| p.strip_prefix(&format!("{key}=")))
            })
            .unwrap_or_default();
        percent_encoding::percent_decode_str(value)
            .decode_utf8_lossy()
            .into_owned()
    }

    #[test]
    fn a_link_inside_a_whatsapp_message_keeps_its_estimate() {
        let link = "https://nusa-layanan.example/biaya/#v=1&t=2026-11&s=jakarta&sales=0.25&z=1";
        let text = format!("Halo, saya ingin bertanya tentang estimasi ini: {link}");
        let url = whatsapp(Some("6281100000000"), &text);
        assert!(url.starts_with("https://wa.me/6281100000000?text=Halo%2C%20saya"));
        // Nothing after `text=` could end the parameter or start a fragment of wa.me's own.
        let (_, encoded) = url.split_once("?text=").expect("a text");
        assert!(!encoded.contains(['#', '&', '?', ' ', '=']), "{encoded}");
        assert!(encoded.contains("%23v%3D1%26t%3D2026-11"), "{encoded}");
        assert_eq!(query(&url, "text"), text);
        assert!(whatsapp(None, "x").starts_with("https://wa.me/?text="));
    }

    #[test]
    fn an_email_carries_its_subject_and_body() {
        let url = mailto(
            "sales@nusa-layanan.example",
            "Penawaran NLY/SD/2026/11/0007",
            "A & B\n#1",
        );
        assert!(url.starts_with("mailto:sales@nusa-layanan.example?subject="));
        assert_eq!(query(&url, "subject"), "Penawaran NLY/SD/2026/11/0007");
        assert_eq!(query(&url, "body"), "A & B\n#1");
    }

    #[test]
    fn the_example_is_the_folder_in_providers() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("providers/example");
        let folder = file::read(&dir).expect("valid");
        assert_eq!(*example(), folder.provider);
        assert!(example().example && example().key("SD-14cd3d").is_some());
    }
}
