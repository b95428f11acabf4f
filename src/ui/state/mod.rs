//! What the visitor has entered, exactly as typed; what it makes, worked out once per change; and
//! whose estimate is on the page. No web API in here: the reducer is tested natively.

use std::rc::Rc;

use yew::Reducible;

use crate::document::{Document, Source};
use crate::estimate::{EstimateError, Request};
use crate::i18n::{Lang, format_count};
use crate::link::{self, Dropped, LinkError, Opened, QuoteDetails};
use crate::provider::{Staff, provider};
use crate::quantity;
use crate::quote::Today;
use crate::roster::Certified;
use crate::signature::{self, Verdict};
use crate::tariff::{Catalogue, Tariff};
use crate::ui::bridge::Wish;
pub use crate::ui::edit::Edit;

mod inputs;
#[cfg(test)]
mod tests;

pub use inputs::{ActivityInputs, Inputs};

impl From<Wish> for Action {
    fn from(wish: Wish) -> Self {
        match wish {
            Wish::Edit(edit) => Self::Edit(edit),
            Wish::Reprice => Self::Reprice,
            Wish::Verified {
                link,
                holds,
                approved,
                certified,
            } => Self::Verified {
                link,
                holds: (holds, approved),
                certified: certified
                    .as_ref()
                    .and_then(Certified::staff)
                    .map(super::staff::keep),
            },
        }
    }
}

/// Whose estimate is on the page: the visitor's own draft, kept in the browser, or one opened
/// from someone's link, which is never saved over the visitor's draft unless they say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Own,
    Link,
}

/// What the visitor does on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A change to the estimate: from then on it is the visitor's own, without the details of a
    /// quote it came from.
    Edit(Edit),
    /// The page's language: the estimate stays as it is.
    SetLang(Lang),
    /// Price the same request with the newest tariff.
    Reprice,
    /// Make the estimate on the page the visitor's own draft.
    KeepAsDraft,
    /// Open a link: typed into the address bar, or the visitor's stored draft.
    Open { text: String, origin: Origin },
    /// "Edit this estimate" on a quotation: the same figures as an estimate of the visitor's
    /// own, without the salesperson, number and date.
    EditCopy,
    /// The browser has checked the signature of the quotation whose link (as it arrived) this is.
    Verified {
        link: String,
        /// The signature's check, and the check of the approval it carries.
        holds: (bool, bool),
        certified: Option<&'static Staff>,
    },
    /// The visitor left a volume's field, whose own text is `text`: a number that reads is
    /// written grouped, as the page writes numbers (120000 becomes 120,000). A text the page had
    /// not heard (set without an input event) is an edit like any other.
    Tidy {
        activity: String,
        unit: String,
        text: String,
    },
}

/// A link as it arrived, kept while the visitor has changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The fragment exactly as it arrived: the address bar and "Copy link" keep it, so a
    /// damaged link is never passed on as a clean one.
    pub text: String,
    /// The link as decoded: the request, who the quote is for and from (empty for an
    /// estimate), what decoding had to give up, and the signature.
    pub opened: Opened,
    /// What opening it had to give up, its date's problems included for an unsigned quote.
    pub dropped: Vec<Dropped>,
    /// What the signature says; `None` while the browser checks it.
    pub verdict: Option<Verdict<'static>>,
}

/// The page's state: the inputs, what they make, and the request whose estimate is on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub catalogue: &'static Catalogue,
    /// The tariff the estimate is priced with: an older one for an older link.
    pub tariff: &'static Tariff,
    pub lang: Lang,
    pub inputs: Inputs,
    /// The inputs hold a mistake: the estimate on screen is the last valid one.
    pub stale: bool,
    /// Why inputs that each read well cannot be priced together (an activity the site does not
    /// deliver, a language it does not speak).
    /// Shared, not cloned: the state is cloned at every change, and an error's clone and
    /// comparison would weigh on the page for nothing.
    pub problem: Option<Rc<EstimateError>>,
    /// The last request the tariff accepted. While an input is wrong its estimate stays on
    /// screen; the estimate itself is derived from it, never stored.
    pub accepted: Request,
    pub origin: Origin,
    /// The link the estimate came from, until the visitor changes it.
    pub received: Option<Received>,
    /// Today on the provider's calendar: a quote is judged by it.
    pub today: Today,
    /// Why the address could not be opened at all.
    pub link_error: Option<LinkError>,
    /// What re-pricing the estimate with the newest tariff gave up, until the next change;
    /// `None` where it was not re-priced.
    pub repriced: Option<Vec<Dropped>>,
    /// What every surface shows: derived from the rest after every change (see `document`).
    pub document: Result<Rc<Document>, Rc<EstimateError>>,
}

