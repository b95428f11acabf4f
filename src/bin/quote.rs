//! The quote tool, for support staff, sales staff and scripts:
//!
//! - `quote '<link, URL or fragment>'` prints the estimate or quotation a link encodes as JSON:
//!   the lines and totals the page shows, what the link lost, and its signature's state;
//! - `quote keygen --staff <id> --out <file>` makes a salesperson's key pair: the private key as a
//!   JWK file (mode 0600, never inside a repository unless `--inside-repository`), and the lines
//!   that add its public key to the provider's `provider.toml` (or, for someone the provider file
//!   does not list, the `quote staff add` that certifies it); `--root` in place of `--staff <id>`
//!   makes the provider's root key;
//! - `--provider <folder>` before any of them: the provider in that folder rather than the one
//!   built in;
//! - `--roster <file>`: the `staff.txt` of salespeople the provider's root key certified after
//!   the release (`biaya_bpo::roster`), read for a key the provider file does not list;
//! - `quote sign --key <file> '<link>'` signs a quotation exactly as the sales console does;
//! - `quote staff add`, `quote staff withdraw` and `quote staff list` write and read that roster:
//!   a certificate signed by the root key for a salesperson's key, a signed withdrawal, and what
//!   the page will make of each line; `quote staff rotate` signs it again with a new root key;
//! - `quote staffing --calls …` sizes one interval of calls (`biaya_bpo::staffing::USAGE`).
//!
//! Everything a link lost on the way, and the reason a link is refused, is printed with its
//! stable code (`{"code": "unknown_site", "message": "…"}`) so that scripts can act on it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use biaya_bpo::document::{Document, Quotation, Standing, Unreadable};
use biaya_bpo::estimate::{Estimate, Request};
use biaya_bpo::i18n::{Lang, estimate_error, link_error, link_problem, refusal, standing_sentence};
use biaya_bpo::link::{self, Dropped};
use biaya_bpo::provider::{Provider, file, provider};
use biaya_bpo::quote::{Today, approver, may_issue, needs_approval};
use biaya_bpo::roster;
use biaya_bpo::signature::native;
use biaya_bpo::tariff::{Catalogue, catalogue};
use serde::Serialize;

#[path = "quote/approve.rs"]
mod approve;
#[path = "quote/staff.rs"]
mod staff;

use staff::{certified_point, read_roster};

/// Something the tool dropped or refused: a code for scripts, a sentence for people.
#[derive(Serialize)]
struct Problem {
    code: &'static str,
    message: String,
}

/// The document a link makes, as the tool prints it: the document itself, with its problems and
/// its standing in sentences, and the names earlier releases printed.
#[derive(Serialize)]
struct Report<'a> {
    /// `estimate`, `valid`, `expired`, `not-yet-valid`, `altered`, `unknown-key`,
    /// `key-not-yet-valid`, `revoked` or `unsigned`.
    standing: &'static str,
    /// The standing as the page says it, in English.
    says: String,
    /// The day it was judged by, on the provider's calendar.
    today: String,
    /// The link as read, without the page's address.
    link: &'a str,
    tariff: &'a str,
    tariff_effective: &'a str,
    /// Newer prices exist than the ones this estimate was priced with.
    newer_tariff: Option<&'a str>,
    quote: Option<&'a Quotation>,
    valid_until: Option<String>,
    /// What could not be kept from the link.
    dropped: Vec<Problem>,
    signature: SignatureOut<'a>,
    request: &'a Request,
    estimate: &'a Estimate,
    /// A quotation's options, where it offers several (the request and estimate above are the
    /// one its link shows).
    options: Vec<OptionOut<'a>>,
}

/// One option of a quotation that offers several.
#[derive(Serialize)]
struct OptionOut<'a> {
    /// From 1.
    option: usize,
    /// The one the link shows: its client's choice.
    shown: bool,
    site: &'a str,
    term: &'a str,
    currency: &'static str,
    totals: &'a biaya_bpo::estimate::Totals,
}

