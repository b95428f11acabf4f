//! Signed quotations. A salesperson signs a quotation's link with their own key (ECDSA P-256,
//! SHA-256); anyone who opens the link can check, offline and years later, that the figures, the
//! client, the dates, the discount and the note are exactly what that person issued. What a
//! signature proves: who issued the quotation, and that nothing in it changed. What it does not
//! prove: that the client accepted it, or that the signer's device was not misused before the key
//! was revoked.
//!
//! The cryptography is not here: the page verifies with the browser's WebCrypto, the quote tool
//! with RustCrypto's p256, both over the same bytes. This module decides everything around it:
//! which key, which bytes, and what the answer means for the quotation on a given day.

use base64ct::{Base64UrlUnpadded, Encoding};
use rust_decimal::Decimal;

use crate::calendar::Date;
use crate::link::{Countersignature, Opened, Seal};
use crate::provider::{Provider, Staff, StaffKey};
use crate::quote::{self, Today};
use crate::tariff::Tariff;

/// What a quotation's signature says about it, as the page shows it and the quote tool prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureState {
    /// Signed by a current key of the person named, nothing changed, and still valid today.
    Valid,
    /// Signed and whole, but its validity ended.
    Expired,
    /// Signed and whole, but dated after today.
    NotYetValid,
    /// Something in the link changed after it was signed, or the signature does not read.
    Altered,
    /// Signed by a key the provider does not list.
    UnknownKey,
    /// Signed by a key of the provider's, but dated before that key's first day.
    KeyNotYetValid,
    /// Its key was withdrawn, and the quotation was dated on or after that day or would hold
    /// past it.
    Revoked,
    /// Not signed: anyone could have written it.
    Unsigned,
}

impl SignatureState {
    /// Every state, to read one back from its code.
    pub const ALL: [Self; 8] = [
        Self::Valid,
        Self::Expired,
        Self::NotYetValid,
        Self::Altered,
        Self::UnknownKey,
        Self::KeyNotYetValid,
        Self::Revoked,
        Self::Unsigned,
    ];

    /// A stable name, for the page's `data-state` and the quote tool's JSON.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Expired => "expired",
            Self::NotYetValid => "not-yet-valid",
            Self::Altered => "altered",
            Self::UnknownKey => "unknown-key",
            Self::KeyNotYetValid => "key-not-yet-valid",
            Self::Revoked => "revoked",
            Self::Unsigned => "unsigned",
        }
    }

    /// Whether the person it names issued exactly these terms: then their name, the discount and
    /// the note stand (an expired quotation still shows what was quoted).
    #[must_use]
    pub fn vouches(self) -> bool {
        matches!(self, Self::Valid | Self::Expired)
    }
}

/// What the cryptography must check: a key's public point, and a signature over the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim<'p, 'm> {
    pub staff: &'p Staff,
    pub key: &'p StaffKey,
    /// The uncompressed point, 65 bytes from 0x04, as WebCrypto's "raw" format and SEC1 read it.
    pub public: Vec<u8>,
    /// r‖s, 32 bytes each, as WebCrypto produces and p256's `Signature::from_slice` reads.
    pub signature: Vec<u8>,
    /// The bytes that were signed.
    pub message: &'m str,
}

/// The judgement on a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict<'p> {
    pub state: SignatureState,
    /// Who signed it, where the key is the provider's.
    pub staff: Option<&'p Staff>,
    pub key: Option<&'p StaffKey>,
    /// The negotiated discount that applies: only what a standing signature vouches for, and
    /// within the signer's limit.
    pub discount: Option<Decimal>,
    /// The link asks for a discount over the signer's limit: applied only where approved.
    pub over_limit: bool,
    /// The colleague whose approval lets a discount over the signer's limit stand.
    pub approval: Option<Approval<'p>>,
    /// The link carries an approval of its discount that does not hold (a signature that does
    /// not verify, a key the provider does not list, a day it could not be given) or does not
    /// cover it: the discount is not applied.
    pub approval_void: bool,
}

