//! What the page reads from and writes to the browser: the language preference, the address
//! bar, the stored draft, the clipboard, the share sheet, printing. Nothing leaves the browser.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Lang;
use crate::quote::Today;

/// What the browser tells the page as it starts (`browser::visit`): the language, today, the
/// link in the address and the stored draft. At build time, a visitor with neither (`prerender`).
#[derive(Clone, PartialEq)]
pub struct Visit {
    pub lang: Lang,
    /// Today on the provider's calendar.
    pub today: Today,
    pub link: Option<String>,
    pub draft: Option<String>,
    /// The page's address without its fragment: a link's address is this, `#` and the link.
    pub base: String,
}

const LANG_KEY: &str = "biaya-bpo.lang";
/// The newest revision of each quotation opened on this device, under this and its base
/// number: its revision, a tab, and its link.
const REVISION_KEY: &str = "biaya-bpo.revision.";

/// The newest revision of the quotation numbered `base` opened on this device, where newer than
/// `n`: its revision and link. Else this one (`link`) is remembered as the newest.
#[must_use]
pub fn newer_revision(base: &str, n: u32, link: &str) -> Option<(u32, String)> {
    let storage = storage()?;
    let key = format!("{REVISION_KEY}{base}");
    let seen = storage.get_item(&key).ok().flatten().unwrap_or_default();
    let newest = seen
        .split_once('\t')
        .and_then(|(newest, link)| Some((newest.parse::<u32>().ok()?, link.to_owned())));
    match newest {
        Some((newest, link)) if newest > n => Some((newest, link)),
        _ => {
            let _ = storage.set_item(&key, &format!("{n}\t{link}"));
            None
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Private modes may refuse storage: the page works without it.
    gloo::utils::window().local_storage().ok().flatten()
}

/// The language chosen on an earlier visit, else the browser's.
#[must_use]
pub fn initial_lang() -> Lang {
    let remembered = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code));
    remembered.unwrap_or_else(|| {
        let tags: Vec<String> = gloo::utils::window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .collect();
        Lang::from_preferences(tags.iter().map(String::as_str))
    })
}

/// Remembers the choice and tells the document, for screen readers and hyphenation.
pub fn show_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(&crate::i18n::page_title(
        &crate::provider::provider().name,
        lang,
    ));
}

const DRAFT_KEY: &str = "biaya-bpo.draft";

/// The page's own places an anchor may name: never read as a link.
const ANCHORS: [&str; 1] = ["summary-title"];

/// The link in the address bar, without `#`. An anchor of the page's own (`#summary-title`, where
/// the skip link leads) is not one. A link pasted with `?` instead of `#`, as some chat apps and
/// careless pastes leave it, is read all the same and put back after `#`.
#[must_use]
pub fn address_link() -> Option<String> {
    let location = gloo::utils::window().location();
    let hash = location.hash().ok()?;
    let link = hash.strip_prefix('#').unwrap_or(&hash);
    if ANCHORS.contains(&link) {
        return None;
    }
    if !link.is_empty() {
        return Some(link.to_owned());
    }
    let search = location.search().ok()?;
    let query = search.strip_prefix('?').unwrap_or(&search);
    if !query.starts_with("v=") {
        return None;
    }
    // Written after `#`, where links live: the query would reach a server's logs.
    let path = location.pathname().ok()?;
    if let Ok(history) = gloo::utils::window().history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}#{query}")));
    }
    Some(query.to_owned())
}

/// Opens `link` (a fragment) on this page, as following a link to it would.
pub fn open_link(link: &str) {
    let _ = gloo::utils::window().location().set_hash(link);
}

/// The element with id `id`, where it can take the focus.
fn focusable(id: &str) -> Option<web_sys::HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Gives the element with id `id` the focus without scrolling to it: where the focus goes once
/// the control that had it is gone.
pub fn focus(id: &str) {
    if let Some(target) = focusable(id) {
        let _ = target.focus();
    }
}

/// Moves to the element with id `id` and gives it the focus, as an in-page anchor would, but
/// leaves the address bar alone: it holds the estimate's link.
pub fn jump_to(id: &str) {
    if let Some(target) = focusable(id) {
        target.scroll_into_view();
        let _ = target.focus();
    }
}

/// An in-page anchor's click, without the anchor in the address (see [`jump_to`]).
pub fn jump(id: &'static str) -> yew::Callback<web_sys::MouseEvent> {
    yew::Callback::from(move |event: web_sys::MouseEvent| {
        event.prevent_default();
        jump_to(id);
    })
}