#[derive(Serialize)]
struct SignatureOut<'a> {
    /// As `standing`, with `unsigned` for an estimate.
    state: &'static str,
    staff: Option<&'a str>,
    key: Option<&'a str>,
    /// A discount the link asks for over the signer's limit: applied only where approved.
    discount_over_limit: bool,
    /// The key of the colleague whose approval lets that discount stand (`quote.approved_by`
    /// names them).
    approver_key: Option<&'a str>,
    /// The link carries an approval that does not hold or does not cover the discount.
    approval_void: bool,
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
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--provider <folder>` reads a provider's folder instead of the one built in: a new
    // provider's keys are made before its first build, and the tests hold to the example's.
    match args.iter().position(|a| a == "--provider") {
        Some(at) if at + 1 < args.len() => {
            match file::read(std::path::Path::new(&args[at + 1])) {
                Ok(folder) => {
                    let chosen: &'static Provider = Box::leak(Box::new(folder.provider));
                    biaya_bpo::provider::choose(chosen);
                }
                Err(error) => {
                    eprintln!("{error}");
                    return ExitCode::from(2);
                }
            }
            args.drain(at..=at + 1);
        }
        Some(_) => return usage(),
        None => {}
    }
    // `--at <instant>` judges (or signs) as at that moment rather than now.
    let now = match args.iter().position(|a| a == "--at") {
        Some(at) if at + 1 < args.len() => {
            let Some(instant) = unix_seconds(&args[at + 1]) else {
                eprintln!("--at takes an instant such as 2026-12-07T23:30:00Z");
                return usage();
            };
            args.drain(at..=at + 1);
            instant
        }
        Some(_) => return usage(),
        None => clock(),
    };
    // `--roster <file>`: the salespeople the root key certified after the release, for the keys
    // the provider file does not list. Taken wherever it stands, so that `quote staff add
    // --roster staff.txt …` reads as naturally as `quote --roster staff.txt '<link>'`.
    let roster = match args.iter().position(|a| a == "--roster") {
        Some(at) if at + 1 < args.len() => {
            let path = PathBuf::from(&args[at + 1]);
            args.drain(at..=at + 1);
            Some(path)
        }
        Some(_) => return usage(),
        None => None,
    };
    let roster = roster.as_deref();
    let today = Today::at(provider(), now);
    match args.split_first() {
        Some((first, _)) if first == "--help" || first == "-h" || first == "help" => {
            println!("{}", usage_text());
            ExitCode::SUCCESS
        }
        Some((first, rest)) if first == "staffing" => staffing(rest),
        Some((first, rest)) if first == "keygen" => keygen(rest, today),
        Some((first, rest)) if first == "sign" => sign(rest, today, roster),
        Some((first, rest)) if first == "approve" => approve::command(rest, today, roster),
        Some((first, rest)) if first == "staff" => staff::command(rest, today, roster),
        Some((text, [])) if !text.starts_with('-') => quote(text, today, roster),
        _ => usage(),
    }
}

