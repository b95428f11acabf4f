//! The page in a real browser (headless Chromium through wasm-bindgen-test): a visitor's clicks
//! and keystrokes, checked against the figures the engine gives for the same request.
//! Run by `.ci/test`; by hand: `cargo test --target wasm32-unknown-unknown --test browser` with
//! the runner variables `.ci/test` sets.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use biaya_bpo::estimate::{ActivityRequest, Estimate, Request, estimate};
use biaya_bpo::i18n::{Lang, format_money, quantity_error};
use biaya_bpo::money::Currency;
use biaya_bpo::quantity::QuantityError;
use biaya_bpo::tariff::{Tariff, catalogue};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const FIGURES: [&str; 8] = [
    "total-one-time",
    "total-monthly",
    "total-first-year",
    "total-contract",
    "inhouse-monthly",
    "saving-monthly",
    "range-monthly-low",
    "range-monthly-high",
];

fn tariff() -> &'static Tariff {
    catalogue().expect("the bundled tariffs are valid").latest()
}

/// The page mounted in an element of its own, as a visitor would find it.
struct Page {
    root: Element,
}

async fn settle() {
    // Yew renders on its scheduler: let it run.
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}

impl Page {
    async fn open(lang: Option<&str>) -> Self {
        let window = gloo::utils::window();
        let storage = window.local_storage().ok().flatten().expect("storage");
        match lang {
            Some(code) => storage.set_item("biaya-bpo.lang", code).expect("set"),
            None => storage.remove_item("biaya-bpo.lang").expect("remove"),
        }
        let document = gloo::utils::document();
        let root = document.create_element("div").expect("div");
        document
            .body()
            .expect("body")
            .append_child(&root)
            .expect("append");
        biaya_bpo::ui::mount(root.clone());
        settle().await;
        Self { root }
    }

