//! What a link lost on the way, and why one could not be opened, as sentences a visitor can act
//! on, naming its parts as the visitor knows them.

use super::messages::estimate_error;
use super::{Lang, format_count, mid_sentence};
use crate::link::{Dropped, LinkError};
use crate::tariff::Tariff;

texts! {
    /// What a visitor calls the parts of a link.
    pub struct FieldTexts {
        tariff =>
            "Tarif",
            "Tariff";
        site =>
            "Lokasi layanan",
            "Delivery site";
        term =>
            "Jangka kontrak",
            "Contract term";
        currency =>
            "Mata uang",
            "Currency";
        service_language =>
            "Bahasa pelanggan",
            "Customers' language";
        fluctuation =>
            "Fluktuasi volume",
            "Volume fluctuation";
        date =>
            "Tanggal penawaran",
            "Quote date";
        client =>
            "Disiapkan untuk",
            "Prepared for";
        preparer =>
            "Disiapkan oleh",
            "Prepared by";
        contact =>
            "Kontak",
            "Contact";
        reference =>
            "Nomor penawaran",
            "Quote number";
        attention =>
            "U.p.",
            "Attention";
        subject =>
            "Perihal",
            "Subject";
        note =>
            "Catatan ketentuan khusus",
            "Special terms";
        replaces =>
            "Menggantikan",
            "Replaces";
        until =>
            "Berlaku sampai",
            "Valid until";
        discount =>
            "Diskon negosiasi",
            "Negotiated discount";
    }
}

/// The name a visitor knows a link field by: an activity by its name, a setting by what it
/// sets.
fn field_name(field: &str, tariff: &Tariff, lang: Lang) -> String {
    let texts = FieldTexts::of(lang);
    let name = match field {
        "t" => texts.tariff,
        "s" => texts.site,
        "k" => texts.term,
        "c" => texts.currency,
        "l" => texts.service_language,
        "f" => texts.fluctuation,
        "d" => texts.date,
        "for" => texts.client,
        "by" => texts.preparer,
        "contact" => texts.contact,
        "ref" => texts.reference,
        "attn" => texts.attention,
        "subj" => texts.subject,
        "note" => texts.note,
        "was" => texts.replaces,
        "u" => texts.until,
        "disc" => texts.discount,
        other => {
            return tariff.activity(other).map_or_else(
                || format!("\u{201c}{other}\u{201d}"),
                |a| a.name.get(lang).to_owned(),
            );
        }
    };
    name.to_owned()
}

/// A unit of an activity by its name, with the activity's: "Retail fulfilment, extra items in
/// orders".
fn unit_name(activity: &str, unit: &str, tariff: &Tariff, lang: Lang) -> String {
    let unit = tariff
        .activity(activity)
        .and_then(|a| a.units().find(|u| u.id == unit))
        .map_or_else(
            || format!("\u{201c}{unit}\u{201d}"),
            |u| mid_sentence(u.name.get(lang)),
        );
    format!("{}, {unit}", field_name(activity, tariff, lang))
}

/// An option of an activity by its name.
fn option_name(activity: &str, option: &str, tariff: &Tariff, lang: Lang) -> String {
    tariff
        .activity(activity)
        .and_then(|a| a.option(option))
        .map_or_else(
            || format!("\u{201c}{option}\u{201d}"),
            |o| o.name.get(lang).to_owned(),
        )
}

/// How often the same problem came up in one link: "(299 times in this link)".
#[must_use]
pub fn times_over(times: usize, lang: Lang) -> String {
    say!(
        lang,
        "({times} kali dalam tautan ini)",
        "({times} times in this link)"
    )
}

