//! The sales console's words: loading a signing key, issuing a quotation, the register.

use super::{Lang, format_percent};
use rust_decimal::Decimal;

texts! {
    /// The console's fixed texts.
    pub struct ConsoleTexts {
        title =>
            "Konsol penjualan",
            "Sales console";
        intro =>
            "Terbitkan penawaran bertanda tangan digital dari estimasi di kalkulator di bawah.",
            "Issue digitally signed quotations from the estimate in the calculator below.";
        to_calculator =>
            "Ke kalkulator",
            "To the calculator";
        key_title =>
            "Kunci tanda tangan",
            "Signing key";
        key_file =>
            "Berkas kunci Anda (.jwk)",
            "Your key file (.jwk)";
        key_help =>
            "Dibaca di peramban ini saja. Kunci privat tidak pernah ditampilkan, dikirim, atau dapat dibaca kembali dari halaman ini.",
            "Read in this browser only. The private key is never shown, sent anywhere, or readable again from this page.";
        remember =>
            "Ingat di perangkat ini",
            "Remember on this device";
        remember_now =>
            "Ingat kunci ini di perangkat ini",
            "Remember this key on this device";
        remember_now_help =>
            "Dapat diubah kapan saja. Jika dimatikan, kunci dihapus dari perangkat ini dan hanya dipakai sampai halaman ditutup atau dimuat ulang.",
            "You can change this at any time. Turned off, the key is deleted from this device and kept only until the page is closed or reloaded.";
        remember_help =>
            "Disimpan di peramban ini sebagai kunci yang tidak dapat diekspor. Biarkan kosong di perangkat bersama: kunci hanya dipakai selama sesi ini.",
            "Stored in this browser as a key that cannot be exported. Leave it unchecked on a shared device: the key is then kept for this session only.";
        forget =>
            "Lupakan kunci ini",
            "Forget this key";
        signed_in =>
            "Menandatangani sebagai",
            "Signing as";
        key_id =>
            "Kunci",
            "Key";
        remembered =>
            "diingat di perangkat ini",
            "remembered on this device";
        session_only =>
            "hanya untuk sesi ini",
            "for this session only";
        demo_key =>
            "Kunci demo: bagian privatnya terbuka untuk umum. Penawaran yang ditandatanganinya hanya untuk mencoba.",
            "Demo key: its private half is public. Quotations it signs are for trying out only.";
        key_forgotten =>
            "Kunci dilupakan di perangkat ini. Pilih berkas kunci untuk menerbitkan penawaran lagi.",
            "The key is forgotten on this device. Choose a key file to issue quotations again.";
        reading_key =>
            "Membaca kunci…",
            "Reading the key…";
        not_remembered =>
            "Perangkat ini tidak dapat mengingat kunci: kunci dipakai untuk sesi ini saja.",
            "This device could not remember the key: it is kept for this session only.";
        key_not_a_key =>
            "Berkas ini bukan berkas kunci. Pilih berkas .jwk yang diberikan operator kepada Anda; jika tidak punya, minta berkas kunci tanda tangan Anda kepada operator.",
            "This file is not a key file. Choose the .jwk file the operator gave you; if you have none, ask the operator for your signing key file.";
        key_other_kind =>
            "Berkas ini berisi kunci jenis lain, bukan kunci tanda tangan untuk konsol ini. Minta kepada operator berkas .jwk yang dibuat untuk Anda dengan quote keygen.",
            "This file holds a key of another kind, not a signing key for this console. Ask the operator for the .jwk file made for you with quote keygen.";
        key_public_only =>
            "Berkas ini hanya berisi bagian publik kunci, yang tidak dapat menandatangani. Minta kepada operator berkas .jwk pribadi Anda (yang memuat bagian privat).",
            "This file holds only the public half of a key, which cannot sign. Ask the operator for your own private .jwk file (the one with the private part).";
        key_refused =>
            "Peramban menolak kunci ini. Halaman harus dibuka lewat https.",
            "The browser refused this key. The page must be opened over https.";
        issue_title =>
            "Penawaran baru",
            "New quotation";
        estimate_monthly =>
            "Total bulanan untuk klien",
            "Monthly total for the client";
        no_estimate =>
            "Pilih setidaknya satu aktivitas di kalkulator di bawah.",
            "Choose at least one activity in the calculator below.";
        options =>
            "Opsi",
            "Options";
        options_help =>
            "Tawarkan dua atau tiga alternatif dalam satu penawaran (lokasi, jangka, model, volume): hitung yang pertama di kalkulator dan tambahkan, ubah kalkulator dan tambahkan yang berikutnya. Klien membandingkannya dan menerima satu. Bila ada opsi, penawaran berisi opsi-opsi itu, bukan estimasi di kalkulator.",
            "Offer two or three alternatives in one quotation (site, term, model, volumes): price the first in the calculator and add it, change the calculator and add the next. The client compares them and accepts one. With options listed, the quotation holds them, not the calculator's estimate.";
        add_option =>
            "Tambahkan estimasi sebagai opsi",
            "Add the estimate as an option";
        remove_option =>
            "Hapus",
            "Remove";
        single_option =>
            "Penawaran dengan opsi berisi dua atau tiga: tambahkan satu lagi, atau hapus yang ini.",
            "A quotation of options offers two or three: add another, or remove this one.";
        client =>
            "Untuk (perusahaan klien)",
            "For (client company)";
        attention =>
            "U.p. (kontak di klien)",
            "Attention (contact at the client)";
        subject =>
            "Perihal",
            "Subject";
        until =>
            "Berlaku sampai",
            "Valid until";
        discount =>
            "Diskon negosiasi (%)",
            "Negotiated discount (%)";
        note =>
            "Ketentuan khusus",
            "Special terms";
        number =>
            "Nomor penawaran",
            "Quotation number";
        number_help =>
            "Diusulkan dari urutan di perangkat ini, dengan kode perangkat ini di akhir agar tidak sama dengan nomor dari perangkat lain; dapat diubah.",
            "Proposed from this device's sequence, ending in this device's code so that no other device proposes the same; you may change it.";
        number_taken =>
            "Nomor ini sudah ada di daftar penawaran: setiap penawaran bernomor sendiri. Pakai nomor yang diusulkan atau nomor lain.",
            "This number is already in the register: each quotation has its own. Use the proposed number or another.";
        issue =>
            "Terbitkan penawaran",
            "Issue quotation";
        signing =>
            "Menandatangani…",
            "Signing…";
        examples_held =>
            "Estimasi ini memuat volume contoh yang belum dikonfirmasi klien. Konfirmasikan sebagai angka klien, atau jadikan nol, sebelum menerbitkan.",
            "The estimate holds example volumes the client has not confirmed. Confirm them as the client's figures, or set them to zero, before issuing.";
        confirm_examples =>
            "Konfirmasi volume contoh",
            "Confirm the example volumes";
        clear_examples =>
            "Jadikan nol",
            "Set them to zero";
        stale_held =>
            "Sebuah isian di kalkulator salah: perbaiki dulu; penawaran tidak diterbitkan dari angka lama.",
            "A field in the calculator is wrong: correct it first; no quotation is issued from old figures.";
        need_key =>
            "Muat kunci Anda untuk menerbitkan penawaran.",
            "Load your key to issue quotations.";
        waiting_for =>
            "Penawaran dapat diterbitkan setelah isian ini diisi atau diperbaiki:",
            "The quotation can be issued once these are filled in or put right:";
        not_a_date =>
            "Tulis tanggal sebagai TTTT-BB-HH.",
            "Write a date as YYYY-MM-DD.";
        until_past =>
            "Tidak boleh sebelum hari ini.",
            "It cannot be before today.";
        discount_not_a_number =>
            "Tulis persentase, misalnya 5 atau 2,5.",
            "Write a percentage, for example 5 or 2.5.";
        discount_negative =>
            "Diskon tidak boleh negatif.",
            "A discount cannot be negative.";
        discount_precise =>
            "Paling banyak dua angka di belakang koma.",
            "At most two decimal places.";
        too_long =>
            "Tautan akan terlalu panjang: persingkat catatan atau perihal.",
            "The link would be too long: shorten the note or the subject.";
        sign_failed =>
            "Peramban tidak dapat menandatangani penawaran ini. Muat kunci Anda lagi.",
            "The browser could not sign this quotation. Load your key again.";
        issued_title =>
            "Penawaran diterbitkan",
            "Quotation issued";
        issued_help =>
            "Tautan ini adalah penawarannya: lengkap, bertanda tangan, dan dapat diperiksa siapa pun.",
            "This link is the quotation: complete, signed, and checkable by anyone.";
        issued_out_of_date =>
            "Sudah tidak sesuai: tautan ini adalah penawaran sebagaimana diterbitkan, bukan yang ada di layar sekarang. Terbitkan lagi untuk mengirim perubahannya.",
            "Out of date: this link is the quotation as issued, not what is on screen now. Issue again to send the changes.";
        send_whatsapp =>
            "Kirim ke klien lewat WhatsApp",
            "Send to the client on WhatsApp";
        open =>
            "Buka di tab baru",
            "Open in a new tab";
        register_title =>
            "Daftar penawaran",
            "Register of quotations";
        register_help =>
            "Penawaran yang diterbitkan di perangkat ini dan yang diimpor dari berkas rekan, terbaru di atas. Kehilangan daftar ini tidak menghilangkan penawaran apa pun: setiap tautan lengkap dengan sendirinya.",
            "Quotations issued on this device and imported from colleagues' files, newest first. Losing this register loses no quotation: each link is complete in itself.";
        search =>
            "Cari nomor atau klien",
            "Search by number or client";
        download_csv =>
            "Unduh CSV",
            "Download CSV";
        empty =>
            "Belum ada penawaran yang diterbitkan di perangkat ini.",
            "No quotation issued on this device yet.";
        no_match =>
            "Tidak ada yang cocok.",
            "Nothing matches.";
        column_number =>
            "Nomor",
            "Number";
        column_client =>
            "Klien",
            "Client";
        column_issued =>
            "Tanggal",
            "Date";
        column_until =>
            "Berlaku sampai",
            "Valid until";
        column_salesperson =>
            "Penjual",
            "Salesperson";
        column_standing =>
            "Status",
            "Standing";
        column_discount =>
            "Diskon (%)",
            "Discount (%)";
        column_contract =>
            "Total kontrak",
            "Contract total";
        standing_valid =>
            "Berlaku",
            "Valid";
        standing_expired =>
            "Kedaluwarsa",
            "Expired";
        standing_superseded =>
            "Digantikan",
            "Superseded";
        standing_void =>
            "Tidak sah",
            "Does not stand";
        column_monthly =>
            "Per bulan",
            "Monthly";
        column_currency =>
            "Mata uang",
            "Currency";
        column_link =>
            "Tautan",
            "Link";
        open_link =>
            "Buka",
            "Open";
        column_accepted =>
            "Diterima",
            "Accepted";
        column_option =>
            "Opsi diterima",
            "Option accepted";
        acceptance_title =>
            "Periksa penerimaan",
            "Check an acceptance";
        acceptance_help =>
            "Tempel pesan penerimaan dari klien (WhatsApp atau e-mail): konsol memeriksa bahwa pesan itu menyebut penawaran yang diterbitkan di perangkat ini, tanpa perubahan, dengan angka-angkanya.",
            "Paste the client's acceptance (WhatsApp or e-mail): the console checks that it names a quotation issued on this device, unchanged, with its figures.";
        acceptance_label =>
            "Pesan klien",
            "The client's message";
        revise =>
            "Revisi",
            "Revise";
        export_register =>
            "Ekspor daftar (JSON)",
            "Export the register (JSON)";
        import_register =>
            "Impor daftar rekan (JSON)",
            "Import a colleague's register (JSON)";
        acceptance_unrecognised =>
            "Pesan ini tidak memuat tautan atau kode penawaran.",
            "This message holds no quotation link or code.";
    }
}

