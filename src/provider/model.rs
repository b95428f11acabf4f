//! Who offers the prices: the BPO provider whose page this is, its legal identity, how to reach
//! its sales staff, the commercial terms its quotations state, and the keys its sales staff sign
//! quotations with. Configured once in `tariffs/provider.toml`; the build script checks it (a
//! bad file fails the build, saying which field) and compiles it in, like the tariffs. Also
//! compiled into the build script, so it depends on nothing but serde, decimals and the tariff
//! model's text types.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::calendar::{Date, Zone};
use crate::tariff::{List, Str, Text};

/// The longest a quotation may hold, in days from its date, where the provider file does not
/// say: three months.
pub const MAX_VALIDITY_DAYS: u32 = 90;

/// The provider, as `tariffs/provider.toml` describes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// The name people know it by, on the page and in link previews.
    pub name: Str,
    /// The registered company, as on its invoices: "PT …".
    pub legal_name: Str,
    /// Its taxpayer number (NPWP), 15 or 16 digits as written on its documents.
    pub npwp: Str,
    pub address: Str,
    pub phone: Str,
    pub email: Str,
    /// Sales' WhatsApp number, in international form without `+` (62 for Indonesia).
    pub whatsapp: Str,
    pub website: Str,
    /// Where this page is published (`https://…/`): link previews need absolute addresses.
    pub page_url: Str,
    /// The logo's SVG markup. The file names a file beside it (`logo = "provider-logo.svg"`);
    /// the build reads it in.
    pub logo: Str,
    /// `#rrggbb`: the page's accents and the printed letterhead.
    pub brand_colour: Str,
    /// Starts every quote number: `NLY/SD/2026/11/0007`.
    pub quote_prefix: Str,
    /// A made-up provider for demonstration: the page says so.
    #[serde(default)]
    pub example: bool,
    /// The IANA name of the zone whose calendar dates and judges every quotation ("Asia/Jakarta"
    /// unless the file says otherwise; one of `calendar::Zone::ALL`).
    #[serde(default)]
    pub time_zone: Option<Str>,
    /// The longest a quotation may hold, in days from its date ([`MAX_VALIDITY_DAYS`] unless
    /// the file says otherwise): what a salesperson sets beyond it is not honoured, so that a
    /// withdrawn key stops mattering within that time.
    #[serde(default)]
    pub max_validity_days: Option<u32>,
    /// One line under the name.
    pub tagline: Text,
    pub terms: Terms,
    pub staff: List<Staff>,
}

/// What every quotation states besides its prices.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// When and how invoices are paid.
    pub payment: Text,
    /// How prices follow costs over a long contract.
    pub indexation: Text,
    /// How either side ends the contract.
    pub notice: Text,
    /// What the service-level agreement covers.
    pub sla: Text,
}

/// A salesperson who may issue quotations.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    /// Short and stable: it goes into quote numbers.
    pub id: Str,
    pub name: Str,
    pub title: Text,
    pub email: Str,
    /// International form without `+`.
    pub whatsapp: Str,
    /// The largest negotiated discount this person may give, a fraction of the recurring charges.
    #[serde(default, deserialize_with = "crate::tariff::exact")]
    pub max_discount: Decimal,
    /// The public keys this person signs quotations with.
    #[serde(default)]
    pub keys: List<StaffKey>,
}

/// A public key a salesperson signs with: ECDSA P-256.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffKey {
    /// Named in every link it signs; printed by `quote keygen`.
    pub id: Str,
    /// The public point, uncompressed (65 bytes from 0x04), base64url without padding.
    pub public: Str,
    /// The first day quotations signed with it are valid.
    pub valid_from: Date,
    /// The day it was withdrawn: from that day no quotation it signed stands past it, however
    /// it is dated.
    #[serde(default)]
    pub revoked: Option<Date>,
    /// A key whose private half is public (the example's, in tests/fixtures): never for a real
    /// provider.
    #[serde(default)]
    pub demo: bool,
}

impl Provider {
    /// The calendar every quotation is dated and judged on.
    #[must_use]
    pub fn zone(&self) -> Zone {
        self.time_zone
            .as_deref()
            .and_then(Zone::named)
            .unwrap_or(Zone::JAKARTA)
    }

