//! Errors as sentences a visitor can act on, in their language.

use super::{Lang, format_count, mid_sentence};
use crate::estimate::EstimateError;
use crate::quantity::QuantityError;
use crate::tariff::{Tariff, Text};

/// What is wrong with a typed quantity.
#[must_use]
pub fn quantity_error(error: QuantityError, lang: Lang) -> String {
    let example = format_count(12_000, lang);
    match (error, lang) {
        (QuantityError::Empty, Lang::Id) => "Isi jumlahnya (0 jika tidak ada).".into(),
        (QuantityError::Empty, Lang::En) => "Enter a number (0 if none).".into(),
        (QuantityError::Negative, Lang::Id) => "Jumlah tidak boleh negatif.".into(),
        (QuantityError::Negative, Lang::En) => "The number cannot be negative.".into(),
        (QuantityError::NotWhole, Lang::Id) => {
            format!("Masukkan bilangan bulat tanpa desimal, mis. {example}.")
        }
        (QuantityError::NotWhole, Lang::En) => {
            format!("Enter a whole number without decimals, e.g. {example}.")
        }
        (QuantityError::Grouping { suggestion }, Lang::Id) => format!(
            "Angka dikelompokkan per tiga digit; maksudnya {}?",
            format_count(suggestion, lang)
        ),
        (QuantityError::Grouping { suggestion }, Lang::En) => format!(
            "Digits are grouped in threes; did you mean {}?",
            format_count(suggestion, lang)
        ),
        (QuantityError::NotANumber, Lang::Id) => format!("Hanya angka, mis. {example}."),
        (QuantityError::NotANumber, Lang::En) => format!("Digits only, e.g. {example}."),
        (QuantityError::TooLarge { max }, Lang::Id) => {
            format!("Paling banyak {}.", format_count(max, lang))
        }
        (QuantityError::TooLarge { max }, Lang::En) => {
            format!("At most {}.", format_count(max, lang))
        }
    }
}

/// Why the page's own request cannot be priced: the few reasons a visitor's choices can give (a
/// site that does not deliver an activity or speak its customers' language, figures too large).
/// Apart from [`estimate_error`], so that the page's first module carries these sentences only.
#[must_use]
pub fn problem(error: &EstimateError, tariff: &Tariff, lang: Lang) -> String {
    let named = |text: Option<&Text>, id: &str| -> String {
        text.map_or_else(
            || format!("\u{201c}{id}\u{201d}"),
            |t| t.get(lang).to_owned(),
        )
    };
    let activity = |id: &str| named(tariff.activity(id).map(|a| &a.name), id);
    let site = |id: &str| named(tariff.site(id).map(|s| &s.name), id);
    let id = lang == Lang::Id;
    match error {
        EstimateError::SiteUnavailable {
            activity: a,
            site: s,
        } => {
            let from: Vec<String> = tariff
                .sites
                .iter()
                .filter(|candidate| {
                    tariff
                        .activity(a)
                        .is_some_and(|x| x.delivered_from(&candidate.id))
                })
                .map(|candidate| candidate.name.get(lang).to_owned())
                .collect();
            if id {
                format!(
                    "{} tidak dilayani dari {}: pilih {}.",
                    activity(a),
                    site(s),
                    from.join(" atau ")
                )
            } else {
                format!(
                    "{} is not delivered from {}: choose {}.",
                    activity(a),
                    site(s),
                    from.join(" or ")
                )
            }
        }
        EstimateError::LanguageNotServed {
            activity: a,
            site: s,
            language,
        } => {
            let language = named(tariff.language(language).map(|l| &l.name), language);
            if id {
                format!(
                    "{} tidak dapat melayani {} dalam {}: pilih lokasi atau bahasa lain.",
                    site(s),
                    mid_sentence(&activity(a)),
                    language
                )
            } else {
                format!(
                    "{} cannot serve {} customers in {}: choose another site or language.",
                    site(s),
                    mid_sentence(&activity(a)),
                    language
                )
            }
        }
        EstimateError::Overflow => {
            if id {
                "Angkanya terlalu besar untuk dihitung: kurangi volumenya.".into()
            } else {
                "The figures are too large to compute: lower a volume.".into()
            }
        }
        // Nothing the page's inputs can make: only a hand-made request comes here.
        _ => {
            if id {
                "Estimasi ini tidak dapat dihitung: ubah pilihan Anda.".into()
            } else {
                "This estimate cannot be priced: change your choices.".into()
            }
        }
    }
}

