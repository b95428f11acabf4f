//! A quotation of several options, in words: compared on screen and on paper, named in its CSV
//! and in the message that accepts one.

use super::Lang;

texts! {
    /// A quotation's options, compared.
    pub struct OptionTexts {
        help =>
            "Bandingkan opsinya, buka yang Anda inginkan untuk melihat rinciannya, lalu terima: penerimaan Anda menyebut opsi yang Anda pilih.",
            "Compare the options, open the one you want to see it in full, then accept it: your acceptance names the option you chose.";
        shown =>
            "Ditampilkan lengkap di halaman ini",
            "Shown in full on this page";
        covers =>
            "Mencakup",
            "Covers";
        section =>
            "Opsi",
            "Options";
        print_title =>
            "Opsi dalam penawaran ini",
            "Options in this quotation";
        print_note =>
            "Rincian di atas adalah opsi yang ditampilkan. Setiap opsi dapat dibuka lengkap dari tautan penawaran ini, dan penerimaan menyebut opsi yang dipilih.",
            "The details above are those of the option shown. Each option opens in full from this quotation's link, and an acceptance names the option chosen.";
    }
}

/// The heading over a quotation's options.
#[must_use]
pub fn options_title(count: usize, lang: Lang) -> String {
    say!(
        lang,
        "Penawaran ini berisi {count} opsi",
        "This quotation offers {count} options"
    )
}

/// One option's name, from 1.
#[must_use]
pub fn option_name(n: usize, lang: Lang) -> String {
    say!(lang, "Opsi {n}", "Option {n}")
}

/// One option among them, from 1.
#[must_use]
pub fn option_of(n: usize, count: usize, lang: Lang) -> String {
    say!(lang, "Opsi {n} dari {count}", "Option {n} of {count}")
}

/// The link that shows another option in full.
#[must_use]
pub fn see_option(n: usize, lang: Lang) -> String {
    say!(lang, "Lihat opsi {n}", "See option {n}")
}

/// Under the standing: which option the page shows, and where the others are.
#[must_use]
pub fn viewing_option(n: usize, count: usize, lang: Lang) -> String {
    say!(
        lang,
        "Anda melihat opsi {n} dari {count}. Semua opsi dibandingkan di bawah total.",
        "You are viewing option {n} of {count}. All of them are compared below the totals."
    )
}

/// The accept button, where the quotation offers several options.
#[must_use]
pub fn accept_option(n: usize, lang: Lang) -> String {
    say!(lang, "Terima opsi {n}", "Accept option {n}")
}

/// How an option's month compares with the first's, in the same currency: what choosing it adds
/// or saves, as an optional line's price would say.
#[must_use]
pub fn option_difference(amount: &str, more: bool, lang: Lang) -> String {
    match (more, lang) {
        (true, Lang::Id) => format!("{amount} per bulan lebih tinggi dari opsi 1"),
        (false, Lang::Id) => format!("{amount} per bulan lebih rendah dari opsi 1"),
        (true, Lang::En) => format!("{amount} a month more than option 1"),
        (false, Lang::En) => format!("{amount} a month less than option 1"),
    }
}
