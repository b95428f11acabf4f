//! Signed quotations, natively (issue 12's test list): real ECDSA P-256 signatures made with
//! RustCrypto's p256 over real links, judged exactly as the quote tool judges them, and the quote
//! tool itself where the behaviour is its own (keygen, sign, the JSON it prints).
//!
//! Expected states come from the rules of issue 12, restated here: a signature covers every byte
//! before `&sig=`; a link is `valid` from the day it is dated to the last day it holds,
//! `expired` after, `not-yet-valid` before (or before its tariff took effect); `altered` where
//! any byte changed or the signature does not read; `unknown-key` where the key is not the
//! provider's; `key-not-yet-valid` where it is dated before its key's first day; `revoked`
//! where its key was withdrawn before it would end, however it is dated (issue 21); `unsigned`
//! without a signature. A quotation holds at most the provider's 90 days from its date, whatever
//! its link says. A discount applies only where the state vouches (valid or expired) and within
//! the signer's `max_discount`. Every day is the provider's (Asia/Jakarta): the quote tool is
//! run with `--at`, the instant it judges at, so these tests read the same on any day.

#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use biaya_bpo::calendar::Date;
use biaya_bpo::link::{self, Contents, Dropped, LinkError};
use biaya_bpo::provider::{Provider, StaffKey, file, fixture as example};
use biaya_bpo::quote::Today;
use biaya_bpo::signature::{self, SignatureState, Verdict, native};
use biaya_bpo::tariff::{Catalogue, catalogue};
use p256::ecdsa::SigningKey;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;

mod tool;
use tool::quote_tool;

/// The demo key's id, as tariffs/provider.toml lists it and the fixture's JWK names it.
const DEMO: &str = "SD-14cd3d";

/// A four-activity estimate, the fields of tests/fixtures/signed-natively.txt before its quote
/// details. Hand-written, without a check: the sales console signs links like it.
const FOUR: &str = "v=1&t=2026-11&s=jakarta&k=36m&c=USD&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&accounting=4000.1500.250.2.6~1&fulfilment=12000.9000.120.0.300.40~1&sales=3.40.150~1";

/// A day the fixture (dated 2026-11-28, its link asking until 2099-12-31, which the provider's 90
/// days cap at 2027-02-26) is valid on, with the demo key listed from 2026-11-01 and tariff
/// 2026-11 in effect from 2026-11-01.
fn reading_day() -> Date {
    day("2026-12-10")
}

/// 10:00 in Jakarta on the reading day: the instant the quote tool judges at (`--at`).
const READING: &str = "2026-12-10T03:00:00Z";

fn day(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

fn bundled() -> &'static Catalogue {
    catalogue().expect("the bundled tariffs are valid")
}

/// The 4-activity quotation signed with the demo key, 5 % discount, valid until 2099.
fn fixture() -> &'static str {
    include_str!("fixtures/signed-natively.txt").trim()
}

fn demo_key() -> SigningKey {
    native::signing_key(include_str!("fixtures/demo-key.jwk")).expect("the demo key reads")
}

/// Today in Jakarta (UTC+7), read from the clock as any program would: the day `keygen` dates a
/// key from.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs();
    let days = (seconds + 7 * 3_600) / 86_400;
    Date::from_days_since_epoch(i64::try_from(days).expect("days fit")).expect("a date")
}

/// The contents of a hand-written unsigned link. It has no check field, so decoding reports it
/// may have been cut short, and nothing else.
fn contents(text: &str) -> Contents {
    let opened = link::decode(text, bundled()).expect(text);
    assert_eq!(opened.dropped, [Dropped::Truncated], "{text}");
    opened.contents
}

/// `contents` dated `issued`, signed with `key` under the key id `id`.
fn signed(mut contents: Contents, issued: &str, key: &SigningKey, id: &str) -> String {
    contents.quote.issued = Some(day(issued));
    let tariff = bundled().get(&contents.tariff).expect("a bundled tariff");
    let signable = link::signable(&contents, tariff, id);
    link::sealed(&signable, &native::sign(key, &signable))
}

/// What a reader concludes about `text` on `today`, with `provider`'s keys: the quote tool's
/// steps, `claim`, then p256, then `judge`.
fn verdict<'p>(text: &str, provider: &'p Provider, today: Date) -> Result<Verdict<'p>, LinkError> {
    let opened = link::decode(text, bundled())?;
    let tariff = bundled()
        .get(&opened.contents.tariff)
        .expect("a bundled tariff");
    Ok(match signature::claim(opened.seal.as_ref(), provider) {
        Ok(claim) => signature::judge(
            (claim.staff, claim.key),
            (
                native::verify(&claim),
                signature::approver_claim(opened.approval.as_ref(), provider)
                    .is_some_and(|approval| native::verify(&approval)),
            ),
            &opened,
            tariff,
            provider,
            Today(today),
        ),
        Err(verdict) => verdict,
    })
}

