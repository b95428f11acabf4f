//! A discount over a salesperson's own limit, approved by a colleague who may: what the console
//! says to the one who asks and to the one who approves, and what the quote tool prints.

use rust_decimal::Decimal;

use super::{Lang, format_date, format_percent};
use crate::calendar::Date;
use crate::quote::ApprovalRefusal;

texts! {
    /// The console's approval card.
    pub struct ApprovalTexts {
        title =>
            "Persetujuan diskon",
            "Discount approvals";
        help =>
            "Tempel tautan penawaran: permintaan persetujuan dari rekan (untuk disetujui), atau penawaran yang sudah disetujui (untuk dicatat di daftar penawaran Anda).",
            "Paste a quotation's link: a colleague's request for approval (to approve it), or a quotation already approved (to record it in your register).";
        link =>
            "Tautan penawaran",
            "Quotation link";
        not_a_quotation =>
            "Ini bukan tautan penawaran bertanda tangan dari penyedia ini.",
            "This is not a signed quotation link of this provider's.";
        signature_fails =>
            "Tanda tangan penawaran ini tidak cocok: tautannya berubah setelah ditandatangani. Minta tautan aslinya kepada penjualnya.",
            "This quotation's signature does not hold: the link changed after it was signed. Ask its salesperson for the original link.";
        approval_fails =>
            "Persetujuan yang dibawa tautan ini tidak berlaku: diskonnya tidak diterapkan.",
            "The approval this link carries does not hold: its discount is not applied.";
        need_key =>
            "Muat kunci Anda terlebih dahulu: persetujuan ditandatangani dengan kunci itu.",
            "Load your key first: an approval is signed with it.";
        approving =>
            "Menandatangani…",
            "Signing…";
        approved_title =>
            "Disetujui",
            "Approved";
        approved_help =>
            "Tautan ini menggantikan permintaannya: kirim ke penjualnya (atau ke klien). Halaman klien menerapkan diskon dan menyebut persetujuan Anda.",
            "This link replaces the request: send it to the salesperson (or the client). The client's page applies the discount and names your approval.";
        send_to_salesperson =>
            "Kirim ke penjualnya lewat WhatsApp",
            "Send to the salesperson on WhatsApp";
        sign_failed =>
            "Persetujuan tidak dapat ditandatangani di peramban ini. Coba lagi, atau gunakan quote approve.",
            "The approval could not be signed in this browser. Try again, or use quote approve.";
        recorded =>
            "Persetujuan dicatat di daftar penawaran.",
            "The approval is recorded in the register.";
        requested_title =>
            "Persetujuan diminta",
            "Approval requested";
        send_to_approver =>
            "Kirim permintaan lewat WhatsApp",
            "Send the request on WhatsApp";
        column_approval =>
            "Persetujuan",
            "Approval";
        awaiting =>
            "Menunggu persetujuan",
            "Awaiting approval";
        request =>
            "Minta persetujuan",
            "Request approval";
    }
}

/// Under the discount field, for a salesperson a colleague may approve for: their own limit,
/// and how far an approval goes.
#[must_use]
pub fn discount_limit_with_approval(name: &str, own: Decimal, most: Decimal, lang: Lang) -> String {
    let (own, most) = (format_percent(own, lang), format_percent(most, lang));
    say!(
        lang,
        "Paling banyak {own} dari biaya bulanan untuk {name}; sampai {most} dengan persetujuan.",
        "At most {own} off the monthly charges for {name}; up to {most} with approval."
    )
}

/// Said under the form when the discount is over the salesperson's own limit.
#[must_use]
pub fn approval_needed(approver: &str, own: Decimal, lang: Lang) -> String {
    let own = format_percent(own, lang);
    say!(
        lang,
        "Melebihi batas Anda ({own}): {approver} harus menyetujuinya. \"Minta persetujuan\" menandatangani penawaran dan memberi tautan untuk dikirim kepadanya; diskonnya berlaku setelah disetujui.",
        "Over your limit ({own}): {approver} must approve it. \"Request approval\" signs the quotation and gives you the link to send them; the discount applies once approved."
    )
}

/// Said once the request is signed.
#[must_use]
pub fn approval_requested(number: &str, approver: &str, lang: Lang) -> String {
    say!(
        lang,
        "Persetujuan {number} diminta: kirim tautan di bawah kepada {approver}. Setelah disetujui, tempel tautan yang disetujui di \"Persetujuan diskon\" untuk mencatatnya.",
        "Approval of {number} requested: send the link below to {approver}. Once approved, paste the approved link under \"Discount approvals\" to record it."
    )
}

/// The request, as sent to the approver.
#[must_use]
pub fn approval_request_message(
    number: &str,
    client: &str,
    discount: Decimal,
    url: &str,
    lang: Lang,
) -> String {
    let discount = format_percent(discount, lang);
    say!(
        lang,
        "Mohon persetujuan diskon {discount} untuk penawaran {number} ({client}). Tempel tautan ini di konsol penjualan, \"Persetujuan diskon\": {url}",
        "Please approve a discount of {discount} on quotation {number} ({client}). Paste this link into the sales console, \"Discount approvals\": {url}"
    )
}

