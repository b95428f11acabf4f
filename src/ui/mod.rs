//! The page: a thin layer that turns inputs into a request and an estimate into a view. The
//! view never computes a price. It is two modules: `page`, what the first load carries, and
//! `deferred`, the parts below the totals, loaded after the first paint (see `bridge`).

mod bridge;
mod browser;
mod components;
pub mod console;
mod crypto;
pub mod deferred;
pub mod edit;
mod hooks;
mod page;
mod places;
mod qr;
mod staff;
pub mod state;
pub mod traffic;

use std::ops::Deref;
use std::rc::Rc;

use crate::estimate;
use crate::money::Currency;
use crate::tariff::{Catalogue, catalogue};

/// Tariff data lives as long as the page: props compare it by address, not field by field.
pub struct Static<T: 'static>(pub &'static T);

impl<T> Clone for Static<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Static<T> {}

impl<T> PartialEq for Static<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl<T> Deref for Static<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0
    }
}

/// A value derived once per change and shown by several components: props compare it by
/// address, since a new one is made only when something changed (comparing a whole document
/// field by field would cost the page's first module its code, and every render its time).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// For `.ci/bench.mjs`: milliseconds one full four-activity estimate takes in this browser,
/// averaged over `runs` (a time, not money: hence the float).
#[wasm_bindgen::prelude::wasm_bindgen]
#[must_use]
pub fn bench_engine(runs: u32) -> f64 {
    let (Ok(catalogue), Some(performance)) = (catalogue(), gloo::utils::window().performance())
    else {
        return f64::NAN;
    };
    let tariff = catalogue.latest();
    let mut request = estimate::Request::starter(tariff);
    request.currency = Currency::Usd;
    request.activities = tariff
        .activities
        .iter()
        .map(estimate::ActivityRequest::starter)
        .collect();
    let start = performance.now();
    for _ in 0..runs {
        let _ = std::hint::black_box(estimate::estimate(tariff, std::hint::black_box(&request)));
    }
    (performance.now() - start) / f64::from(runs.max(1))
}

/// Mounts the page on the document body. The deferred parts follow after the first paint, as a
/// module of their own (`deferred::run`), which also keeps the page for offline use.
pub fn run() {
    // Mounting empties the body: the page prerendered at build time leaves in the same task as
    // this one arrives, with no paint between.
    let visit = std::rc::Rc::new(browser::visit());
    yew::Renderer::<page::App>::with_props(page::AppProps { visit }).render();
}

/// The whole page mounted by a browser test: `unmount` takes both of its modules down, so a
/// page of an earlier test does not draw into the next one.
pub struct Mounted {
    page: yew::AppHandle<page::Estimator>,
    deferred: deferred::Mounted,
}

impl Mounted {
    pub fn unmount(self) {
        self.page.destroy();
        self.deferred.unmount();
    }
}

/// Mounts the whole page in an element, deferred parts included, for the browser tests.
#[must_use]
pub fn mount(root: web_sys::Element) -> Option<Mounted> {
    mount_with(root, catalogue().ok()?)
}

/// Mounts the whole page with another set of tariffs, as a later release would bundle them: for
/// the browser tests of links priced with an older tariff.
#[must_use]
pub fn mount_with(root: web_sys::Element, catalogue: &'static Catalogue) -> Option<Mounted> {
    let document = gloo::utils::document();
    let page = document.create_element("div").ok()?;
    let deferred = document.create_element("div").ok()?;
    root.append_child(&page).ok()?;
    root.append_child(&deferred).ok()?;
    let page = yew::Renderer::<page::Estimator>::with_root_and_props(
        page,
        page::EstimatorProps {
            catalogue: Static(catalogue),
            visit: std::rc::Rc::new(browser::visit()),
        },
    )
    .render();
    Some(Mounted {
        page,
        deferred: deferred::mount_with(deferred, catalogue),
    })
}

/// The page as a visitor with no link and no draft first sees it on `today`, in `lang`: HTML
/// for index.html, rendered at build time by the same components (`src/bin/prerender.rs`).
/// The deferred parts (the method among them) are left to the deferred module: the method alone
/// would add 5,100 bytes brotli in two languages to the first load. `None` when the tariffs do
/// not read.
#[cfg(feature = "prerender")]
#[must_use]
pub fn prerender(lang: crate::i18n::Lang, today: crate::calendar::Date) -> Option<String> {
    let catalogue = catalogue().ok()?;
    let visit = std::rc::Rc::new(browser::Visit {
        lang,
        today: crate::quote::Today(today),
        link: None,
        draft: None,
        base: String::new(),
    });
    Some(futures::executor::block_on(
        yew::LocalServerRenderer::<page::Estimator>::with_props(page::EstimatorProps {
            catalogue: Static(catalogue),
            visit,
        })
        .hydratable(false)
        .render(),
    ))
}
