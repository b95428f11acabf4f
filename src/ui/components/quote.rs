//! A quotation as its client opens it: who it is from and for, its number and dates, what it
//! covers in words, its totals, and what the client can do: accept it, print it, or make an
//! estimate of their own from it.

use std::rc::Rc;

use yew::prelude::*;

use super::summary::Summary;
use crate::calendar::Date;
use crate::estimate::{Estimate, Request};
use crate::i18n::{
    Lang, SealTexts, ShareTexts, SignatureTexts, Texts, accept_message, email_subject,
    quoted_activity, quoted_settings, signature_sentence,
};
use crate::link::QuoteDetails;
use crate::provider::{self, provider};
use crate::signature::{SignatureState, Verdict};
use crate::tariff::Tariff;
use crate::ui::state::Action;
use crate::ui::{Static, browser, more};

#[derive(Properties, PartialEq)]
pub struct QuoteViewProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
    pub quote: QuoteDetails,
    pub estimate: Rc<Estimate>,
    /// What its signature says; `None` while the browser checks it.
    pub verdict: Option<Verdict<'static>>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn QuoteView(props: &QuoteViewProps) -> Html {
    let QuoteViewProps {
        tariff,
        lang,
        quote,
        estimate,
        verdict,
        dispatch,
    } = props;
    let (lang, texts, words) = (*lang, Texts::of(*lang), SignatureTexts::of(*lang));
    let dated = |date: Option<Date>| date.map(|d| d.to_string()).unwrap_or_default();
    let state = verdict.as_ref().map(|v| v.state);
    // Who issued it: the signer the provider file names, where the signature vouches; what the
    // link says, marked unsigned, where there is none; nobody where it was tampered with.
    let signer = verdict
        .as_ref()
        .filter(|v| v.state.vouches())
        .and_then(|v| v.staff);
    let preparer = match (signer, state) {
        (Some(staff), _) => format!(
            "{}, {} · {} · +{}",
            staff.name,
            staff.title.get(lang),
            staff.email,
            staff.whatsapp
        ),
        (None, Some(SignatureState::Unsigned)) => [quote.preparer.as_str(), quote.contact.as_str()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        (None, _) => String::new(),
    };
    let until = dated(quote.valid_until(tariff.0));
    let details = [
        (texts.quote_number, quote.reference.clone(), "quote-number"),
        (texts.issued, dated(quote.issued), "quote-date"),
        (texts.prepared_for, quote.client.clone(), "quote-client"),
        (words.attention, quote.attention.clone(), "quote-attention"),
        (words.subject, quote.subject.clone(), "quote-subject"),
        (texts.prepared_by, preparer, "quote-preparer"),
        (texts.valid_until, until.clone(), "quote-valid-until"),
    ];

    let on_edit = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::EditCopy))
    };
    html! {
        <section class="quote-view" data-testid="quote-view" aria-labelledby="quote-title">
            <h1 id="quote-title">{ texts.quote }</h1>
            // What the signature says, in full, follows with the deferred module (`Seal`).
            <div id={more::SEAL} class="deferred"></div>
            <dl class="quote-details">
                { for details.into_iter().filter(|(_, value, _)| !value.is_empty()).map(|(name, value, testid)| html! {
                    <div><dt>{ name }</dt><dd data-testid={testid}>{ value }</dd></div>
                }) }
            </dl>
            if signer.is_some() && !quote.note.is_empty() {
                <h3>{ words.special_terms }</h3>
                <p class="note" data-testid="quote-note">{ quote.note.clone() }</p>
            }
            <Summary estimate={estimate.clone()} {lang} stale={false} quote={true} />
            // What is quoted in words, and accepting and printing it, follow with the deferred
            // module.
            <div id={more::QUOTE} class="deferred"></div>
            <div class="actions">
                <button type="button" data-testid="quote-edit" onclick={on_edit}>{ texts.edit_quote }</button>
            </div>
            <p class="help">{ texts.edit_quote_hint }</p>
            <div id={more::BREAKDOWN} class="deferred"></div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuoteActionsProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
    pub quote: QuoteDetails,
    pub request: Request,
    /// The whole address of the quotation, as it arrived.
    pub url: AttrValue,
    /// Whether the client may act on it: not expired, not damaged, not dated impossibly.
    pub stands: bool,
    /// The id of the salesperson whose signature vouches for it.
    pub signer: AttrValue,
}

