//! The printed document: a quotation as an Indonesian company sends one ("Surat Penawaran
//! Harga"), or the visitor's indicative estimate laid out the same way. Letterhead, number and
//! date, recipient and subject, a table per activity whose every total is a sum of the lines it
//! shows, the terms, the signature block, the link with its QR code, and the quoted activities'
//! pricing basis as an appendix. Only paper shows it.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::calendar::Date;
use crate::document::{Document, Offer, Standing, Voice};
use crate::estimate::{ActivityEstimate, Line, LineKind};
use crate::i18n::{
    Lang, OptionTexts, PrintTexts, StandingTexts, Texts, contract_total, estimate_validity,
    format_count, format_date, format_money, format_unit_price, line_title, opening, option_name,
    option_of, quoted_settings, standing_heading, standing_sentence, standing_signed,
    tariff_edition, validity, written_validity,
};
use crate::money::Currency;
use crate::provider::provider;
use crate::tariff::{Activity, Tariff};
use crate::ui::Shared;
use crate::ui::Static;

#[derive(Properties, PartialEq)]
pub struct PaperProps {
    pub tariff: Static<Tariff>,
    pub lang: Lang,
    pub document: Shared<Document>,
    /// The whole address, which the QR code carries.
    pub url: AttrValue,
    /// A quotation's options, where it offers several (`Document::offers`).
    pub offers: Shared<Vec<Offer>>,
}

/// A line of a table: item, quantity, unit price, amount.
fn row(
    title: String,
    line: Option<&Line>,
    amount: Decimal,
    currency: Currency,
    lang: Lang,
) -> Html {
    let money = |amount| format_money(amount, currency, lang);
    html! {
        <tr>
            <th scope="row">{ title }</th>
            <td>{ line.and_then(|l| l.quantity).map(|q| format_count(q, lang)).unwrap_or_default() }</td>
            <td>{ line.and_then(|l| l.unit_price).map(|p| format_unit_price(p, currency, lang)).unwrap_or_default() }</td>
            <td>{ money(amount) }</td>
        </tr>
    }
}

/// One activity's charges: its lines, then subtotal, discount, taxable amount, VAT and total,
/// each a sum of what is above it; the same for its one-time charges.
fn activity_table(
    number: usize,
    activity: &Activity,
    priced: &ActivityEstimate,
    document: &Document,
    currency: Currency,
    lang: Lang,
) -> Html {
    let t = PrintTexts::of(lang);
    // Below the subtotal: the discounts, the taxable amount, the VAT, the total, each a sum of
    // what is above it.
    let is_total_part = |l: &&Line| {
        matches!(
            l.kind,
            LineKind::Discount { .. } | LineKind::NegotiatedDiscount { .. } | LineKind::Vat { .. }
        )
    };
    let items = priced.monthly_lines.iter().filter(|l| !is_total_part(l));
    let discounts: Vec<&Line> = priced
        .monthly_lines
        .iter()
        .filter(|l| {
            matches!(
                l.kind,
                LineKind::Discount { .. } | LineKind::NegotiatedDiscount { .. }
            )
        })
        .collect();
    let vat = priced
        .monthly_lines
        .iter()
        .find(|l| matches!(l.kind, LineKind::Vat { .. }));
    let taxable = discounts
        .iter()
        .try_fold(priced.monthly_subtotal, |sum, d| sum.checked_add(d.amount));
    // A volume the page filled in says so at its line.
    let title = |line: &Line| match &line.kind {
        LineKind::Tier { unit, .. } if document.is_example(&priced.activity, unit) => {
            format!("{} ({})", line_title(line, activity, lang), t.example)
        }
        _ => line_title(line, activity, lang),
    };
    let one_time_vat = priced
        .one_time_lines
        .iter()
        .find(|l| matches!(l.kind, LineKind::Vat { .. }));
    html! {
        <table class="items" key={priced.activity.clone()}>
            <caption>{ format!("{number}. {}", activity.name.get(lang)) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ t.item }</th><th scope="col">{ t.quantity }</th>
                    <th scope="col">{ t.unit_price }</th><th scope="col">{ t.amount }</th>
                </tr>
            </thead>
            <tbody>
                <tr class="section"><th scope="rowgroup" colspan="4">{ t.monthly }</th></tr>
                { for items.map(|line| row(title(line), Some(line), line.amount, currency, lang)) }
                { row(t.subtotal.into(), None, priced.monthly_subtotal, currency, lang) }
                { for discounts.iter().map(|line| row(title(line), None, line.amount, currency, lang)) }
                if let (false, Some(taxable)) = (discounts.is_empty(), taxable) { { row(t.taxable.into(), None, taxable, currency, lang) } }
                if let Some(line) = vat { { row(title(line), None, line.amount, currency, lang) } }
                <tr class="total">{ total_cells(t.monthly_total, priced.monthly, currency, lang) }</tr>
                if !priced.one_time_lines.is_empty() {
                    <tr class="section"><th scope="rowgroup" colspan="4">{ t.one_time }</th></tr>
                    { for priced.one_time_lines.iter().filter(|l| !is_total_part(l))
                        .map(|line| row(title(line), Some(line), line.amount, currency, lang)) }
                    // The one-time charges are never discounted: their taxable amount is their sum.
                    if let Some(line) = one_time_vat {
                        { row(title(line), None, line.amount, currency, lang) }
                    }
                    <tr class="total">{ total_cells(t.one_time_total, priced.one_time, currency, lang) }</tr>
                }
            </tbody>
        </table>
    }
}