fn usage_text() -> String {
    format!(
        "usage: quote [--provider <folder>] [--at <instant>] [--roster <file>] '<link, URL or fragment>'
       quote [--provider <folder>] [--at <instant>] [--roster <file>] sign --key <file> '<link>'
       quote [--provider <folder>] [--at <instant>] [--roster <file>] approve --key <file> '<link>'
       quote [--provider <folder>] keygen (--staff <id> | --root) --out <file> [--inside-repository]
       quote [--provider <folder>] [--at <instant>] staff add --root <root key file> --roster <file> --id <id> --public <point> --name <name> --title-id <title> --title-en <title> --email <address> --whatsapp <digits> --max-discount <0.05> [--from <YYYY-MM-DD>] [--until <YYYY-MM-DD>]
       quote [--provider <folder>] [--at <instant>] staff withdraw --root <root key file> --roster <file> --key <key id> [--from <YYYY-MM-DD>]
       quote [--provider <folder>] staff list --roster <file>
       quote [--provider <folder>] staff rotate --roster <file> --new-root <new root key file> --out <file>
       {}

A link is read and judged on the provider's calendar ({}), now or at --at (2026-12-07T23:30:00Z), for the provider this tool was built with, or the one in the folder --provider names (providers/acme).
--roster names the roster ({}, copied next to the page's index.html): the salespeople the provider's root key certified, and the keys it withdrew, after the release. A link signed with a key the provider file does not list is judged by it, and sign takes such a key once it is certified there. staff add and staff withdraw append a line signed with the root key (--from and --until are the first and last days, --from today unless given); staff list says what the page makes of each line, and exits 1 where it passes one over; staff rotate writes the roster signed again by a new root key, for the release that names it.
sign signs a discount over the signer's own limit where a colleague may approve it (approves_up_to in the provider file): it prints the request to send them, and approve, with their key, prints the approved link.",
        biaya_bpo::staffing::USAGE,
        provider().zone().name,
        roster::FILE,
    )
}

fn usage() -> ExitCode {
    eprintln!("{}", usage_text());
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

/// `quote keygen --staff SD --out sari.jwk`: a new key pair for a salesperson. The private key
/// is written readable by its owner only, and never into a repository (where `git add -A` would
/// publish it) unless `--inside-repository` says so.
fn keygen(args: &[String], today: Today) -> ExitCode {
    let inside = args.iter().any(|a| a == "--inside-repository");
    let rest: Vec<String> = args
        .iter()
        .filter(|a| *a != "--inside-repository")
        .cloned()
        .collect();
    // The provider's root key certifies salespeople (`quote staff add`): `--root` in place of
    // `--staff <id>`.
    let root = rest.iter().any(|a| a == "--root");
    let rest: Vec<String> = rest.into_iter().filter(|a| a != "--root").collect();
    let staff = if root {
        Some("ROOT")
    } else {
        flag(&rest, "--staff")
    };
    let (Some(staff), Some(out), true) = (
        staff,
        flag(&rest, "--out"),
        rest.len() == 4 - 2 * usize::from(root),
    ) else {
        return usage();
    };
    let certifiable = provider().root.is_some() && is_staff_id(staff);
    if !root && provider().staff(staff).is_none() && !certifiable {
        eprintln!(
            "no salesperson {staff} in the provider file: add their [[staff]] entry first (and pass --provider <folder> for a provider not yet built)"
        );
        return ExitCode::from(2);
    }
    let path = std::path::Path::new(out);
    if let Some(repository) = repository_holding(path).filter(|_| !inside) {
        eprintln!(
            "{}: inside the repository {}, where a commit would publish the private key: write it outside (a folder only you can read, backed up offline), or add --inside-repository if you mean it",
            path.display(),
            repository.display()
        );
        return ExitCode::from(2);
    }
    let (key, jwk) = native::generate(staff);
    // Never over a key someone may still sign with; readable by its owner only.
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, jwk.as_bytes()));
    if let Err(error) = written {
        eprintln!("{}: {error}", path.display());
        return ExitCode::FAILURE;
    }
    let (id, public) = (native::key_id(staff, &key), native::public(&key));
    if root {
        println!(
            "# The provider's root private key is in {out} (readable by you only): keep it offline, backed up; it certifies and withdraws your sales staff's keys (quote staff add, quote staff withdraw).\n# Add these lines to the provider's provider.toml and build the page once:\n[root]\nid = \"{id}\"\npublic = \"{public}\""
        );
    } else if provider().staff(staff).is_none() {
        println!(
            "# The private key is in {out} (readable by you only): give it to {staff} only, never to a link, e-mail or chat.\n# Certify it with the provider's root key, and copy the roster next to the page:\nquote staff add --root <root key file> --roster staff.txt --id {staff} --public {public} --name '…' --title-id '…' --title-en '…' --email … --whatsapp … --max-discount 0.05"
        );
    } else {
        println!(
            "# The private key is in {out} (readable by you only): give it to {staff} only, never to a link, e-mail or chat.\n# Add these lines under their [[staff]] entry in the provider's provider.toml:\n[[staff.keys]]\nid = \"{id}\"\npublic = \"{public}\"\nvalid_from = \"{}\"",
            today.0
        );
    }
    ExitCode::SUCCESS
}

