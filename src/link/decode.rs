//! A link read back, field by field: what reads is kept, what does not is reported.

use super::*;

/// The link in a text as people pass it on: a whole address or a fragment, with or without `#`,
/// or after `?` where a chat app or a careless paste put it there, with spaces where a chat app
/// decoded `%20` (a link never holds a space of its own, so putting `%20` back is unambiguous).
/// The page and the quote tool read what this gives, so they read the same links.
#[must_use]
pub fn fragment(text: &str) -> String {
    let text = text.trim();
    let fragment = match text.split_once('#') {
        Some((_, fragment)) => fragment,
        None => text
            .split_once('?')
            .map(|(_, query)| query)
            .filter(|query| query.starts_with("v="))
            .unwrap_or(text),
    };
    fragment.replace(' ', "%20")
}

/// Reads a link (see [`fragment`] for the forms it may take) against the bundled tariffs.
///
/// # Errors
/// [`LinkError`] when the link is too long to read or not one of our links at all. Anything
/// less is recovered: see [`Opened::dropped`].
pub fn decode(text: &str, catalogue: &Catalogue) -> Result<Opened, LinkError> {
    // Measured as the page measures its address's fragment, before reading anything; a text
    // far longer cannot hold a link short enough.
    let fragment = if text.len() > MAX_LENGTH * 4 {
        text.to_owned()
    } else {
        fragment(text)
    };
    if fragment.len() > MAX_LENGTH {
        return Err(LinkError::TooLong {
            length: fragment.len(),
            max: MAX_LENGTH,
        });
    }
    let mut dropped = Vec::new();
    let key_id = |key: &str| percent_decode_str(key).decode_utf8_lossy().into_owned();

    // An approval follows the signed link it approves, and vouches for all of it.
    let (fragment, approval) = match fragment.rsplit_once("&osig=") {
        Some((message, signature)) => {
            let (rest, on) = message.rsplit_once("&okd=").unwrap_or((message, ""));
            let (signed, key) = rest.rsplit_once("&ok=").unwrap_or((rest, ""));
            let approval = Countersignature {
                key: key_id(key),
                on: Date::parse(on),
                signature: signature.to_owned(),
                message: message.to_owned(),
            };
            (signed, Some(approval))
        }
        None => (fragment.as_str(), None),
    };

    // A signed quotation ends with its key and signature, which vouch for everything before
    // them (see `signature`); any other link with the check of everything before `&z=`.
    // A seal whose own names were damaged (`&kez=`, `&sih=`) is still a seal: what was signed
    // was changed, which is not the same as never having been signed.
    let mut seal = None;
    let body = if let Some((message, signature)) = fragment.rsplit_once("&sig=") {
        let (body, key) = message.rsplit_once("&key=").unwrap_or((message, ""));
        seal = Some(Seal {
            key: key_id(key),
            signature: signature.to_owned(),
            message: message.to_owned(),
        });
        body
    } else if let Some((body, _)) = fragment.rsplit_once("&key=") {
        // Where the key's id ends is lost with the signature's name: the seal reads altered.
        seal = Some(Seal {
            key: String::new(),
            signature: String::new(),
            message: fragment.to_owned(),
        });
        body
    } else {
        match fragment.rsplit_once("&z=") {
            Some((body, sum)) => {
                if check(body) != sum {
                    dropped.push(Dropped::Altered);
                }
                body
            }
            None => {
                dropped.push(Dropped::Truncated);
                fragment
            }
        }
    };

    let mut fields: LiteMap<&str, String> = LiteMap::new();
    let mut order: Vec<&str> = Vec::new();
    for pair in body.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let text = percent_decode_str(raw).decode_utf8_lossy().into_owned();
        if fields.contains_key(key) {
            dropped.push(Dropped::Repeated {
                field: key.to_owned(),
            });
        } else {
            fields.insert(key, text);
            order.push(key);
        }
    }

    let rules = match fields.remove("v").map(|v| v.parse::<u32>()) {
        None => return Err(LinkError::NotALink),
        Some(Ok(1..=2)) => Rules::Format2,
        Some(Ok(3..=FORMAT)) => Rules::Format3,
        Some(Ok(format)) if format > FORMAT => return Err(LinkError::NewerFormat { format }),
        Some(_) => return Err(LinkError::NotALink),
    };

    let named = fields.remove("t").unwrap_or_default();
    let tariff = match catalogue.get(&named) {
        Some(tariff) => tariff,
        None => {
            dropped.push(Dropped::UnknownTariff { version: named });
            catalogue.latest()
        }
    };
    let mut request = Request::starter(tariff);
    request.rules = rules;
    // A setting the tariff does not offer keeps the starting value.
    let mut setting = |key: &str, ok: &dyn Fn(&str) -> bool| -> Option<String> {
        let text = fields.remove(key)?;
        if ok(&text) {
            return Some(text);
        }
        dropped.push(Dropped::Setting {
            key: key.to_owned(),
            value: text,
        });
        None
    };
    if let Some(site) = setting("s", &|s| tariff.site(s).is_some()) {
        request.site = site;
    }
    if let Some(term) = setting("k", &|k| tariff.term(k).is_some()) {
        request.term = term;
    }
    if let Some(currency) =
        setting("c", &|c| Currency::from_code(c).is_some()).and_then(|c| Currency::from_code(&c))
    {
        request.currency = currency;
    }
    if let Some(language) = setting("l", &|l| tariff.language(l).is_some()) {
        request.service_language = language;
    }
    if setting("vat", &|v| v == "excl").is_some() {
        request.vat = VatMode::Excluded;
    }
    let fluctuation = |f: &str| f.parse::<u32>().is_ok_and(|f| f <= MAX_FLUCTUATION);
    if let Some(f) = setting("f", &fluctuation).and_then(|f| f.parse().ok()) {
        request.fluctuation = f;
    }
    let mut date = |key: &str| {
        fields.remove(key).and_then(|d| {
            let date = Date::parse(&d);
            if date.is_none() {
                dropped.push(Dropped::Date { value: d });
            }
            date
        })
    };
    let issued = date("d");
    let until = date("u");
    let discount = fields.remove("disc").and_then(|d| {
        let fraction = Decimal::from_str_exact(&d)
            .ok()
            .filter(|p| !p.is_sign_negative() && *p < Decimal::ONE_HUNDRED)
            .and_then(|p| p.checked_div(Decimal::ONE_HUNDRED));
        if fraction.is_none() {
            dropped.push(Dropped::Discount { value: d });
        }
        fraction
    });

    for activity in tariff.activities.iter() {
        let sizing = fields.remove(&*format!("{}-traffic", activity.id));
        let site = fields.remove(&*format!("{}-site", activity.id));
        let figures = fields.remove(&*format!("{}-own", activity.id));
        // Before format 3 there were no examples: the field is then unknown.
        let examples = fields
            .remove(&*format!("{}-ex", activity.id))
            .filter(|_| rules == Rules::Format3);
        if let Some(text) = fields.remove(&*activity.id)
            && let Some(mut wanted) = activity_from(activity, rules, &text, &mut dropped)
        {
            if let Some(site) = site {
                if tariff.site(&site).is_some() {
                    wanted.site = Some(site);
                } else {
                    dropped.push(Dropped::Setting {
                        key: "s".into(),
                        value: site,
                    });
                }
            }
            if let Some(text) = figures {
                // Figures the engine would refuse are dropped with a message, so the estimate
                // opens with the tariff's.
                let fits = |figures: &InHouseFigures| {
                    activity.model(&wanted.model).is_some_and(|model| {
                        crate::estimate::check_in_house(tariff, activity, model, rules, figures)
                            .is_ok()
                    })
                };
                match own_from(&text).filter(fits) {
                    Some(figures) => wanted.in_house = figures,
                    None => dropped.push(Dropped::InHouse {
                        activity: activity.id.to_string(),
                    }),
                }
            }
            let mask = examples.and_then(|m| m.parse::<u64>().ok()).unwrap_or(0);
            if let Some(model) = activity.model(&wanted.model) {
                for (i, unit) in units(activity, model, rules).iter().enumerate() {
                    if i < 64 && mask & (1 << i) != 0 {
                        wanted.examples.push(unit.id.to_string());
                    }
                }
            }
            if let Some(text) = sizing {
                wanted.sizing = sizing_from(activity, &wanted, &text);
                if wanted.sizing.is_none() {
                    dropped.push(Dropped::Traffic {
                        activity: activity.id.to_string(),
                    });
                }
            }
            request.activities.push(wanted);
        }
    }

    let mut quote = QuoteDetails {
        issued,
        until,
        discount,
        ..QuoteDetails::default()
    };
    for field in QuoteField::ALL {
        let Some(text) = fields.remove(field.key()) else {
            continue;
        };
        // Shown as text, never as markup; control characters have no place in a name.
        let clean: String = text.chars().filter(|c| !c.is_control()).collect();
        if clean.chars().count() > field.max() {
            dropped.push(Dropped::Shortened {
                field: field.key().to_owned(),
                max: field.max(),
            });
        }
        *field.get_mut(&mut quote) = clean.chars().take(field.max()).collect();
    }

    for key in order.iter().filter(|k| fields.contains_key(**k)) {
        dropped.push(Dropped::Unknown {
            field: (*key).to_owned(),
        });
    }

    // What reads well field by field may still not price together (an edited site that cannot
    // deliver an activity): leave those activities out rather than the whole link.
    if let Err(error) = leave_out_undeliverable(&mut request, tariff, &mut dropped) {
        // Every field was checked against the tariff above, so no other error can come; should
        // one, the starting request is safer than a broken one.
        request = Request::starter(tariff);
        request.rules = rules;
        dropped.push(Dropped::Removed {
            activity: String::new(),
            error,
        });
    }

    Ok(Opened {
        contents: Contents {
            tariff: tariff.version.to_string(),
            request,
            quote,
        },
        dropped,
        seal,
        approval,
    })
}