    /// The longest a quotation holds, in days from its date.
    #[must_use]
    pub fn max_validity_days(&self) -> u32 {
        self.max_validity_days.unwrap_or(MAX_VALIDITY_DAYS)
    }

    /// Today on the provider's calendar, at `unix_seconds` on any clock.
    #[must_use]
    pub fn today_at(&self, unix_seconds: i64) -> Date {
        self.zone().date_at(unix_seconds).unwrap_or(Date::EPOCH)
    }

    #[must_use]
    pub fn staff(&self, id: &str) -> Option<&Staff> {
        self.staff.iter().find(|s| s.id == id)
    }

    /// The key with this id, and who it belongs to.
    #[must_use]
    pub fn key(&self, id: &str) -> Option<(&Staff, &StaffKey)> {
        self.staff
            .iter()
            .find_map(|s| s.keys.iter().find(|k| k.id == id).map(|k| (s, k)))
    }
}

/// Why the provider file was refused: the field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderError {
    pub field: String,
    pub problem: String,
}

impl std::fmt::Display for ProviderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "provider field {}: {}", self.field, self.problem)
    }
}

impl std::error::Error for ProviderError {}

fn check(ok: bool, field: &str, problem: &'static str) -> Result<(), ProviderError> {
    if ok {
        Ok(())
    } else {
        Err(ProviderError {
            field: field.to_owned(),
            problem: problem.to_owned(),
        })
    }
}

fn filled(text: &str, field: &str) -> Result<(), ProviderError> {
    check(!text.trim().is_empty(), field, "must not be empty")
}

fn both(text: &Text, field: &str) -> Result<(), ProviderError> {
    check(
        !text.id.trim().is_empty() && !text.en.trim().is_empty(),
        field,
        "needs an Indonesian and an English text",
    )
}

/// International form, digits only: `wa.me` takes nothing else.
fn whatsapp(number: &str, field: &str) -> Result<(), ProviderError> {
    check(
        (8..=15).contains(&number.len())
            && number.bytes().all(|b| b.is_ascii_digit())
            && !number.starts_with('0'),
        field,
        "must be an international number, digits only, without + or a leading 0 (62812…)",
    )
}

fn email(address: &str, field: &str) -> Result<(), ProviderError> {
    let shape = address.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    });
    check(
        shape && !address.contains(char::is_whitespace),
        field,
        "must be an e-mail address",
    )
}

fn https(url: &str, field: &str) -> Result<(), ProviderError> {
    check(
        url.starts_with("https://") && url.len() > 8 && !url.contains(char::is_whitespace),
        field,
        "must be an https:// address",
    )
}

/// The logo is drawn inline, under a Content-Security-Policy that refuses scripts, inline styles
/// and other hosts: a logo needing any of those would break on the page, so it is refused here.
fn logo(svg: &str) -> Result<(), ProviderError> {
    let field = "logo";
    let lower = svg.to_ascii_lowercase();
    check(
        lower.trim_start().starts_with("<svg") && lower.trim_end().ends_with("</svg>"),
        field,
        "must be an SVG file, <svg …>…</svg>",
    )?;
    check(
        lower.contains("viewbox="),
        field,
        "needs a viewBox to scale",
    )?;
    check(svg.len() <= 8_000, field, "must be at most 8,000 bytes")?;
    check(
        !lower.contains("<script") && !lower.contains(" on") && !lower.contains("javascript:"),
        field,
        "must not hold scripts or event handlers",
    )?;
    check(
        !lower.contains("style") && !lower.contains("<image") && !lower.contains("href"),
        field,
        "must use presentation attributes only: no styles, no images, no links",
    )
}