/// Whether `id` has a salesperson id's form: 1 to 6 letters or digits (it goes into numbers).
fn is_staff_id(id: &str) -> bool {
    (1..=6).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The git repository (a folder with `.git`) that `path` would be written into, if any, or this
/// tool's own source folder.
fn repository_holding(path: &std::path::Path) -> Option<std::path::PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let folder = absolute.parent()?;
    // The folder may not exist yet: its nearest existing ancestor, without `..` or links.
    let real = folder
        .ancestors()
        .find_map(|a| std::fs::canonicalize(a).ok())?;
    let source = std::fs::canonicalize(env!("CARGO_MANIFEST_DIR")).ok();
    if let Some(source) = source.filter(|s| real.starts_with(s)) {
        return Some(source);
    }
    real.ancestors()
        .find(|a| a.join(".git").exists())
        .map(std::path::Path::to_path_buf)
}

/// What `sign` and `approve` read first: `--key <file>` and the link after it, against the
/// bundled tariffs; else the exit to take (usage, an unreadable key file, a link refused).
fn keyed_link(
    args: &[String],
) -> Result<(p256::ecdsa::SigningKey, &'static Catalogue, link::Opened), ExitCode> {
    let (Some(path), [_, _, text]) = (flag(args, "--key"), args) else {
        return Err(usage());
    };
    let key = std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|jwk| native::signing_key(&jwk).map_err(str::to_owned))
        .map_err(|error| {
            eprintln!("{path}: {error}");
            ExitCode::from(2)
        })?;
    let catalogue = catalogue().map_err(|error| refuse("tariff_broken", error.to_string()))?;
    let opened = link::decode(text, catalogue)
        .map_err(|error| refuse(error.code(), link_error(error, Lang::En)))?;
    Ok((key, catalogue, opened))
}

