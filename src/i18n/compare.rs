//! The words of the comparisons a buyer decides with: every site and every term side by side,
//! the saving over the month, the first year and the contract, and the in-house figures the
//! visitor may change. Drawn by the deferred module only.

use rust_decimal::Decimal;

use super::{Lang, format_money, format_percent, mid_sentence};
use crate::money::Currency;

texts! {
    /// Headings, column names and buttons of the comparisons.
    pub struct CompareTexts {
        in_house =>
            "Dibanding dikerjakan sendiri",
            "Compared with doing it in-house";
        monthly_saving =>
            "Penghematan per bulan",
            "Monthly saving";
        costs_more =>
            "Outsourcing lebih mahal per bulan",
            "Outsourcing costs more a month";
        range =>
            "Tagihan bulanan bila volume bergeser",
            "Monthly bill if volume moves";
        range_low =>
            "Terendah",
            "Lowest";
        range_high =>
            "Tertinggi",
            "Highest";
        range_hint =>
            "Siapkan anggaran untuk tagihan yang naik-turun mengikuti volume.",
            "Budget for a bill that moves with volume.";
        sites =>
            "Semua lokasi berdampingan",
            "Every site side by side";
        sites_hint =>
            "Permintaan yang sama di setiap lokasi. Pilih baris untuk memakai lokasinya.",
            "The same request at every site. Choose a row to make it the site.";
        terms =>
            "Semua jangka kontrak berdampingan",
            "Every contract term side by side";
        terms_hint =>
            "Biaya efektif per bulan membagi total kontrak, termasuk biaya awal, dengan jumlah bulannya.",
            "The effective monthly cost spreads the contract total, one-time charges included, over its months.";
        site =>
            "Lokasi",
            "Site";
        term =>
            "Jangka",
            "Term";
        discount =>
            "Diskon",
            "Discount";
        effective =>
            "Efektif per bulan",
            "Effective a month";
        saving =>
            "Per bulan dibanding dikerjakan sendiri",
            "A month against in-house";
        cheapest =>
            "Termurah",
            "Cheapest";
        chosen =>
            "Dipilih",
            "Chosen";
        choose =>
            "Pilih",
            "Choose";
        per_activity =>
            "Lokasi termurah per aktivitas",
            "The cheapest site for each activity";
        per_activity_hint =>
            "Setiap aktivitas bisa dilayani dari lokasinya sendiri. Harga per bulan bila aktivitas itu saja.",
            "Each activity may be delivered from a site of its own. Monthly price of that activity alone.";
        deliver_from =>
            "Layani dari",
            "Deliver from";
        delivered_there =>
            "Sudah dilayani dari sana.",
            "Already delivered from there.";
        nowhere =>
            "Tidak ada lokasi yang bisa melayaninya dengan pilihan ini.",
            "No site can deliver it with these choices.";
        adjust =>
            "Ubah angka biaya sendiri",
            "Change the in-house figures";
        adjust_hint =>
            "Angka Anda sendiri untuk gaji, biaya kursi, rekrut dan produktivitas; kosongkan untuk memakai angka tarif.",
            "Your own wage, seat overhead, hiring cost and productivity; leave a field empty to use the tariff's.";
        wage =>
            "Upah pokok per bulan (Rp)",
            "Base wage a month (IDR)";
        overhead =>
            "Biaya kursi per bulan, di luar upah (Rp)",
            "Seat overhead a month, beyond the wage (IDR)";
        hire =>
            "Rekrut dan pelatihan per orang, sekali (Rp)",
            "Recruiting and training per person, one-time (IDR)";
        per_employee =>
            "per karyawan per bulan",
            "per employee a month";
        default_is =>
            "Angka tarif",
            "Tariff's figure";
        reset =>
            "Kembalikan angka tarif",
            "Back to the tariff's figures";
        above_zero =>
            "Paling sedikit 1: seorang karyawan mengerjakan sesuatu.",
            "At least 1: an employee does some work.";
        productivity_hint =>
            "Yang dikerjakan satu karyawan dalam sebulan yang dibayar, setelah istirahat, cuti dan pelatihan. Karyawan dibayar ±2.080 jam setahun, ±75% di antaranya produktif (CustomerThink).",
            "What one employee handles in a paid month, after breaks, leave and training. An employee is paid about 2,080 hours a year, about 75% of them productive (CustomerThink).";
    }
}

/// Which period a saving is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month,
    FirstYear,
    Contract { months: u32 },
}

/// The saving against in-house as a sentence that reads naturally either way: "Outsourcing saves
/// IDR 12,400,000 (23.5%) a month" or "Outsourcing costs IDR 20,700,000 (37%) more a month", never
/// a negative saving. `saving` is in-house minus outsourced; `percent` is of the in-house cost.
#[must_use]
pub fn saving_sentence(
    saving: Decimal,
    percent: Option<Decimal>,
    period: Period,
    currency: Currency,
    lang: Lang,
) -> String {
    let amount = format_money(saving.abs(), currency, lang);
    let share = percent
        .and_then(|p| p.abs().checked_div(Decimal::ONE_HUNDRED))
        .map(|fraction| format!(" ({})", format_percent(fraction, lang)))
        .unwrap_or_default();
    let saves = !saving.is_sign_negative();
    let when = match (period, lang) {
        (Period::Month, Lang::Id) => "per bulan".to_owned(),
        (Period::Month, Lang::En) => "a month".to_owned(),
        (Period::FirstYear, Lang::Id) => "di tahun pertama, biaya awal termasuk".to_owned(),
        (Period::FirstYear, Lang::En) => "in the first year, one-time costs included".to_owned(),
        (Period::Contract { months }, Lang::Id) => {
            format!("selama kontrak {months} bulan, biaya awal termasuk")
        }
        (Period::Contract { months: 1 }, Lang::En) => {
            "over the 1-month contract, one-time costs included".to_owned()
        }
        (Period::Contract { months }, Lang::En) => {
            format!("over the {months}-month contract, one-time costs included")
        }
    };
    match (saves, lang) {
        (true, Lang::Id) => format!("Outsourcing menghemat {amount}{share} {when}."),
        (true, Lang::En) => format!("Outsourcing saves {amount}{share} {when}."),
        (false, Lang::Id) => format!("Outsourcing lebih mahal {amount}{share} {when}."),
        (false, Lang::En) => format!("Outsourcing costs {amount}{share} more {when}."),
    }
}