/// What a quotation covers in words, and accepting (to the salesperson who signed it, else to
/// sales) and printing it: below its totals, with the deferred module.
#[component]
pub fn QuoteActions(props: &QuoteActionsProps) -> Html {
    let QuoteActionsProps {
        tariff,
        lang,
        quote,
        request,
        url,
        stands,
        signer,
    } = props;
    let (lang, texts, sh) = (*lang, Texts::of(*lang), ShareTexts::of(*lang));
    let seller = provider();
    let accept = accept_message(&quote.reference, &quote.client, url, lang);
    let (whatsapp, email) = seller
        .staff(signer)
        .map_or((&seller.whatsapp, &seller.email), |s| {
            (&s.whatsapp, &s.email)
        });
    html! {
        <>
            <h3>{ texts.what_is_quoted }</h3>
            <p data-testid="quote-settings">{ quoted_settings(tariff, request, lang) }</p>
            <ul class="quoted">
                { for request.activities.iter().filter_map(|wanted| {
                    let activity = tariff.activity(&wanted.activity)?;
                    Some(html! { <li key={wanted.activity.clone()}>{ quoted_activity(activity, wanted, lang) }</li> })
                }) }
            </ul>
            <div class="actions">
                if *stands {
                    <a class="button primary" data-testid="quote-accept" target="_blank" rel="noopener"
                        href={provider::whatsapp(Some(whatsapp), &accept)}>{ sh.accept }</a>
                    <a class="button" data-testid="quote-accept-email"
                        href={provider::mailto(email, &email_subject(Some(&quote.reference), lang), &accept)}>
                        { sh.accept_email }
                    </a>
                }
                <button type="button" data-testid="print" onclick={Callback::from(|_| browser::print())}>{ sh.print }</button>
            </div>
        </>
    }
}

/// What a quotation's signature says, as the page passes it to the deferred module: its state
/// (`checking` while the browser checks it), the signer, the dates and whether a discount was
/// refused, tab-separated; empty for an estimate that is no quotation.
#[must_use]
pub fn seal(quote: &QuoteDetails, tariff: &Tariff, verdict: Option<&Verdict<'static>>) -> String {
    let dated = |date: Option<Date>| date.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "{}\t{}\t{}\t{}\t{}",
        verdict.map_or("checking", |v| v.state.code()),
        verdict.and_then(|v| v.staff).map_or("", |s| &s.name),
        dated(quote.issued),
        dated(quote.valid_until(tariff)),
        u8::from(verdict.is_some_and(|v| v.over_limit)),
    )
}

#[derive(Properties, PartialEq)]
pub struct SealProps {
    /// As `seal` writes it.
    pub seal: AttrValue,
    pub lang: Lang,
}

/// The signature's sentence: who signed, when, until when, or why it does not stand.
#[component]
pub fn Seal(props: &SealProps) -> Html {
    let lang = props.lang;
    let mut parts = props.seal.split('\t');
    let code = parts.next().unwrap_or_default();
    let [signer, issued, until, over] = [(); 4].map(|()| parts.next().unwrap_or_default());
    let state = SignatureState::ALL.into_iter().find(|s| s.code() == code);
    let sentence = match state {
        Some(state) => signature_sentence(state, signer, issued, until, lang),
        None => SignatureTexts::of(lang).checking.to_owned(),
    };
    html! {
        <>
            <p class={classes!("signature", state.map(SignatureState::code))} data-testid="quote-signature"
                data-state={state.map_or("checking", SignatureState::code)} role="status">{ sentence }</p>
            if over == "1" {
                <p class="signature">{ SealTexts::of(lang).over_limit }</p>
            }
        </>
    }
}
