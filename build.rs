//! Checks every published tariff and compiles the bundle into the app.
//!
//! Parsing TOML in the browser would ship a TOML parser and a deserializer per tariff type: about
//! 250 KB of WebAssembly. Instead the tariffs are parsed and validated here, at build time (a bad
//! tariff fails the build), and written out as Rust source for a `static`: the app carries the
//! tariffs as data, with no code to decode them and nothing to do when the page opens. The model
//! and its checks are the crate's own modules, compiled here too.

// The build script uses a part of each shared module.
#![allow(dead_code)]

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use rust_decimal::Decimal;

#[path = "src/calendar.rs"]
mod calendar;
#[path = "src/money.rs"]
mod money;

#[path = "src/lang.rs"]
mod lang;

#[path = "src/tariff"]
mod tariff {
    mod model;
    mod validate;
    pub use model::*;
}

#[path = "src/provider"]
mod provider {
    pub mod file;
    mod model;
    pub use model::*;
}

/// The example provider's folder: the default, and the tests' fixture.
const EXAMPLE: &str = "providers/example";

fn main() {
    println!("cargo::rerun-if-changed=tariffs");
    println!("cargo::rerun-if-changed=src/tariff/model.rs");
    println!("cargo::rerun-if-changed=src/tariff/validate.rs");
    println!("cargo::rerun-if-changed=src/provider/model.rs");
    println!("cargo::rerun-if-changed=src/provider/file.rs");
    println!("cargo::rerun-if-env-changed=BIAYA_PROVIDER_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    // The provider this release is for, and the example the native tests hold to.
    let chosen = env::var_os("BIAYA_PROVIDER_DIR")
        .filter(|dir| !dir.is_empty())
        .map_or_else(|| PathBuf::from(EXAMPLE), PathBuf::from);
    if let Err(error) = bake_provider(&chosen, &out.join("provider.rs"), Some(out))
        .and_then(|()| bake_provider(Path::new(EXAMPLE), &out.join("example.rs"), None))
    {
        // One line an operator can act on, and no backtrace: Cargo shows it and fails the build.
        println!("cargo::error={error}");
        return;
    }

    let mut files: Vec<_> = fs::read_dir("tariffs")
        .expect("tariffs/ holds the published tariffs")
        .map(|entry| entry.expect("tariffs/ is readable").path())
        // A published tariff is named after its version, YYYY-MM.toml.
        .filter(|path| {
            path.extension().is_some_and(|e| e == "toml")
                && path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| s.len() == 7 && s.as_bytes()[4] == b'-')
        })
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
            Some(tariff.version.as_ref()),
            "{}: a tariff file is named after its version",
            path.display()
        );
        bundle.push(tariff);
    }

    assert!(!bundle.is_empty(), "tariffs/ holds at least one tariff");
    // The page's first module shows no sources: without the "notes" feature they are left out
    // of it, and come with the deferred module that shows them (see Cargo.toml).
    if env::var_os("CARGO_FEATURE_NOTES").is_none() {
        bundle.iter_mut().for_each(without_sources);
    }
    let mut source = String::from("&[");
    for tariff in &bundle {
        tariff.bake(&mut source);
        source.push(',');
    }
    source.push(']');
    fs::write(Path::new(&out).join("tariffs.rs"), source).expect("OUT_DIR is writable");
}

/// The tariff without the notes that say where each figure comes from.
fn without_sources(tariff: &mut tariff::Tariff) {
    let blank = || tariff::Text {
        id: Cow::Borrowed(""),
        en: Cow::Borrowed(""),
    };
    tariff.usd.source = blank();
    tariff.vat.note = blank();
    tariff.in_house.minimum_wage_note = blank();
    tariff.in_house.thr_note = blank();
    // The contributions are named in the method only (the deferred module).
    for contribution in tariff.in_house.contributions.to_mut() {
        contribution.name = blank();
    }
    for activity in tariff.activities.to_mut() {
        activity.fee_note = blank();
        activity.setup_note = blank();
        activity.in_house.wage_note = blank();
        activity.in_house.overhead_note = blank();
        activity.in_house.hire_note = blank();
        for model in activity.models.to_mut() {
            for unit in model.units.to_mut() {
                unit.note = blank();
            }
        }
    }
}

/// Checks the provider's folder `dir` (relative to the repository, or absolute) and writes it
/// out as Rust to `to`; with `assets`, its favicon there too. A mistake is returned as the line
/// that names its file, line and field.
fn bake_provider(dir: &Path, to: &Path, assets: Option<&Path>) -> Result<(), String> {
    println!("cargo::rerun-if-changed={}", dir.display());
    for name in fs::read_dir(dir).into_iter().flatten().flatten() {
        println!("cargo::rerun-if-changed={}", name.path().display());
    }
    let folder = provider::file::read(dir).map_err(|e| e.to_string())?;
    let mut provider = folder.provider;
    // The commercial terms are printed on a quotation, by the deferred module: the page's first
    // module goes without them, as without the tariffs' notes.
    if env::var_os("CARGO_FEATURE_NOTES").is_none() {
        let blank = || tariff::Text {
            id: Cow::Borrowed(""),
            en: Cow::Borrowed(""),
        };
        provider.terms = provider::Terms {
            payment: blank(),
            indexation: blank(),
            notice: blank(),
            sla: blank(),
        };
    }
    let mut source = String::new();
    provider.bake(&mut source);
    fs::write(to, source).expect("OUT_DIR is writable");
    if let Some(assets) = assets {
        fs::write(assets.join("favicon.svg"), folder.favicon).expect("OUT_DIR is writable");
    }
    Ok(())
}