fn state(text: &str, provider: &Provider, today: Date) -> Result<SignatureState, LinkError> {
    verdict(text, provider, today).map(|v| v.state)
}

/// The bundled provider with the demo key changed by `change`: the model's lists are borrowed
/// from the build, `to_mut` gives the test its own copy.
fn with_demo_key(change: impl FnOnce(&mut StaffKey)) -> Provider {
    let mut changed = example().clone();
    let key = changed
        .staff
        .to_mut()
        .iter_mut()
        .flat_map(|s| s.keys.to_mut().iter_mut())
        .find(|k| k.id == DEMO)
        .expect("the demo key is listed");
    change(key);
    changed
        .validate()
        .expect("a provider file the build accepts");
    changed
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// What `quote '<link>'` prints on the reading day, after checking it ran.
fn quoted(text: &str) -> Value {
    let output = quote_tool(&["--at", READING, text]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    json(&output)
}

/// The negotiated-discount lines of every activity of an estimate the quote tool printed.
fn negotiated(json: &Value) -> Vec<Value> {
    json["estimate"]["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .flat_map(|a| a["monthly_lines"].as_array().expect("lines").iter())
        .filter(|l| l["kind"].get("negotiated-discount").is_some())
        .cloned()
        .collect()
}

fn amount(value: &Value) -> Decimal {
    value
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("an amount")
}

/// A fresh directory for one test's files, outside the repository (keygen refuses it).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("biaya-signature-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// `[[staff.keys]]` on its own: TOML reads it as the table `staff` holding the list `keys`.
#[derive(serde::Deserialize)]
struct Printed {
    staff: PrintedStaff,
}

#[derive(serde::Deserialize)]
struct PrintedStaff {
    keys: Vec<StaffKey>,
}

#[test]
fn keygen_prints_a_key_entry_the_provider_file_accepts_and_its_key_signs() {
    let dir = scratch("keygen");
    let file = dir.join("sari.jwk");
    let path = file.to_str().expect("a UTF-8 path");
    let before = today();
    let output = quote_tool(&["keygen", "--staff", "SD", "--out", path]);
    let after = today();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).expect("UTF-8");

    let entry: Printed = toml::from_str(&printed).expect("the printed lines are TOML");
    let [key] = &entry.staff.keys[..] else {
        panic!("one [[staff.keys]] entry: {printed}");
    };
    let jwk = std::fs::read_to_string(&file).expect("the key file was written");
    let private = native::signing_key(&jwk).expect("a P-256 private key in JWK");
    assert_eq!(*key.public, native::public(&private), "{printed}");
    // The point as the JWK itself spells it (RFC 7518 6.2.1: x and y, 32 bytes each,
    // base64url), so the printed public key is checked against the file, not only against p256.
    let members: Value = serde_json::from_str(&jwk).expect("JSON");
    let point = signature::decode(&key.public).expect("base64url");
    assert_eq!(point.len(), 65);
    assert_eq!(point[0], 4, "uncompressed");
    assert_eq!(members["x"], signature::encode(&point[1..33]));
    assert_eq!(members["y"], signature::encode(&point[33..]));
    assert_eq!(members["kid"], *key.id);
    // Staff id, a dash, six hex digits.
    let hex = key
        .id
        .strip_prefix("SD-")
        .expect("the salesperson's id first");
    assert!(
        hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        "{}",
        key.id
    );
    let from = key.valid_from;
    assert!(before <= from && from <= after, "{from}");
    assert_eq!((key.revoked, key.demo), (None, false));

    // Pasted under SD's entry, as the printed comment says, the provider file still builds.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("providers/example");
    let file_text = std::fs::read_to_string(folder.join("provider.toml")).expect("provider.toml");
    let next = "\n[[staff]]\nid = \"BP\"";
    let at = file_text.find(next).expect("BP follows SD");
    let edited = format!("{}\n{printed}{}", &file_text[..at], &file_text[at..]);
    let provider = file::parse(&edited, "provider.toml", |name| {
        std::fs::read_to_string(folder.join(name)).ok()
    })
    .expect("the provider file with the new key is valid")
    .provider;
    let (staff, listed) = provider.key(&key.id).expect("the new key is listed");
    assert_eq!((&*staff.id, listed), ("SD", key));

    // The written key signs a quotation that provider verifies: valid, by SD, from today.
    let text = signed(
        contents(&format!("{FOUR}&for=PT%20Maju%20Jaya")),
        &from.to_string(),
        &private,
        &key.id,
    );
    let opened = link::decode(&text, bundled()).expect("a link");
    let claim = signature::claim(opened.seal.as_ref(), &provider).expect("a listed key");
    assert!(native::verify(&claim));
    // The same signature over one byte more does not verify: the check above could fail.
    let longer = format!("{} ", claim.message);
    assert!(!native::verify(&signature::Claim {
        message: &longer,
        ..claim.clone()
    }));
    let judged = verdict(&text, &provider, from).expect("a link");
    assert_eq!(judged.state, SignatureState::Valid);
    assert_eq!(judged.staff.map(|s| &*s.id), Some("SD"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn keygen_never_writes_over_an_existing_file() {
    let dir = scratch("keygen-existing");
    let file = dir.join("sari.jwk");
    std::fs::write(&file, "a key someone still signs with").expect("written");
    let output = quote_tool(&[
        "keygen",
        "--staff",
        "SD",
        "--out",
        file.to_str().expect("a UTF-8 path"),
    ]);
    assert!(!output.status.success());
    assert_eq!(
        std::fs::read_to_string(&file).expect("still there"),
        "a key someone still signs with"
    );
    // Nothing to paste into the provider file either.
    assert!(!String::from_utf8_lossy(&output.stdout).contains("[[staff.keys]]"));
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(unix)]
#[test]
fn keygen_writes_the_key_for_its_owner_only_and_never_into_the_repository() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = scratch("keygen-mode");
    let file = dir.join("sari.jwk");
    let output = quote_tool(&[
        "keygen",
        "--staff",
        "SD",
        "--out",
        file.to_str().expect("UTF-8"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // rw------- : no one but its owner reads it.
    let mode = std::fs::metadata(&file)
        .expect("written")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    let _ = std::fs::remove_dir_all(dir);

    // Into this repository (under target/, or beside the code): refused, nothing written.
    let inside = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/sari-inside.jwk");
    let _ = std::fs::remove_file(&inside);
    let path = inside.to_str().expect("UTF-8");
    let output = quote_tool(&["keygen", "--staff", "SD", "--out", path]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("inside the repository"));
    assert!(!inside.exists());
    // Unless the operator says so.
    let output = quote_tool(&[
        "keygen",
        "--staff",
        "SD",
        "--out",
        path,
        "--inside-repository",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(inside.exists());
    let _ = std::fs::remove_file(&inside);
}

#[test]
fn keygen_for_a_salesperson_the_provider_does_not_list_exits_2_without_a_root_key() {
    let dir = scratch("keygen-unknown");
    let file = dir.join("nobody.jwk");
    let out = file.to_str().expect("a UTF-8 path");
    // ZZ is not among provider.toml's staff (SD and BP).
    assert!(example().staff("ZZ").is_none());
    // The example provider without its [root] table: no one can certify someone it does not list.
    let example_folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("providers/example");
    let folder = dir.join("rootless");
    std::fs::create_dir_all(&folder).expect("a provider folder");
    for name in ["logo.svg", "favicon.svg"] {
        std::fs::copy(example_folder.join(name), folder.join(name)).expect("copied");
    }
    let with_root =
        std::fs::read_to_string(example_folder.join("provider.toml")).expect("provider.toml");
    let start = with_root
        .find("\n[root]\n")
        .expect("the example has a root key");
    // The table runs to the next table, or to the end of the file.
    let end = with_root[start + 1..]
        .find("\n[")
        .map_or(with_root.len(), |next| start + 1 + next);
    let rootless = format!("{}{}", &with_root[..start], &with_root[end..]);
    std::fs::write(folder.join("provider.toml"), rootless).expect("written");
    let output = Command::new(env!("CARGO_BIN_EXE_quote"))
        .args(["--provider", folder.to_str().expect("UTF-8")])
        .args(["keygen", "--staff", "ZZ", "--out", out])
        .output()
        .expect("the quote tool runs");
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!file.exists(), "no key is written for nobody");

    // The example has a root key: ZZ's key is made, to be certified in the roster rather than
    // added to provider.toml, but only for an id a quote number can carry.
    let output = quote_tool(&["keygen", "--staff", "Z-Z", "--out", out]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!file.exists());
    let output = quote_tool(&["keygen", "--staff", "ZZ", "--out", out]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(printed.contains("quote staff add"), "{printed}");
    assert!(printed.contains("--id ZZ"), "{printed}");
    assert!(!printed.contains("[[staff.keys]]"), "{printed}");
    assert!(file.exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_quote_tool_verifies_what_it_signed() {
    let unsigned = format!("{FOUR}&for=PT%20Maju%20Jaya&ref=NLY/SD/2026/11/0007&disc=5");
    let output = quote_tool(&[
        "--at",
        READING,
        "sign",
        "--key",
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/demo-key.jwk"),
        &unsigned,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let text = text.trim();
    // The whole link a salesperson sends: the provider's page, then the fragment. The tool
    // dates an undated quotation the day it signs it (`d` comes before `disc` in a link), then
    // names the demo key.
    let head = format!(
        "{}#{FOUR}&for=PT%20Maju%20Jaya&ref=NLY/SD/2026/11/0007&d=2026-12-10&disc=5&key={DEMO}&sig=",
        example().page_url
    );
    let sig = text.strip_prefix(&head).expect(text);
    assert_eq!(signature::decode(sig).map(|s| s.len()), Some(64), "r‖s");

    let json = quoted(text);
    assert_eq!(json["signature"]["state"], "valid");
    assert_eq!(json["signature"]["staff"], "SD");
    assert_eq!(json["signature"]["key"], DEMO);
    assert_eq!(json["signature"]["discount_over_limit"], false);
    let lines = negotiated(&json);
    assert_eq!(lines.len(), 4, "one line an activity");
    for line in &lines {
        assert_eq!(line["kind"]["negotiated-discount"]["rate"], "0.05");
        assert!(amount(&line["amount"]) < Decimal::ZERO, "{line}");
    }
    // 5 % off the recurring charges before VAT is 5 % off the monthly bill with VAT, give or
    // take a cent of rounding an activity.
    let list = quoted(&unsigned);
    let monthly = |j: &Value| amount(&j["estimate"]["totals"]["monthly"]);
    let expected = monthly(&list) * dec!(0.95);
    assert!(
        (monthly(&json) - expected).abs() <= dec!(0.04),
        "{} vs {expected}",
        monthly(&json)
    );
}

/// Another character of the same kind, so the link still reads as one: a digit for a digit, a
/// letter for a letter, `x` for anything else.
fn other(c: char) -> char {
    match c {
        '9' => '0',
        'z' => 'a',
        'Z' => 'A',
        '0'..='8' | 'a'..='y' | 'A'..='Y' => char::from(c as u8 + 1),
        _ => 'x',
    }
}

#[test]
fn one_character_changed_in_any_field_of_a_signed_link_is_noticed() {
    let fixture = fixture();
    assert!(fixture.is_ascii());
    // Unchanged it stands: every change below is what turns it.
    assert_eq!(
        state(fixture, example(), reading_day()),
        Ok(SignatureState::Valid)
    );
    let (message, _) = fixture.rsplit_once("&sig=").expect("signed");
    let mut names = Vec::new();
    let mut start = 0;
    for field in message.split('&') {
        let (name, _) = field.split_once('=').expect("name=value");
        names.push(name);
        for at in (0..field.len()).filter(|&at| at != name.len()) {
            let in_name = at < name.len();
            let replaced = other(char::from(field.as_bytes()[at]));
            let mut text = fixture.to_owned();
            text.replace_range(start + at..=start + at, &replaced.to_string());
            let expected = match (name, in_name) {
                // `v` says what the text is. Its name changed, it is not one of our links (`w=1`):
                // refused before any signature is read, so nothing of it is shown, signed or
                // not. Its value changed to 2, a format this release reads too: what was signed
                // as format 1 was changed.
                ("v", true) => Err(LinkError::NotALink),
                ("v", false) => Ok(SignatureState::Altered),
                // The key is looked up before any cryptography, and the provider lists one key
                // only: an id changed to one it does not list cannot be checked at all, so the
                // reader is told the key is unknown, which vouches for nothing either.
                ("key", false) => {
                    let id = &text[start + 4..text.rfind("&sig=").expect("signed")];
                    assert!(example().key(id).is_none(), "{id}");
                    Ok(SignatureState::UnknownKey)
                }
                // Any other byte before `&sig=` is signed: the signature no longer holds.
                _ => Ok(SignatureState::Altered),
            };
            assert_eq!(state(&text, example(), reading_day()), expected, "{text}");
        }
        start += field.len() + 1;
    }
    // Every field was changed, the quote details and the discount as much as the figures.
    assert_eq!(
        names,
        [
            "v",
            "t",
            "s",
            "k",
            "c",
            "l",
            "f",
            "call-centre",
            "accounting",
            "fulfilment",
            "sales",
            "for",
            "ref",
            "attn",
            "note",
            "d",
            "u",
            "disc",
            "key"
        ]
    );
}

/// base64url's alphabet, in the order of the values its characters stand for (RFC 4648 §5).
const BASE64URL: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[test]
fn one_character_changed_in_the_signature_is_altered() {
    let fixture = fixture();
    let (message, sig) = fixture.rsplit_once("&sig=").expect("signed");
    let at_sig = message.len() + "&sig=".len();
    let mut changes: Vec<(usize, char)> = Vec::new();
    for (i, c) in sig.char_indices() {
        let value = BASE64URL.find(c).expect("a base64url character");
        // The lowest bit and the highest bit of the six, and a character base64url does not
        // have (the signature no longer reads).
        for flipped in [value ^ 1, value ^ 32] {
            changes.push((i, char::from(BASE64URL.as_bytes()[flipped])));
        }
        changes.push((i, '!'));
    }
    // 64 bytes take 86 characters: the last holds 2 bits and 4 that must be zero. Any other
    // last character either changes r‖s or sets those bits; neither may read as the signature.
    let last = sig.len() - 1;
    changes.extend(
        BASE64URL
            .chars()
            .chain(['+', '/', '=', '%'])
            .filter(|&c| !sig.ends_with(c))
            .map(|c| (last, c)),
    );
    for (i, c) in changes {
        let mut text = fixture.to_owned();
        text.replace_range(at_sig + i..=at_sig + i, &c.to_string());
        assert_eq!(
            state(&text, example(), reading_day()),
            Ok(SignatureState::Altered),
            "{text}"
        );
    }
    // One character more or less: not 64 bytes.
    for text in [
        format!("{fixture}A"),
        fixture[..fixture.len() - 1].to_owned(),
    ] {
        assert_eq!(
            state(&text, example(), reading_day()),
            Ok(SignatureState::Altered),
            "{text}"
        );
    }
}

#[test]
fn damage_to_the_seal_s_own_names_reads_altered_not_unsigned() {
    let fixture = fixture();
    // Each is the fixture with one byte of `&key=` or `&sig=` changed: a signed link whose bytes
    // changed, which the rules call altered. Reading them as unsigned tells the reader "anyone
    // could have written it" where the truth is "someone changed what Sari Dewi signed".
    for (from, to) in [
        ("&key=", "&kez="),
        ("&key=", "&Key="),
        ("&key=", "&key-"),
        ("&key=", "xkey="),
        ("&sig=", "&sih="),
        ("&sig=", "&sig-"),
        ("&sig=", "xsig="),
    ] {
        let text = fixture.replacen(from, to, 1);
        assert_ne!(text, fixture);
        assert_eq!(
            state(&text, example(), reading_day()),
            Ok(SignatureState::Altered),
            "{text}"
        );
    }
}

#[test]
fn the_quote_tool_prints_altered_and_unknown_key_links_without_their_discount() {
    let fixture = fixture();
    // The fixture itself: valid, with its 5 % discount on every activity.
    let json = quoted(fixture);
    assert_eq!(json["signature"]["state"], "valid");
    assert_eq!(negotiated(&json).len(), 4);

    for (from, to, state) in [
        // The client's name, one letter.
        ("Maju%20Jaya", "Maju%20Jayb", "altered"),
        // The discount, 5 % to 6 %.
        ("&disc=5", "&disc=6", "altered"),
        // The signature's first character.
        ("&sig=Y", "&sig=Z", "altered"),
        // A key id tariffs/provider.toml does not list.
        ("&key=SD-14cd3d", "&key=SD-14cd3e", "unknown-key"),
    ] {
        let text = fixture.replacen(from, to, 1);
        assert_ne!(text, fixture);
        let json = quoted(&text);
        assert_eq!(json["signature"]["state"], state, "{text}");
        assert_eq!(json["signature"]["discount_over_limit"], false);
        assert_eq!(negotiated(&json), Vec::<Value>::new(), "{text}");
    }
}

#[test]
fn a_link_without_its_signature_is_unsigned_and_gets_no_discount() {
    let fixture = fixture();
    let at = fixture.find("&key=").expect("signed");
    let text = &fixture[..at];
    assert!(text.ends_with("&disc=5"), "the discount is still asked for");
    let json = quoted(text);
    assert_eq!(json["signature"]["state"], "unsigned");
    assert_eq!(json["signature"]["staff"], Value::Null);
    assert_eq!(json["signature"]["key"], Value::Null);
    assert_eq!(json["signature"]["discount_over_limit"], false);
    assert_eq!(negotiated(&json), Vec::<Value>::new());
    // What the link asks is still shown, only not applied.
    assert_eq!(json["quote"]["asked_discount"], "0.05");
    assert_eq!(json["quote"]["discount"], Value::Null);
}

#[test]
fn a_quotation_dated_after_today_is_not_yet_valid() {
    let today = today();
    let later = today.plus_days(10).expect("a date");
    let text = signed(
        contents(&format!("{FOUR}&for=PT%20Maju%20Jaya&disc=5")),
        &later.to_string(),
        &demo_key(),
        DEMO,
    );
    let judged = verdict(&text, example(), today).expect("a link");
    assert_eq!(judged.state, SignatureState::NotYetValid);
    assert_eq!(judged.discount, None);
    // On the day it is dated, the same link is valid: only the date made it not yet valid.
    let judged = verdict(&text, example(), later).expect("a link");
    assert_eq!(judged.state, SignatureState::Valid);
    assert_eq!(judged.discount, Some(dec!(0.05)));
}

#[test]
fn a_quotation_dated_before_its_tariff_took_effect_is_not_yet_valid() {
    // Tariff 2026-11 takes effect on 2026-11-01; the demo key is listed from the same day, so
    // for the date to be the tariff's problem and not the key's, the key is listed earlier here.
    let earlier = with_demo_key(|k| k.valid_from = day("2026-01-01"));
    // Read on 2026-11-20, within the 30 days either date holds for.
    let four = contents(FOUR);
    for (issued, expected) in [
        ("2026-10-31", SignatureState::NotYetValid),
        ("2026-11-01", SignatureState::Valid),
    ] {
        let text = signed(four.clone(), issued, &demo_key(), DEMO);
        assert_eq!(
            state(&text, &earlier, day("2026-11-20")),
            Ok(expected),
            "{issued}"
        );
    }
}

#[test]
fn a_withdrawn_key_ends_every_quotation_that_would_hold_past_its_withdrawal() {
    let withdrawn = with_demo_key(|k| k.revoked = Some(day("2026-12-01")));
    let four = contents(&format!("{FOUR}&for=PT%20Maju%20Jaya&disc=5"));
    let ending = contents(&format!("{FOUR}&for=PT%20Maju&u=2026-11-30&disc=5"));
    // (quotation, dated, read on, state): the tariff holds a quotation 30 days from its date.
    for (quotation, issued, read, expected) in [
        // Dated on or after the withdrawal: never.
        (&four, "2026-12-01", "2026-12-10", SignatureState::Revoked),
        (&four, "2026-12-05", "2026-12-10", SignatureState::Revoked),
        // Dated the day before, holding to 2026-12-30: it stood until the withdrawal, and not
        // from then on, however early it was dated.
        (&four, "2026-11-30", "2026-11-30", SignatureState::Valid),
        (&four, "2026-11-30", "2026-12-01", SignatureState::Revoked),
        (&four, "2026-11-15", "2026-12-10", SignatureState::Revoked),
        // One that ended before the withdrawal was never touched by it: read later, expired.
        (&ending, "2026-11-15", "2026-11-20", SignatureState::Valid),
        (&ending, "2026-11-15", "2026-12-10", SignatureState::Expired),
    ] {
        let text = signed(quotation.clone(), issued, &demo_key(), DEMO);
        let judged = verdict(&text, &withdrawn, day(read)).expect("a link");
        assert_eq!(judged.state, expected, "dated {issued}, read {read}");
        let discount = expected.vouches().then_some(dec!(0.05));
        assert_eq!(judged.discount, discount, "dated {issued}, read {read}");
        // With the key not withdrawn the same link stands: the withdrawal made the difference.
        if expected == SignatureState::Revoked {
            assert_eq!(
                state(&text, example(), day(read)),
                Ok(SignatureState::Valid)
            );
        }
    }
}

#[test]
fn a_quotation_holds_at_most_the_providers_90_days_whatever_its_link_says() {
    // Dated 28 November 2026 and asking until 2099: it holds to 26 February 2027, 90 days on
    // (2 days of November, 31 of December, 31 of January and 26 of February), and reads
    // expired from the next day.
    let text = signed(
        contents(&format!("{FOUR}&for=PT%20Maju&u=2099-12-31")),
        "2026-11-28",
        &demo_key(),
        DEMO,
    );
    assert_eq!(
        state(&text, example(), day("2027-02-26")),
        Ok(SignatureState::Valid)
    );
    assert_eq!(
        state(&text, example(), day("2027-02-27")),
        Ok(SignatureState::Expired)
    );
    // The tool says the same: 23:59:59 on the 26th in Jakarta, then midnight.
    let before = json(&quote_tool(&["--at", "2027-02-26T16:59:59Z", &text]));
    assert_eq!(before["valid_until"], "2027-02-26");
    assert_eq!(before["standing"], "valid");
    let after = json(&quote_tool(&["--at", "2027-02-26T17:00:00Z", &text]));
    assert_eq!(after["standing"], "expired");
}

#[test]
fn a_key_the_provider_does_not_list_is_unknown() {
    let (key, jwk) = native::generate("SD");
    let members: Value = serde_json::from_str(&jwk).expect("JSON");
    let id = members["kid"].as_str().expect("a key id");
    assert!(example().key(id).is_none(), "{id} is a new key");
    let text = signed(contents(FOUR), "2026-11-28", &key, id);
    let judged = verdict(&text, example(), reading_day()).expect("a link");
    assert_eq!(judged.state, SignatureState::UnknownKey);
    assert_eq!(
        (judged.staff, judged.key, judged.discount),
        (None, None, None)
    );

    // The signature itself is good: with the key listed under SD, the same link is valid.
    let mut listed = example().clone();
    let sd = listed
        .staff
        .to_mut()
        .iter_mut()
        .find(|s| s.id == "SD")
        .expect("SD");
    sd.keys.to_mut().push(StaffKey {
        id: Cow::Owned(id.to_owned()),
        public: Cow::Owned(native::public(&key)),
        valid_from: day("2026-11-01"),
        revoked: None,
        demo: false,
    });
    listed
        .validate()
        .expect("a provider file the build accepts");
    assert_eq!(
        state(&text, &listed, reading_day()),
        Ok(SignatureState::Valid)
    );
}

#[test]
fn a_quotation_dated_before_its_key_came_into_use_says_so() {
    // The demo key is listed from 2026-11-01: a known key, used before its first day, is not an
    // unknown one.
    let text = signed(contents(FOUR), "2026-10-31", &demo_key(), DEMO);
    assert_eq!(
        state(&text, example(), reading_day()),
        Ok(SignatureState::KeyNotYetValid)
    );
    // 2026-10-31 is also before the tariff took effect: with the key listed from 2026-12-01
    // instead, a date inside the tariff but before the key reads the same.
    let later = with_demo_key(|k| k.valid_from = day("2026-12-01"));
    for (issued, expected) in [
        ("2026-11-30", SignatureState::KeyNotYetValid),
        ("2026-12-01", SignatureState::Valid),
    ] {
        let text = signed(contents(FOUR), issued, &demo_key(), DEMO);
        assert_eq!(
            state(&text, &later, reading_day()),
            Ok(expected),
            "{issued}"
        );
    }
}

#[test]
fn the_quote_tool_refuses_to_sign_a_discount_over_the_signers_limit() {
    let key = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/demo-key.jwk");
    // Sari Dewi (SD) may give 10 % (max_discount = "0.10" in tariffs/provider.toml).
    let sign = |link: &str| quote_tool(&["--at", READING, "sign", "--key", key, link]);
    let over = sign(&format!("{FOUR}&disc=12"));
    assert!(!over.status.success());
    assert_eq!(json(&over)["refused"]["code"], "discount_over_limit");
    let at = sign(&format!("{FOUR}&disc=10"));
    assert!(
        at.status.success(),
        "{}",
        String::from_utf8_lossy(&at.stderr)
    );
    assert!(String::from_utf8_lossy(&at.stdout).contains("&disc=10&key=SD-14cd3d&sig="));
}

#[test]
fn a_discount_over_the_limit_signed_anyway_is_not_applied() {
    // Signed by hand past the tool's refusal: the signature holds, the discount does not.
    // Dated on the fixture's day and held until 2099, so it is valid whenever the test runs.
    let four = contents(&format!("{FOUR}&u=2099-12-31&disc=12"));
    let text = signed(four, "2026-11-28", &demo_key(), DEMO);
    let opened = link::decode(&text, bundled()).expect("a link");
    let claim = signature::claim(opened.seal.as_ref(), example()).expect("the demo key");
    assert!(native::verify(&claim));
    let judged = verdict(&text, example(), reading_day()).expect("a link");
    assert_eq!(judged.state, SignatureState::Valid);
    assert!(judged.over_limit);
    assert_eq!(judged.discount, None);

    let json = quoted(&text);
    assert_eq!(json["signature"]["state"], "valid");
    assert_eq!(json["signature"]["discount_over_limit"], true);
    assert_eq!(negotiated(&json), Vec::<Value>::new());

    // Exactly at the limit, it applies.
    let four = contents(&format!("{FOUR}&u=2099-12-31&disc=10"));
    let text = signed(four, "2026-11-28", &demo_key(), DEMO);
    let judged = verdict(&text, example(), reading_day()).expect("a link");
    assert_eq!(
        (judged.state, judged.over_limit, judged.discount),
        (SignatureState::Valid, false, Some(dec!(0.10)))
    );
}

#[test]
fn a_signed_four_activity_quotation_fits_in_400_characters() {
    let quotation = contents(&format!(
        "{FOUR}&for=PT%20Maju%20Jaya&ref=NLY/SD/2026/11/0007&attn=Ibu%20Rina&disc=10"
    ));
    assert_eq!(quotation.request.activities.len(), 4);
    let text = signed(quotation, "2026-11-28", &demo_key(), DEMO);
    assert_eq!(
        state(&text, example(), reading_day()),
        Ok(SignatureState::Valid)
    );
    assert!(text.len() <= 400, "{} characters: {text}", text.len());
    println!(
        "a signed four-activity quotation: {} characters",
        text.len()
    );
}

#[test]
fn the_twin_signature_with_n_minus_s_is_refused_so_a_quotation_has_one_link() {
    use p256::ecdsa::signature::Verifier;
    use p256::ecdsa::{Signature, VerifyingKey};
    let fixture = fixture();
    let (message, sig) = fixture.rsplit_once("&sig=").expect("signed");
    let bytes = signature::decode(sig).expect("base64url");
    // What the quote tool writes is the canonical one, s at most n / 2.
    assert!(signature::is_canonical(&bytes));
    let written = Signature::from_slice(&bytes).expect("r and s");
    let (r, s) = written.split_scalars();
    let twin = Signature::from_scalars(r, -*s).expect("r and n - s");
    let key = native::signing_key(include_str!("fixtures/demo-key.jwk")).expect("the demo key");
    let verifying = VerifyingKey::from(&key);
    // ECDSA itself takes both...
    assert!(verifying.verify(message.as_bytes(), &written).is_ok());
    assert!(verifying.verify(message.as_bytes(), &twin).is_ok());
    // ...the link with the twin reads altered and vouches for nothing.
    let forged = format!("{message}&sig={}", signature::encode(&twin.to_bytes()));
    assert_ne!(forged, fixture);
    assert_eq!(
        state(&forged, example(), reading_day()),
        Ok(SignatureState::Altered)
    );
    // Putting the twin in canonical form gives back the signature written.
    let mut canonical = twin.to_bytes().to_vec();
    signature::canonicalise(&mut canonical);
    assert_eq!(canonical, bytes);
}

#[test]
fn a_quotation_signed_in_the_browser_verifies_natively() {
    // Issued by the sales console in headless Chromium with the demo key (WebCrypto), dated
    // 2026-11-29, holding for the tariff's 30 days, 5 % off: `.ci/page.mjs` issues one like it
    // on every run and has the quote tool check it; this one is kept.
    let signed = include_str!("fixtures/signed-in-browser.txt").trim();
    assert_eq!(
        state(signed, example(), day("2026-12-01")),
        Ok(SignatureState::Valid)
    );
    assert_eq!(
        state(signed, example(), day("2026-12-30")),
        Ok(SignatureState::Expired)
    );
    let output = quote_tool(&["--at", "2026-12-01T03:00:00Z", signed]);
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["signature"]["state"], "valid");
    assert_eq!(json["signature"]["staff"], "SD");
    assert_eq!(json["signature"]["key"], DEMO);
    // One character of the client changed: altered.
    let changed = signed.replacen("Maju", "Maja", 1);
    assert_eq!(
        state(&changed, example(), day("2026-12-01")),
        Ok(SignatureState::Altered)
    );
}
