//! The words of sharing an estimate and reaching the provider's sales team: the link, WhatsApp,
//! e-mail, print and CSV, and accepting a quotation. Drawn by the deferred module only. A
//! message carries the figures it is about, so that whoever reads it in a chat knows what the
//! link holds before opening it.

use super::{Lang, format_date, format_money, quoted_settings};
use crate::document::Document;
use crate::tariff::Tariff;

texts! {
    /// Buttons and hints of the share box and a quotation's actions.
    pub struct ShareTexts {
        share =>
            "Bagikan dan tanyakan",
            "Share and ask";
        share_hint =>
            "Tautan ini memuat seluruh estimasi dan membukanya kembali persis sama, kapan pun. Tidak ada yang disimpan di server.",
            "This link holds the whole estimate and re-opens it exactly, at any time. Nothing is stored on a server.";
        copy_link =>
            "Salin tautan",
            "Copy link";
        share_native =>
            "Bagikan…",
            "Share…";
        print =>
            "Cetak / simpan PDF",
            "Print / save as PDF";
        download_csv =>
            "Unduh CSV",
            "Download CSV";
        copied =>
            "Tautan disalin.",
            "Link copied.";
        selected =>
            "Tautan sudah dipilih: tekan Ctrl+C (atau ⌘C) untuk menyalin.",
            "The link is selected: press Ctrl+C (or ⌘C) to copy it.";
        ask_sales =>
            "Tanya tim penjualan lewat WhatsApp",
            "Ask sales about this estimate on WhatsApp";
        ask_sales_email =>
            "Email tim penjualan",
            "E-mail sales";
        ask_sales_hint =>
            "Tautan estimasi ini ikut terkirim, jadi tim penjualan melihat angka yang sama.",
            "The estimate's link goes with your message, so sales see the same figures.";
        share_whatsapp =>
            "Bagikan lewat WhatsApp",
            "Share on WhatsApp";
        accept =>
            "Terima penawaran lewat WhatsApp",
            "Accept on WhatsApp";
        accept_email =>
            "Terima lewat email",
            "Accept by e-mail";
        ask_again =>
            "Minta penawaran baru lewat WhatsApp",
            "Ask for a new quotation on WhatsApp";
    }
}

/// The figures a message is about: "Rp 79.000.000 per bulan, total kontrak Rp 2.844.000.000 (36
/// bulan); Jakarta · Bahasa Indonesia · Kontrak 36 bulan", and whether its volumes are examples.
fn figures(document: &Document, tariff: &Tariff, lang: Lang) -> String {
    let estimate = &document.estimate;
    let money = |amount| format_money(amount, estimate.currency, lang);
    let (monthly, contract, months) = (
        money(estimate.totals.monthly),
        money(estimate.totals.contract),
        estimate.months,
    );
    let settings = quoted_settings(tariff, &document.request, lang);
    let examples = if document.examples.is_empty() {
        ""
    } else {
        match lang {
            Lang::Id => " (volume contoh, belum diisi sendiri)",
            Lang::En => " (example volumes, not yet entered)",
        }
    };
    // A field being corrected: the figures are the last valid ones, and the message says so.
    let stale = if document.stale {
        match lang {
            Lang::Id => " (angka terakhir yang valid; sebuah isian sedang diperbaiki)",
            Lang::En => " (the last valid figures; a field is being corrected)",
        }
    } else {
        ""
    };
    say!(
        lang,
        "{monthly} per bulan, total kontrak {contract} ({months} bulan){examples}{stale}; {settings}",
        "{monthly} a month, contract total {contract} ({months} months){examples}{stale}; {settings}"
    )
}

/// The message a prospect sends sales about an estimate, its figures and link.
#[must_use]
pub fn ask_sales_message(
    provider: &str,
    document: &Document,
    tariff: &Tariff,
    url: &str,
    lang: Lang,
) -> String {
    let figures = figures(document, tariff, lang);
    say!(
        lang,
        "Halo {provider}, saya ingin bertanya tentang estimasi biaya ini: {figures}. {url}",
        "Hello {provider}, I would like to ask about this cost estimate: {figures}. {url}"
    )
}

/// The message a visitor shares an estimate with, its figures and link.
#[must_use]
pub fn share_message(
    provider: &str,
    document: &Document,
    tariff: &Tariff,
    url: &str,
    lang: Lang,
) -> String {
    let figures = figures(document, tariff, lang);
    say!(
        lang,
        "Estimasi biaya outsourcing dari {provider}: {figures}. {url}",
        "An outsourcing cost estimate from {provider}: {figures}. {url}"
    )
}

/// The message a client accepts a quotation with: its number and its signature's code, its
/// totals, its last day and its link, so that the acceptance names exactly what is accepted
/// (the console checks it: `acceptance`).
#[must_use]
pub fn accept_message(document: &Document, url: &str, lang: Lang) -> String {
    let quote = document.quote.as_ref();
    let number = quote.map_or("", |q| q.number.as_str());
    let number = if number.is_empty() { "-" } else { number };
    let client = quote.map_or("", |q| q.client.as_str());
    let who = if client.is_empty() {
        match lang {
            Lang::Id => "kami",
            Lang::En => "we",
        }
    } else {
        client
    };
    let estimate = &document.estimate;
    let money = |amount| format_money(amount, estimate.currency, lang);
    let (monthly, one_time, contract, months) = (
        money(estimate.totals.monthly),
        money(estimate.totals.one_time),
        money(estimate.totals.contract),
        estimate.months,
    );
    let until = quote
        .and_then(|q| q.until)
        .map(|d| format_date(d, lang))
        .unwrap_or_default();
    let code = crate::quote::code(&document.link).unwrap_or("-");
    // The option chosen, where it offers several: the figures are that option's.
    let (shown, of) = (document.shown + 1, document.options);
    let option = if of > 1 {
        say!(lang, ", opsi {shown} dari {of}", ", option {shown} of {of}")
    } else {
        String::new()
    };
    say!(
        lang,
        "Halo, {who} menerima penawaran {number} (kode {code}){option}: {monthly} per bulan, biaya awal {one_time}, total kontrak {contract} ({months} bulan), berlaku sampai {until}. Tautan: {url}",
        "Hello, {who} accepts quotation {number} (code {code}){option}: {monthly} a month, one-time {one_time}, contract total {contract} ({months} months), valid until {until}. Link: {url}"
    )
}

/// The message a client asks for a new quotation with, where the one they hold does not stand.
#[must_use]
pub fn ask_again_message(document: &Document, url: &str, lang: Lang) -> String {
    let number = document
        .quote
        .as_ref()
        .map_or("", |q| q.number.as_str())
        .to_owned();
    let number = if number.is_empty() {
        "-".to_owned()
    } else {
        number
    };
    say!(
        lang,
        "Halo, penawaran {number} ini tidak lagi berlaku di halaman Anda. Mohon kirimkan penawaran baru. Tautan: {url}",
        "Hello, quotation {number} no longer stands on your page. Please send a new quotation. Link: {url}"
    )
}
