//! The words of the documents an estimate leaves the page as: the printed quotation ("Surat
//! Penawaran Harga", as an Indonesian company sends one) or indicative estimate, and the CSV file.

use super::Lang;

texts! {
    /// The printed document's words.
    pub struct PrintTexts {
        quotation =>
            "SURAT PENAWARAN HARGA",
            "QUOTATION";
        estimate =>
            "ESTIMASI BIAYA INDIKATIF",
            "INDICATIVE COST ESTIMATE";
        number =>
            "Nomor",
            "Number";
        date =>
            "Tanggal",
            "Date";
        to =>
            "Kepada",
            "To";
        attention =>
            "U.p.",
            "Attention";
        subject =>
            "Perihal",
            "Subject";
        quotation_subject =>
            "Penawaran harga layanan alih daya proses bisnis",
            "Quotation for business process outsourcing services";
        estimate_subject =>
            "Estimasi biaya alih daya proses bisnis",
            "Estimate of business process outsourcing costs";
        greeting =>
            "Dengan hormat,",
            "Dear Sir or Madam,";
        estimate_note =>
            "Estimasi ini dibuat di halaman biaya kami dan bersifat indikatif, bukan penawaran. Untuk penawaran yang mengikat, hubungi tim penjualan kami.",
            "This estimate was made on our pricing page and is indicative, not an offer. For a binding quotation, contact our sales team.";
        item =>
            "Rincian",
            "Item";
        quantity =>
            "Jumlah",
            "Quantity";
        unit_price =>
            "Harga satuan",
            "Unit price";
        amount =>
            "Nilai",
            "Amount";
        monthly =>
            "Biaya bulanan",
            "Monthly charges";
        one_time =>
            "Biaya awal (sekali)",
            "One-time charges";
        subtotal =>
            "Subtotal",
            "Subtotal";
        taxable =>
            "DPP (dasar pengenaan pajak)",
            "Taxable amount (DPP)";
        monthly_total =>
            "Total per bulan",
            "Total a month";
        one_time_total =>
            "Total biaya awal",
            "One-time total";
        summary =>
            "Ringkasan",
            "Summary";
        activity =>
            "Layanan",
            "Service";
        first_year =>
            "Tahun pertama (biaya awal + 12 bulan)",
            "First year (one-time + 12 months)";
        vat_included =>
            "Semua total sudah termasuk PPN 11% (12% atas 11/12 DPP, PMK 131/2024).",
            "Every total includes VAT (PPN) of 11% (12% on 11/12 of the taxable amount, PMK 131/2024).";
        vat_excluded =>
            "Semua total belum termasuk PPN: PPN 11% ditagihkan di atasnya dan dapat dikreditkan oleh PKP.",
            "Every total leaves VAT out: VAT (PPN) of 11% is billed on top, which a VAT-registered company reclaims.";
        quoted =>
            "Yang ditawarkan",
            "What is quoted";
        terms =>
            "Ketentuan",
            "Terms";
        validity =>
            "Masa berlaku",
            "Validity";
        special_terms =>
            "Ketentuan khusus",
            "Special terms";
        example =>
            "contoh",
            "example";
        examples_note =>
            "Sebagian volume adalah contoh yang diisi halaman, bukan angka Anda: ditandai \"contoh\" pada barisnya.",
            "Some volumes are examples the page filled in, not your figures: their lines say \"example\".";
        stale_note =>
            "Sebuah isian sedang diperbaiki: angka ini dari isian terakhir yang terbaca.",
            "A field is being corrected: these figures are from the inputs as they last read.";
        payment =>
            "Pembayaran",
            "Payment";
        indexation =>
            "Penyesuaian harga",
            "Price adjustment";
        notice =>
            "Pengakhiran",
            "Notice";
        sla =>
            "Tingkat layanan (SLA)",
            "Service levels (SLA)";
        closing =>
            "Demikian penawaran ini kami sampaikan. Atas perhatian dan kerja samanya kami ucapkan terima kasih.",
            "We look forward to working with you.";
        regards =>
            "Hormat kami,",
            "Yours faithfully,";
        scan =>
            "Buka dokumen ini di ponsel: pindai kode atau ketik tautannya.",
            "Open this document on a phone: scan the code or type its link.";
        appendix =>
            "Lampiran: dasar harga",
            "Appendix: how the prices were set";
        tariff =>
            "Tarif",
            "Tariff";
        exchange_rate =>
            "Kurs",
            "Exchange rate";
        site =>
            "Lokasi",
            "Site";
    }
}