/// What a pasted acceptance turns out to be, where it names a quotation.
#[must_use]
pub fn acceptance_finding(
    finding: &crate::acceptance::Finding,
    accepted: Option<&str>,
    lang: Lang,
) -> String {
    use crate::acceptance::{Figures, Finding};
    use crate::document::Standing;
    match finding {
        Finding::Unrecognised => ConsoleTexts::of(lang).acceptance_unrecognised.to_owned(),
        Finding::NotIssued { number } => say!(
            lang,
            "Penawaran {number} tidak diterbitkan di perangkat ini: periksa dengan perangkat yang menerbitkannya.",
            "Quotation {number} was not issued on this device: check it on the device that issued it."
        ),
        Finding::Differs { number } => say!(
            lang,
            "Tidak cocok: tautan dalam pesan ini bukan penawaran {number} sebagaimana diterbitkan (diubah setelah ditandatangani, atau penawaran lain dengan nomornya). Jangan anggap diterima.",
            "Does not match: the link in this message is not quotation {number} as issued (changed after signing, or another quotation under its number). Do not treat it as accepted."
        ),
        Finding::ApprovalNotRecorded { number } => say!(
            lang,
            "Ini penerimaan penawaran {number} dengan persetujuan atasan yang belum dicatat di register ini: catat dulu persetujuannya (tempel tautan yang disetujui di \"Persetujuan diskon\"), lalu periksa pesan ini lagi.",
            "This accepts quotation {number} with a manager's approval this register does not hold yet: record the approval first (paste the approved link under \"Discount approvals\"), then check this message again."
        ),
        Finding::Matches(found) => {
            // The option accepted, where the quotation offers several.
            let base = &found.number;
            let number = &match found.option {
                Some(n) => say!(lang, "{base}, opsi {n}", "{base}, option {n}"),
                None => base.clone(),
            };
            if let (None, Some(newer)) = (accepted, &found.superseded_by) {
                return say!(
                    lang,
                    "Penawaran {number} sudah digantikan oleh {newer}: klien menerima versi lama. Konfirmasikan dengan klien sebelum mencatatnya.",
                    "Quotation {number} was replaced by {newer}: the client accepted the older one. Confirm with the client before recording it."
                );
            }
            match (accepted, found.standing, found.figures) {
                (Some(on), _, _) => say!(
                    lang,
                    "Penawaran {number} sudah dicatat diterima pada {on}.",
                    "Quotation {number} is already recorded as accepted on {on}."
                ),
                (None, Standing::Valid, Figures::Stated) => say!(
                    lang,
                    "Cocok: pesan ini menerima penawaran {number} sebagaimana diterbitkan, tanpa perubahan, dengan angka-angkanya.",
                    "Matches: this message accepts quotation {number} as issued, unchanged, with its figures."
                ),
                (None, Standing::Valid, Figures::Absent) => say!(
                    lang,
                    "Cocok: tautan ini adalah penawaran {number} sebagaimana diterbitkan, tanpa perubahan.",
                    "Matches: this link is quotation {number} as issued, unchanged."
                ),
                (None, Standing::Valid, Figures::Differ) => say!(
                    lang,
                    "Tautannya adalah penawaran {number} tanpa perubahan, tetapi angka dalam kata-kata pesan bukan angka penawaran itu: konfirmasikan dengan klien sebelum mencatatnya.",
                    "Its link is quotation {number} unchanged, but the figures the message's words state are not that quotation's: confirm with the client before recording it."
                ),
                (None, Standing::Expired, _) => say!(
                    lang,
                    "Penawaran {number} sudah kedaluwarsa: penerimaan setelah hari terakhirnya perlu penawaran baru.",
                    "Quotation {number} has expired: an acceptance after its last day needs a new quotation."
                ),
                (None, _, _) => say!(
                    lang,
                    "Penawaran {number} tidak berlaku hari ini (kuncinya dicabut atau penawarannya tidak sah): jangan anggap diterima.",
                    "Quotation {number} does not stand today (its key was withdrawn, or it is void): do not treat it as accepted."
                ),
            }
        }
    }
}

