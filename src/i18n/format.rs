//! Numbers as a reader of each language expects them: Rp 1.234.567 in Indonesian, IDR 1,234,567
//! or USD 1,234.56 in English. Straight from the decimal, never through a float.

use rust_decimal::Decimal;

use super::Lang;
use crate::calendar::Date;
use crate::money::{self, Currency};

/// Digits with the language's grouping and decimal separators, `places` decimals.
fn grouped(amount: Decimal, places: u32, lang: Lang) -> String {
    let plain = money::round(amount.abs(), places).to_string();
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 2);
    if amount.is_sign_negative() && !money::round(amount, places).is_zero() {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(lang.group_separator());
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(lang.decimal_separator());
        out.push_str(fraction);
    }
    out
}

/// A name as it reads inside a sentence: "Staff accountant" becomes "staff accountant", while
/// an acronym keeps its capitals ("SDR", "BPJS"). ASCII letters only: the Unicode case tables
/// would add 15 KB to the page, and every name we write starts with a Latin letter.
#[must_use]
pub fn mid_sentence(name: &str) -> String {
    let mut chars = name.chars();
    let acronym = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.next().is_some_and(|c| c.is_ascii_uppercase());
    let mut out = name.to_owned();
    if !acronym && let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// A day as a letter writes it: "27 November 2026", with the month in the reader's language
/// ("Agustus", "August").
#[must_use]
pub fn format_date(date: Date, lang: Lang) -> String {
    const MONTHS: [[&str; 2]; 12] = [
        ["Januari", "January"],
        ["Februari", "February"],
        ["Maret", "March"],
        ["April", "April"],
        ["Mei", "May"],
        ["Juni", "June"],
        ["Juli", "July"],
        ["Agustus", "August"],
        ["September", "September"],
        ["Oktober", "October"],
        ["November", "November"],
        ["Desember", "December"],
    ];
    let names = MONTHS[usize::from(date.month().clamp(1, 12) - 1)];
    let month = match lang {
        Lang::Id => names[0],
        Lang::En => names[1],
    };
    format!("{} {month} {}", date.day(), date.year())
}

/// A count of units or people: 12.000 or 12,000.
#[must_use]
pub fn format_count(count: u64, lang: Lang) -> String {
    grouped(Decimal::from(count), 0, lang)
}

/// A figure that is not money, with `places` decimals: 7,4 or 7.4 erlangs.
#[must_use]
pub fn format_number(value: Decimal, places: u32, lang: Lang) -> String {
    grouped(value, places, lang)
}

/// An amount with its currency. Shows the currency's decimals (none for rupiah, cents for
/// dollars), or more where the amount has them, as unit prices do.
#[must_use]
pub fn format_money(amount: Decimal, currency: Currency, lang: Lang) -> String {
    let places = amount.normalize().scale().max(currency.places());
    let digits = grouped(amount, places, lang);
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits.as_str()),
    };
    let symbol = match (currency, lang) {
        (Currency::Idr, Lang::Id) => "Rp",
        _ => currency.code(),
    };
    format!("{sign}{symbol} {digits}")
}

/// A line's unit price in full, as its amount is multiplied from (rule 13): whole rupiah;
/// dollars with every decimal the price has, two to four (USD 2.6957, USD 0.50), so that a reader
/// who multiplies it by the quantity finds the amount beside it.
#[must_use]
pub fn format_unit_price(price: Decimal, currency: Currency, lang: Lang) -> String {
    format_money(
        money::round(price, currency.unit_price_places()),
        currency,
        lang,
    )
}

/// What one unit costs all in (an activity's month divided by its volume), with the decimals it
/// needs and no more: whole rupiah; dollars to the cent, or to four places under a dollar (a
/// minute at USD 0.2237). Not a line's price: nothing is multiplied from it.
#[must_use]
pub fn format_unit_cost(cost: Decimal, currency: Currency, lang: Lang) -> String {
    let places = match currency {
        Currency::Idr => 0,
        Currency::Usd if cost.abs() >= Decimal::ONE => 2,
        Currency::Usd => 4,
    };
    format_money(money::round(cost, places), currency, lang)
}

/// An amount short enough for a chart's axis: Rp 1,2 M or IDR 1.2B, USD 350K.
#[must_use]
pub fn format_compact(amount: Decimal, currency: Currency, lang: Lang) -> String {
    let scales: [(i64, &str, &str); 4] = [
        (1_000_000_000_000, "T", "T"),
        (1_000_000_000, "M", "B"),
        (1_000_000, "jt", "M"),
        (1_000, "rb", "K"),
    ];
    let symbol = if currency == Currency::Idr && lang == Lang::Id {
        "Rp"
    } else {
        currency.code()
    };
    let magnitude = amount.abs();
    for (scale, id, en) in scales {
        let scale = Decimal::from(scale);
        if magnitude >= scale {
            let short = amount.checked_div(scale).unwrap_or_default();
            let places = u32::from(short.abs() < Decimal::TEN);
            let digits = grouped(money::round(short, places).normalize(), places, lang);
            let suffix = match lang {
                Lang::Id => format!(" {id}"),
                Lang::En => en.to_owned(),
            };
            return format!("{symbol} {digits}{suffix}");
        }
    }
    format!("{symbol} {}", grouped(amount, 0, lang))
}

