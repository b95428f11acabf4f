//! One estimate or quotation, derived once: what it is (its standing), what is priced, its
//! figures, its dates, whose words its texts are, and the basis of its figures. Every surface
//! renders this value and nothing else: the page on screen and on paper, both CSV files, the
//! share and accept messages, the sales console and the quote tool. It is a pure function of
//! the link (or the visitor's own inputs), the tariff, the provider and today on the provider's
//! calendar, so each of them shows the same thing on the same day.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::estimate::{self, Estimate, EstimateError, Request};
use crate::link::{self, Dropped, LinkError, QuoteDetails};
use crate::provider::Provider;
use crate::quote::{self, Today};
use crate::signature::{self, Claim, SignatureState, Verdict};
use crate::tariff::{Catalogue, Tariff, Text};

/// What a document is worth to its reader today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// An estimate, not a quotation: no one offered these figures.
    Estimate,
    /// A quotation whose signature the browser is still checking.
    Checking,
    /// Signed by a current key of the salesperson named, nothing changed, within its dates.
    Valid,
    /// Signed and whole, past its last day.
    Expired,
    /// Signed and whole, but dated after today or before its tariff.
    NotYetValid,
    /// Changed after it was signed.
    Altered,
    /// Signed with a key the provider does not list.
    UnknownKey,
    /// Signed with a key of the provider's, dated before that key's first day.
    KeyNotYetValid,
    /// Its key was withdrawn before the quotation would end.
    Revoked,
    /// Quotation details that no one signed: anyone could have written them.
    Unsigned,
}

impl From<SignatureState> for Standing {
    fn from(state: SignatureState) -> Self {
        match state {
            SignatureState::Valid => Self::Valid,
            SignatureState::Expired => Self::Expired,
            SignatureState::NotYetValid => Self::NotYetValid,
            SignatureState::Altered => Self::Altered,
            SignatureState::UnknownKey => Self::UnknownKey,
            SignatureState::KeyNotYetValid => Self::KeyNotYetValid,
            SignatureState::Revoked => Self::Revoked,
            SignatureState::Unsigned => Self::Unsigned,
        }
    }
}

impl Standing {
    /// A stable name: the page's `data-standing`, the quote tool's JSON.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Estimate => "estimate",
            Self::Checking => "checking",
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

    /// Whether its client may accept it: only a valid quotation is an offer that stands.
    #[must_use]
    pub fn stands(self) -> bool {
        self == Self::Valid
    }

    /// Whether the salesperson it names issued exactly these terms: then their name, the
    /// discount and the special terms are theirs (an expired quotation still shows what was
    /// quoted).
    #[must_use]
    pub fn vouched(self) -> bool {
        matches!(self, Self::Valid | Self::Expired)
    }
}

/// Whose words a quotation's texts (client, subject, special terms) are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Voice {
    /// A standing signature vouches for them: the salesperson's, in the provider's name.
    Signer,
    /// Only the link's: anyone could have written them.
    Link,
}

/// The salesperson who signed, as the provider file names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub id: String,
    pub name: String,
    pub title: Text,
    pub email: String,
    pub whatsapp: String,
    /// The id of the key they signed with.
    pub key: String,
}

/// The colleague who approved a discount over its signer's limit, and the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approver {
    pub name: String,
    pub title: Text,
    /// The id of the key they approved with.
    pub key: String,
    pub on: Date,
}

/// Who a quotation is for and from, and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotation {
    pub number: String,
    pub client: String,
    pub attention: String,
    /// The subject where the link sets one; empty for the usual one.
    pub subject: String,
    /// Special terms the salesperson negotiated: only where a standing signature vouches for
    /// them, else empty.
    pub note: String,
    /// Whose words the texts above are.
    pub voice: Voice,
    /// Who issued it, where a standing signature vouches for it.
    pub signer: Option<Signer>,
    /// Who the link says prepared it, and their contact: the link's words, which the page shows
    /// as such and never in the provider's name.
    pub claimed_preparer: String,
    pub claimed_contact: String,
    pub issued: Option<Date>,
    /// The last day it holds: the day set, else the tariff's validity, never more than the
    /// provider's maximum after its date.
    pub until: Option<Date>,
    /// The negotiated discount priced: only what a standing signature vouches for, within the
    /// signer's limit.
    pub discount: Option<Decimal>,
    /// The discount the link asks for, priced or not.
    pub asked_discount: Option<Decimal>,
    /// The link asks for a discount over its signer's limit: priced only where approved.
    pub discount_over_limit: bool,
    /// Who approved that discount, where their approval stands and the signature vouches.
    pub approved_by: Option<Approver>,
    /// The link carries an approval of its discount that does not hold, or does not cover it.
    pub approval_void: bool,
    /// The key it names, where it names one.
    pub key: Option<String>,
    /// The day its key was withdrawn, where it was.
    pub withdrawn: Option<Date>,
    /// Its revision, where its number says it is one (`quote::revision`).
    pub revision: Option<u32>,
    /// The quotation a revision replaces, as its link names it: number and code.
    pub replaces: Option<(String, String)>,
}

