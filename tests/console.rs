//! The sales console in a real browser (headless Chromium through wasm-bindgen-test): the demo
//! salesperson loads their key from its file, issues a signed quotation from the calculator's
//! estimate, and the link opens valid on a prospect's page, its discount applied. Run by
//! `.ci/test` with the runner variables it sets, like tests/browser.rs.
#![cfg(target_arch = "wasm32")]

mod support;

use std::time::Duration;

use biaya_bpo::estimate::{Estimate, estimate};
use biaya_bpo::i18n::{Lang, format_money};
use biaya_bpo::link;
use biaya_bpo::tariff::catalogue;
use support::{Testids, address, fire, painted, settle, storage, until};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The demo salesperson's private key (Sari Dewi, SD-14cd3d), as a JWK file.
const DEMO_KEY: &str = include_str!("fixtures/demo-key.jwk");

/// The private scalar of the demo key: what must never show anywhere.
fn private_part() -> &'static str {
    let start = DEMO_KEY.find("\"d\":\"").expect("a private key") + 5;
    let end = DEMO_KEY[start..].find('"').expect("a closing quote") + start;
    &DEMO_KEY[start..end]
}

const FIGURES: [&str; 4] = [
    "total-one-time",
    "total-monthly",
    "total-first-year",
    "total-contract",
];

/// Something mounted in an element of its own: the console, or a prospect's page.
struct Mounted {
    root: Element,
    console: Option<biaya_bpo::ui::console::Mounted>,
    page: Option<biaya_bpo::ui::Mounted>,
}

impl Mounted {
    fn new_root() -> Element {
        let document = gloo::utils::document();
        let root = document.create_element("div").expect("div");
        document
            .body()
            .expect("body")
            .append_child(&root)
            .expect("append");
        root
    }

    /// The console as a salesperson opens it on a fresh page, in English.
    async fn console() -> Self {
        storage().remove_item("biaya-bpo.draft").expect("remove");
        storage().set_item("biaya-bpo.lang", "en").expect("set");
        address("");
        let root = Self::new_root();
        let console = biaya_bpo::ui::console::mount(root.clone());
        settle().await;
        let mounted = Self {
            root,
            console,
            page: None,
        };
        // A key remembered on this device loads on its own, a moment later.
        until("the console to look for a remembered key", || {
            mounted
                .find("console-key")
                .and_then(|e| e.get_attribute("data-state"))
                .is_some_and(|s| s == "ready")
        })
        .await;
        mounted
    }

    /// A prospect's page opened from `fragment`.
    async fn prospect(fragment: &str) -> Self {
        storage().remove_item("biaya-bpo.draft").expect("remove");
        address(fragment);
        let root = Self::new_root();
        let page = biaya_bpo::ui::mount(root.clone());
        settle().await;
        painted(&root).await;
        Self {
            root,
            console: None,
            page,
        }
    }

    /// Chooses a key file in the console's file input, as a salesperson picking it would.
    async fn choose_key_file(&self, text: &str) {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let file = web_sys::File::new_with_str_sequence(&parts, "key.jwk").expect("a file");
        let transfer = web_sys::DataTransfer::new().expect("a data transfer");
        transfer.items().add_with_file(&file).expect("added");
        let input = self.get("console-key-file");
        input
            .clone()
            .unchecked_into::<HtmlInputElement>()
            .set_files(transfer.files().as_ref());
        fire(&input, "change");
        settle().await;
    }

    /// Starts from no key: forgets one remembered by an earlier test.
    async fn forget(&self) {
        if self.find("console-forget").is_some() {
            self.click("console-forget").await;
        }
        until("the key to be forgotten", || {
            self.find("console-key-file").is_some()
        })
        .await;
    }

    /// Loads the demo key; `remember` ticks "Remember on this device" first.
    async fn load_demo_key(&self, remember: bool) {
        self.forget().await;
        if remember {
            self.click("console-remember").await;
        }
        self.choose_key_file(DEMO_KEY).await;
        until("the key to be loaded", || {
            self.find("console-signer").is_some()
        })
        .await;
    }

