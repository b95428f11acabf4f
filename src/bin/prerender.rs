//! Prints the landing page, as a visitor with no link and no draft first sees it, in both
//! languages: what .ci/finish-build.mjs puts in index.html's body until the WebAssembly takes
//! over. Usage: `prerender YYYY-MM-DD` (the day of the build; the page's own is the visitor's).
//!
//! `prerender --provider` prints, as JSON, what the post-build step needs of the provider the
//! build read (`BIAYA_PROVIDER_DIR`): its name, tagline, address, logo and favicon, and the
//! colours that take the place of the example's in the style sheets.

use std::process::ExitCode;

use biaya_bpo::calendar::Date;
use biaya_bpo::i18n::{Lang, PrerenderTexts};
use biaya_bpo::ui::prerender;

/// The provider as the post-build step uses it.
fn provider_json() -> Result<String, String> {
    let p = biaya_bpo::provider::provider();
    let colours = p.colours().map_err(|e| e.to_string())?;
    let example = biaya_bpo::provider::Colours::EXAMPLE;
    let replace: Vec<[String; 2]> = example
        .iter()
        .zip(colours.sheet())
        .map(|(from, to)| [(*from).to_owned(), to.to_string()])
        .collect();
    serde_json::to_string(&serde_json::json!({
        "name": &*p.name,
        "tagline": { "id": &*p.tagline.id, "en": &*p.tagline.en },
        "page_url": &*p.page_url,
        "example": p.example,
        "brand_colour": colours.brand.to_string(),
        "logo": &*p.logo,
        "favicon": biaya_bpo::provider::FAVICON,
        "colours": replace,
    }))
    .map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("--provider") {
        return match provider_json() {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("prerender: {error}");
                ExitCode::FAILURE
            }
        };
    }
    let Some(today) = std::env::args().nth(1).as_deref().and_then(Date::parse) else {
        eprintln!("usage: prerender YYYY-MM-DD | prerender --provider");
        return ExitCode::FAILURE;
    };
    let mut out = String::new();
    for lang in Lang::ALL {
        let Some(page) = prerender(lang, today) else {
            eprintln!("prerender: the tariffs do not read");
            return ExitCode::FAILURE;
        };
        let texts = PrerenderTexts::of(lang);
        // A visitor arriving with a link or a draft sees only the provider's header and, below
        // it, where the estimate will be, that it is opening (the inline script in index.html
        // marks the page): nothing on the screen moves when the page takes over. One without
        // JavaScript reads first that the calculator needs it.
        let Some((header, rest)) = page.split_once("</header>") else {
            eprintln!("prerender: the page has no header to put the opening note under");
            return ExitCode::FAILURE;
        };
        let block = format!(
            r#"<div class="prerender" lang="{code}"><noscript><p class="noscript">{noscript}</p></noscript>{header}</header><p class="opening-note" role="status">{opening}</p>{rest}</div>"#,
            code = lang.code(),
            opening = texts.opening,
            noscript = texts.noscript,
        );
        // Indonesian on the page, for crawlers and browsers without JavaScript too; the other
        // language inert in a template, whose ids do not clash with the page's, until the
        // script after it puts it in place for a visitor who reads it.
        if lang == Lang::Id {
            out.push_str(&block);
        } else {
            out.push_str(&format!(
                r#"<template id="prerender-{}">{block}</template>"#,
                lang.code()
            ));
        }
    }
    out.push_str(
        "<script>(function(){var t=document.getElementById('prerender-'+document.documentElement.lang);\
         if(t)document.querySelector('.prerender').replaceWith(t.content)})()</script>",
    );
    println!("{out}");
    ExitCode::SUCCESS
}
