//! Errors as sentences a visitor can act on, in their language.

use super::{Lang, format_count, mid_sentence};
use crate::estimate::EstimateError;
use crate::quantity::QuantityError;
use crate::tariff::{Tariff, Text};

/// What is wrong with a typed quantity.
#[must_use]
pub fn quantity_error(error: QuantityError, lang: Lang) -> String {
    let example = format_count(12_000, lang);
    match error {
        QuantityError::Empty => say!(
            lang,
            "Isi jumlahnya (0 jika tidak ada).",
            "Enter a number (0 if none)."
        ),
        QuantityError::Negative => say!(
            lang,
            "Jumlah tidak boleh negatif.",
            "The number cannot be negative."
        ),
        QuantityError::NotWhole => say!(
            lang,
            "Masukkan bilangan bulat tanpa desimal, mis. {example}.",
            "Enter a whole number without decimals, e.g. {example}."
        ),
        QuantityError::Grouping { suggestion } => {
            let suggestion = format_count(suggestion, lang);
            say!(
                lang,
                "Angka dikelompokkan per tiga digit; maksudnya {suggestion}?",
                "Digits are grouped in threes; did you mean {suggestion}?"
            )
        }
        QuantityError::NotANumber => say!(
            lang,
            "Hanya angka, mis. {example}.",
            "Digits only, e.g. {example}."
        ),
        QuantityError::TooLarge { max } => {
            let max = format_count(max, lang);
            say!(lang, "Paling banyak {max}.", "At most {max}.")
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
            let (name, site) = (activity(a), site(s));
            let choices = from.join(&say!(lang, " atau ", " or "));
            say!(
                lang,
                "{name} tidak dilayani dari {site}: pilih {choices}.",
                "{name} is not delivered from {site}: choose {choices}."
            )
        }
        EstimateError::LanguageNotServed {
            activity: a,
            site: s,
            language,
        } => {
            let language = named(tariff.language(language).map(|l| &l.name), language);
            let (site, name) = (site(s), mid_sentence(&activity(a)));
            say!(
                lang,
                "{site} tidak dapat melayani {name} dalam {language}: pilih lokasi atau bahasa lain.",
                "{site} cannot serve {name} customers in {language}: choose another site or language."
            )
        }
        EstimateError::Overflow => say!(
            lang,
            "Angkanya terlalu besar untuk dihitung: kurangi volumenya.",
            "The figures are too large to compute: lower a volume."
        ),
        // Nothing the page's inputs can make: only a hand-made request comes here.
        _ => say!(
            lang,
            "Estimasi ini tidak dapat dihitung: ubah pilihan Anda.",
            "This estimate cannot be priced: change your choices."
        ),
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
    let version = &tariff.version;

    match error {
        EstimateError::SiteUnavailable { .. }
        | EstimateError::LanguageNotServed { .. }
        | EstimateError::Overflow => problem(error, tariff, lang),
        EstimateError::UnknownActivity { activity: a } => {
            let name = quoted(a);
            say!(
                lang,
                "Tarif {version} tidak punya aktivitas {name}.",
                "Tariff {version} has no activity {name}."
            )
        }
        EstimateError::DuplicateActivity { activity: a } => {
            let name = activity(a);
            say!(
                lang,
                "{name} tercantum dua kali.",
                "{name} is listed twice."
            )
        }
        EstimateError::UnknownModel { activity: a, model } => {
            let (name, model) = (activity(a), quoted(model));
            say!(
                lang,
                "{name} tidak punya model harga {model}.",
                "{name} has no pricing model {model}."
            )
        }
        EstimateError::UnknownUnit { activity: a, unit } => {
            let (name, unit) = (activity(a), quoted(unit));
            say!(
                lang,
                "{name} tidak menagih {unit} pada model harga ini.",
                "{name} does not bill {unit} in this pricing model."
            )
        }
        EstimateError::UnknownOption {
            activity: a,
            option: o,
        } => {
            let (name, option) = (activity(a), quoted(o));
            say!(
                lang,
                "{name} tidak punya opsi {option}.",
                "{name} has no option {option}."
            )
        }
        EstimateError::OptionConflict {
            activity: a,
            first,
            second,
        } => {
            let (first, second) = (option(a, first), option(a, second));
            say!(
                lang,
                "Pilih salah satu: {first} atau {second}.",
                "Choose one: {first} or {second}."
            )
        }
        EstimateError::UnknownSite { site: s } => {
            let site = quoted(s);
            say!(
                lang,
                "Tarif {version} tidak punya lokasi {site}.",
                "Tariff {version} has no site {site}."
            )
        }
        EstimateError::UnknownTerm { term } => {
            let term = quoted(term);
            say!(
                lang,
                "Tarif {version} tidak punya jangka kontrak {term}.",
                "Tariff {version} has no contract term {term}."
            )
        }
        EstimateError::UnknownLanguage { language } => {
            let language = quoted(language);
            say!(
                lang,
                "Tarif {version} tidak punya bahasa layanan {language}.",
                "Tariff {version} has no service language {language}."
            )
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
            let max = format_count(*max, lang);
            say!(
                lang,
                "{unit_name}: paling banyak {max}.",
                "{unit_name}: at most {max}."
            )
        }
        EstimateError::FluctuationTooLarge { max, .. } => say!(
            lang,
            "Fluktuasi paling besar {max}%.",
            "The fluctuation can be at most {max}%."
        ),
        EstimateError::DiscountOutOfRange { discount } => {
            let percent = super::format_percent(*discount, lang);
            say!(
                lang,
                "Diskon {percent} tidak mungkin: harus dari 0 sampai di bawah 100%.",
                "A discount of {percent} cannot be: it must be from 0 to under 100%."
            )
        }
        EstimateError::WageBelowMinimum {
            activity: a,
            minimum,
        } => {
            let minimum = super::format_money(*minimum, crate::money::Currency::Idr, lang);
            let name = activity(a);
            say!(
                lang,
                "{name}: upah tidak boleh di bawah upah minimum {minimum}.",
                "{name}: the wage cannot be below the minimum wage of {minimum}."
            )
        }
        EstimateError::InHouseOutOfRange { activity: a } => {
            let name = activity(a);
            say!(
                lang,
                "{name}: angka biaya sendiri ini tidak mungkin.",
                "{name}: this in-house figure cannot be."
            )
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
