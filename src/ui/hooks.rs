//! What the page keeps in step with the browser, as hooks: the address bar and the stored draft
//! follow the estimate, and the parts below the totals wait for the first paint.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::Element;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;
use super::state::{Action, Origin};
use crate::i18n::{Lang, ShareTexts};

/// How long after the last keystroke the address bar and the draft are written: a storage write
/// in every keystroke would slow it, and Chrome throttles history updates past a hundred in ten
/// seconds.
const SETTLE_MS: u32 = 150;

/// The link waiting to be written, and the last one written.
#[derive(Default)]
struct Writer {
    pending: Option<(String, Origin)>,
    written: String,
}

impl Writer {
    /// Writes the link waiting to be written: into the address bar, and for the visitor's own
    /// estimate into the stored draft.
    fn flush(&mut self) {
        if let Some((link, origin)) = self.pending.take() {
            browser::show_link(&link);
            if origin == Origin::Own {
                browser::store_draft(&link);
            }
            self.written = link;
        }
    }
}

/// Keeps the address bar and the visitor's stored draft on the estimate's link, a moment after
/// the last change and at once when the page is left or printed; and opens a link pasted into
/// the address bar of the open page.
#[hook]
pub fn use_link_sync(link: String, origin: Origin, dispatch: Callback<Action>) {
    let writer = use_mut_ref(Writer::default);
    {
        let writer = writer.clone();
        use_effect_with((link, origin), move |(link, origin)| {
            writer.borrow_mut().pending = Some((link.clone(), *origin));
            let later = Timeout::new(SETTLE_MS, move || writer.borrow_mut().flush());
            move || drop(later)
        });
    }
    use_effect_with((), move |()| {
        let flush = |writer: &Rc<RefCell<Writer>>| {
            let writer = writer.clone();
            move || writer.borrow_mut().flush()
        };
        let listeners = (
            browser::on_address_change({
                let writer = writer.clone();
                move |text| {
                    // Our own writes fire no event; one that differs is a link pasted in.
                    if writer.borrow().written != text {
                        dispatch.emit(Action::Open {
                            text,
                            origin: Origin::Link,
                        });
                    }
                }
            }),
            browser::on_leave(flush(&writer)),
            browser::on_before_print(flush(&writer)),
        );
        move || drop(listeners)
    });
}

/// `false` until the browser has painted the page once: what is below the totals waits for it,
/// so that a phone shows the estimate first.
#[hook]
pub fn use_after_first_paint() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.setter();
        use_effect_with((), move |()| {
            let later = browser::after_paint(move || painted.set(true));
            move || drop(later)
        });
    }
    *painted
}

/// The visitor's stored draft while someone else's estimate is on the page, to offer it back:
/// read when the page's origin changes, not in every keystroke's render (while a link is open
/// the page writes no draft, so it cannot change meanwhile).
#[hook]
pub fn use_stored_draft(origin: Origin) -> Option<AttrValue> {
    let draft = use_memo(origin, |origin| {
        (*origin == Origin::Link)
            .then(browser::stored_draft)
            .flatten()
            // Offered only where there is something to go back to: a draft that reads, with an
            // activity in it.
            .filter(|draft| {
                crate::tariff::catalogue().is_ok_and(|catalogue| {
                    crate::link::decode(draft, catalogue)
                        .is_ok_and(|opened| !opened.contents.request.activities.is_empty())
                })
            })
            .map(AttrValue::from)
    });
    (*draft).clone()
}

/// Makes the changes the deferred parts ask for (see `bridge::Wish`), as the visitor's own.
#[hook]
pub fn use_wishes(dispatch: Callback<Action>) {
    use_effect_with((), move |()| {
        let listener = super::bridge::on_wish(move |wishes| {
            for wish in wishes {
                dispatch.emit(wish.into());
            }
        });
        move || drop(listener)
    });
}

/// How long the typing pauses before a figure that follows it is said to a screen reader.
pub const SPOKEN_AFTER_MS: u32 = 1_000;

/// `value` once it has stayed the same for `ms` milliseconds: what a screen reader is told, once
/// the typing pauses rather than at every keystroke.
#[hook]
pub fn use_settled<T: Clone + PartialEq + 'static>(value: T, ms: u32) -> T {
    let settled = use_state_eq(|| value.clone());
    {
        let settled = settled.setter();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let later = Timeout::new(ms, move || settled.set(value));
            move || drop(later)
        });
    }
    (*settled).clone()
}

/// A "Copy link" button for `url`: the reference for the element that shows the link, the
/// button's click, and what the click did, to say beside it (copied; or, where the browser
/// refuses the clipboard, the link selected for the visitor to copy). A new link forgets what was
/// done with the old one.
#[hook]
pub fn use_copy(url: &AttrValue, lang: Lang) -> (NodeRef, Callback<MouseEvent>, &'static str) {
    let said = use_state_eq(|| "");
    {
        let said = said.setter();
        use_effect_with(url.clone(), move |_| said.set(""));
    }
    let link = use_node_ref();
    let on_copy = {
        let (said, link, url) = (said.setter(), link.clone(), url.clone());
        let texts = ShareTexts::of(lang);
        Callback::from(move |_: MouseEvent| {
            let (said, link, url) = (said.clone(), link.clone(), url.clone());
            spawn_local(async move {
                if browser::copy(&url).await {
                    said.set(texts.copied);
                } else if let Some(element) = link.cast::<Element>() {
                    browser::select(&element);
                    said.set(texts.selected);
                }
            });
        })
    };
    (link, on_copy, *said)
}
