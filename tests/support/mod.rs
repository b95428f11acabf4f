//! What the browser tests (tests/browser.rs, tests/console.rs) share: the address bar and storage
//! as a visitor leaves them, elements found by their `data-testid`, acted on as a visitor would,
//! and waiting for what the page does a moment later.

// Shared by two suites: each uses a part.
#![allow(dead_code)]

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

/// Lets Yew finish every render it has scheduled.
pub async fn settle() {
    yew::scheduler::flush().await;
}

/// Waits, a frame at a time, for what the page does a moment later (the address bar after the
/// last keystroke, the parts drawn after the first paint, a file read, WebCrypto, IndexedDB);
/// fails after five seconds.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..300 {
        if done() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(16)).await;
        settle().await;
    }
    panic!("still waiting for {what}");
}

/// Waits for the first paint of a page just mounted in `root`, and for what follows it: a link's
/// forms come after the first paint of its figures, and the visitor finds them there.
pub async fn painted(root: &Element) {
    let frame = Rc::new(Cell::new(false));
    let _frame = gloo::render::request_animation_frame({
        let frame = frame.clone();
        move |_| frame.set(true)
    });
    until("the first paint", || frame.get()).await;
    until("the forms after the first paint", || {
        root.query_selector("[aria-busy=\"true\"]")
            .ok()
            .flatten()
            .is_none()
    })
    .await;
}

pub fn storage() -> web_sys::Storage {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .expect("storage")
}

/// Sets the address bar's fragment, as following a link would; "" leaves the bare page.
pub fn address(fragment: &str) {
    let window = gloo::utils::window();
    let url = if fragment.is_empty() {
        window.location().pathname().expect("path")
    } else {
        format!("#{fragment}")
    };
    window
        .history()
        .expect("history")
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .expect("replace");
}

/// A bubbling event of `kind` on `element`, as the browser sends one when the visitor acts.
pub fn fire(element: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("event");
    element.dispatch_event(&event).expect("dispatch");
}

/// A page under test, read and used through its elements' `data-testid`.
// The tests run on the browser's one thread: no `Send` bound is ever wanted of these futures.
#[allow(async_fn_in_trait)]
pub trait Testids {
    /// The element the page is mounted in.
    fn root(&self) -> &Element;

    fn find(&self, testid: &str) -> Option<Element> {
        self.root()
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

    async fn click(&self, testid: &str) {
        self.get(testid).unchecked_into::<HtmlElement>().click();
        settle().await;
    }

    /// Replaces the field's text (an input's or a text area's), as typing over it would.
    async fn type_in(&self, testid: &str, text: &str) {
        let field = self.get(testid);
        js_sys::Reflect::set(&field, &"value".into(), &text.into()).expect("a value");
        fire(&field, "input");
        settle().await;
    }
}

/// The browser's clock held at `unix_seconds` until the guard is dropped: `Date.now()` answers
/// that instant, whatever the machine's own time and zone. For quotations whose standing
/// depends on the day.
pub struct Clock {
    now: JsValue,
}

impl Clock {
    pub fn at(unix_seconds: i64) -> Self {
        let date =
            js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str("Date")).expect("Date");
        let now = js_sys::Reflect::get(&date, &JsValue::from_str("now")).expect("Date.now");
        let fixed = js_sys::Function::new_no_args(&format!("return {}", unix_seconds * 1000));
        js_sys::Reflect::set(&date, &JsValue::from_str("now"), &fixed).expect("set");
        Self { now }
    }
}

impl Drop for Clock {
    fn drop(&mut self) {
        if let Ok(date) = js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str("Date")) {
            let _ = js_sys::Reflect::set(&date, &JsValue::from_str("now"), &self.now);
        }
    }
}

/// Today on the provider's calendar (Jakarta), as the page reads it from the browser's clock.
pub fn provider_today() -> biaya_bpo::calendar::Date {
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    biaya_bpo::quote::Today::at(biaya_bpo::provider::provider(), seconds).0
}

/// Rows of a CSV file as a spreadsheet splits them: the `sep=` line names the separator, fields
/// may be quoted (a quote inside doubled), and the byte-order mark is not a cell.
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let (first, rest) = text.split_once("\r\n").expect("a first line");
    let separator = first
        .strip_prefix("sep=")
        .and_then(|s| s.chars().next())
        .expect("a sep= line");
    let mut rows = Vec::new();
    for line in rest.split("\r\n").filter(|l| !l.is_empty()) {
        let (mut cells, mut cell, mut quoted, mut chars) =
            (Vec::new(), String::new(), false, line.chars().peekable());
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                c if c == separator && !quoted => cells.push(std::mem::take(&mut cell)),
                c => cell.push(c),
            }
        }
        cells.push(cell);
        rows.push(cells);
    }
    rows
}
