//! The sales staff the provider certified after its release: a salesperson joins, or leaves,
//! without a new build. The page holds only the provider's root public key (`Provider::root`);
//! each salesperson's key comes with a certificate the root key signed (`quote staff add`), and a
//! withdrawal is a line the root key signed too (`quote staff withdraw`). Both are lines of one
//! text file, `staff.txt`, that the operator copies next to the page and replaces when the team
//! changes; the page reads it when a quotation names a key the provider file does not list, and
//! its service worker keeps the last copy for offline reading.
//!
//! A line is its signed text, a `|` and the root key's signature (r‖s, base64url):
//!
//! ```text
//! cert 1|NLY|AR|AR-1a2b3c|<public point>|2026-12-01|2027-11-30|0.08|Ayu Rahma|Manajer Akun|Account Manager|ayu@…|62812…|<signature>
//! withdraw 1|NLY|AR-1a2b3c|2027-03-01|<signature>
//! ```
//!
//! The fields of a certificate: the provider's quote prefix, the salesperson's id, the key's id and
//! public point, the first day it signs, the last day it signs (empty: until withdrawn), the
//! largest discount, the name, the title in Indonesian and English, the e-mail and the WhatsApp
//! number. No field holds a `|` or a line break (`quote staff add` refuses them). Lines that do not
//! read, are another provider's or fail their signature are passed over: only what the root key
//! signed counts. The cryptography is the caller's, as for quotations (`signature`).

use rust_decimal::Decimal;

use crate::calendar::Date;
use crate::provider::{Provider, Staff, StaffKey};
use crate::signature;
use crate::tariff::Text;

/// The file's name, next to the page's `index.html`.
pub const FILE: &str = "staff.txt";

/// What the root key signed, as read from the file: nothing in it is trusted until its
/// signature is checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Roster {
    /// The root key's point, from the provider: what every line must be signed by.
    root: Vec<u8>,
    /// Each naming its key's id.
    certificates: Vec<Signed>,
    /// Each naming the key's id and the day.
    withdrawals: Vec<(Signed, Date)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Signed {
    key: String,
    message: String,
    signature: Vec<u8>,
}

/// One signature the cryptography must check: by the root key, over `message`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check<'r> {
    /// The root key's uncompressed point.
    pub public: &'r [u8],
    /// r‖s.
    pub signature: &'r [u8],
    pub message: &'r str,
}

/// A certificate whose signature held, and the day a withdrawal whose signature held took the
/// key back: what the page's deferred module, which checks them, hands to the first, which
/// reads the salesperson from it ([`Certified::staff`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Certified {
    pub certificate: String,
    pub withdrawn: Option<Date>,
}

impl Certified {
    /// The certified key's public point, as the certificate writes it.
    #[must_use]
    pub fn public(&self) -> Option<&str> {
        self.certificate.split('|').nth(4)
    }

    /// The salesperson and their one key, withdrawn on the earlier of the certificate's end and
    /// the withdrawal.
    #[must_use]
    pub fn staff(&self) -> Option<Staff> {
        let mut staff = staff(&self.certificate)?;
        if let (Some(day), Some(key)) = (self.withdrawn, staff.keys.to_mut().first_mut()) {
            key.revoked = Some(key.revoked.map_or(day, |until| until.min(day)));
        }
        Some(staff)
    }
}

/// Reads the file's text for `provider`; an empty roster where it has no root key. Only what
/// finding a key's lines needs is read here: the salesperson is read from a certificate once
/// its signature holds.
#[must_use]
pub fn read(text: &str, provider: &Provider) -> Roster {
    let Some(root) = provider
        .root
        .as_ref()
        .and_then(|r| signature::decode(&r.public))
    else {
        return Roster::default();
    };
    let mut roster = Roster {
        root,
        ..Roster::default()
    };
    for line in text.lines().map(str::trim) {
        let Some((message, signature)) = line.rsplit_once('|') else {
            continue;
        };
        let Some(signature) = signature::decode(signature).filter(|s| signature::is_canonical(s))
        else {
            continue;
        };
        let fields: Vec<&str> = message.split('|').collect();
        let signed = |key: &str| Signed {
            key: key.to_owned(),
            message: message.to_owned(),
            signature: signature.clone(),
        };
        match fields.as_slice() {
            ["cert 1", prefix, _, key, ..]
                if fields.len() == CERTIFICATE_FIELDS && *prefix == provider.quote_prefix =>
            {
                roster.certificates.push(signed(key));
            }
            ["withdraw 1", prefix, key, day] if *prefix == provider.quote_prefix => {
                if let Some(day) = Date::parse(day) {
                    roster.withdrawals.push((signed(key), day));
                }
            }
            _ => {}
        }
    }
    roster
}

/// A certificate's signed text holds this many fields.
const CERTIFICATE_FIELDS: usize = 13;

/// The salesperson a certificate's signed text names, with its one key: `None` where it does
/// not read.
#[must_use]
pub fn staff(certificate: &str) -> Option<Staff> {
    let fields: Vec<&str> = certificate.split('|').collect();
    let [
        _,
        _,
        id,
        key,
        public,
        from,
        until,
        discount,
        name,
        title_id,
        title_en,
        email,
        whatsapp,
    ] = fields.as_slice()
    else {
        return None;
    };
    let valid_from = Date::parse(from)?;
    // The certificate's last day: from the next, the key is as good as withdrawn.
    let revoked = if until.is_empty() {
        None
    } else {
        Some(Date::parse(until)?.plus_days(1)?)
    };
    let max_discount = Decimal::from_str_exact(discount).ok()?;
    let owned = |text: &str| text.to_owned().into();
    let ours = key
        .strip_prefix(*id)
        .is_some_and(|rest| rest.starts_with('-'));
    (ours && !id.is_empty() && revoked.is_none_or(|r| r > valid_from)).then(|| Staff {
        id: owned(id),
        name: owned(name),
        title: Text {
            id: owned(title_id),
            en: owned(title_en),
        },
        email: owned(email),
        whatsapp: owned(whatsapp),
        max_discount,
        approves_up_to: None,
        keys: vec![StaffKey {
            id: owned(key),
            public: owned(public),
            valid_from,
            revoked,
            demo: false,
        }]
        .into(),
    })
}

