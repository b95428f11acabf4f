//! Issuing a quotation: the form over the calculator's estimate, signing with the salesperson's
//! key, and the signed link with ways to send it.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::form::{DiscountError, DraftEdit, IssuedFrom, Issuing, QuoteDraft, UntilError};
use super::keys::Signer;
use super::numbers::{
    TAG_LENGTH, after_issuing, device_tag, is_device_tag, is_taken, proposed_number, sequence_name,
};
use crate::estimate::{Request, estimate};
use crate::i18n::{
    ApprovalTexts, ConsoleTexts, Lang, ShareTexts, already_option, approval_needed,
    approval_request_message, approval_requested, discount_limit, discount_limit_with_approval,
    discount_over_limit, format_money, note_help, option_name, quotation_issued, quotation_message,
    quoted_settings, refusal, until_too_late,
};
use crate::link::{self, MAX_OPTIONS, QuoteField};
use crate::provider::{self, Staff, provider};
use crate::quote::{self, Today};
use crate::signature;
use crate::tariff::{Catalogue, Tariff};
use crate::ui::bridge::{self, Wish};
use crate::ui::hooks::use_copy;
use crate::ui::state::Edit;
use crate::ui::{Static, browser, crypto};

/// The characters of a signature in a link: 64 bytes in base64url.
const SIGNATURE_CHARS: usize = 86;
/// The longest key id a provider file allows.
const MAX_KEY_ID: usize = 24;

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn sequence_key(name: &str) -> String {
    format!("biaya-bpo.console.sequence.{name}")
}

/// The last number of the salesperson's sequence this month, on this device.
fn last_issued(name: &str) -> u32 {
    storage()
        .and_then(|s| s.get_item(&sequence_key(name)).ok().flatten())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn record_issued(name: &str, last: u32) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&sequence_key(name), &last.to_string());
    }
}

const DEVICE_KEY: &str = "biaya-bpo.console.device";

/// This device's tag in quotation numbers: made once from the browser's random numbers and
/// kept, so that this device's numbers do not meet another's (the odds: docs/signed-quotes.md).
fn device() -> String {
    let store = storage();
    if let Some(tag) = store
        .as_ref()
        .and_then(|s| s.get_item(DEVICE_KEY).ok().flatten())
        .filter(|t| is_device_tag(t))
    {
        return tag;
    }
    let mut random = [0u8; TAG_LENGTH];
    let drawn = gloo::utils::window()
        .crypto()
        .ok()
        .and_then(|c| c.get_random_values_with_u8_array(&mut random).ok())
        .is_some();
    if !drawn {
        // Every browser that signs has getRandomValues; this is for one that somehow has not.
        for byte in &mut random {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    let tag = device_tag(random);
    if let Some(store) = store {
        let _ = store.set_item(DEVICE_KEY, &tag);
    }
    tag
}

/// Whether a signed link opens as its client's page will check it: read back whole, its
/// signature holding by the key the provider file lists.
async fn stands(sealed: &str, catalogue: &Catalogue, signer: &Staff) -> bool {
    let Ok(opened) = link::decode(sealed, catalogue) else {
        return false;
    };
    if !opened.dropped.is_empty() {
        return false;
    }
    match signature::claim_among(opened.seal.as_ref(), provider(), Some(signer)) {
        Ok(claim) => crypto::verify(&claim.public, &claim.signature, claim.message).await,
        Err(_) => false,
    }
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// Also the element's id; its message is `error-<testid>`.
    pub testid: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The input's type: text unless given.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub min: Option<AttrValue>,
    #[prop_or_default]
    pub max: Option<AttrValue>,
    /// The longest text, in characters.
    #[prop_or_default]
    pub maxlength: Option<usize>,
    #[prop_or_default]
    pub multiline: bool,
}

/// A labelled text field with its help and, when wrong, its message, tied to it for screen
/// readers.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let id = props.testid.to_string();
    let help_id = format!("{id}-help");
    let error_id = format!("error-{id}");
    let described: Vec<&str> = [
        props.error.as_ref().map(|_| error_id.as_str()),
        props.help.as_ref().map(|_| help_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = props.error.is_some().then_some("true");
    let maxlength = props.maxlength.map(|m| m.to_string());
    let control = if props.multiline {
        let on_change = props.on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            on_change.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        });
        html! {
            <textarea id={id.clone()} data-testid={id.clone()} rows="3" value={props.value.clone()}
                maxlength={maxlength} aria-invalid={invalid} aria-describedby={described} {oninput} />
        }
    } else {
        let on_change = props.on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            on_change.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        });
        html! {
            <input id={id.clone()} data-testid={id.clone()} type={props.kind.clone()}
                inputmode={props.inputmode.clone()} min={props.min.clone()} max={props.max.clone()} autocomplete="off"
                value={props.value.clone()} maxlength={maxlength} aria-invalid={invalid}
                aria-describedby={described} {oninput} />
        }
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ &props.label }</label>
            { control }
            if let Some(help) = &props.help {
                <p id={help_id} class="help">{ help }</p>
            }
            if let Some(error) = &props.error {
                <p id={error_id.clone()} data-testid={error_id} class="error">{ error }</p>
            }
        </div>
    }
}

