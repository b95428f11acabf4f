//! A provider's folder: the example ships valid; every mistake in a provider file is refused with
//! the file, the line, the field and what it expects, as the build refuses it; a real provider's
//! file may not hold the demo key, and a key id must be its key's.

use std::path::{Path, PathBuf};

use biaya_bpo::provider::file::{self, FileError};
use biaya_bpo::provider::{Colours, DEMO_PUBLIC, DEMO_PUBLICS, Rgb, example};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("providers")
        .join(name)
}

fn text() -> String {
    std::fs::read_to_string(dir("example").join("provider.toml")).expect("the example's file")
}

fn beside(name: &str) -> Option<String> {
    std::fs::read_to_string(dir("example").join(name)).ok()
}

/// The line, from 1, where `needle` first appears in `text`: counted here, not by the code.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in the file"));
    text[..at].matches('\n').count() + 1
}

/// The example's file with `from` replaced by `to`, refused.
fn refused(from: &str, to: &str) -> (String, FileError) {
    let original = text();
    let broken = original.replacen(from, to, 1);
    assert_ne!(broken, original, "{from:?} is in the example's file");
    let error = file::parse(&broken, "providers/acme/provider.toml", beside)
        .expect_err(&format!("{to:?} is refused"));
    (broken, error)
}

#[test]
fn the_example_provider_is_fictional_and_says_so() {
    let p = example();
    assert!(p.example);
    assert!(p.legal_name.starts_with("PT "));
    assert!(p.email.ends_with(".example") && p.website.ends_with(".example"));
    assert!(p.npwp.bytes().filter(u8::is_ascii_digit).all(|b| b == b'0'));
    assert!(text().contains("FICTIONAL EXAMPLE PROVIDER"));
    assert!(!p.staff.is_empty());
}

#[test]
fn a_mistake_names_the_file_the_line_the_field_and_what_it_expects() {
    // (replace, with, the line's text in the broken file, the field, words of the sentence)
    let cases: &[(&str, &str, &str, &str, &[&str])] = &[
        // A type: a decimal written as a number.
        (
            "max_discount = \"0.05\"",
            "max_discount = 0.05",
            "max_discount = 0.05",
            "staff[BP].max_discount",
            &[
                "expects a decimal written as a string",
                "max_discount = \"0.05\"",
            ],
        ),
        // A type: a date written as a TOML date.
        (
            "valid_from = \"2026-11-01\"",
            "valid_from = 2026-11-01",
            "valid_from = 2026-11-01",
            "staff[SD].keys[SD-14cd3d].valid_from",
            &["expects", "valid_from = \"2026-11-01\""],
        ),
        // A type: a flag written as text.
        (
            "example = true",
            "example = \"yes\"",
            "example = \"yes\"",
            "example",
            &["expects a boolean"],
        ),
        // A typo in a field's name.
        (
            "brand_colour = \"#0c5a61\"",
            "brand_color = \"#0c5a61\"",
            "brand_color =",
            "brand_color",
            &["is not a field of the provider file", "brand_colour"],
        ),
        // A typo in a salesperson's field, and in a key's.
        (
            "max_discount = \"0.05\"",
            "max_discont = \"0.05\"",
            "max_discont",
            "staff[BP].max_discont",
            &["is not a field of the provider file", "max_discount"],
        ),
        (
            "valid_from = \"2026-11-01\"",
            "valid_form = \"2026-11-01\"",
            "valid_form",
            "staff[SD].keys[SD-14cd3d].valid_form",
            &["is not a field of the provider file", "valid_from"],
        ),
        // Values the checks refuse, at their own line.
        (
            "whatsapp = \"6281100000000\"",
            "whatsapp = \"+62 811 000\"",
            "whatsapp = \"+62 811 000\"",
            "whatsapp",
            &["international number, digits only"],
        ),
        (
            "brand_colour = \"#0c5a61\"",
            "brand_colour = \"teal\"",
            "brand_colour = \"teal\"",
            "brand_colour",
            &["#rrggbb", "\"teal\""],
        ),
        (
            "npwp = \"00.000.000.0-000.000\"",
            "npwp = \"12345\"",
            "npwp = \"12345\"",
            "npwp",
            &["15 or 16 digits"],
        ),
        (
            "page_url = \"https://nusa-layanan.example/biaya/\"",
            "page_url = \"http://nusa-layanan.example/biaya/\"",
            "page_url = \"http:",
            "page_url",
            &["https://"],
        ),
        (
            "max_discount = \"0.05\"",
            "max_discount = \"1.5\"",
            "max_discount = \"1.5\"",
            "staff[BP].max_discount",
            &["fraction from 0 up to 1"],
        ),
        // The second salesperson given the first's id: at that id.
        (
            "id = \"BP\"",
            "id = \"SD\"",
            "id = \"SD\"\nname = \"Budi",
            "staff[SD]",
            &["used twice"],
        ),
        // Not TOML: a text never closed.
        (
            "legal_name = \"PT Nusa Layanan Contoh\"",
            "legal_name = \"PT Nusa Layanan Contoh",
            "legal_name = ",
            "legal_name",
            &["not valid TOML"],
        ),
    ];
    for &(from, to, at, field, words) in cases {
        let (broken, error) = refused(from, to);
        assert_eq!(error.file, "providers/acme/provider.toml", "{to}");
        assert_eq!(error.line, Some(line_of(&broken, at)), "{to}: {error}");
        assert_eq!(error.field, field, "{to}: {error}");
        for word in words {
            assert!(error.problem.contains(word), "{to}: {error}");
        }
        // One line a person reads: the file and line first, as editors and terminals link them.
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!(
                "providers/acme/provider.toml:{}: {field}: ",
                line_of(&broken, at)
            )),
            "{shown}"
        );
        assert!(!shown.contains('\n'), "{shown}");
    }
}

