//! Salespeople certified after the release (`roster`), natively: the quote tool writes the
//! roster (`quote staff add`, `quote staff withdraw`), lists it (`quote staff list`), signs with a
//! certified key (`quote sign --roster`) and judges links by it (`quote --roster`), as an operator
//! and a reader would use it, with the example provider and its demo root key
//! (tests/fixtures/demo-root.jwk, ROOT-7b18e7).
//!
//! The rules, restated: a roster line counts only where the provider's root key signed exactly
//! its text, for this provider's quote prefix; a certified key signs from its first day to its
//! last (`--until`), within its certificate's largest discount; a withdrawal from a day ends
//! every quotation dated from that day or holding past it, as a `revoked` key in the provider
//! file does (tests/signature.rs). A quotation of tariff 2026-11 holds 30 days from its date
//! unless its link says less. Every day is the provider's (Asia/Jakarta, UTC+7): the tool runs
//! with `--at`, at 10:00 in Jakarta (03:00 UTC) on the day named.

#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use biaya_bpo::calendar::Date;
use biaya_bpo::link::{self, Dropped};
use biaya_bpo::provider::{Provider, Staff, StaffKey, fixture as example};
use biaya_bpo::roster;
use biaya_bpo::signature::{self, native};
use biaya_bpo::tariff::{Text, catalogue};
use p256::ecdsa::SigningKey;
use rust_decimal_macros::dec;
use serde_json::Value;

mod tool;
use tool::quote_tool;

/// A four-activity estimate, as in tests/signature.rs: hand-written, without a check.
const FOUR: &str = "v=1&t=2026-11&s=jakarta&k=36m&c=USD&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&accounting=4000.1500.250.2.6~1&fulfilment=12000.9000.120.0.300.40~1&sales=3.40.150~1";

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/demo-root.jwk");

/// Sari Dewi's demo key: the provider's, not its root.
const NOT_ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/demo-key.jwk");

/// 10:00 in Jakarta on `day`.
fn at(day: &str) -> String {
    format!("{day}T03:00:00Z")
}

fn day(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn succeeded(output: &Output) {
    assert!(
        output.status.success(),
        "{}\n{}",
        stdout(output),
        stderr(output)
    );
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(output), stderr(output)))
}

/// A fresh folder for one test's files, outside the repository (keygen refuses it).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("biaya-roster-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).expect("the file is there")
}

/// `contents` (an unsigned link) dated `issued`, signed with `key` under `id`, by hand: what a
/// salesperson's console would issue, past any refusal of the tool's.
fn signed(contents: &str, issued: &str, key: &SigningKey, id: &str) -> String {
    let opened = link::decode(contents, catalogue().expect("tariffs")).expect(contents);
    assert_eq!(opened.dropped, [Dropped::Truncated], "{contents}");
    let mut contents = opened.contents;
    contents.quote.issued = Some(day(issued));
    let tariff = catalogue()
        .expect("tariffs")
        .get(&contents.tariff)
        .expect("a bundled tariff");
    let signable = link::signable(&contents, tariff, id);
    link::sealed(&signable, &native::sign(key, &signable))
}

/// Ayu Rahma, who joined after the release, with the key `quote keygen --staff AR` made her, and
/// the roster of one test.
struct Team {
    dir: PathBuf,
    roster: PathBuf,
    key: SigningKey,
    /// Her key's id, as her key file names it.
    id: String,
    public: String,
}

impl Team {
    fn new(name: &str) -> Self {
        let dir = scratch(name);
        let file = dir.join("ayu.jwk");
        let output = quote_tool(&["keygen", "--staff", "AR", "--out", path(&file)]);
        succeeded(&output);
        // keygen prints the `quote staff add` that certifies her, with her public key.
        let printed = stdout(&output);
        let public = printed
            .split_whitespace()
            .skip_while(|word| *word != "--public")
            .nth(1)
            .expect("keygen prints --public")
            .to_owned();
        let jwk = text(&file);
        let members: Value = serde_json::from_str(&jwk).expect("JSON");
        let id = members["kid"].as_str().expect("a key id").to_owned();
        let key = native::signing_key(&jwk).expect("a P-256 key");
        assert_eq!(native::public(&key), public, "{printed}");
        Self {
            roster: dir.join("staff.txt"),
            dir,
            key,
            id,
            public,
        }
    }