/// A quotation just issued.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Issued {
    url: AttrValue,
    number: String,
    client: String,
    from: IssuedFrom,
    /// Issued as a request for this colleague's approval of its discount.
    approver: Option<&'static Staff>,
    discount: Option<rust_decimal::Decimal>,
}

#[derive(Properties, PartialEq)]
pub struct IssueFormProps {
    pub lang: Lang,
    pub catalogue: Static<Catalogue>,
    /// The calculator's estimate: its tariff and request.
    pub estimate: Option<(Static<Tariff>, Request)>,
    /// Some volume is still the page's example: not issued until confirmed or set to zero.
    pub examples: bool,
    /// A field in the calculator is being corrected: the estimate is the last valid one.
    pub stale: bool,
    pub signer: Option<Rc<Signer>>,
    /// Today on the provider's calendar.
    pub today: Today,
    /// The numbers in this device's register.
    pub taken: Rc<Vec<String>>,
    /// A quotation was issued: its whole link.
    pub on_issued: Callback<String>,
    /// "Revise" on a register entry: the draft of its next revision, counted.
    #[prop_or_default]
    pub revise: Option<(u32, Rc<QuoteDraft>)>,
}

#[component]
pub fn IssueForm(props: &IssueFormProps) -> Html {
    let IssueFormProps {
        lang,
        catalogue,
        estimate: wanted,
        examples,
        stale,
        signer,
        today,
        taken,
        on_issued,
        revise,
    } = props;
    // Examples or a field being corrected hold the calculator's estimate back: from a
    // quotation, and from its options.
    let held = *examples || *stale;
    let (lang, today, texts) = (*lang, *today, ConsoleTexts::of(*lang));
    let draft = use_reducer_eq(QuoteDraft::default);
    {
        let dispatcher = draft.dispatcher();
        use_effect_with(revise.clone(), move |revise| {
            if let Some((_, revision)) = revise {
                dispatcher.dispatch(DraftEdit::Revise(Box::new((**revision).clone())));
            }
        });
    }
    let busy = use_state_eq(|| false);
    let failure = use_state_eq(|| None::<&'static str>);
    let issued = use_state_eq(|| None::<Issued>);
    // Set in the click handler itself, before anything re-renders: a second click on the same
    // render (a double-click) finds it and issues nothing. The numbers issued are kept the same
    // way, for a click that comes after signing but before the form shows the next number.
    let signing = use_mut_ref(|| false);
    let signed_here = use_mut_ref(Vec::<String>::new);
    let seller = provider();
    let device = use_memo((), |()| device());
    let staff = signer.as_ref().map(|s| s.staff);
    let sequence = staff.map(|s| sequence_name(&s.id, today.0));
    let last = sequence.as_deref().map_or(0, last_issued);
    let proposed = staff
        .map(|s| proposed_number(&seller.quote_prefix, &s.id, today.0, &device, last, taken))
        .unwrap_or_default();
    let discount = staff.map(|s| draft.discount(s, seller));
    // Over the signer's own limit: issued as a request for this colleague's approval.
    let asking = staff.and_then(|s| {
        let wanted = discount.and_then(Result::ok).flatten()?;
        (wanted > s.max_discount)
            .then(|| quote::approver(seller, s, wanted))
            .flatten()
    });
    let discount_error = match discount {
        Some(Err(DiscountError::OverLimit { max })) => Some(discount_over_limit(max, lang)),
        Some(Err(DiscountError::NotANumber)) => Some(texts.discount_not_a_number.to_owned()),
        Some(Err(DiscountError::Negative)) => Some(texts.discount_negative.to_owned()),
        Some(Err(DiscountError::TooPrecise)) => Some(texts.discount_precise.to_owned()),
        _ => None,
    };
    // What the client will be quoted, the discount applied.
    let quoted = use_memo(
        (wanted.clone(), discount.and_then(Result::ok).flatten()),
        |(wanted, discount)| {
            let (tariff, request) = wanted.as_ref()?;
            let request = Request {
                discount: *discount,
                ..request.clone()
            };
            let priced = estimate(tariff.0, &request).ok()?;
            Some(format_money(priced.totals.monthly, priced.currency, lang))
        },
    );
    let issuable = wanted
        .as_ref()
        .filter(|(_, request)| !request.activities.is_empty());
    // A quotation of options is of them: the calculator's examples do not hold it back.
    let held_issue = held && !draft.offers_options();
    // The options listed, as the client will compare them: where, and a month's figure;
    // priced when they or the discount change, not at every keystroke in the calculator.
    let option_tariff = Static(wanted.as_ref().map_or(catalogue.0.latest(), |(t, _)| t.0));
    let listed = use_memo(
        (
            draft.options.clone(),
            discount.and_then(Result::ok).flatten(),
            option_tariff,
            lang,
        ),
        |(options, discount, tariff, lang)| {
            options
                .iter()
                .map(|request| {
                    let priced = estimate(
                        tariff.0,
                        &Request {
                            discount: *discount,
                            ..request.clone()
                        },
                    );
                    let monthly = priced
                        .map(|p| format_money(p.totals.monthly, p.currency, *lang))
                        .unwrap_or_default();
                    (quoted_settings(tariff.0, request, *lang), monthly)
                })
                .collect::<Vec<(String, String)>>()
        },
    );
    let already = issuable.and_then(|(_, request)| draft.option_of(request));
    let can_add =
        issuable.is_some() && !held && already.is_none() && draft.options.len() < MAX_OPTIONS;
    let on_add = {
        let (dispatch, request) = (draft.dispatcher(), issuable.map(|(_, r)| r.clone()));
        Callback::from(move |_: MouseEvent| {
            if let Some(request) = request.clone() {
                dispatch.dispatch(DraftEdit::AddOption(request));
                // The button waits once the estimate is an option: the focus goes to the list.
                browser::after_render(|| browser::focus("console-options-title"));
            }
        })
    };
    let checked = match (issuable, signer) {
        (Some((tariff, request)), Some(signer)) => {
            // The link adds the page's address, the key's id and the signature to its fields.
            // A request leaves room for its approval: the longest key id a provider file
            // allows, the day and the countersignature.
            let approval = asking.map_or(0, |_| {
                "&ok=&okd=YYYY-MM-DD&osig=".len() + MAX_KEY_ID + SIGNATURE_CHARS
            });
            let overhead = browser::page_url("").len()
                + "&key=&sig=".len()
                + signer.key.id.len()
                + SIGNATURE_CHARS
                + approval;
            Some(draft.contents(&Issuing {
                tariff: tariff.0,
                request,
                provider: seller,
                staff: signer.staff,
                key: signer.key,
                today,
                proposed: &proposed,
                taken,
                overhead,
            }))
        }
        _ => None,
    };
    let problems = checked
        .as_ref()
        .and_then(|c| c.as_ref().err())
        .cloned()
        .unwrap_or_default();
    // Issue waits while anything on the form would be refused, and says what: the fields to put
    // right, named as they are labelled (each one's own message is at the field).
    let waiting: Vec<&str> = [
        (problems.client_missing, texts.client),
        (
            problems.number_missing || problems.number_taken,
            texts.number,
        ),
        (problems.until.is_some(), texts.until),
        (problems.discount.is_some(), texts.discount),
        (problems.single_option, texts.options),
    ]
    .into_iter()
    .filter_map(|(wrong, name)| wrong.then_some(name))
    .collect();
    let until_error = problems.until.map(|e| {
        AttrValue::from(match e {
            UntilError::NotADate => texts.not_a_date.to_owned(),
            UntilError::Past => texts.until_past.to_owned(),
            UntilError::TooLate { latest, days } => until_too_late(latest, days, lang),
        })
    });
    let refused = problems.refused.map(|r| refusal(&r, lang));
    // Said as soon as it is typed: a number already issued is never right.
    let number_error = problems
        .number_taken
        .then_some(AttrValue::Static(texts.number_taken));

    let edit = |make: fn(String) -> DraftEdit| {
        let dispatch = draft.dispatcher();
        Callback::from(move |text: String| dispatch.dispatch(make(text)))
    };
    let on_issue = {
        let (busy, failure, issued) = (busy.setter(), failure.setter(), issued.setter());
        let (signer, on_issued, catalogue) = (signer.clone(), on_issued.clone(), *catalogue);
        let tariff = issuable.map(|(tariff, _)| *tariff);
        let contents = checked.clone().and_then(Result::ok).filter(|_| !held_issue);
        let (sequence, dispatch, device) = (sequence.clone(), draft.dispatcher(), device.clone());
        let from = issuable
            .map(|(tariff, request)| IssuedFrom::new(&draft, tariff.0.version.as_ref(), request));
        let (signing, signed_here) = (signing.clone(), signed_here.clone());
        Callback::from(move |_: MouseEvent| {
            let approver = asking;
            let (Some(contents), Some(signer), Some(tariff), Some(sequence), Some(from)) = (
                contents.clone(),
                signer.clone(),
                tariff,
                sequence.clone(),
                from.clone(),
            ) else {
                return;
            };
            if *signing.borrow() || is_taken(&contents.quote.reference, &signed_here.borrow()) {
                return;
            }
            *signing.borrow_mut() = true;
            let (signing, signed_here) = (signing.clone(), signed_here.clone());
            let (busy, failure, issued, on_issued, dispatch, device) = (
                busy.clone(),
                failure.clone(),
                issued.clone(),
                on_issued.clone(),
                dispatch.clone(),
                device.clone(),
            );
            busy.set(true);
            failure.set(None);
            spawn_local(async move {
                let signable = link::signable(&contents, tariff.0, &signer.key.id);
                let sealed = match crypto::sign(&signer.crypto, &signable).await {
                    Some(mut bytes) => {
                        // One link per quotation: s at most n / 2, as the page accepts it.
                        signature::canonicalise(&mut bytes);
                        link::sealed(&signable, &signature::encode(&bytes))
                    }
                    None => String::new(),
                };
                // Issued only as the client's page will find it: whole, and signed by this key.
                if sealed.is_empty() || !stands(&sealed, catalogue.0, signer.staff).await {
                    failure.set(Some(ConsoleTexts::of(lang).sign_failed));
                    busy.set(false);
                    *signing.borrow_mut() = false;
                    return;
                }
                signed_here
                    .borrow_mut()
                    .push(contents.quote.reference.clone());
                let url = browser::page_url(&sealed);
                let seller = provider();
                let last = after_issuing(
                    &seller.quote_prefix,
                    &signer.staff.id,
                    today.0,
                    &device,
                    last_issued(&sequence),
                    &contents.quote.reference,
                );
                record_issued(&sequence, last);
                on_issued.emit(url.clone());
                issued.set(Some(Issued {
                    url: url.into(),
                    number: contents.quote.reference.clone(),
                    client: contents.quote.client.clone(),
                    from,
                    approver,
                    discount: contents.quote.discount,
                }));
                dispatch.dispatch(DraftEdit::Issued);
                busy.set(false);
                *signing.borrow_mut() = false;
            });
        })
    };

    let until_shown = issuable
        .map(|(tariff, _)| draft.until_shown(tariff.0, today))
        .unwrap_or_default();
    let latest_until = today
        .0
        .plus_days(seller.max_validity_days())
        .map(|d| AttrValue::from(d.to_string()));
    let limit = staff.map(|s| {
        let most = quote::largest_discount(seller, s);
        AttrValue::from(if most > s.max_discount {
            discount_limit_with_approval(&s.name, s.max_discount, most, lang)
        } else {
            discount_limit(&s.name, s.max_discount, lang)
        })
    });
    let approval_texts = ApprovalTexts::of(lang);
    let disabled =
        *busy || signer.is_none() || issuable.is_none() || held_issue || !problems.is_empty();
    let settle =
        |edit: Edit| Callback::from(move |_: MouseEvent| bridge::wish(&[Wish::Edit(edit.clone())]));
    let number_shown = draft
        .text(QuoteField::Reference)
        .map_or(proposed, str::to_owned);
    // What a quotation's free-text field shows, and the edit its typing makes.
    let typed = |field| AttrValue::from(draft.text(field).unwrap_or_default().to_owned());
    let type_in = |field: QuoteField| {
        let dispatch = draft.dispatcher();
        Callback::from(move |text: String| dispatch.dispatch(DraftEdit::Text(field, text)))
    };
    let on_screen = wanted
        .as_ref()
        .map(|(tariff, request)| (tariff.0.version.as_ref(), request));
    html! {
        <section class="console-card console-issue" aria-labelledby="console-issue-title">
            <h3 id="console-issue-title">{ texts.issue_title }</h3>
            <div class="console-quoted" role="status">
                if let Some(monthly) = (*quoted).clone().filter(|_| issuable.is_some()) {
                    <span class="help">{ texts.estimate_monthly }</span>
                    <strong data-testid="console-monthly">{ monthly }</strong>
                    <a href="#activities-title">{ texts.to_calculator }</a>
                } else {
                    <span>{ texts.no_estimate }</span>
                }
            </div>
            <div class="console-options" data-testid="console-options" role="group" aria-labelledby="console-options-title">
                <h4 id="console-options-title" tabindex="-1">{ texts.options }</h4>
                if !listed.is_empty() {
                    <ol>
                        { for listed.iter().enumerate().map(|(i, (settings, monthly))| {
                            let dispatch = draft.dispatcher();
                            html! {
                                <li data-testid={format!("console-option-{}", i + 1)}>
                                    <span>{ format!("{}: {settings} · {monthly}", option_name(i + 1, lang)) }</span>
                                    <button type="button" class="secondary" data-testid={format!("console-remove-option-{}", i + 1)}
                                        aria-label={format!("{} {}", texts.remove_option, option_name(i + 1, lang))}
                                        onclick={Callback::from(move |_: MouseEvent| {
                                            dispatch.dispatch(DraftEdit::RemoveOption(i));
                                            // The button goes with its option.
                                            browser::after_render(|| browser::focus("console-options-title"));
                                        })}>
                                        { texts.remove_option }
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                }
                <button type="button" class="secondary" data-testid="console-add-option" disabled={!can_add}
                    aria-describedby="console-options-help" onclick={on_add}>{ texts.add_option }</button>
                if let Some(n) = already {
                    <p class="help" role="status" data-testid="console-option-already">{ already_option(n, lang) }</p>
                }
                if problems.single_option {
                    <p class="status bad" data-testid="console-single-option">{ texts.single_option }</p>
                }
                <p class="help" id="console-options-help">{ texts.options_help }</p>
            </div>
            <div class="quote-fields">
                <TextField testid="console-client" label={texts.client} value={typed(QuoteField::Client)}
                    maxlength={QuoteField::Client.max()}
                    on_change={type_in(QuoteField::Client)} />
                <TextField testid="console-attention" label={texts.attention} value={typed(QuoteField::Attention)}
                    maxlength={QuoteField::Attention.max()} on_change={type_in(QuoteField::Attention)} />
                <TextField testid="console-subject" label={texts.subject} value={draft.subject_shown(lang)}
                    maxlength={QuoteField::Subject.max()} on_change={type_in(QuoteField::Subject)} />
                <TextField testid="console-until" label={texts.until} kind="date" value={until_shown}
                    min={today.0.to_string()} max={latest_until} error={until_error} on_change={edit(DraftEdit::Until)} />
                <TextField testid="console-discount" label={texts.discount} value={draft.discount.clone()}
                    inputmode="decimal" help={limit} error={discount_error.map(AttrValue::from)}
                    on_change={edit(DraftEdit::Discount)} />
                <TextField testid="console-number" label={texts.number} value={number_shown}
                    maxlength={QuoteField::Reference.max()} help={AttrValue::Static(texts.number_help)}
                    error={number_error} on_change={type_in(QuoteField::Reference)} />
            </div>
            <TextField testid="console-note" label={texts.note} value={typed(QuoteField::Note)} multiline={true}
                maxlength={QuoteField::Note.max()} help={AttrValue::from(note_help(QuoteField::Note.max(), lang))}
                on_change={type_in(QuoteField::Note)} />
            if *stale {
                <p class="status bad" data-testid="console-stale">{ texts.stale_held }</p>
            } else if *examples {
                <div class="examples-note" data-testid="console-examples">
                    <p>{ texts.examples_held }</p>
                    <button type="button" class="secondary" data-testid="console-confirm-examples"
                        onclick={settle(Edit::ConfirmExamples)}>{ texts.confirm_examples }</button>
                    <button type="button" class="secondary" data-testid="console-clear-examples"
                        onclick={settle(Edit::ClearExamples)}>{ texts.clear_examples }</button>
                </div>
            }
            <div class="actions">
                if asking.is_some() {
                    <button type="button" class="primary" data-testid="console-request-approval" {disabled}
                        aria-describedby="console-issue-status" onclick={on_issue}>{ if *busy { texts.signing } else { approval_texts.request } }</button>
                } else {
                    <button type="button" class="primary" data-testid="console-issue" {disabled}
                        aria-describedby="console-issue-status" onclick={on_issue}>{ if *busy { texts.signing } else { texts.issue } }</button>
                }
            </div>
            <p class={classes!("status", (signer.is_some() && (problems.too_long || refused.is_some() || failure.is_some())).then_some("bad"))}
                role="status" id="console-issue-status" data-testid="console-issue-status">
                { if signer.is_none() {
                    texts.need_key.to_owned()
                } else if problems.too_long {
                    texts.too_long.to_owned()
                } else if let Some(refused) = refused.clone() {
                    refused
                } else if !waiting.is_empty() && issuable.is_some() && !held_issue {
                    format!("{} {}.", texts.waiting_for, waiting.join(", "))
                } else if let Some(failure) = *failure {
                    failure.to_owned()
                } else if let Some(issued) = (*issued).as_ref().filter(|issued| issued.from.is_current(&draft, on_screen)) {
                    // Said once signed, while it is what the form shows.
                    match issued.approver {
                        Some(approver) => approval_requested(&issued.number, &approver.name, lang),
                        None => quotation_issued(&issued.number, lang),
                    }
                } else if let Some((approver, staff)) = asking.zip(staff) {
                    approval_needed(&approver.name, staff.max_discount, lang)
                } else {
                    String::new()
                } }
            </p>
            if let Some(issued) = &*issued {
                <IssuedLink {lang} url={issued.url.clone()} number={issued.number.clone()}
                    client={issued.client.clone()} current={issued.from.is_current(&draft, on_screen)}
                    approver={issued.approver.map(Static)} discount={issued.discount} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct IssuedLinkProps {
    pub lang: Lang,
    pub url: AttrValue,
    pub number: String,
    pub client: String,
    /// The draft and the estimate on screen are still those it was issued from.
    pub current: bool,
    /// Issued as a request for this colleague's approval: sent to them, not to the client.
    #[prop_or_default]
    pub approver: Option<Static<Staff>>,
    /// The discount it asks for, a fraction.
    #[prop_or_default]
    pub discount: Option<rust_decimal::Decimal>,
}

/// The signed link, whole, with copy, WhatsApp to the client and a new tab. Once the form or
/// the estimate changes it stays, since the salesperson may still want to send it, but says it
/// is the quotation as issued, not what is on screen.
#[component]
pub fn IssuedLink(props: &IssuedLinkProps) -> Html {
    let IssuedLinkProps {
        lang,
        url,
        number,
        client,
        current,
        approver,
        discount,
    } = props;
    let (texts, labels) = (ConsoleTexts::of(*lang), ShareTexts::of(*lang));
    let (link_ref, on_copy, copied) = use_copy(url, *lang);
    let approval = ApprovalTexts::of(*lang);
    let (title, whatsapp, send) = match (approver, discount) {
        (Some(approver), Some(discount)) => (
            approval.requested_title,
            provider::whatsapp(
                Some(&approver.0.whatsapp),
                &approval_request_message(number, client, *discount, url, *lang),
            ),
            approval.send_to_approver,
        ),
        _ => (
            texts.issued_title,
            provider::whatsapp(
                None,
                &quotation_message(&provider().name, number, client, url, *lang),
            ),
            texts.send_whatsapp,
        ),
    };
    html! {
        <div class={classes!("console-issued", (!current).then_some("out-of-date"))} data-testid="console-issued"
            data-state={if *current { "current" } else { "out-of-date" }}>
            <h4>{ title }</h4>
            if !*current {
                <p class="status bad" role="status" data-testid="console-issued-stale">{ texts.issued_out_of_date }</p>
            } else if approver.is_none() {
                <p class="help">{ texts.issued_help }</p>
            }
            <p class="link-box"><code ref={link_ref} data-testid="console-issued-link">{ url.clone() }</code></p>
            <div class="actions">
                <button type="button" data-testid="console-copy" onclick={on_copy}>{ labels.copy_link }</button>
                <a class="button" data-testid="console-whatsapp" target="_blank" rel="noopener"
                    href={whatsapp}>{ send }</a>
                <a class="button" data-testid="console-open" target="_blank" rel="noopener"
                    href={url.clone()}>{ texts.open }</a>
            </div>
            <p class="status" role="status">{ copied }</p>
        </div>
    }
}
