//! The charts' words, and each curve told in one sentence for screen readers.

use rust_decimal::Decimal;

use super::{Lang, format_count, format_money, mid_sentence};
use crate::money::Currency;

texts! {
    /// Captions, legends and labels of the charts.
    pub struct ChartTexts {
        charts =>
            "Grafik",
            "Charts";
        contributions =>
            "Porsi tiap aktivitas dalam tagihan bulanan",
            "What each activity adds to the monthly bill";
        curve =>
            "Biaya bulanan menurut volume",
            "Monthly cost by volume";
        outsourced =>
            "Outsourcing",
            "Outsourced";
        in_house =>
            "Dikerjakan sendiri",
            "In-house";
        now =>
            "sekarang",
            "now";
        band =>
            "rentang fluktuasi",
            "fluctuation range";
        break_even =>
            "titik impas",
            "break-even";
        no_break_even =>
            "tanpa titik impas pada rentang ini",
            "no break-even in this range";
        tier =>
            "tingkat harga baru",
            "new price band";
        data =>
            "Tabel data",
            "Data table";
        volume =>
            "Volume",
            "Volume";
    }
}

/// What the curve's axis counts, and what moves with it: every volume of the activity follows
/// the axis in proportion, dedicated seats (`seats`: some are chosen) stay.
/// "Along the bottom: inbound voice minutes. The activity's other volumes follow in
/// proportion."
#[must_use]
pub fn curve_axis(noun: &str, seats: bool, lang: Lang) -> String {
    let noun = mid_sentence(noun);
    let staff = match (seats, lang) {
        (false, _) => "",
        (true, Lang::Id) => " Staf khusus tetap sebanyak yang dipilih.",
        (true, Lang::En) => " Dedicated staff stay as chosen.",
    };
    match lang {
        Lang::Id => format!(
            "Sumbu bawah: {noun}. Volume lain aktivitas ini mengikutinya secara sebanding.{staff}"
        ),
        Lang::En => format!(
            "Along the bottom: {noun}. The activity's other volumes follow in proportion.{staff}"
        ),
    }
}

/// One point of a cost curve, as the sentence tells it.
pub struct CurvePoint {
    pub volume: u64,
    pub outsourced: Decimal,
    pub in_house: Decimal,
}

/// A cost curve in one sentence: "Call centre: at 20,000 minutes, outsourced IDR 79,087,500 a
/// month, in-house IDR 93,460,827; break-even 12,000; fluctuation range 14,000–26,000."
#[must_use]
pub fn curve_description(
    name: &str,
    noun: &str,
    current: Option<CurvePoint>,
    break_even: Option<u64>,
    band: (u64, u64),
    currency: Currency,
    lang: Lang,
) -> String {
    let t = ChartTexts::of(lang);
    let money = |amount: Decimal| format_money(amount, currency, lang);
    let count = |n: u64| format_count(n, lang);
    let mut parts = Vec::new();
    if let Some(p) = current {
        let (volume, outsourced, in_house) =
            (count(p.volume), money(p.outsourced), money(p.in_house));
        parts.push(match lang {
            Lang::Id => format!(
                "{name}: pada {volume} {noun}, outsourcing {outsourced} per bulan, dikerjakan sendiri {in_house}"
            ),
            Lang::En => format!(
                "{name}: at {volume} {noun}, outsourced {outsourced} a month, in-house {in_house}"
            ),
        });
    }
    parts.push(match break_even {
        Some(v) => format!("{} {}", t.break_even, count(v)),
        None => t.no_break_even.to_owned(),
    });
    parts.push(format!("{} {}–{}", t.band, count(band.0), count(band.1)));
    format!("{}.", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_says_what_follows_it_and_what_stays() {
        assert_eq!(
            curve_axis("Inbound voice minutes", false, Lang::En),
            "Along the bottom: inbound voice minutes. The activity's other volumes follow in proportion."
        );
        assert_eq!(
            curve_axis("Janji temu berkualitas", true, Lang::Id),
            "Sumbu bawah: janji temu berkualitas. Volume lain aktivitas ini mengikutinya secara sebanding. Staf khusus tetap sebanyak yang dipilih."
        );
    }
}