/// A fraction as a percentage: 0.115 is 11,5 % or 11.5 %.
#[must_use]
pub fn format_percent(fraction: Decimal, lang: Lang) -> String {
    let percent = fraction
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(fraction);
    let places = percent.normalize().scale();
    format!("{}%", grouped(percent, places, lang))
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn names_inside_a_sentence_keep_their_acronyms() {
        assert_eq!(mid_sentence("Tenaga penjual (SDR)"), "tenaga penjual (SDR)");
        assert_eq!(mid_sentence("Staff accountant"), "staff accountant");
        assert_eq!(mid_sentence("BPJS Kesehatan"), "BPJS Kesehatan");
        assert_eq!(mid_sentence("E-mails"), "e-mails");
        assert_eq!(mid_sentence(""), "");
    }

    #[test]
    fn money_reads_as_each_language_writes_it() {
        for &(amount, currency, lang, expected) in &[
            (dec!(1234567), Currency::Idr, Lang::Id, "Rp 1.234.567"),
            (dec!(1234567), Currency::Idr, Lang::En, "IDR 1,234,567"),
            (dec!(1234.56), Currency::Usd, Lang::En, "USD 1,234.56"),
            (dec!(1234.56), Currency::Usd, Lang::Id, "USD 1.234,56"),
            (dec!(12.5), Currency::Usd, Lang::En, "USD 12.50"),
            (dec!(0.2097), Currency::Usd, Lang::En, "USD 0.2097"),
            (dec!(10493.25), Currency::Idr, Lang::Id, "Rp 10.493,25"),
            (dec!(-1262500), Currency::Idr, Lang::Id, "-Rp 1.262.500"),
            (dec!(-0.4), Currency::Usd, Lang::En, "-USD 0.40"),
            (dec!(0), Currency::Idr, Lang::Id, "Rp 0"),
            (dec!(999), Currency::Idr, Lang::En, "IDR 999"),
            (dec!(100000), Currency::Idr, Lang::En, "IDR 100,000"),
        ] {
            assert_eq!(format_money(amount, currency, lang), expected);
        }
    }

    #[test]
    fn costs_per_unit_have_the_decimals_they_need() {
        for &(cost, currency, lang, expected) in &[
            // The examples: a minute's all-in cost, converted tier prices.
            (dec!(4477.23), Currency::Idr, Lang::Id, "Rp 4.477"),
            (dec!(562.5), Currency::Idr, Lang::En, "IDR 563"),
            (dec!(359.4321), Currency::Usd, Lang::En, "USD 359.43"),
            (dec!(44.929), Currency::Usd, Lang::Id, "USD 44,93"),
            (dec!(0.2097), Currency::Usd, Lang::En, "USD 0.2097"),
            (dec!(0.5), Currency::Usd, Lang::En, "USD 0.50"),
            (dec!(3500), Currency::Idr, Lang::En, "IDR 3,500"),
        ] {
            assert_eq!(format_unit_cost(cost, currency, lang), expected);
        }
    }

    #[test]
    fn a_lines_unit_price_is_shown_in_full() {
        for &(price, currency, lang, expected) in &[
            // 250 payslips x USD 2.6957 = 673.925 -> 673.93: the price a reader multiplies is
            // the one shown, not USD 2.70 (which would make 675.00).
            (dec!(2.6957), Currency::Usd, Lang::En, "USD 2.6957"),
            (dec!(718.8642), Currency::Usd, Lang::Id, "USD 718,8642"),
            (dec!(0.2097), Currency::Usd, Lang::En, "USD 0.2097"),
            (dec!(0.5), Currency::Usd, Lang::En, "USD 0.50"),
            (dec!(12), Currency::Usd, Lang::En, "USD 12.00"),
            (dec!(516667), Currency::Idr, Lang::Id, "Rp 516.667"),
            // A link of format 2 priced a rupiah unit price to the sen: shown whole, as before.
            (dec!(516666.67), Currency::Idr, Lang::En, "IDR 516,667"),
        ] {
            assert_eq!(format_unit_price(price, currency, lang), expected);
        }
    }

    #[test]
    fn compact_amounts_for_chart_axes() {
        for &(amount, currency, lang, expected) in &[
            (dec!(1234567890), Currency::Idr, Lang::Id, "Rp 1,2 M"),
            (dec!(1234567890), Currency::Idr, Lang::En, "IDR 1.2B"),
            (dec!(350000000), Currency::Idr, Lang::Id, "Rp 350 jt"),
            (dec!(12500), Currency::Usd, Lang::En, "USD 13K"),
            (dec!(9500), Currency::Usd, Lang::Id, "USD 9,5 rb"),
            (dec!(640), Currency::Usd, Lang::En, "USD 640"),
            (dec!(0), Currency::Idr, Lang::Id, "Rp 0"),
        ] {
            assert_eq!(format_compact(amount, currency, lang), expected);
        }
    }

    #[test]
    fn counts_and_percentages() {
        assert_eq!(format_count(50_000_000, Lang::Id), "50.000.000");
        assert_eq!(format_count(1_000, Lang::En), "1,000");
        assert_eq!(format_count(7, Lang::En), "7");
        assert_eq!(format_percent(dec!(0.11), Lang::Id), "11%");
        assert_eq!(format_percent(dec!(0.115), Lang::Id), "11,5%");
        assert_eq!(format_percent(dec!(0.0024), Lang::En), "0.24%");
    }
}
