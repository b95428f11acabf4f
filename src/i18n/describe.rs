//! Estimate lines in words: what each line charges for, and how its amount is made.

use super::{Lang, format_count, format_percent, format_unit_price, mid_sentence};
use crate::estimate::{ActivityRequest, Line, LineKind, Request};
use crate::money::Currency;
use crate::tariff::{Activity, Tariff, Text};

fn unit_text<'t>(
    activity: &'t Activity,
    unit: &str,
    pick: fn(&'t crate::tariff::Unit) -> &'t Text,
    lang: Lang,
) -> &'t str {
    activity
        .units()
        .find(|u| u.id == unit)
        .map_or("", |u| pick(u).get(lang))
}

texts! {
    /// Titles of the lines that read the same whatever the tariff.
    pub struct LineTexts {
        management_fee =>
            "Biaya manajemen bulanan",
            "Monthly management fee";
        minimum =>
            "Tambahan hingga komitmen minimum",
            "Top-up to the minimum commitment";
        onboarding =>
            "Orientasi dan penyiapan",
            "Onboarding and set-up";
        contributions =>
            "BPJS pemberi kerja",
            "Employer BPJS";
        thr =>
            "Cadangan THR",
            "THR set aside";
        overhead =>
            "Ruang, perangkat dan supervisi",
            "Space, equipment and supervision";
        hiring =>
            "Rekrut dan pelatihan",
            "Recruiting and training";
    }
}

/// Which tariff, and since when: "2026-11 (effective 1 November 2026)".
#[must_use]
pub fn tariff_edition(tariff: &Tariff, lang: Lang) -> String {
    let texts = super::DeferredTexts::of(lang);
    let effective = super::format_date(tariff.effective, lang);
    format!("{} ({} {effective})", tariff.version, texts.effective)
}

/// What the line charges for: "Inbound voice minutes 20,001–100,000".
#[must_use]
pub fn line_title(line: &Line, activity: &Activity, lang: Lang) -> String {
    let texts = LineTexts::of(lang);
    match &line.kind {
        LineKind::ManagementFee => texts.management_fee.into(),
        LineKind::Tier { unit, from, to, .. } => {
            let name = unit_text(activity, unit, |u| &u.name, lang);
            match (to, lang) {
                (Some(to), _) => format!(
                    "{name} {}–{}",
                    format_count(*from, lang),
                    format_count(*to, lang)
                ),
                (None, Lang::Id) => format!(
                    "{name} di atas {}",
                    format_count(from.saturating_sub(1), lang)
                ),
                (None, Lang::En) => format!(
                    "{name} above {}",
                    format_count(from.saturating_sub(1), lang)
                ),
            }
        }
        LineKind::Option { option, rate } => {
            let name = activity.option(option).map_or("", |o| o.name.get(lang));
            let rate = format_percent(*rate, lang);
            match lang {
                Lang::Id => format!("{name} (+{rate} biaya tenaga kerja)"),
                Lang::En => format!("{name} (+{rate} of labour)"),
            }
        }
        LineKind::Minimum => texts.minimum.into(),
        LineKind::Discount { rate } => {
            let rate = format_percent(*rate, lang);
            match lang {
                Lang::Id => format!("Diskon kontrak {rate}"),
                Lang::En => format!("Contract discount {rate}"),
            }
        }
        LineKind::NegotiatedDiscount { rate } => {
            let rate = format_percent(*rate, lang);
            match lang {
                Lang::Id => format!("Diskon negosiasi {rate}"),
                Lang::En => format!("Negotiated discount {rate}"),
            }
        }
        LineKind::Vat { rate } => {
            let rate = format_percent(*rate, lang);
            match lang {
                Lang::Id => format!("PPN {rate}"),
                Lang::En => format!("VAT {rate}"),
            }
        }
        LineKind::Onboarding => texts.onboarding.into(),
        LineKind::SeatSetup { unit } => {
            let noun = unit_text(activity, unit, |u| &u.unit, lang);
            match lang {
                Lang::Id => format!("Rekrut dan pelatihan per {noun}"),
                Lang::En => format!("Recruiting and training per {noun}"),
            }
        }
        LineKind::Wages => {
            let role = mid_sentence(activity.in_house.role.get(lang));
            match lang {
                Lang::Id => format!("Upah {role}"),
                Lang::En => format!("Wages, {role}"),
            }
        }
        LineKind::Contributions => texts.contributions.into(),
        LineKind::Thr => texts.thr.into(),
        LineKind::Overhead => texts.overhead.into(),
        LineKind::Space { unit } => {
            let name = unit_text(activity, unit, |u| &u.name, lang);
            match lang {
                Lang::Id => format!("{name} (sewa ruang)"),
                Lang::En => format!("{name} (space rent)"),
            }
        }
        LineKind::Hiring => texts.hiring.into(),
    }
}