impl Provider {
    /// Checks every field.
    ///
    /// # Errors
    /// The first field that cannot be right.
    pub fn validate(&self) -> Result<(), ProviderError> {
        filled(&self.name, "name")?;
        filled(&self.legal_name, "legal_name")?;
        let digits = self.npwp.bytes().filter(u8::is_ascii_digit).count();
        check(
            (digits == 15 || digits == 16)
                && self
                    .npwp
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b"-. ".contains(&b)),
            "npwp",
            "must be 15 or 16 digits, grouped with dots, dashes or spaces",
        )?;
        filled(&self.address, "address")?;
        filled(&self.phone, "phone")?;
        email(&self.email, "email")?;
        whatsapp(&self.whatsapp, "whatsapp")?;
        https(&self.website, "website")?;
        https(&self.page_url, "page_url")?;
        check(
            self.page_url.ends_with('/'),
            "page_url",
            "must end with / (the page's folder)",
        )?;
        logo(&self.logo)?;
        let colour = self.brand_colour.strip_prefix('#').unwrap_or_default();
        check(
            colour.len() == 6 && colour.bytes().all(|b| b.is_ascii_hexdigit()),
            "brand_colour",
            "must be #rrggbb",
        )?;
        check(
            !self.quote_prefix.is_empty()
                && self.quote_prefix.len() <= 6
                && self.quote_prefix.bytes().all(|b| b.is_ascii_alphanumeric()),
            "quote_prefix",
            "must be 1 to 6 letters or digits",
        )?;
        if let Some(zone) = &self.time_zone {
            check(
                Zone::named(zone).is_some(),
                "time_zone",
                "must be a zone without daylight saving: Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura, Asia/Singapore, Asia/Kuala_Lumpur, Asia/Manila, Asia/Bangkok, Asia/Ho_Chi_Minh, Asia/Kolkata or UTC",
            )?;
        }
        check(
            (1..=366).contains(&self.max_validity_days()),
            "max_validity_days",
            "must be a number of days from 1 to 366",
        )?;
        both(&self.tagline, "tagline")?;
        both(&self.terms.payment, "terms.payment")?;
        both(&self.terms.indexation, "terms.indexation")?;
        both(&self.terms.notice, "terms.notice")?;
        both(&self.terms.sla, "terms.sla")?;
        check(
            !self.staff.is_empty(),
            "staff",
            "must list at least one person",
        )?;
        let mut ids: Vec<&str> = Vec::new();
        let mut keys: Vec<&str> = Vec::new();
        for person in self.staff.iter() {
            let at = format!("staff[{}]", person.id);
            check(
                !person.id.is_empty()
                    && person.id.len() <= 6
                    && person.id.bytes().all(|b| b.is_ascii_alphanumeric()),
                &at,
                "id must be 1 to 6 letters or digits (it goes into quote numbers)",
            )?;
            check(!ids.contains(&&*person.id), &at, "id is used twice")?;
            ids.push(&person.id);
            filled(&person.name, &format!("{at}.name"))?;
            both(&person.title, &format!("{at}.title"))?;
            email(&person.email, &format!("{at}.email"))?;
            whatsapp(&person.whatsapp, &format!("{at}.whatsapp"))?;
            check(
                !person.max_discount.is_sign_negative() && person.max_discount < Decimal::ONE,
                &format!("{at}.max_discount"),
                "must be a fraction from 0 up to 1",
            )?;
            for key in person.keys.iter() {
                let at = format!("{at}.keys[{}]", key.id);
                check(
                    !key.id.is_empty()
                        && key.id.len() <= 24
                        && key
                            .id
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-'),
                    &at,
                    "id must be letters, digits and dashes, at most 24",
                )?;
                check(!keys.contains(&&*key.id), &at, "key id is used twice")?;
                keys.push(&key.id);
                check(
                    // 65 bytes from 0x04: 87 characters, "B" and then A to P.
                    key.public.len() == 87
                        && key.public.starts_with('B')
                        && key
                            .public
                            .as_bytes()
                            .get(1)
                            .is_some_and(|b| (b'A'..=b'P').contains(b))
                        && key
                            .public
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                    &format!("{at}.public"),
                    "must be an uncompressed P-256 point in base64url (87 characters from B…), as quote keygen prints it",
                )?;
                if let Some(revoked) = key.revoked {
                    check(
                        revoked > key.valid_from,
                        &format!("{at}.revoked"),
                        "must come after valid_from",
                    )?;
                }
            }
        }
        Ok(())
    }
}
