//! The page's fixed texts, and the short phrases it builds from the tariff (a site and what it
//! does to labour prices, a term and its discount).

use rust_decimal::Decimal;

use super::{Lang, format_percent};
use crate::money::{self, Currency};
use crate::tariff::{Activity, Site, Term};

texts! {
    /// Words only the deferred parts say. Kept out of `Texts`, which the page's first module
    /// carries whole (a struct of texts is linked whole, whichever of its words are read).
    pub struct DeferredTexts {
        confirm_examples =>
            "Ini angka saya",
            "These are my figures";
        clear_examples =>
            "Jadikan nol",
            "Set them to zero";
        effective =>
            "berlaku sejak",
            "effective";
        priced_with =>
            "Dihitung dengan tarif",
            "Priced with tariff";
        todays_prices =>
            "Dengan harga hari ini, tarif",
            "At today's prices, tariff";
        reprice =>
            "Hitung ulang dengan tarif",
            "Re-price with tariff";
        what_is_quoted =>
            "Yang ditawarkan",
            "What is quoted";
    }
}

texts! {
    /// The calculator's words.
    pub struct Texts {
        title =>
            "Berapa biaya outsourcing proses bisnis Anda?",
            "What would outsourcing a business process cost you?";
        tagline =>
            "Pilih aktivitas, isi volume per bulan, dan lihat estimasinya seketika.",
            "Pick activities, enter monthly volumes, and see the estimate at once.";
        privacy =>
            "Dihitung di peramban Anda: tidak ada isian yang dikirim ke mana pun.",
            "Calculated in your browser: nothing you type is sent anywhere.";
        language =>
            "Bahasa",
            "Language";
        currency =>
            "Mata uang",
            "Currency";
        currency_idr =>
            "Rupiah (IDR)",
            "Rupiah (IDR)";
        currency_usd =>
            "Dolar AS (USD)",
            "US dollar (USD)";
        activities =>
            "Apa yang di-outsource",
            "What to outsource";
        activities_hint =>
            "Pilih satu aktivitas atau lebih; volume awal sudah terisi.",
            "Choose one or more activities; starting volumes are filled in.";
        model =>
            "Model harga",
            "Pricing model";
        volumes =>
            "Volume per bulan",
            "Monthly volumes";
        options =>
            "Opsi",
            "Options";
        settings =>
            "Lokasi dan kontrak",
            "Site and contract";
        site =>
            "Lokasi layanan",
            "Delivery site";
        site_base =>
            "harga dasar",
            "base prices";
        labour =>
            "tenaga kerja",
            "labour";
        abroad =>
            "luar negeri",
            "abroad";
        serves =>
            "Melayani dalam",
            "Serves customers in";
        service_language =>
            "Bahasa pelanggan Anda",
            "Your customers' language";
        term =>
            "Jangka kontrak",
            "Contract term";
        fluctuation =>
            "Volume bisa bergeser",
            "Volume may move by";
        estimate =>
            "Estimasi",
            "Estimate";
        empty =>
            "Pilih satu aktivitas atau lebih untuk melihat estimasi.",
            "Choose one or more activities to see the estimate.";
        stale =>
            "Ini estimasi valid terakhir: perbaiki isian yang ditandai.",
            "This is the last valid estimate: correct the marked field.";
        one_time =>
            "Biaya awal (sekali)",
            "One-time";
        monthly =>
            "Per bulan",
            "Monthly";
        first_year =>
            "Tahun pertama",
            "First year";
        contract =>
            "Total kontrak",
            "Contract total";
        months =>
            "bulan",
            "months";
        month =>
            "bulan",
            "month";
        vat_mode =>
            "PPN",
            "VAT";
        vat_incl =>
            "Termasuk PPN",
            "Including VAT";
        vat_excl =>
            "Tanpa PPN (PKP yang mengkreditkan PPN)",
            "Without VAT (a VAT-registered company reclaims it)";
        vat_basis_excl =>
            "Semua angka tanpa PPN: bagi PKP yang mengkreditkan PPN masukan. Biaya sendiri juga tanpa PPN.",
            "All figures leave VAT out: for a VAT-registered company that reclaims input VAT. The in-house figures carry none either.";
        example =>
            "contoh",
            "example";
        not_updated =>
            "belum diperbarui",
            "not updated";
        examples_note =>
            "Termasuk volume contoh (bertanda \u{201c}contoh\u{201d}) yang belum Anda ubah: ganti dengan volume Anda, atau pakai sebagai angka Anda.",
            "Includes example volumes (marked \u{201c}example\u{201d}) you have not changed: replace them with yours, or keep them as your figures.";
        describe_calls =>
            "Isi sebagai jumlah panggilan × durasi",
            "Enter as calls × handle time";
        size_agents =>
            "Hitung agen dari volume panggilan (Erlang C)",
            "Size the agents from call traffic (Erlang C)";
        beside =>
            "Dihargai per unit di samping agen, yang menjawab panggilan",
            "Priced per unit beside the agents, who answer calls";
        delivered_from =>
            "Dilayani dari",
            "Delivered from";
        same_site =>
            "Sama dengan lokasi layanan",
            "Same as the delivery site";
        fixed =>
            "Tetap",
            "Fixed";
        variable =>
            "Variabel",
            "Variable";
        fixed_hint =>
            "Bagian tetap ditagih walau volume nol: biaya manajemen, agen khusus, komitmen minimum.",
            "The fixed part is billed even with no volume: management fees, dedicated staff, minimum commitments.";
        tariff =>
            "Tarif",
            "Tariff";
        unavailable =>
            "Tarif tidak dapat dimuat. Muat ulang halaman.",
            "The tariff could not be loaded. Reload the page.";
        skip =>
            "Lompat ke estimasi",
            "Skip to the estimate";
        prepared_for =>
            "Disiapkan untuk (perusahaan)",
            "Prepared for (company)";
        prepared_by =>
            "Disiapkan oleh",
            "Prepared by";
        contact =>
            "Kontak (telepon atau email)",
            "Contact (phone or e-mail)";
        reference =>
            "Referensi",
            "Reference";
        link_damaged =>
            "Tautan ini tidak utuh. Yang bisa dipulihkan sudah dibuka:",
            "This link is not whole. What could be recovered is open:";
        expired =>
            "Penawaran ini berakhir pada",
            "This quote expired on";
        prices_may_change =>
            "Harga mungkin sudah berubah: minta penawaran baru.",
            "Prices may have changed: ask for a new quote.";
        shared_keeps_draft =>
            "Anda membuka estimasi dari tautan. Draf Anda sendiri tetap tersimpan dan tidak ditimpa.",
            "You opened an estimate from a link. Your own draft is kept and not overwritten.";
        quote_keeps_draft =>
            "Estimasi Anda sendiri tetap tersimpan di perangkat ini.",
            "Your own estimate is still kept on this device.";
        shared =>
            "Anda membuka estimasi dari tautan. Perubahan tidak disimpan sebagai draf Anda kecuali Anda memintanya.",
            "You opened an estimate from a link. Changes are not saved as your draft unless you ask.";
        open_draft =>
            "Buka draf saya",
            "Open my draft";
        keep_draft =>
            "Simpan ini sebagai draf saya",
            "Keep this as my draft";
        issued =>
            "Tanggal",
            "Date";
        valid_until =>
            "Berlaku sampai",
            "Valid until";
        indicative =>
            "Estimasi indikatif, bukan penawaran: harga yang mengikat tertuang dalam surat penawaran dari tim penjualan kami.",
            "An indicative estimate, not an offer: binding prices are set in a quotation from our sales team.";
        example_provider =>
            "Contoh penyedia fiktif untuk demonstrasi: bukan perusahaan nyata.",
            "A fictional example provider for demonstration: not a real company.";
        npwp =>
            "NPWP",
            "Tax number (NPWP)";
        quote =>
            "Penawaran harga",
            "Quotation";
        totals =>
            "Total",
            "Totals";
        quote_number =>
            "Nomor",
            "Number";
        edit_quote =>
            "Ubah estimasi ini",
            "Edit this estimate";
        link_voice =>
            "Rincian di bawah ini sebagaimana tertulis di tautan, tanpa tanda tangan: bukan kata-kata penyedia.",
            "The details below are as the link writes them, unsigned: not the provider's words.";
        edit_quote_hint =>
            "Mengubah angka membuat estimasi Anda sendiri, tanpa nama penjual, nomor dan tanggal penawaran ini.",
            "Changing a figure makes an estimate of your own, without this quotation's salesperson, number and date.";
        language_id =>
            "Bahasa Indonesia",
            "Bahasa Indonesia";
        language_en =>
            "English",
            "English";
    }
}

