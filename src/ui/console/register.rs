//! The register: the quotations issued on this device, newest first, searchable by number or
//! client, exportable as CSV. It keeps only the links (in IndexedDB): every figure it shows is
//! the document its link makes today, as a client's page would make it. Losing it loses no
//! quotation.

use std::rc::Rc;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use rust_decimal::Decimal;
use web_sys::{HtmlAnchorElement, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use super::store;
use crate::csv::{Cell, Sheet};
use crate::document::{Document, Standing};
use crate::i18n::{
    ApprovalTexts, ConsoleTexts, Lang, accepted_cell, approved_cell, format_date, format_money,
    format_percent, revise_label,
};
use crate::link;
use crate::money::Currency;
use crate::provider::provider;
use crate::quote::Today;
use crate::tariff::Catalogue;
use crate::ui::{Static, staff};
use yew::platform::spawn_local;

/// One issued quotation, as the document its link makes says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: String,
    pub client: String,
    /// The salesperson who signed it.
    pub salesperson: String,
    pub issued: Option<crate::calendar::Date>,
    pub until: Option<crate::calendar::Date>,
    pub standing: Standing,
    /// The negotiated discount priced, a fraction.
    pub discount: Option<Decimal>,
    /// The discount it asks for, priced or not (a request for approval prices none yet).
    pub asked: Option<Decimal>,
    /// The monthly total the client is quoted, the negotiated discount applied: of the option
    /// accepted, where the quotation offers several and one was.
    pub monthly: Decimal,
    pub contract: Decimal,
    pub currency: Currency,
    /// The whole link, as issued.
    pub link: String,
    /// The client's acceptance as recorded (`acceptance`): the day, and the option.
    pub accepted: Option<super::acceptance::Accepted>,
    /// A later revision of it is in the register.
    pub superseded: bool,
    /// Its discount is over its signer's limit: who approved it and when, or `None` while it
    /// waits for approval.
    pub approval: Option<Option<(String, crate::calendar::Date)>>,
}

