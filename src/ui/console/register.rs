//! The register: the quotations issued on this device, newest first, searchable by number or
//! client, exportable as CSV. It keeps only the links (in IndexedDB): every figure it shows is
//! read back from them, as a client's page would. Losing it loses no quotation.

use std::fmt::Write as _;
use std::rc::Rc;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use rust_decimal::Decimal;
use web_sys::{HtmlAnchorElement, HtmlInputElement};
use yew::prelude::*;

use super::store;
use crate::estimate::estimate;
use crate::i18n::{ConsoleTexts, Lang, format_money};
use crate::link;
use crate::money::Currency;
use crate::quote::Dialect;
use crate::tariff::Catalogue;
use crate::ui::Static;

/// One issued quotation, as its link says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: String,
    pub client: String,
    pub issued: String,
    pub until: String,
    /// The monthly total the client is quoted, the negotiated discount applied.
    pub monthly: Decimal,
    pub currency: Currency,
    /// The whole link, as issued.
    pub link: String,
}

/// The register's row for an issued link; `None` for a link this release cannot price.
#[must_use]
pub fn row(text: &str, catalogue: &Catalogue) -> Option<Row> {
    let opened = link::decode(text, catalogue).ok()?;
    let contents = opened.contents;
    let tariff = catalogue.get(&contents.tariff)?;
    let mut request = contents.request;
    request.discount = contents.quote.discount;
    let priced = estimate(tariff, &request).ok()?;
    let quote = contents.quote;
    let dated = |d: Option<crate::calendar::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    Some(Row {
        until: dated(quote.valid_until(tariff)),
        number: quote.reference,
        client: quote.client,
        issued: dated(quote.issued),
        monthly: priced.totals.monthly,
        currency: priced.currency,
        link: text.to_owned(),
    })
}

/// Whether a row's number or client holds what is searched for, case aside.
#[must_use]
pub fn matches(row: &Row, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.is_empty()
        || row.number.to_lowercase().contains(&query)
        || row.client.to_lowercase().contains(&query)
}

/// The rows as a CSV file, as src/quote.rs writes one: the page language's separator and
/// decimal mark, a byte-order mark for spreadsheet programs, plain amounts.
#[must_use]
pub fn csv(rows: &[Row], lang: Lang) -> String {
    let texts = ConsoleTexts::of(lang);
    let dialect = Dialect::of(lang);
    let sep = dialect.separator.to_string();
    let mut out = String::from("\u{feff}");
    out.push_str(
        &[
            texts.column_number,
            texts.column_client,
            texts.column_issued,
            texts.column_until,
            texts.column_monthly,
            texts.column_currency,
            texts.column_link,
        ]
        .map(|t| dialect.field(t))
        .join(&sep),
    );
    out.push_str("\r\n");
    for row in rows {
        let _ = write!(
            out,
            "{}\r\n",
            [
                dialect.field(&row.number),
                dialect.field(&row.client),
                row.issued.clone(),
                row.until.clone(),
                dialect.number(row.monthly),
                row.currency.code().to_owned(),
                dialect.field(&row.link),
            ]
            .join(&sep)
        );
    }
    out
}

/// The register's links, newest first, and a way to add one.
pub struct UseRegister {
    pub links: Rc<Vec<String>>,
    pub on_add: Callback<String>,
}

/// The register kept in IndexedDB, read on start.
#[hook]
pub fn use_register() -> UseRegister {
    let links = use_state_eq(|| Rc::new(Vec::<String>::new()));
    {
        let links = links.setter();
        use_effect_with((), move |()| {
            yew::platform::spawn_local(async move {
                let stored: Vec<String> = store::all(store::REGISTER)
                    .await
                    .into_iter()
                    .rev()
                    .filter_map(|v| v.as_string())
                    .collect();
                links.set(Rc::new(stored));
            });
        });
    }
    let on_add = {
        let links = links.clone();
        Callback::from(move |link: String| {
            let mut newer = Vec::with_capacity(links.len() + 1);
            newer.push(link.clone());
            newer.extend(links.iter().cloned());
            links.set(Rc::new(newer));
            yew::platform::spawn_local(async move {
                store::add(store::REGISTER, &link.into()).await;
            });
        })
    };
    UseRegister {
        links: (*links).clone(),
        on_add,
    }
}

#[derive(Properties, PartialEq)]
pub struct RegisterProps {
    pub lang: Lang,
    pub catalogue: Static<Catalogue>,
    /// Newest first.
    pub links: Rc<Vec<String>>,
}