/// The page could not load its tariff: said in both languages, since there is no page to choose
/// one on.
#[must_use]
pub fn unavailable() -> String {
    format!(
        "{} {}",
        Texts::of(Lang::Id).unavailable,
        Texts::of(Lang::En).unavailable
    )
}

/// A page language by its own name, the same in both languages: a visitor who cannot read the
/// page must still find their language.
#[must_use]
pub fn language_name(of: Lang) -> &'static str {
    let texts = Texts::of(Lang::Id);
    match of {
        Lang::Id => texts.language_id,
        Lang::En => texts.language_en,
    }
}

/// A currency by name: "Rupiah (IDR)".
#[must_use]
pub fn currency_name(currency: Currency, lang: Lang) -> &'static str {
    let texts = Texts::of(lang);
    match currency {
        Currency::Idr => texts.currency_idr,
        Currency::Usd => texts.currency_usd,
    }
}

/// A site as the select offers it, with what it does to labour prices: "Yogyakarta (labour
/// −25%)", "Manila, Philippines (labour +60%, abroad)".
#[must_use]
pub fn site_choice(site: &Site, lang: Lang) -> String {
    let name = site.name.get(lang);
    match labour_change(site, lang) {
        Some(change) => format!("{name} ({change})"),
        None => name.to_owned(),
    }
}

