//! The page in a real browser (headless Chromium through wasm-bindgen-test): a visitor's clicks
//! and keystrokes, checked against the figures the engine gives for the same request.
//! Run by `.ci/test`; by hand: `cargo test --target wasm32-unknown-unknown --test browser` with
//! the runner variables `.ci/test` sets.
#![cfg(target_arch = "wasm32")]

mod support;

use std::time::Duration;

use biaya_bpo::calendar::Date;
use biaya_bpo::estimate::{ActivityRequest, Estimate, Request, estimate};
use biaya_bpo::i18n::{Lang, Texts, format_money, quantity_error};
use biaya_bpo::link::{self, Contents, QuoteDetails};
use biaya_bpo::money::Currency;
use biaya_bpo::quantity::QuantityError;
use biaya_bpo::tariff::{Catalogue, Tariff, catalogue};
use support::{Clock, Testids, address, csv_rows, fire, painted, settle, storage, until};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

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

thread_local! {
    /// The pages mounted and not yet dropped. A test that fails never drops its page: the next
    /// visit takes it down, so one failure does not fail every test after it.
    static MOUNTED: std::cell::RefCell<Vec<(Element, biaya_bpo::ui::Mounted)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn unmount_where(keep: impl Fn(&Element) -> bool) {
    let gone: Vec<_> = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let (kept, gone) = mounted.drain(..).partition(|(root, _)| keep(root));
        *mounted = kept;
        gone
    });
    for (root, mounted) in gone {
        mounted.unmount();
        root.remove();
    }
}

/// Waits until the address bar holds the page's link: written a moment after the last
/// keystroke.
async fn written(page: &Page) {
    until("the address bar to follow the estimate", || {
        page.find("share-link")
            .and_then(|e| e.text_content())
            .is_some_and(|link| link.ends_with(&format!("#{}", address_now())))
    })
    .await;
}

/// Waits until the visitor's stored draft holds the page's link.
async fn stored(page: &Page) {
    until("the draft to be stored", || {
        let draft = storage().get_item("biaya-bpo.draft").ok().flatten();
        page.find("share-link")
            .and_then(|e| e.text_content())
            .zip(draft)
            .is_some_and(|(link, draft)| link.ends_with(&format!("#{draft}")))
    })
    .await;
}

fn address_now() -> String {
    let hash = gloo::utils::window().location().hash().expect("hash");
    hash.trim_start_matches('#').to_owned()
}

impl Page {
    /// A first visit: no draft, no link, the language given (or the browser's).
    async fn open(lang: Option<&str>) -> Self {
        storage().remove_item("biaya-bpo.draft").expect("remove");
        address("");
        Self::visit(lang, None).await
    }

    /// A visit as the browser stands, with the language preference set.
    async fn visit(lang: Option<&str>, catalogue: Option<&'static Catalogue>) -> Self {
        match lang {
            Some(code) => storage().set_item("biaya-bpo.lang", code).expect("set"),
            None => storage().remove_item("biaya-bpo.lang").expect("remove"),
        }
        // Tests open one page at a time: any other is what a failed test left.
        unmount_where(|_| false);
        let document = gloo::utils::document();
        let root = document.create_element("div").expect("div");
        document
            .body()
            .expect("body")
            .append_child(&root)
            .expect("append");
        let mounted = match catalogue {
            Some(catalogue) => biaya_bpo::ui::mount_with(root.clone(), catalogue),
            None => biaya_bpo::ui::mount(root.clone()),
        };
        if let Some(mounted) = mounted {
            MOUNTED.with(|m| m.borrow_mut().push((root.clone(), mounted)));
        }
        settle().await;
        painted(&root).await;
        Self { root }
    }

    async fn choose(&self, testid: &str, value: &str) {
        let select = self.get(testid);
        select
            .clone()
            .unchecked_into::<HtmlSelectElement>()
            .set_value(value);
        fire(&select, "change");
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
            // Named as a saving or as costing more: never a negative saving.
            money(expected.saving.monthly.abs()),
            money(expected.range.low),
            money(expected.range.high),
        ];
        assert_eq!(self.figures(), want);
    }
}

impl Testids for Page {
    fn root(&self) -> &Element {
        &self.root
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        unmount_where(|root| *root != self.root);
        self.root.remove();
    }
}

/// The request for these activities with their starting volumes, adjusted by `edit`.
fn engine_request(activities: &[&str], edit: impl FnOnce(&mut Request)) -> Request {
    let t = tariff();
    let mut request = Request::starter(t);
    request.activities = activities
        .iter()
        .map(|id| ActivityRequest::starter(t.activity(id).expect(id)))
        .collect();
    edit(&mut request);
    request
}

