//! Who offers the prices: the BPO provider whose page this is, its legal identity, how to reach
//! its sales staff, the commercial terms its quotations state, and the keys its sales staff sign
//! quotations with. Configured once in the provider's folder (`providers/example/provider.toml`
//! unless the build is told `BIAYA_PROVIDER_DIR`); the build script checks it (a bad file fails
//! the build, saying which line and field: `file.rs`) and compiles it in, like the tariffs. Also
//! compiled into the build script, so it depends on nothing but serde, decimals and the tariff
//! model's text types.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::calendar::{Date, Zone};
use crate::tariff::{List, Str, Text};

/// The longest a quotation may hold, in days from its date, where the provider file does not
/// say: three months.
pub const MAX_VALIDITY_DAYS: u32 = 90;

/// The demo key's public point: its private half is in `tests/fixtures/demo-key.jwk`, public, so
/// only the example provider may list it.
pub const DEMO_PUBLIC: &str =
    "BCMD3tjGmDuaAe_6YPauF6YzF4InVP-699mJ9CpBKfkegcKmDiitAjAoQ1l5Kg2ZOh_CF-msCA9dCnSUcbep1TQ";

/// Every demo key of a salesperson: Sari Dewi's above, and Budi Pratama's, whose private half is
/// in `tests/fixtures/demo-key-bp.jwk` (he asks Sari Dewi to approve what is over his limit).
pub const DEMO_PUBLICS: [&str; 2] = [DEMO_PUBLIC, DEMO_BP_PUBLIC];

/// Budi Pratama's demo key's public point.
pub const DEMO_BP_PUBLIC: &str =
    "BOnOSqnS4nLb-_yKpLlv4paJN_u816x1ntlUeaDzMs-dvl8gD4F58IO29SA4WxpkucA9yc059amwoOTWY0BzS3A";

/// The demo root key's public point: its private half is in `tests/fixtures/demo-root.jwk`.
pub const DEMO_ROOT_PUBLIC: &str =
    "BD9hm4Xek2ebbZNxGv-PvSte-QETz-DmivtM9lZBxWwQj7yBfIKHGcZufcBQDvzLDhdPeUSigM-tICFoXfosbPs";

/// Whether `public` reads as an uncompressed P-256 point in base64url: 65 bytes from 0x04, so 87
/// characters, "B" and then A to P.
fn point(public: &str) -> bool {
    public.len() == 87
        && public.starts_with('B')
        && public
            .as_bytes()
            .get(1)
            .is_some_and(|b| (b'A'..=b'P').contains(b))
        && public
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The provider, as its `provider.toml` describes it.
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
    /// The logo's SVG markup. The file names a file beside it (`logo = "logo.svg"`); the build
    /// reads it in.
    pub logo: Str,
    /// `#rrggbb`: the page's accents, buttons, the charts' fixed part and the printed letterhead;
    /// white text sits on it.
    pub brand_colour: Str,
    /// `#rrggbb`, light: the sales console's band, notices and chosen rows; the brand colour's
    /// text sits on it. A tenth of the brand colour on white where the file does not say.
    #[serde(default)]
    pub tint_colour: Option<Str>,
    /// `#rrggbb`: the charts' variable part, beside the brand colour's fixed part. The brand
    /// colour lightened where the file does not say.
    #[serde(default)]
    pub chart_colour: Option<Str>,
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
    /// The key that certifies salespeople not listed here: their certificates are a file beside
    /// the page (`roster`), so that a salesperson joins or leaves without a new release.
    #[serde(default)]
    pub root: Option<RootKey>,
}

/// The provider's own key: it signs nothing but the certificates and withdrawals of its sales
/// staff's keys (`quote staff add`, `quote staff withdraw`), and is kept offline.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootKey {
    /// `ROOT-` and the first six hex digits of the point's SHA-256, as `quote keygen --root`
    /// prints it.
    pub id: Str,
    /// The public point, uncompressed, base64url without padding.
    pub public: Str,
    /// The example's root key, whose private half is public: never for a real provider.
    #[serde(default)]
    pub demo: bool,
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
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
    /// The largest discount this person may approve on a colleague's quotation (a fraction),
    /// where they may approve any: their countersignature lets it stand.
    #[serde(default, deserialize_with = "crate::tariff::exact_option")]
    pub approves_up_to: Option<Decimal>,
    /// The public keys this person signs quotations with.
    #[serde(default)]
    pub keys: List<StaffKey>,
}

/// A public key a salesperson signs with: ECDSA P-256.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
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

/// The page's colours, from the provider file, and those derived from them. The style sheets are
/// written with the example's (`Colours::EXAMPLE`); the build puts these in their place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colours {
    pub brand: Rgb,
    pub tint: Rgb,
    pub chart: Rgb,
}

/// A colour, `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// `#rrggbb`, case-insensitive.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).ok();
        Some(Self([byte(0)?, byte(2)?, byte(4)?]))
    }

    /// WCAG 2's relative luminance, 0 (black) to 1 (white).
    #[must_use]
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0[0]) + 0.7152 * linear(self.0[1]) + 0.0722 * linear(self.0[2])
    }

    /// WCAG 2's contrast ratio between two colours, 1 to 21.
    #[must_use]
    pub fn contrast(self, other: Self) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `share` of this colour over the rest of `other`, channel by channel.
    #[must_use]
    pub fn mix(self, other: Self, share: f64) -> Self {
        let channel = |i: usize| {
            let value = f64::from(self.0[i]) * share + f64::from(other.0[i]) * (1.0 - share);
            // 0 to 255 by construction.
            value.round().clamp(0.0, 255.0) as u8
        };
        Self([channel(0), channel(1), channel(2)])
    }

    pub const WHITE: Self = Self([255, 255, 255]);
    pub const BLACK: Self = Self([0, 0, 0]);
    /// The page's text colour (app.css `--ink`).
    pub const INK: Self = Self([0x17, 0x21, 0x2b]);
}

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0[0], self.0[1], self.0[2])
    }
}

