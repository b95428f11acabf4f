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
    // The option shown follows everything, and no seal covers it: the client's choice.
    let (fragment, chosen) = fragment
        .rsplit_once("&o=")
        .and_then(|(rest, n)| Some((rest, n.parse::<usize>().ok()?)))
        .unwrap_or((&fragment, 1));
    let (body, seal, approval, mut dropped) = unseal(fragment);
    let (mut contents, mut lost) = read(body, 1, catalogue)?.ok_or(LinkError::NotALink)?;
    let mut shown = 0;
    for n in 2..=MAX_OPTIONS {
        let Some((option, its)) = read(body, n, catalogue)? else {
            break;
        };
        // What the link lost is the shown option's.
        if n == chosen {
            (shown, lost) = (n - 1, its);
        }
        contents.options.push(option.request);
    }
    if chosen != shown + 1 {
        lost.push(Dropped::Unknown { field: "o".into() });
    }
    dropped.append(&mut lost);
    Ok(Opened {
        contents,
        dropped,
        seal,
        approval,
        shown,
    })
}

/// Option `option` (from 1) of a link's body, and what reading it gave up; `None` where the
/// link has no such option.
fn read(
    body: &str,
    option: usize,
    catalogue: &Catalogue,
) -> Result<Option<(Contents, Vec<Dropped>)>, LinkError> {
    let Some(mut fields) = Fields::read(body, option) else {
        return Ok(None);
    };
    let rules = fields.rules()?;
    let tariff = fields.tariff(catalogue);
    let mut request = Request::starter(tariff);
    request.rules = rules;
    fields.settings(tariff, &mut request);
    let issued = fields.date("d");
    let until = fields.date("u");
    let discount = fields.discount();
    for activity in tariff.activities.iter() {
        if let Some(wanted) = fields.activity(activity, tariff, rules) {
            request.activities.push(wanted);
        }
    }
    let quote = fields.quote(QuoteDetails {
        issued,
        until,
        discount,
        ..QuoteDetails::default()
    });
    let mut dropped = fields.rest();

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
    let contents = Contents {
        tariff: tariff.version.to_string(),
        request,
        options: Vec::new(),
        quote,
    };
    Ok(Some((contents, dropped)))
}

fn key_id(key: &str) -> String {
    percent_decode_str(key).decode_utf8_lossy().into_owned()
}

/// A link's body, and what vouches for it: the signature and the approval of a signed quotation,
/// else the check (what it found wrong, in the list it starts).
fn unseal(fragment: &str) -> (&str, Option<Seal>, Option<Countersignature>, Vec<Dropped>) {
    let mut dropped = Vec::new();
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
        None => (fragment, None),
    };

    // A signed quotation ends with its key and signature, which vouch for everything before
    // them (see `signature`); any other link with the check of everything before `&z=`.
    // A seal whose own names were damaged (`&kez=`, `&sih=`) is still a seal: what was signed
    // was changed, which is not the same as never having been signed.
    if let Some((message, signature)) = fragment.rsplit_once("&sig=") {
        let (body, key) = message.rsplit_once("&key=").unwrap_or((message, ""));
        let seal = Seal {
            key: key_id(key),
            signature: signature.to_owned(),
            message: message.to_owned(),
        };
        return (body, Some(seal), approval, dropped);
    }
    if let Some((body, _)) = fragment.rsplit_once("&key=") {
        // Where the key's id ends is lost with the signature's name: the seal reads altered.
        let seal = Seal {
            key: String::new(),
            signature: String::new(),
            message: fragment.to_owned(),
        };
        return (body, Some(seal), approval, dropped);
    }
    let body = match fragment.rsplit_once("&z=") {
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
    };
    (body, None, approval, dropped)
}

/// A link's fields, taken one by one as they are read; what cannot be kept as it was is said in
/// `dropped`, and what is left at the end was not ours to read.
struct Fields<'b> {
    fields: LiteMap<&'b str, String>,
    /// The keys in the link's order, to report the unknown ones as they came.
    order: Vec<&'b str>,
    dropped: Vec<Dropped>,
}