/// An approval that stands: who gave it, with which key, and on which day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Approval<'p> {
    pub staff: &'p Staff,
    pub key: &'p StaffKey,
    pub on: Date,
}

impl Verdict<'_> {
    /// An unsigned link: no one vouches for it.
    #[must_use]
    pub fn unsigned() -> Self {
        Self::settled(SignatureState::Unsigned)
    }

    fn settled(state: SignatureState) -> Self {
        Self {
            state,
            staff: None,
            key: None,
            discount: None,
            over_limit: false,
            approval: None,
            approval_void: false,
        }
    }
}

/// Bytes from base64url without padding, as links and key files write them.
#[must_use]
pub fn decode(text: &str) -> Option<Vec<u8>> {
    Base64UrlUnpadded::decode_vec(text).ok()
}

/// base64url without padding.
#[must_use]
pub fn encode(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// The order n of P-256's group, big-endian (SEC 2, section 2.4.2).
const ORDER: [u8; 32] = [
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
];
/// n / 2, rounded down: the largest s of a signature in its canonical form.
const HALF_ORDER: [u8; 32] = [
    0x7f, 0xff, 0xff, 0xff, 0x80, 0x00, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xde, 0x73, 0x7d, 0x56, 0xd3, 0x8b, 0xcf, 0x42, 0x79, 0xdc, 0xe5, 0x61, 0x7e, 0x31, 0x92, 0xa8,
];

/// Whether a signature (r‖s, 64 bytes) is in its canonical form, s at most n / 2. ECDSA's (r, s)
/// and (r, n − s) both verify: only the first is accepted, so a quotation has one link, never a
/// second one made from it without the key.
#[must_use]
pub fn is_canonical(signature: &[u8]) -> bool {
    signature.len() == 64 && signature[32..] <= HALF_ORDER[..]
}

/// A signature (r‖s) put in its canonical form: s replaced by n − s where it is above n / 2.
/// WebCrypto signs with either; the console and the quote tool both write the canonical one.
pub fn canonicalise(signature: &mut [u8]) {
    if signature.len() != 64 || is_canonical(signature) {
        return;
    }
    // n − s, byte by byte from the least significant, with the borrow.
    let mut borrow = 0u16;
    for i in (0..32).rev() {
        let subtrahend = u16::from(signature[32 + i]) + borrow;
        let minuend = u16::from(ORDER[i]);
        let (digit, next) = if minuend >= subtrahend {
            (minuend - subtrahend, 0)
        } else {
            (minuend + 256 - subtrahend, 1)
        };
        signature[32 + i] = u8::try_from(digit).unwrap_or(0);
        borrow = next;
    }
}

/// The verdict on a link's seal where it needs no cryptography (no signature, damaged names, a
/// key the provider does not list); else the provider's salesperson and key it names, whose
/// signature the cryptography must check. The page's first module stops here: the check
/// itself, and the key's bytes, are the deferred module's (see `ui::deferred`).
///
/// # Errors
/// The [`Verdict`] when no cryptography is needed.
pub fn signer<'p>(
    seal: Option<&Seal>,
    provider: &'p Provider,
) -> Result<(&'p Staff, &'p StaffKey), Verdict<'p>> {
    signer_among(seal, provider, None)
}

/// [`signer`], with the salesperson the provider's roster certified for the link's key, where
/// the provider file does not list it (`roster`).
///
/// # Errors
/// The [`Verdict`] when no cryptography is needed.
pub fn signer_among<'p>(
    seal: Option<&Seal>,
    provider: &'p Provider,
    certified: Option<&'p Staff>,
) -> Result<(&'p Staff, &'p StaffKey), Verdict<'p>> {
    let Some(seal) = seal else {
        return Err(Verdict::unsigned());
    };
    // The seal's own names were damaged (see `link::decode`): it is there, what it sealed was
    // changed.
    if seal.key.is_empty() {
        return Err(Verdict::settled(SignatureState::Altered));
    }
    provider
        .key(&seal.key)
        .or_else(|| {
            let staff = certified?;
            Some((staff, staff.keys.iter().find(|k| k.id == seal.key)?))
        })
        .ok_or_else(|| Verdict::settled(SignatureState::UnknownKey))
}