/// A volume the page filled in, which nobody typed or confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub activity: String,
    pub unit: String,
}

/// The volumes the request still holds as the page's examples.
fn examples(request: &Request) -> Vec<Example> {
    let mut examples = Vec::new();
    for wanted in &request.activities {
        for unit in &wanted.examples {
            examples.push(Example {
                activity: wanted.activity.clone(),
                unit: unit.clone(),
            });
        }
    }
    examples
}

/// One option of a quotation that offers several, priced as the document is (its vouched
/// discount and all): what its client compares and chooses from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub request: Request,
    pub estimate: Estimate,
}

/// One estimate or quotation, as every surface shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub standing: Standing,
    /// The day it was judged by, on the provider's calendar.
    pub today: Date,
    /// The version of the tariff it is priced with, and the day that tariff took effect.
    pub tariff: String,
    pub tariff_effective: String,
    /// A newer tariff than the one it is priced with, where one is bundled.
    pub newer_tariff: Option<String>,
    /// What is priced: the request, with the negotiated discount only where it is vouched for.
    pub request: Request,
    pub estimate: Estimate,
    /// Who it is for and from; `None` for an estimate.
    pub quote: Option<Quotation>,
    /// What the link lost on the way, and an unsigned quotation's impossible dates.
    pub problems: Vec<Dropped>,
    /// The link it is shared as, without the page's address.
    pub link: String,
    /// A field is being corrected: the figures are those of the inputs as they last read.
    pub stale: bool,
    /// Volumes the page filled in and nobody typed.
    pub examples: Vec<Example>,
    /// How many options the quotation offers (one for an estimate), each priced by
    /// [`Document::offers`]; the request and estimate above are those of the one shown.
    pub options: usize,
    /// Which of them is shown, from 0.
    pub shown: usize,
}

/// What a document is derived from.
pub struct Source<'a> {
    pub tariff: &'a Tariff,
    /// What the visitor or the link asks for, without any negotiated discount.
    pub request: &'a Request,
    /// The link's quotation details, while the link is on the page unchanged.
    pub quote: Option<&'a QuoteDetails>,
    /// What the signature says; `None` while the browser checks it.
    pub verdict: Option<&'a Verdict<'a>>,
    pub problems: &'a [Dropped],
    pub link: &'a str,
    pub stale: bool,
    /// How many options the quotation offers (one for an estimate), and the one shown, from 0.
    pub options: usize,
    pub shown: usize,
}

/// Why a link makes no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Link(LinkError),
    Estimate(EstimateError),
}

impl Unreadable {
    /// A stable identifier, for scripts.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Link(error) => error.code(),
            Self::Estimate(error) => error.code(),
        }
    }
}

impl Document {
    /// The document `source` makes on `today`.
    ///
    /// # Errors
    /// [`EstimateError`] where the request cannot be priced.
    pub fn of(
        source: &Source<'_>,
        catalogue: &Catalogue,
        provider: &Provider,
        today: Today,
    ) -> Result<Self, EstimateError> {
        let tariff = source.tariff;
        let details = source.quote.filter(|q| !q.is_empty());
        let verdict = source.verdict;
        let standing = match (details, verdict) {
            (None, _) => Standing::Estimate,
            (Some(_), None) => Standing::Checking,
            (Some(_), Some(verdict)) => verdict.state.into(),
        };
        let vouched = standing.vouched();
        let mut request = source.request.clone();
        request.discount = verdict.and_then(|v| v.discount).filter(|_| vouched);
        let estimate = estimate::estimate(tariff, &request)?;
        let quote = details.map(|details| {
            let signer = verdict
                .filter(|_| vouched)
                .and_then(|v| Some((v.staff?, v.key?)))
                .map(|(staff, key)| Signer {
                    id: staff.id.to_string(),
                    name: staff.name.to_string(),
                    title: staff.title.clone(),
                    email: staff.email.to_string(),
                    whatsapp: staff.whatsapp.to_string(),
                    key: key.id.to_string(),
                });
            Quotation {
                number: details.reference.clone(),
                client: details.client.clone(),
                attention: details.attention.clone(),
                subject: details.subject.clone(),
                note: if vouched {
                    details.note.clone()
                } else {
                    String::new()
                },
                voice: if vouched { Voice::Signer } else { Voice::Link },
                signer,
                claimed_preparer: details.preparer.clone(),
                claimed_contact: details.contact.clone(),
                issued: details.issued,
                until: quote::last_day(details, tariff, provider),
                discount: request.discount,
                asked_discount: details.discount,
                discount_over_limit: verdict.is_some_and(|v| v.over_limit),
                approved_by: verdict
                    .filter(|_| vouched)
                    .and_then(|v| v.approval)
                    .map(|a| Approver {
                        name: a.staff.name.to_string(),
                        title: a.staff.title.clone(),
                        key: a.key.id.to_string(),
                        on: a.on,
                    }),
                approval_void: verdict.is_some_and(|v| v.approval_void),
                key: verdict.and_then(|v| v.key).map(|k| k.id.to_string()),
                withdrawn: verdict.and_then(|v| v.key).and_then(|k| k.revoked),
                revision: quote::revision(&details.reference).map(|(_, n)| n),
                replaces: quote::replaced(&details.replaces)
                    .map(|(number, code)| (number.to_owned(), code.to_owned())),
            }
        });
        let latest = catalogue.latest();
        Ok(Self {
            standing,
            today: today.0,
            tariff: tariff.version.to_string(),
            tariff_effective: tariff.effective.to_string(),
            newer_tariff: (latest.version != tariff.version).then(|| latest.version.to_string()),
            request,
            estimate,
            quote,
            problems: source.problems.to_vec(),
            link: source.link.to_owned(),
            stale: source.stale,
            examples: examples(source.request),
            options: source.options,
            shown: source.shown,
        })
    }