/// Why the estimate cannot be priced, naming things as the tariff names them.
#[must_use]
pub fn estimate_error(error: &EstimateError, tariff: &Tariff, lang: Lang) -> String {
    let named = |text: Option<&Text>, id: &str| -> String {
        text.map_or_else(
            || format!("\u{201c}{id}\u{201d}"),
            |t| t.get(lang).to_owned(),
        )
    };
    let activity = |id: &str| named(tariff.activity(id).map(|a| &a.name), id);
    let option = |activity_id: &str, id: &str| {
        let text = tariff
            .activity(activity_id)
            .and_then(|a| a.option(id))
            .map(|o| &o.name);
        named(text, id)
    };
    let quoted = |id: &str| format!("\u{201c}{id}\u{201d}");
    let id = lang == Lang::Id;

    match error {
        EstimateError::SiteUnavailable { .. }
        | EstimateError::LanguageNotServed { .. }
        | EstimateError::Overflow => problem(error, tariff, lang),
        EstimateError::UnknownActivity { activity: a } => {
            if id {
                format!(
                    "Tarif {} tidak punya aktivitas {}.",
                    tariff.version,
                    quoted(a)
                )
            } else {
                format!("Tariff {} has no activity {}.", tariff.version, quoted(a))
            }
        }
        EstimateError::DuplicateActivity { activity: a } => {
            if id {
                format!("{} tercantum dua kali.", activity(a))
            } else {
                format!("{} is listed twice.", activity(a))
            }
        }
        EstimateError::UnknownModel { activity: a, model } => {
            if id {
                format!("{} tidak punya model harga {}.", activity(a), quoted(model))
            } else {
                format!("{} has no pricing model {}.", activity(a), quoted(model))
            }
        }
        EstimateError::UnknownUnit { activity: a, unit } => {
            if id {
                format!(
                    "{} tidak menagih {} pada model harga ini.",
                    activity(a),
                    quoted(unit)
                )
            } else {
                format!(
                    "{} does not bill {} in this pricing model.",
                    activity(a),
                    quoted(unit)
                )
            }
        }
        EstimateError::UnknownOption {
            activity: a,
            option: o,
        } => {
            if id {
                format!("{} tidak punya opsi {}.", activity(a), quoted(o))
            } else {
                format!("{} has no option {}.", activity(a), quoted(o))
            }
        }
        EstimateError::OptionConflict {
            activity: a,
            first,
            second,
        } => {
            if id {
                format!(
                    "Pilih salah satu: {} atau {}.",
                    option(a, first),
                    option(a, second)
                )
            } else {
                format!("Choose one: {} or {}.", option(a, first), option(a, second))
            }
        }
        EstimateError::UnknownSite { site: s } => {
            if id {
                format!("Tarif {} tidak punya lokasi {}.", tariff.version, quoted(s))
            } else {
                format!("Tariff {} has no site {}.", tariff.version, quoted(s))
            }
        }
        EstimateError::UnknownTerm { term } => {
            if id {
                format!(
                    "Tarif {} tidak punya jangka kontrak {}.",
                    tariff.version,
                    quoted(term)
                )
            } else {
                format!(
                    "Tariff {} has no contract term {}.",
                    tariff.version,
                    quoted(term)
                )
            }
        }
        EstimateError::UnknownLanguage { language } => {
            if id {
                format!(
                    "Tarif {} tidak punya bahasa layanan {}.",
                    tariff.version,
                    quoted(language)
                )
            } else {
                format!(
                    "Tariff {} has no service language {}.",
                    tariff.version,
                    quoted(language)
                )
            }
        }
        EstimateError::QuantityTooLarge {
            activity: a,
            unit,
            max,
        } => {
            let unit_name = tariff
                .activity(a)
                .and_then(|x| x.units().find(|u| u.id == *unit))
                .map(|u| &u.name);
            let unit_name = named(unit_name, unit);
            if id {
                format!("{}: paling banyak {}.", unit_name, format_count(*max, lang))
            } else {
                format!("{}: at most {}.", unit_name, format_count(*max, lang))
            }
        }
        EstimateError::FluctuationTooLarge { max, .. } => {
            if id {
                format!("Fluktuasi paling besar {max}%.")
            } else {
                format!("The fluctuation can be at most {max}%.")
            }
        }
        EstimateError::DiscountOutOfRange { discount } => {
            let percent = super::format_percent(*discount, lang);
            if id {
                format!("Diskon {percent} tidak mungkin: harus dari 0 sampai di bawah 100%.")
            } else {
                format!("A discount of {percent} cannot be: it must be from 0 to under 100%.")
            }
        }
        EstimateError::WageBelowMinimum {
            activity: a,
            minimum,
        } => {
            let minimum = super::format_money(*minimum, crate::money::Currency::Idr, lang);
            if id {
                format!(
                    "{}: upah tidak boleh di bawah upah minimum {minimum}.",
                    activity(a)
                )
            } else {
                format!(
                    "{}: the wage cannot be below the minimum wage of {minimum}.",
                    activity(a)
                )
            }
        }
        EstimateError::InHouseOutOfRange { activity: a } => {
            if id {
                format!("{}: angka biaya sendiri ini tidak mungkin.", activity(a))
            } else {
                format!("{}: this in-house figure cannot be.", activity(a))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::links::link_problem;
    use crate::link::Dropped;
    use crate::tariff::catalogue;

    fn tariff() -> &'static Tariff {
        catalogue().expect("the bundled tariffs are valid").latest()
    }

    #[test]
    fn errors_read_in_the_visitors_language_with_the_tariffs_names() {
        let s = |text: &str| text.to_owned();
        let cases = [
            (
                EstimateError::SiteUnavailable {
                    activity: s("fulfilment"),
                    site: s("manila"),
                },
                "Pemenuhan pesanan ritel tidak dilayani dari Manila, Filipina: pilih Jakarta atau Yogyakarta.",
                "Retail fulfilment is not delivered from Manila, Philippines: choose Jakarta or Yogyakarta.",
            ),
            (
                EstimateError::LanguageNotServed {
                    activity: s("call-centre"),
                    site: s("bengaluru"),
                    language: s("id"),
                },
                "Bengaluru, India tidak dapat melayani pusat panggilan dalam Bahasa Indonesia: pilih lokasi atau bahasa lain.",
                "Bengaluru, India cannot serve call centre customers in Indonesian: choose another site or language.",
            ),
            (
                EstimateError::OptionConflict {
                    activity: s("call-centre"),
                    first: s("extended-hours"),
                    second: s("24-7"),
                },
                "Pilih salah satu: Jam diperpanjang (06.00–22.00, 7 hari) atau Layanan 24/7.",
                "Choose one: Extended hours (06:00–22:00, 7 days) or 24/7 coverage.",
            ),
            (
                EstimateError::QuantityTooLarge {
                    activity: s("call-centre"),
                    unit: s("minutes"),
                    max: 50_000_000,
                },
                "Menit panggilan masuk: paling banyak 50.000.000.",
                "Inbound voice minutes: at most 50,000,000.",
            ),
            (
                EstimateError::UnknownActivity {
                    activity: s("legal"),
                },
                "Tarif 2026-11 tidak punya aktivitas \u{201c}legal\u{201d}.",
                "Tariff 2026-11 has no activity \u{201c}legal\u{201d}.",
            ),
        ];
        for (error, id, en) in cases {
            assert_eq!(estimate_error(&error, tariff(), Lang::Id), id);
            assert_eq!(estimate_error(&error, tariff(), Lang::En), en);
        }
    }

    #[test]
    fn every_error_has_a_sentence_in_both_languages() {
        let s = |text: &str| text.to_owned();
        let errors = [
            EstimateError::UnknownActivity { activity: s("x") },
            EstimateError::DuplicateActivity {
                activity: s("sales"),
            },
            EstimateError::UnknownModel {
                activity: s("sales"),
                model: s("x"),
            },
            EstimateError::UnknownUnit {
                activity: s("sales"),
                unit: s("x"),
            },
            EstimateError::UnknownOption {
                activity: s("sales"),
                option: s("x"),
            },
            EstimateError::UnknownSite { site: s("x") },
            EstimateError::UnknownTerm { term: s("x") },
            EstimateError::UnknownLanguage { language: s("x") },
            EstimateError::FluctuationTooLarge {
                percent: 200,
                max: 100,
            },
            EstimateError::Overflow,
        ];
        for error in &errors {
            let id = estimate_error(error, tariff(), Lang::Id);
            let en = estimate_error(error, tariff(), Lang::En);
            assert!(
                id.ends_with('.') && en.ends_with('.') && id != en,
                "{id} / {en}"
            );
        }
        for error in [
            QuantityError::Empty,
            QuantityError::Negative,
            QuantityError::NotWhole,
            QuantityError::Grouping {
                suggestion: 3_500_000,
            },
            QuantityError::NotANumber,
            QuantityError::TooLarge { max: 1_000 },
        ] {
            let id = quantity_error(error, Lang::Id);
            let en = quantity_error(error, Lang::En);
            assert!(
                id.ends_with(['.', '?']) && en.ends_with(['.', '?']) && id != en,
                "{id} / {en}"
            );
        }
        assert_eq!(
            quantity_error(QuantityError::TooLarge { max: 5_000 }, Lang::Id),
            "Paling banyak 5.000."
        );
        // "3,500000" typed as the seat overhead: the message names the slip and offers the
        // number the digits make, grouped as the page groups it.
        let slip = QuantityError::Grouping {
            suggestion: 3_500_000,
        };
        assert_eq!(
            quantity_error(slip, Lang::En),
            "Digits are grouped in threes; did you mean 3,500,000?"
        );
        assert_eq!(
            quantity_error(slip, Lang::Id),
            "Angka dikelompokkan per tiga digit; maksudnya 3.500.000?"
        );
    }

    #[test]
    fn a_links_impossible_date_reads_as_a_letter_writes_it() {
        let day = |text: &str| crate::calendar::Date::parse(text).expect("a date");
        let before = Dropped::DatedBeforeTariff {
            issued: day("2026-10-27"),
            effective: day("2026-11-01"),
        };
        assert_eq!(
            link_problem(&before, tariff(), Lang::Id),
            "Penawaran bertanggal 27 Oktober 2026, sebelum tarif 2026-11 berlaku (1 November 2026): tanggal itu tidak mungkin."
        );
        assert_eq!(
            link_problem(&before, tariff(), Lang::En),
            "The quotation is dated 27 October 2026, before tariff 2026-11 took effect (1 November 2026): that date cannot be right."
        );
        let future = Dropped::DatedInFuture {
            issued: day("2026-12-27"),
        };
        assert_eq!(
            link_problem(&future, tariff(), Lang::Id),
            "Penawaran bertanggal 27 Desember 2026, setelah hari ini: tanggal itu tidak mungkin."
        );
    }
}
