//! `quote staff add|withdraw|list|rotate`: the roster of salespeople the provider's root key certified
//! after the release (`biaya_bpo::roster`), written and read by the operator who holds that key.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use biaya_bpo::calendar::Date;
use biaya_bpo::provider::{Staff, StaffKey, file, provider};
use biaya_bpo::quote::Today;
use biaya_bpo::roster::{self, Roster};
use biaya_bpo::signature::{self, native};
use biaya_bpo::tariff::Text;
use p256::ecdsa::SigningKey;
use rust_decimal::Decimal;

use super::{is_staff_id, usage};

/// The roster at `path`, read for the provider; why not, with the path, where it cannot be.
pub(crate) fn read_roster(path: &Path) -> Result<Roster, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("{}: {error} (the roster --roster names)", path.display()))?;
    if provider().root.is_none() {
        eprintln!(
            "{}: not read, the provider has no root key to check it by",
            path.display()
        );
    }
    Ok(roster::read(&text, provider()))
}

/// The salesperson the roster certifies for the key with this public point: a signing key
/// knows its point, not the id its certificate gave it.
pub(crate) fn certified_point(roster: &Roster, public: &str) -> Option<Staff> {
    roster
        .key_ids()
        .into_iter()
        .filter_map(|id| roster.certify(id, roster::verify_natively))
        .find(|staff| staff.keys.first().is_some_and(|k| k.public == public))
}

/// Says `message` on standard error: what the operator asked for is refused, nothing written.
fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(2)
}

/// `quote staff add|withdraw|list`: the roster, written with the provider's root key.
pub(crate) fn command(args: &[String], today: Today, roster: Option<&Path>) -> ExitCode {
    let Some(roster) = roster else {
        eprintln!(
            "quote staff needs --roster <file>: the {} that goes next to the page",
            roster::FILE
        );
        return usage();
    };
    match args.split_first() {
        Some((command, rest)) if command == "add" => staff_add(rest, today, roster),
        Some((command, rest)) if command == "withdraw" => staff_withdraw(rest, today, roster),
        Some((command, [])) if command == "list" => staff_list(roster),
        Some((command, rest)) if command == "rotate" => staff_rotate(rest, roster),
        _ => usage(),
    }
}

/// `--name value` pairs, each one of `known` and given once.
///
/// # Errors
/// The first argument that is not one of them, or has no value.
fn options<'a>(args: &'a [String], known: &[&str]) -> Result<BTreeMap<&'a str, &'a str>, String> {
    let mut given = BTreeMap::new();
    for pair in args.chunks(2) {
        let (name, value) = match pair {
            [name, value] if !value.starts_with("--") => (name.as_str(), value.as_str()),
            [name, ..] => return Err(format!("{name} needs a value")),
            [] => continue,
        };
        if !known.contains(&name) {
            return Err(format!("{name}: not an option here"));
        }
        if given.insert(name, value).is_some() {
            return Err(format!("{name} is given twice"));
        }
    }
    Ok(given)
}

/// The provider's root private key from its JWK file.
///
/// # Errors
/// Where the provider has no root key, or the file does not hold its private half.
fn root_key(path: &str) -> Result<SigningKey, String> {
    let Some(root) = &provider().root else {
        return Err("the provider has no root key: make one with quote keygen --root --out <file outside the repository>, add the [root] lines it prints to provider.toml and build the page".into());
    };
    let key = std::fs::read_to_string(path)
        .map_err(|error| error.to_string())
        .and_then(|jwk| native::signing_key(&jwk).map_err(str::to_owned))
        .map_err(|error| format!("{path}: {error}"))?;
    if native::public(&key) != *root.public {
        return Err(format!(
            "{path}: this is not the provider's root key ({})",
            root.id
        ));
    }
    Ok(key)
}

/// The roster's text, or `None` where there is no file yet.
///
/// # Errors
/// Where the file is there and cannot be read.
fn roster_text(path: &Path) -> Result<Option<String>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(format!("{}: {error}", path.display())),
    }
}