impl Colours {
    /// The example's, as the style sheets are written: brand, tint, chart, then the derived
    /// hover, text-on-brand and notice-border colours.
    pub const EXAMPLE: [&'static str; 6] = [
        "#0c5a61", "#e6f2f2", "#5a9a9f", "#09474d", "#d7ecec", "#b6d3d6",
    ];

    /// The six colours in the order of [`Colours::EXAMPLE`]: what each of the style sheets'
    /// becomes.
    #[must_use]
    pub fn sheet(self) -> [Rgb; 6] {
        let example = Self::EXAMPLE.map(|c| Rgb::parse(c).unwrap_or(Rgb::BLACK));
        // The example's own derived colours were chosen by hand: its sheets stay as written.
        if [self.brand, self.tint, self.chart] == [example[0], example[1], example[2]] {
            return example;
        }
        [
            self.brand,
            self.tint,
            self.chart,
            // A button under the pointer: the brand colour a fifth darker.
            self.brand.mix(Rgb::BLACK, 0.8),
            self.tint,
            self.brand.mix(self.tint, 0.25),
        ]
    }
}

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

fn check_owned(ok: bool, field: &str, problem: String) -> Result<(), ProviderError> {
    if ok {
        Ok(())
    } else {
        Err(ProviderError {
            field: field.to_owned(),
            problem,
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
///
/// # Errors
/// What in `svg` the page could not draw, for `field`.
pub fn svg(svg: &str, field: &str) -> Result<(), ProviderError> {
    let lower = svg.to_ascii_lowercase();
    check(
        lower.trim_start().starts_with("<svg") && lower.trim_end().ends_with("</svg>"),
        field,
        "must be an SVG file, <svg …>…</svg> (an XML declaration and comments before it are fine)",
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
    /// The page's colours, each checked against what it must be read on.
    ///
    /// # Errors
    /// The colour field that is not `#rrggbb`, or too faint where it is used.
    pub fn colours(&self) -> Result<Colours, ProviderError> {
        let read = |text: &str, field: &str| {
            Rgb::parse(text).ok_or_else(|| ProviderError {
                field: field.to_owned(),
                problem: format!(
                    "must be a colour written #rrggbb (like \"#0c5a61\"), not {text:?}"
                ),
            })
        };
        let brand = read(&self.brand_colour, "brand_colour")?;
        let contrast = |ok: f64, field: &str, what: &str| {
            check_owned(
                ok >= 4.5,
                field,
                format!(
                    "{what}: contrast {ok:.2}:1, at least 4.5:1 is needed (WCAG AA); choose a darker colour"
                ),
            )
        };
        contrast(
            brand.contrast(Rgb::WHITE),
            "brand_colour",
            "is too light for the white text the page writes on it",
        )?;
        let tint = match &self.tint_colour {
            Some(text) => read(text, "tint_colour")?,
            None => brand.mix(Rgb::WHITE, 0.1),
        };
        let tint_contrast = brand.contrast(tint);
        check_owned(
            tint_contrast >= 4.5 && tint.contrast(Rgb::INK) >= 7.0,
            "tint_colour",
            format!(
                "is too dark for the brand-coloured and dark text the page writes on it (contrast with brand_colour {tint_contrast:.2}:1, at least 4.5:1 is needed): choose a lighter colour"
            ),
        )?;
        let chart = match &self.chart_colour {
            Some(text) => read(text, "chart_colour")?,
            None => brand.mix(Rgb::WHITE, 0.6),
        };
        let on_card = chart.contrast(Rgb::WHITE);
        check_owned(
            on_card >= 3.0,
            "chart_colour",
            format!(
                "is too light to see on the white chart (contrast {on_card:.2}:1, at least 3:1 is needed, WCAG 1.4.11): choose a darker colour"
            ),
        )?;
        let apart = chart.contrast(brand);
        check_owned(
            apart >= 1.5,
            "chart_colour",
            format!(
                "is too close to brand_colour for the charts' two parts to be told apart (contrast {apart:.2}:1, at least 1.5:1 is needed): choose a lighter colour"
            ),
        )?;
        Ok(Colours { brand, tint, chart })
    }

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
        svg(&self.logo, "logo")?;
        self.colours()?;
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
            if let Some(approves) = person.approves_up_to {
                check(
                    approves > Decimal::ZERO && approves < Decimal::ONE,
                    &format!("{at}.approves_up_to"),
                    "must be a fraction above 0 and under 1",
                )?;
            }
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
                    point(&key.public),
                    &format!("{at}.public"),
                    "must be an uncompressed P-256 point in base64url (87 characters from B…), as quote keygen prints it",
                )?;
                // Its private half is in this repository: anyone could sign in the provider's name.
                check(
                    self.example || (!key.demo && !DEMO_PUBLICS.contains(&&*key.public)),
                    &at,
                    "is the demo key, whose private half is public (in tests/fixtures): only the example provider may list it; delete this [[staff.keys]] block and give each salesperson a key of their own (quote keygen)",
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
        if let Some(root) = &self.root {
            check(
                point(&root.public),
                "root.public",
                "must be an uncompressed P-256 point in base64url (87 characters from B…), as quote keygen --root prints it",
            )?;
            check(
                self.example || (!root.demo && root.public != DEMO_ROOT_PUBLIC),
                "root",
                "is the demo root key, whose private half is public (tests/fixtures/demo-root.jwk): only the example provider may have it; make the provider's own with quote keygen --root and keep its private half offline",
            )?;
        }
        Ok(())
    }
}