/// The button that records an acceptance, with its day.
#[must_use]
pub fn acceptance_record(number: &str, on: &str, lang: Lang) -> String {
    say!(
        lang,
        "Catat {number} diterima pada {on}",
        "Record {number} as accepted on {on}"
    )
}

/// The register's "Accepted" cell: the day, and the option where the quotation offers several.
#[must_use]
pub fn accepted_cell(on: crate::calendar::Date, option: Option<usize>, lang: Lang) -> String {
    let on = super::format_date(on, lang);
    match option {
        Some(n) => say!(lang, "{on}, opsi {n}", "{on}, option {n}"),
        None => on,
    }
}

/// The calculator's estimate is one of the options already.
#[must_use]
pub fn already_option(n: usize, lang: Lang) -> String {
    say!(
        lang,
        "Estimasi di kalkulator sudah menjadi opsi {n}.",
        "The calculator's estimate is already option {n}."
    )
}

/// Why a key file was refused, with the key it names.
#[must_use]
pub fn key_problem_unknown(kid: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Kunci \"{kid}\" tidak terdaftar di berkas penyedia."),
        Lang::En => format!("Key \"{kid}\" is not listed in the provider file."),
    }
}

/// The file names a listed key, but its public point is another one's.
#[must_use]
pub fn key_problem_mismatch(kid: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => {
            format!("Kunci ini tidak cocok dengan kunci publik \"{kid}\" di berkas penyedia.")
        }
        Lang::En => {
            format!("This key does not match the public key \"{kid}\" of the provider file.")
        }
    }
}