/// Appends a signed line to the roster, starting the file with what it is where it is new.
fn append(path: &Path, existing: Option<&str>, line: &str) -> std::io::Result<()> {
    let mut text = String::new();
    let mut options = std::fs::OpenOptions::new();
    match existing {
        None => {
            let root = provider().root.as_ref().map_or("", |r| &r.id);
            text.push_str(&format!(
                "# {}'s sales staff certified by its root key {root} after the page's release, and the keys it withdrew.\n# Copy this file next to the page's index.html as {}: the page reads it for keys provider.toml does not list.\n# Written by quote staff add and quote staff withdraw: a line changed by hand no longer holds its signature, and the page passes it over.\n",
                provider().name,
                roster::FILE
            ));
            // Never over a roster written in the meantime.
            options.write(true).create_new(true);
        }
        // A last line without its line break, typed by hand: the new line goes on a line of
        // its own, or neither would read.
        Some(old) => {
            if !old.is_empty() && !old.ends_with('\n') {
                text.push('\n');
            }
            options.append(true);
        }
    }
    text.push_str(line);
    text.push('\n');
    options
        .open(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
}

/// A date option, `default` where it is not given.
///
/// # Errors
/// Where it is given and is not a date.
fn day_option(given: &BTreeMap<&str, &str>, name: &str, default: Date) -> Result<Date, String> {
    given.get(name).map_or(Ok(default), |text| {
        Date::parse(text).ok_or_else(|| format!("{name}: a date such as 2026-12-01"))
    })
}

/// Whether `public` is a P-256 point as `quote keygen` prints it: uncompressed (65 bytes from
/// 0x04, 87 characters of base64url) and on the curve.
fn is_point(public: &str) -> bool {
    public.len() == 87
        && signature::decode(public).is_some_and(|bytes| {
            bytes.first() == Some(&4) && p256::PublicKey::from_sec1_bytes(&bytes).is_ok()
        })
}

/// A largest discount as the provider file writes it: a fraction from 0 up to, not including, 1
/// (`0.08` for 8 %). `8` or `8%` would be read as 800 % or not at all: refused.
fn fraction(text: &str) -> Option<Decimal> {
    let digits = if text == "0" {
        text
    } else {
        text.strip_prefix("0.")?
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `quote staff add …`: a certificate for a salesperson's key, signed with the root key and
/// appended to the roster.
fn staff_add(args: &[String], today: Today, path: &Path) -> ExitCode {
    const REQUIRED: [&str; 9] = [
        "--root",
        "--id",
        "--public",
        "--name",
        "--title-id",
        "--title-en",
        "--email",
        "--whatsapp",
        "--max-discount",
    ];
    let known: Vec<&str> = REQUIRED
        .iter()
        .chain(&["--from", "--until"])
        .copied()
        .collect();
    let given = match options(args, &known) {
        Ok(given) => given,
        Err(error) => {
            eprintln!("{error}");
            return usage();
        }
    };
    if let Some(missing) = REQUIRED.iter().find(|name| !given.contains_key(*name)) {
        eprintln!("quote staff add needs {missing}");
        return usage();
    }
    let value = |name: &str| given.get(name).copied().unwrap_or_default();
    let root = match root_key(value("--root")) {
        Ok(root) => root,
        Err(error) => return fail(error),
    };
    let seller = provider();
    let (id, public) = (value("--id"), value("--public"));
    if !is_staff_id(id) {
        return fail("--id: 1 to 6 letters or digits, such as AR: it goes into quote numbers");
    }
    // Someone the provider file lists has their keys there, with the name and limit it gives
    // them: a certificate would give the same number prefix a second name.
    if seller.staff(id).is_some() {
        return fail(format!(
            "{id} is in the provider file: their keys go there (quote keygen --staff {id}), not in the roster"
        ));
    }
    if !is_point(public) {
        return fail(
            "--public: a P-256 public key as quote keygen --staff prints it (87 characters from B…)",
        );
    }
    let email = value("--email");
    if !email
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.contains('@'))
        || email.contains(char::is_whitespace)
    {
        return fail("--email: an address such as ayu@example.co.id");
    }
    let whatsapp = value("--whatsapp");
    if !((8..=15).contains(&whatsapp.len())
        && whatsapp.bytes().all(|b| b.is_ascii_digit())
        && !whatsapp.starts_with('0'))
    {
        return fail(
            "--whatsapp: the number in international form, digits only, without + or a leading 0 (6281234567890)",
        );
    }
    let Some(max_discount) = fraction(value("--max-discount")) else {
        return fail("--max-discount: a fraction from 0 up to 1, such as 0.08 for 8 %");
    };
    let from = match day_option(&given, "--from", today.0) {
        Ok(from) => from,
        Err(error) => return fail(error),
    };
    let until = match given
        .get("--until")
        .map(|_| day_option(&given, "--until", from))
    {
        Some(Ok(until)) if until < from => {
            return fail(format!(
                "--until {until} is before --from {from}: it is the last day the key signs"
            ));
        }
        Some(Ok(until)) => Some(until),
        Some(Err(error)) => return fail(error),
        None => None,
    };
    let Some(key_id) = file::key_id(id, public) else {
        return fail("--public: not base64url");
    };
    let listed = seller
        .staff
        .iter()
        .flat_map(|s| s.keys.iter())
        .find(|k| k.id == key_id || k.public == public);
    if let Some(listed) = listed {
        return fail(format!(
            "this key is in the provider file as {}: it needs no certificate",
            listed.id
        ));
    }
    let existing = match roster_text(path) {
        Ok(existing) => existing,
        Err(error) => return fail(error),
    };
    let roster = roster::read(existing.as_deref().unwrap_or_default(), seller);
    if roster.key_ids().contains(&key_id.as_str()) {
        return fail(match roster.certify(&key_id, roster::verify_natively) {
            Some(staff) => format!(
                "{key_id} is already certified in {}, for {}",
                path.display(),
                staff.name
            ),
            // A broken line for the key is left for the operator to remove: the file should say
            // one thing of each key.
            None => format!(
                "{} has a certificate for {key_id} that does not hold its signature: remove that line (quote staff list shows it), then add again",
                path.display()
            ),
        });
    }
    if let Some(other) = certified_point(&roster, public) {
        let other_id = other.keys.first().map_or("", |k| &*k.id);
        return fail(format!(
            "this key is already certified in {} as {other_id}, for {}",
            path.display(),
            other.name
        ));
    }
    let owned = |text: &str| Cow::Owned(text.to_owned());
    let key = StaffKey {
        id: owned(&key_id),
        public: owned(public),
        valid_from: from,
        revoked: None,
        demo: false,
    };
    let mut staff = Staff {
        id: owned(id),
        name: owned(value("--name")),
        title: Text {
            id: owned(value("--title-id")),
            en: owned(value("--title-en")),
        },
        email: owned(email),
        whatsapp: owned(whatsapp),
        max_discount,
        approves_up_to: None,
        keys: vec![key.clone()].into(),
    };
    let message = match roster::certificate(seller, &staff, &key, until) {
        Ok(message) => message,
        Err(roster::Unwritable(field)) => {
            return fail(format!(
                "--{field} is empty, has spaces at its ends, or holds a '|' or a line break: the roster cannot carry it"
            ));
        }
    };
    let line = roster::line(&message, &native::sign(&root, &message));
    // What the page will read back, before anything is written: the salesperson as given, their
    // key ending the day after --until.
    if let Some(listed) = staff.keys.to_mut().first_mut() {
        listed.revoked = until.and_then(|u| u.plus_days(1));
    }
    if roster::read(&line, seller).certify(&key_id, roster::verify_natively) != Some(staff) {
        return fail("the certificate does not read back as given: nothing written");
    }
    if let Err(error) = append(path, existing.as_deref(), &line) {
        eprintln!("{}: {error}", path.display());
        return ExitCode::FAILURE;
    }
    let days = match until {
        Some(until) => format!("from {from} to {until}"),
        None => format!("from {from} until withdrawn"),
    };
    println!(
        "Certified {} ({id}), key {key_id}, {days}, largest discount {max_discount}, in {}: copy it next to the page's index.html as {}.",
        value("--name"),
        path.display(),
        roster::FILE
    );
    ExitCode::SUCCESS
}

/// `quote staff withdraw …`: a signed withdrawal of a certified key, appended to the roster.
fn staff_withdraw(args: &[String], today: Today, path: &Path) -> ExitCode {
    let given = match options(args, &["--root", "--key", "--from"]) {
        Ok(given) if given.contains_key("--root") && given.contains_key("--key") => given,
        Ok(_) => {
            eprintln!("quote staff withdraw needs --root and --key");
            return usage();
        }
        Err(error) => {
            eprintln!("{error}");
            return usage();
        }
    };
    let value = |name: &str| given.get(name).copied().unwrap_or_default();
    let root = match root_key(value("--root")) {
        Ok(root) => root,
        Err(error) => return fail(error),
    };
    let day = match day_option(&given, "--from", today.0) {
        Ok(day) => day,
        Err(error) => return fail(error),
    };
    let (seller, key) = (provider(), value("--key"));
    if seller.key(key).is_some() {
        return fail(format!(
            "{key} is in the provider file, not the roster: withdraw it there (revoked = \"{day}\" under its [[staff.keys]]) and build the page again"
        ));
    }
    let existing = match roster_text(path) {
        Ok(Some(existing)) => existing,
        Ok(None) => return fail(format!("{}: no such roster", path.display())),
        Err(error) => return fail(error),
    };
    let roster = roster::read(&existing, seller);
    let Some(staff) = roster.certify(key, roster::verify_natively) else {
        return fail(format!(
            "{key} is not certified in {} (quote staff list shows the keys it certifies)",
            path.display()
        ));
    };
    // The earliest day counts: a later withdrawal would change nothing.
    if let Some(ends) = staff
        .keys
        .first()
        .and_then(|k| k.revoked)
        .filter(|r| *r <= day)
    {
        return fail(format!(
            "{key} ({}) already stops signing from {ends}: nothing to withdraw",
            staff.name
        ));
    }
    let message = roster::withdrawal(seller, key, day);
    let line = roster::line(&message, &native::sign(&root, &message));
    let after = format!("{existing}\n{line}");
    let withdrawn = roster::read(&after, seller).certify(key, roster::verify_natively);
    if withdrawn.and_then(|s| s.keys.first().and_then(|k| k.revoked)) != Some(day) {
        return fail("the withdrawal does not read back as given: nothing written");
    }
    if let Err(error) = append(path, Some(&existing), &line) {
        eprintln!("{}: {error}", path.display());
        return ExitCode::FAILURE;
    }
    println!(
        "Withdrew {key} ({}) from {day} in {}: copy it next to the page's index.html as {}. Its quotations dated from that day, or holding past it, read revoked.",
        staff.name,
        path.display(),
        roster::FILE
    );
    ExitCode::SUCCESS
}

/// `quote staff list`: each certificate whose signature holds, and each line the page passes
/// over, with why.
fn staff_list(path: &Path) -> ExitCode {
    let seller = provider();
    let Some((root_id, root)) = seller
        .root
        .as_ref()
        .and_then(|r| Some((&r.id, signature::decode(&r.public)?)))
    else {
        return fail("the provider has no root key: the page reads no roster");
    };
    let text = match roster_text(path) {
        Ok(Some(text)) => text,
        Ok(None) => return fail(format!("{}: no such roster", path.display())),
        Err(error) => return fail(error),
    };
    let roster = roster::read(&text, seller);
    // The keys of the certificates on the lines before whose signature holds.
    let mut named: Vec<String> = Vec::new();
    let (mut listed, mut ignored) = (0, 0);
    for (at, line) in text.lines().map(str::trim).enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let number = at + 1;
        let mut passed_over = |why: String| {
            println!("line {number}: {why}: ignored by the page");
            ignored += 1;
        };
        let alone = roster::read(line, seller);
        let certifies = alone.key_ids().first().copied();
        let signed = line.rsplit_once('|').and_then(|(message, signature)| {
            let signature = signature::decode(signature).filter(|s| signature::is_canonical(s))?;
            Some((message, signature))
        });
        let Some((message, signature)) = signed else {
            passed_over("not a signed line".into());
            continue;
        };
        let check = roster::Check {
            public: &root,
            signature: &signature,
            message,
        };
        if !roster::verify_natively(&check) {
            passed_over(format!("not signed by {root_id}"));
            continue;
        }
        if let Some(key) = certifies {
            // The page reads the first certificate of a key whose signature holds.
            let second = named.iter().any(|k| k == key);
            named.push(key.to_owned());
            match describe(&roster, key).filter(|_| !second) {
                Some(described) => {
                    println!("{described}");
                    listed += 1;
                }
                None => passed_over(format!(
                    "a second certificate for {key}: the page reads the first"
                )),
            }
        } else if let Some(key) = withdrawn_key(message) {
            if !roster.key_ids().contains(&key) {
                passed_over(format!("withdraws {key}, which no certificate here names"));
            }
        } else {
            passed_over(format!(
                "signed, but not one of {}'s certificates or withdrawals as this release reads them",
                seller.quote_prefix
            ));
        }
    }
    if listed == 0 {
        eprintln!("{}: no certificate holds its signature", path.display());
    }
    if ignored == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The key a signed withdrawal names, where the message reads as one of this provider's: the
/// engine's own wording of it, given its key and day, is the message itself.
fn withdrawn_key(message: &str) -> Option<&str> {
    let (rest, day) = message.rsplit_once('|')?;
    let (_, key) = rest.rsplit_once('|')?;
    (roster::withdrawal(provider(), key, Date::parse(day)?) == message).then_some(key)
}

/// A certified salesperson as `quote staff list` prints them: id, name, key, first day, last day
/// or withdrawal, largest discount.
fn describe(roster: &Roster, key: &str) -> Option<String> {
    let holds: Vec<bool> = roster
        .checks(key)
        .iter()
        .map(roster::verify_natively)
        .collect();
    let staff = roster.certified(key, &holds)?;
    // The certificate alone, as if no withdrawal held: its own last day.
    let alone: Vec<bool> = holds.iter().enumerate().map(|(at, _)| at == 0).collect();
    let listed = staff.keys.first()?;
    let ends = roster
        .certified(key, &alone)
        .and_then(|s| s.keys.first().and_then(|k| k.revoked));
    let last = ends.and_then(|end| end.minus_days(1));
    let withdrawn = listed.revoked.filter(|r| Some(*r) != ends);
    let days = match (last, withdrawn) {
        (None, None) => format!("from {}, until withdrawn", listed.valid_from),
        (Some(last), None) => format!("from {}, until {last}", listed.valid_from),
        (None, Some(withdrawn)) => {
            format!("from {}, withdrawn from {withdrawn}", listed.valid_from)
        }
        (Some(last), Some(withdrawn)) => format!(
            "from {}, until {last}, withdrawn from {withdrawn}",
            listed.valid_from
        ),
    };
    Some(format!(
        "{}\t{}\t{key}\t{days}\tlargest discount {}",
        staff.id, staff.name, staff.max_discount
    ))
}

/// `quote staff rotate --new-root <file> --out <file>`: the roster signed again, line for line,
/// by a new root key, for the release that names it. Read by the root key the provider file
/// names now: the lines that do not hold its signature are not carried over. The old root's
/// private key is not needed, so a lost or exposed one can be replaced.
fn staff_rotate(args: &[String], path: &Path) -> ExitCode {
    let given = match options(args, &["--new-root", "--out"]) {
        Ok(given) if given.contains_key("--new-root") && given.contains_key("--out") => given,
        Ok(_) => {
            eprintln!("quote staff rotate needs --new-root and --out");
            return usage();
        }
        Err(error) => {
            eprintln!("{error}");
            return usage();
        }
    };
    let value = |name: &str| given.get(name).copied().unwrap_or_default();
    let seller = provider();
    let Some(old) = &seller.root else {
        return fail("the provider has no root key to rotate: make one with quote keygen --root");
    };
    let new = match std::fs::read_to_string(value("--new-root"))
        .map_err(|error| error.to_string())
        .and_then(|jwk| native::signing_key(&jwk).map_err(str::to_owned))
    {
        Ok(key) => key,
        Err(error) => return fail(format!("{}: {error}", value("--new-root"))),
    };
    let public = native::public(&new);
    if public == *old.public {
        return fail(
            "--new-root is the root key the provider names now: make a new one with quote keygen --root",
        );
    }
    let text = match roster_text(path) {
        Ok(Some(text)) => text,
        Ok(None) => return fail(format!("{}: no such roster", path.display())),
        Err(error) => return fail(error),
    };
    let roster = roster::read(&text, seller);
    let (mut lines, mut kept) = (Vec::new(), Vec::new());
    let mut dropped = 0;
    for check in roster.lines() {
        if roster::verify_natively(&check) {
            lines.push(roster::line(
                check.message,
                &native::sign(&new, check.message),
            ));
            kept.push(roster::line(
                check.message,
                &signature::encode(check.signature),
            ));
        } else {
            dropped += 1;
        }
    }
    let id = native::key_id("ROOT", &new);
    let header = format!(
        "# {}'s sales staff certified by its root key {id}, carried over from {}.\n# Copy this file next to the page's index.html as {}, with the release whose provider.toml names {id}.\n",
        seller.name,
        old.id,
        roster::FILE
    );
    // The old root's lines after the new: a phone still running the previous release reads
    // those, the new release these, until every phone has taken the new one.
    let previous = format!(
        "# Signed by {}, for pages still running the release before: remove these lines once that release is gone.\n{}\n",
        old.id,
        kept.join("\n")
    );
    let out = Path::new(value("--out"));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    let written = options.open(out).and_then(|mut file| {
        let text = format!("{header}{}\n{previous}", lines.join("\n"));
        std::io::Write::write_all(&mut file, text.as_bytes())
    });
    if let Err(error) = written {
        return fail(format!("{}: {error}", out.display()));
    }
    println!(
        "# {} lines signed again by {id} in {} ({dropped} that did not hold {}'s signature left out).\n# Replace the [root] lines of provider.toml with these, build the page, and deploy it with {} as {}:\n[root]\nid = \"{id}\"\npublic = \"{public}\"",
        lines.len(),
        out.display(),
        old.id,
        out.display(),
        roster::FILE
    );
    ExitCode::SUCCESS
}
