//! Spreadsheet files: the prospect's estimate or quotation, and the sales console's register,
//! each rendered from documents (see `document`).
//!
//! Written to open in columns in Excel whatever its regional settings: Excel splits a CSV file
//! at its region's list separator (`,` in English, `;` in Indonesian) unless the file's first
//! line names one, so every file starts `sep=;`. Every field is quoted. A text cell a
//! spreadsheet would evaluate (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, as
//! OWASP's CSV-injection advice lists them) is written with a leading `'`, so a client named
//! `=HYPERLINK(…)` stays a name. Amounts are plain decimals with the page language's decimal
//! mark (rupiah have none), and the file is UTF-8 with a byte-order mark.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::document::{Document, Offer};
use crate::estimate::Line;
use crate::i18n::{
    BreakdownTexts, CompareTexts, CsvTexts, Lang, OptionTexts, PrintTexts, Texts, contract_total,
    format_date, line_title, option_name, option_of, quoted_settings, standing_heading,
    standing_signed, tariff_edition, vat_basis,
};
use crate::provider::Provider;
use crate::tariff::Tariff;

/// The column separator every file names in its first line.
pub const SEPARATOR: char = ';';

/// A cell of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// An amount or a figure, written as a plain decimal.
    Number(Decimal),
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<Decimal> for Cell {
    fn from(number: Decimal) -> Self {
        Self::Number(number)
    }
}

/// Rows of cells, written out as a CSV file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    rows: Vec<Vec<Cell>>,
}

/// Whether a spreadsheet would evaluate a text starting so.
fn runs(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

impl Sheet {
    pub fn row(&mut self, cells: impl IntoIterator<Item = Cell>) {
        self.rows.push(cells.into_iter().collect());
    }

    pub fn blank(&mut self) {
        self.rows.push(Vec::new());
    }

    /// The file, for a reader of `lang` (the decimal mark of its amounts).
    #[must_use]
    pub fn write(&self, lang: Lang) -> String {
        let mut out = format!("\u{feff}sep={SEPARATOR}\r\n");
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Cell::Text(text) => {
                        let guard = if runs(text) { "'" } else { "" };
                        format!("\"{guard}{}\"", text.replace('"', "\"\""))
                    }
                    Cell::Number(number) => format!(
                        "\"{}\"",
                        number
                            .to_string()
                            .replace('.', &lang.decimal_separator().to_string())
                    ),
                    Cell::Empty => String::new(),
                })
                .collect();
            let _ = write!(out, "{}\r\n", cells.join(&SEPARATOR.to_string()));
        }
        out
    }
}