/// The verdict the page settles before any cryptography: none where a signature must be checked,
/// or where the key is not listed but a roster may certify it (the provider has a root key).
#[must_use]
pub fn settled<'p>(seal: Option<&Seal>, provider: &'p Provider) -> Option<Verdict<'p>> {
    signer(seal, provider)
        .err()
        .filter(|v| !(v.state == SignatureState::UnknownKey && provider.root.is_some()))
}

/// The key a link is signed with, where the provider file does not list it: the one to look up
/// in the provider's roster.
#[must_use]
pub fn unlisted<'s>(seal: Option<&'s Seal>, provider: &Provider) -> Option<&'s str> {
    let seal = seal?;
    (provider.root.is_some() && !seal.key.is_empty() && provider.key(&seal.key).is_none())
        .then_some(seal.key.as_str())
}

/// What a link's signature asks the cryptography to check, or the state it settles without it
/// (no signature, a key the provider does not list, a signature that does not read).
///
/// # Errors
/// The [`Verdict`] when no cryptography is needed.
pub fn claim<'p, 'm>(
    seal: Option<&'m Seal>,
    provider: &'p Provider,
) -> Result<Claim<'p, 'm>, Verdict<'p>> {
    claim_among(seal, provider, None)
}

/// [`claim`], with the salesperson the roster certified (see [`signer_among`]).
///
/// # Errors
/// The [`Verdict`] when no cryptography is needed.
pub fn claim_among<'p, 'm>(
    seal: Option<&'m Seal>,
    provider: &'p Provider,
    certified: Option<&'p Staff>,
) -> Result<Claim<'p, 'm>, Verdict<'p>> {
    let (staff, key) = signer_among(seal, provider, certified)?;
    let Some(seal) = seal else {
        return Err(Verdict::unsigned());
    };
    let public = decode(&key.public).filter(|p| p.len() == 65 && p[0] == 4);
    let signature = decode(&seal.signature).filter(|s| is_canonical(s));
    match (public, signature) {
        (Some(public), Some(signature)) => Ok(Claim {
            staff,
            key,
            public,
            signature,
            message: &seal.message,
        }),
        // The provider file's points are checked when it is built; a signature that does not
        // read was damaged.
        _ => Err(Verdict {
            staff: Some(staff),
            key: Some(key),
            ..Verdict::settled(SignatureState::Altered)
        }),
    }
}

/// What the approval a link carries asks the cryptography to check: the approver's key, where
/// the provider file lists it, and their signature. `None` where the link carries none, or one
/// that cannot hold (an unlisted key, a signature that does not read).
#[must_use]
pub fn approver_claim<'p, 'm>(
    approval: Option<&'m Countersignature>,
    provider: &'p Provider,
) -> Option<Claim<'p, 'm>> {
    let approval = approval?;
    let (staff, key) = provider.key(&approval.key)?;
    Some(Claim {
        staff,
        key,
        public: decode(&key.public).filter(|p| p.len() == 65 && p[0] == 4)?,
        signature: decode(&approval.signature).filter(|s| is_canonical(s))?,
        message: &approval.message,
    })
}

