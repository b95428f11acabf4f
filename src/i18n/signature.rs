//! What a quotation's signature says, in a sentence a client can act on.

use super::Lang;
use crate::signature::SignatureState;

texts! {
    /// The signature's words.
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
    }
}

texts! {
    /// What the signature says of the quotation, in full: drawn by the deferred module (a
    /// quotation's figures come first).
    pub struct SealTexts {
        altered =>
            "Tautan ini diubah setelah ditandatangani. Yang tampil adalah harga daftar, tanpa diskon atau catatan khusus, dan bukan atas nama penjual. Jangan terima tanpa konfirmasi dari tim penjualan.",
            "This link was changed after it was signed. What shows are list prices, without any discount or special terms, and not in the salesperson's name. Do not accept it without confirming with sales.";
        unknown_key =>
            "Ditandatangani dengan kunci yang tidak dikenal penyedia ini: diskon dan catatan tidak diterapkan. Konfirmasikan dengan tim penjualan.",
            "Signed with a key this provider does not know: no discount or special terms apply. Confirm with sales.";
        revoked =>
            "Ditandatangani dengan kunci yang sudah dicabut: diskon dan catatan tidak diterapkan. Minta penawaran baru.",
            "Signed with a key that had been withdrawn: no discount or special terms apply. Ask for a new quotation.";
        unsigned =>
            "Penawaran ini tidak ditandatangani secara digital: siapa pun dapat menulis angka ini. Minta penawaran bertanda tangan kepada tim penjualan sebelum menerimanya.",
            "This quotation is not digitally signed: anyone could have written these figures. Ask sales for a signed quotation before you accept it.";
        over_limit =>
            "Diskon dalam tautan melebihi batas penjualnya dan tidak diterapkan.",
            "The link's discount is over its signer's limit and is not applied.";
    }
}

/// The signature's state in a sentence: who signed, when, and until when it holds.
#[must_use]
pub fn signature_sentence(
    state: SignatureState,
    signer: &str,
    issued: &str,
    until: &str,
    lang: Lang,
) -> String {
    let texts = SealTexts::of(lang);
    match (state, lang) {
        (SignatureState::Valid, Lang::Id) => format!(
            "Ditandatangani secara digital oleh {signer} pada {issued}; berlaku sampai {until}."
        ),
        (SignatureState::Valid, Lang::En) => {
            format!("Digitally signed by {signer} on {issued}; valid until {until}.")
        }
        (SignatureState::Expired, Lang::Id) => format!(
            "Ditandatangani oleh {signer} pada {issued}; masa berlakunya berakhir {until}. Minta penawaran baru."
        ),
        (SignatureState::Expired, Lang::En) => format!(
            "Signed by {signer} on {issued}; it expired on {until}. Ask for a new quotation."
        ),
        (SignatureState::NotYetValid, Lang::Id) => format!(
            "Ditandatangani oleh {signer}, tetapi bertanggal {issued}: tanggal itu belum tiba atau mendahului tarifnya, jadi penawaran ini tidak berlaku."
        ),
        (SignatureState::NotYetValid, Lang::En) => format!(
            "Signed by {signer}, but dated {issued}: a date not yet come or before its tariff, so it does not stand."
        ),
        (SignatureState::Altered, _) => texts.altered.to_owned(),
        (SignatureState::UnknownKey, _) => texts.unknown_key.to_owned(),
        (SignatureState::Revoked, _) => texts.revoked.to_owned(),
        (SignatureState::Unsigned, _) => texts.unsigned.to_owned(),
    }
}