/// How long a quotation holds: "Sampai 27 Desember 2026 (30 hari sejak tanggal penawaran)".
#[must_use]
pub fn validity(until: &str, days: i64, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("Penawaran ini berlaku sampai {until} ({days} hari sejak tanggal penawaran).")
        }
        Lang::En => format!("This quotation is valid until {until} ({days} days from its date)."),
    }
}

/// The last day a quotation that does not stand names: written, not promised.
#[must_use]
pub fn written_validity(until: &str, lang: Lang) -> String {
    say!(
        lang,
        "Tanggal akhir yang tertulis: {until}. Tidak mengikat: dokumen ini bukan penawaran yang berlaku.",
        "Last day written: {until}. Not binding: this document is not a quotation that stands."
    )
}

/// An estimate's prices hold as long as its tariff: "Dihitung dengan tarif 2026-11 …".
#[must_use]
pub fn estimate_validity(edition: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Dihitung dengan tarif {edition}; harga dapat berubah sampai tertuang dalam penawaran."
        ),
        Lang::En => format!(
            "Priced with tariff {edition}; prices may change until they are set in a quotation."
        ),
    }
}

/// The sentence a quotation opens with.
#[must_use]
pub fn opening(version: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Bersama surat ini kami sampaikan penawaran harga layanan alih daya berikut, dihitung dengan tarif {version}."
        ),
        Lang::En => format!(
            "We are pleased to quote for the following outsourcing services, priced with tariff {version}."
        ),
    }
}

/// The contract total's label: "Total kontrak (36 bulan)".
#[must_use]
pub fn contract_total(months: u32, lang: Lang) -> String {
    match (lang, months) {
        (Lang::Id, _) => format!("Total kontrak ({months} bulan)"),
        (Lang::En, 1) => "Contract total (1 month)".to_owned(),
        (Lang::En, _) => format!("Contract total ({months} months)"),
    }
}

texts! {
    /// The CSV file's header block and column names.
    pub struct CsvTexts {
        provider =>
            "Penyedia",
            "Provider";
        document =>
            "Dokumen",
            "Document";
        standing =>
            "Status",
            "Standing";
        number =>
            "Nomor penawaran",
            "Quotation number";
        client =>
            "Klien",
            "Client";
        date =>
            "Tanggal",
            "Date";
        valid_until =>
            "Berlaku sampai",
            "Valid until";
        made_on =>
            "Dibuat pada",
            "Made on";
        basis =>
            "Dasar angka",
            "Basis of the figures";
        examples =>
            "Volume contoh",
            "Example volumes";
        stale =>
            "Belum diperbarui",
            "Not updated";
        settings =>
            "Lokasi, bahasa, jangka",
            "Site, language, term";
        tariff =>
            "Tarif",
            "Tariff";
        link =>
            "Tautan",
            "Link";
        section =>
            "Bagian",
            "Section";
        activity =>
            "Aktivitas",
            "Activity";
        item =>
            "Rincian",
            "Item";
        quantity =>
            "Jumlah unit",
            "Quantity";
        unit_price =>
            "Harga satuan",
            "Unit price";
        amount =>
            "Nilai",
            "Amount";
        currency =>
            "Mata uang",
            "Currency";
        note =>
            "Catatan",
            "Note";
        example_volume =>
            "volume contoh, bukan isian Anda",
            "example volume, not yours";
        saving_first_year =>
            "Penghematan tahun pertama",
            "Saving in the first year";
        saving_contract =>
            "Penghematan selama kontrak",
            "Saving over the contract";
    }
}