    /// Confirms the starting volumes as the client's: the console issues nothing while a volume
    /// is still the page's example.
    async fn confirm_examples(&self) {
        if self.find("console-confirm-examples").is_some() {
            self.click("console-confirm-examples").await;
            until("the examples to be confirmed", || {
                self.find("console-examples").is_none()
            })
            .await;
        }
    }

    /// Chooses activities in the calculator, fills in the quotation and issues it; its link.
    async fn issue(&self, activities: &[&str], client: &str, discount: &str) -> String {
        for activity in activities {
            self.click(&format!("activity-{activity}")).await;
        }
        until("the estimate to reach the console", || {
            self.find("console-monthly").is_some()
        })
        .await;
        // The activities at the page's starting volumes: not issued until the salesperson
        // confirms them as the client's figures.
        until("the example volumes to be named", || {
            self.find("console-examples").is_some()
        })
        .await;
        let issue = self.get("console-issue");
        assert!(issue.has_attribute("disabled"), "issue held for examples");
        self.click("console-confirm-examples").await;
        until("the examples to be confirmed", || {
            self.find("console-examples").is_none()
        })
        .await;
        self.type_in("console-client", client).await;
        self.type_in("console-attention", "Ibu Rina").await;
        self.type_in("console-discount", discount).await;
        self.type_in("console-note", "Harga termasuk laporan mingguan.")
            .await;
        let before = self
            .find("console-issued-link")
            .and_then(|e| e.text_content());
        self.click("console-issue").await;
        until("the quotation to be signed", || {
            let now = self
                .find("console-issued-link")
                .and_then(|e| e.text_content());
            now.is_some() && now != before
        })
        .await;
        self.text("console-issued-link")
    }

    fn figures(&self) -> Vec<String> {
        FIGURES.iter().map(|id| self.text(id)).collect()
    }

    fn shows(&self, expected: &Estimate) {
        let money = |amount| format_money(amount, expected.currency, Lang::En);
        let totals = &expected.totals;
        assert_eq!(
            self.figures(),
            [
                money(totals.one_time),
                money(totals.monthly),
                money(totals.first_year),
                money(totals.contract)
            ]
        );
    }
}

impl Testids for Mounted {
    fn root(&self) -> &Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(console) = self.console.take() {
            console.unmount();
        }
        if let Some(page) = self.page.take() {
            page.unmount();
        }
        self.root.remove();
    }
}

/// Waits for the prospect's page to check the quotation's signature; its state.
async fn signature_state(page: &Mounted) -> String {
    until("the browser to check the signature", || {
        page.find("quote-signature")
            .and_then(|e| e.get_attribute("data-state"))
            .is_some_and(|s| s != "checking")
    })
    .await;
    page.get("quote-signature")
        .get_attribute("data-state")
        .unwrap_or_default()
}

/// Everything the page keeps where someone could read it: the document and localStorage.
fn readable() -> String {
    let mut all = gloo::utils::document()
        .document_element()
        .expect("a document")
        .outer_html();
    let storage = storage();
    for i in 0..storage.length().expect("a length") {
        if let Some(key) = storage.key(i).expect("a key") {
            all.push_str(&key);
            all.push_str(&storage.get_item(&key).ok().flatten().unwrap_or_default());
        }
    }
    all
}