#[test]
fn a_missing_field_says_which_and_where_its_entry_is() {
    let (_, error) = refused("legal_name = \"PT Nusa Layanan Contoh\"\n", "");
    assert_eq!(error.field, "legal_name");
    assert!(error.problem.contains("is missing"), "{error}");
    let (_, error) = refused("email = \"budi.pratama@nusa-layanan.example\"\n", "");
    assert_eq!(error.field, "staff[BP].email", "{error}");
    assert!(error.problem.contains("is missing"), "{error}");
    let (_, error) = refused(&format!("public = \"{DEMO_PUBLIC}\"\n"), "");
    assert_eq!(error.field, "staff[SD].keys[SD-14cd3d].public", "{error}");
    assert!(error.problem.contains("is missing"), "{error}");
}

#[test]
fn a_key_pasted_above_its_salesperson_is_explained() {
    let original = text();
    let start = original
        .find("[[staff.keys]]")
        .expect("the demo key's block");
    let end = original[start..]
        .find("\n\n")
        .map(|e| start + e)
        .expect("its end");
    let block = &original[start..end];
    // The block moved above the first [[staff]], where a hurried paste puts it.
    let without = original.replacen(block, "", 1);
    let first = without.find("[[staff]]").expect("a salesperson");
    let broken = format!("{}{block}\n\n{}", &without[..first], &without[first..]);
    let error = file::parse(&broken, "provider.toml", beside).expect_err("refused");
    assert_eq!(error.line, Some(line_of(&broken, "[[staff.keys]]")));
    assert_eq!(error.field, "staff.keys");
    assert!(
        error.problem.contains("comes before any [[staff]]")
            && error.problem.contains("after their [[staff]] entry"),
        "{error}"
    );
}

#[test]
fn a_real_provider_may_not_keep_the_demo_key() {
    // Marked as no longer the example: the demo key's block stops the build, with or without
    // its `demo = true`.
    for without_mark in [false, true] {
        let mut broken = text().replacen("example = true", "example = false", 1);
        if without_mark {
            broken = broken.replacen("demo = true\n", "", 1);
        }
        let error = file::parse(&broken, "provider.toml", beside).expect_err("refused");
        assert_eq!(error.field, "staff[SD].keys[SD-14cd3d]", "{error}");
        assert_eq!(error.line, Some(line_of(&broken, "id = \"SD-14cd3d\"")));
        assert!(error.problem.contains("is the demo key"), "{error}");
    }
    // Budi Pratama's demo key too, its mark taken off and Sari Dewi's block gone.
    let broken = text()
        .replacen("example = true", "example = false", 1)
        .replace("demo = true\n", "");
    let start = broken
        .find("[[staff.keys]]\nid = \"SD-14cd3d\"")
        .expect("her block");
    let end = start + broken[start..].find("\n\n").expect("its end");
    let only_budi = format!("{}{}", &broken[..start], &broken[end..]);
    let error = file::parse(&only_budi, "provider.toml", beside).expect_err("refused");
    assert_eq!(error.field, "staff[BP].keys[BP-740312]", "{error}");
    assert!(error.problem.contains("is the demo key"), "{error}");
    // A key of its own is not the demo key, whatever it says.
    let (_, error) = refused(
        "demo = true",
        "demo = true\n[[staff.keys]]\nid = \"SD-000000\"\npublic = \"BAAA\"\nvalid_from = \"2026-11-01\"\ndemo = true",
    );
    assert!(
        error.field.starts_with("staff[SD].keys[SD-000000]"),
        "{error}"
    );
}

