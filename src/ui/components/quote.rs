//! A quotation as its client opens it: who it is from and for, its number and dates, what it
//! covers in words, its totals, the provider's terms, and what the client can do: accept it
//! while it stands, ask for a new one when it does not, print it, or make an estimate of their
//! own from it. Every word of it comes from the document (see `document`).

use yew::prelude::*;

use super::options::{quote_options, shown_option, use_option_focus};
use super::share::CsvLink;
use super::summary::Summary;
use crate::document::{Document, Offer, Voice};
use crate::i18n::{
    DeferredTexts, Lang, PrintTexts, ShareTexts, SignatureTexts, StandingTexts, Texts,
    accept_message, accept_option, approver_line, ask_again_message, email_subject, format_date,
    newer_revision, open_revision, quoted_activity, quoted_settings, revision_line, service_hours,
    standing_sentence,
};
use crate::provider::{self, provider};
use crate::tariff::Tariff;
use crate::ui::Shared;
use crate::ui::state::Action;
use crate::ui::{Static, browser, places};

#[derive(Properties, PartialEq)]
pub struct QuoteViewProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
    pub document: Shared<Document>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn QuoteView(props: &QuoteViewProps) -> Html {
    let QuoteViewProps {
        lang,
        document,
        dispatch,
        ..
    } = props;
    let (lang, texts, words) = (*lang, Texts::of(*lang), SignatureTexts::of(*lang));
    let Some(quote) = &document.quote else {
        return Html::default();
    };
    let dated = |date: Option<crate::calendar::Date>| {
        date.map(|d| format_date(d, lang)).unwrap_or_default()
    };
    // Who issued it: the signer the provider file names, where the signature vouches; nobody
    // otherwise (what the link claims is not the provider's word).
    let preparer = quote
        .signer
        .as_ref()
        .map(|staff| {
            format!(
                "{}, {} · {} · +{}",
                staff.name,
                staff.title.get(lang),
                staff.email,
                staff.whatsapp
            )
        })
        .unwrap_or_default();
    let details = [
        (texts.quote_number, quote.number.clone(), "quote-number"),
        (texts.issued, dated(quote.issued), "quote-date"),
        (texts.prepared_for, quote.client.clone(), "quote-client"),
        (words.attention, quote.attention.clone(), "quote-attention"),
        (words.subject, quote.subject.clone(), "quote-subject"),
        (texts.prepared_by, preparer, "quote-preparer"),
        (texts.valid_until, dated(quote.until), "quote-valid-until"),
    ];
    let on_edit = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::EditCopy);
            // The button goes with the quotation's view: once the calculator is drawn in its
            // place, the focus goes to its first step.
            browser::after_render(|| browser::focus("activities-title"));
        })
    };
    let voice = match quote.voice {
        Voice::Signer => "signer",
        Voice::Link => "link",
    };
    html! {
        <section class="quote-view" data-testid="quote-view" data-standing={document.standing.code()}
            aria-labelledby="quote-title">
            <h1 id="quote-title">{ texts.quote }</h1>
            // What the standing says, in full, follows with the deferred module (`StandingNote`).
            <div id={places::SEAL} class="deferred"></div>
            if quote.voice == Voice::Link {
                <p class="link-voice" data-testid="quote-link-voice">{ texts.link_voice }</p>
            }
            <dl class={classes!("quote-details", voice)} data-voice={voice}>
                { for details.into_iter().filter(|(_, value, _)| !value.is_empty()).map(|(name, value, testid)| html! {
                    <div><dt>{ name }</dt><dd data-testid={testid}>{ value }</dd></div>
                }) }
            </dl>
            if !quote.note.is_empty() {
                <h2>{ words.special_terms }</h2>
                <p class="note" data-testid="quote-note">{ quote.note.clone() }</p>
            }
            <Summary document={document.clone()} {lang} />
            // What is quoted in words, the terms, and accepting and printing it, follow with the
            // deferred module.
            <div id={places::QUOTE} class="deferred"></div>
            <div class="actions">
                <button type="button" data-testid="quote-edit" onclick={on_edit}>{ texts.edit_quote }</button>
            </div>
            <p class="help">{ texts.edit_quote_hint }</p>
            <div id={places::BREAKDOWN} class="deferred"></div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuoteActionsProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
    pub document: Shared<Document>,
    /// Its options, where it offers several (`Document::offers`).
    pub offers: Shared<Vec<Offer>>,
    /// The whole address of the quotation, as it arrived.
    pub url: AttrValue,
}