impl State {
    /// A fresh page priced with the newest tariff.
    #[must_use]
    pub fn new(catalogue: &'static Catalogue, lang: Lang, today: Today) -> Self {
        let tariff = catalogue.latest();
        let mut state = Self {
            catalogue,
            tariff,
            lang,
            inputs: Inputs::new(tariff, lang),
            stale: false,
            problem: None,
            accepted: Request::starter(tariff),
            origin: Origin::Own,
            received: None,
            today,
            link_error: None,
            repriced: None,
            document: Err(Rc::new(EstimateError::Overflow)),
        };
        state.derive();
        state.settle();
        state
    }

    /// The page as the address and the browser's storage say: the link in the address first,
    /// else the visitor's stored draft, else a fresh page. A link equal to the stored draft is the
    /// visitor's own (a reload), not someone else's.
    #[must_use]
    pub fn load(
        catalogue: &'static Catalogue,
        lang: Lang,
        today: Today,
        address: Option<&str>,
        stored: Option<&str>,
    ) -> Self {
        let mut state = Self::new(catalogue, lang, today);
        let address = address.filter(|a| !a.trim_start_matches('#').is_empty());
        if let Some(text) = address {
            let own =
                stored.is_some_and(|s| s.trim_start_matches('#') == text.trim_start_matches('#'));
            let origin = if own { Origin::Own } else { Origin::Link };
            state.open(text, origin);
            if state.link_error.is_none() {
                state.settle();
                return state;
            }
        }
        if let Some(text) = stored {
            let error = state.link_error.take();
            state.open(text, Origin::Own);
            // A stored draft that no longer reads is simply not offered; the address's error
            // is the one to show.
            if let Some(received) = &mut state.received {
                received.dropped.clear();
            }
            state.link_error = error;
        }
        state.settle();
        state
    }

    fn open(&mut self, text: &str, origin: Origin) {
        match link::decode(text, self.catalogue) {
            Ok(opened) => {
                let tariff = self
                    .catalogue
                    .get(&opened.contents.tariff)
                    .unwrap_or(self.catalogue.latest());
                self.show(tariff, opened.request());
                let dropped = link::problems(&opened, tariff, self.today.0);
                // Settled at once where no cryptography is needed; else the browser checks it.
                let verdict = signature::settled(opened.seal.as_ref(), provider());
                self.received = Some(Received {
                    text: text.split_once('#').map_or(text, |(_, f)| f).to_owned(),
                    opened,
                    dropped,
                    verdict,
                });
                self.origin = origin;
                self.link_error = None;
                self.derive();
            }
            Err(error) => self.link_error = Some(error),
        }
    }

    /// Judges the signature of the link on the page once the browser has checked it; a check of
    /// another link (one the visitor has since left) is not this one's.
    fn verified(&mut self, link: &str, holds: (bool, bool), certified: Option<&'static Staff>) {
        let (today, tariff) = (self.today, self.tariff);
        if let Some(received) = self
            .received
            .as_mut()
            .filter(|r| r.verdict.is_none() && r.text == link)
        {
            let seal = received.opened.seal.as_ref();
            received.verdict = Some(match signature::signer_among(seal, provider(), certified) {
                Ok(signer) => {
                    signature::judge(signer, holds, &received.opened, tariff, provider(), today)
                }
                // The roster did not certify the key: no one the provider knows signed it.
                Err(verdict) => verdict,
            });
        }
        self.derive();
    }