/// `quote sign --key sari.jwk '<link>'`: the whole link signed, as the sales console signs it,
/// on the provider's address. A key the provider file does not list signs once the roster
/// certifies it, within its certificate's days and limit.
fn sign(args: &[String], today: Today, roster: Option<&Path>) -> ExitCode {
    let (key, catalogue, opened) = match keyed_link(args) {
        Ok(read) => read,
        Err(code) => return code,
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
    let seller = provider();
    let public = native::public(&key);
    let certified = match roster.map(read_roster).transpose() {
        Ok(read) => read.and_then(|r| certified_point(&r, &public)),
        Err(message) => return refuse("roster_unreadable", message),
    };
    let id = native::key_id_of_public(seller, &public);
    let signer = id.as_deref().and_then(|id| seller.key(id)).or_else(|| {
        let staff = certified.as_ref()?;
        Some((staff, staff.keys.first()?))
    });
    let Some((staff, listed)) = signer else {
        let message = match (roster, &seller.root) {
            (Some(path), _) => format!(
                "this key is neither in the provider file nor certified in {} (quote staff list shows the keys it certifies)",
                path.display()
            ),
            (None, Some(_)) => "this key is not in the provider file: add the lines quote keygen printed, or pass --roster <file> where the provider's root key certified it (quote staff add)".into(),
            (None, None) => {
                "this key is not in the provider file: add the lines quote keygen printed".into()
            }
        };
        return refuse("unknown_key", message);
    };
    let mut contents = opened.contents;
    // A quotation is dated the day it is signed, unless it already is.
    contents.quote.issued = contents.quote.issued.or(Some(today.0));
    if let Err(refused) = may_issue(staff, listed, &contents.quote, tariff, seller, today) {
        return refuse(refused.code(), refusal(&refused, Lang::En));
    }
    if let Some(approver) = contents
        .quote
        .discount
        .filter(|_| needs_approval(staff, &contents.quote))
        .and_then(|d| approver(seller, staff, d))
    {
        eprintln!(
            "The discount is over {}'s own limit: this is a request for approval, which applies no discount until {} approves it (quote approve --key <their key> '<this link>').",
            staff.name, approver.name
        );
    }
    let signable = link::signable(&contents, tariff, &listed.id);
    println!(
        "{}#{}",
        seller.page_url,
        link::sealed(&signable, &native::sign(&key, &signable))
    );
    ExitCode::SUCCESS
}

/// The document a link makes, judged today on the provider's calendar, with the salespeople the
/// roster certifies where one is given.
fn quote(text: &str, today: Today, roster: Option<&Path>) -> ExitCode {
    let catalogue = match catalogue() {
        Ok(catalogue) => catalogue,
        Err(error) => return refuse("tariff_broken", error.to_string()),
    };
    let roster = match roster.map(read_roster).transpose() {
        Ok(roster) => roster,
        Err(message) => return refuse("roster_unreadable", message),
    };
    let certify = |key: &str| roster.as_ref()?.certify(key, roster::verify_natively);
    let document = match Document::from_link_certified(
        text,
        catalogue,
        provider(),
        today,
        certify,
        native::verify,
    ) {
        Ok(document) => document,
        Err(Unreadable::Link(error)) => return refuse(error.code(), link_error(error, Lang::En)),
        Err(Unreadable::Estimate(error)) => {
            let tariff = catalogue.latest();
            return refuse(error.code(), estimate_error(&error, tariff, Lang::En));
        }
    };
    let tariff = catalogue
        .get(&document.tariff)
        .unwrap_or(catalogue.latest());
    let quote = document.quote.as_ref();
    let standing = document.standing.code();
    let offers = match document.offers(catalogue) {
        Ok(offers) => offers,
        Err(error) => return refuse(error.code(), estimate_error(&error, tariff, Lang::En)),
    };
    let report = Report {
        standing,
        says: standing_sentence(&document, Lang::En),
        today: document.today.to_string(),
        link: &document.link,
        tariff: &document.tariff,
        tariff_effective: &document.tariff_effective,
        newer_tariff: document.newer_tariff.as_deref(),
        quote,
        valid_until: quote.and_then(|q| q.until).map(|d| d.to_string()),
        dropped: document
            .problems
            .iter()
            .map(|d| Problem {
                code: d.code(),
                message: link_problem(d, tariff, Lang::En),
            })
            .collect(),
        signature: SignatureOut {
            state: if document.standing == Standing::Estimate {
                "unsigned"
            } else {
                standing
            },
            staff: quote.and_then(|q| q.signer.as_ref()).map(|s| s.id.as_str()),
            key: quote.and_then(|q| q.key.as_deref()),
            discount_over_limit: quote.is_some_and(|q| q.discount_over_limit),
            approver_key: quote
                .and_then(|q| q.approved_by.as_ref())
                .map(|a| a.key.as_str()),
            approval_void: quote.is_some_and(|q| q.approval_void),
        },
        request: &document.request,
        estimate: &document.estimate,
        options: offers
            .iter()
            .enumerate()
            .map(|(i, offer)| OptionOut {
                option: i + 1,
                shown: i == document.shown,
                site: &offer.request.site,
                term: &offer.request.term,
                currency: offer.estimate.currency.code(),
                totals: &offer.estimate.totals,
            })
            .collect(),
    };
    if print_json(&report) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Seconds since 1970 by the system clock.
fn clock() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

/// An instant as `YYYY-MM-DDTHH:MM[:SS]` followed by `Z` or an offset `±HH:MM`, in seconds since
/// 1970.
fn unix_seconds(text: &str) -> Option<i64> {
    let (day, time) = text.split_once('T')?;
    let day = biaya_bpo::calendar::Date::parse(day)?;
    let (clock, offset) = match time.strip_suffix('Z') {
        Some(clock) => (clock, 0),
        None => {
            let at = time.rfind(['+', '-'])?;
            let (clock, zone) = time.split_at(at);
            let (hours, minutes) = zone[1..].split_once(':')?;
            let minutes = hours.parse::<i64>().ok()? * 60 + minutes.parse::<i64>().ok()?;
            (
                clock,
                if zone.starts_with('-') {
                    -minutes
                } else {
                    minutes
                },
            )
        }
    };
    let mut parts = clock.split(':').map(|p| p.parse::<i64>().ok());
    let (hour, minute) = (parts.next()??, parts.next()??);
    let second = parts.next().unwrap_or(Some(0))?;
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some(day.days_since_epoch() * 86_400 + hour * 3_600 + minute * 60 + second - offset * 60)
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