/// The register's row for an issued link on `today`; `None` for a link this release cannot
/// price. The console verified each signature before adding its link (`issue::stands`), so it
/// is taken as holding here.
#[must_use]
pub fn row(text: &str, catalogue: &Catalogue, today: Today) -> Option<Row> {
    let certify = |key: &str| staff::met(key).cloned();
    let document =
        Document::from_link_certified(text, catalogue, provider(), today, certify, |_| true)
            .ok()?;
    let quote = document.quote.as_ref()?;
    Some(Row {
        number: quote.number.clone(),
        client: quote.client.clone(),
        salesperson: quote
            .signer
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        issued: quote.issued,
        until: quote.until,
        standing: document.standing,
        discount: quote.discount,
        asked: quote.asked_discount,
        monthly: document.estimate.totals.monthly,
        contract: document.estimate.totals.contract,
        currency: document.estimate.currency,
        link: text.to_owned(),
        accepted: None,
        superseded: false,
        approval: quote
            .discount_over_limit
            .then(|| quote.approved_by.as_ref().map(|a| (a.name.clone(), a.on))),
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

/// The rows as a spreadsheet (see `csv`).
#[must_use]
pub fn sheet(rows: &[Row], lang: Lang) -> Sheet {
    let texts = ConsoleTexts::of(lang);
    let mut sheet = Sheet::default();
    sheet.row(
        [
            texts.column_number,
            texts.column_client,
            texts.column_salesperson,
            texts.column_issued,
            texts.column_until,
            texts.column_standing,
            texts.column_accepted,
            texts.column_discount,
            texts.column_monthly,
            texts.column_contract,
            texts.column_currency,
            texts.column_link,
            ApprovalTexts::of(lang).column_approval,
            texts.column_option,
        ]
        .map(Cell::from),
    );
    for row in rows {
        sheet.row([
            row.number.as_str().into(),
            row.client.as_str().into(),
            row.salesperson.as_str().into(),
            row.issued
                .map_or(Cell::Empty, |d| Cell::Text(d.to_string())),
            row.until.map_or(Cell::Empty, |d| Cell::Text(d.to_string())),
            if row.superseded {
                "superseded".into()
            } else {
                row.standing.code().into()
            },
            row.accepted
                .as_ref()
                .map_or(Cell::Empty, |a| Cell::Text(a.on.to_string())),
            row.discount.map_or(Cell::Empty, |d| {
                Cell::Number((d * Decimal::ONE_HUNDRED).normalize())
            }),
            row.monthly.into(),
            row.contract.into(),
            row.currency.code().into(),
            row.link.as_str().into(),
            match &row.approval {
                None => Cell::Empty,
                Some(None) => "awaiting".into(),
                Some(Some((name, on))) => Cell::Text(format!("{name} {on}")),
            },
            row.accepted
                .as_ref()
                .and_then(|a| a.option)
                .map_or(Cell::Empty, |n| Cell::Number(Decimal::from(n))),
        ]);
    }
    sheet
}

/// The register's links, newest first, and a way to add one.
pub struct UseRegister {
    pub links: Rc<Vec<String>>,
    pub on_add: Callback<String>,
    /// Links from a team's files, oldest first (`team`).
    pub on_merge: Callback<Vec<String>>,
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
    // A colleague's links, oldest first: stored in that order after this device's own.
    let on_merge = {
        let links = links.clone();
        Callback::from(move |added: Vec<String>| {
            let mut newer: Vec<String> = added.iter().rev().cloned().collect();
            newer.extend(links.iter().cloned());
            links.set(Rc::new(newer));
            yew::platform::spawn_local(async move {
                for link in added {
                    store::add(store::REGISTER, &link.into()).await;
                }
            });
        })
    };
    UseRegister {
        links: (*links).clone(),
        on_add,
        on_merge,
    }
}

#[derive(Properties, PartialEq)]
pub struct RegisterProps {
    pub lang: Lang,
    pub catalogue: Static<Catalogue>,
    pub today: Today,
    /// Newest first.
    pub links: Rc<Vec<String>>,
    /// The acceptances recorded on this device.
    pub accepted: Rc<Vec<super::acceptance::Accepted>>,
    pub on_merge: Callback<Vec<String>>,
    pub on_accepted: Callback<Vec<super::acceptance::Accepted>>,
    /// "Revise" on an entry: its link.
    pub on_revise: Callback<String>,
}

#[component]
pub fn Register(props: &RegisterProps) -> Html {
    let RegisterProps {
        lang,
        catalogue,
        today,
        links,
        accepted,
        on_merge,
        on_accepted,
        on_revise,
    } = props;
    let (lang, texts) = (*lang, ConsoleTexts::of(*lang));
    let query = use_state_eq(String::new);
    // Quotations signed by salespeople the roster certified: their certificates are read once,
    // and the rows made again with them.
    let certified = use_state_eq(|| 0usize);
    {
        let (certified, catalogue) = (certified.setter(), *catalogue);
        use_effect_with(links.clone(), move |links| {
            let keys: Vec<String> = links
                .iter()
                .filter_map(|l| link::decode(l, catalogue.0).ok()?.seal)
                .map(|seal| seal.key)
                .filter(|key| provider().key(key).is_none() && staff::met(key).is_none())
                .collect();
            if provider().root.is_some() && !keys.is_empty() {
                spawn_local(async move {
                    for key in keys {
                        let _ = staff::certified_staff(&key).await;
                    }
                    certified.set(staff::met_count());
                });
            }
        });
    }
    let date =
        |day: Option<crate::calendar::Date>| day.map_or_else(String::new, |d| format_date(d, lang));
    let standing = |standing: Standing| match standing {
        Standing::Valid => texts.standing_valid,
        Standing::Expired => texts.standing_expired,
        _ => texts.standing_void,
    };
    let rows = use_memo(
        (
            links.clone(),
            accepted.clone(),
            *catalogue,
            *today,
            *certified,
        ),
        |(links, accepted, catalogue, today, _)| {
            links
                .iter()
                .filter_map(|l| {
                    let r = row(l, catalogue.0, *today)?;
                    let accepted = accepted.iter().find(|a| a.number == r.number).cloned();
                    // A quotation of options accepted in one: its figures are that option's.
                    let chosen = accepted
                        .as_ref()
                        .and_then(|a| a.option)
                        .and_then(|n| row(&link::with_option(l, n), catalogue.0, *today));
                    Some(match chosen {
                        Some(c) => Row {
                            accepted,
                            monthly: c.monthly,
                            contract: c.contract,
                            currency: c.currency,
                            ..r
                        },
                        None => Row { accepted, ..r },
                    })
                })
                .collect::<Vec<_>>()
        },
    );
    let mut shown: Vec<Row> = rows
        .iter()
        .filter(|r| matches(r, &query))
        .cloned()
        .collect();
    // Newest first by the day issued: a team's files come in any order.
    shown.sort_by_key(|r| std::cmp::Reverse(r.issued));
    // A quotation a later revision in the register replaced.
    let numbers: Vec<&str> = rows.iter().map(|r| r.number.as_str()).collect();
    for row in &mut shown {
        row.superseded =
            crate::quote::later_revision(&row.number, numbers.iter().copied()).is_some();
    }
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
                utf8_percent_encode(&sheet(&shown, lang).write(lang), NON_ALPHANUMERIC)
            );
            e.target_unchecked_into::<HtmlAnchorElement>()
                .set_href(&href);
        })
    };
    // It looks and is announced as a button: Space presses it too, as it does a button.
    let press_with_space = Callback::from(|e: KeyboardEvent| {
        if e.key() == " " {
            e.prevent_default();
            e.target_unchecked_into::<HtmlElement>().click();
        }
    });
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
                        <th scope="col">{ texts.column_salesperson }</th>
                        <th scope="col">{ texts.column_issued }</th>
                        <th scope="col">{ texts.column_until }</th>
                        <th scope="col">{ texts.column_discount }</th>
                        <th scope="col">{ texts.column_standing }</th>
                        <th scope="col">{ texts.column_accepted }</th>
                        <th scope="col">{ texts.column_monthly }</th>
                        <th scope="col">{ texts.column_link }</th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|r| html! {
                            <tr key={r.link.clone()} data-testid="register-row">
                                <th scope="row">{ &r.number }</th>
                                <td>{ &r.client }</td>
                                <td data-testid="register-salesperson">{ &r.salesperson }</td>
                                <td>{ date(r.issued) }</td>
                                <td>{ date(r.until) }</td>
                                <td data-testid="register-discount">
                                    { r.discount.or(r.asked).map(|d| format_percent(d, lang)).unwrap_or_default() }
                                    if let Some(approval) = &r.approval {
                                        <span class="approval" data-testid="register-approval" data-state={if approval.is_some() { "approved" } else { "awaiting" }}>
                                            { match approval {
                                                Some((name, on)) => approved_cell(name, *on, lang),
                                                None => ApprovalTexts::of(lang).awaiting.to_owned(),
                                            } }
                                        </span>
                                    }
                                </td>
                                if r.superseded {
                                    <td data-standing="superseded">{ texts.standing_superseded }</td>
                                } else {
                                    <td data-standing={r.standing.code()}>{ standing(r.standing) }</td>
                                }
                                <td data-testid="register-accepted">{ r.accepted.as_ref().map(|a| accepted_cell(a.on, a.option, lang)).unwrap_or_default() }</td>
                                <td>{ format_money(r.monthly, r.currency, lang) }</td>
                                <td class="row-actions">
                                    <a href={r.link.clone()} target="_blank" rel="noopener">{ texts.open_link }</a>
                                    <button type="button" class="link-button" data-testid="register-revise"
                                        aria-label={revise_label(&r.number, lang)}
                                        onclick={let (on_revise, link) = (on_revise.clone(), r.link.clone()); Callback::from(move |_| on_revise.emit(link.clone()))}>
                                        { texts.revise }
                                    </button>
                                </td>
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
                <a class="button" role="button" data-testid="register-csv" href="#" download="penawaran.csv"
                    onclick={on_csv} onkeydown={press_with_space}>{ texts.download_csv }</a>
            </div>
            <super::team::TeamFiles {lang} catalogue={*catalogue} links={links.clone()} accepted={accepted.clone()}
                on_links={on_merge.clone()} on_accepted={on_accepted.clone()} />
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;
    use crate::estimate::{ActivityRequest, Request, estimate};
    use crate::link::{self, Contents, QuoteDetails};
    use crate::signature::native;
    use crate::tariff::catalogue;
    use rust_decimal_macros::dec;

    fn day(text: &str) -> Today {
        Today(Date::parse(text).expect("a date"))
    }

    /// A quotation for the starting accounting volumes, signed with the demo key on 28 November
    /// 2026, and its monthly total worked out by the engine with the discount.
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
            options: Vec::new(),
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
        let jwk = include_str!("../../../tests/fixtures/demo-key.jwk");
        let key = native::signing_key(jwk).expect("the demo key");
        let signable = link::signable(&contents, tariff, "SD-14cd3d");
        let sealed = link::sealed(&signable, &native::sign(&key, &signable));
        (
            format!("https://nusa-layanan.example/biaya/#{sealed}"),
            monthly,
        )
    }

    #[test]
    fn a_row_is_the_document_its_link_makes_discount_applied() {
        let (link, monthly) = issued("PT Maju; Jaya", "NLY/SD/2026/11/0001", Some(dec!(0.05)));
        let (_, list) = issued("PT Maju; Jaya", "NLY/SD/2026/11/0001", None);
        let catalogue = catalogue().expect("valid");
        let row = row(&link, catalogue, day("2026-12-01")).expect("a row");
        assert_eq!(row.number, "NLY/SD/2026/11/0001");
        assert_eq!(row.salesperson, "Sari Dewi");
        assert_eq!(row.issued, Date::parse("2026-11-28"));
        assert_eq!(row.until, Date::parse("2026-12-28"));
        assert_eq!(row.standing, Standing::Valid);
        assert_eq!(row.discount, Some(dec!(0.05)));
        assert_eq!(row.monthly, monthly);
        assert!(monthly < list, "the discount is in the register's figure");
        assert_eq!(
            crate::ui::console::entries::number(&link, catalogue).as_deref(),
            Some("NLY/SD/2026/11/0001")
        );
        assert_eq!(
            crate::ui::console::entries::number("https://nusa-layanan.example/biaya/", catalogue),
            None
        );
        assert!(matches(&row, "maju"));
        assert!(matches(&row, "/0001"));
        assert!(!matches(&row, "Sentosa"));
        // The day after its last day, the same link reads expired, as on the client's page.
        let later = super::row(&link, catalogue, day("2026-12-29")).expect("a row");
        assert_eq!(later.standing, Standing::Expired);
    }

    #[test]
    fn the_csv_opens_in_columns_and_a_formula_stays_a_name() {
        let (link, monthly) = issued("=HYPERLINK(\"x\")", "NLY/SD/2026/11/0001", None);
        let rows = vec![row(&link, catalogue().expect("valid"), day("2026-12-01")).expect("a row")];
        for (lang, decimal) in [(Lang::Id, ','), (Lang::En, '.')] {
            let text = sheet(&rows, lang).write(lang);
            let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
            assert_eq!(lines[0], "sep=;");
            assert_eq!(lines.len(), 3);
            // Fourteen columns, the acceptance's day, the approval and the option accepted
            // among them.
            assert_eq!(lines[1].matches("\";\"").count(), 13, "{}", lines[1]);
            assert!(
                lines[2].starts_with(
                    "\"NLY/SD/2026/11/0001\";\"'=HYPERLINK(\"\"x\"\")\";\"Sari Dewi\";"
                ),
                "{}",
                lines[2]
            );
            let amount = monthly.to_string().replace('.', &decimal.to_string());
            assert!(
                lines[2].contains(&format!(";\"{amount}\";")),
                "{}",
                lines[2]
            );
        }
    }
}