/// The key is listed, but not in force today.
#[must_use]
pub fn key_problem_not_yet(kid: &str, from: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Kunci \"{kid}\" baru berlaku mulai {from}."),
        Lang::En => format!("Key \"{kid}\" is valid only from {from}."),
    }
}

/// The key was withdrawn.
#[must_use]
pub fn key_problem_revoked(kid: &str, on: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Kunci \"{kid}\" sudah dicabut pada {on}: minta kunci baru."),
        Lang::En => format!("Key \"{kid}\" was withdrawn on {on}: ask for a new one."),
    }
}

/// The signer's limit, under the discount field.
#[must_use]
pub fn discount_limit(name: &str, max: Decimal, lang: Lang) -> String {
    let max = format_percent(max, lang);
    match lang {
        Lang::Id => format!("Paling banyak {max} dari biaya bulanan untuk {name}."),
        Lang::En => format!("At most {max} off the monthly charges for {name}."),
    }
}

/// A discount over the signer's limit, at its field.
#[must_use]
pub fn discount_over_limit(max: Decimal, lang: Lang) -> String {
    let max = format_percent(max, lang);
    match lang {
        Lang::Id => format!("Melebihi batas Anda: paling banyak {max}."),
        Lang::En => format!("Over your limit: at most {max}."),
    }
}