/// What is impossible about a quote's date, `today` being the provider's: a date after it, or
/// before the tariff it was priced with took effect.
#[must_use]
pub fn date_problem(quote: &QuoteDetails, tariff: &Tariff, today: Date) -> Option<Dropped> {
    let issued = quote.issued?;
    if issued > today {
        return Some(Dropped::DatedInFuture { issued });
    }
    let effective = Date::parse(&tariff.effective)?;
    (issued < effective).then_some(Dropped::DatedBeforeTariff { issued, effective })
}

/// What reads well field by field may still not price together (a site that cannot deliver an
/// activity, a language it does not speak): those activities are left out, with the reason,
/// rather than the whole request.
///
/// # Errors
/// The first error no single activity accounts for.
pub(super) fn leave_out_undeliverable(
    request: &mut Request,
    tariff: &Tariff,
    dropped: &mut Vec<Dropped>,
) -> Result<(), EstimateError> {
    while let Err(error) = request.validate(tariff) {
        let culprit = match &error {
            EstimateError::SiteUnavailable { activity, .. }
            | EstimateError::LanguageNotServed { activity, .. }
            | EstimateError::OptionConflict { activity, .. } => activity.clone(),
            _ => return Err(error),
        };
        request.activities.retain(|a| a.activity != culprit);
        dropped.push(Dropped::Removed {
            activity: culprit,
            error,
        });
    }
    Ok(())
}

