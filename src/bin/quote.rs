//! The quote tool, for support staff, sales staff and scripts:
//!
//! - `quote '<link, URL or fragment>'` prints the estimate or quotation a link encodes as JSON:
//!   the lines and totals the page shows, what the link lost, and its signature's state;
//! - `quote keygen --staff <id> --out <file>` makes a salesperson's key pair: the private key as a
//!   JWK file, and the lines that add its public key to `tariffs/provider.toml`;
//! - `quote sign --key <file> '<link>'` signs a quotation exactly as the sales console does;
//! - `quote staffing --calls …` sizes one interval of calls (`biaya_bpo::staffing::USAGE`).
//!
//! Everything a link lost on the way, and the reason a link is refused, is printed with its
//! stable code (`{"code": "unknown_site", "message": "…"}`) so that scripts can act on it.

use std::process::ExitCode;

use biaya_bpo::calendar::Date;
use biaya_bpo::estimate::{Estimate, Request, estimate};
use biaya_bpo::i18n::{Lang, estimate_error, link_error, link_problem};
use biaya_bpo::link::{self, Dropped, QuoteDetails};
use biaya_bpo::provider::provider;
use biaya_bpo::signature::{self, native};
use biaya_bpo::tariff::catalogue;
use serde::Serialize;

/// Something the tool dropped or refused: a code for scripts, a sentence for people.
#[derive(Serialize)]
struct Problem {
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
struct Quote<'a> {
    /// The link as this release writes it.
    link: String,
    tariff: &'a str,
    tariff_effective: &'a str,
    /// Newer prices exist than the ones this estimate was priced with.
    newer_tariff: Option<&'a str>,
    quote: &'a QuoteDetails,
    valid_until: Option<String>,
    /// What could not be kept from the link.
    dropped: Vec<Problem>,
    /// What the signature says: `valid`, `expired`, `not-yet-valid`, `altered`, `unknown-key`,
    /// `revoked` or `unsigned`, and who signed with which key.
    signature: SignatureOut<'a>,
    request: &'a Request,
    estimate: &'a Estimate,
}

#[derive(Serialize)]
struct SignatureOut<'a> {
    state: &'static str,
    staff: Option<&'a str>,
    key: Option<&'a str>,
    /// A discount the link asks for over the signer's limit: not applied.
    discount_over_limit: bool,
}

/// Why no estimate came out, on standard output for scripts and standard error for people.
fn refuse(code: &'static str, message: String) -> ExitCode {
    #[derive(Serialize)]
    struct Refused {
        refused: Problem,
    }
    eprintln!("{message}");
    print_json(&Refused {
        refused: Problem { code, message },
    });
    ExitCode::FAILURE
}

fn print_json(value: &impl Serialize) -> bool {
    match serde_json::to_string_pretty(value) {
        Ok(json) => {
            println!("{json}");
            true
        }
        Err(error) => {
            eprintln!("{error}");
            false
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((first, rest)) if first == "staffing" => staffing(rest),
        Some((first, rest)) if first == "keygen" => keygen(rest),
        Some((first, rest)) if first == "sign" => sign(rest),
        Some((text, [])) => quote(text),
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: quote '<link, URL or fragment>'\n       quote keygen --staff <id> --out <file>\n       quote sign --key <file> '<link>'\n       {}",
        biaya_bpo::staffing::USAGE
    );
    ExitCode::from(2)
}

/// The value after `flag` in `args`, where it is there once.
fn flag<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    let mut found = args
        .windows(2)
        .filter(|pair| pair[0] == flag)
        .map(|pair| pair[1].as_str());
    let value = found.next()?;
    found.next().is_none().then_some(value)
}

/// `quote keygen --staff SD --out sari.jwk`: a new key pair for a salesperson.
fn keygen(args: &[String]) -> ExitCode {
    let (Some(staff), Some(out), 4) = (flag(args, "--staff"), flag(args, "--out"), args.len())
    else {
        return usage();
    };
    if provider().staff(staff).is_none() {
        eprintln!("no salesperson {staff} in tariffs/provider.toml: add them first");
        return ExitCode::from(2);
    }
    let (key, jwk) = native::generate(staff);
    let path = std::path::Path::new(out);
    // Never over a key someone may still sign with.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, jwk.as_bytes()));
    if let Err(error) = written {
        eprintln!("{}: {error}", path.display());
        return ExitCode::FAILURE;
    }
    println!(
        "# The private key is in {out}: give it to {staff} only, never to a link, e-mail or chat.\n# Add these lines under their [[staff]] entry in tariffs/provider.toml:\n[[staff.keys]]\nid = \"{}\"\npublic = \"{}\"\nvalid_from = \"{}\"",
        native::key_id(staff, &key),
        native::public(&key),
        today()
    );
    ExitCode::SUCCESS
}

