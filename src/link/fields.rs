//! The fields an activity carries beside its volumes: the client's in-house figures and the
//! traffic its volume was sized from, written and read.

use super::*;

/// The client's in-house figures as a link writes them: `w<wage>~o<overhead>~h<hire>` and
/// `<unit>:<per employee>` for each productivity, each only where given.
pub(crate) fn own(figures: &InHouseFigures) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (tag, amount) in [
        ('w', figures.wage),
        ('o', figures.overhead),
        ('h', figures.hire),
    ] {
        if let Some(amount) = amount {
            parts.push(format!("{tag}{}", amount.normalize()));
        }
    }
    for (unit, per_fte) in figures.per_fte.iter() {
        parts.push(format!("{}:{per_fte}", value(unit)));
    }
    parts.join("~")
}

/// The client's in-house figures read from a link; `None` where a part does not read (their
/// bounds are the engine's to check, with a message).
pub(crate) fn own_from(text: &str) -> Option<InHouseFigures> {
    let mut figures = InHouseFigures::default();
    for part in text.split('~') {
        let amount = || Decimal::from_str_exact(part.get(1..)?).ok();
        match part.as_bytes().first()? {
            b'w' => figures.wage = Some(amount()?),
            b'o' => figures.overhead = Some(amount()?),
            b'h' => figures.hire = Some(amount()?),
            _ => {
                let (unit, per_fte) = part.split_once(':')?;
                figures
                    .per_fte
                    .insert(unit.to_owned(), per_fte.parse().ok()?);
            }
        }
    }
    Some(figures)
}

/// A sizing as a link writes it: `c.<calls>.<handle time>` for minutes from calls, and
/// `e.<calls>.<handle time>.<hours a day>.<days a week>.<service level %>.<within seconds>.
/// <occupancy %>.<shrinkage %>.<t|f>` for agents by Erlang C (t: the typical day, f: flat).
pub(super) fn traffic(sizing: &Sizing) -> String {
    match *sizing {
        Sizing::Calls { calls, handle_time } => format!("c.{calls}.{handle_time}"),
        Sizing::Centre(CentrePlan {
            calls,
            handle_time,
            hours_per_day,
            days_per_week,
            service_level,
            answer_within,
            max_occupancy,
            shrinkage,
            profile,
        }) => {
            let profile = match profile {
                Profile::Typical => 't',
                Profile::Flat => 'f',
            };
            format!(
                "e.{calls}.{handle_time}.{hours_per_day}.{days_per_week}.{service_level}.{answer_within}.{max_occupancy}.{shrinkage}.{profile}"
            )
        }
    }
}

/// A sizing read from a link, kept only where the tariff lets the model's unit be sized that
/// way and it gives the very volume the link prices (the volume is the promise; a sizing that
/// does not match it was changed by hand).
pub(super) fn sizing_from(
    activity: &Activity,
    wanted: &ActivityRequest,
    text: &str,
) -> Option<Sizing> {
    let mut parts = text.split('.');
    let kind = parts.next()?;
    let mut number = || parts.next()?.parse::<u64>().ok();
    let sizing = match kind {
        "c" => Sizing::Calls {
            calls: number()?,
            handle_time: u32::try_from(number()?).ok()?,
        },
        "e" => Sizing::Centre(CentrePlan {
            calls: number()?,
            handle_time: u32::try_from(number()?).ok()?,
            hours_per_day: u8::try_from(number()?).ok()?,
            days_per_week: u8::try_from(number()?).ok()?,
            service_level: u8::try_from(number()?).ok()?,
            answer_within: u32::try_from(number()?).ok()?,
            max_occupancy: u8::try_from(number()?).ok()?,
            shrinkage: u8::try_from(number()?).ok()?,
            profile: match parts.next()? {
                "t" => Profile::Typical,
                "f" => Profile::Flat,
                _ => return None,
            },
        }),
        _ => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    let unit = activity
        .model(&wanted.model)?
        .units
        .iter()
        .find(|u| u.sized_by.is_some())?;
    let fits = matches!(
        (unit.sized_by, &sizing),
        (Some(SizedBy::Calls), Sizing::Calls { .. }) | (Some(SizedBy::Erlang), Sizing::Centre(_))
    );
    let volume = wanted.volumes.get(&*unit.id).copied().unwrap_or(0);
    (fits && sizing.volume() == Ok(volume)).then_some(sizing)
}
