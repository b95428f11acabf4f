//! The team's register, from files: each salesperson exports their register (the links they
//! issued and the acceptances they recorded) as a JSON file; a manager imports the team's files
//! into their console and sees every quotation in one register. No server: the files go by
//! whatever the team already uses. Merged by quotation number: a link already there is not added
//! twice, and a number that names another quotation is kept as it was and said.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlAnchorElement, HtmlInputElement};
use yew::prelude::*;

use super::acceptance::Accepted;
use super::entries;
use crate::i18n::{ConsoleTexts, Lang, team_imported};
use crate::provider::provider;
use crate::tariff::Catalogue;
use crate::ui::Static;

/// Written in the file, and required of a file read.
const FORMAT: &str = "biaya-register-1";

/// What an import adds to a register.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Links new to the register, in the file's order.
    pub added: Vec<String>,
    /// Links the register already holds.
    pub already: usize,
    /// Numbers the register holds for another quotation: kept as they were.
    pub conflicting: Vec<String>,
    /// Links that do not read as one of this release's quotations.
    pub unreadable: usize,
}

/// Merges the links `imported` into `own`, by quotation number.
#[must_use]
pub fn merge(own: &[String], imported: &[String], catalogue: &Catalogue) -> Merged {
    let mut merged = Merged::default();
    let mut numbers: Vec<(String, &str)> = own
        .iter()
        .filter_map(|l| Some((entries::number(l, catalogue)?, l.as_str())))
        .collect();
    for link in imported {
        let Some(number) = entries::number(link, catalogue) else {
            merged.unreadable += 1;
            continue;
        };
        let held: Vec<&str> = numbers
            .iter()
            .filter(|(n, _)| *n == number)
            .map(|(_, l)| *l)
            .collect();
        // The same quotation: as held, or its request for approval where the approved link is
        // held. The approved link of a request held joins it (`entries::current`).
        if held
            .iter()
            .any(|h| *h == link.as_str() || entries::approves(h, link))
        {
            merged.already += 1;
        } else if held.is_empty() || held.iter().all(|h| entries::approves(link, h)) {
            merged.added.push(link.clone());
            numbers.push((number, link.as_str()));
        } else {
            merged.conflicting.push(number);
        }
    }
    merged
}

/// The register as a file: its links, oldest first, and its acceptances.
fn export(links: &[String], accepted: &[Accepted]) -> Option<String> {
    let file = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        js_sys::Reflect::set(&file, &JsValue::from_str(name), value).is_ok()
    };
    let strings = |texts: &mut dyn Iterator<Item = String>| {
        texts
            .map(|t| JsValue::from_str(&t))
            .collect::<js_sys::Array>()
    };
    let written = set("format", &FORMAT.into())
        && set("provider", &JsValue::from_str(&provider().quote_prefix))
        && set("links", &strings(&mut links.iter().rev().cloned()))
        && set(
            "accepted",
            &strings(&mut accepted.iter().map(Accepted::stored)),
        );
    written.then_some(())?;
    js_sys::JSON::stringify_with_replacer_and_space(&file, &JsValue::NULL, &JsValue::from(1))
        .ok()?
        .as_string()
}

/// What a file holds: its links and acceptances, where it is a register of this provider's.
fn read(text: &str) -> Option<(Vec<String>, Vec<Accepted>)> {
    let file = js_sys::JSON::parse(text).ok()?;
    let member = |name: &str| js_sys::Reflect::get(&file, &JsValue::from_str(name)).ok();
    let text_of = |name: &str| member(name).and_then(|v| v.as_string());
    if text_of("format").as_deref() != Some(FORMAT)
        || text_of("provider").as_deref() != Some(&*provider().quote_prefix)
    {
        return None;
    }
    let strings = |name: &str| -> Vec<String> {
        member(name)
            .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
            .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default()
    };
    let accepted = strings("accepted")
        .iter()
        .filter_map(|t| Accepted::read(t))
        .collect();
    Some((strings("links"), accepted))
}

#[derive(Properties, PartialEq)]
pub struct TeamFilesProps {
    pub lang: Lang,
    pub catalogue: Static<Catalogue>,
    /// Newest first.
    pub links: Rc<Vec<String>>,
    pub accepted: Rc<Vec<Accepted>>,
    /// Adds links to the register, oldest first.
    pub on_links: Callback<Vec<String>>,
    pub on_accepted: Callback<Vec<Accepted>>,
}

