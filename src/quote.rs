//! An estimate or a quotation as a CSV file for the client's finance team: who it is from and for,
//! then every line and total with plain decimal amounts a spreadsheet reads as numbers. A
//! spreadsheet set to Indonesian separates columns with `;` and decimals with `,`; one set to
//! English uses `,` and `.`: the file follows the page's language, so it opens in columns either
//! way.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::estimate::{Estimate, Line};
use crate::i18n::{
    BreakdownTexts, CompareTexts, CsvTexts, Lang, Texts, line_title, quoted_settings,
    tariff_edition,
};
use crate::link::Contents;
use crate::provider::provider;
use crate::tariff::Tariff;

/// How a spreadsheet in the page's language reads columns and decimals.
#[derive(Clone, Copy)]
pub(crate) struct Dialect {
    pub(crate) separator: char,
    decimal: char,
}

impl Dialect {
    pub(crate) fn of(lang: Lang) -> Self {
        let decimal = lang.decimal_separator();
        // A spreadsheet whose decimals are commas splits columns at semicolons.
        let separator = if decimal == ',' { ';' } else { ',' };
        Self { separator, decimal }
    }

    /// Quotes a field when it holds the separator, a quote or a line break (RFC 4180).
    pub(crate) fn field(self, text: &str) -> String {
        if text.contains([self.separator, '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    }

    /// A plain number, no grouping: `1234567,5` or `1234567.5`.
    pub(crate) fn number(self, amount: Decimal) -> String {
        amount.to_string().replace('.', &self.decimal.to_string())
    }
}

/// The CSV text, with a byte-order mark so spreadsheet programs read it as UTF-8. `url` is the
/// whole address of the estimate.
#[must_use]
pub fn csv(
    estimate: &Estimate,
    contents: &Contents,
    tariff: &Tariff,
    url: &str,
    lang: Lang,
) -> String {
    let (labels, texts) = (Texts::of(lang), CsvTexts::of(lang));
    let (bd, ct) = (BreakdownTexts::of(lang), CompareTexts::of(lang));
    let dialect = Dialect::of(lang);
    let sep = dialect.separator;
    let currency = estimate.currency.code();
    let mut out = String::from("\u{feff}");
    let quote = &contents.quote;
    let dated = quote.issued.map(|d| d.to_string()).unwrap_or_default();
    for (name, value) in [
        (texts.provider, provider().legal_name.to_string()),
        (texts.number, quote.reference.clone()),
        (texts.client, quote.client.clone()),
        (texts.date, dated),
        (
            texts.settings,
            quoted_settings(tariff, &contents.request, lang),
        ),
        (texts.tariff, tariff_edition(tariff, lang)),
        (texts.link, url.to_owned()),
    ] {
        if !value.is_empty() {
            let _ = write!(
                out,
                "{}{sep}{}\r\n",
                dialect.field(name),
                dialect.field(&value)
            );
        }
    }
    out.push_str("\r\n");
    let header = [
        texts.section,
        texts.activity,
        texts.item,
        texts.quantity,
        texts.unit_price,
        texts.amount,
        texts.currency,
    ];
    out.push_str(&header.join(&sep.to_string()));
    out.push_str("\r\n");
    let mut row = |section: &str, activity: &str, item: &str, line: Option<&Line>, amount| {
        let quantity = line
            .and_then(|l| l.quantity)
            .map(|q| q.to_string())
            .unwrap_or_default();
        let price = line
            .and_then(|l| l.unit_price)
            .map(|p| dialect.number(p))
            .unwrap_or_default();
        let _ = write!(
            out,
            "{}{sep}{}{sep}{}{sep}{quantity}{sep}{price}{sep}{}{sep}{currency}\r\n",
            dialect.field(section),
            dialect.field(activity),
            dialect.field(item),
            dialect.number(amount),
        );
    };
    let in_house = bd.compare_in_house;
    for priced in &estimate.activities {
        let Some(activity) = tariff.activity(&priced.activity) else {
            continue;
        };
        let name = activity.name.get(lang);
        let sections = [
            (
                bd.monthly_bill,
                &priced.monthly_lines,
                labels.monthly,
                priced.monthly,
            ),
            (
                bd.one_time_bill,
                &priced.one_time_lines,
                labels.one_time,
                priced.one_time,
            ),
            (
                in_house,
                &priced.in_house.monthly_lines,
                bd.in_house_monthly,
                priced.in_house.monthly,
            ),
            (
                in_house,
                &priced.in_house.one_time_lines,
                bd.in_house_one_time,
                priced.in_house.one_time,
            ),
        ];
        for (section, lines, total, amount) in sections {
            for line in lines {
                row(
                    section,
                    name,
                    &line_title(line, activity, lang),
                    Some(line),
                    line.amount,
                );
            }
            row(section, name, total, None, amount);
        }
    }
    let totals = &estimate.totals;
    let months = format!(
        "{} ({} {})",
        labels.contract, estimate.months, labels.months
    );
    for (item, amount) in [
        (labels.one_time, totals.one_time),
        (labels.monthly, totals.monthly),
        (labels.first_year, totals.first_year),
        (months.as_str(), totals.contract),
        (labels.fixed, totals.monthly_fixed),
        (labels.variable, totals.monthly_variable),
        (bd.in_house_monthly, estimate.in_house.monthly),
        (ct.monthly_saving, estimate.saving.monthly),
        (ct.range_low, estimate.range.low),
        (ct.range_high, estimate.range.high),
    ] {
        row(labels.estimate, "", item, None, amount);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::{ActivityRequest, Request, estimate};
    use crate::link::{self, QuoteDetails};
    use crate::money::Currency;
    use crate::tariff::catalogue;

    /// Splits a line as a spreadsheet with this separator does, honouring quotes.
    fn cells(line: &str, separator: char) -> Vec<String> {
        let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                c if c == separator && !quoted => cells.push(std::mem::take(&mut cell)),
                _ => cell.push(c),
            }
        }
        cells.push(cell);
        cells
    }

    fn quoted_in_dollars() -> (Estimate, Contents) {
        let tariff = catalogue().expect("valid").latest();
        let mut request = Request::starter(tariff);
        request.currency = Currency::Usd;
        request.activities = tariff
            .activities
            .iter()
            .map(ActivityRequest::starter)
            .collect();
        let contents = Contents {
            tariff: tariff.version.to_string(),
            request: request.clone(),
            quote: QuoteDetails {
                client: "PT Maju; Jaya".into(),
                reference: "NLY/SD/2026/11/0007".into(),
                issued: crate::calendar::Date::parse("2026-11-27"),
                ..QuoteDetails::default()
            },
        };
        (estimate(tariff, &request).expect("prices"), contents)
    }

    #[test]
    fn a_spreadsheet_set_to_either_language_reads_columns_and_numbers() {
        let tariff = catalogue().expect("valid").latest();
        let (e, contents) = quoted_in_dollars();
        let url = format!(
            "https://nusa-layanan.example/biaya/#{}",
            link::encode(&contents, tariff)
        );
        for (lang, separator, decimal, header) in [
            (
                Lang::Id,
                ';',
                ',',
                "Bagian;Aktivitas;Rincian;Jumlah unit;Harga satuan;Nilai;Mata uang",
            ),
            (
                Lang::En,
                ',',
                '.',
                "Section,Activity,Item,Quantity,Unit price,Amount,Currency",
            ),
        ] {
            let text = csv(&e, &contents, tariff, &url, lang);
            assert!(text.starts_with('\u{feff}'), "UTF-8 for spreadsheets");
            let (block, table) = text.split_once("\r\n\r\n").expect("a header block");
            // Who it is from and for comes first: the provider, number, client (its separator
            // quoted), date, what is quoted, the tariff, the link.
            let block: Vec<Vec<String>> = block
                .trim_start_matches('\u{feff}')
                .lines()
                .map(|l| cells(l, separator))
                .collect();
            assert_eq!(block[0][1], "PT Nusa Layanan Contoh");
            assert_eq!(block[1][1], "NLY/SD/2026/11/0007");
            assert_eq!(block[2][1], "PT Maju; Jaya");
            assert_eq!(block[3][1], "2026-11-27");
            assert!(block.iter().all(|r| r.len() == 2), "{block:?}");
            assert_eq!(block.last().map(|r| r[1].as_str()), Some(url.as_str()));
            let mut lines = table.lines();
            assert_eq!(lines.next(), Some(header));
            let rows: Vec<Vec<String>> = lines.map(|l| cells(l, separator)).collect();
            assert!(rows.iter().all(|r| r.len() == 7), "{rows:?}");
            // Amounts read as numbers in that language, and the monthly lines add up to the
            // monthly total.
            let read = |cell: &str| -> Decimal {
                cell.replace(decimal, ".").parse().expect("a plain decimal")
            };
            assert!(
                rows.iter()
                    .all(|r| !r[5].contains(if decimal == ',' { '.' } else { ',' }))
            );
            let monthly_bill = BreakdownTexts::of(lang).monthly_bill;
            let monthly = Texts::of(lang).monthly;
            let sum: Decimal = rows
                .iter()
                .filter(|r| r[0] == monthly_bill && r[2] != monthly)
                .map(|r| read(&r[5]))
                .sum();
            assert_eq!(sum, e.totals.monthly);
        }
        let text = csv(&e, &contents, tariff, &url, Lang::Id);
        assert!(text.contains(&format!(
            "Estimasi;;Per bulan;;;{};USD",
            e.totals.monthly.to_string().replace('.', ",")
        )));
    }
}
