//! Prints the estimate a link encodes, as JSON: the lines and totals the page shows, for support
//! staff and scripts. Usage: `cargo run --bin quote -- '<link, URL or fragment>'`; and
//! `quote staffing --calls …` sizes one interval of calls (`biaya_bpo::staffing::USAGE`).

use std::process::ExitCode;

use biaya_bpo::estimate::{Estimate, Request, estimate};
use biaya_bpo::i18n::{Lang, estimate_error, link_error, link_problem};
use biaya_bpo::link::{self, QuoteDetails};
use biaya_bpo::tariff::catalogue;
use serde::Serialize;

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
    /// What could not be kept from the link, in words.
    dropped: Vec<String>,
    request: &'a Request,
    estimate: &'a Estimate,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some((first, rest)) = args.split_first()
        && first == "staffing"
    {
        return staffing(rest);
    }
    let Some(text) = std::env::args().nth(1) else {
        eprintln!("usage: quote '<link, URL or fragment>'");
        return ExitCode::from(2);
    };
    let catalogue = match catalogue() {
        Ok(catalogue) => catalogue,
        Err(error) => {
            eprintln!("the bundled tariffs are broken: {error}");
            return ExitCode::FAILURE;
        }
    };
    let opened = match link::decode(&text, catalogue) {
        Ok(opened) => opened,
        Err(error) => {
            eprintln!("{}", link_error(error, Lang::En));
            return ExitCode::FAILURE;
        }
    };
    let Some(tariff) = catalogue.get(&opened.shared.tariff) else {
        eprintln!("decoding named an unbundled tariff");
        return ExitCode::FAILURE;
    };
    let priced = match estimate(tariff, &opened.shared.request) {
        Ok(priced) => priced,
        Err(error) => {
            eprintln!("{}", estimate_error(&error, tariff, Lang::En));
            return ExitCode::FAILURE;
        }
    };
    let latest = catalogue.latest();
    let quote = Quote {
        link: link::encode(&opened.shared, tariff),
        tariff: &tariff.version,
        tariff_effective: &tariff.effective,
        newer_tariff: (latest.version != tariff.version).then_some(&*latest.version),
        quote: &opened.shared.quote,
        valid_until: opened
            .shared
            .quote
            .valid_until(tariff)
            .map(|d| d.to_string()),
        dropped: opened
            .dropped
            .iter()
            .map(|d| link_problem(d, tariff, Lang::En))
            .collect(),
        request: &opened.shared.request,
        estimate: &priced,
    };
    match serde_json::to_string_pretty(&quote) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// `quote staffing --calls 100 --interval 1800 …`: one interval's agents as JSON.
fn staffing(args: &[String]) -> ExitCode {
    match biaya_bpo::staffing::interval_answer(args) {
        Ok(answer) => match serde_json::to_string_pretty(&answer) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        },
        Err(error) => {
            eprintln!("{error}\n{}", biaya_bpo::staffing::USAGE);
            ExitCode::from(2)
        }
    }
}