/// Runs `then` once what a click changed is drawn: after the click's own task, in which the page
/// renders (where the focus goes once the control clicked is gone with the view it was in).
pub fn after_render(then: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, then).forget();
}

/// The visitor's own draft, stored as a link.
#[must_use]
pub fn stored_draft() -> Option<String> {
    storage()?.get_item(DRAFT_KEY).ok().flatten()
}

pub fn store_draft(link: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(DRAFT_KEY, link);
    }
}

/// Puts the link in the address bar without adding a history entry.
pub fn show_link(link: &str) {
    let window = gloo::utils::window();
    let Ok(history) = window.history() else {
        return;
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{link}")));
}

/// The sales console's page, beside the prospect's.
const CONSOLE_PAGE: &str = "/console.html";

/// The page's address without its fragment. On the sales console, the prospect's page beside
/// it: a client opens what the console shares there, never the console.
#[must_use]
pub fn page_base() -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    let path = base.split('?').next().unwrap_or_default();
    match path.strip_suffix(CONSOLE_PAGE) {
        Some(directory) => format!("{directory}/"),
        None => base.to_owned(),
    }
}

/// The whole address of the page showing this link.
#[must_use]
pub fn page_url(link: &str) -> String {
    format!("{}#{link}", page_base())
}

/// What this browser tells the page as it starts. The link first: one pasted after `?` moves
/// after `#`, out of the address the page's links are made from.
#[must_use]
pub fn visit() -> Visit {
    let link = address_link();
    Visit {
        lang: initial_lang(),
        today: today(),
        link,
        draft: stored_draft(),
        base: page_base(),
    }
}

/// What the visitor did on the page prerendered at build time before this one took over
/// (ticked an activity, chose a language), done again here: index.html's inline script kept it.
pub fn replay_early() {
    let window = gloo::utils::window();
    if let Ok(replay) = js_sys::Reflect::get(&window, &JsValue::from_str("biayaReplay"))
        && let Some(replay) = replay.dyn_ref::<js_sys::Function>()
    {
        let _ = replay.call0(&window);
    }
}

/// Today on the provider's calendar, whatever the visitor's own time zone: a quotation issued at
/// 06:30 in Jakarta is dated and judged that Jakarta day in New York too.
#[must_use]
pub fn today() -> Today {
    // Milliseconds since 1970 by the browser's clock: the same number in every time zone.
    let seconds = (js_sys::Date::now() / 1000.0).floor();
    Today::at(crate::provider::provider(), seconds as i64)
}

fn has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|v| !v.is_undefined())
}

/// What every printed page says at its head (the style sheet's `@page` margin box reads the
/// root's `--standing`), or nothing.
pub fn set_print_heading(text: Option<&str>) {
    let Some(root) = gloo::utils::document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    let _ = match text {
        // A CSS string: its quotes and backslashes escaped, a line break as `\A`.
        Some(text) => {
            let escaped = text
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\A ");
            style.set_property("--standing", &format!("\"{escaped}\""))
        }
        None => style.remove_property("--standing").map(|_| ()),
    };
}