#[component]
pub fn Register(props: &RegisterProps) -> Html {
    let RegisterProps {
        lang,
        catalogue,
        links,
    } = props;
    let (lang, texts) = (*lang, ConsoleTexts::of(*lang));
    let query = use_state_eq(String::new);
    let rows = use_memo((links.clone(), *catalogue), |(links, catalogue)| {
        links
            .iter()
            .filter_map(|l| row(l, catalogue.0))
            .collect::<Vec<_>>()
    });
    let shown: Vec<Row> = rows
        .iter()
        .filter(|r| matches(r, &query))
        .cloned()
        .collect();
    let on_search = {
        let query = query.setter();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    // The file is made when asked for, from the rows shown.
    let on_csv = {
        let shown = shown.clone();
        Callback::from(move |e: MouseEvent| {
            let href = format!(
                "data:text/csv;charset=utf-8,{}",
                utf8_percent_encode(&csv(&shown, lang), NON_ALPHANUMERIC)
            );
            e.target_unchecked_into::<HtmlAnchorElement>()
                .set_href(&href);
        })
    };
    let body = if rows.is_empty() {
        html! { <p class="help">{ texts.empty }</p> }
    } else if shown.is_empty() {
        html! { <p class="help" role="status">{ texts.no_match }</p> }
    } else {
        html! {
            <div class="register-table">
                <table class="lines">
                    <caption class="visually-hidden">{ texts.register_title }</caption>
                    <thead><tr>
                        <th scope="col">{ texts.column_number }</th>
                        <th scope="col">{ texts.column_client }</th>
                        <th scope="col">{ texts.column_issued }</th>
                        <th scope="col">{ texts.column_until }</th>
                        <th scope="col">{ texts.column_monthly }</th>
                        <th scope="col">{ texts.column_link }</th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|r| html! {
                            <tr key={r.link.clone()} data-testid="register-row">
                                <th scope="row">{ &r.number }</th>
                                <td>{ &r.client }</td>
                                <td>{ &r.issued }</td>
                                <td>{ &r.until }</td>
                                <td>{ format_money(r.monthly, r.currency, lang) }</td>
                                <td><a href={r.link.clone()} target="_blank" rel="noopener">{ texts.open_link }</a></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        }
    };
    html! {
        <section class="console-card register" data-testid="register" aria-labelledby="register-title">
            <h3 id="register-title">{ texts.register_title }</h3>
            <p class="help">{ texts.register_help }</p>
            <div class="register-tools">
                <div class="field">
                    <label for="register-search">{ texts.search }</label>
                    <input id="register-search" data-testid="register-search" type="search"
                        autocomplete="off" value={(*query).clone()} oninput={on_search} />
                </div>
                <a class="button" data-testid="register-csv" href="#" download="penawaran.csv"
                    onclick={on_csv}>{ texts.download_csv }</a>
            </div>
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::estimate::{ActivityRequest, Request};
    use crate::link::{Contents, QuoteDetails};
    use crate::tariff::catalogue;
    use rust_decimal_macros::dec;

    fn issued(client: &str, number: &str, discount: Option<Decimal>) -> (String, Decimal) {
        let catalogue = catalogue().expect("valid");
        let tariff = catalogue.latest();
        let mut request = Request::starter(tariff);
        request.activities = vec![ActivityRequest::starter(
            tariff.activity("accounting").expect("accounting"),
        )];
        let contents = Contents {
            tariff: tariff.version.to_string(),
            request: request.clone(),
            quote: QuoteDetails {
                client: client.into(),
                reference: number.into(),
                issued: Date::parse("2026-11-28"),
                discount,
                ..QuoteDetails::default()
            },
        };
        request.discount = discount;
        let monthly = estimate(tariff, &request).expect("prices").totals.monthly;
        (
            format!(
                "https://nusa-layanan.example/biaya/#{}",
                link::encode(&contents, tariff)
            ),
            monthly,
        )
    }

    #[test]
    fn a_row_is_read_back_from_its_link_discount_applied() {
        let (link, monthly) = issued("PT Maju; Jaya", "NLY/SD/2026/11/0001", Some(dec!(0.05)));
        let (_, list) = issued("PT Maju; Jaya", "NLY/SD/2026/11/0001", None);
        let row = row(&link, catalogue().expect("valid")).expect("a row");
        assert_eq!(row.number, "NLY/SD/2026/11/0001");
        assert_eq!(row.issued, "2026-11-28");
        assert_eq!(row.until, "2026-12-28");
        assert_eq!(row.monthly, monthly);
        assert!(monthly < list, "the discount is in the register's figure");
        assert!(matches(&row, "maju"));
        assert!(matches(&row, "/0001"));
        assert!(!matches(&row, "Sentosa"));
    }

    #[test]
    fn the_csv_opens_in_columns_in_either_language() {
        let (link, monthly) = issued("PT Maju; Jaya", "NLY/SD/2026/11/0001", None);
        let rows = vec![row(&link, catalogue().expect("valid")).expect("a row")];
        for (lang, sep, decimal) in [(Lang::Id, ';', ','), (Lang::En, ',', '.')] {
            let text = csv(&rows, lang);
            assert!(text.starts_with('\u{feff}'));
            let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
            assert_eq!(lines.len(), 2);
            assert_eq!(lines[0].matches(sep).count(), 6, "{}", lines[0]);
            let amount = monthly.to_string().replace('.', &decimal.to_string());
            assert!(
                lines[1].contains(&format!("{sep}{amount}{sep}IDR{sep}")),
                "{}",
                lines[1]
            );
            // The client's name holds `;`: quoted where `;` separates.
            assert_eq!(
                lines[1].contains("\"PT Maju; Jaya\""),
                sep == ';',
                "{}",
                lines[1]
            );
        }
    }
}