/// What a quotation covers in words, the provider's terms, and accepting it (to the salesperson
/// who signed it, else to sales) while it stands, or asking for a new one: below its totals,
/// with the deferred module. The terms come before the buttons: nobody accepts terms they have
/// not been shown.
#[component]
pub fn QuoteActions(props: &QuoteActionsProps) -> Html {
    let QuoteActionsProps {
        tariff,
        lang,
        document,
        offers,
        url,
    } = props;
    let (lang, sh) = (*lang, ShareTexts::of(*lang));
    let words = PrintTexts::of(lang);
    let seller = provider();
    let signer = document.quote.as_ref().and_then(|q| q.signer.as_ref());
    let (whatsapp, email) = signer.map_or((&*seller.whatsapp, &*seller.email), |s| {
        (s.whatsapp.as_str(), s.email.as_str())
    });
    let number = document.quote.as_ref().map(|q| q.number.as_str());
    let subject = email_subject(number, lang);
    let terms = &seller.terms;
    use_option_focus(document.shown);
    // Where it offers several options, accepting accepts the one shown, and says so.
    let accept = if offers.len() > 1 {
        accept_option(document.shown + 1, lang)
    } else {
        sh.accept.to_owned()
    };
    html! {
        <>
            { quote_options(tariff, document, offers, lang) }
            <h2>{ DeferredTexts::of(lang).what_is_quoted }</h2>
            <p data-testid="quote-settings">{ quoted_settings(tariff, &document.request, lang) }</p>
            <ul class="quoted">
                { for document.request.activities.iter().filter_map(|wanted| {
                    let activity = tariff.activity(&wanted.activity)?;
                    // What is quoted, then the hours its price covers (does it cover weekends?).
                    let hours = service_hours(activity, lang).unwrap_or_default();
                    Some(html! { <li key={wanted.activity.clone()}>{ quoted_activity(activity, wanted, lang) }{ " " }{ hours }</li> })
                }) }
            </ul>
            <h2>{ words.terms }</h2>
            <dl class="terms" data-testid="quote-terms">
                { for [
                    (words.payment, terms.payment.get(lang)),
                    (words.indexation, terms.indexation.get(lang)),
                    (words.notice, terms.notice.get(lang)),
                    (words.sla, terms.sla.get(lang)),
                ].into_iter().map(|(name, text)| html! { <><dt>{ name }</dt><dd>{ text }</dd></> }) }
            </dl>
            <div class="actions">
                if document.stands() {
                    <a class="button primary" data-testid="quote-accept" target="_blank" rel="noopener"
                        href={provider::whatsapp(Some(whatsapp), &accept_message(document, url, lang))}>{ accept }</a>
                    <a class="button" data-testid="quote-accept-email"
                        href={provider::mailto(email, &subject, &accept_message(document, url, lang))}>
                        { sh.accept_email }
                    </a>
                } else {
                    <a class="button primary" data-testid="quote-ask-again" target="_blank" rel="noopener"
                        href={provider::whatsapp(Some(whatsapp), &ask_again_message(document, url, lang))}>{ sh.ask_again }</a>
                }
                <button type="button" data-testid="print" onclick={Callback::from(|_| browser::print())}>{ sh.print }</button>
                <CsvLink tariff={*tariff} document={document.clone()} offers={offers.clone()} url={url.clone()} {lang} />
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct StandingNoteProps {
    pub document: Shared<Document>,
    pub lang: Lang,
}

/// The standing in a sentence: who signed, when, until when, or why it does not stand.
#[component]
pub fn StandingNote(props: &StandingNoteProps) -> Html {
    let StandingNoteProps { document, lang } = props;
    // A newer revision of this quotation opened on this device before: looked up, and this one
    // remembered, only where the provider's signature vouches for it (an unsigned link could
    // claim any revision).
    // Looked up once for each quotation shown: the lookup remembers this one where it is the
    // newest, which a second run for the same quotation leaves as it was.
    let seen = document
        .quote
        .as_ref()
        .filter(|q| q.voice == Voice::Signer)
        .map(|q| {
            let (base, n) = crate::quote::revision(&q.number).unwrap_or((&q.number, 0));
            (base.to_owned(), n, document.link.clone())
        });
    let newer = use_memo(seen, |seen| {
        seen.as_ref()
            .and_then(|(base, n, link)| browser::newer_revision(base, *n, link))
    });
    let code = document.standing.code();
    let over_limit = document
        .quote
        .as_ref()
        .is_some_and(|q| q.discount_over_limit);
    let approval_void = document.quote.as_ref().is_some_and(|q| q.approval_void);
    html! {
        <>
            <p class={classes!("signature", code)} data-testid="quote-signature" data-state={code} role="status">
                { standing_sentence(document, *lang) }
            </p>
            if let Some(approver) = document.quote.as_ref().and_then(|q| q.approved_by.as_ref()) {
                <p class="signature" data-testid="quote-approved-by">
                    { format!("{}: {}", StandingTexts::of(*lang).approved_by, approver_line(approver, *lang)) }
                </p>
            } else if approval_void {
                <p class="signature" data-testid="quote-approval-void">{ StandingTexts::of(*lang).approval_void }</p>
            } else if over_limit {
                <p class="signature" data-testid="quote-over-limit">{ StandingTexts::of(*lang).over_limit }</p>
            }
            // Which revision it is, in the provider's words only: an unsigned link could claim any.
            if let Some((n, quote)) = document.quote.as_ref().filter(|q| q.voice == Voice::Signer).and_then(|q| Some((q.revision?, q))) {
                <p class="signature" data-testid="quote-revision">
                    { format!("{}: {}", SignatureTexts::of(*lang).revision, revision_line(n, quote.replaces.as_ref().map(|(a, b)| (a.as_str(), b.as_str())), *lang)) }
                </p>
            }
            { shown_option(document, *lang) }
            if let Some((n, link)) = &*newer {
                <p class="notice" data-testid="quote-newer-revision" role="status">
                    { newer_revision(*n, *lang) }{ " " }
                    <a href={format!("#{link}")}>{ open_revision(*n, *lang) }</a>
                </p>
            }
        </>
    }
}