/// The engine's estimate for that request.
fn engine(activities: &[&str], edit: impl FnOnce(&mut Request)) -> Estimate {
    estimate(tariff(), &engine_request(activities, edit)).expect("the request is valid")
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
    // Nothing chosen: an invitation, no page of zeros to share or print.
    assert!(page.text("empty-invitation").contains("Choose"));
    assert!(page.find("total-monthly").is_none());
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
async fn the_charts_the_breakdown_and_the_method_follow_the_totals() {
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    page.click("activity-sales").await;
    page.shows(&engine(&["call-centre", "sales"], |_| ()), Lang::En);
    // They are drawn after the first paint of the totals.
    until("the method after the first paint", || {
        page.find("method").is_some()
    })
    .await;
    until("the curves, drawn in the task after the totals", || {
        page.find("curve-sales").is_some()
    })
    .await;
    for testid in [
        "chart-contributions",
        "curve-call-centre",
        "curve-sales",
        "estimate-call-centre",
        "estimate-sales",
        "method",
    ] {
        assert!(page.find(testid).is_some(), "no {testid} on the page");
    }
    assert!(
        page.find("curve-accounting").is_none(),
        "only what is chosen"
    );
    // The curve is drawn once its width is known, and says what its axis counts and what moves
    // with it.
    until("the sales curve drawn at its width", || {
        page.get("curve-sales")
            .query_selector("svg.curve")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    let note = || {
        page.get("curve-sales")
            .query_selector(".axis-note")
            .ok()
            .flatten()
            .and_then(|n| n.text_content())
            .unwrap_or_default()
    };
    assert_eq!(
        note(),
        "Along the bottom: qualified appointments. The activity's other volumes follow in proportion."
    );
    page.type_in("input-sales-reps", "2").await;
    until("the dedicated reps named as staying", || {
        note().ends_with("Dedicated staff stay as chosen.")
    })
    .await;
    // One activity's share of its own bill says nothing.
    page.click("activity-call-centre").await;
    assert!(
        page.find("chart-contributions").is_none(),
        "a share-of-the-bill chart for one activity"
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

    assert_eq!(
        storage()
            .get_item("biaya-bpo.lang")
            .ok()
            .flatten()
            .as_deref(),
        Some(other)
    );
    // Mount again with the stored preference untouched: the choice is back.
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    if let Some(mounted) = biaya_bpo::ui::mount(root.clone()) {
        MOUNTED.with(|m| m.borrow_mut().push((root.clone(), mounted)));
    }
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

#[test]
async fn a_copied_link_opens_the_same_estimate_in_a_fresh_page() {
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    page.click("activity-sales").await;
    page.type_in("input-call-centre-minutes", "52,000").await;
    page.click("option-call-centre-premium-qa").await;
    page.choose("currency", "USD").await;
    page.choose("term", "24m").await;
    page.click("copy-link").await;
    until("copying to say what happened", || {
        !page.text("copy-status").is_empty()
    })
    .await;
    written(&page).await;
    let shared = page.text("share-link");
    let figures = page.figures();
    // The address bar follows the estimate, replacing rather than piling up history.
    let fragment = shared.split_once('#').expect("a fragment").1.to_owned();
    assert_eq!(address_now(), fragment);
    drop(page);

    // Someone else's browser: no draft of theirs, the link in the address.
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(&fragment);
    let opened = Page::visit(Some("en"), None).await;
    assert_eq!(opened.figures(), figures);
    assert!(opened.find("link-error").is_none());
    assert!(
        opened.find("shared-notice").is_some(),
        "says the estimate came from a link"
    );
    assert_eq!(opened.value("input-call-centre-minutes"), "52,000");
}

#[test]
async fn a_tampered_link_says_what_was_dropped_and_the_page_still_works() {
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(
        "v=1&t=2026-11&s=atlantis&k=12m&c=IDR&l=id&f=30&fulfilment=3000.x.20&for=%3Cscript%3Ealert(1)%3C%2Fscript%3E&z=bad",
    );
    let page = Page::visit(Some("en"), None).await;
    let problems = page.text("link-error");
    assert!(problems.contains("changed after it was made"), "{problems}");
    assert!(problems.contains("Delivery site"), "{problems}");
    assert!(problems.contains("Retail fulfilment"), "{problems}");
    // The free text is shown as text: no element was made from it.
    assert!(
        page.root
            .text_content()
            .unwrap_or_default()
            .contains("<script>alert(1)</script>")
    );
    assert!(
        page.root
            .query_selector("script")
            .expect("selector")
            .is_none()
    );
    // What could be read is open: fulfilment at 3,000 orders from Jakarta.
    page.shows(
        &engine(&["fulfilment"], |r| {
            r.site = "jakarta".into();
            volume(r, "fulfilment", "orders", 3_000);
            volume(r, "fulfilment", "extra-items", 0);
            volume(r, "fulfilment", "pallets", 20);
            volume(r, "fulfilment", "returns", 0);
            volume(r, "fulfilment", "receiving", 0);
        }),
        Lang::En,
    );
    // It names a client, so it opens as a quotation; made the visitor's own, the page works on.
    assert!(page.find("quote-view").is_some());
    page.click("quote-edit").await;
    // The button went with the quotation's view: the focus is on the calculator's first step.
    until("the focus on the calculator", || {
        focused().is_some_and(|e| e.id() == "activities-title")
    })
    .await;
    page.click("activity-sales").await;
    assert!(page.find("total-monthly").is_some());
    drop(page);

    address("v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&fulfilment=30");
    let cut = Page::visit(Some("en"), None).await;
    assert!(cut.text("link-error").contains("cut short"));
    drop(cut);

    address("not-an-estimate");
    let page = Page::visit(Some("en"), None).await;
    assert!(page.text("link-error").contains("holds no estimate"));
    assert!(page.find("empty-invitation").is_some());
}

#[test]
async fn a_reload_finds_the_draft_and_a_shared_link_does_not_overwrite_it() {
    let page = Page::open(Some("en")).await;
    page.click("activity-accounting").await;
    page.type_in("input-accounting-invoices", "2,200").await;
    let mine = page.figures();
    stored(&page).await;
    drop(page);

    // Reload: the same address, the draft in storage.
    let reloaded = Page::visit(Some("en"), None).await;
    assert_eq!(reloaded.figures(), mine);
    assert!(reloaded.find("shared-notice").is_none());
    drop(reloaded);

    // Closing the tab and coming back without the address.
    address("");
    let back = Page::visit(Some("en"), None).await;
    assert_eq!(back.figures(), mine);
    drop(back);

    // Someone's link: shown, edited, yet the draft stays until the visitor keeps the link.
    address("v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&sales=0.25");
    let theirs = Page::visit(Some("en"), None).await;
    assert!(theirs.find("shared-notice").is_some());
    theirs.type_in("input-sales-appointments", "30").await;
    written(&theirs).await;
    theirs.click("open-draft").await;
    assert_eq!(theirs.figures(), mine, "the visitor's own draft is back");
    drop(theirs);

    address("v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&sales=0.25");
    let theirs = Page::visit(Some("en"), None).await;
    theirs.click("keep-draft").await;
    let kept = theirs.figures();
    stored(&theirs).await;
    drop(theirs);
    address("");
    let back = Page::visit(Some("en"), None).await;
    assert_eq!(back.figures(), kept);
}

#[test]
async fn an_older_tariff_keeps_its_figures_and_offers_todays_prices() {
    let old = tariff();
    let newer = Tariff::parse(include_str!("fixtures/2027-05.toml")).expect("fixture");
    let mut tariffs = catalogue().expect("valid").tariffs().to_vec();
    tariffs.push(newer);
    let later: &'static Catalogue = Box::leak(Box::new(Catalogue::new(tariffs).expect("rising")));

    let expected = engine(&["call-centre"], |r| {
        volume(r, "call-centre", "minutes", 30_000)
    });
    let shared = biaya_bpo::link::Contents {
        tariff: old.version.to_string(),
        request: engine_request(&["call-centre"], |r| {
            volume(r, "call-centre", "minutes", 30_000)
        }),
        options: Vec::new(),
        quote: biaya_bpo::link::QuoteDetails {
            issued: biaya_bpo::calendar::Date::parse("2026-01-05"),
            ..Default::default()
        },
    };
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(&biaya_bpo::link::encode(&shared, old));
    let page = Page::visit(Some("en"), Some(later)).await;
    // The same figures as when it was made, with the old tariff named.
    page.shows(&expected, Lang::En);
    let notice = page.text("tariff-notice");
    assert!(
        notice.contains("2026-11") && notice.contains("2027-05"),
        "{notice}"
    );
    assert!(page.text("quote-expired").contains("4 February 2026"));

    page.click("reprice").await;
    assert!(page.find("tariff-notice").is_none());
    let new = later.latest();
    let (request, _) = biaya_bpo::link::reprice(&shared.request, new);
    let today = estimate(new, &request).expect("prices");
    page.shows(&today, Lang::En);
    written(&page).await;
    assert!(address_now().contains("t=2027-05"));
}

#[test]
async fn printing_draws_the_qr_code_of_the_link() {
    let page = Page::open(Some("en")).await;
    page.click("activity-sales").await;
    // Printed at once after typing, before the address bar's usual moment: the code is drawn
    // from the address, so the address must already hold the new volume.
    page.type_in("input-sales-appointments", "33").await;
    let event = web_sys::Event::new("beforeprint").expect("event");
    gloo::utils::window()
        .dispatch_event(&event)
        .expect("dispatch");
    assert!(address_now().contains("&sales=0.33&"), "{}", address_now());
    let qr = gloo::utils::document()
        .get_element_by_id("print-qr")
        .expect("a QR slot");
    assert!(qr.inner_html().starts_with("<svg"), "{}", qr.inner_html());
}

/// Today on the provider's calendar, as the page reads it: quotes in these tests are dated from it.
fn today() -> Date {
    support::provider_today()
}

/// A quote for call centre and sales, issued `days` from today (negative: ago), as a link.
fn quote_link(days: i64) -> (String, Request) {
    let request = engine_request(&["call-centre", "sales"], |r| {
        volume(r, "call-centre", "minutes", 40_000)
    });
    let issued = if days >= 0 {
        today().plus_days(u32::try_from(days).expect("days"))
    } else {
        today().minus_days(u32::try_from(-days).expect("days"))
    };
    let contents = Contents {
        tariff: tariff().version.to_string(),
        request: request.clone(),
        options: Vec::new(),
        quote: QuoteDetails {
            client: "PT Maju Jaya".into(),
            preparer: "Sari Dewi".into(),
            reference: "NLY/SD/2026/11/0007".into(),
            issued,
            ..QuoteDetails::default()
        },
    };
    (link::encode(&contents, tariff()), request)
}

/// The text WhatsApp would type, read back from a `wa.me` address.
fn whatsapp_text(href: &str) -> String {
    let encoded = href.split_once("?text=").expect("a text").1;
    js_sys::decode_uri_component(encoded)
        .expect("encoded as a URI component")
        .into()
}

#[test]
async fn an_unsigned_quote_shows_its_figures_as_the_links_and_asks_for_a_signed_one() {
    let (text, request) = quote_link(0);
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(&text);
    let page = Page::visit(Some("en"), None).await;
    assert!(
        page.find("quote-view").is_some(),
        "a quotation, not the calculator"
    );
    assert!(page.find("input-call-centre-minutes").is_none());
    assert_eq!(page.text("quote-number"), "NLY/SD/2026/11/0007");
    assert_eq!(page.text("quote-client"), "PT Maju Jaya");
    // Its details are the link's words, said to be so; nobody is named as its issuer.
    assert!(
        page.text("quote-link-voice")
            .contains("not the provider's words")
    );
    assert!(page.find("quote-preparer").is_none());
    let last_day = today()
        .plus_days(tariff().quote_validity_days)
        .expect("a date");
    assert_eq!(
        page.text("quote-valid-until"),
        biaya_bpo::i18n::format_date(last_day, Lang::En)
    );
    page.shows(&estimate(tariff(), &request).expect("prices"), Lang::En);
    until("the standing from the deferred module", || {
        page.find("quote-signature").is_some()
    })
    .await;
    assert_eq!(
        page.get("quote-signature")
            .get_attribute("data-state")
            .as_deref(),
        Some("unsigned")
    );
    // Nothing to accept: anyone could have written it. Asking for a new one carries its link.
    assert!(page.find("quote-accept").is_none());
    let ask = page
        .get("quote-ask-again")
        .get_attribute("href")
        .expect("a link");
    let message = whatsapp_text(&ask);
    assert!(message.contains("NLY/SD/2026/11/0007"), "{message}");
    assert!(message.ends_with(&format!("#{text}")), "{message}");
    // On paper it says the same, in a heading, and closes in nobody's name.
    assert!(
        page.text("print-standing")
            .starts_with("NOT SIGNED: anyone could have written these figures")
    );
    assert!(page.text("print-footer").starts_with("NOT SIGNED"));
    assert_eq!(page.text("print-closing"), "");

    // Edited, it is the visitor's own: no salesperson, number or date in its link.
    page.click("quote-edit").await;
    assert!(page.find("quote-view").is_none());
    page.type_in("input-call-centre-minutes", "41,000").await;
    written(&page).await;
    let mine = address_now();
    assert!(
        !mine.contains("by=") && !mine.contains("ref=") && !mine.contains("d="),
        "{mine}"
    );
    let reopened = link::decode(&mine, catalogue().expect("valid")).expect("our link");
    assert_eq!(reopened.dropped, []);
    assert!(reopened.contents.quote.is_empty());
}

#[test]
async fn a_quote_changed_by_hand_keeps_its_warning_and_is_never_passed_on_clean() {
    let (text, _) = quote_link(0);
    let altered = text.replacen("40000", "4000", 1);
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(&altered);
    let page = Page::visit(Some("en"), None).await;
    assert!(
        page.text("link-error")
            .contains("changed after it was made")
    );
    assert!(page.find("quote-accept").is_none(), "nothing to accept");
    // Later, the address bar still holds the link exactly as it arrived.
    yew::platform::time::sleep(Duration::from_millis(300)).await;
    settle().await;
    assert_eq!(address_now(), altered);
    drop(page);
    // Reloaded, it still says so.
    let page = Page::visit(Some("en"), None).await;
    assert!(
        page.text("link-error")
            .contains("changed after it was made")
    );

    // From the first change on, the warning has done its work and the estimate is the visitor's.
    page.click("quote-edit").await;
    page.type_in("input-call-centre-minutes", "5,000").await;
    assert!(page.find("link-error").is_none());
    written(&page).await;
    let mine = page.text("share-link");
    assert!(!mine.contains("by=") && !mine.contains("ref="), "{mine}");
    let fragment = mine.split_once('#').expect("a fragment").1;
    let reopened = link::decode(fragment, catalogue().expect("valid")).expect("our link");
    assert_eq!(reopened.dropped, []);
}

#[test]
async fn an_expired_quote_edited_and_changed_back_is_not_a_renewed_quote() {
    let (text, _) = quote_link(-60);
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(&text);
    let page = Page::visit(Some("en"), None).await;
    assert!(page.find("quote-expired").is_some());
    assert!(page.find("quote-accept").is_none());
    page.click("quote-edit").await;
    page.type_in("input-call-centre-minutes", "41,000").await;
    page.type_in("input-call-centre-minutes", "40,000").await;
    assert!(page.find("quote-expired").is_none());
    assert!(page.find("quote-view").is_none());
    written(&page).await;
    let mine = address_now();
    assert!(!mine.contains("d=") && !mine.contains("by="), "{mine}");
}

#[test]
async fn a_quote_dated_in_the_future_is_reported_and_not_shown_as_valid() {
    let (text, _) = quote_link(10);
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(&text);
    let page = Page::visit(Some("en"), None).await;
    assert!(page.text("link-error").contains("after today"));
    assert!(page.find("quote-accept").is_none());
}

#[test]
async fn asking_sales_and_sharing_on_whatsapp_carry_the_same_estimate() {
    let page = Page::open(Some("en")).await;
    page.click("activity-accounting").await;
    page.type_in("input-accounting-invoices", "2,400").await;
    written(&page).await;
    let figures = page.figures();
    let hrefs: Vec<(&str, String)> = ["contact-sales", "share-whatsapp"]
        .into_iter()
        .map(|testid| {
            (
                testid,
                page.get(testid).get_attribute("href").expect("a link"),
            )
        })
        .collect();
    let mail = page
        .get("contact-sales-email")
        .get_attribute("href")
        .expect("a link");
    assert!(mail.starts_with("mailto:sales@"), "{mail}");
    drop(page);
    for (testid, href) in hrefs {
        assert!(href.starts_with("https://wa.me/"), "{href}");
        let message = whatsapp_text(&href);
        let url = message.rsplit(' ').next().expect("the link last");
        let fragment = url.split_once('#').expect("the estimate is in the link").1;
        storage().remove_item("biaya-bpo.draft").expect("remove");
        address(fragment);
        let opened = Page::visit(Some("en"), None).await;
        assert_eq!(opened.figures(), figures, "{testid}");
        assert!(opened.find("link-error").is_none(), "{testid}");
    }
}

#[test]
async fn the_csv_opens_in_columns_whatever_the_language_and_carries_the_whole_document() {
    let page = Page::open(Some("id")).await;
    page.click("activity-accounting").await;
    page.choose("currency", "USD").await;
    let expected = engine(&["accounting"], |r| r.currency = Currency::Usd);
    for (lang, decimal, saving) in [
        ("id", ',', "Penghematan selama kontrak"),
        ("en", '.', "Saving over the contract"),
    ] {
        page.choose("language", lang).await;
        until("the CSV link from the deferred module", || {
            page.find("download-csv").is_some()
        })
        .await;
        let anchor = page.get("download-csv");
        // Made when asked for: a click writes the file into the link. The download itself is
        // not what is tested here.
        let stop = gloo::events::EventListener::new(&anchor, "click", |e| e.prevent_default());
        anchor
            .clone()
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
        settle().await;
        drop(stop);
        let href = anchor.get_attribute("href").expect("a data link");
        let text: String = js_sys::decode_uri_component(
            href.strip_prefix("data:text/csv;charset=utf-8,")
                .expect("a CSV"),
        )
        .expect("encoded")
        .into();
        // The same `sep=;` in both languages: Excel splits at it whatever its region.
        assert!(text.starts_with("\u{feff}sep=;\r\n"), "{lang}");
        let rows = csv_rows(&text);
        let amount = |a: rust_decimal::Decimal| a.to_string().replace('.', &decimal.to_string());
        let row = |item: &str| {
            rows.iter()
                .find(|r| r.get(2).is_some_and(|c| c == item))
                .unwrap_or_else(|| panic!("{lang}: {item} in {rows:?}"))
        };
        let monthly = Texts::of(if lang == "id" { Lang::Id } else { Lang::En }).monthly;
        assert_eq!(row(monthly)[5], amount(expected.totals.monthly), "{lang}");
        assert_eq!(row(monthly)[6], "USD");
        assert_eq!(row(saving)[5], amount(expected.saving.contract), "{lang}");
        // The date it was made, and its basis, are in the file too.
        assert!(
            rows.iter()
                .any(|r| r[0] == "Dibuat pada" || r[0] == "Made on"),
            "{lang}"
        );
        let table: Vec<&Vec<String>> = rows.iter().filter(|r| r.len() > 2).collect();
        assert!(table.iter().all(|r| r.len() == 8), "{lang}: {table:?}");
    }
}

/// A quotation signed by the quote tool (`quote sign` with the demo key of tests/fixtures), dated
/// 28 November 2026, its link asking until 2099 (which the provider's 90 days end on 26 February
/// 2027), with a 5 % discount and special terms.
const SIGNED_NATIVELY: &str = include_str!("fixtures/signed-natively.txt");

/// 10:00 on 10 December 2026 in Jakarta, when the fixture above stands.
const READING: i64 = 1_796_871_600;

/// Opens `link` and waits for its signature to be checked.
async fn checked(link: &str, lang: &str) -> Page {
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(link);
    let page = Page::visit(Some(lang), None).await;
    until("the browser to check the signature", || {
        page.find("quote-signature")
            .and_then(|e| e.get_attribute("data-state"))
            .is_some_and(|s| s != "checking")
    })
    .await;
    page
}

fn standing(page: &Page) -> String {
    page.get("quote-signature")
        .get_attribute("data-state")
        .unwrap_or_default()
}

#[test]
async fn a_quotation_signed_natively_verifies_in_the_browser_and_its_discount_applies() {
    let _clock = Clock::at(READING);
    let signed = SIGNED_NATIVELY.trim();
    let page = checked(signed, "en").await;
    assert_eq!(standing(&page), "valid");
    assert!(page.text("quote-signature").contains("Sari Dewi"));
    assert!(page.text("quote-preparer").contains("Sales Manager"));
    assert_eq!(page.text("quote-note"), "Harga termasuk laporan mingguan.");
    // Its last day is the provider's ceiling, not the link's 2099.
    assert_eq!(page.text("quote-valid-until"), "26 February 2027");
    // Priced with the negotiated 5 %, as the engine prices it.
    let opened = link::decode(signed, catalogue().expect("valid")).expect("our link");
    let mut request = opened.contents.request.clone();
    request.discount = opened.contents.quote.discount;
    let priced = estimate(tariff(), &request).expect("prices");
    page.shows(&priced, Lang::En);
    // What is quoted says the hours its price covers: the warehouse's weekdays.
    let quoted = page
        .root
        .query_selector("ul.quoted")
        .expect("a selector")
        .and_then(|list| list.text_content())
        .unwrap_or_default();
    assert!(
        quoted.contains(
            "Service hours: the warehouse works on weekdays, Monday to Friday; Saturdays and \
             Sundays are the option \u{201c}Weekend operations\u{201d}."
        ),
        "{quoted}"
    );
    // The terms come before the buttons that accept them.
    let terms = page.get("quote-terms");
    let accept = page.get("quote-accept");
    assert!(
        terms
            .text_content()
            .unwrap_or_default()
            .contains("30 days of the invoice")
    );
    assert_ne!(
        terms.compare_document_position(&accept) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING,
        0,
        "terms above Accept"
    );
    // Accepting names what is accepted: the number, the monthly and contract totals, the last
    // day, and the link as it arrived; to the salesperson who signed it.
    let href = accept.get_attribute("href").expect("a link");
    assert!(
        href.starts_with("https://wa.me/6281200000000?text="),
        "{href}"
    );
    let message = whatsapp_text(&href);
    for part in [
        "NLY/SD/2026/11/0001".to_owned(),
        format_money(priced.totals.monthly, Currency::Usd, Lang::En),
        format_money(priced.totals.contract, Currency::Usd, Lang::En),
        "26 February 2027".to_owned(),
        // The signature's first eight characters (tests/fixtures/signed-natively.txt).
        "(code Y_f1Sgvh)".to_owned(),
        format!("#{signed}"),
    ] {
        assert!(message.contains(&part), "{part} in {message}");
    }
    // Paper says it is signed, and by whom, on every page, with its special terms and the
    // real last day; it closes in the signer's name.
    assert!(
        page.find("print-standing").is_none(),
        "no warning on a valid one"
    );
    assert!(page.text("print-footer").starts_with(
        "Digitally signed by Sari Dewi on 28 November 2026; valid until 26 February 2027."
    ));
    let terms = page.text("print-terms");
    assert!(
        terms.contains("Harga termasuk laporan mingguan."),
        "{terms}"
    );
    assert!(
        terms.contains("valid until 26 February 2027 (90 days"),
        "{terms}"
    );
    assert!(page.text("print-closing").contains("Sari Dewi"));
    printed_tables_add_up(&page);
    drop(page);

    // One character of the client's name changed: altered, list prices, nobody as issuer, and
    // paper that says so on every page.
    let altered = signed.replacen("Maju", "Maja", 1);
    let page = checked(&altered, "en").await;
    assert_eq!(standing(&page), "altered");
    assert!(page.find("quote-note").is_none());
    assert!(page.find("quote-accept").is_none());
    assert!(page.find("quote-preparer").is_none(), "nobody as issuer");
    page.shows(
        &estimate(tariff(), &opened.contents.request).expect("prices"),
        Lang::En,
    );
    assert!(
        page.text("print-standing")
            .starts_with("NOT A VALID QUOTATION: the link was changed after it was signed")
    );
    assert!(
        page.text("print-footer")
            .starts_with("NOT A VALID QUOTATION")
    );
    assert_eq!(page.text("print-closing"), "");
    assert!(
        !page.text("print-terms").contains("laporan mingguan"),
        "no special terms"
    );
}

/// Every printed table adds up from the lines it shows: the subtotal is its items, the taxable
/// amount the subtotal less the discounts, and each section's total everything above it but the
/// subtotal and the taxable amount (which restate it).
fn printed_tables_add_up(page: &Page) {
    use rust_decimal::Decimal;
    let words = biaya_bpo::i18n::PrintTexts::of(Lang::En);
    let tables = page
        .root
        .query_selector_all(".document table.items:not(.summary-table)")
        .expect("tables");
    assert!(tables.length() >= 4, "a table per activity");
    for t in 0..tables.length() {
        let table: Element = tables.item(t).expect("a table").unchecked_into();
        let rows = table.query_selector_all("tbody tr").expect("rows");
        let (mut items, mut running, mut past_subtotal) = (Decimal::ZERO, Decimal::ZERO, false);
        for r in 0..rows.length() {
            let row: Element = rows.item(r).expect("a row").unchecked_into();
            let cells = row.query_selector_all("th, td").expect("cells");
            let text = |i: u32| {
                cells
                    .item(i)
                    .and_then(|c| c.text_content())
                    .unwrap_or_default()
            };
            if row.class_name().contains("section") {
                (items, running, past_subtotal) = (Decimal::ZERO, Decimal::ZERO, false);
                continue;
            }
            let label = text(0);
            let shown = text(cells.length() - 1);
            let value: Decimal = shown
                .trim()
                .replace("USD ", "")
                .replace(',', "")
                .parse()
                .unwrap_or_else(|_| panic!("an amount: {shown}"));
            if row.class_name().contains("total") {
                assert_eq!(value, running, "{label} in table {t}");
            } else if label == words.subtotal {
                assert_eq!(value, items, "the subtotal in table {t}");
                past_subtotal = true;
            } else if label == words.taxable {
                assert_eq!(value, running, "the taxable amount in table {t}");
            } else {
                if !past_subtotal {
                    items += value;
                }
                running += value;
            }
        }
    }
}

#[test]
async fn a_quotation_past_its_last_day_says_it_expired_everywhere() {
    // 27 February 2027 in Jakarta: the day after the fixture's last day.
    let _clock = Clock::at(1_803_697_200);
    let page = checked(SIGNED_NATIVELY.trim(), "id").await;
    assert_eq!(standing(&page), "expired");
    assert!(page.find("quote-accept").is_none());
    assert!(page.find("quote-ask-again").is_some());
    assert_eq!(
        page.text("print-standing").split_once(':').map(|(h, _)| h),
        Some("KEDALUWARSA pada 26 Februari 2027")
    );
    assert_eq!(page.text("print-closing"), "");
}

/// The quote tool's signature of a quotation at 06:30 in Jakarta on 8 December 2026
/// (`quote --at 2026-12-07T23:30:00Z sign …`), dated that day.
const SIGNED_AT_0630_WIB: &str = include_str!("fixtures/signed-0630-wib.txt");

#[test]
async fn a_quotation_issued_at_0630_in_jakarta_stands_at_once_wherever_it_is_read() {
    // A minute after it was signed: 23:31 on 7 December in UTC, 18:31 in New York, whatever
    // this machine's zone. The page judges on Jakarta's calendar, where it is the 8th.
    let _clock = Clock::at(1_796_686_260);
    let page = checked(SIGNED_AT_0630_WIB.trim(), "en").await;
    assert_eq!(standing(&page), "valid");
    assert_eq!(page.text("quote-date"), "8 December 2026");
    drop(page);
    // At 23:59 on the 7th in Jakarta it was not yet the day it is dated.
    let _earlier = Clock::at(1_796_662_740);
    let page = checked(SIGNED_AT_0630_WIB.trim(), "en").await;
    assert_eq!(standing(&page), "not-yet-valid");
}

#[test]
async fn a_call_centre_sized_from_its_calls_prices_the_minutes_and_agents_it_needs() {
    use biaya_bpo::staffing::{CentrePlan, Profile, Sizing};
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    page.click("sizing-call-centre").await;
    // The traffic's fields come with the deferred module.
    until("the traffic form", || {
        page.find("traffic-call-centre-calls").is_some()
    })
    .await;
    page.type_in("traffic-call-centre-calls", "30,000").await;
    page.type_in("traffic-call-centre-handle-time", "240").await;
    // 30,000 calls of 240 seconds are 2,000 hours: 120,000 minutes.
    assert!(page.text("sized-call-centre").contains("120,000"));
    page.shows(
        &engine(&["call-centre"], |r| {
            volume(r, "call-centre", "minutes", 120_000)
        }),
        Lang::En,
    );

    // Dedicated agents for the same calls (the traffic stays described), 12 hours a day, 7 days,
    // 80 % within 20 seconds.
    page.click("model-call-centre-dedicated").await;
    let centre = Sizing::Centre(CentrePlan {
        calls: 30_000,
        handle_time: 240,
        hours_per_day: 12,
        days_per_week: 7,
        service_level: 80,
        answer_within: 20,
        max_occupancy: 85,
        shrinkage: 30,
        profile: Profile::Typical,
    });
    let agents = centre.volume().expect("sizes");
    let sized = page.text("sized-call-centre");
    assert!(
        sized.contains(&format!("{agents} full-time agents")),
        "{sized}"
    );
    let expected = engine(&["call-centre"], |r| {
        r.activities[0].model = "dedicated".into();
        r.activities[0].volumes = [("agents".to_owned(), agents)].into_iter().collect();
    });
    page.shows(&expected, Lang::En);

    // Beside it, from the deferred module: the arithmetic, the service by team size, the month
    // at other targets, and the same calls bought shared and dedicated, the cheaper marked.
    until("the staffing section", || {
        page.find("models-compared").is_some()
    })
    .await;
    assert!(
        page.text("sizing-arithmetic")
            .contains("30,000 calls a month")
    );
    let shared = engine(&["call-centre"], |r| {
        volume(r, "call-centre", "minutes", 120_000)
    });
    let money = |amount| format_money(amount, Currency::Idr, Lang::En);
    let priced = |testid: &str| page.get(testid).text_content().unwrap_or_default();
    assert!(priced("model-price-shared").contains(&money(shared.totals.monthly)));
    assert!(priced("model-price-dedicated").contains(&money(expected.totals.monthly)));
    let cheaper = if shared.totals.monthly <= expected.totals.monthly {
        "model-price-shared"
    } else {
        "model-price-dedicated"
    };
    assert!(page.get(cheaper).class_name().contains("cheaper"));
    assert_eq!(
        page.get("cost-by-target")
            .query_selector_all("tbody tr")
            .expect("rows")
            .length(),
        4
    );

    // 90 % within 15 seconds needs more agents.
    page.choose("traffic-call-centre-target", "90/15").await;
    let more = Sizing::Centre(CentrePlan {
        calls: 30_000,
        handle_time: 240,
        hours_per_day: 12,
        days_per_week: 7,
        service_level: 90,
        answer_within: 15,
        max_occupancy: 85,
        shrinkage: 30,
        profile: Profile::Typical,
    })
    .volume()
    .expect("sizes");
    assert!(more > agents);
    let sized = page.text("sized-call-centre");
    assert!(
        sized.contains(&format!("{more} full-time agents")),
        "{sized}, wanted {more}"
    );

    // A handle time of 0 has a message at its field, and the last estimate stays.
    let before = page.figures();
    page.type_in("traffic-call-centre-handle-time", "0").await;
    assert!(
        page.text("error-traffic-call-centre-handle-time")
            .contains("more than 0")
    );
    assert_eq!(page.figures(), before);

    // The traffic travels in the link and reopens as it was.
    page.type_in("traffic-call-centre-handle-time", "240").await;
    written(&page).await;
    let link = address_now();
    assert!(
        link.contains("call-centre-traffic=e.30000.240.12.7.90.15.85.30.t"),
        "{link}"
    );
    drop(page);
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(&link);
    let opened = Page::visit(Some("en"), None).await;
    until("the traffic form", || {
        opened.find("traffic-call-centre-calls").is_some()
    })
    .await;
    assert_eq!(opened.value("traffic-call-centre-calls"), "30,000");
    assert!(
        opened
            .text("sized-call-centre")
            .contains(&format!("{more} full-time agents"))
    );
}

/// The money cells of a comparison's row, as shown.
fn row_cells(row: &Element) -> Vec<String> {
    let cells = row.query_selector_all("td[data-label]").expect("cells");
    (0..cells.length())
        .filter_map(|i| cells.item(i))
        .filter_map(|cell| cell.text_content())
        .collect()
}

fn rows(page: &Page, table: &str) -> Vec<Element> {
    let found = page
        .get(table)
        .query_selector_all("tbody tr")
        .expect("rows");
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

#[test]
async fn every_site_and_term_side_by_side_gives_what_choosing_it_gives() {
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    page.click("activity-accounting").await;
    page.choose("service-language", "en").await;
    until("the comparisons", || page.find("compare-sites").is_some()).await;

    // Each site: its row's monthly, first year and contract are the page's own totals once it
    // is chosen.
    for site in ["yogyakarta", "manila", "jakarta"] {
        let row = rows(&page, "compare-sites")
            .into_iter()
            .find(|r| r.get_attribute("data-site").as_deref() == Some(site))
            .expect("a row per site");
        let shown = row_cells(&row);
        page.click(&format!("choose-site-{site}")).await;
        until("the site chosen", || {
            page.get("site")
                .unchecked_into::<HtmlSelectElement>()
                .value()
                == site
        })
        .await;
        let totals = [
            page.text("total-monthly"),
            page.text("total-first-year"),
            page.text("total-contract"),
        ];
        assert_eq!(shown[..3], totals, "{site}");
        // The "Choose" pressed is gone: the focus is on the chosen row's marker, and what changed
        // is said in one sentence, the site and the new monthly total.
        let name = tariff().site(site).expect("a site").name.en.to_string();
        until("the choice said, the focus on the chosen row", || {
            page.text("said-site")
                .contains(&format!("Delivery site: {name}."))
                && gloo::utils::document()
                    .active_element()
                    .is_some_and(|e| e.id() == "chosen-site")
        })
        .await;
        let said = page.text("said-site");
        assert!(said.contains(&totals[0]), "{said} / {}", totals[0]);
        page.shows(
            &engine(&["call-centre", "accounting"], |r| {
                r.service_language = "en".into();
                r.site = site.into();
            }),
            Lang::En,
        );
    }

    // Each term: its row is the page's totals once chosen; the effective month spreads the
    // contract over its months.
    for term in tariff().terms.iter() {
        let row = rows(&page, "compare-terms")
            .into_iter()
            .find(|r| r.get_attribute("data-term").as_deref() == Some(&*term.id))
            .expect("a row per term");
        let shown = row_cells(&row);
        let chosen_here = !row.class_name().contains("chosen");
        if chosen_here {
            page.click(&format!("choose-term-{}", term.id)).await;
        } else {
            assert!(page.find(&format!("choose-term-{}", term.id)).is_none());
        }
        until("the term chosen", || {
            page.get("term")
                .unchecked_into::<HtmlSelectElement>()
                .value()
                == *term.id
        })
        .await;
        if chosen_here {
            until("the choice said, the focus on the chosen term", || {
                page.text("said-term")
                    .contains(&format!("Contract term: {}", term.name.en))
                    && gloo::utils::document()
                        .active_element()
                        .is_some_and(|e| e.id() == "chosen-term")
            })
            .await;
            let said = page.text("said-term");
            assert!(said.contains(&page.text("total-monthly")), "{said}");
        }
        assert_eq!(
            shown[1..4],
            [
                page.text("total-monthly"),
                page.text("total-first-year"),
                page.text("total-contract"),
            ],
            "{}",
            term.id
        );
        let expected = engine(&["call-centre", "accounting"], |r| {
            r.service_language = "en".into();
            r.term = term.id.to_string();
        });
        let effective =
            (expected.totals.contract / rust_decimal::Decimal::from(term.months)).round_dp(0);
        assert_eq!(shown[4], format_money(effective, Currency::Idr, Lang::En));
    }
}

#[test]
async fn a_site_that_cannot_take_the_request_says_why_and_one_click_makes_it_possible() {
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    page.click("activity-fulfilment").await;
    until("the comparisons", || page.find("compare-sites").is_some()).await;
    // Customers served in Indonesian: Manila is refused, and says why.
    let why = page.text("blocked-site-manila");
    assert!(why.contains("Manila"), "{why}");
    page.click("fix-site-manila").await;
    until("Manila chosen", || {
        page.get("site")
            .unchecked_into::<HtmlSelectElement>()
            .value()
            == "manila"
    })
    .await;
    // The one click served the customers in English and took fulfilment to an Indonesian
    // warehouse.
    assert!(page.find("error-site").is_none() && page.find("estimate-error").is_none());
    assert_eq!(
        page.get("service-language")
            .unchecked_into::<HtmlSelectElement>()
            .value(),
        "en"
    );
    let fulfilment_site = page
        .get("activity-site-fulfilment")
        .unchecked_into::<HtmlSelectElement>()
        .value();
    assert!(
        ["jakarta", "yogyakarta"].contains(&fulfilment_site.as_str()),
        "{fulfilment_site}"
    );
    page.shows(
        &engine(&["call-centre", "fulfilment"], |r| {
            r.site = "manila".into();
            r.service_language = "en".into();
            r.activities[1].site = Some(fulfilment_site.clone());
        }),
        Lang::En,
    );
}

#[test]
async fn figures_without_vat_and_an_activity_at_a_site_of_its_own_travel_in_the_link() {
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    page.click("activity-accounting").await;
    page.choose("activity-site-call-centre", "yogyakarta").await;
    page.choose("vat-mode", "excl").await;
    let expected = engine(&["call-centre", "accounting"], |r| {
        r.activities[0].site = Some("yogyakarta".into());
        r.vat = biaya_bpo::estimate::VatMode::Excluded;
    });
    page.shows(&expected, Lang::En);
    assert!(page.text("vat-basis").contains("leave VAT out"));
    // Without VAT the month is the month with VAT less exactly its VAT lines.
    let with_vat = engine(&["call-centre", "accounting"], |r| {
        r.activities[0].site = Some("yogyakarta".into());
    });
    let vat: rust_decimal::Decimal = with_vat
        .activities
        .iter()
        .flat_map(|a| &a.monthly_lines)
        .filter(|l| matches!(l.kind, biaya_bpo::estimate::LineKind::Vat { .. }))
        .map(|l| l.amount)
        .sum();
    assert_eq!(expected.totals.monthly, with_vat.totals.monthly - vat);

    written(&page).await;
    let link = address_now();
    assert!(
        link.contains("vat=excl") && link.contains("call-centre-site=yogyakarta"),
        "{link}"
    );
    drop(page);
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(&link);
    let opened = Page::visit(Some("en"), None).await;
    opened.shows(&expected, Lang::En);
    assert_eq!(
        opened
            .get("vat-mode")
            .unchecked_into::<HtmlSelectElement>()
            .value(),
        "excl"
    );
}

#[test]
async fn the_in_house_side_is_the_buyers_own_and_a_wage_under_the_minimum_is_refused() {
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    until("the in-house figures", || {
        page.find("own-call-centre-wage").is_some()
    })
    .await;
    let before = page.figures();
    // Under the Jakarta minimum wage (Rp 5,729,876): refused at the field, the minimum named.
    page.type_in("own-call-centre-wage", "5,000,000").await;
    let message = page.text("error-own-call-centre-wage");
    assert!(message.contains("5,729,876"), "{message}");
    assert_eq!(page.value("own-call-centre-wage"), "5,000,000");
    assert_eq!(page.figures(), before);

    page.type_in("own-call-centre-wage", "8,000,000").await;
    page.type_in("own-call-centre-per-minutes", "2,500").await;
    until("the in-house side to follow", || {
        page.figures() != before && page.find("error-own-call-centre-wage").is_none()
    })
    .await;
    let own = engine(&["call-centre"], |r| {
        let figures = &mut r.activities[0].in_house;
        figures.wage = Some(rust_decimal::Decimal::from(8_000_000));
        figures.per_fte.insert("minutes".into(), 2_500);
    });
    page.shows(&own, Lang::En);
    // 20,000 minutes at 2,500 a month each are 8 people.
    assert_eq!(own.in_house.staff, 8);
    written(&page).await;
    assert!(address_now().contains("call-centre-own=w8000000~minutes:2500"));

    // The saving reads naturally either way, never as a negative saving.
    for id in ["saving-month", "saving-first-year", "saving-contract"] {
        let sentence = page.text(id);
        assert!(!sentence.contains("-IDR"), "{sentence}");
        let costs_more = sentence.contains("more");
        assert!(costs_more || sentence.contains("saves"), "{sentence}");
    }

    page.click("own-call-centre-reset").await;
    until("the tariff's figures again", || page.figures() == before).await;
    assert_eq!(page.value("own-call-centre-wage"), "");
    // The reset button, disabled now, leaves the focus to the first figure, drawn anew, in a
    // panel that stays open.
    until("the focus on the first figure", || {
        focused().is_some_and(|e| e.id() == "own-call-centre-wage")
    })
    .await;
    yew::platform::time::sleep(Duration::from_millis(300)).await;
    settle().await;
    assert!(page.get("in-house-adjust").has_attribute("open"));
    assert_eq!(
        focused().map(|e| e.id()).as_deref(),
        Some("own-call-centre-wage")
    );
}

fn focused() -> Option<Element> {
    gloo::utils::document().active_element()
}

#[test]
async fn the_focus_stays_on_the_control_used_and_the_skip_link_is_not_a_link() {
    let page = Page::open(Some("en")).await;
    // Toggling an activity keeps its checkbox: the next Tab goes on from there.
    let checkbox = page
        .get("activity-accounting")
        .unchecked_into::<web_sys::HtmlElement>();
    checkbox.focus().expect("focusable");
    page.click("activity-accounting").await;
    assert!(checkbox.is_connected(), "the checkbox was drawn anew");
    assert_eq!(focused(), Some(checkbox.clone().into()));
    page.click("activity-call-centre").await;
    assert!(checkbox.is_connected());

    // Sizing from call traffic: the box stays where it was, with the focus, and the traffic's
    // fields open after it.
    let sizing = page
        .get("sizing-call-centre")
        .unchecked_into::<web_sys::HtmlElement>();
    sizing.focus().expect("focusable");
    page.click("sizing-call-centre").await;
    until("the traffic's fields", || {
        page.find("traffic-call-centre-calls").is_some()
    })
    .await;
    assert_eq!(
        focused()
            .and_then(|e| e.get_attribute("data-testid"))
            .as_deref(),
        Some("sizing-call-centre")
    );

    // The skip link leads to the estimate, and leaves the address (the estimate's link) alone.
    written(&page).await;
    let before = address_now();
    page.root
        .query_selector("a.skip")
        .expect("a selector")
        .expect("a skip link")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert_eq!(address_now(), before);
    assert_eq!(
        focused().and_then(|e| e.get_attribute("id")).as_deref(),
        Some("summary-title")
    );
    assert!(page.find("link-error").is_none());
    drop(page);

    // An address that names the page's own anchor, as older pages wrote it, is no link: no alarm,
    // the visitor's draft.
    address("summary-title");
    let page = Page::visit(Some("en"), None).await;
    assert!(page.find("link-error").is_none());
}

#[test]
async fn a_link_pasted_with_a_question_mark_opens_its_estimate() {
    let link = "v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&sales=0.25&z=1";
    storage().remove_item("biaya-bpo.draft").expect("remove");
    let history = gloo::utils::window().history().expect("history");
    let path = gloo::utils::window().location().pathname().expect("path");
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?{link}")),
        )
        .expect("replace");
    let page = Page::visit(Some("en"), None).await;
    // The sales figures of the link, its check aside (it says the link was edited).
    assert!(page.find("shared-notice").is_some());
    assert_eq!(page.value("input-sales-appointments"), "25");
    // Moved after `#`, where links live and servers never see them.
    let location = gloo::utils::window().location();
    assert_eq!(location.search().expect("search"), "");
    assert!(
        address_now().starts_with("v=1&t=2026-11"),
        "{}",
        address_now()
    );
    drop(page);
    address("");
}

#[test]
async fn a_draft_is_offered_back_only_where_there_is_one() {
    // An empty estimate stored as the draft, then someone's damaged link.
    let page = Page::open(Some("en")).await;
    page.click("activity-sales").await;
    stored(&page).await;
    page.click("activity-sales").await;
    until("the empty estimate stored", || {
        storage()
            .get_item("biaya-bpo.draft")
            .ok()
            .flatten()
            .is_some_and(|draft| !draft.contains("sales"))
    })
    .await;
    drop(page);
    address("v=1&t=2026-11&garbage");
    let page = Page::visit(Some("en"), None).await;
    assert!(page.find("link-error").is_some());
    assert!(page.find("open-draft").is_none(), "nothing to go back to");
}

#[test]
async fn a_field_repeated_three_hundred_times_is_one_notice() {
    storage().remove_item("biaya-bpo.draft").expect("remove");
    // The customers' language written 301 times, and the check left wrong.
    let repeats = "&l=en".repeat(300);
    address(&format!(
        "v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&sales=0.25{repeats}&z=bad"
    ));
    let page = Page::visit(Some("en"), None).await;
    until("what the link lost", || {
        page.find("link-problems").is_some()
    })
    .await;
    let said = page.text("link-problems");
    let items = page
        .get("link-problems")
        .query_selector_all("li")
        .expect("items")
        .length();
    // Two notices: the link was changed, and the language repeated, once with how often.
    assert_eq!(items, 2, "{said}");
    assert!(
        said.contains("changed after it was made")
            && said.contains("Customers' language appears more than once: the first is used. (300 times in this link)"),
        "{said}"
    );
    // The first is kept, and the rest of the link priced.
    assert_eq!(page.value("input-sales-appointments"), "25");
}

#[test]
async fn a_quotation_offers_the_visitors_own_draft_back() {
    // The visitor's own estimate, kept as their draft.
    let page = Page::open(Some("en")).await;
    page.click("activity-sales").await;
    stored(&page).await;
    let own = address_now();
    drop(page);
    // A quotation sent to them: it names a client, so it opens as a quotation (unsigned here).
    address("v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&fulfilment=3000.0.20.0.0&for=PT%20Maju");
    let page = Page::visit(Some("en"), None).await;
    assert!(page.find("quote-view").is_some());
    let notice = page.text("quote-draft-notice");
    assert!(notice.contains("still kept on this device"), "{notice}");
    assert!(
        page.find("keep-draft").is_none(),
        "a quotation is not a draft to keep"
    );
    page.click("open-draft").await;
    until("the visitor's own estimate", || {
        page.find("quote-view").is_none()
    })
    .await;
    until("its link in the address", || address_now() == own).await;
    assert!(page.find("input-sales-appointments").is_some());
}

#[test]
async fn thousands_typed_with_either_separator_are_thousands_in_either_language() {
    let page = Page::open(Some("id")).await;
    page.click("activity-call-centre").await;
    // "30,000" on the Indonesian page is thirty thousand minutes, never thirty.
    page.type_in("input-call-centre-minutes", "30,000").await;
    page.shows(
        &engine(&["call-centre"], |r| {
            volume(r, "call-centre", "minutes", 30_000);
        }),
        Lang::Id,
    );
    // A decimal keeps its message, and the figures stay the last estimate, marked as such.
    let before = page.figures();
    page.type_in("input-call-centre-minutes", "1,5").await;
    assert!(page.find("error-input-call-centre-minutes").is_some());
    assert_eq!(page.figures(), before);
    // Leaving the field groups what reads: 120000 becomes 120.000 on the Indonesian page.
    page.type_in("input-call-centre-minutes", "120000").await;
    fire(&page.get("input-call-centre-minutes"), "blur");
    settle().await;
    assert_eq!(page.value("input-call-centre-minutes"), "120.000");
}

#[test]
async fn example_volumes_are_marked_until_the_visitor_types_their_own() {
    let page = Page::open(Some("en")).await;
    page.click("activity-fulfilment").await;
    let orders = || {
        page.get("input-fulfilment-orders")
            .closest(".field")
            .expect("a selector")
            .expect("its field")
    };
    assert!(orders().class_name().contains("example"));
    assert!(page.text("example-note").contains("example"));
    // Typed: the visitor's own, no longer marked; the others still are.
    page.type_in("input-fulfilment-orders", "4,000").await;
    assert!(!orders().class_name().contains("example"));
    assert!(page.find("example-note").is_some());
    for unit in ["extra-items", "pallets", "returns", "receiving"] {
        let id = format!("input-fulfilment-{unit}");
        let typed = page.value(&id);
        page.type_in(&id, &typed).await;
    }
    assert!(page.find("example-note").is_none());
    // A link's volumes are someone's, not examples.
    written(&page).await;
    let link = address_now();
    drop(page);
    storage().remove_item("biaya-bpo.draft").expect("remove");
    address(&link);
    let opened = Page::visit(Some("en"), None).await;
    assert!(opened.find("example-note").is_none());
}

#[test]
async fn choosing_24_7_says_it_replaces_extended_hours() {
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    let activity = tariff().activity("call-centre").expect("call centre");
    let (extended, round_the_clock) = {
        let grouped: Vec<_> = activity
            .options
            .iter()
            .filter(|o| o.group.is_some())
            .collect();
        (grouped[0], grouped[1])
    };
    page.click(&format!("option-call-centre-{}", extended.id))
        .await;
    assert_eq!(page.text("option-note-call-centre"), "");
    page.click(&format!("option-call-centre-{}", round_the_clock.id))
        .await;
    let note = page.text("option-note-call-centre");
    assert!(
        note.contains(&*round_the_clock.name.en) && note.contains("replaces"),
        "{note}"
    );
    let unticked = page
        .get(&format!("option-call-centre-{}", extended.id))
        .unchecked_into::<HtmlInputElement>();
    assert!(!unticked.checked());
}

#[test]
async fn the_new_total_is_said_once_the_typing_pauses() {
    let page = Page::open(Some("en")).await;
    page.click("activity-sales").await;
    until("the first total said", || {
        page.text("announced").contains(&page.text("total-monthly"))
    })
    .await;
    let said = page.text("announced");
    for text in ["4", "45", "450"] {
        page.type_in("input-sales-appointments", text).await;
    }
    // Typed in a burst: not yet said.
    assert_eq!(page.text("announced"), said);
    until("the total said after the pause", || {
        page.text("announced").contains(&page.text("total-monthly"))
    })
    .await;
    assert_ne!(page.text("announced"), said);
}

// ---------------------------------------------------------------------------------------------
// Issue 22, items 1, 4 and 5: every channel priced with dedicated agents, a custom service level,
// lines that multiply out.

#[test]
async fn dedicated_agents_keep_the_chats_and_e_mails_and_both_models_price_them() {
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    page.type_in("input-call-centre-chats", "12,000").await;
    page.type_in("input-call-centre-emails", "500").await;
    page.click("model-call-centre-dedicated").await;
    // The chats and e-mails stay on the form, priced beside the agents (rule 14): Jakarta, 12
    // months, 5,000,000 + 5 x 12,000,000 + 97,100,000 chats + 5,500,000 e-mails = 167,600,000,
    // less 5 % = 159,220,000, plus VAT = 176,734,200 a month.
    assert_eq!(page.value("input-call-centre-chats"), "12,000");
    assert!(page.text("total-monthly").contains("176,734,200"));
    let team = |r: &mut Request| {
        r.activities[0].model = "dedicated".into();
        r.activities[0].volumes = [("agents", 5), ("chats", 12_000), ("emails", 500)]
            .into_iter()
            .map(|(unit, quantity)| (unit.to_owned(), quantity))
            .collect();
    };
    page.shows(&engine(&["call-centre"], team), Lang::En);

    // Sized from 30,000 calls of 240 s: the team's figures say they cover calls only, and the
    // shared price beside it has the same chats and e-mails as the dedicated one.
    page.click("sizing-call-centre").await;
    until("the traffic form", || {
        page.find("traffic-call-centre-calls").is_some()
    })
    .await;
    page.type_in("traffic-call-centre-calls", "30,000").await;
    page.type_in("traffic-call-centre-handle-time", "240").await;
    until("the staffing section", || {
        page.find("models-compared").is_some()
    })
    .await;
    let covers = page.text("covers-call-centre");
    assert!(
        covers.contains("for calls only") && covers.contains("chat conversations 12,000"),
        "{covers}"
    );
    assert!(
        page.text("models-cover")
            .contains("30,000 calls, chat conversations 12,000, e-mails 500")
    );
    let shared = engine(&["call-centre"], |r| {
        volume(r, "call-centre", "minutes", 120_000);
        volume(r, "call-centre", "chats", 12_000);
        volume(r, "call-centre", "emails", 500);
    });
    let money = |amount| format_money(amount, Currency::Idr, Lang::En);
    assert!(
        page.get("model-price-shared")
            .text_content()
            .unwrap_or_default()
            .contains(&money(shared.totals.monthly))
    );
}

#[test]
async fn a_custom_service_level_opens_its_fields_and_is_priced_like_a_preset() {
    let page = Page::open(Some("en")).await;
    page.click("activity-call-centre").await;
    page.click("model-call-centre-dedicated").await;
    page.click("sizing-call-centre").await;
    until("the traffic form", || {
        page.find("traffic-call-centre-calls").is_some()
    })
    .await;
    page.choose("traffic-call-centre-profile", "flat").await;
    page.type_in("traffic-call-centre-calls", "72,800").await;
    page.type_in("traffic-call-centre-handle-time", "180").await;
    // Typed, no longer examples: a field's name carries its unit, and a field without one no
    // empty "()".
    let name = |field: &str| {
        page.root
            .query_selector(&format!("label[for='traffic-call-centre-{field}']"))
            .expect("a selector")
            .and_then(|label| label.text_content())
            .unwrap_or_default()
    };
    assert_eq!(name("calls"), "Calls a month");
    assert_eq!(name("handle-time"), "Average handle time (seconds)");
    // Still the example's hours, tagged so after the name: the name has no "()" either way.
    let hours = name("hours");
    assert!(hours.starts_with("Open hours a day"), "{hours}");
    assert!(!hours.contains('('), "{hours}");
    // Custom…: its fields open, holding the target as it was, 80 % within 20 s.
    assert!(page.find("traffic-call-centre-service-level").is_none());
    page.choose("traffic-call-centre-target", "custom").await;
    until("the target's fields", || {
        page.find("traffic-call-centre-service-level").is_some()
    })
    .await;
    assert_eq!(page.value("traffic-call-centre-service-level"), "80");
    assert_eq!(page.value("traffic-call-centre-within"), "20");
    // 90 % within 20 s, no preset: 10 erlangs an hour need 15 agents (14 answer 88.8 %),
    // 15 x 12 h x 7 days / (40 h x 0.7) = 45 to schedule, priced like any team of 45.
    page.type_in("traffic-call-centre-service-level", "90")
        .await;
    let sized = page.text("sized-call-centre");
    assert!(sized.contains("45 full-time agents"), "{sized}");
    let team = engine(&["call-centre"], |r| {
        r.activities[0].model = "dedicated".into();
        r.activities[0].volumes = [("agents".to_owned(), 45)].into_iter().collect();
    });
    page.shows(&team, Lang::En);
    // Out of bounds: a message at the field, and the last estimate stays.
    page.type_in("traffic-call-centre-within", "601").await;
    assert!(
        page.text("error-traffic-call-centre-within")
            .contains("At most 600")
    );
    page.type_in("traffic-call-centre-within", "4").await;
    assert!(
        page.text("error-traffic-call-centre-within")
            .contains("5 to 600 seconds")
    );
    page.shows(&team, Lang::En);
}

#[test]
async fn a_dollar_line_multiplies_out_in_the_breakdown() {
    let page = Page::open(Some("en")).await;
    page.click("activity-accounting").await;
    page.choose("currency", "USD").await;
    for (unit, text) in [
        ("transactions", "0"),
        ("invoices", "0"),
        ("payslips", "250"),
        ("closes", "0"),
        ("tax-filings", "0"),
    ] {
        page.type_in(&format!("input-accounting-{unit}"), text)
            .await;
    }
    until("the breakdown", || {
        page.find("estimate-accounting").is_some()
    })
    .await;
    // 250 x USD 2.6957 = 673.925 -> 673.93 (rule 13); the page once showed 250 x USD 2.70
    // beside USD 673.94.
    let lines = page.text("estimate-accounting");
    assert!(lines.contains("250 × USD 2.6957"), "{lines}");
    assert!(lines.contains("USD 673.93"), "{lines}");
}
