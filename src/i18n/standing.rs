//! What a document's standing says, in words a client can act on: on screen, in the heading of
//! every printed page, and in the console's register. A quotation that does not stand says so
//! first, in capitals on paper, so that nobody forwards it as one that does.

use super::{Lang, format_date};
use crate::calendar::Date;
use crate::document::{Document, Standing};

texts! {
    /// The words of a quotation's details, on the page's first module.
    pub struct SignatureTexts {
        checking =>
            "Memeriksa tanda tangan digital…",
            "Checking the digital signature…";
        special_terms =>
            "Ketentuan khusus",
            "Special terms";
        attention =>
            "U.p.",
            "Attention";
        subject =>
            "Perihal",
            "Subject";
        revision =>
            "Revisi",
            "Revision";
    }
}

/// A revision, as its quotation says it: which, and what it replaces.
#[must_use]
pub fn revision_line(n: u32, replaces: Option<(&str, &str)>, lang: Lang) -> String {
    match replaces {
        Some((number, code)) => say!(
            lang,
            "{n}, menggantikan {number} (kode {code})",
            "{n}, replacing {number} (code {code})"
        ),
        None => n.to_string(),
    }
}

/// Who approved a discount over its signer's limit, as screen, paper and CSV say it: "Sari
/// Dewi, Sales Manager, 8 December 2026".
#[must_use]
pub fn approver_line(approver: &crate::document::Approver, lang: Lang) -> String {
    format!(
        "{}, {}, {}",
        approver.name,
        approver.title.get(lang),
        format_date(approver.on, lang)
    )
}

/// Said on an older revision where a newer one was opened on this device.
#[must_use]
pub fn newer_revision(n: u32, lang: Lang) -> String {
    say!(
        lang,
        "Revisi yang lebih baru dari penawaran ini (revisi {n}) sudah dibuka di perangkat ini: penawaran ini sudah digantikan.",
        "A newer revision of this quotation (revision {n}) was opened on this device: this one is replaced."
    )
}

/// The link to the newer revision.
#[must_use]
pub fn open_revision(n: u32, lang: Lang) -> String {
    say!(lang, "Buka revisi {n}", "Open revision {n}")
}

texts! {
    /// What the standing says in full: drawn by the deferred module (a quotation's figures come
    /// first).
    pub struct StandingTexts {
        check_how =>
            "Untuk memeriksanya, pindai kode QR atau buka tautannya: halaman kami menunjukkan apakah penawaran ini masih berlaku dan tidak diubah.",
            "To check it, scan the QR code or open the link: our page shows whether it is still valid and unchanged.";
        altered =>
            "Tautan ini diubah setelah ditandatangani. Yang tampil adalah harga daftar, tanpa diskon atau ketentuan khusus, dan bukan atas nama penjual. Jangan terima tanpa konfirmasi dari tim penjualan.",
            "This link was changed after it was signed. What shows are list prices, without any discount or special terms, and not in the salesperson's name. Do not accept it without confirming with sales.";
        altered_heading =>
            "BUKAN PENAWARAN YANG SAH: tautannya diubah setelah ditandatangani",
            "NOT A VALID QUOTATION: the link was changed after it was signed";
        unknown_key =>
            "Ditandatangani dengan kunci yang tidak dikenal penyedia ini: diskon dan ketentuan khusus tidak berlaku, dan penawaran ini tidak sah. Konfirmasikan dengan tim penjualan.",
            "Signed with a key this provider does not know: no discount or special terms apply, and it does not stand. Confirm with sales.";
        unknown_key_heading =>
            "BUKAN PENAWARAN YANG SAH: ditandatangani dengan kunci yang tidak dikenal penyedia ini",
            "NOT A VALID QUOTATION: signed with a key this provider does not know";
        key_not_yet =>
            "Ditandatangani dengan kunci penyedia ini, tetapi bertanggal sebelum kunci itu mulai dipakai: penawaran ini tidak sah. Konfirmasikan dengan tim penjualan.",
            "Signed with one of this provider's keys, but dated before that key came into use: it does not stand. Confirm with sales.";
        key_not_yet_heading =>
            "BUKAN PENAWARAN YANG SAH: bertanggal sebelum kunci penandatangannya mulai dipakai",
            "NOT A VALID QUOTATION: dated before its signing key came into use";
        unsigned =>
            "Penawaran ini tidak ditandatangani secara digital: siapa pun dapat menulis angka ini. Minta penawaran bertanda tangan kepada tim penjualan sebelum menerimanya.",
            "This quotation is not digitally signed: anyone could have written these figures. Ask sales for a signed quotation before you accept it.";
        unsigned_heading =>
            "TIDAK DITANDATANGANI: siapa pun dapat menulis angka ini",
            "NOT SIGNED: anyone could have written these figures";
        checking_heading =>
            "BELUM DIPERIKSA: buka tautannya untuk memeriksa penawaran ini",
            "NOT CHECKED: open the link to check this quotation";
        over_limit =>
            "Diskon dalam tautan melebihi batas penjualnya dan tidak diterapkan.",
            "The link's discount is over its signer's limit and is not applied.";
        approval_void =>
            "Diskon dalam tautan melebihi batas penjualnya, dan persetujuan yang dibawanya tidak berlaku: diskon tidak diterapkan.",
            "The link's discount is over its signer's limit, and the approval it carries does not hold: the discount is not applied.";
        approved_by =>
            "Diskon disetujui oleh",
            "Discount approved by";
        as_the_link_says =>
            "menurut tautan, tidak ditandatangani",
            "as the link says, not signed";
    }
}

