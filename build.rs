//! Checks every published tariff and packs the bundle for the app.
//!
//! Parsing TOML in the browser would ship a TOML parser and a deserializer per tariff type: about
//! 250 KB of WebAssembly. Instead the tariffs are parsed and validated here, at build time (a bad
//! tariff fails the build), and packed with postcard, which the app decodes with a few kilobytes
//! of code. The model and its checks are the crate's own modules, compiled here too.

// The build script uses a part of each shared module.
#![allow(dead_code)]

use std::path::Path;
use std::{env, fs};

#[path = "src/calendar.rs"]
mod calendar;
#[path = "src/money.rs"]
mod money;

#[path = "src/i18n"]
mod i18n {
    mod lang;
    pub use lang::Lang;
}

#[path = "src/tariff"]
mod tariff {
    mod model;
    mod validate;
    pub use model::*;
}

fn main() {
    println!("cargo::rerun-if-changed=tariffs");
    println!("cargo::rerun-if-changed=src/tariff/model.rs");
    println!("cargo::rerun-if-changed=src/tariff/validate.rs");

    let mut files: Vec<_> = fs::read_dir("tariffs")
        .expect("tariffs/ holds the published tariffs")
        .map(|entry| entry.expect("tariffs/ is readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();

    let mut bundle = Vec::with_capacity(files.len());
    for path in &files {
        let text = fs::read_to_string(path).expect("a tariff file is UTF-8");
        let tariff: tariff::Tariff =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message()));
        if let Err(error) = tariff.validate() {
            panic!("{}: {error}", path.display());
        }
        let stem = path.file_stem().and_then(|s| s.to_str());
        assert_eq!(
            stem,
            Some(tariff.version.as_str()),
            "{}: a tariff file is named after its version",
            path.display()
        );
        bundle.push(tariff);
    }

    let packed = postcard::to_allocvec(&bundle).expect("a tariff packs");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("tariffs.postcard"), packed).expect("OUT_DIR is writable");
}
