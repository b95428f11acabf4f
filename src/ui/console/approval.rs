//! Approving a colleague's discount over their own limit, and recording an approval: the
//! salesperson sends the signed request; a colleague who may approve it (the provider file's
//! `approves_up_to`) pastes it here and countersigns it with their key; the salesperson pastes
//! the approved link back here and it joins the register (the request it approves leaves the
//! register's view: see `entries::current`). The rules are `quote::may_approve` and
//! `signature::judge`, as the client's page and `quote approve` apply them.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::entries;
use super::keys::Signer;
use crate::estimate::{Request, estimate};
use crate::i18n::{
    ApprovalTexts, Lang, ShareTexts, approval_refusal, approval_request_reading, approve_label,
    approved_elsewhere, approved_message, record_approval,
};
use crate::link::{self, Opened};
use crate::provider::{self, Staff, provider};
use crate::quote::{self, Today};
use crate::signature::{self, SignatureState, Verdict};
use crate::tariff::Catalogue;
use crate::ui::hooks::use_copy;
use crate::ui::{Static, browser, crypto, staff};

/// What the browser found of a pasted link's signatures: the link, who signed it (the provider
/// file's, or certified by its roster), whether the signature holds, whether the approval it
/// carries holds.
#[derive(Debug, Clone, PartialEq)]
struct Checked {
    text: String,
    signer: Option<&'static Staff>,
    holds: bool,
    approved: bool,
}

async fn check(text: String, catalogue: &'static Catalogue) -> Checked {
    let mut checked = Checked {
        text: text.clone(),
        signer: None,
        holds: false,
        approved: false,
    };
    let Ok(opened) = link::decode(&text, catalogue) else {
        return checked;
    };
    let certified = match signature::unlisted(opened.seal.as_ref(), provider()) {
        Some(key) => staff::certified_staff(key).await,
        None => None,
    };
    if let Ok(claim) = signature::claim_among(opened.seal.as_ref(), provider(), certified) {
        checked.signer = Some(claim.staff);
        checked.holds = crypto::verify(&claim.public, &claim.signature, claim.message).await;
    }
    if let Some(claim) = signature::approver_claim(opened.approval.as_ref(), provider()) {
        checked.approved = crypto::verify(&claim.public, &claim.signature, claim.message).await;
    }
    checked
}

/// The verdict on a checked link today, and the link as read.
fn judged(
    checked: &Checked,
    catalogue: &'static Catalogue,
    today: Today,
) -> Option<(Opened, Verdict<'static>)> {
    let opened = link::decode(&checked.text, catalogue).ok()?;
    let tariff = catalogue.get(&opened.contents.tariff)?;
    let signer = signature::signer_among(opened.seal.as_ref(), provider(), checked.signer).ok()?;
    let verdict = signature::judge(
        signer,
        (checked.holds, checked.approved),
        &opened,
        tariff,
        provider(),
        today,
    );
    Some((opened, verdict))
}

/// The monthly total with the discount a request asks for, as the client will be quoted once
/// approved: each option's, named, where the quotation offers several.
fn monthly_with(opened: &Opened, catalogue: &Catalogue, lang: Lang) -> Option<String> {
    let tariff = catalogue.get(&opened.contents.tariff)?;
    let several = !opened.contents.options.is_empty();
    let mut each = Vec::new();
    for (i, option) in opened.options().enumerate() {
        let request = Request {
            discount: opened.contents.quote.discount,
            ..option.clone()
        };
        let priced = estimate(tariff, &request).ok()?;
        let money = crate::i18n::format_money(priced.totals.monthly, priced.currency, lang);
        each.push(if several {
            format!("{money} ({})", crate::i18n::option_name(i + 1, lang))
        } else {
            money
        });
    }
    Some(each.join("; "))
}

#[derive(Properties, PartialEq)]
pub struct ApprovalsProps {
    pub lang: Lang,
    pub catalogue: Static<Catalogue>,
    pub today: Today,
    pub signer: Option<Rc<Signer>>,
    /// The register's links, every one.
    pub links: Rc<Vec<String>>,
    /// Records an approved link in the register.
    pub on_record: Callback<String>,
}