#[test]
fn a_key_id_must_be_its_keys() {
    // One character off in the public key, or in the id: they no longer belong together.
    let public_typo = DEMO_PUBLIC.replacen("BCMD3", "BCMD4", 1);
    for (from, to, field) in [
        (
            DEMO_PUBLIC,
            public_typo.as_str(),
            "staff[SD].keys[SD-14cd3d]",
        ),
        (
            "id = \"SD-14cd3d\"",
            "id = \"SD-14cd3e\"",
            "staff[SD].keys[SD-14cd3e]",
        ),
    ] {
        let (broken, error) = refused(from, to);
        assert_eq!(error.field, field, "{error}");
        assert_eq!(error.line, Some(line_of(&broken, "id = \"SD-14cd3")));
        assert!(
            error.problem.contains("does not match the public key"),
            "{error}"
        );
    }
    // SHA-256 of the demo point begins 14 cd 3d: its id is SD-14cd3d.
    assert_eq!(
        file::key_id("SD", DEMO_PUBLIC).as_deref(),
        Some("SD-14cd3d")
    );
    // The block pasted under another salesperson.
    let original = text();
    let start = original
        .find("[[staff.keys]]")
        .expect("the demo key's block");
    let end = original[start..]
        .find("\n\n")
        .map(|e| start + e)
        .expect("its end");
    let block = original[start..end].to_owned();
    let broken = format!("{}\n{block}\n", original.replacen(&block, "", 1));
    let error = file::parse(&broken, "provider.toml", beside).expect_err("refused");
    assert_eq!(error.field, "staff[BP].keys[SD-14cd3d]", "{error}");
    assert!(error.problem.contains("another salesperson"), "{error}");
}

#[test]
fn a_logo_may_begin_with_an_xml_declaration_and_comments() {
    let logo = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Drawn in Inkscape -->\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><!-- a square --><rect width=\"4\" height=\"4\"/></svg>\n";
    let folder = file::parse(&text(), "provider.toml", |name| {
        if name == "logo.svg" {
            Some(logo.to_owned())
        } else {
            beside(name)
        }
    })
    .expect("accepted");
    assert_eq!(
        folder.provider.logo,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\"/></svg>"
    );
}

#[test]
fn a_logo_the_page_could_not_draw_under_its_policy_is_refused() {
    let text = text();
    for svg in [
        "<svg viewBox=\"0 0 1 1\"><script>alert(1)</script></svg>",
        "<svg viewBox=\"0 0 1 1\" onload=\"alert(1)\"></svg>",
        "<svg viewBox=\"0 0 1 1\"><rect style=\"fill:red\"/></svg>",
        "<svg viewBox=\"0 0 1 1\"><image href=\"https://example.com/x.png\"/></svg>",
        "<svg><rect/></svg>",
        "<png/>",
    ] {
        let error = file::parse(&text, "provider.toml", |name| {
            if name == "logo.svg" {
                Some(svg.to_owned())
            } else {
                beside(name)
            }
        })
        .expect_err(svg);
        assert_eq!(error.field, "logo", "{svg}");
        assert_eq!(error.line, Some(line_of(&text, "logo = ")), "{svg}");
    }
    let error = file::parse(&text, "provider.toml", |_| None).expect_err("no file");
    assert_eq!(error.field, "logo");
    assert!(error.problem.contains("\"logo.svg\""), "{error}");
    let error = file::parse(&text, "provider.toml", |name| {
        (name != "favicon.svg").then(|| beside(name)).flatten()
    })
    .expect_err("no favicon");
    assert_eq!(error.field, "favicon");
}