/// How the amount is made, where it is a count times a price: "40,000 × IDR 3,200".
#[must_use]
pub fn line_detail(line: &Line, currency: Currency, lang: Lang) -> Option<String> {
    let quantity = line.quantity?;
    let price = line.unit_price?;
    Some(format!(
        "{} × {}",
        format_count(quantity, lang),
        format_unit_price(price, currency, lang)
    ))
}

/// What a quotation covers for one activity, in words: "Call centre (Shared, per minute):
/// inbound voice minutes 45,000, chat conversations 3,000; 24/7 coverage, premium quality
/// assurance."
#[must_use]
pub fn quoted_activity(activity: &Activity, wanted: &ActivityRequest, lang: Lang) -> String {
    // The model's units, then the channels priced beside a team (rule 14).
    let model = activity.model(&wanted.model);
    let volumes: Vec<String> = model
        .into_iter()
        .flat_map(|m| activity.priced_units(m))
        .filter_map(|unit| {
            let quantity = *wanted.volumes.get(&*unit.id)?;
            (quantity > 0).then(|| {
                format!(
                    "{} {}",
                    mid_sentence(unit.name.get(lang)),
                    format_count(quantity, lang)
                )
            })
        })
        .collect();
    let options: Vec<&str> = activity
        .options
        .iter()
        .filter(|o| wanted.options.contains(&o.id))
        .map(|o| o.name.get(lang))
        .collect();
    let mut text = activity.name.get(lang).to_owned();
    if let Some(model) = model.filter(|_| activity.models.len() > 1) {
        text = format!("{text} ({})", model.name.get(lang));
    }
    let volumes = if volumes.is_empty() {
        "0".to_owned()
    } else {
        volumes.join(", ")
    };
    if options.is_empty() {
        format!("{text}: {volumes}.")
    } else {
        format!("{text}: {volumes}; {}.", options.join(", "))
    }
}

/// Where, in which language, for how long and on which VAT basis: "Jakarta · Indonesian ·
/// 36-month contract (12% off)", with an activity delivered from a site of its own named after
/// the estimate's site ("Jakarta; call centre from Yogyakarta") and "without VAT" where the
/// figures leave it out.
#[must_use]
pub fn quoted_settings(tariff: &Tariff, request: &Request, lang: Lang) -> String {
    let site_name = |id: &str| tariff.site(id).map_or("", |s| s.name.get(lang));
    let mut site = site_name(&request.site).to_owned();
    for wanted in &request.activities {
        let Some(own) = wanted.site.as_deref().filter(|own| **own != *request.site) else {
            continue;
        };
        let activity = tariff
            .activity(&wanted.activity)
            .map_or("", |a| a.name.get(lang));
        let from = match lang {
            Lang::Id => "dari",
            Lang::En => "from",
        };
        site = format!(
            "{site}; {} {from} {}",
            mid_sentence(activity),
            site_name(own)
        );
    }
    let language = tariff
        .language(&request.service_language)
        .map_or("", |l| l.name.get(lang));
    let term = tariff
        .term(&request.term)
        .map(|t| super::term_choice(t, lang))
        .unwrap_or_default();
    if request.vat.is_included() {
        format!("{site} · {language} · {term}")
    } else {
        let without = match lang {
            Lang::Id => "tanpa PPN",
            Lang::En => "without VAT",
        };
        format!("{site} · {language} · {term} · {without}")
    }
}