/// What the card says of the pasted link, and what it offers.
enum Reading {
    Nothing,
    Says(&'static str, String),
    /// A request this key may approve: the sentence, and the discount.
    Approvable(String, rust_decimal::Decimal),
    /// An approved quotation of this device's register: the button's label.
    Recordable(String),
}

#[component]
pub fn Approvals(props: &ApprovalsProps) -> Html {
    let ApprovalsProps {
        lang,
        catalogue,
        today,
        signer,
        links,
        on_record,
    } = props;
    let (lang, today, texts) = (*lang, *today, ApprovalTexts::of(*lang));
    let pasted = use_state_eq(String::new);
    let checked = use_state_eq(|| None::<Checked>);
    let approved = use_state_eq(|| None::<(AttrValue, String, String, Option<&'static Staff>)>);
    let busy = use_state_eq(|| false);
    let failure = use_state_eq(|| None::<&'static str>);
    {
        let (checked, catalogue) = (checked.setter(), *catalogue);
        use_effect_with((*pasted).clone(), move |text| {
            let text = link::fragment(text);
            if text.is_empty() {
                checked.set(None);
            } else {
                spawn_local(async move { checked.set(Some(check(text, catalogue.0).await)) });
            }
        });
    }
    let on_input = {
        let (pasted, approved, failure) = (pasted.setter(), approved.setter(), failure.setter());
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            approved.set(None);
            failure.set(None);
        })
    };
    let fragment = link::fragment(&pasted);
    let current = (*checked).as_ref().filter(|c| c.text == fragment);
    let judgement = current.and_then(|c| judged(c, catalogue.0, today));
    let reading = match (&judgement, current) {
        _ if fragment.is_empty() => Reading::Nothing,
        (_, None) => Reading::Nothing,
        (None, Some(_)) => Reading::Says("bad", texts.not_a_quotation.to_owned()),
        (Some((opened, verdict)), Some(_)) => {
            let quote = &opened.contents.quote;
            let in_register: Vec<&String> = links
                .iter()
                .filter(|l| entries::number(l, catalogue.0).as_deref() == Some(&quote.reference))
                .collect();
            if verdict.state == SignatureState::Altered {
                Reading::Says("bad", texts.signature_fails.to_owned())
            } else if let Some(approval) = verdict.approval {
                let recorded = in_register.iter().any(|l| link::fragment(l) == fragment);
                let requested = in_register.iter().any(|l| entries::approves(&fragment, l));
                if recorded {
                    Reading::Says("recorded", texts.recorded.to_owned())
                } else if requested {
                    Reading::Recordable(record_approval(
                        &quote.reference,
                        &approval.staff.name,
                        approval.on,
                        lang,
                    ))
                } else {
                    Reading::Says(
                        "elsewhere",
                        approved_elsewhere(
                            &quote.reference,
                            &approval.staff.name,
                            approval.on,
                            lang,
                        ),
                    )
                }
            } else if verdict.approval_void {
                Reading::Says("bad", texts.approval_fails.to_owned())
            } else {
                match (signer, verdict.staff) {
                    (None, _) => Reading::Says("bad", texts.need_key.to_owned()),
                    (_, None) => Reading::Says("bad", texts.not_a_quotation.to_owned()),
                    (Some(me), Some(them)) => match quote::may_approve(
                        (me.staff, me.key),
                        them,
                        quote,
                        verdict.state == SignatureState::Valid,
                        today,
                    ) {
                        Err(refused) => Reading::Says("refused", approval_refusal(refused, lang)),
                        Ok(()) => {
                            let discount = quote.discount.unwrap_or_default();
                            let monthly =
                                monthly_with(opened, catalogue.0, lang).unwrap_or_default();
                            Reading::Approvable(
                                approval_request_reading(
                                    &quote.reference,
                                    &quote.client,
                                    &them.name,
                                    (discount, them.max_discount),
                                    &monthly,
                                    lang,
                                ),
                                discount,
                            )
                        }
                    },
                }
            }
        }
    };
    let on_approve = {
        let (approved, busy, failure) = (approved.setter(), busy.setter(), failure.setter());
        let (signer, catalogue, fragment) = (signer.clone(), *catalogue, fragment.clone());
        let signed_by = judgement.as_ref().and_then(|(_, v)| v.staff);
        let quote = judgement
            .as_ref()
            .map(|(opened, _)| opened.contents.quote.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(signer), Some(quote)) = (signer.clone(), quote.clone()) else {
                return;
            };
            let (approved, busy, failure, fragment) = (
                approved.clone(),
                busy.clone(),
                failure.clone(),
                fragment.clone(),
            );
            busy.set(true);
            spawn_local(async move {
                let countersignable = link::countersignable(&fragment, &signer.key.id, today.0);
                let sealed = match crypto::sign(&signer.crypto, &countersignable).await {
                    Some(mut bytes) => {
                        signature::canonicalise(&mut bytes);
                        link::countersealed(&countersignable, &signature::encode(&bytes))
                    }
                    None => String::new(),
                };
                // Handed over only as the client's page will read it: approved.
                let stands = !sealed.is_empty() && {
                    let checked = check(sealed.clone(), catalogue.0).await;
                    judged(&checked, catalogue.0, today)
                        .is_some_and(|(_, verdict)| verdict.approval.is_some())
                };
                if stands {
                    approved.set(Some((
                        browser::page_url(&sealed).into(),
                        quote.reference.clone(),
                        quote.client.clone(),
                        signed_by,
                    )));
                    browser::after_render(|| browser::focus("console-approved-title"));
                } else {
                    failure.set(Some(ApprovalTexts::of(lang).sign_failed));
                }
                busy.set(false);
            });
        })
    };
    let (state, sentence) = match &reading {
        Reading::Nothing => ("", String::new()),
        Reading::Says(state, sentence) => (*state, sentence.clone()),
        Reading::Approvable(sentence, _) => ("approvable", sentence.clone()),
        Reading::Recordable(_) => ("recordable", String::new()),
    };
    let bad = matches!(state, "bad" | "refused") || failure.is_some();
    let action = match &reading {
        Reading::Approvable(_, discount) if approved.is_none() => html! {
            <button type="button" class="primary" data-testid="console-approve" disabled={*busy}
                onclick={on_approve}>{ if *busy { texts.approving.to_owned() } else { approve_label(*discount, lang) } }</button>
        },
        Reading::Recordable(label) => {
            let (on_record, whole) = (on_record.clone(), browser::page_url(&fragment));
            html! {
                <button type="button" class="primary" data-testid="console-record-approval"
                    onclick={Callback::from(move |_| {
                        on_record.emit(whole.clone());
                        browser::after_render(|| browser::focus("console-approval-finding"));
                    })}>{ label.clone() }</button>
            }
        }
        _ => Html::default(),
    };
    html! {
        <section class="console-card approvals" data-testid="console-approvals" aria-labelledby="approvals-title">
            <h3 id="approvals-title">{ texts.title }</h3>
            <p class="help" id="console-approval-help">{ texts.help }</p>
            <div class="field">
                <label for="console-approval-link">{ texts.link }</label>
                <textarea id="console-approval-link" data-testid="console-approval-link" rows="3"
                    aria-describedby="console-approval-help console-approval-finding"
                    value={(*pasted).clone()} oninput={on_input} />
            </div>
            <p id="console-approval-finding" data-testid="console-approval-finding" role="status" tabindex="-1"
                class={classes!("status", bad.then_some("bad"))} data-state={state}>
                { failure.map(str::to_owned).unwrap_or(sentence) }
            </p>
            { action }
            if let Some((url, number, client, salesperson)) = &*approved {
                <ApprovedLink {lang} url={url.clone()} number={number.clone()} client={client.clone()}
                    salesperson={salesperson.map(Static)} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ApprovedLinkProps {
    lang: Lang,
    url: AttrValue,
    number: String,
    client: String,
    salesperson: Option<Static<Staff>>,
}

/// The approved link, whole, with copy and WhatsApp back to the salesperson who asked.
#[component]
fn ApprovedLink(props: &ApprovedLinkProps) -> Html {
    let ApprovedLinkProps {
        lang,
        url,
        number,
        client,
        salesperson,
    } = props;
    let (texts, labels) = (ApprovalTexts::of(*lang), ShareTexts::of(*lang));
    let (link_ref, on_copy, copied) = use_copy(url, *lang);
    let message = approved_message(number, client, url, *lang);
    let to = salesperson.map(|s| s.0.whatsapp.to_string());
    html! {
        <div class="console-issued" data-testid="console-approved">
            <h4 id="console-approved-title" tabindex="-1">{ texts.approved_title }</h4>
            <p class="help">{ texts.approved_help }</p>
            <p class="link-box"><code ref={link_ref} data-testid="console-approved-link">{ url.clone() }</code></p>
            <div class="actions">
                <button type="button" data-testid="console-approved-copy" onclick={on_copy}>{ labels.copy_link }</button>
                <a class="button" data-testid="console-approved-whatsapp" target="_blank" rel="noopener"
                    href={provider::whatsapp(to.as_deref(), &message)}>{ texts.send_to_salesperson }</a>
            </div>
            <p class="status" role="status">{ copied }</p>
        </div>
    }
}
