//! The links the documentation shows: every estimate link in README.md and in docs/, of any
//! format (`v=1&…`, `v=2&…`, signed or not), opens with nothing lost and prices. A reader who
//! pastes one gets what the text says. (tests/link.rs checks the README's format-1 links too.)

use std::path::Path;

use biaya_bpo::estimate::estimate;
use biaya_bpo::link;
use biaya_bpo::tariff::catalogue;

/// Every link in `text`: from `v=<digits>&` to the first space, back-tick, bracket or quote.
fn links(text: &str) -> Vec<&str> {
    text.match_indices("v=")
        .filter(|(at, _)| {
            // `v=` starts a link's first field: not inside a word or after another field.
            let before = text[..*at].chars().next_back();
            let starts = before.is_none_or(|c| !c.is_alphanumeric() && !"&_-".contains(c));
            let rest = &text[at + 2..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            starts && digits > 0 && rest[digits..].starts_with('&')
        })
        .map(|(at, _)| {
            let rest = &text[at..];
            let end = rest
                .find(|c: char| c.is_whitespace() || "`)\"'<>".contains(c))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

fn documents() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    let mut docs: Vec<_> = std::fs::read_dir(root.join("docs"))
        .expect("docs/ reads")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("reads");
            (path.display().to_string(), text)
        })
        .collect()
}

#[test]
fn every_link_in_the_readme_and_docs_opens_clean() {
    let catalogue = catalogue().expect("the bundled tariffs are valid");
    let documents = documents();
    let readme = &documents[0].1;
    assert!(!links(readme).is_empty(), "the README shows a link");
    for (path, text) in &documents {
        for link in links(text) {
            let opened =
                link::decode(link, catalogue).unwrap_or_else(|e| panic!("{path}: {link}: {e:?}"));
            assert_eq!(opened.dropped, [], "{path}: {link}");
            let tariff = catalogue.get(&opened.contents.tariff).expect("bundled");
            assert!(
                estimate(tariff, &opened.contents.request).is_ok(),
                "{path}: {link}"
            );
        }
    }
}

#[test]
fn links_are_found_whatever_their_format() {
    let text = "see #v=2&t=2026-11&z=1 and `v=1&t=2026-11&z=2`, not v=x&y or kv=1&a";
    assert_eq!(links(text), ["v=2&t=2026-11&z=1", "v=1&t=2026-11&z=2"]);
}