/// Said once a quotation is signed: "Quotation NLY/SD/2026/12/0001-K7Q issued: its link is below."
#[must_use]
pub fn quotation_issued(number: &str, lang: Lang) -> String {
    say!(
        lang,
        "Penawaran {number} diterbitkan: tautannya di bawah.",
        "Quotation {number} issued: its link is below."
    )
}

/// Said once a key is read and listed: "Key loaded: Sari Dewi can issue quotations."
#[must_use]
pub fn key_loaded(name: &str, lang: Lang) -> String {
    say!(
        lang,
        "Kunci dimuat: {name} dapat menerbitkan penawaran.",
        "Key loaded: {name} can issue quotations."
    )
}

/// A last day beyond what the provider lets a quotation hold, at its field.
#[must_use]
pub fn until_too_late(latest: crate::calendar::Date, days: u32, lang: Lang) -> String {
    let latest = super::format_date(latest, lang);
    say!(
        lang,
        "Paling lama {days} hari sejak hari ini: sampai {latest}.",
        "At most {days} days from today: until {latest}."
    )
}

/// How long the note may be.
#[must_use]
pub fn note_help(max: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Ditampilkan sebagai teks kepada klien, paling banyak {max} karakter."),
        Lang::En => format!("Shown to the client as text, at most {max} characters."),
    }
}

/// The message a salesperson sends a quotation with, its link last.
#[must_use]
pub fn quotation_message(
    provider: &str,
    number: &str,
    client: &str,
    url: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Id => format!(
            "Yth. {client}, berikut penawaran {number} dari {provider}, bertanda tangan digital: {url}"
        ),
        Lang::En => format!(
            "Dear {client}, here is quotation {number} from {provider}, digitally signed: {url}"
        ),
    }
}