fn dated(date: Option<Date>, lang: Lang) -> String {
    date.map(|d| format_date(d, lang)).unwrap_or_default()
}

/// "Digitally signed by Sari Dewi on 27 November 2026; valid until 27 December 2026.": what a
/// valid quotation's every surface says of it; `None` for any other.
#[must_use]
pub fn standing_signed(document: &Document, lang: Lang) -> Option<String> {
    let quote = document.quote.as_ref()?;
    let name = &quote.signer.as_ref()?.name;
    let (issued, until) = (dated(quote.issued, lang), dated(quote.until, lang));
    (document.standing == Standing::Valid).then(|| {
        say!(
            lang,
            "Ditandatangani secara digital oleh {name} pada {issued}; berlaku sampai {until}.",
            "Digitally signed by {name} on {issued}; valid until {until}."
        )
    })
}

/// What the standing says on screen, in full: who signed and until when, or why it does not
/// stand and what to do. Empty for an estimate.
#[must_use]
pub fn standing_sentence(document: &Document, lang: Lang) -> String {
    let texts = StandingTexts::of(lang);
    let quote = document.quote.as_ref();
    let issued = dated(quote.and_then(|q| q.issued), lang);
    let until = dated(quote.and_then(|q| q.until), lang);
    let name = quote
        .and_then(|q| q.signer.as_ref())
        .map_or("", |s| s.name.as_str());
    match document.standing {
        Standing::Estimate => String::new(),
        Standing::Checking => SignatureTexts::of(lang).checking.to_owned(),
        Standing::Valid => standing_signed(document, lang).unwrap_or_default(),
        Standing::Expired => say!(
            lang,
            "Ditandatangani oleh {name} pada {issued}; masa berlakunya berakhir {until}. Minta penawaran baru.",
            "Signed by {name} on {issued}; it expired on {until}. Ask for a new quotation."
        ),
        Standing::NotYetValid => say!(
            lang,
            "Bertanggal {issued}: tanggal itu belum tiba atau mendahului tarifnya, jadi penawaran ini tidak sah. Konfirmasikan dengan tim penjualan.",
            "Dated {issued}: a day not yet come or before its prices, so it does not stand. Confirm with sales."
        ),
        Standing::Altered => texts.altered.to_owned(),
        Standing::UnknownKey => texts.unknown_key.to_owned(),
        Standing::KeyNotYetValid => texts.key_not_yet.to_owned(),
        Standing::Revoked => {
            let on = dated(quote.and_then(|q| q.withdrawn), lang);
            say!(
                lang,
                "Kunci yang menandatanganinya dicabut pada {on}: diskon dan ketentuan khusus tidak berlaku, dan penawaran ini tidak sah. Minta penawaran baru.",
                "The key that signed it was withdrawn on {on}: no discount or special terms apply, and it does not stand. Ask for a new quotation."
            )
        }
        Standing::Unsigned => match document.expired_on() {
            Some(on) => {
                let on = format_date(on, lang);
                let unsigned = texts.unsigned;
                say!(
                    lang,
                    "{unsigned} Masa berlakunya pun berakhir {on}.",
                    "{unsigned} It also expired on {on}."
                )
            }
            None => texts.unsigned.to_owned(),
        },
    }
}

/// The heading no one can miss, at the top of the printed quotation and on every page of it,
/// for a quotation that does not stand; `None` for a valid quotation and for an estimate.
#[must_use]
pub fn standing_heading(document: &Document, lang: Lang) -> Option<String> {
    let texts = StandingTexts::of(lang);
    let quote = document.quote.as_ref();
    let heading = match document.standing {
        Standing::Estimate | Standing::Valid => return None,
        Standing::Checking => texts.checking_heading.to_owned(),
        Standing::Expired => {
            let until = dated(quote.and_then(|q| q.until), lang);
            say!(
                lang,
                "KEDALUWARSA pada {until}: harga ini tidak berlaku lagi",
                "EXPIRED on {until}: these prices no longer hold"
            )
        }
        Standing::NotYetValid => {
            let issued = dated(quote.and_then(|q| q.issued), lang);
            say!(
                lang,
                "BUKAN PENAWARAN YANG SAH: bertanggal {issued}, tanggal yang belum tiba atau mendahului tarifnya",
                "NOT A VALID QUOTATION: dated {issued}, a day not yet come or before its prices"
            )
        }
        Standing::Altered => texts.altered_heading.to_owned(),
        Standing::UnknownKey => texts.unknown_key_heading.to_owned(),
        Standing::KeyNotYetValid => texts.key_not_yet_heading.to_owned(),
        Standing::Revoked => {
            let on = dated(quote.and_then(|q| q.withdrawn), lang);
            say!(
                lang,
                "BUKAN PENAWARAN YANG SAH: kunci penandatangannya dicabut pada {on}",
                "NOT A VALID QUOTATION: its signing key was withdrawn on {on}"
            )
        }
        Standing::Unsigned => texts.unsigned_heading.to_owned(),
    };
    Some(heading)
}
