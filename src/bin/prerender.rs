//! Prints the landing page, as a visitor with no link and no draft first sees it, in both
//! languages: what .ci/finish-build.mjs puts in index.html's body until the WebAssembly takes
//! over. Usage: `prerender YYYY-MM-DD` (the day of the build; the page's own is the visitor's).

use std::process::ExitCode;

use biaya_bpo::calendar::Date;
use biaya_bpo::i18n::{Lang, PrerenderTexts};
use biaya_bpo::ui::prerender;

fn main() -> ExitCode {
    let Some(today) = std::env::args().nth(1).as_deref().and_then(Date::parse) else {
        eprintln!("usage: prerender YYYY-MM-DD");
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