/// Writes a value as a Rust expression that builds it in a `static`: texts and lists borrowed,
/// decimals from their parts.
trait Bake {
    fn bake(&self, out: &mut String);
}

impl Bake for Cow<'static, str> {
    fn bake(&self, out: &mut String) {
        // Debug writes a string as a Rust literal, escapes included.
        let _ = write!(out, "Cow::Borrowed({:?})", &**self);
    }
}

impl<T: Bake + Clone> Bake for Cow<'static, [T]> {
    fn bake(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for item in self.iter() {
            item.bake(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.bake(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl Bake for Decimal {
    fn bake(&self, out: &mut String) {
        let mantissa = self.mantissa().unsigned_abs();
        // The 96-bit mantissa in three 32-bit words, as `from_parts` takes it.
        let word = |shift: u32| (mantissa >> shift) as u32;
        let _ = write!(
            out,
            "Decimal::from_parts({}, {}, {}, {}, {})",
            word(0),
            word(32),
            word(64),
            self.is_sign_negative(),
            self.scale()
        );
    }
}

impl Bake for calendar::Date {
    fn bake(&self, out: &mut String) {
        let _ = write!(
            out,
            "Date::from_checked({}, {}, {})",
            self.year(),
            self.month(),
            self.day()
        );
    }
}

impl Bake for tariff::SizedBy {
    fn bake(&self, out: &mut String) {
        let _ = write!(out, "SizedBy::{self:?}");
    }
}

impl Bake for money::Currency {
    fn bake(&self, out: &mut String) {
        let _ = write!(out, "Currency::{self:?}");
    }
}

macro_rules! bake_plain {
    ($($ty:ty),*) => {$(
        impl Bake for $ty {
            fn bake(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
bake_plain!(bool, u32, u64);

/// A struct field by field. The pattern names every field, so a field added to the model and
/// forgotten here fails the build.
macro_rules! bake_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        bake_struct!(tariff::$ty { $($field),* });
    };
    ($module:ident :: $ty:ident { $($field:ident),* $(,)? }) => {
        impl Bake for $module::$ty {
            fn bake(&self, out: &mut String) {
                let $module::$ty { $($field),* } = self;
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    $field.bake(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    };
}

bake_struct!(Text { id, en });
bake_struct!(Tariff {
    version,
    effective,
    currency,
    quote_validity_days,
    usd,
    vat,
    languages,
    terms,
    sites,
    in_house,
    activities,
});
bake_struct!(ExchangeRate { rate, date, source });
bake_struct!(Vat { rate, note });
bake_struct!(Language { id, name });
bake_struct!(Term {
    id,
    months,
    discount,
    name
});
bake_struct!(Site {
    id,
    country,
    factor,
    languages,
    name,
    note
});
bake_struct!(InHouseBasis {
    minimum_wage,
    minimum_wage_note,
    thr_months,
    thr_note,
    contributions
});
bake_struct!(Contribution {
    id,
    rate,
    wage_cap,
    name
});
bake_struct!(Activity {
    id,
    customer_facing,
    sites,
    management_fee,
    minimum,
    onboarding,
    seat_setup,
    name,
    help,
    fee_note,
    setup_note,
    in_house,
    models,
    options
});
bake_struct!(ActivityInHouse {
    wage,
    overhead,
    hire,
    role,
    wage_note,
    overhead_note,
    hire_note
});
bake_struct!(Model {
    id,
    primary,
    name,
    help,
    units
});
bake_struct!(Unit {
    id,
    seat,
    labour,
    max,
    default,
    per_fte,
    cost,
    name,
    unit,
    help,
    note,
    tiers,
    sized_by
});
bake_struct!(Tier { up_to, price });
bake_struct!(ActivityOption {
    id,
    group,
    percent,
    name,
    help
});
bake_struct!(provider::Provider {
    name,
    legal_name,
    npwp,
    address,
    phone,
    email,
    whatsapp,
    website,
    page_url,
    logo,
    brand_colour,
    tint_colour,
    chart_colour,
    quote_prefix,
    example,
    time_zone,
    max_validity_days,
    tagline,
    terms,
    staff,
    root
});
bake_struct!(provider::RootKey { id, public, demo });
bake_struct!(provider::Terms {
    payment,
    indexation,
    notice,
    sla
});
bake_struct!(provider::Staff {
    id,
    name,
    title,
    email,
    whatsapp,
    max_discount,
    approves_up_to,
    keys
});
bake_struct!(provider::StaffKey {
    id,
    public,
    valid_from,
    revoked,
    demo
});