/// Why a quotation cannot be issued as it stands, in a sentence saying what to change: the
/// console shows it under the form, the quote tool prints it.
#[must_use]
pub fn refusal(refusal: &crate::quote::Refusal, lang: Lang) -> String {
    use crate::quote::Refusal;
    let date = |d: &crate::calendar::Date| super::format_date(*d, lang);
    match refusal {
        Refusal::Undated => say!(
            lang,
            "Penawaran harus bertanggal.",
            "A quotation must be dated."
        ),
        Refusal::DatedInFuture { issued } => {
            let issued = date(issued);
            say!(
                lang,
                "Bertanggal {issued}, setelah hari ini: penawaran diberi tanggal hari ini.",
                "Dated {issued}, after today: a quotation is dated today."
            )
        }
        Refusal::DatedBeforeTariff { issued, effective } => {
            let (issued, effective) = (date(issued), date(effective));
            say!(
                lang,
                "Bertanggal {issued}, sebelum tarifnya berlaku ({effective}).",
                "Dated {issued}, before its tariff took effect ({effective})."
            )
        }
        Refusal::DatedBeforeKey { issued, from } => {
            let (issued, from) = (date(issued), date(from));
            say!(
                lang,
                "Bertanggal {issued}, sebelum kunci ini mulai dipakai ({from}).",
                "Dated {issued}, before this key came into use ({from})."
            )
        }
        Refusal::KeyNotYetValid { from } => {
            let from = date(from);
            say!(
                lang,
                "Kunci ini baru dapat dipakai mulai {from}.",
                "This key can only be used from {from}."
            )
        }
        Refusal::KeyWithdrawn { on } => {
            let on = date(on);
            say!(
                lang,
                "Kunci ini dicabut pada {on}: penawaran yang ditandatanganinya tidak berlaku sejak hari itu. Minta kunci baru kepada operator.",
                "This key is withdrawn on {on}: nothing it signs holds from that day. Ask the operator for a new key."
            )
        }
        Refusal::AlreadyExpired { until } => {
            let until = date(until);
            say!(
                lang,
                "Berlaku sampai {until}, yang sudah lewat: pilih tanggal mulai hari ini.",
                "Valid until {until}, which has passed: choose a day from today."
            )
        }
        Refusal::BeyondMaximum {
            until,
            latest,
            days,
        } => {
            let (until, latest) = (date(until), date(latest));
            say!(
                lang,
                "Berlaku sampai {until}: paling lama {days} hari sejak tanggal penawaran, yaitu {latest}.",
                "Valid until {until}: at most {days} days from its date, that is {latest}."
            )
        }
        Refusal::DiscountOverLimit { max } => discount_over_limit(*max, lang),
    }
}

/// What importing a team's register files did.
#[must_use]
pub fn team_imported(
    added: usize,
    already: usize,
    conflicting: &[String],
    unreadable: usize,
    lang: Lang,
) -> String {
    let mut said = say!(
        lang,
        "{added} penawaran ditambahkan; {already} sudah ada.",
        "{added} quotations added; {already} already here."
    );
    if !conflicting.is_empty() {
        let numbers = conflicting.join(", ");
        said.push(' ');
        said.push_str(&say!(
            lang,
            "Nomor yang sudah dipakai penawaran lain, dibiarkan seperti semula: {numbers}.",
            "Numbers already held by another quotation, kept as they were: {numbers}."
        ));
    }
    if unreadable > 0 {
        said.push(' ');
        said.push_str(&say!(
            lang,
            "{unreadable} berkas atau tautan tidak terbaca sebagai daftar penyedia ini.",
            "{unreadable} files or links did not read as this provider's register."
        ));
    }
    said
}

/// What "Revise" on a register entry does, for a screen reader.
#[must_use]
pub fn revise_label(number: &str, lang: Lang) -> String {
    say!(
        lang,
        "Revisi {number}: terbitkan revisi berikutnya",
        "Revise {number}: issue its next revision"
    )
}