/// A saving in a table cell under "A month against in-house": "saves IDR 12,400,000", or
/// "costs IDR 20,700,000 more" where outsourcing costs more; never a negative saving.
#[must_use]
pub fn saving_cell(saving: Decimal, currency: Currency, lang: Lang) -> String {
    let amount = format_money(saving.abs(), currency, lang);
    match (saving.is_sign_negative(), lang) {
        (false, Lang::Id) => format!("hemat {amount}"),
        (false, Lang::En) => format!("saves {amount}"),
        (true, Lang::Id) => format!("lebih mahal {amount}"),
        (true, Lang::En) => format!("costs {amount} more"),
    }
}

/// What would let a site take the request, as a button says it: "Serve customers in English",
/// "Deliver fulfilment from Yogyakarta".
#[must_use]
pub fn fix_action(fix: &FixWords<'_>, lang: Lang) -> String {
    match (fix, lang) {
        (FixWords::Language { language }, Lang::Id) => {
            format!("Layani pelanggan dalam {language}")
        }
        (FixWords::Language { language }, Lang::En) => {
            format!("Serve customers in {language}")
        }
        (FixWords::ActivityElsewhere { activity, site }, Lang::Id) => {
            format!("Layani {} dari {site}", mid_sentence(activity))
        }
        (FixWords::ActivityElsewhere { activity, site }, Lang::En) => {
            format!("Deliver {} from {site}", mid_sentence(activity))
        }
    }
}

/// Actions one after the other: "Serve customers in English and deliver retail fulfilment from
/// Yogyakarta".
#[must_use]
pub fn both(actions: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Id => " dan ",
        Lang::En => " and ",
    };
    let mut text = String::new();
    for (i, action) in actions.iter().enumerate() {
        if i > 0 {
            text.push_str(and);
            text.push_str(&mid_sentence(action));
        } else {
            text.push_str(action);
        }
    }
    text
}

/// A fix, with names in the visitor's language.
pub enum FixWords<'a> {
    Language { language: &'a str },
    ActivityElsewhere { activity: &'a str, site: &'a str },
}

/// What the site would cost once fixed, before the button that fixes it: "With this change,
/// IDR 98,000,000 a month:" [Serve customers in English].
#[must_use]
pub fn fixed_price(monthly: Decimal, currency: Currency, lang: Lang) -> String {
    let amount = format_money(monthly, currency, lang);
    match lang {
        Lang::Id => format!("Dengan perubahan ini, {amount} per bulan:"),
        Lang::En => format!("With this change, {amount} a month:"),
    }
}

/// The tariff's figure beside a field, with where it comes from: "Tariff's figure: Rp 6,200,000.
/// Jakarta minimum wage 2026 plus about 8% for the agent role".
#[must_use]
pub fn default_figure(figure: &str, source: &str, lang: Lang) -> String {
    let texts = CompareTexts::of(lang);
    let source = source.trim_end_matches('.');
    if source.is_empty() {
        format!("{}: {figure}.", texts.default_is)
    } else {
        format!("{}: {figure}. {source}.", texts.default_is)
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn a_saving_never_reads_negative() {
        assert_eq!(
            saving_sentence(
                dec!(-20700000),
                Some(dec!(-37.0)),
                Period::Month,
                Currency::Idr,
                Lang::En
            ),
            "Outsourcing costs IDR 20,700,000 (37%) more a month."
        );
        assert_eq!(
            saving_sentence(
                dec!(12400000),
                Some(dec!(23.5)),
                Period::Month,
                Currency::Idr,
                Lang::Id
            ),
            "Outsourcing menghemat Rp 12.400.000 (23,5%) per bulan."
        );
        assert_eq!(
            saving_sentence(
                dec!(-1500),
                None,
                Period::Contract { months: 36 },
                Currency::Usd,
                Lang::En
            ),
            "Outsourcing costs USD 1,500.00 more over the 36-month contract, one-time costs included."
        );
    }

    #[test]
    fn a_site_rows_saving_says_which_way_it_goes() {
        // A column "A month against in-house": the cell says saves or costs more, in words.
        for &(saving, lang, expected) in &[
            (dec!(-20700000), Lang::En, "costs IDR 20,700,000 more"),
            (dec!(-20700000), Lang::Id, "lebih mahal Rp 20.700.000"),
            (dec!(12400000), Lang::En, "saves IDR 12,400,000"),
            (dec!(12400000), Lang::Id, "hemat Rp 12.400.000"),
        ] {
            assert_eq!(saving_cell(saving, Currency::Idr, lang), expected);
        }
    }

    #[test]
    fn a_fixed_sites_price_leads_to_its_button() {
        assert_eq!(
            fixed_price(dec!(98000000), Currency::Idr, Lang::Id),
            "Dengan perubahan ini, Rp 98.000.000 per bulan:"
        );
        assert_eq!(
            fixed_price(dec!(98000000), Currency::Idr, Lang::En),
            "With this change, IDR 98,000,000 a month:"
        );
    }
}