/// "Export the register" and "Import a register", with what an import did.
#[component]
pub fn TeamFiles(props: &TeamFilesProps) -> Html {
    let TeamFilesProps {
        lang,
        catalogue,
        links,
        accepted,
        on_links,
        on_accepted,
    } = props;
    let (lang, texts) = (*lang, ConsoleTexts::of(*lang));
    let said = use_state_eq(String::new);
    // The file is made when asked for, from the register as it is.
    let on_export = {
        let (links, accepted) = (links.clone(), accepted.clone());
        Callback::from(move |e: MouseEvent| {
            let json = export(&links, &accepted).unwrap_or_default();
            let href = format!(
                "data:application/json;charset=utf-8,{}",
                js_sys::encode_uri_component(&json)
            );
            e.target_unchecked_into::<HtmlAnchorElement>()
                .set_href(&href);
        })
    };
    let on_import = {
        let (links, accepted, catalogue) = (links.clone(), accepted.clone(), *catalogue);
        let (on_links, on_accepted, said) = (on_links.clone(), on_accepted.clone(), said.setter());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let files: Vec<web_sys::File> = input
                .files()
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            input.set_value("");
            let (links, accepted) = (links.clone(), accepted.clone());
            let (on_links, on_accepted, said) =
                (on_links.clone(), on_accepted.clone(), said.clone());
            yew::platform::spawn_local(async move {
                let mut own: Vec<String> = links.iter().rev().cloned().collect();
                let mut total = Merged::default();
                let mut refused = 0;
                let mut acceptances = Vec::new();
                for file in files {
                    let text = JsFuture::from(file.text())
                        .await
                        .ok()
                        .and_then(|t| t.as_string());
                    let Some((imported, recorded)) = text.as_deref().and_then(read) else {
                        refused += 1;
                        continue;
                    };
                    let merged = merge(&own, &imported, catalogue.0);
                    own.extend(merged.added.iter().cloned());
                    total.added.extend(merged.added);
                    total.already += merged.already;
                    total.conflicting.extend(merged.conflicting);
                    total.unreadable += merged.unreadable;
                    acceptances.extend(
                        recorded
                            .into_iter()
                            .filter(|a| !accepted.iter().any(|b| b.number == a.number)),
                    );
                }
                said.set(team_imported(
                    total.added.len(),
                    total.already,
                    &total.conflicting,
                    total.unreadable + refused,
                    lang,
                ));
                if !total.added.is_empty() {
                    on_links.emit(total.added);
                }
                if !acceptances.is_empty() {
                    on_accepted.emit(acceptances);
                }
            });
        })
    };
    html! {
        <div class="team-files">
            <a class="button" role="button" data-testid="register-export" href="#"
                download={format!("register-{}.json", provider().quote_prefix.to_lowercase())}
                onclick={on_export}>{ texts.export_register }</a>
            <div class="field">
                <label for="register-import">{ texts.import_register }</label>
                <input id="register-import" data-testid="register-import" type="file" multiple=true
                    accept=".json,application/json" onchange={on_import}
                    aria-describedby="register-import-said" />
            </div>
            <p id="register-import-said" data-testid="register-import-said" role="status">{ (*said).clone() }</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tariff::catalogue;

    const SIGNED: &str = include_str!("../../../tests/fixtures/signed-natively.txt");
    const AT_0630: &str = include_str!("../../../tests/fixtures/signed-0630-wib.txt");

    #[test]
    fn a_teams_files_merge_by_number_without_duplicates() {
        let catalogue = catalogue().expect("valid");
        let (sari, other) = (SIGNED.trim().to_owned(), AT_0630.trim().to_owned());
        // The manager holds Sari's quotation; the file holds it again, and the other one.
        let merged = merge(
            std::slice::from_ref(&sari),
            &[sari.clone(), other.clone()],
            catalogue,
        );
        assert_eq!(merged.added, vec![other.clone()]);
        assert_eq!(merged.already, 1);
        assert!(merged.conflicting.is_empty());
        // The same number for another quotation (its client changed, so its link too): kept as
        // it was, and named.
        let changed = sari.replacen("PT%20Maju%20Jaya", "PT%20Lain", 1);
        let merged = merge(std::slice::from_ref(&sari), &[changed], catalogue);
        assert!(merged.added.is_empty());
        assert_eq!(merged.conflicting, vec!["NLY/SD/2026/11/0001".to_owned()]);
        // A file's own repeats are one quotation; a text that is no link is counted apart.
        let merged = merge(
            &[],
            &[other.clone(), other.clone(), "hello".into()],
            catalogue,
        );
        assert_eq!(merged.added, vec![other]);
        assert_eq!(merged.already, 1);
        assert_eq!(merged.unreadable, 1);
    }

    #[test]
    fn a_request_and_its_approval_merge_as_one_quotation() {
        let catalogue = catalogue().expect("valid");
        let request = SIGNED.trim().to_owned();
        // What an approval adds after the signature (its own signature is not read here).
        let approved = format!("{request}&ok=SD-14cd3d&okd=2026-12-08&osig=AAAA");
        assert!(entries::approves(&approved, &request));
        assert!(!entries::approves(&request, &approved));
        // The salesperson's file holds the request; the approval joins it, and the register
        // shows the approved link alone.
        let merged = merge(
            std::slice::from_ref(&request),
            std::slice::from_ref(&approved),
            catalogue,
        );
        assert_eq!(merged.added, vec![approved.clone()]);
        assert!(merged.conflicting.is_empty());
        assert_eq!(
            entries::current(&[approved.clone(), request.clone()]),
            vec![approved.clone()]
        );
        // Held approved, the request again adds nothing.
        let merged = merge(
            std::slice::from_ref(&approved),
            std::slice::from_ref(&request),
            catalogue,
        );
        assert!(merged.added.is_empty());
        assert_eq!(merged.already, 1);
    }
}