#[test]
fn colours_must_read_where_the_page_uses_them() {
    // WCAG 2 contrast, worked from the luminances: white 1.0 against black 0.0 is 21:1; the
    // example's brand #0c5a61 has luminance 0.0813, (1.05)/(0.1313) = 8.0:1 with white.
    assert!((Rgb::WHITE.contrast(Rgb::BLACK) - 21.0).abs() < 1e-9);
    let brand = Rgb::parse("#0c5a61").expect("a colour");
    assert!(
        (brand.contrast(Rgb::WHITE) - 8.0).abs() < 0.1,
        "{}",
        brand.contrast(Rgb::WHITE)
    );
    for (from, to, field, words) in [
        // #7fb8bc: 2.2:1 with white, too light for white text.
        (
            "brand_colour = \"#0c5a61\"",
            "brand_colour = \"#7fb8bc\"",
            "brand_colour",
            "too light for the white text",
        ),
        (
            "tint_colour = \"#e6f2f2\"",
            "tint_colour = \"#5a9a9f\"",
            "tint_colour",
            "too dark",
        ),
        (
            "chart_colour = \"#5a9a9f\"",
            "chart_colour = \"#e6f2f2\"",
            "chart_colour",
            "too light to see",
        ),
        (
            "chart_colour = \"#5a9a9f\"",
            "chart_colour = \"#0c5a62\"",
            "chart_colour",
            "too close to brand_colour",
        ),
        // Written twice, as a hurried paste does.
        (
            "tint_colour = \"#e6f2f2\"",
            "tint_colour = \"#e6f2f2\"\ntint_colour = \"#e6f2f3\"",
            "tint_colour",
            "written twice",
        ),
    ] {
        let (_, error) = refused(from, to);
        assert_eq!(error.field, field, "{to}: {error}");
        assert!(error.problem.contains(words), "{to}: {error}");
    }
}

#[test]
fn every_provider_folder_beside_the_example_is_valid_and_real() {
    let mut real = 0;
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("providers"))
        .expect("providers/")
    {
        let path = entry.expect("readable").path();
        let folder = file::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let p = &folder.provider;
        if path.ends_with("example") {
            assert!(p.example);
            continue;
        }
        real += 1;
        assert!(!p.example, "{}", path.display());
        // Not the example's identity, and no key whose private half is public.
        assert_ne!(p.name, example().name);
        assert_ne!(p.quote_prefix, example().quote_prefix);
        for person in p.staff.iter() {
            for key in person.keys.iter() {
                assert!(
                    !key.demo && !DEMO_PUBLICS.contains(&&*key.public),
                    "{}",
                    key.id
                );
                assert!(key.id.starts_with(&format!("{}-", person.id)), "{}", key.id);
            }
        }
    }
    assert!(real >= 1, "a real provider's folder beside the example");
}

#[test]
fn the_style_sheets_are_written_with_the_example_colours_the_build_replaces() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let sheets: String = ["app.css", "more.css", "console.css"]
        .iter()
        .map(|name| std::fs::read_to_string(root.join(name)).expect("a style sheet"))
        .collect();
    for colour in Colours::EXAMPLE {
        assert!(sheets.contains(colour), "{colour} in the style sheets");
    }
    // The example's sheets stay as written; Karya Kontak's brand takes the place of the teal.
    let example_colours = example().colours().expect("valid");
    assert_eq!(
        example_colours.sheet().map(|c| c.to_string()),
        Colours::EXAMPLE.map(str::to_owned)
    );
    let karya = file::read(&dir("karya-kontak")).expect("valid").provider;
    let sheet = karya.colours().expect("valid").sheet();
    assert_eq!(sheet[0].to_string(), "#3b2f80");
    // The hover colour is the brand a fifth darker: 0x3b × 0.8 = 47.2 → 0x2f.
    assert_eq!(sheet[3].to_string(), "#2f2666");
}

#[test]
fn a_real_provider_may_not_keep_the_demo_root_key() {
    // Without the example's demo staff key, so that the root key is what is left to refuse.
    let broken = text()
        .replacen("example = true", "example = false", 1)
        .replacen(
            "[[staff.keys]]\nid = \"SD-14cd3d\"",
            "[[staff.keys]]\nid = \"SD-14cd3d-gone\"",
            1,
        );
    // Both demo staff keys' blocks out (Sari Dewi's and Budi Pratama's).
    let cut = |text: &str, id: &str| {
        let start = text
            .find(&format!("[[staff.keys]]\nid = \"{id}\""))
            .expect("the block");
        let end = start + text[start..].find("demo = true\n").expect("its mark") + 12;
        format!("{}{}", &text[..start], &text[end..])
    };
    let without_demo_key = cut(&cut(&broken, "SD-14cd3d-gone"), "BP-740312");
    for text in [
        without_demo_key.clone(),
        without_demo_key.replacen("demo = true\n", "", 1),
    ] {
        let error = file::parse(&text, "provider.toml", beside).expect_err("refused");
        assert_eq!(error.field, "root", "{error}");
        assert!(error.problem.contains("demo root key"), "{error}");
    }
}

#[test]
fn a_root_key_id_must_be_its_keys() {
    let typo = text().replacen("id = \"ROOT-7b18e7\"", "id = \"ROOT-7b18e8\"", 1);
    let error = file::parse(&typo, "provider.toml", beside).expect_err("refused");
    assert_eq!(error.field, "root.id", "{error}");
    assert_eq!(error.line, Some(line_of(&typo, "[root]")));
}