    /// The document a link makes on `today`, its signature checked by `verify` (the quote tool's
    /// RustCrypto, or a test's).
    ///
    /// # Errors
    /// [`Unreadable`] where the text is not one of our links, or its request cannot be priced.
    pub fn from_link(
        text: &str,
        catalogue: &Catalogue,
        provider: &Provider,
        today: Today,
        verify: impl Fn(&Claim<'_, '_>) -> bool,
    ) -> Result<Self, Unreadable> {
        Self::from_link_certified(text, catalogue, provider, today, |_| None, verify)
    }

    /// [`Document::from_link`], where `certify` answers who the provider's roster certified for
    /// a key the provider file does not list (`roster::Roster::certify`).
    ///
    /// # Errors
    /// [`Unreadable`] where the text is not one of our links, or its request cannot be priced.
    pub fn from_link_certified(
        text: &str,
        catalogue: &Catalogue,
        provider: &Provider,
        today: Today,
        certify: impl FnOnce(&str) -> Option<crate::provider::Staff>,
        verify: impl Fn(&Claim<'_, '_>) -> bool,
    ) -> Result<Self, Unreadable> {
        let opened = link::decode(text, catalogue).map_err(Unreadable::Link)?;
        let tariff = catalogue
            .get(&opened.contents.tariff)
            .unwrap_or(catalogue.latest());
        let problems = link::problems(&opened, tariff, today.0);
        let certified = signature::unlisted(opened.seal.as_ref(), provider).and_then(certify);
        let verdict =
            match signature::claim_among(opened.seal.as_ref(), provider, certified.as_ref()) {
                Ok(claim) => {
                    let verified = verify(&claim);
                    let approved = signature::approver_claim(opened.approval.as_ref(), provider)
                        .is_some_and(|approval| verify(&approval));
                    let signer = (claim.staff, claim.key);
                    let checked = (verified, approved);
                    signature::judge(signer, checked, &opened, tariff, provider, today)
                }
                Err(verdict) => verdict,
            };
        let fragment = link::fragment(text);
        Self::of(
            &Source {
                tariff,
                request: opened.request(),
                quote: Some(&opened.contents.quote),
                verdict: Some(&verdict),
                problems: &problems,
                link: &fragment,
                stale: false,
                options: opened.contents.options.len() + 1,
                shown: opened.shown,
            },
            catalogue,
            provider,
            today,
        )
        .map_err(Unreadable::Estimate)
    }

    /// A quotation's options, the first first, each priced as this document is (its vouched
    /// discount and all): what its client compares and chooses from. None for a document of
    /// one option.
    ///
    /// # Errors
    /// [`EstimateError`] where an option cannot be priced.
    pub fn offers(&self, catalogue: &Catalogue) -> Result<Vec<Offer>, EstimateError> {
        if self.options < 2 {
            return Ok(Vec::new());
        }
        let (Ok(opened), Some(tariff)) = (
            link::decode(&self.link, catalogue),
            catalogue.get(&self.tariff),
        ) else {
            return Ok(Vec::new());
        };
        let mut offers = Vec::new();
        for option in opened.options() {
            let request = Request {
                discount: self.request.discount,
                ..option.clone()
            };
            let estimate = estimate::estimate(tariff, &request)?;
            offers.push(Offer { request, estimate });
        }
        Ok(offers)
    }

    /// Whether its client may accept it.
    #[must_use]
    pub fn stands(&self) -> bool {
        self.standing.stands() && !self.stale
    }

    /// The last day of a quotation that has passed.
    #[must_use]
    pub fn expired_on(&self) -> Option<Date> {
        self.quote
            .as_ref()?
            .until
            .filter(|until| *until < self.today)
    }

    /// Whether a volume was filled in by the page rather than typed.
    #[must_use]
    pub fn is_example(&self, activity: &str, unit: &str) -> bool {
        self.examples
            .iter()
            .any(|e| e.activity == activity && e.unit == unit)
    }
}