/// The prospect's file: who it is from and for and what it is (its standing, dates, basis),
/// then every line, and the totals and savings; for a quotation of several options, each
/// option's totals after them (`offers`, `Document::offers`). `url` is the whole address it is
/// shared as.
#[must_use]
pub fn document(
    document: &Document,
    offers: &[Offer],
    tariff: &Tariff,
    provider: &Provider,
    url: &str,
    lang: Lang,
) -> Sheet {
    let (labels, texts, print) = (Texts::of(lang), CsvTexts::of(lang), PrintTexts::of(lang));
    let (bd, ct) = (BreakdownTexts::of(lang), CompareTexts::of(lang));
    let estimate = &document.estimate;
    let mut sheet = Sheet::default();
    let quote = document.quote.as_ref();
    let dated = |date: Option<crate::calendar::Date>| {
        date.map(|d| format_date(d, lang)).unwrap_or_default()
    };
    let kind = if quote.is_some() {
        print.quotation
    } else {
        print.estimate
    };
    let standing = standing_heading(document, lang)
        .or_else(|| standing_signed(document, lang))
        .unwrap_or_default();
    let mut about: Vec<(&str, String)> = vec![
        (texts.provider, provider.legal_name.to_string()),
        (texts.document, kind.to_owned()),
        (texts.standing, standing),
    ];
    if let Some(quote) = quote {
        about.push((texts.number, quote.number.clone()));
        if offers.len() > 1 {
            about.push((
                OptionTexts::of(lang).section,
                option_of(document.shown + 1, offers.len(), lang),
            ));
        }
        if let Some(n) = quote.revision {
            let replaces = quote
                .replaces
                .as_ref()
                .map(|(a, b)| (a.as_str(), b.as_str()));
            about.push((
                crate::i18n::SignatureTexts::of(lang).revision,
                crate::i18n::revision_line(n, replaces, lang),
            ));
        }
        if let Some(approver) = &quote.approved_by {
            about.push((
                crate::i18n::StandingTexts::of(lang).approved_by,
                crate::i18n::approver_line(approver, lang),
            ));
        }
        about.extend([
            (texts.client, quote.client.clone()),
            (texts.date, dated(quote.issued)),
            (texts.valid_until, dated(quote.until)),
        ]);
    } else {
        about.push((texts.made_on, dated(Some(document.today))));
    }
    about.extend([
        (
            texts.settings,
            quoted_settings(tariff, &document.request, lang),
        ),
        (
            texts.basis,
            vat_basis(
                estimate.vat.is_some(),
                estimate.vat.unwrap_or_default(),
                lang,
            ),
        ),
        (texts.currency, estimate.currency.code().to_owned()),
        (texts.tariff, tariff_edition(tariff, lang)),
    ]);
    if !document.examples.is_empty() {
        about.push((texts.examples, labels.examples_note.to_owned()));
    }
    if document.stale {
        about.push((texts.stale, labels.stale.to_owned()));
    }
    about.push((texts.link, url.to_owned()));
    for (name, value) in about.into_iter().filter(|(_, v)| !v.is_empty()) {
        sheet.row([name.into(), value.into()]);
    }
    sheet.blank();
    sheet.row(
        [
            texts.section,
            texts.activity,
            texts.item,
            texts.quantity,
            texts.unit_price,
            texts.amount,
            texts.currency,
            texts.note,
        ]
        .map(Cell::from),
    );
    let currency = estimate.currency.code();
    let mut row = |section: &str, activity: &str, item: &str, line: Option<&Line>, amount, note| {
        sheet.row([
            section.into(),
            activity.into(),
            item.into(),
            line.and_then(|l| l.quantity)
                .map_or(Cell::Empty, |q| Cell::Number(Decimal::from(q))),
            line.and_then(|l| l.unit_price)
                .map_or(Cell::Empty, Cell::Number),
            Cell::Number(amount),
            currency.into(),
            note,
        ]);
    };
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
                bd.compare_in_house,
                &priced.in_house.monthly_lines,
                bd.in_house_monthly,
                priced.in_house.monthly,
            ),
            (
                bd.compare_in_house,
                &priced.in_house.one_time_lines,
                bd.in_house_one_time,
                priced.in_house.one_time,
            ),
        ];
        for (section, lines, total, amount) in sections {
            for line in lines {
                let example = match &line.kind {
                    crate::estimate::LineKind::Tier { unit, .. }
                        if document.is_example(&priced.activity, unit) =>
                    {
                        Cell::from(texts.example_volume)
                    }
                    _ => Cell::Empty,
                };
                row(
                    section,
                    name,
                    &line_title(line, activity, lang),
                    Some(line),
                    line.amount,
                    example,
                );
            }
            row(section, name, total, None, amount, Cell::Empty);
        }
    }
    let totals = &estimate.totals;
    let saving = &estimate.saving;
    let contract = contract_total(estimate.months, lang);
    for (item, amount) in [
        (labels.one_time, totals.one_time),
        (labels.monthly, totals.monthly),
        (labels.first_year, totals.first_year),
        (contract.as_str(), totals.contract),
        (labels.fixed, totals.monthly_fixed),
        (labels.variable, totals.monthly_variable),
        (bd.in_house_monthly, estimate.in_house.monthly),
        (ct.monthly_saving, saving.monthly),
        (texts.saving_first_year, saving.first_year),
        (texts.saving_contract, saving.contract),
        (ct.range_low, estimate.range.low),
        (ct.range_high, estimate.range.high),
    ] {
        row(labels.estimate, "", item, None, amount, Cell::Empty);
    }
    // Each option's totals, in its own currency: what the client chose between.
    let section = OptionTexts::of(lang).section;
    for (i, offer) in offers.iter().enumerate() {
        let (totals, estimate) = (&offer.estimate.totals, &offer.estimate);
        let name = option_name(i + 1, lang);
        let settings = quoted_settings(tariff, &offer.request, lang);
        let contract = contract_total(estimate.months, lang);
        for (item, amount) in [
            (labels.one_time, totals.one_time),
            (labels.monthly, totals.monthly),
            (contract.as_str(), totals.contract),
        ] {
            sheet.row([
                section.into(),
                name.as_str().into(),
                item.into(),
                Cell::Empty,
                Cell::Empty,
                Cell::Number(amount),
                estimate.currency.code().into(),
                settings.as_str().into(),
            ]);
        }
    }
    sheet
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::calendar::Date;
    use crate::provider::example as provider;
    use crate::quote::Today;
    use crate::tariff::catalogue;

    /// The rows of a file as a spreadsheet reads them: the `sep=` line says the separator,
    /// quotes are honoured and undoubled, the byte-order mark is not a cell.
    fn read(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
        let (first, rest) = text.split_once("\r\n").expect("a first line");
        assert_eq!(first, "sep=;");
        rest.split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|line| {
                let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
                let mut chars = line.chars().peekable();
                while let Some(c) = chars.next() {
                    match c {
                        '"' if quoted && chars.peek() == Some(&'"') => {
                            cell.push('"');
                            chars.next();
                        }
                        '"' => quoted = !quoted,
                        ';' if !quoted => cells.push(std::mem::take(&mut cell)),
                        c => cell.push(c),
                    }
                }
                cells.push(cell);
                cells
            })
            .collect()
    }

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_written_as_text() {
        let mut sheet = Sheet::default();
        let dangerous = [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+1",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1)",
            "\tx",
            "\rx",
        ];
        sheet.row(dangerous.map(Cell::from));
        sheet.row([
            "PT Maju; Jaya".into(),
            "a \"b\"".into(),
            dec!(-1234.5).into(),
        ]);
        let rows = read(&sheet.write(Lang::Id));
        for (cell, original) in rows[0].iter().zip(dangerous) {
            assert_eq!(*cell, format!("'{original}"));
        }
        // The separator and quotes inside a text are the text's; an amount is a plain number
        // with the language's decimal mark.
        assert_eq!(rows[1], ["PT Maju; Jaya", "a \"b\"", "-1234,5"]);
        assert_eq!(
            read(&Sheet::default().write(Lang::En)),
            Vec::<Vec<String>>::new()
        );
        let mut english = Sheet::default();
        english.row([dec!(673.95).into()]);
        assert_eq!(read(&english.write(Lang::En)), [["673.95"]]);
    }

    #[test]
    fn the_prospects_file_is_the_document_its_lines_adding_up_to_its_totals() {
        let catalogue = catalogue().expect("valid");
        let link = "v=1&t=2026-11&s=jakarta&k=36m&c=USD&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&accounting=4000.1500.250.2.6~1&fulfilment=12000.9000.120.0.300.40~1&sales=3.40.150~1&z=a3f3cc3c";
        let today = Today(Date::parse("2026-12-10").expect("a date"));
        let document =
            Document::from_link(link, catalogue, provider(), today, |_| false).expect("a document");
        let tariff = catalogue.latest();
        let url = format!("https://nusa-layanan.example/biaya/#{link}");
        for lang in Lang::ALL {
            let (texts, labels) = (CsvTexts::of(lang), Texts::of(lang));
            let rows =
                read(&self::document(&document, &[], tariff, provider(), &url, lang).write(lang));
            let about = |name: &str| {
                rows.iter()
                    .find(|r| r[0] == name)
                    .map(|r| r[1].clone())
                    .unwrap_or_else(|| panic!("{name} in {rows:?}"))
            };
            assert_eq!(about(texts.provider), "PT Nusa Layanan Contoh");
            assert_eq!(about(texts.made_on), format_date(document.today, lang));
            assert_eq!(about(texts.currency), "USD");
            assert_eq!(about(texts.link), url);
            let number = |cell: &str| -> Decimal {
                cell.replace(lang.decimal_separator(), ".")
                    .parse()
                    .expect("a number")
            };
            // The monthly lines of every activity add up to the monthly total, and the total
            // row says so.
            let bd = BreakdownTexts::of(lang);
            let monthly_lines: Decimal = rows
                .iter()
                .filter(|r| r.len() == 8 && r[0] == bd.monthly_bill && r[2] != labels.monthly)
                .map(|r| number(&r[5]))
                .sum();
            assert_eq!(monthly_lines, document.estimate.totals.monthly);
            let total = |item: &str| {
                rows.iter()
                    .find(|r| r.len() == 8 && r[0] == labels.estimate && r[2] == item)
                    .map(|r| number(&r[5]))
                    .unwrap_or_else(|| panic!("{item}"))
            };
            assert_eq!(total(labels.monthly), document.estimate.totals.monthly);
            assert_eq!(
                total(texts.saving_first_year),
                document.estimate.saving.first_year
            );
            assert_eq!(
                total(texts.saving_contract),
                document.estimate.saving.contract
            );
        }
    }
}