#[test]
async fn a_quotation_issued_in_the_console_opens_valid_with_its_discount() {
    let console = Mounted::console().await;
    console.load_demo_key(false).await;
    let signer = console.text("console-signer");
    assert!(
        signer.contains("Sari Dewi") && signer.contains("Sales Manager"),
        "{signer}"
    );
    assert!(signer.contains("for this session only"), "{signer}");

    let number = console.value("console-number");
    let today = js_sys::Date::new_0();
    let month = format!(
        "NLY/SD/{:04}/{:02}/",
        today.get_full_year(),
        today.get_month() + 1
    );
    // The month's sequence, then this device's tag, kept in localStorage once made.
    let tag = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("biaya-bpo.console.device").ok().flatten())
        .expect("the device's tag is kept");
    let sequence = number
        .strip_prefix(&month)
        .and_then(|rest| rest.strip_suffix(&format!("-{tag}")))
        .unwrap_or_default();
    assert!(
        sequence.len() == 4 && sequence.bytes().all(|b| b.is_ascii_digit()),
        "{number}"
    );
    assert!(
        tag.len() == 3
            && tag
                .bytes()
                .all(|b| b.is_ascii_digit() || (b.is_ascii_uppercase() && !b"ILOU".contains(&b))),
        "{tag}"
    );
    assert!(number.len() <= 24, "{number}");
    let url = console
        .issue(&["accounting", "sales"], "PT Maju Jaya", "5")
        .await;
    // Issued for the prospect's page, whole.
    let (base, fragment) = url.split_once('#').expect("a link with its estimate");
    assert!(!base.contains("console.html"), "{url}");
    assert!(fragment.contains("&key=SD-14cd3d&sig="), "{fragment}");
    assert!(fragment.contains("&disc=5&"), "{fragment}");
    // WebCrypto signs with s above or below n / 2; the link carries the canonical one.
    let (_, sig) = fragment.rsplit_once("&sig=").expect("signed");
    let sig = biaya_bpo::signature::decode(sig).expect("base64url");
    assert!(biaya_bpo::signature::is_canonical(&sig));

    // The register lists it, newest first, and finds it by number or client.
    let register = console.text("register");
    assert!(
        register.contains(&number) && register.contains("PT Maju Jaya"),
        "{register}"
    );
    let next = console.value("console-number");
    assert_ne!(next, number, "the next quotation gets the next number");
    console.type_in("register-search", &number).await;
    let rows = console
        .root
        .query_selector_all("[data-testid=\"register-row\"]")
        .expect("rows")
        .length();
    assert_eq!(rows, 1);
    console.type_in("register-search", "no such client").await;
    assert!(console.find("register-row").is_none());

    // The private key is nowhere to be read: not the page, not localStorage, not the link.
    let secret = private_part();
    assert!(!readable().contains(secret));
    assert!(!url.contains(secret));
    drop(console);

    // The link opens on a fresh prospect's page as a valid quotation, priced with its discount.
    let page = Mounted::prospect(fragment).await;
    assert_eq!(signature_state(&page).await, "valid");
    assert_eq!(page.text("quote-client"), "PT Maju Jaya");
    assert_eq!(page.text("quote-number"), number);
    assert_eq!(page.text("quote-note"), "Harga termasuk laporan mingguan.");
    let opened = link::decode(fragment, catalogue().expect("valid")).expect("our link");
    assert_eq!(opened.dropped, []);
    let mut request = opened.contents.request.clone();
    assert!(request.discount.is_none());
    request.discount = opened.contents.quote.discount;
    assert_eq!(
        request.discount.map(|d| d.to_string()).as_deref(),
        Some("0.05")
    );
    let tariff = catalogue().expect("valid").latest();
    page.shows(&estimate(tariff, &request).expect("prices"));
}

#[test]
async fn a_remembered_key_survives_a_reload_signs_and_cannot_be_read_out() {
    let console = Mounted::console().await;
    console.load_demo_key(true).await;
    assert!(
        console
            .text("console-signer")
            .contains("remembered on this device")
    );
    drop(console);

    // Reloaded: the key is there without its file, and signs.
    let console = Mounted::console().await;
    until("the remembered key", || {
        console.find("console-signer").is_some()
    })
    .await;
    let url = console.issue(&["fulfilment"], "PT Sentosa", "").await;
    let fragment = url.split_once('#').expect("a link").1;
    assert!(!fragment.contains("disc="), "{fragment}");

    // What is stored signs, and cannot be read out.
    let key = biaya_bpo::ui::console::remembered_key()
        .await
        .expect("a remembered key");
    assert!(!key.extractable());
    let subtle = gloo::utils::window().crypto().expect("crypto").subtle();
    let exported =
        wasm_bindgen_futures::JsFuture::from(subtle.export_key("jwk", &key).expect("asked"));
    assert!(
        exported.await.is_err(),
        "a remembered key cannot be exported"
    );
    assert!(!readable().contains(private_part()));

    // The client opens it on a page of their own, not beside the console.
    drop(console);
    let page = Mounted::prospect(fragment).await;
    assert_eq!(signature_state(&page).await, "valid");
    drop(page);

    // Forgotten, it is gone after a reload too.
    let console = Mounted::console().await;
    console.forget().await;
    drop(console);
    let console = Mounted::console().await;
    assert!(console.find("console-signer").is_none());
    assert!(biaya_bpo::ui::console::remembered_key().await.is_none());
}

