//! An estimate as a CSV file for the prospect's finance team: every line and total, with plain
//! decimal amounts a spreadsheet reads as numbers.

use std::fmt::Write as _;

use crate::estimate::{Estimate, Line};
use crate::i18n::{Lang, Texts, csv_header, line_title};
use crate::tariff::Tariff;

/// Quotes a field when it holds a comma, a quote or a line break (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The CSV text, with a byte-order mark so spreadsheet programs read it as UTF-8.
#[must_use]
pub fn csv(estimate: &Estimate, tariff: &Tariff, lang: Lang) -> String {
    let labels = Texts::of(lang);
    let currency = estimate.currency.code();
    let mut out = String::from("\u{feff}");
    out.push_str(csv_header(lang));
    out.push_str("\r\n");
    let mut row = |section: &str, activity: &str, item: &str, line: Option<&Line>, amount| {
        let quantity = line
            .and_then(|l| l.quantity)
            .map(|q| q.to_string())
            .unwrap_or_default();
        let price = line
            .and_then(|l| l.unit_price)
            .map(|p| p.to_string())
            .unwrap_or_default();
        let _ = write!(
            out,
            "{},{},{},{quantity},{price},{amount},{currency}\r\n",
            field(section),
            field(activity),
            field(item)
        );
    };
    let in_house = labels.compare_in_house;
    for priced in &estimate.activities {
        let Some(activity) = tariff.activity(&priced.activity) else {
            continue;
        };
        let name = activity.name.get(lang);
        let sections = [
            (
                labels.monthly_bill,
                &priced.monthly_lines,
                labels.monthly,
                priced.monthly,
            ),
            (
                labels.one_time_bill,
                &priced.one_time_lines,
                labels.one_time,
                priced.one_time,
            ),
            (
                in_house,
                &priced.in_house.monthly_lines,
                labels.in_house_monthly,
                priced.in_house.monthly,
            ),
            (
                in_house,
                &priced.in_house.one_time_lines,
                labels.in_house_one_time,
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
        (labels.in_house_monthly, estimate.in_house.monthly),
        (labels.saving, estimate.saving.monthly),
        (labels.range_low, estimate.range.low),
        (labels.range_high, estimate.range.high),
    ] {
        row(labels.estimate, "", item, None, amount);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::{ActivityRequest, Request, estimate};
    use crate::tariff::catalogue;

    #[test]
    fn every_line_and_total_is_a_row_whose_amounts_add_up() {
        let tariff = catalogue().expect("valid").latest();
        let mut request = Request::starter(tariff);
        request.activities = tariff
            .activities
            .iter()
            .map(ActivityRequest::starter)
            .collect();
        let e = estimate(tariff, &request).expect("prices");
        let text = csv(&e, tariff, Lang::En);
        assert!(
            text.starts_with(
                "\u{feff}Section,Activity,Item,Quantity,Unit price,Amount,Currency\r\n"
            )
        );
        // Split a row on commas outside quotes.
        let cells = |line: &str| -> Vec<String> {
            let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
            for c in line.chars() {
                match c {
                    '"' => quoted = !quoted,
                    ',' if !quoted => cells.push(std::mem::take(&mut cell)),
                    _ => cell.push(c),
                }
            }
            cells.push(cell);
            cells
        };
        let rows: Vec<Vec<String>> = text.lines().skip(1).map(cells).collect();
        assert!(rows.iter().all(|r| r.len() == 7), "{rows:?}");
        let monthly: rust_decimal::Decimal = rows
            .iter()
            .filter(|r| r[0] == "Monthly bill" && r[2] != "Monthly")
            .map(|r| {
                r[5].parse::<rust_decimal::Decimal>()
                    .expect("a plain decimal")
            })
            .sum();
        assert_eq!(monthly, e.totals.monthly);
        assert!(text.contains(
            "Call centre,\"Inbound voice minutes 1–20,000\",20000,3500,70000000,IDR\r\n"
        ));
        assert!(text.contains(&format!("Estimate,,Monthly,,,{},IDR", e.totals.monthly)));
        assert_eq!(field("PT \"Maju\", Jaya"), "\"PT \"\"Maju\"\", Jaya\"");
    }
}