impl Roster {
    /// The signatures to check before the key `key` is trusted: each certificate naming it,
    /// then each withdrawal naming it. Empty where no certificate names it.
    #[must_use]
    pub fn checks(&self, key: &str) -> Vec<Check<'_>> {
        if !self.certificates.iter().any(|c| c.key == key) {
            return Vec::new();
        }
        self.signed()
            .filter(|signed| signed.key == key)
            .map(|signed| self.check(signed))
            .collect()
    }

    /// Every line's signature to check, certificates first: what a new root key signs again.
    #[must_use]
    pub fn lines(&self) -> Vec<Check<'_>> {
        self.signed().map(|signed| self.check(signed)).collect()
    }

    /// Every line read, certificates first.
    fn signed(&self) -> impl Iterator<Item = &Signed> {
        self.certificates
            .iter()
            .chain(self.withdrawals.iter().map(|(w, _)| w))
    }

    /// The root key's signature a line carries, to check.
    fn check<'r>(&'r self, signed: &'r Signed) -> Check<'r> {
        Check {
            public: &self.root,
            signature: &signed.signature,
            message: &signed.message,
        }
    }

    /// The key ids the certificates name, in the file's order, whether or not their signature
    /// holds.
    #[must_use]
    pub fn key_ids(&self) -> Vec<&str> {
        self.certificates.iter().map(|c| c.key.as_str()).collect()
    }

    /// The certificate of the key `key`, once the cryptography answered `holds` for
    /// [`Roster::checks`] in their order: the first certificate whose signature holds;
    /// the earliest withdrawal whose signature holds sets the key's withdrawal day.
    #[must_use]
    pub fn certificate(&self, key: &str, holds: &[bool]) -> Option<Certified> {
        let certificates = self.certificates.iter().filter(|c| c.key == key);
        let count = certificates.clone().count();
        let (for_certificates, for_withdrawals) = holds.split_at_checked(count)?;
        let certificate = certificates
            .zip(for_certificates)
            .find(|(_, holds)| **holds)?
            .0;
        let withdrawn = self
            .withdrawals
            .iter()
            .filter(|(w, _)| w.key == key)
            .zip(for_withdrawals)
            .filter(|(_, holds)| **holds)
            .map(|((_, day), _)| *day)
            .min();
        Some(Certified {
            certificate: certificate.message.clone(),
            withdrawn,
        })
    }

    /// The salesperson the key `key` belongs to (see [`Roster::certificate`]).
    #[must_use]
    pub fn certified(&self, key: &str, holds: &[bool]) -> Option<Staff> {
        self.certificate(key, holds)?.staff()
    }

    /// [`Roster::certified`] where the cryptography answers at once (the quote tool).
    pub fn certify(&self, key: &str, verify: impl Fn(&Check<'_>) -> bool) -> Option<Staff> {
        let holds: Vec<bool> = self.checks(key).iter().map(verify).collect();
        self.certified(key, &holds)
    }
}

/// Why a salesperson cannot be certified as given: a field holds what the file cannot carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwritable(pub &'static str);

/// The signed text of a certificate for `staff`'s key `key`, signing until `until` (its last
/// day) where given: what `quote staff add` signs with the root key.
///
/// # Errors
/// The field that holds a `|` or a line break, or is empty where it must not be.
pub fn certificate(
    provider: &Provider,
    staff: &Staff,
    key: &StaffKey,
    until: Option<Date>,
) -> Result<String, Unwritable> {
    let fields: [(&str, &'static str); 8] = [
        (&staff.id, "id"),
        (&key.id, "key"),
        (&key.public, "public"),
        (&staff.name, "name"),
        (&staff.title.id, "title-id"),
        (&staff.title.en, "title-en"),
        (&staff.email, "email"),
        (&staff.whatsapp, "whatsapp"),
    ];
    for (text, name) in fields {
        if text.trim().is_empty() || text.contains(['|', '\n', '\r']) || text.trim() != text {
            return Err(Unwritable(name));
        }
    }
    Ok(format!(
        "cert 1|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
        provider.quote_prefix,
        staff.id,
        key.id,
        key.public,
        key.valid_from,
        until.map(|d| d.to_string()).unwrap_or_default(),
        staff.max_discount,
        staff.name,
        staff.title.id,
        staff.title.en,
        staff.email,
        staff.whatsapp,
    ))
}

/// The signed text of the withdrawal of key `key` from `day`: what `quote staff withdraw` signs.
#[must_use]
pub fn withdrawal(provider: &Provider, key: &str, day: Date) -> String {
    format!("withdraw 1|{}|{key}|{day}", provider.quote_prefix)
}

/// A signed line as the file holds it.
#[must_use]
pub fn line(message: &str, signature: &str) -> String {
    format!("{message}|{signature}")
}

/// Whether a roster line's signature holds by the provider's root key, checked natively (the
/// quote tool's p256; the page checks the same bytes with WebCrypto).
#[cfg(feature = "cli")]
#[must_use]
pub fn verify_natively(check: &Check<'_>) -> bool {
    signature::native::holds(check.public, check.signature, check.message)
}