/// The verdict on a quotation signed with `key` of `staff`, once the cryptography has answered
/// whether the signature holds (`verified`) and whether the approval it carries holds
/// (`approved`: see [`approver_claim`]), on `today` (the provider's day); `opened` is the decoded
/// link (what decoding had to repair, too).
#[must_use]
pub fn judge<'p>(
    (staff, key): (&'p Staff, &'p StaffKey),
    (verified, approved): (bool, bool),
    opened: &Opened,
    tariff: &Tariff,
    provider: &'p Provider,
    today: Today,
) -> Verdict<'p> {
    let quote = &opened.contents.quote;
    let verdict = |state| Verdict {
        staff: Some(staff),
        key: Some(key),
        ..Verdict::settled(state)
    };
    // Decoding a signed link repairs nothing: whatever it had to repair was changed after
    // signing. Every signed quotation is dated.
    let Some(issued) = quote
        .issued
        .filter(|_| verified && opened.dropped.is_empty())
    else {
        return verdict(SignatureState::Altered);
    };
    let today = today.0;
    let last = quote::last_day(quote, tariff, provider);
    let state = if issued < key.valid_from {
        SignatureState::KeyNotYetValid
    } else if issued > today || quote::before_tariff(issued, tariff) {
        SignatureState::NotYetValid
    } else if key.revoked.is_some_and(|withdrawn| {
        issued >= withdrawn || (today >= withdrawn && last.is_none_or(|last| last >= withdrawn))
    }) {
        SignatureState::Revoked
    } else if last.is_none_or(|last| last < today) {
        SignatureState::Expired
    } else {
        SignatureState::Valid
    };
    let over_limit = quote.discount.is_some_and(|d| d > staff.max_discount);
    let approval = opened
        .approval
        .as_ref()
        .filter(|_| approved && over_limit)
        .and_then(|approval| {
            let (approver, key) = provider.key(&approval.key)?;
            let on = approval.on?;
            let covers = approver
                .approves_up_to
                .zip(quote.discount)
                .is_some_and(|(most, discount)| discount <= most);
            // Given by a colleague, between the quotation's date and today, while it held, by a
            // key that was theirs that day and was not withdrawn before the quotation ends.
            let holds = covers
                && approver.id != staff.id
                && issued <= on
                && on <= today
                && last.is_some_and(|last| on <= last)
                && key.valid_from <= on
                && key.revoked.is_none_or(|withdrawn| {
                    on < withdrawn && (today < withdrawn || last.is_some_and(|l| l < withdrawn))
                });
            holds.then_some(Approval {
                staff: approver,
                key,
                on,
            })
        });
    Verdict {
        discount: quote
            .discount
            .filter(|_| state.vouches() && (!over_limit || approval.is_some()))
            .filter(|d| !d.is_zero()),
        over_limit,
        approval_void: over_limit && opened.approval.is_some() && approval.is_none(),
        approval,
        ..verdict(state)
    }
}

/// The quote tool's cryptography: RustCrypto's p256 (ECDSA P-256 over SHA-256), natively only.
/// The page uses the browser's WebCrypto for the same operations on the same bytes.
#[cfg(feature = "cli")]
pub mod native {
    use p256::ecdsa::signature::{Signer, Verifier};
    use p256::ecdsa::{Signature, SigningKey, VerifyingKey};
    use sha2::Digest;

    use super::{Claim, encode};

    /// Whether the claim's signature holds over its message, by its key.
    #[must_use]
    pub fn verify(claim: &Claim<'_, '_>) -> bool {
        holds(&claim.public, &claim.signature, claim.message)
    }

    /// Whether `signature` (r‖s) holds over `message` by the key with the point `public`.
    #[must_use]
    pub fn holds(public: &[u8], signature: &[u8], message: &str) -> bool {
        let (Ok(key), Ok(signature)) = (
            VerifyingKey::from_sec1_bytes(public),
            Signature::from_slice(signature),
        ) else {
            return false;
        };
        key.verify(message.as_bytes(), &signature).is_ok()
    }

