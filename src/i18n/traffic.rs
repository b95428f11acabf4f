//! The words of sizing a call centre from its traffic.

use super::{Lang, format_count, format_percent};
use crate::staffing::{Performance, StaffingError};

texts! {
    /// Labels of the traffic form and its answer.
    pub struct TrafficTexts {
        describe_calls =>
            "Isi sebagai jumlah panggilan × durasi",
            "Enter as calls × handle time";
        size_agents =>
            "Hitung agen dari volume panggilan (Erlang C)",
            "Size the agents from call traffic (Erlang C)";
        calls =>
            "Panggilan per bulan",
            "Calls a month";
        handle_time =>
            "Durasi penanganan rata-rata",
            "Average handle time";
        handle_time_help =>
            "Detik per panggilan, bicara ditambah penyelesaian (4 menit = 240).",
            "Seconds a call, talk plus wrap-up (4 minutes = 240).";
        seconds =>
            "detik",
            "seconds";
        hours =>
            "Jam buka per hari",
            "Open hours a day";
        days =>
            "Hari buka per minggu",
            "Open days a week";
        target =>
            "Target tingkat layanan",
            "Service-level target";
        custom =>
            "Lainnya…",
            "Custom…";
        service_level =>
            "Persen dijawab",
            "Percent answered";
        within =>
            "Dalam (detik)",
            "Within (seconds)";
        occupancy =>
            "Okupansi maksimum",
            "Maximum occupancy";
        occupancy_help =>
            "Bagian waktu agen di telepon yang sedang melayani; di atas 85–90% agen cepat lelah.",
            "Share of agents' phone time spent on calls; above 85–90% agents burn out.";
        shrinkage =>
            "Penyusutan",
            "Shrinkage";
        shrinkage_help =>
            "Waktu dibayar tetapi tidak di telepon: istirahat, pelatihan, cuti. Umumnya 30%.",
            "Paid time off the phones: breaks, training, leave. Usually 30%.";
        percent =>
            "%",
            "%";
        profile =>
            "Sebaran panggilan sepanjang hari",
            "Calls through the day";
        typical =>
            "Umum: puncak menjelang siang",
            "Typical: a late-morning peak";
        flat =>
            "Rata setiap jam",
            "Even every hour";
    }
}

/// Why traffic cannot be sized.
#[must_use]
pub fn staffing_error(error: StaffingError, lang: Lang) -> String {
    let id = matches!(lang, Lang::Id);
    match error {
        StaffingError::HandleTimeZero => if id {
            "Durasi penanganan harus lebih dari 0 detik."
        } else {
            "The handle time must be more than 0 seconds."
        }
        .into(),
        StaffingError::ServiceLevelOutOfRange => if id {
            "Target harus lebih dari 0% dan paling banyak 100%."
        } else {
            "The target must be above 0% and at most 100%."
        }
        .into(),
        StaffingError::ShrinkageOutOfRange => if id {
            "Penyusutan harus di bawah 100%: pada 100% tidak ada agen di telepon."
        } else {
            "Shrinkage must be under 100%: at 100% nobody is on the phones."
        }
        .into(),
        StaffingError::OccupancyOutOfRange => if id {
            "Okupansi paling banyak 100%."
        } else {
            "Occupancy is at most 100%."
        }
        .into(),
        StaffingError::HoursOutOfRange => if id {
            "Jam buka dari 1 sampai 24."
        } else {
            "Open hours are from 1 to 24."
        }
        .into(),
        StaffingError::DaysOutOfRange => if id {
            "Hari buka dari 1 sampai 7."
        } else {
            "Open days are from 1 to 7."
        }
        .into(),
        StaffingError::AnswerTimeNegative | StaffingError::CallsNegative | StaffingError::IntervalZero => {
            if id { "Angka ini tidak mungkin." } else { "This figure cannot be." }.into()
        }
        StaffingError::Unreachable => if id {
            "Tidak ada jumlah agen yang bisa melayani panggilan ini di bawah batas okupansi: naikkan batasnya atau kurangi panggilan."
        } else {
            "No number of agents can serve these calls under the occupancy cap: raise the cap or lower the calls."
        }
        .into(),
    }
}

/// The minutes calls give: "= 120,000 minutes".
#[must_use]
pub fn minutes_from_calls(minutes: u64, noun: &str, lang: Lang) -> String {
    format!("= {} {noun}", format_count(minutes, lang))
}

/// The busiest hour's answer: "Busiest hour (11:00): 19 agents on the phones answer 84% within
/// 20 s, an average wait of 9 s, occupancy 78%."
#[must_use]
pub fn busiest_hour(hour: u8, busiest: &Performance, within: u32, lang: Lang) -> String {
    let percent = |f: f64| format_percent(share(f), lang);
    let agents = format_count(u64::from(busiest.agents), lang);
    let sl = percent(busiest.service_level);
    let occupancy = percent(busiest.occupancy);
    let wait = busiest
        .asa_seconds
        .map_or_else(|| "–".to_owned(), |s| format_count(whole(s), lang));
    match lang {
        Lang::Id => format!(
            "Jam tersibuk ({hour:02}.00): {agents} agen di telepon menjawab {sl} dalam {within} detik, rata-rata menunggu {wait} detik, okupansi {occupancy}."
        ),
        Lang::En => format!(
            "Busiest hour ({hour:02}:00): {agents} agents on the phones answer {sl} within {within} seconds, an average wait of {wait} seconds, occupancy {occupancy}."
        ),
    }
}

/// The people to employ: "32 full-time agents to schedule (40 hours a week, after 30% shrinkage)".
#[must_use]
pub fn scheduled_agents(agents: u64, shrinkage: u8, lang: Lang) -> String {
    let agents = format_count(agents, lang);
    match lang {
        Lang::Id => format!(
            "{agents} agen penuh waktu dijadwalkan (40 jam per minggu, setelah penyusutan {shrinkage}%)."
        ),
        Lang::En => format!(
            "{agents} full-time agents to schedule (40 hours a week, after {shrinkage}% shrinkage)."
        ),
    }
}

/// A probability as a whole-percent fraction, for reading: 0.8413 is 84 %.
fn share(probability: f64) -> rust_decimal::Decimal {
    let percent = (probability.clamp(0.0, 1.0) * 100.0).round();
    // Within 0 to 100 after the clamp: the cast cannot overflow.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    rust_decimal::Decimal::new(percent as i64, 2)
}

/// Seconds rounded to whole ones, for reading.
fn whole(seconds: f64) -> u64 {
    // A wait in seconds, finite and not negative when it is given at all.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rounded = seconds.max(0.0).round() as u64;
    rounded
}