/// One activity's field: `[model.]n.n.n[~mask]`, its volumes those of the units `rules` price.
/// `None` where the activity cannot be kept; every repair is reported in `dropped`.
pub(super) fn activity_from(
    activity: &Activity,
    rules: Rules,
    text: &str,
    dropped: &mut Vec<Dropped>,
) -> Option<ActivityRequest> {
    let id = || activity.id.to_string();
    let (volumes, mask) = match text.split_once('~') {
        Some((volumes, mask)) => (volumes, Some(mask)),
        None => (text, None),
    };
    let mut parts = volumes.split('.').peekable();
    let model = match parts.peek() {
        Some(first) if !first.is_empty() && !first.bytes().all(|b| b.is_ascii_digit()) => {
            let Some(model) = activity.model(first) else {
                dropped.push(Dropped::UnknownModel {
                    activity: id(),
                    model: (*first).to_owned(),
                });
                return None;
            };
            parts.next();
            model
        }
        _ => activity.models.first()?,
    };
    let mut quantities = Volumes::new();
    let mut units = units(activity, model, rules).into_iter();
    for part in parts {
        let Some(unit) = units.next() else {
            dropped.push(Dropped::ExtraVolumes { activity: id() });
            break;
        };
        let quantity = match part.parse::<u64>() {
            Ok(n) if n <= unit.max => n,
            read => {
                dropped.push(Dropped::Volume {
                    activity: id(),
                    unit: unit.id.to_string(),
                    max: read.ok().map(|_| unit.max),
                });
                0
            }
        };
        quantities.insert(unit.id.to_string(), quantity);
    }
    for unit in units {
        quantities.insert(unit.id.to_string(), 0);
    }

    let mut options = OptionSet::default();
    if let Some(mask) = mask {
        match mask.parse::<u64>() {
            Ok(mask) => {
                let mut kept: Vec<&crate::tariff::ActivityOption> = Vec::new();
                for (i, option) in activity.options.iter().enumerate() {
                    if i >= 64 || mask & (1 << i) == 0 {
                        continue;
                    }
                    let clash = kept
                        .iter()
                        .find(|k| option.group.is_some() && k.group == option.group);
                    if let Some(first) = clash {
                        dropped.push(Dropped::OptionConflict {
                            activity: id(),
                            kept: first.id.to_string(),
                            dropped: option.id.to_string(),
                        });
                        continue;
                    }
                    kept.push(option);
                    options.insert(option.id.to_string());
                }
                if activity.options.len() < 64 && mask >> activity.options.len() != 0 {
                    dropped.push(Dropped::UnknownOptions { activity: id() });
                }
            }
            Err(_) => dropped.push(Dropped::UnknownOptions { activity: id() }),
        }
    }
    Some(ActivityRequest {
        activity: id(),
        model: model.id.to_string(),
        volumes: quantities,
        options,
        sizing: None,
        site: None,
        in_house: InHouseFigures::default(),
        examples: Vec::new(),
    })
}