/// `quote sign --key sari.jwk '<link>'`: the link signed, as the sales console signs it.
fn sign(args: &[String]) -> ExitCode {
    let (Some(path), [_, _, text]) = (flag(args, "--key"), args) else {
        return usage();
    };
    let text = text.as_str();
    let key = match std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|jwk| native::signing_key(&jwk).map_err(str::to_owned))
    {
        Ok(key) => key,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::from(2);
        }
    };
    let catalogue = match catalogue() {
        Ok(catalogue) => catalogue,
        Err(error) => return refuse("tariff_broken", error.to_string()),
    };
    let opened = match link::decode(text, catalogue) {
        Ok(opened) => opened,
        Err(error) => return refuse(error.code(), link_error(error, Lang::En)),
    };
    let Some(tariff) = catalogue.get(&opened.contents.tariff) else {
        return refuse("unknown_tariff", "no bundled tariff".into());
    };
    // What is signed must be what was meant: a link that lost anything is refused.
    if let Some(dropped) = opened
        .dropped
        .iter()
        .find(|d| !matches!(d, Dropped::Truncated))
    {
        return refuse(dropped.code(), link_problem(dropped, tariff, Lang::En));
    }
    let id = native::key_id_of_public(&native::public(&key));
    let Some((staff, _)) = id.as_deref().and_then(|id| provider().key(id)) else {
        return refuse(
            "unknown_key",
            "this key is not in tariffs/provider.toml: add the lines quote keygen printed".into(),
        );
    };
    let mut contents = opened.contents;
    if contents
        .quote
        .discount
        .is_some_and(|d| d > staff.max_discount)
    {
        return refuse(
            "discount_over_limit",
            format!(
                "{} may give at most {} off",
                staff.name,
                biaya_bpo::i18n::format_percent(staff.max_discount, Lang::En)
            ),
        );
    }
    // A quotation is dated the day it is signed, unless it already is.
    contents.quote.issued = contents.quote.issued.or(Some(today()));
    let signable = link::signable(&contents, tariff, id.as_deref().unwrap_or_default());
    println!(
        "{}",
        link::sealed(&signable, &native::sign(&key, &signable))
    );
    ExitCode::SUCCESS
}

/// The estimate a link encodes.
fn quote(text: &str) -> ExitCode {
    let catalogue = match catalogue() {
        Ok(catalogue) => catalogue,
        Err(error) => return refuse("tariff_broken", error.to_string()),
    };
    let opened = match link::decode(text, catalogue) {
        Ok(opened) => opened,
        Err(error) => return refuse(error.code(), link_error(error, Lang::En)),
    };
    let contents = &opened.contents;
    let Some(tariff) = catalogue.get(&contents.tariff) else {
        return refuse(
            "unknown_tariff",
            format!("no bundled tariff {}", contents.tariff),
        );
    };
    let today = today();
    let verdict = match signature::claim(opened.seal.as_ref(), provider()) {
        Ok(claim) => signature::judge(&claim, native::verify(&claim), &opened, tariff, today),
        Err(verdict) => verdict,
    };
    let mut dropped = opened.dropped.clone();
    if opened.seal.is_none() {
        dropped.extend(link::date_problem(&contents.quote, tariff, today));
    }
    // The discount a standing signature vouches for, and nothing else, is priced.
    let mut request = contents.request.clone();
    request.discount = verdict.discount;
    let priced = match estimate(tariff, &request) {
        Ok(priced) => priced,
        Err(error) => return refuse(error.code(), estimate_error(&error, tariff, Lang::En)),
    };
    let latest = catalogue.latest();
    let quote = Quote {
        link: link::encode(contents, tariff),
        tariff: &tariff.version,
        tariff_effective: &tariff.effective,
        newer_tariff: (latest.version != tariff.version).then_some(&*latest.version),
        quote: &contents.quote,
        valid_until: contents.quote.valid_until(tariff).map(|d| d.to_string()),
        dropped: dropped
            .iter()
            .map(|d| Problem {
                code: d.code(),
                message: link_problem(d, tariff, Lang::En),
            })
            .collect(),
        signature: SignatureOut {
            state: verdict.state.code(),
            staff: verdict.staff.map(|s| &*s.id),
            key: verdict.key.map(|k| &*k.id),
            discount_over_limit: verdict.over_limit,
        },
        request: &request,
        estimate: &priced,
    };
    if print_json(&quote) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Today in UTC, from the system clock: a quote dated after it cannot be right.
fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    i64::try_from(days)
        .ok()
        .and_then(Date::from_days_since_epoch)
        .unwrap_or(Date::EPOCH)
}

/// `quote staffing --calls 100 --interval 1800 …`: one interval's agents as JSON.
fn staffing(args: &[String]) -> ExitCode {
    match biaya_bpo::staffing::interval_answer(args) {
        Ok(answer) if print_json(&answer) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("{error}\n{}", biaya_bpo::staffing::USAGE);
            ExitCode::from(2)
        }
    }
}
