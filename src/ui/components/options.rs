//! A quotation of several options as its client compares them: side by side where the screen
//! is wide enough (stacked on a phone), each with where it is delivered, what it covers and its
//! totals, the one shown marked, and a link that shows any other in full. Choosing is opening
//! that option's link (`&o=`): the page prices it, and accepting names it. Drawn by the
//! deferred module from the document's offers (`Document::offers`), within the quotation's
//! parts.

use yew::prelude::*;

use crate::document::{Document, Offer};
use crate::i18n::{
    Lang, OptionTexts, Texts, contract_total, format_money, option_difference, option_name,
    options_title, quoted_activity, quoted_settings, see_option, viewing_option,
};
use crate::link;
use crate::tariff::Tariff;
use crate::ui::browser;

/// The options compared, below the totals of the one shown: a part of the quotation's actions
/// (a component of its own would weigh some kilobytes of the deferred module). `offers` holds
/// every option, the first first; nothing is drawn for a quotation of one.
pub fn quote_options(tariff: &Tariff, document: &Document, offers: &[Offer], lang: Lang) -> Html {
    let (texts, words) = (Texts::of(lang), OptionTexts::of(lang));
    let shown = document.shown;
    if offers.len() < 2 {
        return Html::default();
    }
    html! {
        <section class="quote-options" data-testid="quote-options" aria-labelledby="quote-options-title">
            <h2 id="quote-options-title">{ options_title(offers.len(), lang) }</h2>
            <p class="help">{ words.help }</p>
            <div class="option-cards">
                { for offers.iter().enumerate().map(|(i, offer)| {
                    let n = i + 1;
                    let title = format!("quote-option-{n}-title");
                    let estimate = &offer.estimate;
                    let money = |amount| format_money(amount, estimate.currency, lang);
                    // What it adds to the first option's month, or saves, in the same currency.
                    let first = &offers[0].estimate;
                    let difference = (i > 0 && estimate.currency == first.currency)
                        .then(|| estimate.totals.monthly.checked_sub(first.totals.monthly))
                        .flatten()
                        .filter(|d| !d.is_zero());
                    html! {
                        <article class={classes!("option-card", (i == shown).then_some("shown"))}
                            data-testid={format!("quote-option-{n}")} aria-labelledby={title.clone()}
                            aria-current={(i == shown).then_some("true")}>
                            <h3 id={title} tabindex="-1">{ option_name(n, lang) }</h3>
                            <p class="settings">{ quoted_settings(tariff, &offer.request, lang) }</p>
                            <p class="covers">{ format!("{}:", words.covers) }</p>
                            <ul>
                                { for offer.request.activities.iter().filter_map(|wanted| {
                                    let activity = tariff.activity(&wanted.activity)?;
                                    Some(html! { <li>{ quoted_activity(activity, wanted, lang) }</li> })
                                }) }
                            </ul>
                            <dl class="option-totals">
                                <div><dt>{ texts.monthly }</dt><dd data-testid="quote-option-monthly">{ money(estimate.totals.monthly) }</dd></div>
                                <div><dt>{ texts.one_time }</dt><dd>{ money(estimate.totals.one_time) }</dd></div>
                                <div><dt>{ contract_total(estimate.months, lang) }</dt><dd data-testid="quote-option-contract">{ money(estimate.totals.contract) }</dd></div>
                            </dl>
                            if let Some(difference) = difference {
                                <p class="difference" data-testid="quote-option-difference">
                                    { option_difference(&money(difference.abs()), difference.is_sign_positive(), lang) }
                                </p>
                            }
                            if i == shown {
                                <p class="option-shown" data-testid="quote-option-shown">{ words.shown }</p>
                            } else {
                                <a class="button" data-testid={format!("quote-option-{n}-see")}
                                    href={format!("#{}", link::with_option(&document.link, n))}>{ see_option(n, lang) }</a>
                            }
                        </article>
                    }
                }) }
            </div>
        </section>
    }
}

/// Once the client opened another option, the focus goes to its name, as it would to a page's
/// heading: the link they followed is gone with the option it opened.
#[hook]
pub fn use_option_focus(shown: usize) {
    let before = use_mut_ref(|| shown);
    use_effect_with(shown, move |shown| {
        if *before.borrow() != *shown {
            *before.borrow_mut() = *shown;
            browser::focus(&format!("quote-option-{}-title", shown + 1));
        }
    });
}

/// Under the standing: which option the page shows, of how many.
pub fn shown_option(document: &Document, lang: Lang) -> Html {
    if document.options < 2 {
        return Html::default();
    }
    html! {
        <p class="signature" data-testid="quote-option-viewing">
            { viewing_option(document.shown + 1, document.options, lang) }
        </p>
    }
}