/// Copies the text with the Clipboard API. `false` where it is missing or refused (insecure
/// context, permission): the caller then selects the text for the visitor to copy.
pub async fn copy(text: &str) -> bool {
    let navigator = gloo::utils::window().navigator();
    if !has(&navigator, "clipboard") {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Selects an element's text, so the visitor can copy it by hand.
pub fn select(element: &web_sys::Element) {
    if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
        let _ = selection.select_all_children(element);
    }
}

/// Whether the device offers its own share sheet (phones, mostly).
#[must_use]
pub fn can_share() -> bool {
    has(&gloo::utils::window().navigator(), "share")
}

/// Opens the device's share sheet with the link.
pub async fn share(title: &str, url: &str) {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let promise = gloo::utils::window().navigator().share_with_data(&data);
    // The visitor may cancel: nothing to do either way.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `then` once the browser has painted what is on the page now.
#[must_use]
pub fn after_paint(then: impl FnOnce() + 'static) -> AfterPaint {
    let timeout = Rc::new(RefCell::new(None));
    let frame = {
        let timeout = timeout.clone();
        // A frame callback runs before the paint; a timeout set in it runs after.
        gloo::render::request_animation_frame(move |_| {
            timeout.replace(Some(gloo::timers::callback::Timeout::new(0, then)));
        })
    };
    AfterPaint {
        _frame: frame,
        _timeout: timeout,
    }
}

/// Dropping it cancels what waits for the paint.
pub struct AfterPaint {
    _frame: gloo::render::AnimationFrame,
    _timeout: Rc<RefCell<Option<gloo::timers::callback::Timeout>>>,
}

/// Prints the document the deferred module lays out for paper. Asked before that module has
/// arrived (a slow phone, a quick finger), it loads it and waits for the document, for up to ten
/// seconds, so that paper never gets the screen instead.
pub fn print() {
    // The document drawn, and the sheet that lays it out on paper loaded.
    fn ready() -> bool {
        let document = gloo::utils::document();
        let found = |selector: &str| document.query_selector(selector).ok().flatten();
        // A page without the sheet (the tests' own) has nothing to wait for.
        let sheet_loaded = found("link[data-deferred-css]").is_none_or(|link| {
            js_sys::Reflect::get(&link, &JsValue::from_str("sheet"))
                .is_ok_and(|sheet| !sheet.is_null() && !sheet.is_undefined())
        });
        found(".document").is_some() && sheet_loaded
    }
    fn when_ready(tries_left: u32) {
        if ready() || tries_left == 0 {
            let _ = gloo::utils::window().print();
            return;
        }
        gloo::timers::callback::Timeout::new(50, move || when_ready(tries_left - 1)).forget();
    }
    load_deferred();
    when_ready(200);
}

/// Calls `on_change` with the new link when the visitor edits the address bar's fragment.
pub fn on_address_change(on_change: impl Fn(String) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
        // Following an in-page anchor changes the address too: that is not a link pasted in.
        if let Some(link) = address_link() {
            on_change(link);
        }
    })
}

/// Calls `on_leave` when the visitor leaves the page (closes the tab, reloads, follows a link).
pub fn on_leave(on_leave: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "pagehide", move |_| on_leave())
}

/// Calls `catch_up` before printing: the page writes the address it may still owe, so that a
/// change made just before printing is in the printed code.
pub fn on_before_print(catch_up: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "beforeprint", move |_| catch_up())
}

/// Before printing: draws the QR code of the address (drawn only now, not on every keystroke),
/// and opens every collapsed section, since a printed quote hides nothing. The page's own
/// `on_before_print` listener, added first, has written the address by then.
pub fn prepare_print() -> EventListener {
    EventListener::new(&gloo::utils::window(), "beforeprint", move |_| {
        let document = gloo::utils::document();
        let url = gloo::utils::window().location().href().unwrap_or_default();
        if let (Some(target), Some(svg)) =
            (document.get_element_by_id("print-qr"), super::qr::svg(&url))
        {
            // Markup drawn by `qr::svg`: the address is in the code's modules, not in the markup.
            target.set_inner_html(&svg);
        }
        let Ok(sections) = document.query_selector_all("details") else {
            return;
        };
        for i in 0..sections.length() {
            if let Some(element) = sections
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = element.set_attribute("open", "");
            }
        }
    })
}

/// Loads the deferred module, once: the release names its script in
/// `<meta name="biaya-deferred" content="...">` (written by `.ci/finish-build.mjs`).
pub fn load_deferred() {
    let document = gloo::utils::document();
    let named = |name: &str| {
        document
            .query_selector(&format!("meta[name={name}]"))
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
    };
    let (Some(src), Some(head)) = (named("biaya-deferred"), document.head()) else {
        return;
    };
    if document
        .query_selector("script[data-deferred]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    // The style sheet first: it is small and arrives before the module has compiled.
    if let (Some(href), Ok(sheet)) = (named("biaya-deferred-css"), document.create_element("link"))
    {
        let _ = sheet.set_attribute("rel", "stylesheet");
        let _ = sheet.set_attribute("href", &href);
        let _ = sheet.set_attribute("data-deferred-css", "");
        let _ = head.append_child(&sheet);
    }
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &src);
    let _ = script.set_attribute("data-deferred", "");
    let _ = head.append_child(&script);
}

/// An element of its own for the deferred module's root: it draws into the page's places
/// through portals, so the root itself stays empty.
#[must_use]
pub fn deferred_root() -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    let root = document.create_element("div").ok()?;
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// Keeps the page working offline after the first visit (see `sw.js`). Where service workers are
/// missing or refused, the page simply needs the network.
pub fn work_offline() {
    // A development build changes with every save: caching it would serve stale files.
    if cfg!(debug_assertions) {
        return;
    }
    let navigator = gloo::utils::window().navigator();
    if !has(&navigator, "serviceWorker") {
        return;
    }
    let promise = navigator.service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