impl<'b> Fields<'b> {
    /// The fields of option `option` (from 1): the first's, with what the option changes
    /// written over them; `None` where the link has no such option.
    fn read(body: &'b str, option: usize) -> Option<Self> {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        let mut changes = (option == 1).then_some("");
        for pair in body.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let further = key
                .strip_prefix('o')
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (2..=MAX_OPTIONS).contains(n));
            match further {
                Some(n) if n == option => changes = Some(raw),
                Some(_) => {}
                None => pairs.push((key, raw)),
            }
        }
        let mut dropped = Vec::new();
        for change in changes?.split('+').filter(|c| !c.is_empty()) {
            let (key, raw) = change.split_once('@').unwrap_or((change, ""));
            // Every option is of one format and one tariff: the link's.
            if key == "v" || key == "t" {
                dropped.push(Dropped::Unknown {
                    field: format!("o{option}"),
                });
                continue;
            }
            pairs.retain(|(k, _)| *k != key);
            if !raw.is_empty() {
                pairs.push((key, raw));
            }
        }
        let mut fields: LiteMap<&str, String> = LiteMap::new();
        let mut order: Vec<&str> = Vec::new();
        for (key, raw) in pairs {
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
        Some(Self {
            fields,
            order,
            dropped,
        })
    }

    /// The pricing rules the link's format names.
    fn rules(&mut self) -> Result<Rules, LinkError> {
        match self.fields.remove("v").map(|v| v.parse::<u32>()) {
            None => Err(LinkError::NotALink),
            Some(Ok(1..=2)) => Ok(Rules::Format2),
            Some(Ok(3..=FORMAT)) => Ok(Rules::Format3),
            Some(Ok(format)) if format > FORMAT => Err(LinkError::NewerFormat { format }),
            Some(_) => Err(LinkError::NotALink),
        }
    }

    /// The tariff the link names, else the newest.
    fn tariff<'c>(&mut self, catalogue: &'c Catalogue) -> &'c Tariff {
        let named = self.fields.remove("t").unwrap_or_default();
        match catalogue.get(&named) {
            Some(tariff) => tariff,
            None => {
                self.dropped.push(Dropped::UnknownTariff { version: named });
                catalogue.latest()
            }
        }
    }

    /// A setting's text, where `ok`; a setting the tariff does not offer keeps the starting
    /// value.
    fn setting(&mut self, key: &str, ok: impl Fn(&str) -> bool) -> Option<String> {
        let text = self.fields.remove(key)?;
        if ok(&text) {
            return Some(text);
        }
        self.dropped.push(Dropped::Setting {
            key: key.to_owned(),
            value: text,
        });
        None
    }

    /// Site, term, currency, the customers' language, VAT and fluctuation.
    fn settings(&mut self, tariff: &Tariff, request: &mut Request) {
        if let Some(site) = self.setting("s", |s| tariff.site(s).is_some()) {
            request.site = site;
        }
        if let Some(term) = self.setting("k", |k| tariff.term(k).is_some()) {
            request.term = term;
        }
        if let Some(currency) = self
            .setting("c", |c| Currency::from_code(c).is_some())
            .and_then(|c| Currency::from_code(&c))
        {
            request.currency = currency;
        }
        if let Some(language) = self.setting("l", |l| tariff.language(l).is_some()) {
            request.service_language = language;
        }
        if self.setting("vat", |v| v == "excl").is_some() {
            request.vat = VatMode::Excluded;
        }
        let fluctuation = |f: &str| f.parse::<u32>().is_ok_and(|f| f <= MAX_FLUCTUATION);
        if let Some(f) = self.setting("f", fluctuation).and_then(|f| f.parse().ok()) {
            request.fluctuation = f;
        }
    }

    fn date(&mut self, key: &str) -> Option<Date> {
        let text = self.fields.remove(key)?;
        let date = Date::parse(&text);
        if date.is_none() {
            self.dropped.push(Dropped::Date { value: text });
        }
        date
    }

    /// The negotiated discount, a percentage in the link and a fraction here.
    fn discount(&mut self) -> Option<Decimal> {
        let text = self.fields.remove("disc")?;
        let fraction = Decimal::from_str_exact(&text)
            .ok()
            .filter(|p| !p.is_sign_negative() && *p < Decimal::ONE_HUNDRED)
            .and_then(|p| p.checked_div(Decimal::ONE_HUNDRED));
        if fraction.is_none() {
            self.dropped.push(Dropped::Discount { value: text });
        }
        fraction
    }

    /// An activity the link chose, with its own site, in-house figures, examples and traffic.
    fn activity(
        &mut self,
        activity: &Activity,
        tariff: &Tariff,
        rules: Rules,
    ) -> Option<ActivityRequest> {
        let id = &*activity.id;
        let sizing = self.fields.remove(&*format!("{id}-traffic"));
        let site = self.fields.remove(&*format!("{id}-site"));
        let figures = self.fields.remove(&*format!("{id}-own"));
        // Before format 3 there were no examples: the field is then unknown.
        let examples = self
            .fields
            .remove(&*format!("{id}-ex"))
            .filter(|_| rules == Rules::Format3);
        let text = self.fields.remove(id)?;
        let dropped = &mut self.dropped;
        let mut wanted = activity_from(activity, rules, &text, dropped)?;
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
            // Figures the engine would refuse are dropped with a message, so the estimate opens
            // with the tariff's.
            let fits = |figures: &InHouseFigures| {
                activity.model(&wanted.model).is_some_and(|model| {
                    crate::estimate::check_in_house(tariff, activity, model, rules, figures).is_ok()
                })
            };
            match own_from(&text).filter(fits) {
                Some(figures) => wanted.in_house = figures,
                None => dropped.push(Dropped::InHouse {
                    activity: id.to_owned(),
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
                    activity: id.to_owned(),
                });
            }
        }
        Some(wanted)
    }

    /// The quote's free texts, into `quote`: shown as text, never as markup, at most each
    /// field's length.
    fn quote(&mut self, mut quote: QuoteDetails) -> QuoteDetails {
        for field in QuoteField::ALL {
            let Some(text) = self.fields.remove(field.key()) else {
                continue;
            };
            // Control characters have no place in a name.
            let clean: String = text.chars().filter(|c| !c.is_control()).collect();
            if clean.chars().count() > field.max() {
                self.dropped.push(Dropped::Shortened {
                    field: field.key().to_owned(),
                    max: field.max(),
                });
            }
            *field.get_mut(&mut quote) = clean.chars().take(field.max()).collect();
        }
        quote
    }

    /// What was dropped, the fields no one read among it, in the link's order.
    fn rest(self) -> Vec<Dropped> {
        let Self {
            fields,
            order,
            mut dropped,
        } = self;
        for key in order.iter().filter(|k| fields.contains_key(**k)) {
            dropped.push(Dropped::Unknown {
                field: (*key).to_owned(),
            });
        }
        dropped
    }
}

/// What is impossible about a quote's date, `today` being the provider's: a date after it, or
/// before the tariff it was priced with took effect.
#[must_use]
pub fn date_problem(quote: &QuoteDetails, tariff: &Tariff, today: Date) -> Option<Dropped> {
    let issued = quote.issued?;
    if issued > today {
        return Some(Dropped::DatedInFuture { issued });
    }
    let effective = tariff.effective;
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
