//! The words of sharing an estimate and reaching the provider's sales team: the link, WhatsApp,
//! e-mail, print and CSV, and accepting a quotation. Drawn by the deferred module only.

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
    }
}