    /// `quote staff add` for Ayu on `today`: from 2026-12-01, 8 % at most, with `changed` in
    /// place of the options it names (or added).
    fn add(&self, today: &str, changed: &[(&str, &str)]) -> Output {
        let mut options = vec![
            ("--root", ROOT),
            ("--id", "AR"),
            ("--public", &self.public),
            ("--name", "Ayu Rahma"),
            ("--title-id", "Manajer Akun"),
            ("--title-en", "Account Manager"),
            ("--email", "ayu.rahma@nusa-layanan.example"),
            ("--whatsapp", "6281234567890"),
            ("--max-discount", "0.08"),
            ("--from", "2026-12-01"),
        ];
        for &(name, value) in changed {
            match options.iter_mut().find(|(n, _)| *n == name) {
                Some(option) => option.1 = value,
                None => options.push((name, value)),
            }
        }
        let at = at(today);
        let mut args = vec!["--at", &at, "staff", "add", "--roster", path(&self.roster)];
        args.extend(options.iter().flat_map(|(n, v)| [*n, *v]));
        quote_tool(&args)
    }

    /// Ayu certified, as the operator would do it on 2026-12-01.
    fn certified(name: &str) -> Self {
        let team = Self::new(name);
        succeeded(&team.add("2026-12-01", &[]));
        team
    }

    fn sign(&self, contents: &str, issued: &str) -> String {
        signed(contents, issued, &self.key, &self.id)
    }

    /// What `quote` prints about `link` on `today`, with the roster given or not.
    fn read(&self, link: &str, today: &str, with_roster: bool) -> Value {
        let at = at(today);
        let mut args = vec!["--at", at.as_str()];
        if with_roster {
            args.extend(["--roster", path(&self.roster)]);
        }
        args.push(link);
        let output = quote_tool(&args);
        succeeded(&output);
        json(&output)
    }

    fn state(&self, link: &str, today: &str) -> String {
        self.read(link, today, true)["signature"]["state"]
            .as_str()
            .expect("a state")
            .to_owned()
    }

    fn list(&self) -> Output {
        quote_tool(&["staff", "list", "--roster", path(&self.roster)])
    }
}

