//! Prints the estimate a link encodes, as JSON: the lines and totals the page shows, for support
//! staff and scripts. Usage: `cargo run --bin quote -- '<link, URL or fragment>'`; and
//! `quote staffing --calls …` sizes one interval of calls (`biaya_bpo::staffing::USAGE`).
//!
//! Everything a link lost on the way, and the reason a link is refused, is printed with its
//! stable code (`{"code": "unknown_site", "message": "…"}`) so that scripts can act on it.

use std::process::ExitCode;

use biaya_bpo::calendar::Date;
use biaya_bpo::estimate::{Estimate, Request, estimate};
use biaya_bpo::i18n::{Lang, estimate_error, link_error, link_problem};
use biaya_bpo::link::{self, QuoteDetails};
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
    request: &'a Request,
    estimate: &'a Estimate,
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
        Some((text, [])) => quote(text),
        _ => {
            eprintln!(
                "usage: quote '<link, URL or fragment>'\n       {}",
                biaya_bpo::staffing::USAGE
            );
            ExitCode::from(2)
        }
    }
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
    let priced = match estimate(tariff, &contents.request) {
        Ok(priced) => priced,
        Err(error) => return refuse(error.code(), estimate_error(&error, tariff, Lang::En)),
    };
    let mut dropped = opened.dropped.clone();
    dropped.extend(link::date_problem(&contents.quote, tariff, today()));
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
        request: &contents.request,
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