/// What opening a link had to give up, and what was done instead, in a sentence.
#[must_use]
pub fn link_problem(dropped: &Dropped, tariff: &Tariff, lang: Lang) -> String {
    let quoted = |text: &str| format!("\u{201c}{text}\u{201d}");
    match dropped {
        Dropped::UnknownTariff { version } => {
            let (version, used) = (quoted(version), &tariff.version);
            say!(
                lang,
                "Tautan menyebut tarif {version} yang tidak dikenal halaman ini: dihitung dengan tarif {used}.",
                "The link names tariff {version}, which this page does not know: priced with tariff {used}."
            )
        }
        Dropped::Setting { key, value } => {
            let (name, value) = (field_name(key, tariff, lang), quoted(value));
            say!(
                lang,
                "{name}: {value} tidak dikenal tarif ini; nilai awal dipakai.",
                "{name}: {value} is not in this tariff; the starting value is used."
            )
        }
        Dropped::Date { value } => {
            let value = quoted(value);
            say!(
                lang,
                "Tanggal penawaran {value} tidak terbaca dan diabaikan.",
                "The quote date {value} could not be read and is left out."
            )
        }
        Dropped::Discount { value } => {
            let value = quoted(value);
            say!(
                lang,
                "Diskon {value} tidak terbaca dan tidak diterapkan.",
                "The discount {value} could not be read and is not applied."
            )
        }
        Dropped::UnknownModel { activity, model } => {
            let (name, model) = (field_name(activity, tariff, lang), quoted(model));
            say!(
                lang,
                "{name} dikeluarkan: tarif ini tidak punya model harga {model}.",
                "{name} was left out: this tariff has no pricing model {model}."
            )
        }
        Dropped::Volume {
            activity,
            unit,
            max,
        } => {
            let name = unit_name(activity, unit, tariff, lang);
            match max {
                Some(max) => {
                    let max = format_count(*max, lang);
                    say!(
                        lang,
                        "{name}: lebih dari batas {max}, jadi dihitung 0.",
                        "{name}: over the most it can be ({max}), so 0 is used."
                    )
                }
                None => say!(
                    lang,
                    "{name}: bukan bilangan bulat, jadi dihitung 0.",
                    "{name}: not a whole number, so 0 is used."
                ),
            }
        }
        Dropped::ExtraVolumes { activity } => {
            let name = field_name(activity, tariff, lang);
            say!(
                lang,
                "{name}: volume berlebih diabaikan.",
                "{name}: volumes beyond its units were ignored."
            )
        }
        Dropped::UnknownOptions { activity } => {
            let name = field_name(activity, tariff, lang);
            say!(
                lang,
                "{name}: opsi yang tidak ditawarkan tarif ini diabaikan.",
                "{name}: options this tariff does not offer were ignored."
            )
        }
        Dropped::OptionConflict {
            activity,
            kept,
            dropped,
        } => {
            let kept = option_name(activity, kept, tariff, lang);
            let dropped = option_name(activity, dropped, tariff, lang);
            say!(
                lang,
                "{kept} dan {dropped} tidak bisa dipilih bersamaan: {kept} dipertahankan.",
                "{kept} and {dropped} exclude each other: {kept} was kept."
            )
        }
        Dropped::Capped {
            activity,
            unit,
            max,
        } => {
            let (name, max) = (
                unit_name(activity, unit, tariff, lang),
                format_count(*max, lang),
            );
            let version = &tariff.version;
            say!(
                lang,
                "{name}: tarif {version} paling banyak {max}, jadi dibatasi {max}.",
                "{name}: tariff {version} allows at most {max}, so it was capped at {max}."
            )
        }
        Dropped::NotOffered { activity, option } => {
            let name = field_name(activity, tariff, lang);
            let version = &tariff.version;
            match option {
                Some(option) => {
                    let option = quoted(option);
                    say!(
                        lang,
                        "{name}: tarif {version} tidak lagi menawarkan {option}.",
                        "{name}: tariff {version} no longer offers {option}."
                    )
                }
                None => say!(
                    lang,
                    "Tarif {version} tidak lagi menawarkan {name}.",
                    "Tariff {version} no longer offers {name}."
                ),
            }
        }
        Dropped::InHouse { activity } => {
            let name = field_name(activity, tariff, lang);
            say!(
                lang,
                "{name}: angka biaya sendiri tidak terbaca; angka tarif dipakai.",
                "{name}: the in-house figures could not be read; the tariff's are used."
            )
        }
        Dropped::Traffic { activity } => {
            let name = field_name(activity, tariff, lang);
            say!(
                lang,
                "{name}: data panggilan tidak cocok dengan volumenya dan diabaikan; volumenya tetap.",
                "{name}: the call figures do not give its volume and were left out; the volume stands."
            )
        }
        Dropped::Unknown { field } => {
            let field = quoted(field);
            say!(
                lang,
                "Bagian {field} tidak dikenal dan diabaikan.",
                "The part {field} is unknown and was ignored."
            )
        }
        Dropped::Repeated { field } => {
            let name = field_name(field, tariff, lang);
            say!(
                lang,
                "{name} tertulis lebih dari sekali: yang pertama dipakai.",
                "{name} appears more than once: the first is used."
            )
        }
        Dropped::Shortened { field, max } => {
            let name = field_name(field, tariff, lang);
            say!(
                lang,
                "{name} dipotong menjadi {max} karakter.",
                "{name} was cut to {max} characters."
            )
        }
        Dropped::Removed { activity, error } => {
            let why = estimate_error(error, tariff, lang);
            if activity.is_empty() {
                return why;
            }
            let name = field_name(activity, tariff, lang);
            say!(
                lang,
                "{name} dikeluarkan. {why}",
                "{name} was left out. {why}"
            )
        }
        Dropped::DatedInFuture { issued } => {
            let issued = super::format_date(*issued, lang);
            say!(
                lang,
                "Penawaran bertanggal {issued}, setelah hari ini: tanggal itu tidak mungkin.",
                "The quotation is dated {issued}, after today: that date cannot be right."
            )
        }
        Dropped::DatedBeforeTariff { issued, effective } => {
            let (issued, effective) = (
                super::format_date(*issued, lang),
                super::format_date(*effective, lang),
            );
            let version = &tariff.version;
            say!(
                lang,
                "Penawaran bertanggal {issued}, sebelum tarif {version} berlaku ({effective}): tanggal itu tidak mungkin.",
                "The quotation is dated {issued}, before tariff {version} took effect ({effective}): that date cannot be right."
            )
        }
        Dropped::Truncated => say!(
            lang,
            "Tautan ini tampaknya terpotong: mungkin ada bagian yang hilang.",
            "The link seems cut short: parts of it may be missing."
        ),
        Dropped::Altered => say!(
            lang,
            "Tautan ini diubah setelah dibuat: cocokkan angkanya dengan pengirim.",
            "The link was changed after it was made: check the figures with whoever sent it."
        ),
    }
}

/// Why a link could not be opened at all.
#[must_use]
pub fn link_error(error: LinkError, lang: Lang) -> String {
    match error {
        LinkError::TooLong { length, max } => {
            let (length, max) = (
                format_count(length as u64, lang),
                format_count(max as u64, lang),
            );
            say!(
                lang,
                "Tautan terlalu panjang ({length} karakter, paling banyak {max}) dan tidak dibuka.",
                "The link is too long ({length} characters, at most {max}) and was not opened."
            )
        }
        LinkError::NotALink => say!(
            lang,
            "Alamat ini tidak memuat estimasi yang dapat dibaca.",
            "This address holds no estimate that can be read."
        ),
        LinkError::NewerFormat { .. } => say!(
            lang,
            "Tautan ini dibuat versi halaman yang lebih baru: muat ulang halaman.",
            "The link was made by a newer version of this page: reload the page."
        ),
    }
}