impl Drop for Team {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn path(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// The negotiated-discount rates of every activity of an estimate the quote tool printed.
fn negotiated(json: &Value) -> Vec<Value> {
    json["estimate"]["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .flat_map(|a| a["monthly_lines"].as_array().expect("lines").iter())
        .filter_map(|l| l["kind"]["negotiated-discount"].get("rate").cloned())
        .collect()
}

/// Ayu's certificate for `provider`, as `roster` words it, signed with `key`: a line written
/// without the tool, to put in a roster what the tool would not.
fn certificate_line(team: &Team, provider: &Provider, key: &SigningKey) -> String {
    let listed = StaffKey {
        id: Cow::Owned(team.id.clone()),
        public: Cow::Owned(team.public.clone()),
        valid_from: day("2026-12-01"),
        revoked: None,
        demo: false,
    };
    let staff = Staff {
        id: "AR".into(),
        name: "Ayu Rahma".into(),
        title: Text {
            id: "Manajer Akun".into(),
            en: "Account Manager".into(),
        },
        email: "ayu.rahma@nusa-layanan.example".into(),
        whatsapp: "6281234567890".into(),
        max_discount: dec!(0.08),
        approves_up_to: None,
        keys: vec![listed.clone()].into(),
    };
    let message = roster::certificate(provider, &staff, &listed, None).expect("writable");
    roster::line(&message, &native::sign(key, &message))
}

fn root_key() -> SigningKey {
    native::signing_key(include_str!("fixtures/demo-root.jwk")).expect("the demo root key")
}

/// The 1-based number of the line of `file` that holds `part`.
fn line_of(file: &str, part: &str) -> usize {
    file.lines().position(|l| l.contains(part)).expect(part) + 1
}

#[test]
fn a_salesperson_the_root_key_certified_signs_quotations_read_as_hers_with_the_roster() {
    let team = Team::new("certified");
    let output = team.add("2026-12-01", &[]);
    succeeded(&output);
    // One line: who, which key, which file, and where the file goes.
    let said = stdout(&output);
    assert_eq!(said.lines().count(), 1, "{said}");
    for part in ["Ayu Rahma", &team.id, path(&team.roster), "index.html"] {
        assert!(said.contains(part), "{part}: {said}");
    }
    // A new file says what it is in comments, then holds her certificate: the fields in the
    // order roster.rs documents, no last day, then the root key's signature.
    let file = text(&team.roster);
    let (comments, lines): (Vec<&str>, Vec<&str>) = file.lines().partition(|l| l.starts_with('#'));
    assert!((2..=3).contains(&comments.len()), "{file}");
    assert!(file.contains("index.html"), "{file}");
    let [line] = lines[..] else {
        panic!("one certificate: {file}");
    };
    let signed_text = format!(
        "cert 1|NLY|AR|{}|{}|2026-12-01||0.08|Ayu Rahma|Manajer Akun|Account Manager|ayu.rahma@nusa-layanan.example|6281234567890|",
        team.id, team.public
    );
    let signature = line.strip_prefix(&signed_text).expect(line);
    assert_eq!(signature::decode(signature).map(|s| s.len()), Some(64));

    // Her quotation, dated 2026-12-05 with 5 % off, read on 2026-12-10: hers, with the roster.
    let link = team.sign(&format!("{FOUR}&for=PT%20Maju&disc=5"), "2026-12-05");
    let json = team.read(&link, "2026-12-10", true);
    assert_eq!(json["standing"], "valid");
    assert_eq!(json["signature"]["staff"], "AR");
    assert_eq!(json["signature"]["key"], team.id);
    assert_eq!(json["quote"]["signer"]["name"], "Ayu Rahma");
    assert_eq!(json["quote"]["signer"]["title"]["en"], "Account Manager");
    assert_eq!(negotiated(&json), vec![Value::from("0.05"); 4]);
    // Without it, the provider file does not know her key: no one vouches, nothing off.
    let json = team.read(&link, "2026-12-10", false);
    assert_eq!(json["standing"], "unknown-key");
    assert_eq!(json["quote"]["signer"], Value::Null);
    assert_eq!(negotiated(&json), Vec::<Value>::new());

    // Listed as the page will read her: no last day, 8 % at most, and no line passed over.
    let listed = team.list();
    succeeded(&listed);
    assert_eq!(
        stdout(&listed),
        format!(
            "AR\tAyu Rahma\t{}\tfrom 2026-12-01, until withdrawn\tlargest discount 0.08\n",
            team.id
        )
    );
}

#[test]
fn staff_add_dates_a_certificate_from_the_providers_today_unless_told() {
    let team = Team::new("today");
    // 20:00 UTC on 7 December is 03:00 on 8 December in Jakarta.
    let at = "2026-12-07T20:00:00Z";
    let mut args = vec!["--at", at, "staff", "add", "--roster", path(&team.roster)];
    let options = [
        ("--root", ROOT),
        ("--id", "AR"),
        ("--public", team.public.as_str()),
        ("--name", "Ayu Rahma"),
        ("--title-id", "Manajer Akun"),
        ("--title-en", "Account Manager"),
        ("--email", "ayu.rahma@nusa-layanan.example"),
        ("--whatsapp", "6281234567890"),
        ("--max-discount", "0.08"),
    ];
    args.extend(options.iter().flat_map(|(n, v)| [*n, *v]));
    succeeded(&quote_tool(&args));
    assert!(
        text(&team.roster).contains(&format!("|{}|2026-12-08||0.08|", team.public)),
        "{}",
        text(&team.roster)
    );
}

#[test]
fn a_roster_line_changed_after_signing_is_passed_over() {
    let team = Team::certified("changed");
    let link = team.sign(&format!("{FOUR}&disc=5"), "2026-12-05");
    // Unchanged, it stands: each change below is what turns it.
    assert_eq!(team.state(&link, "2026-12-10"), "valid");
    let original = text(&team.roster);
    let signature_start = original.trim_end().rfind('|').expect("signed") + 1;
    let last_sign = original.trim_end().len() - 1;
    let mut changed_signature = original.clone();
    // The signature's first character, changed to another that still reads.
    let first = &original[signature_start..=signature_start];
    let other = if first == "A" { "B" } else { "A" };
    changed_signature.replace_range(signature_start..=signature_start, other);
    for changed in [
        original.replacen("|0.08|", "|0.50|", 1),
        original.replacen("|Ayu Rahma|", "|Ayu Rahmi|", 1),
        original.replacen("|2026-12-01||", "|2026-11-01||", 1),
        original.replacen("|2026-12-01||", "|2026-12-01|2099-12-31|", 1),
        changed_signature,
        // Cut short by one character: 64 bytes no more.
        format!("{}\n", &original[..last_sign]),
    ] {
        assert_ne!(changed, original);
        std::fs::write(&team.roster, &changed).expect("written");
        assert_eq!(team.state(&link, "2026-12-10"), "unknown-key", "{changed}");
        // The list says which line the page passes over, and that nothing else holds.
        let listed = team.list();
        assert_eq!(listed.status.code(), Some(1), "{changed}");
        let number = line_of(&changed, "cert 1|");
        let said = stdout(&listed);
        assert!(
            said == format!("line {number}: not signed by ROOT-7b18e7: ignored by the page\n")
                || said == format!("line {number}: not a signed line: ignored by the page\n"),
            "{said}"
        );
    }
}

#[test]
fn a_certificate_signed_by_another_key_than_the_root_is_passed_over() {
    let team = Team::new("other-signer");
    let link = team.sign(&format!("{FOUR}&disc=5"), "2026-12-05");
    // The same words, signed with Sari Dewi's key: a real signature, not the root's.
    let sari = native::signing_key(include_str!("fixtures/demo-key.jwk")).expect("the demo key");
    std::fs::write(
        &team.roster,
        format!("{}\n", certificate_line(&team, example(), &sari)),
    )
    .expect("written");
    assert_eq!(team.state(&link, "2026-12-10"), "unknown-key");
    assert_eq!(
        stdout(&team.list()),
        "line 1: not signed by ROOT-7b18e7: ignored by the page\n"
    );
    // Signed with the root key, the same words certify her.
    std::fs::write(
        &team.roster,
        format!("{}\n", certificate_line(&team, example(), &root_key())),
    )
    .expect("written");
    assert_eq!(team.state(&link, "2026-12-10"), "valid");
}

#[test]
fn another_providers_certificate_is_passed_over_though_the_root_key_signed_it() {
    let team = Team::new("other-provider");
    let link = team.sign(&format!("{FOUR}&disc=5"), "2026-12-05");
    let mut acme = example().clone();
    acme.quote_prefix = "ACM".into();
    std::fs::write(
        &team.roster,
        format!("{}\n", certificate_line(&team, &acme, &root_key())),
    )
    .expect("written");
    assert_eq!(team.state(&link, "2026-12-10"), "unknown-key");
    let listed = team.list();
    assert_eq!(listed.status.code(), Some(1));
    let said = stdout(&listed);
    assert!(
        said.starts_with("line 1: ")
            && said.contains("NLY")
            && said.ends_with("ignored by the page\n"),
        "{said}"
    );
}

#[test]
fn a_withdrawal_ends_the_quotations_dated_from_its_day_or_holding_past_it() {
    let team = Team::certified("withdraw");
    let before = text(&team.roster);
    let output = quote_tool(&[
        "--at",
        &at("2027-01-09"),
        "staff",
        "withdraw",
        "--root",
        ROOT,
        "--roster",
        path(&team.roster),
        "--key",
        &team.id,
        "--from",
        "2027-01-10",
    ]);
    succeeded(&output);
    assert!(stdout(&output).contains(&team.id), "{}", stdout(&output));
    let after = text(&team.roster);
    // What was there stays; one line more, the signed withdrawal.
    let added = after.strip_prefix(&before).expect("appended");
    let signature = added
        .trim_end()
        .strip_prefix(&format!("withdraw 1|NLY|{}|2027-01-10|", team.id))
        .expect(added);
    assert_eq!(signature::decode(signature).map(|s| s.len()), Some(64));

    // 30 days from its date unless the link says less.
    let thirty = format!("{FOUR}&for=PT%20Maju&disc=5");
    let ending = format!("{FOUR}&for=PT%20Maju&u=2027-01-09&disc=5");
    for (quotation, issued, read, expected) in [
        // Dated on the withdrawal's day: never.
        (&thirty, "2027-01-10", "2027-01-12", "revoked"),
        // Dated 5 January, holding to 4 February: it stood until the withdrawal, not after.
        (&thirty, "2027-01-05", "2027-01-08", "valid"),
        (&thirty, "2027-01-05", "2027-01-12", "revoked"),
        // Its last day, 9 January, is before the withdrawal: it stands to its end, then expires.
        (&ending, "2026-12-20", "2027-01-09", "valid"),
        (&ending, "2026-12-20", "2027-01-12", "expired"),
    ] {
        std::fs::write(&team.roster, &after).expect("written");
        let link = team.sign(quotation, issued);
        assert_eq!(
            team.state(&link, read),
            expected,
            "dated {issued}, read {read}"
        );
        // Without the withdrawal the same link stands: the withdrawal made the difference.
        if expected == "revoked" {
            std::fs::write(&team.roster, &before).expect("written");
            assert_eq!(team.state(&link, read), "valid", "dated {issued}");
        }
    }
    std::fs::write(&team.roster, &after).expect("written");
    let listed = team.list();
    succeeded(&listed);
    assert_eq!(
        stdout(&listed),
        format!(
            "AR\tAyu Rahma\t{}\tfrom 2026-12-01, withdrawn from 2027-01-10\tlargest discount 0.08\n",
            team.id
        )
    );
    // Signing on 9 January a quotation that would hold past the 10th: refused.
    let key_file = team.dir.join("ayu.jwk");
    let sign = quote_tool(&[
        "--at",
        &at("2027-01-09"),
        "--roster",
        path(&team.roster),
        "sign",
        "--key",
        path(&key_file),
        FOUR,
    ]);
    assert!(!sign.status.success());
    assert_eq!(json(&sign)["refused"]["code"], "key_withdrawn");
}

#[test]
fn staff_withdraw_refuses_a_key_the_roster_does_not_certify() {
    let team = Team::certified("withdraw-unknown");
    let before = text(&team.roster);
    let withdraw = |key: &str| {
        quote_tool(&[
            "--at",
            &at("2027-01-09"),
            "staff",
            "withdraw",
            "--root",
            ROOT,
            "--roster",
            path(&team.roster),
            "--key",
            key,
        ])
    };
    // Sari Dewi's key is in the provider file: withdrawn there, with `revoked`.
    let output = withdraw("SD-14cd3d");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("revoked"), "{}", stderr(&output));
    // A key no one certified.
    let output = withdraw("AR-000000");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("AR-000000"), "{}", stderr(&output));
    assert_eq!(text(&team.roster), before);
}

#[test]
fn a_discount_over_the_certified_limit_is_not_applied() {
    let team = Team::certified("limit");
    // Certified for 8 %: 10 %, signed anyway, stands undiscounted; 8 % applies.
    let over = team.sign(&format!("{FOUR}&disc=10"), "2026-12-05");
    let json = team.read(&over, "2026-12-10", true);
    assert_eq!(json["signature"]["state"], "valid");
    assert_eq!(json["signature"]["discount_over_limit"], true);
    assert_eq!(negotiated(&json), Vec::<Value>::new());
    let at_limit = team.sign(&format!("{FOUR}&disc=8"), "2026-12-05");
    let json = team.read(&at_limit, "2026-12-10", true);
    assert_eq!(json["signature"]["discount_over_limit"], false);
    assert_eq!(negotiated(&json), vec![Value::from("0.08"); 4]);
}

#[test]
fn a_certificate_signs_to_its_last_day_and_no_further() {
    let team = Team::new("until");
    succeeded(&team.add("2026-12-01", &[("--until", "2027-01-31")]));
    let listed = team.list();
    assert!(
        stdout(&listed).contains("from 2026-12-01, until 2027-01-31"),
        "{}",
        stdout(&listed)
    );
    let quotation = format!("{FOUR}&disc=5");
    // Dated on its last day, read that day: valid.
    let last = team.sign(&quotation, "2027-01-31");
    assert_eq!(team.state(&last, "2027-01-31"), "valid");
    // The next day the key no longer signs: neither a quotation dated then nor one holding past.
    let after = team.sign(&quotation, "2027-02-01");
    assert_eq!(team.state(&after, "2027-02-01"), "revoked");
    assert_eq!(team.state(&last, "2027-02-01"), "revoked");
}

#[test]
fn sign_takes_a_certified_key_with_the_roster_within_its_limit() {
    let team = Team::certified("sign");
    let key_file = team.dir.join("ayu.jwk");
    let sign = |link: &str, with_roster: bool| {
        let at = at("2026-12-10");
        let mut args = vec!["--at", at.as_str()];
        if with_roster {
            args.extend(["--roster", path(&team.roster)]);
        }
        args.extend(["sign", "--key", path(&key_file), link]);
        quote_tool(&args)
    };
    let output = sign(&format!("{FOUR}&for=PT%20Maju&disc=5"), true);
    succeeded(&output);
    let link = stdout(&output);
    let link = link.trim();
    // Dated the day it was signed, named by her key.
    assert!(
        link.contains(&format!("&d=2026-12-10&disc=5&key={}&sig=", team.id)),
        "{link}"
    );
    let read = team.read(link, "2026-12-10", true);
    assert_eq!(read["standing"], "valid");
    assert_eq!(read["quote"]["signer"]["name"], "Ayu Rahma");
    assert_eq!(negotiated(&read), vec![Value::from("0.05"); 4]);
    // 10 % is over her 8 %: signed as a request for Sari Dewi's approval (she approves up to
    // 20 %), which prices no discount until approved; 21 % nobody may approve.
    let request = sign(&format!("{FOUR}&disc=10"), true);
    succeeded(&request);
    assert!(
        stderr(&request).contains("until Sari Dewi approves it"),
        "{}",
        stderr(&request)
    );
    let request = stdout(&request);
    let request = request.trim();
    let read = team.read(request, "2026-12-10", true);
    assert_eq!(read["signature"]["discount_over_limit"], true);
    assert_eq!(read["quote"]["discount"], Value::Null);
    // Sari approves it with the roster that certifies Ayu: her 10 % is priced.
    let sari = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/demo-key.jwk");
    let at_the_day = at("2026-12-10");
    let approved = quote_tool(&[
        "--at",
        at_the_day.as_str(),
        "--roster",
        path(&team.roster),
        "approve",
        "--key",
        sari,
        request,
    ]);
    succeeded(&approved);
    let read = team.read(stdout(&approved).trim(), "2026-12-10", true);
    assert_eq!(read["quote"]["approved_by"]["name"], "Sari Dewi");
    assert_eq!(negotiated(&read), vec![Value::from("0.10"); 4]);
    let over = sign(&format!("{FOUR}&disc=21"), true);
    assert!(!over.status.success());
    assert_eq!(json(&over)["refused"]["code"], "discount_over_limit");
    // Without the roster her key is no one's.
    let unknown = sign(&format!("{FOUR}&disc=5"), false);
    assert!(!unknown.status.success());
    assert_eq!(json(&unknown)["refused"]["code"], "unknown_key");
    // A roster that is not there is said, with its path.
    let missing = team.dir.join("nowhere.txt");
    let output = quote_tool(&["--at", &at("2026-12-10"), "--roster", path(&missing), link]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains(path(&missing)),
        "{}",
        stderr(&output)
    );
}

#[test]
fn staff_add_with_another_key_than_the_root_is_refused_and_writes_nothing() {
    let team = Team::new("wrong-root");
    let output = team.add("2026-12-01", &[("--root", NOT_ROOT)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("this is not the provider's root key (ROOT-7b18e7)"),
        "{}",
        stderr(&output)
    );
    assert!(!team.roster.exists());
    // Nor into a roster that is there.
    succeeded(&team.add("2026-12-01", &[]));
    let before = text(&team.roster);
    let (key, _) = native::generate("BR");
    let output = team.add(
        "2026-12-01",
        &[
            ("--root", NOT_ROOT),
            ("--id", "BR"),
            ("--public", &native::public(&key)),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&team.roster), before);
}

#[test]
fn staff_add_twice_for_the_same_key_is_refused() {
    let team = Team::certified("twice");
    let before = text(&team.roster);
    let output = team.add("2026-12-02", &[("--max-discount", "0.09")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains(&team.id), "{}", stderr(&output));
    assert_eq!(text(&team.roster), before);
    // Nor under another id: the key is hers.
    let output = team.add("2026-12-02", &[("--id", "AYU")]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&team.roster), before);
}

#[test]
fn staff_add_refuses_what_the_roster_cannot_carry_or_the_page_cannot_use() {
    let team = Team::new("refused");
    // 0x04 then 64 zero bytes: an uncompressed point's form, not a point of P-256.
    let mut origin = vec![4u8];
    origin.extend([0u8; 64]);
    let origin = signature::encode(&origin);
    assert_eq!(origin.len(), 87);
    let short = &team.public[..86];
    for (name, value) in [
        ("--name", "Ayu | Rahma"),
        ("--title-en", "Account\nManager"),
        ("--title-id", " Manajer Akun"),
        ("--id", "AYURAHMA"),
        ("--id", "A-R"),
        ("--id", "SD"),
        ("--public", short),
        ("--public", &origin),
        ("--email", "ayu.rahma.nusa-layanan.example"),
        ("--whatsapp", "+6281234567890"),
        ("--whatsapp", "081234567890"),
        ("--max-discount", "8"),
        ("--max-discount", "8%"),
        ("--max-discount", "1"),
        ("--max-discount", ".08"),
        ("--max-discount", "0.08x"),
        ("--from", "2026-13-01"),
        ("--until", "2026-11-30"),
    ] {
        let output = team.add("2026-12-01", &[(name, value)]);
        assert_eq!(output.status.code(), Some(2), "{name} {value:?}");
        let said = stderr(&output);
        // The option at fault is named, except SD's, which names the provider file.
        assert!(
            said.contains(name) || said.contains("provider file"),
            "{name} {value:?}: {said}"
        );
        assert!(!team.roster.exists(), "{name} {value:?}");
    }
}

#[test]
fn staff_list_names_a_second_certificate_for_a_key_and_a_stray_withdrawal() {
    let team = Team::certified("list");
    let mut file = text(&team.roster);
    // The same certificate again, and a withdrawal of a key no certificate names, both signed.
    let certificate = file
        .lines()
        .find(|l| l.starts_with("cert 1|"))
        .expect("a certificate")
        .to_owned();
    let message = roster::withdrawal(example(), "ZZ-000000", day("2027-01-01"));
    let stray = roster::line(&message, &native::sign(&root_key(), &message));
    file.push_str(&format!("{certificate}\n{stray}\n"));
    std::fs::write(&team.roster, &file).expect("written");
    let listed = team.list();
    assert_eq!(listed.status.code(), Some(1));
    let said = stdout(&listed);
    let lines: Vec<&str> = said.lines().collect();
    let first = line_of(&file, "cert 1|");
    assert_eq!(lines.len(), 3, "{said}");
    assert!(lines[0].starts_with("AR\tAyu Rahma\t"), "{said}");
    assert!(
        lines[1].starts_with(&format!("line {}: ", first + 1)) && lines[1].contains(&team.id),
        "{said}"
    );
    assert!(
        lines[2].starts_with(&format!("line {}: ", first + 2)) && lines[2].contains("ZZ-000000"),
        "{said}"
    );
    // The page still reads her first certificate.
    let link = team.sign(FOUR, "2026-12-05");
    assert_eq!(team.state(&link, "2026-12-10"), "valid");
}

/// The example provider's folder copied into `dir`, its `[root]` lines replaced by `root`'s.
fn provider_with_root(dir: &Path, root: &str) -> PathBuf {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("providers/example");
    let folder = dir.join("provider");
    std::fs::create_dir_all(&folder).expect("a provider folder");
    for name in ["logo.svg", "favicon.svg"] {
        std::fs::copy(example.join(name), folder.join(name)).expect("copied");
    }
    let toml = text(&example.join("provider.toml"));
    let start = toml.find("\n[root]\n").expect("the example's root") + 1;
    // The example's root is its last table; a real provider's is not demo.
    let rotated = format!("{}{root}\n", &toml[..start]);
    std::fs::write(folder.join("provider.toml"), rotated).expect("written");
    folder
}

#[test]
fn a_new_root_key_signs_the_roster_again_and_her_quotations_keep_standing() {
    let team = Team::certified("rotate");
    let link = team.sign(&format!("{FOUR}&for=PT%20Maju&disc=5"), "2026-12-05");
    // A line nobody signed is not carried over.
    let forged = certificate_line(
        &team,
        example(),
        &SigningKey::from_slice(&[7; 32]).expect("a key"),
    )
    .replace("|AR|", "|XX|")
    .replace(&format!("|{}|", team.id), "|XX-000000|");
    let file = format!("{}{forged}\n", text(&team.roster));
    std::fs::write(&team.roster, file).expect("written");

    let new_root = team.dir.join("root-2027.jwk");
    succeeded(&quote_tool(&["keygen", "--root", "--out", path(&new_root)]));
    let out = team.dir.join("staff-2027.txt");
    let output = quote_tool(&[
        "staff",
        "rotate",
        "--roster",
        path(&team.roster),
        "--new-root",
        path(&new_root),
        "--out",
        path(&out),
    ]);
    succeeded(&output);
    // It prints the [root] lines of the new key, to paste in place of the old.
    let printed = stdout(&output);
    let new_key = native::signing_key(&text(&new_root)).expect("the new root");
    let lines = format!(
        "[root]\nid = \"{}\"\npublic = \"{}\"",
        native::key_id("ROOT", &new_key),
        native::public(&new_key)
    );
    assert!(printed.contains(&lines), "{printed}");
    assert!(
        printed.contains("1 lines signed again") && printed.contains("1 that did not hold"),
        "{printed}"
    );

    // The release that names the new root reads her quotation as hers, 5 % off, from the new
    // file; the release before, from the same file, too (its own lines kept at the end).
    let rotated = provider_with_root(&team.dir, &lines);
    let read = |provider: &Path| {
        let output = Command::new(env!("CARGO_BIN_EXE_quote"))
            .args(["--provider", path(provider), "--at", &at("2026-12-10")])
            .args(["--roster", path(&out), &link])
            .output()
            .expect("the quote tool runs");
        succeeded(&output);
        json(&output)
    };
    for provider in [
        rotated.clone(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("providers/example"),
    ] {
        let json = read(&provider);
        assert_eq!(json["standing"], "valid", "{}", provider.display());
        assert_eq!(json["quote"]["signer"]["name"], "Ayu Rahma");
        assert_eq!(negotiated(&json), vec![Value::from("0.05"); 4]);
    }
    // With the old file, the new release knows her no more: the old root signed it.
    let output = Command::new(env!("CARGO_BIN_EXE_quote"))
        .args(["--provider", path(&rotated), "--at", &at("2026-12-10")])
        .args(["--roster", path(&team.roster), &link])
        .output()
        .expect("the quote tool runs");
    assert_eq!(json(&output)["standing"], "unknown-key");
    // It never writes over a file.
    let again = quote_tool(&[
        "staff",
        "rotate",
        "--roster",
        path(&team.roster),
        "--new-root",
        path(&new_root),
        "--out",
        path(&out),
    ]);
    assert_eq!(again.status.code(), Some(2));
}
