//! What the visitor must know about the estimate on screen: what a link lost on the way, an
//! older tariff, an expired quote, whose estimate it is.

use yew::prelude::*;

use crate::calendar::Date;
use crate::i18n::{Lang, Texts, format_date, link_error};
use crate::link::LinkError;
use crate::ui::state::{Action, Origin};
use crate::ui::{browser, places};

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub link_error: Option<LinkError>,
    /// Opening the link on the page had to give something up: the deferred module lists what.
    pub dropped: bool,
    pub expired: Option<Date>,
    pub origin: Origin,
    /// A quotation is on the page: it is its client's to read, not a draft to keep.
    pub quote: bool,
    /// The visitor's stored draft, offered back while someone else's estimate is on the page.
    pub draft: Option<AttrValue>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let NoticesProps {
        lang,
        link_error: error,
        dropped,
        expired,
        origin,
        quote,
        draft,
        dispatch,
    } = props;
    let (lang, texts) = (*lang, Texts::of(*lang));
    // Each button's notice goes away with what it does: the focus goes on to the estimate, not
    // back to the top of the page.
    // Made anew at each click: an action is not cloned (its clone would weigh on the page).
    let act = |action: Box<dyn Fn() -> Action>| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(action());
            browser::after_render(|| browser::jump_to("summary-title"));
        })
    };

    // The visitor's own draft, one click away while someone else's estimate is on the page.
    let open_draft = draft.as_ref().map(|text| {
        let text = text.clone();
        html! {
            <button type="button" data-testid="open-draft"
                onclick={act(Box::new(move || Action::Open { text: text.to_string(), origin: Origin::Own }))}>
                { texts.open_draft }
            </button>
        }
    });

    html! {
        <div class="notices">
            if error.is_some() || *dropped {
                <div class="notice warning" data-testid="link-error" role="alert">
                    <p><strong>{ texts.link_damaged }</strong></p>
                    if let Some(error) = error {
                        <p>{ link_error(*error, lang) }</p>
                    }
                    // What it lost, field by field, follows with the deferred module.
                    <div id={places::LINK_PROBLEMS} class="deferred"></div>
                </div>
            }
            // An older tariff's estimate beside today's prices, and what re-pricing gave up.
            <div id={places::TARIFF} class="deferred"></div>
            if let Some(until) = expired {
                <div class="notice warning" data-testid="quote-expired">
                    <p>{ format!("{} {}. {}", texts.expired, format_date(*until, lang), texts.prices_may_change) }</p>
                </div>
            }
            // A quotation is its client's to read, not a draft to keep; the visitor's own
            // estimate stays one click away.
            if let (Origin::Link, true, Some(open_draft)) = (*origin, *quote, open_draft.clone()) {
                <div class="notice" data-testid="quote-draft-notice">
                    <p>{ texts.quote_keeps_draft }</p>
                    <div class="actions">{ open_draft }</div>
                </div>
            }
            if *origin == Origin::Link && !*quote {
                <div class="notice" data-testid="shared-notice">
                    <p>{ if draft.is_some() { texts.shared_keeps_draft } else { texts.shared } }</p>
                    <div class="actions">
                        { open_draft }
                        <button type="button" data-testid="keep-draft" onclick={act(Box::new(|| Action::KeepAsDraft))}>{ texts.keep_draft }</button>
                    </div>
                </div>
            }
        </div>
    }
}
