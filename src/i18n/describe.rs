//! Estimate lines in words: what each line charges for, and how its amount is made.

use super::{Lang, format_count, format_money, format_percent, mid_sentence};
use crate::estimate::{Line, LineKind};
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

/// Which tariff, and since when: "2026-11 (effective 2026-11-01)".
#[must_use]
pub fn tariff_edition(tariff: &Tariff, lang: Lang) -> String {
    let labels = lang.labels();
    format!(
        "{} ({} {})",
        tariff.version, labels.effective, tariff.effective
    )
}

/// What the line charges for: "Inbound voice minutes 20,001–100,000".
#[must_use]
pub fn line_title(line: &Line, activity: &Activity, lang: Lang) -> String {
    let id = lang == Lang::Id;
    match &line.kind {
        LineKind::ManagementFee => if id {
            "Biaya manajemen bulanan"
        } else {
            "Monthly management fee"
        }
        .into(),
        LineKind::Tier { unit, from, to, .. } => {
            let name = unit_text(activity, unit, |u| &u.name, lang);
            match to {
                Some(to) => format!(
                    "{name} {}–{}",
                    format_count(*from, lang),
                    format_count(*to, lang)
                ),
                None if id => format!(
                    "{name} di atas {}",
                    format_count(from.saturating_sub(1), lang)
                ),
                None => format!(
                    "{name} above {}",
                    format_count(from.saturating_sub(1), lang)
                ),
            }
        }
        LineKind::Option { option, rate } => {
            let name = activity.option(option).map_or("", |o| o.name.get(lang));
            let rate = format_percent(*rate, lang);
            if id {
                format!("{name} (+{rate} biaya tenaga kerja)")
            } else {
                format!("{name} (+{rate} of labour)")
            }
        }
        LineKind::Minimum => if id {
            "Tambahan hingga komitmen minimum"
        } else {
            "Top-up to the minimum commitment"
        }
        .into(),
        LineKind::Discount { rate } => {
            let rate = format_percent(*rate, lang);
            if id {
                format!("Diskon kontrak {rate}")
            } else {
                format!("Contract discount {rate}")
            }
        }
        LineKind::Vat { rate } => {
            let rate = format_percent(*rate, lang);
            if id {
                format!("PPN {rate}")
            } else {
                format!("VAT {rate}")
            }
        }
        LineKind::Onboarding => if id {
            "Orientasi dan penyiapan"
        } else {
            "Onboarding and set-up"
        }
        .into(),
        LineKind::SeatSetup { unit } => {
            let noun = unit_text(activity, unit, |u| &u.unit, lang);
            if id {
                format!("Rekrut dan pelatihan per {noun}")
            } else {
                format!("Recruiting and training per {noun}")
            }
        }
        LineKind::Wages => {
            let role = activity.in_house.role.get(lang);
            if id {
                format!("Upah {}", mid_sentence(role))
            } else {
                format!("Wages, {}", mid_sentence(role))
            }
        }
        LineKind::Contributions => if id {
            "BPJS pemberi kerja"
        } else {
            "Employer BPJS"
        }
        .into(),
        LineKind::Thr => if id { "Cadangan THR" } else { "THR set aside" }.into(),
        LineKind::Overhead => if id {
            "Ruang, perangkat dan supervisi"
        } else {
            "Space, equipment and supervision"
        }
        .into(),
        LineKind::Space { unit } => {
            let name = unit_text(activity, unit, |u| &u.name, lang);
            if id {
                format!("{name} (sewa ruang)")
            } else {
                format!("{name} (space rent)")
            }
        }
        LineKind::Hiring => if id {
            "Rekrut dan pelatihan"
        } else {
            "Recruiting and training"
        }
        .into(),
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
        format_money(price, currency, lang)
    ))
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
}