/// The register's rows for quotation `number`.
fn listed(console: &Mounted, number: &str) -> usize {
    let rows = console
        .root
        .query_selector_all("[data-testid=\"register-row\"] th")
        .expect("rows");
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .filter(|cell| cell.text_content().as_deref() == Some(number))
        .count()
}

#[test]
async fn a_double_click_issues_one_quotation_and_its_link_goes_out_of_date() {
    let console = Mounted::console().await;
    console.load_demo_key(false).await;
    console.click("activity-sales").await;
    until("the estimate to reach the console", || {
        console.find("console-monthly").is_some()
    })
    .await;
    console.confirm_examples().await;
    console.type_in("console-client", "PT Sekali Klik").await;
    let number = console.value("console-number");
    // Two clicks before anything re-renders: the second finds the first still signing.
    let button = console.get("console-issue").unchecked_into::<HtmlElement>();
    button.click();
    button.click();
    until("the quotation to be signed", || {
        console.find("console-issued-link").is_some()
    })
    .await;
    // Time for a second signature, had one been started.
    yew::platform::time::sleep(Duration::from_millis(500)).await;
    settle().await;
    until("the register to list it", || listed(&console, &number) > 0).await;
    assert_eq!(listed(&console, &number), 1, "one quotation {number}");
    assert_ne!(console.value("console-number"), number);
    let state = |console: &Mounted| console.get("console-issued").get_attribute("data-state");
    assert_eq!(state(&console).as_deref(), Some("current"));
    assert!(console.find("console-issued-stale").is_none());
    // Said, as the button that was pressed stays where it was.
    let said = console.text("console-issue-status");
    assert!(
        said.contains(&format!("Quotation {number} issued")),
        "{said}"
    );

    // Another figure in the calculator: the link stays to be copied, marked as what was issued.
    let issued = console.text("console-issued-link");
    console.click("activity-accounting").await;
    assert_eq!(state(&console).as_deref(), Some("out-of-date"));
    assert!(!console.text("console-issue-status").contains("issued"));
    let stale = console.text("console-issued-stale");
    assert!(
        stale.contains("Out of date") && stale.contains("as issued"),
        "{stale}"
    );
    assert_eq!(console.text("console-issued-link"), issued);

    // The number just issued, typed again, is refused at its field, and nothing is signed.
    console.type_in("console-number", &number).await;
    let message = console.text("error-console-number");
    assert!(message.contains("already in the register"), "{message}");
    console.click("console-issue").await;
    yew::platform::time::sleep(Duration::from_millis(300)).await;
    settle().await;
    assert_eq!(listed(&console, &number), 1);
    assert_eq!(console.text("console-issued-link"), issued);
}