    /// What the signature on the page says; `None` while it is checked.
    #[must_use]
    pub fn verdict(&self) -> Option<&Verdict<'static>> {
        self.received.as_ref()?.verdict.as_ref()
    }

    /// Puts a request priced with `tariff` on the page, its inputs rewritten from it.
    fn show(&mut self, tariff: &'static Tariff, request: &Request) {
        self.inputs = Inputs::from_request(tariff, request, self.lang);
        self.tariff = tariff;
        self.derive();
    }

    /// Works out what the inputs make: the errors at their fields, whether they price together,
    /// and the request on screen.
    fn derive(&mut self) {
        self.problem = None;
        self.stale = true;
        if let Some(mut request) = self.inputs.read(self.tariff) {
            // A quotation's negotiated discount, where its signature vouches for it.
            request.discount = self
                .received
                .as_ref()
                .and_then(|r| r.verdict.as_ref())
                .and_then(|v| v.discount);
            match request.validate(self.tariff) {
                Ok(()) => {
                    self.accepted = request;
                    self.stale = false;
                }
                Err(error) => self.problem = Some(Rc::new(error)),
            }
        }
    }

    /// Who the quote on the page is for and from; nothing for the visitor's own estimate.
    #[must_use]
    pub fn quote(&self) -> Option<&QuoteDetails> {
        self.received
            .as_ref()
            .map(|r| &r.opened.contents.quote)
            .filter(|q| !q.is_empty())
    }

    /// What opening the link had to give up, while it is on the page unchanged.
    #[must_use]
    pub fn dropped(&self) -> &[Dropped] {
        self.received.as_ref().map_or(&[], |r| &r.dropped)
    }

    /// The link of the estimate on screen, without `#`: the link as it arrived while nothing
    /// was changed, else the visitor's own estimate.
    #[must_use]
    pub fn link(&self) -> String {
        match &self.received {
            Some(received) => received.text.clone(),
            None => link::encode_estimate(&self.accepted, self.tariff),
        }
    }

    /// A newer tariff than the one the estimate is priced with, if one is bundled.
    #[must_use]
    pub fn newer_tariff(&self) -> Option<&'static Tariff> {
        let latest = self.catalogue.latest();
        (latest.version != self.tariff.version).then_some(latest)
    }

    /// A change to the estimate: from then on it is the visitor's own.
    fn edited(&mut self, edit: Edit) {
        self.inputs.apply(edit, self.tariff);
        self.received = None;
        self.repriced = None;
        self.derive();
    }

    /// Derives the document once the state has changed.
    fn settle(&mut self) {
        self.document = self.derive_document().map(Rc::new).map_err(Rc::new);
    }

    /// The document on the page: what every surface shows, derived from the rest of the state.
    ///
    /// # Errors
    /// [`EstimateError`] where the request on screen cannot be priced (its figures overflow).
    fn derive_document(&self) -> Result<Document, EstimateError> {
        let link = self.link();
        let no_verdict = Verdict::unsigned();
        let received = self.received.as_ref();
        Document::of(
            &Source {
                tariff: self.tariff,
                request: &self.accepted,
                quote: received.map(|r| &r.opened.contents.quote),
                // An estimate's own request has no signature to check.
                verdict: match received {
                    Some(received) => received.verdict.as_ref(),
                    None => Some(&no_verdict),
                },
                problems: self.dropped(),
                link: &link,
                stale: self.stale,
                options: received.map_or(1, |r| r.opened.contents.options.len() + 1),
                shown: received.map_or(0, |r| r.opened.shown),
            },
            self.catalogue,
            provider(),
            self.today,
        )
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::Edit(edit) => next.edited(edit),
            Action::Tidy {
                activity,
                unit,
                text,
            } => {
                // The field's own text, its digits grouped where it reads as a number: an edit
                // where the page had not heard it so (set without an input event).
                let text =
                    quantity::parse(&text, u64::MAX).map_or(text, |n| format_count(n, next.lang));
                if next
                    .inputs
                    .activity_mut(&activity)
                    .is_some_and(|inputs| inputs.typed(&unit) != text)
                {
                    next.edited(Edit::Volume {
                        activity,
                        unit,
                        text,
                    });
                }
            }
            Action::SetLang(lang) => {
                next.inputs.relang(lang);
                next.lang = lang;
                next.derive();
            }
            Action::Reprice => {
                let latest = next.catalogue.latest();
                let (request, dropped) = link::reprice(&next.accepted, latest);
                next.show(latest, &request);
                next.received = None;
                next.repriced = Some(dropped);
            }
            Action::KeepAsDraft => next.origin = Origin::Own,
            Action::EditCopy => {
                next.received = None;
                next.derive();
            }
            Action::Verified {
                link,
                holds,
                certified,
            } => next.verified(&link, holds, certified),
            Action::Open { text, origin } => next.open(&text, origin),
        }
        next.settle();
        Rc::new(next)
    }
}
