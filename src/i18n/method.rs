//! "How this is calculated": the rules, and every assumption and price of the tariff in a
//! sentence, so nobody has to trust a black box.

use super::{Lang, format_count, format_money, format_number, format_percent};
use crate::money::Currency;
use crate::tariff::{Activity, Site, Unit};

texts! {
    /// The method's words.
    pub struct MethodTexts {
        method =>
            "Cara menghitung",
            "How this is calculated";
        assumptions =>
            "Asumsi dan sumbernya",
            "Assumptions and their sources";
        exchange_rate =>
            "Kurs",
            "Exchange rate";
        vat =>
            "PPN",
            "VAT";
        sites =>
            "Lokasi",
            "Sites";
        in_house_basis =>
            "Biaya karyawan sendiri (Jakarta)",
            "Employing your own staff (Jakarta)";
        prices =>
            "Harga dan sumbernya",
            "Prices and their sources";
        risks =>
            "Risiko yang perlu dikelola",
            "Risks to manage";
        risk_name =>
            "Penyedia bekerja atas nama Anda: pelanggan tidak membedakan keduanya, jadi layanan yang buruk jatuh ke nama Anda. Opsi kendali mutu premium, kemasan premium dan tinjauan ganda menjaga mutu yang dilihat pelanggan.",
            "The provider works in your name: customers do not tell the two apart, so poor service lands on you. Premium quality assurance, premium packaging and four-eyes review guard the quality your customers see.";
        risk_bill =>
            "Sebagian tagihan ikut volume, jadi bisa naik-turun tiap bulan: lihat rentangnya di atas dan siapkan anggarannya. Agen khusus membuat tagihan tetap; komitmen minimum tetap ditagih di bulan sepi.",
            "Part of the bill follows volume, so it moves from month to month: see the range above and budget for it. Dedicated staff keep the bill fixed; a minimum commitment is billed even in a quiet month.";
        rules: [&'static str; 11] =>
            [
        "Volume dihitung bertingkat: setiap unit dibayar dengan harga tingkatnya, jadi tagihan tidak pernah turun saat volume naik.",
        "Faktor lokasi mengubah harga tenaga kerja (per unit dan per kursi), bukan biaya manajemen atau sewa gudang.",
        "Opsi adalah tambahan persentase atas biaya tenaga kerja, masing-masing satu baris.",
        "Bila tagihan bulanan di bawah minimum aktivitas, baris komitmen minimum menambahkannya sampai minimum.",
        "Diskon jangka kontrak berlaku atas biaya bulanan, sebagai baris negatif tersendiri.",
        "PPN adalah baris tersendiri, atas biaya bulanan setelah diskon dan atas biaya awal.",
        "Konversi ke dolar memakai kurs tarif, sebelum pembulatan.",
        "Setiap baris dibulatkan setengah ke atas ke rupiah penuh atau sen; subtotal dan total adalah jumlah baris yang tampil.",
        "Tahun pertama = biaya awal + 12 × bulanan; total kontrak = biaya awal + jumlah bulan × bulanan.",
        "Dikerjakan sendiri: karyawan yang dibutuhkan dari volume dan produktivitas, upah, iuran jaminan sosial pemberi kerja (BPJS), tunjangan hari raya (THR), biaya kursi, serta rekrut dan pelatihan.",
        "Rentang: tagihan bulanan bila semua volume turun atau naik sebesar persentase yang dipilih; agen khusus tetap.",
            ],
            [
        "Volumes are priced on graduated tiers: each unit pays the price of its tier, so the bill never drops as volume grows.",
        "The site's factor scales labour prices (per unit and per seat), not the management fee or warehouse space.",
        "Options are percentage surcharges on the labour charges, each its own line.",
        "Where a month falls below the activity's minimum, a minimum commitment line tops it up.",
        "The contract-term discount applies to the monthly charges, as its own negative line.",
        "VAT is its own line, on the discounted monthly charges and on the one-time charges.",
        "Dollars are converted at the tariff's rate, before rounding.",
        "Every line is rounded half away from zero to whole rupiah or cents; subtotals and totals are sums of the lines shown.",
        "First year = one-time + 12 × monthly; contract total = one-time + term months × monthly.",
        "In-house: employees needed from volume and productivity, wages, the employer's social-security contributions (BPJS), the religious-holiday bonus (THR), seat overhead, and recruiting and training.",
        "Range: the monthly bill with every volume down or up by the chosen percentage; dedicated staff stay.",
            ];
    }
}

fn rupiah(amount: rust_decimal::Decimal, lang: Lang) -> String {
    format_money(amount, Currency::Idr, lang)
}

/// A site's labour factor and why, the factor with the language's decimal mark: "Yogyakarta ×
/// 0,75: …" or "Yogyakarta × 0.75: A lower-cost city….". The tariff's notes are written without
/// their final full stop; the sentence they close adds it.
#[must_use]
pub fn site_assumption(site: &Site, lang: Lang) -> String {
    let factor = site.factor.normalize();
    format!(
        "{} × {}: {}.",
        site.name.get(lang),
        format_number(factor, factor.scale(), lang),
        site.note.get(lang)
    )
}

/// The activity's fixed charges in three sentences: fee, minimum, one-time charges.
#[must_use]
pub fn activity_prices(activity: &Activity, lang: Lang) -> [String; 3] {
    let fee = rupiah(activity.management_fee, lang);
    let minimum = rupiah(activity.minimum, lang);
    let onboarding = rupiah(activity.onboarding, lang);
    let seat = rupiah(activity.seat_setup, lang);
    let (fee_note, setup_note) = (activity.fee_note.get(lang), activity.setup_note.get(lang));
    match lang {
        Lang::Id => [
            format!("Biaya manajemen: {fee}. {fee_note}."),
            format!("Minimum bulanan: {minimum}."),
            format!("Orientasi: {onboarding}; per kursi khusus: {seat}. {setup_note}."),
        ],
        Lang::En => [
            format!("Management fee: {fee}. {fee_note}."),
            format!("Monthly minimum: {minimum}."),
            format!("Onboarding: {onboarding}; per dedicated seat: {seat}. {setup_note}."),
        ],
    }
}

/// The hours an activity's base price covers. Tariff 2026-11 names no base hours; its options
/// imply them (an option that adds "early, late and weekend shifts", another that adds Saturdays
/// and Sundays), and a dedicated agent is full-time, 40 hours a week (the sizing's rule). The
/// options are named as the tariff names them. `None` for an activity this page knows nothing of.
#[must_use]
pub fn service_hours(activity: &Activity, lang: Lang) -> Option<String> {
    let option = |id: &str| {
        activity
            .options
            .iter()
            .find(|o| &*o.id == id)
            .map(|o| format!("\u{201c}{}\u{201d}", o.name.get(lang)))
    };
    Some(match &*activity.id {
        "call-centre" => {
            let (extended, always) = (option("extended-hours")?, option("24-7")?);
            say!(
                lang,
                "Jam layanan: tarif tidak menyebut jam dasarnya, tetapi opsinya menyiratkannya. Harga dasar, bersama maupun agen khusus, mencakup siang hari pada hari kerja, Senin sampai Jumat; shift pagi, malam dan akhir pekan adalah opsi {extended}, dan malam hari opsi {always}. Seorang agen khusus bekerja penuh waktu, 40 jam per minggu: tanpa opsi itu, harganya tidak mencakup akhir pekan.",
                "Service hours: the tariff does not name its base hours, but its options imply them. The base price, shared or dedicated, covers daytime on weekdays, Monday to Friday; early, late and weekend shifts are the option {extended}, and nights the option {always}. A dedicated agent works full-time, 40 hours a week: without those options, the price does not cover weekends."
            )
        }
        "fulfilment" => {
            let weekend = option("weekend")?;
            say!(
                lang,
                "Jam layanan: gudang bekerja pada hari kerja, Senin sampai Jumat; Sabtu dan Minggu adalah opsi {weekend}.",
                "Service hours: the warehouse works on weekdays, Monday to Friday; Saturdays and Sundays are the option {weekend}."
            )
        }
        "accounting" => say!(
            lang,
            "Jam layanan: tarif tidak menyebut jamnya; pekerjaan dilakukan pada hari kerja dan tenggatnya dihitung dalam hari kerja.",
            "Service hours: the tariff names none; the work is done on working days, and its deadlines count working days."
        ),
        "sales" => say!(
            lang,
            "Jam layanan: tarif tidak menyebut jamnya; tenaga penjual dibayar per bulan dan bekerja pada hari kerja.",
            "Service hours: the tariff names none; reps are billed by the month and work on working days."
        ),
        _ => return None,
    })
}

/// A unit's price bands, its source and what it costs in-house: " (per minute): 1–20,000:
/// Rp 3,500; > 20,000: Rp 3,200. Worked out from the dedicated-agent price… (Infocomm). Done
/// in-house, one employee handles about 3,000 minutes a month.".
#[must_use]
pub fn unit_prices(unit: &Unit, lang: Lang) -> String {
    let mut floor = 0;
    let tiers: Vec<String> = unit
        .tiers
        .iter()
        .map(|tier| {
            let band = match tier.up_to {
                Some(up_to) => format!(
                    "{}–{}",
                    format_count(floor + 1, lang),
                    format_count(up_to, lang)
                ),
                None => format!("> {}", format_count(floor, lang)),
            };
            floor = tier.up_to.unwrap_or(floor);
            format!("{band}: {}", rupiah(tier.price, lang))
        })
        .collect();
    let in_house = match (unit.per_fte, unit.cost, lang) {
        (Some(n), _, Lang::Id) => format!(
            " Bila dikerjakan sendiri, satu karyawan menangani sekitar {} {} per bulan.",
            format_count(n, lang),
            unit.unit.id
        ),
        (Some(n), _, Lang::En) => format!(
            " Done in-house, one employee handles about {} {} a month.",
            format_count(n, lang),
            plural(&unit.unit.en)
        ),
        (None, Some(cost), Lang::Id) => format!(
            " Bila disewa sendiri, ruangnya berbiaya {} per bulan.",
            rupiah(cost, lang)
        ),
        (None, Some(cost), Lang::En) => format!(
            " Rented yourself, the space costs {} a month.",
            rupiah(cost, lang)
        ),
        (None, None, _) => String::new(),
    };
    format!(
        " (per {}): {}. {}.{in_house}",
        unit.unit.get(lang),
        tiers.join("; "),
        unit.note.get(lang)
    )
}

/// An English noun's plural, for the tariff's units ("minute", "entity", "e-mail"): Indonesian
/// nouns do not change.
fn plural(noun: &str) -> String {
    let consonant_y = noun
        .strip_suffix('y')
        .filter(|stem| stem.chars().last().is_some_and(|c| !"aeiou".contains(c)));
    match consonant_y {
        Some(stem) => format!("{stem}ies"),
        None if ["s", "x", "ch", "sh"].iter().any(|end| noun.ends_with(end)) => {
            format!("{noun}es")
        }
        None => format!("{noun}s"),
    }
}

/// The in-house role's wage, seat overhead and hiring cost, each with its source, a sentence
/// each: "Customer service agent, employed yourself. Base wage: IDR 6,200,000 a month. Jakarta's…".
#[must_use]
pub fn in_house_role(activity: &Activity, lang: Lang) -> String {
    let role = &activity.in_house;
    let (wage, seat, hire) = (
        rupiah(role.wage, lang),
        rupiah(role.overhead, lang),
        rupiah(role.hire, lang),
    );
    let [employed, wage, seat, hire] = match lang {
        Lang::Id => [
            "bila dipekerjakan sendiri".to_owned(),
            format!("Upah pokok: {wage} per bulan"),
            format!("Biaya kursi di luar upah: {seat} per bulan"),
            format!("Rekrut dan pelatihan: {hire} per orang, sekali"),
        ],
        Lang::En => [
            "employed yourself".to_owned(),
            format!("Base wage: {wage} a month"),
            format!("Seat overhead beyond the wage: {seat} a month"),
            format!("Recruiting and training: {hire} a person, once"),
        ],
    };
    format!(
        "{}, {employed}. {wage}. {}. {seat}. {}. {hire}. {}.",
        role.role.get(lang),
        role.wage_note.get(lang),
        role.overhead_note.get(lang),
        role.hire_note.get(lang)
    )
}

/// The VAT rate and its legal basis.
#[must_use]
pub fn vat_assumption(rate: rust_decimal::Decimal, note: &str, lang: Lang) -> String {
    format!("{}: {note}.", format_percent(rate, lang))
}

/// The exchange rate, its date and source: "USD 1 = Rp 16.693 (2025-12-16). Kurs acuan…".
#[must_use]
pub fn exchange_assumption(tariff: &crate::tariff::Tariff, lang: Lang) -> String {
    format!(
        "USD 1 = {} ({}). {}.",
        rupiah(tariff.usd.rate, lang),
        tariff.usd.date,
        tariff.usd.source.get(lang)
    )
}

/// The minimum wage the in-house side starts from, and its source.
#[must_use]
pub fn minimum_wage_assumption(tariff: &crate::tariff::Tariff, lang: Lang) -> String {
    let basis = &tariff.in_house;
    format!(
        "{}: {}.",
        rupiah(basis.minimum_wage, lang),
        basis.minimum_wage_note.get(lang)
    )
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::tariff::catalogue;

    #[test]
    fn a_sites_factor_has_the_languages_decimal_mark() {
        let tariff = catalogue().expect("the bundled tariffs").latest();
        let yogyakarta = tariff.site("yogyakarta").expect("Yogyakarta");
        assert_eq!(yogyakarta.factor, dec!(0.75));
        let id = site_assumption(yogyakarta, Lang::Id);
        let en = site_assumption(yogyakarta, Lang::En);
        assert!(id.starts_with("Yogyakarta × 0,75: "), "{id}");
        assert!(en.starts_with("Yogyakarta × 0.75: "), "{en}");
        // Jakarta's factor 1 has no decimals to mark.
        let jakarta = tariff.site("jakarta").expect("Jakarta");
        assert!(site_assumption(jakarta, Lang::Id).starts_with("Jakarta × 1: "));
    }

    #[test]
    fn every_activity_says_the_hours_its_price_covers() {
        let tariff = catalogue().expect("the bundled tariffs").latest();
        let call = tariff.activity("call-centre").expect("the call centre");
        assert_eq!(
            service_hours(call, Lang::En).as_deref(),
            Some(
                "Service hours: the tariff does not name its base hours, but its options imply \
                 them. The base price, shared or dedicated, covers daytime on weekdays, Monday to \
                 Friday; early, late and weekend shifts are the option \u{201c}Extended hours \
                 (06:00\u{2013}22:00, 7 days)\u{201d}, and nights the option \u{201c}24/7 \
                 coverage\u{201d}. A dedicated agent works full-time, 40 hours a week: without \
                 those options, the price does not cover weekends."
            )
        );
        let fulfilment = tariff.activity("fulfilment").expect("fulfilment");
        assert_eq!(
            service_hours(fulfilment, Lang::Id).as_deref(),
            Some(
                "Jam layanan: gudang bekerja pada hari kerja, Senin sampai Jumat; Sabtu dan \
                 Minggu adalah opsi \u{201c}Operasi akhir pekan\u{201d}."
            )
        );
        for activity in tariff.activities.iter() {
            for lang in [Lang::Id, Lang::En] {
                let hours = service_hours(activity, lang);
                assert!(hours.is_some(), "{} has no hours in {lang:?}", activity.id);
            }
        }
    }

    #[test]
    fn the_tariffs_units_read_in_the_plural() {
        let plurals: Vec<String> = ["minute", "e-mail", "entity", "day", "box", "return"]
            .into_iter()
            .map(plural)
            .collect();
        assert_eq!(
            plurals,
            ["minutes", "e-mails", "entities", "days", "boxes", "returns"]
        );
    }
}