texts! {
    /// The line-by-line breakdown's headings, and the in-house side's.
    pub struct BreakdownTexts {
        per =>
            "per",
            "per";
        all_in =>
            "semua biaya",
            "all in";
        monthly_bill =>
            "Tagihan bulanan",
            "Monthly bill";
        one_time_bill =>
            "Biaya awal",
            "One-time";
        compare_in_house =>
            "Rincian bila dikerjakan sendiri",
            "The same work in-house";
        item =>
            "Rincian",
            "Item";
        amount =>
            "Jumlah",
            "Amount";
        in_house_monthly =>
            "Biaya sendiri per bulan",
            "In-house, monthly";
        in_house_one_time =>
            "Rekrut dan pelatihan (sekali)",
            "Recruiting and training (one-time)";
        employees =>
            "karyawan",
            "employees";
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::tariff::catalogue;

    #[test]
    fn lines_read_as_a_finance_director_would_check_them() {
        let tariff = catalogue().expect("valid").latest();
        let call = tariff.activity("call-centre").expect("call centre");
        let tier = Line {
            kind: LineKind::Tier {
                unit: "minutes".into(),
                tier: 1,
                from: 20_001,
                to: Some(100_000),
            },
            quantity: Some(40_000),
            unit_price: Some(dec!(3200)),
            amount: dec!(128000000),
        };
        assert_eq!(
            line_title(&tier, call, Lang::En),
            "Inbound voice minutes 20,001–100,000"
        );
        assert_eq!(
            line_title(&tier, call, Lang::Id),
            "Menit panggilan masuk 20.001–100.000"
        );
        assert_eq!(
            line_detail(&tier, Currency::Idr, Lang::Id).as_deref(),
            Some("40.000 × Rp 3.200")
        );
        let top = Line {
            kind: LineKind::Tier {
                unit: "minutes".into(),
                tier: 3,
                from: 500_001,
                to: None,
            },
            ..tier
        };
        assert_eq!(
            line_title(&top, call, Lang::En),
            "Inbound voice minutes above 500,000"
        );
        let option = Line {
            kind: LineKind::Option {
                option: "24-7".into(),
                rate: dec!(0.35),
            },
            quantity: None,
            unit_price: None,
            amount: dec!(1),
        };
        assert_eq!(
            line_title(&option, call, Lang::Id),
            "Layanan 24/7 (+35% biaya tenaga kerja)"
        );
        assert_eq!(line_detail(&option, Currency::Idr, Lang::Id), None);
        let vat = Line {
            kind: LineKind::Vat { rate: dec!(0.11) },
            ..option
        };
        assert_eq!(line_title(&vat, call, Lang::Id), "PPN 11%");
    }

    #[test]
    fn a_quotation_names_the_channels_priced_beside_dedicated_agents() {
        let tariff = catalogue().expect("valid").latest();
        let call = tariff.activity("call-centre").expect("call centre");
        let mut wanted = ActivityRequest::starter(call);
        wanted.model = "dedicated".into();
        wanted.volumes = [("agents", 5), ("chats", 12_000), ("emails", 500)]
            .into_iter()
            .map(|(unit, quantity)| (unit.to_owned(), quantity))
            .collect();
        assert_eq!(
            quoted_activity(call, &wanted, Lang::En),
            "Call centre (Dedicated agents, per month): dedicated agents 5, chat conversations \
             12,000, e-mails 500."
        );
    }

    #[test]
    fn the_tariff_names_its_first_day_in_words() {
        let tariff = catalogue().expect("valid").latest();
        assert_eq!(
            tariff_edition(tariff, Lang::Id),
            "2026-11 (berlaku sejak 1 November 2026)"
        );
        assert_eq!(
            tariff_edition(tariff, Lang::En),
            "2026-11 (effective 1 November 2026)"
        );
    }
}