    fn find(&self, testid: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("[data-testid=\"{testid}\"]"))
            .expect("a valid selector")
    }

    fn get(&self, testid: &str) -> Element {
        self.find(testid)
            .unwrap_or_else(|| panic!("no element with data-testid {testid}"))
    }

    fn text(&self, testid: &str) -> String {
        self.get(testid).text_content().unwrap_or_default()
    }

    fn value(&self, testid: &str) -> String {
        self.get(testid)
            .unchecked_into::<HtmlInputElement>()
            .value()
    }

    fn fire(element: &Element, kind: &str) {
        let init = EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict(kind, &init).expect("event");
        element.dispatch_event(&event).expect("dispatch");
    }

    async fn click(&self, testid: &str) {
        self.get(testid)
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
        settle().await;
    }

    /// Replaces the field's text, as typing over it would.
    async fn type_in(&self, testid: &str, text: &str) {
        let input = self.get(testid);
        input
            .clone()
            .unchecked_into::<HtmlInputElement>()
            .set_value(text);
        Self::fire(&input, "input");
        settle().await;
    }

    async fn choose(&self, testid: &str, value: &str) {
        let select = self.get(testid);
        select
            .clone()
            .unchecked_into::<HtmlSelectElement>()
            .set_value(value);
        Self::fire(&select, "change");
        settle().await;
    }

    fn figures(&self) -> Vec<String> {
        FIGURES.iter().map(|id| self.text(id)).collect()
    }

    /// Every figure on the page is what the engine gives, formatted for the visitor.
    fn shows(&self, expected: &Estimate, lang: Lang) {
        let money = |amount| format_money(amount, expected.currency, lang);
        let want = [
            money(expected.totals.one_time),
            money(expected.totals.monthly),
            money(expected.totals.first_year),
            money(expected.totals.contract),
            money(expected.in_house.monthly),
            money(expected.saving.monthly),
            money(expected.range.low),
            money(expected.range.high),
        ];
        assert_eq!(self.figures(), want);
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// The engine's estimate for these activities with their starting volumes, adjusted by `edit`.
fn engine(activities: &[&str], edit: impl FnOnce(&mut Request)) -> Estimate {
    let t = tariff();
    let mut request = Request::starter(t);
    request.activities = activities
        .iter()
        .map(|id| ActivityRequest::starter(t.activity(id).expect(id)))
        .collect();
    edit(&mut request);
    estimate(t, &request).expect("the request is valid")
}

fn volume(request: &mut Request, activity: &str, unit: &str, quantity: u64) {
    let wanted = request
        .activities
        .iter_mut()
        .find(|a| a.activity == activity)
        .expect("chosen");
    wanted.volumes.insert(unit.into(), quantity);
}

#[test]
async fn each_activity_chosen_shows_the_engines_figures() {
    let page = Page::open(Some("en")).await;
    assert_eq!(page.text("total-monthly"), "IDR 0");
    let mut chosen = Vec::new();
    for id in ["call-centre", "accounting", "fulfilment", "sales"] {
        page.click(&format!("activity-{id}")).await;
        chosen.push(id);
        page.shows(&engine(&chosen, |_| ()), Lang::En);
    }
    // Unchoosing one takes it off the bill.
    page.click("activity-accounting").await;
    page.shows(
        &engine(&["call-centre", "fulfilment", "sales"], |_| ()),
        Lang::En,
    );
}

#[test]
async fn typing_a_volume_updates_every_figure() {
    let page = Page::open(Some("en")).await;
    for id in ["call-centre", "accounting", "fulfilment", "sales"] {
        page.click(&format!("activity-{id}")).await;
    }
    let all = ["call-centre", "accounting", "fulfilment", "sales"];
    let before = page.figures();
    page.type_in("input-call-centre-minutes", "60,000").await;
    page.type_in("input-accounting-invoices", "2500").await;
    page.type_in("input-fulfilment-orders", "12 000").await;
    page.type_in("input-sales-appointments", "75").await;
    // Three years, so the contract total differs from the first year.
    page.choose("term", "36m").await;
    let expected = engine(&all, |r| {
        r.term = "36m".into();
        volume(r, "call-centre", "minutes", 60_000);
        volume(r, "accounting", "invoices", 2_500);
        volume(r, "fulfilment", "orders", 12_000);
        volume(r, "sales", "appointments", 75);
    });
    page.shows(&expected, Lang::En);
    assert_ne!(page.figures(), before);
    // The text stays as typed.
    assert_eq!(page.value("input-fulfilment-orders"), "12 000");
}

#[test]
async fn currency_and_language_switch_the_figures_and_the_words() {
    let page = Page::open(Some("en")).await;
    page.click("activity-sales").await;
    page.type_in("input-sales-appointments", "1,200").await;
    page.choose("currency", "USD").await;
    let expected = engine(&["sales"], |r| {
        volume(r, "sales", "appointments", 1_200);
        r.currency = Currency::Usd;
    });
    page.shows(&expected, Lang::En);
    assert!(page.text("total-monthly").starts_with("USD "));

    page.choose("language", "id").await;
    page.shows(&expected, Lang::Id);
    assert_eq!(page.value("input-sales-appointments"), "1.200");
    let labels = page.root.text_content().unwrap_or_default();
    assert!(
        labels.contains("Per bulan") && labels.contains("Tahun pertama"),
        "{labels}"
    );
    let html_lang = gloo::utils::document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"));
    assert_eq!(html_lang.as_deref(), Some("id"));

    page.choose("currency", "IDR").await;
    let rupiah = page.text("total-monthly");
    assert!(
        rupiah.starts_with("Rp ") && rupiah.contains('.'),
        "{rupiah}"
    );
}

#[test]
async fn bad_input_shows_a_message_and_keeps_the_last_total() {
    let page = Page::open(Some("en")).await;
    page.click("activity-fulfilment").await;
    page.type_in("input-fulfilment-orders", "8,000").await;
    let good = engine(&["fulfilment"], |r| {
        volume(r, "fulfilment", "orders", 8_000)
    });
    page.shows(&good, Lang::En);
    assert!(page.find("error-input-fulfilment-orders").is_none());

    let max = 10_000_000;
    for (text, error) in [
        ("", QuantityError::Empty),
        ("-40", QuantityError::Negative),
        ("abc", QuantityError::NotANumber),
        ("8.5", QuantityError::NotWhole),
        ("10,000,001", QuantityError::TooLarge { max }),
    ] {
        page.type_in("input-fulfilment-orders", text).await;
        assert_eq!(
            page.text("error-input-fulfilment-orders"),
            quantity_error(error, Lang::En),
            "{text:?}"
        );
        assert_eq!(
            page.value("input-fulfilment-orders"),
            text,
            "what was typed stays"
        );
        page.shows(&good, Lang::En);
        let field = page.get("input-fulfilment-orders");
        assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    }

    // In Indonesian the message is Indonesian.
    page.choose("language", "id").await;
    assert_eq!(
        page.text("error-input-fulfilment-orders"),
        "Paling banyak 10.000.000."
    );
    page.choose("language", "en").await;

    page.type_in("input-fulfilment-orders", "9,000").await;
    assert!(page.find("error-input-fulfilment-orders").is_none());
    page.shows(
        &engine(&["fulfilment"], |r| {
            volume(r, "fulfilment", "orders", 9_000)
        }),
        Lang::En,
    );
}

#[test]
async fn a_site_that_cannot_deliver_says_why_and_keeps_the_estimate() {
    let page = Page::open(Some("en")).await;
    page.click("activity-fulfilment").await;
    let before = page.figures();
    page.choose("site", "manila").await;
    let message = page.text("error-site");
    assert!(
        message.contains("Retail fulfilment") && message.contains("Jakarta"),
        "{message}"
    );
    assert_eq!(page.figures(), before);
    page.choose("site", "yogyakarta").await;
    assert!(page.find("error-site").is_none());
    page.shows(
        &engine(&["fulfilment"], |r| r.site = "yogyakarta".into()),
        Lang::En,
    );
}

#[test]
async fn the_first_visit_follows_the_browser_and_the_choice_is_remembered() {
    let first = Page::open(None).await;
    let languages: Vec<String> = gloo::utils::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    let browser = Lang::from_preferences(languages.iter().map(String::as_str));
    assert_eq!(
        first
            .get("language")
            .unchecked_into::<HtmlSelectElement>()
            .value(),
        browser.code()
    );
    let other = if browser == Lang::Id { "en" } else { "id" };
    first.choose("language", other).await;
    drop(first);

    let storage = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .expect("storage");
    assert_eq!(
        storage.get_item("biaya-bpo.lang").ok().flatten().as_deref(),
        Some(other)
    );
    // Mount again without touching storage: the choice is back.
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    biaya_bpo::ui::mount(root.clone());
    settle().await;
    let again = Page { root };
    assert_eq!(
        again
            .get("language")
            .unchecked_into::<HtmlSelectElement>()
            .value(),
        other
    );
}