/// What the approver reads of a request before approving it.
#[must_use]
pub fn approval_request_reading(
    number: &str,
    client: &str,
    signer: &str,
    (discount, own): (Decimal, Decimal),
    monthly: &str,
    lang: Lang,
) -> String {
    let (discount, own) = (format_percent(discount, lang), format_percent(own, lang));
    say!(
        lang,
        "{number} untuk {client}, ditandatangani {signer}: diskon {discount} (batasnya {own}); dengan diskon itu {monthly} per bulan.",
        "{number} for {client}, signed by {signer}: a discount of {discount} (their limit {own}); with it, {monthly} a month."
    )
}

/// The approve button.
#[must_use]
pub fn approve_label(discount: Decimal, lang: Lang) -> String {
    let discount = format_percent(discount, lang);
    say!(
        lang,
        "Setujui diskon {discount}",
        "Approve the {discount} discount"
    )
}

/// The approved link, as sent back to the salesperson.
#[must_use]
pub fn approved_message(number: &str, client: &str, url: &str, lang: Lang) -> String {
    say!(
        lang,
        "Diskon penawaran {number} ({client}) disetujui. Kirim tautan ini ke klien, dan tempel di \"Persetujuan diskon\" untuk mencatatnya: {url}",
        "The discount on quotation {number} ({client}) is approved. Send this link to the client, and paste it under \"Discount approvals\" to record it: {url}"
    )
}

/// An approved quotation of this device's register, ready to be recorded.
#[must_use]
pub fn record_approval(number: &str, approver: &str, on: Date, lang: Lang) -> String {
    let on = format_date(on, lang);
    say!(
        lang,
        "Catat persetujuan {number} oleh {approver} ({on}) di daftar penawaran",
        "Record {approver}'s approval of {number} ({on}) in the register"
    )
}

/// An approved quotation that is not in this device's register.
#[must_use]
pub fn approved_elsewhere(number: &str, approver: &str, on: Date, lang: Lang) -> String {
    let on = format_date(on, lang);
    say!(
        lang,
        "{number} disetujui oleh {approver} pada {on}. Penawaran ini tidak ada di daftar penawaran perangkat ini.",
        "{number} was approved by {approver} on {on}. It is not in this device's register."
    )
}

/// In the register's discount cell: "approved by Sari Dewi, 8 December 2026".
#[must_use]
pub fn approved_cell(name: &str, on: Date, lang: Lang) -> String {
    let on = format_date(on, lang);
    say!(lang, "disetujui {name}, {on}", "approved by {name}, {on}")
}

/// Why an approval cannot be given, in a sentence saying what to do.
#[must_use]
pub fn approval_refusal(refusal: ApprovalRefusal, lang: Lang) -> String {
    match refusal {
        ApprovalRefusal::NotNeeded => say!(
            lang,
            "Diskonnya dalam batas penjualnya sendiri: penawaran ini berlaku tanpa persetujuan.",
            "Its discount is within its salesperson's own limit: it stands without approval."
        ),
        ApprovalRefusal::OwnQuotation => say!(
            lang,
            "Ini penawaran Anda sendiri: rekan lain yang berwenang harus menyetujuinya.",
            "This is your own quotation: another colleague with approval authority must approve it."
        ),
        ApprovalRefusal::NoAuthority => say!(
            lang,
            "Kunci Anda tidak berwenang menyetujui diskon. Teruskan permintaan ini kepada manajer penjualan.",
            "Your key has no authority to approve discounts. Forward this request to a sales manager."
        ),
        ApprovalRefusal::BeyondAuthority { max } => {
            let max = format_percent(max, lang);
            say!(
                lang,
                "Diskonnya melebihi yang boleh Anda setujui ({max}). Teruskan kepada yang berwenang, atau minta penjualnya menerbitkan revisi dengan diskon lebih kecil.",
                "Its discount is over what you may approve ({max}). Forward it to someone who may, or ask its salesperson for a revision with a smaller discount."
            )
        }
        ApprovalRefusal::KeyNotInUse => say!(
            lang,
            "Kunci Anda tidak berlaku hari ini. Minta kunci baru kepada operator.",
            "Your key is not in use today. Ask the operator for a new key."
        ),
        ApprovalRefusal::NotStanding => say!(
            lang,
            "Penawaran ini tidak berlaku lagi (kedaluwarsa, atau kunci penjualnya dicabut): minta penjualnya menerbitkan revisi.",
            "This quotation no longer stands (expired, or its salesperson's key withdrawn): ask its salesperson for a revision."
        ),
        ApprovalRefusal::AlreadyApproved => say!(
            lang,
            "Penawaran ini sudah disetujui.",
            "This quotation is already approved."
        ),
    }
}
