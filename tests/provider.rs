//! The provider file: the example ships valid, and a file with a mistake is refused naming the
//! field, as the build refuses it.

use std::path::Path;

use biaya_bpo::provider::{Provider, provider};

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tariffs")
}

fn file() -> String {
    std::fs::read_to_string(dir().join("provider.toml")).expect("tariffs/provider.toml")
}

fn logo(name: &str) -> Option<String> {
    std::fs::read_to_string(dir().join(name))
        .ok()
        .map(|s| s.trim().to_owned())
}

#[test]
fn the_example_provider_is_fictional_and_says_so() {
    let p = provider();
    assert!(p.example);
    assert!(p.legal_name.starts_with("PT "));
    assert!(p.email.ends_with(".example") && p.website.ends_with(".example"));
    assert!(p.npwp.bytes().filter(u8::is_ascii_digit).all(|b| b == b'0'));
    assert!(file().contains("FICTIONAL EXAMPLE PROVIDER"));
    assert!(!p.staff.is_empty());
}

#[test]
fn a_provider_file_with_a_mistake_is_refused_naming_the_field() {
    let text = file();
    for (from, to, field) in [
        (
            "whatsapp = \"6281100000000\"",
            "whatsapp = \"+62 811 000\"",
            "whatsapp",
        ),
        (
            "whatsapp = \"6281100000000\"",
            "whatsapp = \"081100000000\"",
            "whatsapp",
        ),
        (
            "brand_colour = \"#0c5a61\"",
            "brand_colour = \"teal\"",
            "brand_colour",
        ),
        (
            "npwp = \"00.000.000.0-000.000\"",
            "npwp = \"12345\"",
            "npwp",
        ),
        (
            "page_url = \"https://nusa-layanan.example/biaya/\"",
            "page_url = \"http://nusa-layanan.example/biaya\"",
            "page_url",
        ),
        (
            "email = \"sales@nusa-layanan.example\"",
            "email = \"sales\"",
            "email",
        ),
        (
            "quote_prefix = \"NLY\"",
            "quote_prefix = \"NLY/2026\"",
            "quote_prefix",
        ),
        ("id = \"BP\"", "id = \"SD\"", "staff[SD]"),
        (
            "max_discount = \"0.05\"",
            "max_discount = \"1.5\"",
            "staff[BP].max_discount",
        ),
        (
            "indexation = { id = \"Harga",
            "indexation = { id = \" \", en = \"x\" }\nx = { id = \"Harga",
            "file",
        ),
    ] {
        let broken = text.replacen(from, to, 1);
        assert_ne!(broken, text, "{from}");
        let error = Provider::parse(&broken, logo).expect_err(from);
        assert!(error.field.starts_with(field), "{to}: {error}");
    }
}

#[test]
fn a_logo_the_page_could_not_draw_under_its_policy_is_refused() {
    let text = file();
    for svg in [
        "<svg viewBox=\"0 0 1 1\"><script>alert(1)</script></svg>",
        "<svg viewBox=\"0 0 1 1\" onload=\"alert(1)\"></svg>",
        "<svg viewBox=\"0 0 1 1\"><rect style=\"fill:red\"/></svg>",
        "<svg viewBox=\"0 0 1 1\"><image href=\"https://example.com/x.png\"/></svg>",
        "<svg><rect/></svg>",
        "<png/>",
    ] {
        let error = Provider::parse(&text, |_| Some(svg.to_owned())).expect_err(svg);
        assert_eq!(error.field, "logo", "{svg}");
    }
    let error = Provider::parse(&text, |_| None).expect_err("no file");
    assert_eq!(error.field, "logo");
}