#[test]
async fn a_discount_over_the_limit_is_refused_at_its_field() {
    let console = Mounted::console().await;
    console.load_demo_key(false).await;
    console.click("activity-sales").await;
    console.confirm_examples().await;
    // Nothing typed yet: Issue waits, and says for what.
    let issue = console.get("console-issue");
    assert!(
        issue.has_attribute("disabled"),
        "Issue waits for the client"
    );
    let waiting = console.text("console-issue-status");
    assert!(
        waiting.contains("can be issued once") && waiting.contains("For (client company)"),
        "{waiting}"
    );
    assert_eq!(
        issue.get_attribute("aria-describedby").as_deref(),
        Some("console-issue-status")
    );
    console.type_in("console-client", "PT Maju Jaya").await;
    assert!(!console.get("console-issue").has_attribute("disabled"));
    console.type_in("console-discount", "15").await;
    let message = console.text("error-console-discount");
    assert!(message.contains("10%"), "{message}");
    assert_eq!(
        console
            .get("console-discount")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    // Over the limit: Issue waits again, naming the discount (its message is at the field).
    assert!(console.get("console-issue").has_attribute("disabled"));
    let waiting = console.text("console-issue-status");
    assert!(
        waiting.contains("Negotiated discount") && !waiting.contains("client company"),
        "{waiting}"
    );
    console.click("console-issue").await;
    yew::platform::time::sleep(Duration::from_millis(200)).await;
    settle().await;
    assert!(
        console.find("console-issued-link").is_none(),
        "nothing signed"
    );
    // Within the limit, the message goes.
    console.type_in("console-discount", "10").await;
    assert!(console.find("error-console-discount").is_none());
}

#[test]
async fn a_key_the_provider_does_not_list_is_refused() {
    let console = Mounted::console().await;
    console.forget().await;
    console
        .choose_key_file(&DEMO_KEY.replace("SD-14cd3d", "SD-000000"))
        .await;
    until("the key to be refused", || {
        console.text("console-key-status").contains("not listed")
    })
    .await;
    assert!(console.find("console-signer").is_none());
    assert_eq!(
        console.value("console-key-file"),
        "",
        "the file input keeps nothing"
    );
    console.choose_key_file("not a key").await;
    until("the file to be refused", || {
        console
            .text("console-key-status")
            .contains("not a key file")
    })
    .await;
    let status = console.text("console-key-status");
    assert!(status.contains("ask the operator"), "{status}");
    // The demo key's public half only, as the provider file's entry gives it: it cannot sign.
    let public = DEMO_KEY.replace(&format!("\"d\":\"{}\",", private_part()), "");
    assert!(!public.contains(private_part()));
    console.choose_key_file(&public).await;
    until("the public half to be refused", || {
        console
            .text("console-key-status")
            .contains("only the public half")
    })
    .await;
    assert!(console.find("console-signer").is_none());
}

/// The element that has the focus, by its test id.
fn focused() -> Option<String> {
    gloo::utils::document()
        .active_element()
        .and_then(|e| e.get_attribute("data-testid"))
}

#[test]
async fn loading_and_forgetting_a_key_are_said_and_the_focus_follows() {
    let console = Mounted::console().await;
    console.load_demo_key(false).await;
    let said = console.text("console-key-status");
    assert!(said.contains("Key loaded: Sari Dewi"), "{said}");
    // The file input that had the focus is gone: the signer's name has it.
    assert_eq!(focused().as_deref(), Some("console-signer"));
    console.click("console-forget").await;
    until("the key to be forgotten", || {
        console.find("console-key-file").is_some()
    })
    .await;
    settle().await;
    let said = console.text("console-key-status");
    assert!(said.contains("forgotten on this device"), "{said}");
    assert_eq!(focused().as_deref(), Some("console-key-file"));
}

#[test]
async fn remembering_can_be_switched_once_the_key_is_loaded() {
    let console = Mounted::console().await;
    console.load_demo_key(false).await;
    assert!(
        console
            .text("console-signer")
            .contains("for this session only")
    );
    assert!(biaya_bpo::ui::console::remembered_key().await.is_none());
    console.click("console-remember").await;
    until("the key to be remembered", || {
        console
            .text("console-signer")
            .contains("remembered on this device")
    })
    .await;
    assert!(biaya_bpo::ui::console::remembered_key().await.is_some());
    // And kept after a reload.
    drop(console);
    let console = Mounted::console().await;
    assert!(console.find("console-signer").is_some(), "remembered");
    console.click("console-remember").await;
    until("the key to be for this session only", || {
        console
            .text("console-signer")
            .contains("for this session only")
    })
    .await;
    assert!(biaya_bpo::ui::console::remembered_key().await.is_none());
    assert!(
        console.find("console-signer").is_some(),
        "still signs this session"
    );
    drop(console);
    let console = Mounted::console().await;
    assert!(console.find("console-signer").is_none());
}