fn total_cells(title: &str, amount: Decimal, currency: Currency, lang: Lang) -> Html {
    html! {
        <>
            <th scope="row" colspan="3">{ title }</th>
            <td>{ format_money(amount, currency, lang) }</td>
        </>
    }
}

#[component]
pub fn Paper(props: &PaperProps) -> Html {
    let PaperProps {
        tariff,
        lang,
        document,
        url,
        offers,
    } = props;
    let (lang, t) = (*lang, PrintTexts::of(*lang));
    let seller = provider();
    let quote = document.quote.as_ref();
    let estimate = &document.estimate;
    let currency = estimate.currency;
    let money = |amount| format_money(amount, currency, lang);
    let dated = |date: Option<Date>| date.map(|d| format_date(d, lang)).unwrap_or_default();
    // Only a quotation that stands speaks in the provider's name: its letter, its closing.
    let stands = document.standing == Standing::Valid;
    // What it is, on the first page in a heading no one can miss and on every page at its foot.
    let heading = standing_heading(document, lang);
    let signed = standing_signed(document, lang);
    let mut meta: Vec<(&str, String)> = Vec::new();
    if let Some(quote) = quote {
        meta.push((t.number, quote.number.clone()));
        if let Some(n) = quote.revision {
            let replaces = quote
                .replaces
                .as_ref()
                .map(|(a, b)| (a.as_str(), b.as_str()));
            meta.push((
                crate::i18n::SignatureTexts::of(lang).revision,
                crate::i18n::revision_line(n, replaces, lang),
            ));
        }
        if let Some(approver) = &quote.approved_by {
            meta.push((
                crate::i18n::StandingTexts::of(lang).approved_by,
                crate::i18n::approver_line(approver, lang),
            ));
        }
        meta.push((t.date, dated(quote.issued)));
        meta.push((t.to, quote.client.clone()));
        meta.push((t.attention, quote.attention.clone()));
    }
    let subject = match quote {
        Some(quote) if !quote.subject.is_empty() => quote.subject.clone(),
        Some(_) => t.quotation_subject.to_owned(),
        None => t.estimate_subject.to_owned(),
    };
    meta.push((t.subject, subject));
    let validity = match quote.and_then(|q| Some((q.issued?, q.until?))) {
        Some((issued, until)) if stands => {
            let days = until.days_since_epoch() - issued.days_since_epoch();
            validity(&format_date(until, lang), days, lang)
        }
        // Not a quotation that stands (its heading says why): the day it names binds nobody.
        Some((_, until)) => written_validity(&format_date(until, lang), lang),
        None => estimate_validity(&tariff_edition(tariff, lang), lang),
    };
    let mut terms = vec![(t.validity, validity)];
    if let Some(note) = quote.map(|q| q.note.clone()).filter(|n| !n.is_empty()) {
        terms.push((t.special_terms, note));
    }
    terms.extend([
        (t.payment, seller.terms.payment.get(lang).to_owned()),
        (t.indexation, seller.terms.indexation.get(lang).to_owned()),
        (t.notice, seller.terms.notice.get(lang).to_owned()),
        (t.sla, seller.terms.sla.get(lang).to_owned()),
    ]);
    let quoted: Vec<(&Activity, &ActivityEstimate)> = estimate
        .activities
        .iter()
        .filter_map(|a| Some((tariff.activity(&a.activity)?, a)))
        .collect();
    let totals = &estimate.totals;
    let words = StandingTexts::of(lang);
    let footer = heading.clone().or_else(|| signed.clone());
    // What it is, at the head of every printed page: the page's margin box shows the root's
    // `--standing`, set here (a property set by script, not an inline style, which the page's
    // Content-Security-Policy forbids).
    use_effect_with(footer.clone(), |footer| {
        crate::ui::browser::set_print_heading(footer.as_deref());
        || crate::ui::browser::set_print_heading(None)
    });
    html! {
        <article class={classes!("document", (!stands && quote.is_some()).then_some("void"))}
            data-testid="document" data-standing={document.standing.code()}>
            if let Some(footer) = footer {
                // Printed at the head of every page by the page's margin box (see above).
                <p class="page-standing" data-testid="print-footer">{ footer }</p>
            }
            if let Some(heading) = &heading {
                <div class="standing-banner" data-testid="print-standing" role="note">
                    <p class="standing-heading">{ heading.clone() }</p>
                    <p>{ standing_sentence(document, lang) }</p>
                </div>
            }
            <header class="letterhead">
                <span class="logo" aria-hidden="true">{ Html::from_html_unchecked(AttrValue::Static(&seller.logo)) }</span>
                <div>
                    <p class="legal-name">{ &*seller.legal_name }</p>
                    <p>{ &*seller.address }</p>
                    <p>{ format!("NPWP {} · {} · {} · {}", seller.npwp, seller.phone, seller.email, seller.website) }</p>
                </div>
            </header>
            <h2 class="document-title">{ if quote.is_some() { t.quotation } else { t.estimate } }</h2>
            if quote.is_some_and(|q| q.voice == Voice::Link) {
                <p class="link-voice">{ format!("{}:", words.as_the_link_says) }</p>
            }
            <dl class="document-meta">
                { for meta.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
            </dl>
            if stands {
                <p>{ t.greeting }</p>
                <p>{ opening(&tariff.version, lang) }</p>
            } else if quote.is_none() {
                <p>{ t.estimate_note }</p>
            }
            if !document.examples.is_empty() {
                <p class="examples-note" data-testid="print-examples">{ t.examples_note }</p>
            }
            if document.stale {
                <p class="examples-note" data-testid="print-stale">{ t.stale_note }</p>
            }
            <p class="quoted-settings">
                <strong>{ t.quoted }{ ": " }</strong>
                if offers.len() > 1 {
                    { format!("{} · ", option_of(document.shown + 1, offers.len(), lang)) }
                }
                { quoted_settings(tariff, &document.request, lang) }
            </p>
            <div class="tables">
                { for quoted.iter().enumerate().map(|(i, (activity, priced))| activity_table(i + 1, activity, priced, document, currency, lang)) }
            </div>
            <table class="items summary-table">
                <caption>{ t.summary }</caption>
                <thead><tr>
                    <th scope="col">{ t.activity }</th><th scope="col">{ t.one_time }</th><th scope="col">{ t.monthly }</th>
                </tr></thead>
                <tbody>
                    { for quoted.iter().map(|(activity, priced)| html! {
                        <tr><th scope="row">{ activity.name.get(lang) }</th><td>{ money(priced.one_time) }</td><td>{ money(priced.monthly) }</td></tr>
                    }) }
                    <tr class="total"><th scope="row">{ t.subtotal }</th><td>{ money(totals.one_time) }</td><td>{ money(totals.monthly) }</td></tr>
                    <tr class="total"><th scope="row" colspan="2">{ t.first_year }</th><td>{ money(totals.first_year) }</td></tr>
                    <tr class="total"><th scope="row" colspan="2">{ contract_total(estimate.months, lang) }</th><td>{ money(totals.contract) }</td></tr>
                </tbody>
            </table>
            if offers.len() > 1 {
                <table class="items options-table" data-testid="print-options">
                    <caption>{ OptionTexts::of(lang).print_title }</caption>
                    <thead><tr>
                        <th scope="col">{ OptionTexts::of(lang).section }</th><th scope="col">{ t.quoted }</th>
                        <th scope="col">{ t.one_time }</th><th scope="col">{ t.monthly }</th><th scope="col">{ Texts::of(lang).contract }</th>
                    </tr></thead>
                    <tbody>
                        { for offers.iter().enumerate().map(|(i, offer)| {
                            let (totals, currency) = (&offer.estimate.totals, offer.estimate.currency);
                            let money = |amount| format_money(amount, currency, lang);
                            html! {
                                <tr class={classes!((i == document.shown).then_some("total"))}>
                                    <th scope="row">{ option_name(i + 1, lang) }</th>
                                    <td>{ quoted_settings(tariff, &offer.request, lang) }</td>
                                    <td>{ money(totals.one_time) }</td><td>{ money(totals.monthly) }</td><td>{ money(totals.contract) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <p class="note">{ OptionTexts::of(lang).print_note }</p>
            }
            <p class="note" data-testid="print-vat-basis">
                { if estimate.vat.is_some() { t.vat_included } else { t.vat_excluded } }
            </p>
            <h3>{ t.terms }</h3>
            <dl class="terms" data-testid="print-terms">
                { for terms.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
            </dl>
            <div class="closing">
                <div class="sign" data-testid="print-closing">
                    if let (true, Some(signer)) = (stands, quote.and_then(|q| q.signer.as_ref())) {
                        <p>{ t.closing }</p>
                        <p>{ t.regards }</p>
                        <p class="signed-line">{ signed.clone().unwrap_or_default() }</p>
                        <p><strong>{ signer.name.clone() }</strong></p>
                        <p>{ signer.title.get(lang) }</p>
                        <p>{ &*seller.legal_name }</p>
                    }
                </div>
                <div class="print-link">
                    <div id="print-qr" class="qr"></div>
                    <p>{ t.scan }<br /><code>{ url.clone() }</code></p>
                </div>
            </div>
            if quote.is_some() {
                <p class="note" data-testid="print-check">{ words.check_how }</p>
            }
            <section class="appendix">
                <h3>{ t.appendix }</h3>
                <p>{ format!("{}: {}", t.tariff, tariff_edition(tariff, lang)) }</p>
                if currency == Currency::Usd {
                    <p>{ format!("{}: {}", t.exchange_rate, crate::i18n::exchange_assumption(tariff, lang)) }</p>
                }
                if let Some(site) = tariff.site(&document.request.site) {
                    <p>{ format!("{}: {}", t.site, crate::i18n::site_assumption(site, lang)) }</p>
                }
                { for document.request.activities.iter().filter_map(|wanted| {
                    let activity = tariff.activity(&wanted.activity)?;
                    let model = activity.model(&wanted.model)?;
                    Some(html! {
                        <div class="basis">
                            <h4>{ activity.name.get(lang) }</h4>
                            <p>{ activity.fee_note.get(lang) }{ ". " }{ activity.setup_note.get(lang) }{ "." }</p>
                            <ul>
                                { for activity.priced_units(model).into_iter().filter(|u| wanted.volumes.get(&*u.id).is_some_and(|q| *q > 0)).map(|unit| html! {
                                    <li><strong>{ unit.name.get(lang) }</strong>{ ": " }{ unit.note.get(lang) }{ "." }</li>
                                }) }
                            </ul>
                        </div>
                    })
                }) }
            </section>
        </article>
    }
}