/// What a site does to labour prices, `None` at the base site: "+60%", "−25%".
fn labour_change(site: &Site, lang: Lang) -> Option<String> {
    let change = money::sub(site.factor, Decimal::ONE).unwrap_or_default();
    if change.is_zero() {
        return None;
    }
    let sign = if change.is_sign_negative() {
        "−"
    } else {
        "+"
    };
    Some(format!("{sign}{}", format_percent(change.abs(), lang)))
}

/// A site's effect in words, for the note under its select: "Labour +60%, abroad." or "Base
/// prices."
#[must_use]
pub fn site_effect(site: &Site, lang: Lang) -> String {
    let texts = Texts::of(lang);
    let effect = match labour_change(site, lang) {
        Some(change) => format!("{} {change}", capitalised(texts.labour)),
        None => capitalised(texts.site_base),
    };
    if site.is_abroad() {
        format!("{effect}, {}.", texts.abroad)
    } else {
        format!("{effect}.")
    }
}

/// The text with an ASCII first letter in capitals: Unicode's case tables weigh 15 KB in the page,
/// and the words this is for start in ASCII.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect()
    })
}

/// The basis every total uses, with VAT's rate where included: "All figures include VAT (11%)."
#[must_use]
pub fn vat_basis(included: bool, rate: Decimal, lang: Lang) -> String {
    let texts = Texts::of(lang);
    if !included {
        return texts.vat_basis_excl.to_owned();
    }
    let rate = format_percent(rate, lang);
    match lang {
        Lang::Id => format!("Semua angka termasuk PPN ({rate})."),
        Lang::En => format!("All figures include VAT ({rate})."),
    }
}

/// What ticking an option did to another of its group: "24/7 service replaces extended hours:
/// only one of them applies."
#[must_use]
pub fn option_replaced(activity: &Activity, chosen: &str, dropped: &str, lang: Lang) -> String {
    let name = |id: &str| activity.option(id).map_or("", |o| o.name.get(lang));
    match lang {
        Lang::Id => format!(
            "{} menggantikan {}: hanya satu yang berlaku.",
            name(chosen),
            super::mid_sentence(name(dropped))
        ),
        Lang::En => format!(
            "{} replaces {}: only one of them applies.",
            name(chosen),
            super::mid_sentence(name(dropped))
        ),
    }
}

/// A term as the select offers it, with its discount: "Kontrak 12 bulan (diskon 5%)", "12-month
/// contract (5% off)".
#[must_use]
pub fn term_choice(term: &Term, lang: Lang) -> String {
    let name = term.name.get(lang);
    if term.discount.is_zero() {
        return name.to_owned();
    }
    let discount = format_percent(term.discount, lang);
    match lang {
        Lang::Id => format!("{name} (diskon {discount})"),
        Lang::En => format!("{name} ({discount} off)"),
    }
}

/// The subject of an e-mail to sales: about an estimate, or about a quotation by its number.
#[must_use]
pub fn email_subject(number: Option<&str>, lang: Lang) -> String {
    match (number, lang) {
        (Some(n), Lang::Id) => format!("Penawaran {n}"),
        (Some(n), Lang::En) => format!("Quotation {n}"),
        (None, Lang::Id) => "Estimasi biaya outsourcing".to_owned(),
        (None, Lang::En) => "Outsourcing cost estimate".to_owned(),
    }
}

/// The page's title in `lang`, as .ci/finish-build.mjs writes it in Indonesian: "Biaya
/// outsourcing · Nusa Layanan", "Outsourcing costs · Nusa Layanan".
#[must_use]
pub fn page_title(provider: &str, lang: Lang) -> String {
    say!(
        lang,
        "Biaya outsourcing · {provider}",
        "Outsourcing costs · {provider}"
    )
}

texts! {
    /// The words of the page prerendered at build time (src/bin/prerender.rs) for the moment
    /// before the calculator starts: never in the page's own module.
    pub struct PrerenderTexts {
        opening =>
            "Membuka estimasi Anda…",
            "Opening your estimate…";
        noscript =>
            "Kalkulator ini memerlukan JavaScript.",
            "This calculator needs JavaScript.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_in_the_pages_language() {
        assert_eq!(
            page_title("Nusa Layanan", Lang::En),
            "Outsourcing costs · Nusa Layanan"
        );
        assert_eq!(
            page_title("Nusa Layanan", Lang::Id),
            "Biaya outsourcing · Nusa Layanan"
        );
    }
}