    /// A private key read from its JWK file (`quote keygen` writes one).
    ///
    /// # Errors
    /// When the text is not a P-256 private key in JWK.
    pub fn signing_key(jwk: &str) -> Result<SigningKey, &'static str> {
        let wrong = "not a P-256 private key in JWK (a file `quote keygen` wrote)";
        // The key id rides along for people and WebCrypto; p256 reads the key's own members.
        let mut members: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(jwk).map_err(|_| wrong)?;
        members.remove("kid");
        let bare = serde_json::Value::Object(members).to_string();
        p256::SecretKey::from_jwk_str(&bare)
            .map(SigningKey::from)
            .map_err(|_| wrong)
    }

    /// The signature of `message`, base64url: r‖s as WebCrypto writes it.
    #[must_use]
    pub fn sign(key: &SigningKey, message: &str) -> String {
        let signature: Signature = key.sign(message.as_bytes());
        let mut bytes = signature.to_bytes().to_vec();
        super::canonicalise(&mut bytes);
        encode(&bytes)
    }

    /// A key's public point as the provider file lists it: uncompressed, base64url.
    #[must_use]
    pub fn public(key: &SigningKey) -> String {
        encode(key.verifying_key().to_encoded_point(false).as_bytes())
    }

    /// A key id for `staff`: their id and the first six hex digits of the point's SHA-256, so a
    /// new key gets a new id without a register of ids.
    #[must_use]
    pub fn key_id(staff: &str, key: &SigningKey) -> String {
        let digest = sha2::Sha256::digest(key.verifying_key().to_encoded_point(false).as_bytes());
        let hex: String = digest.iter().take(3).map(|b| format!("{b:02x}")).collect();
        format!("{staff}-{hex}")
    }

    /// The id of `provider`'s key with this public point, if it lists one.
    #[must_use]
    pub fn key_id_of_public(provider: &crate::provider::Provider, public: &str) -> Option<String> {
        provider
            .staff
            .iter()
            .flat_map(|s| s.keys.iter())
            .find(|k| k.public == public)
            .map(|k| k.id.to_string())
    }

    /// A new key pair, and its private half as a JWK file with its id.
    #[must_use]
    pub fn generate(staff: &str) -> (SigningKey, String) {
        let secret = p256::SecretKey::random(&mut rand_core::OsRng);
        let key = SigningKey::from(&secret);
        let id = key_id(staff, &key);
        let jwk = secret.to_jwk_string();
        // The JWK with its key id, as WebCrypto's importKey takes it.
        let with_id = match jwk.strip_suffix('}') {
            Some(open) => format!("{open},\"kid\":\"{id}\"}}"),
            None => jwk.to_string(),
        };
        (key, with_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_reads_back_what_it_writes() {
        for bytes in [&b""[..], b"\x04", b"\xff\xfe\xfd", &[0u8; 64]] {
            assert_eq!(decode(&encode(bytes)).as_deref(), Some(bytes));
        }
        // RFC 4648 section 10's vectors, in the URL alphabet without padding.
        assert_eq!(encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(encode(b"fo"), "Zm8");
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("Zm9v+"), None);
    }

    /// r‖s with r all ones and the given s.
    fn with_s(s: [u8; 32]) -> Vec<u8> {
        let mut signature = vec![1u8; 32];
        signature.extend_from_slice(&s);
        signature
    }

    #[test]
    fn a_signature_is_canonical_with_s_at_most_half_the_order() {
        // n − 1 is the largest s there is: its canonical twin is n − (n − 1) = 1.
        let mut n_less_one = ORDER;
        n_less_one[31] -= 1;
        let mut high = with_s(n_less_one);
        assert!(!is_canonical(&high));
        canonicalise(&mut high);
        let mut one = [0u8; 32];
        one[31] = 1;
        assert_eq!(high, with_s(one));
        // n is odd, n = 2 * floor(n / 2) + 1: floor(n / 2) + 1 turns into floor(n / 2).
        assert!(is_canonical(&with_s(HALF_ORDER)));
        let mut just_above = HALF_ORDER;
        just_above[31] += 1;
        let mut signature = with_s(just_above);
        assert!(!is_canonical(&signature));
        canonicalise(&mut signature);
        assert_eq!(signature, with_s(HALF_ORDER));
        // A canonical signature is left as it is, and so is one of the wrong length.
        let mut low = with_s(one);
        canonicalise(&mut low);
        assert_eq!(low, with_s(one));
        let mut short = vec![0xff; 63];
        canonicalise(&mut short);
        assert_eq!(short, vec![0xff; 63]);
    }
}
