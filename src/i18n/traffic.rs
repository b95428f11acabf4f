//! The words of sizing a call centre from its traffic.

use super::{Lang, format_count, format_percent};
use crate::staffing::{ANSWER_WITHIN, Performance, SERVICE_LEVELS, StaffingError};

texts! {
    /// Labels of the traffic form and its answer.
    pub struct TrafficTexts {
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
            "Shrinkage: waktu di luar telepon",
            "Shrinkage: time off the phones";
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
        staffing =>
            "Tingkat layanan dan biayanya",
            "The service level and what it costs";
        arithmetic =>
            "Cara menghitung agen",
            "How the agents are sized";
        around =>
            "Agen di jam tersibuk dan layanan yang mereka capai",
            "Agents in the busiest hour and the service they give";
        agents =>
            "Agen",
            "Agents";
        answered =>
            "Dijawab tepat waktu",
            "Answered in time";
        wait =>
            "Rata-rata tunggu (detik)",
            "Average wait (seconds)";
        busy =>
            "Okupansi",
            "Occupancy";
        by_target =>
            "Biaya per target tingkat layanan",
            "Cost by service-level target";
        target_col =>
            "Target",
            "Target";
        scheduled =>
            "Agen dijadwalkan",
            "Agents scheduled";
        monthly =>
            "Per bulan",
            "Monthly";
        difference =>
            "Selisih",
            "Difference";
        models =>
            "Bersama atau khusus untuk lalu lintas yang sama",
            "Shared or dedicated for the same traffic";
        cheaper =>
            "lebih murah",
            "cheaper";
    }
}

/// Why traffic cannot be sized.
#[must_use]
pub fn staffing_error(error: StaffingError, lang: Lang) -> String {
    match error {
        StaffingError::HandleTimeZero => say!(
            lang,
            "Durasi penanganan harus lebih dari 0 detik.",
            "The handle time must be more than 0 seconds."
        ),
        StaffingError::ServiceLevelOutOfRange => say!(
            lang,
            "Target harus lebih dari 0% dan paling banyak 100%.",
            "The target must be above 0% and at most 100%."
        ),
        StaffingError::ShrinkageOutOfRange => say!(
            lang,
            "Shrinkage harus di bawah 100%: pada 100% tidak ada agen di telepon.",
            "Shrinkage must be under 100%: at 100% nobody is on the phones."
        ),
        StaffingError::OccupancyOutOfRange => say!(
            lang,
            "Okupansi paling banyak 100%.",
            "Occupancy is at most 100%."
        ),
        StaffingError::HoursOutOfRange => say!(
            lang,
            "Jam buka dari 1 sampai 24.",
            "Open hours are from 1 to 24."
        ),
        StaffingError::DaysOutOfRange => say!(
            lang,
            "Hari buka dari 1 sampai 7.",
            "Open days are from 1 to 7."
        ),
        StaffingError::AnswerTimeNegative
        | StaffingError::CallsNegative
        | StaffingError::IntervalZero => {
            say!(lang, "Angka ini tidak mungkin.", "This figure cannot be.")
        }
        StaffingError::TargetOutOfBounds { within: false } => {
            let (low, high) = (SERVICE_LEVELS.start(), SERVICE_LEVELS.end());
            say!(
                lang,
                "Target dari {low}% sampai {high}%.",
                "The target is from {low}% to {high}%."
            )
        }
        StaffingError::TargetOutOfBounds { within: true } => {
            let (low, high) = (ANSWER_WITHIN.start(), ANSWER_WITHIN.end());
            say!(
                lang,
                "Waktu menjawab dari {low} sampai {high} detik.",
                "Answer within {low} to {high} seconds."
            )
        }
        StaffingError::Unreachable => say!(
            lang,
            "Tidak ada jumlah agen yang bisa melayani panggilan ini di bawah batas okupansi: naikkan batasnya atau kurangi panggilan.",
            "No number of agents can serve these calls under the occupancy cap: raise the cap or lower the calls."
        ),
    }
}

/// The help of a custom target's two fields: what each may be.
#[must_use]
pub fn target_bounds(lang: Lang) -> [String; 2] {
    let (low, high) = (SERVICE_LEVELS.start(), SERVICE_LEVELS.end());
    let (first, last) = (ANSWER_WITHIN.start(), ANSWER_WITHIN.end());
    [
        say!(
            lang,
            "Dari {low}% sampai {high}%.",
            "From {low}% to {high}%."
        ),
        say!(
            lang,
            "Dari {first} sampai {last} detik.",
            "From {first} to {last} seconds."
        ),
    ]
}

/// What a team's figures cover: calls only, and the channels priced beside it, each with its
/// volume ("chat conversations 12,000").
#[must_use]
pub fn calls_only(beside: &[String], lang: Lang) -> String {
    let list = beside.join(", ");
    if beside.is_empty() {
        say!(
            lang,
            "Agen, tingkat layanan dan okupansi ini hanya untuk panggilan.",
            "These agents, service level and occupancy are for calls only."
        )
    } else {
        say!(
            lang,
            "Agen, tingkat layanan dan okupansi ini hanya untuk panggilan; {list} dihargai per unit di samping agen.",
            "These agents, service level and occupancy are for calls only; {list} are priced per unit beside the agents."
        )
    }
}

/// What both prices of the shared-or-dedicated comparison cover: the calls, and every other
/// channel with its volume.
#[must_use]
pub fn both_cover(calls: u64, others: &[String], lang: Lang) -> String {
    let calls = format_count(calls, lang);
    let mut list = say!(lang, "{calls} panggilan", "{calls} calls");
    for other in others {
        list.push_str(", ");
        list.push_str(other);
    }
    say!(
        lang,
        "Kedua harga mencakup {list}.",
        "Both prices cover {list}."
    )
}

/// A service-level target as a choice reads: "80% within 20 seconds".
#[must_use]
pub fn service_level(level: u8, within: u32, lang: Lang) -> String {
    say!(
        lang,
        "{level}% dalam {within} detik",
        "{level}% within {within} seconds"
    )
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
    say!(
        lang,
        "Jam tersibuk ({hour:02}.00): {agents} agen di telepon menjawab {sl} dalam {within} detik, rata-rata menunggu {wait} detik, okupansi {occupancy}.",
        "Busiest hour ({hour:02}:00): {agents} agents on the phones answer {sl} within {within} seconds, an average wait of {wait} seconds, occupancy {occupancy}."
    )
}

/// The people to employ: "32 full-time agents to schedule (40 hours a week, after 30% shrinkage)".
#[must_use]
pub fn scheduled_agents(agents: u64, shrinkage: u8, lang: Lang) -> String {
    let agents = format_count(agents, lang);
    say!(
        lang,
        "{agents} agen penuh waktu dijadwalkan (40 jam per minggu, setelah shrinkage {shrinkage}%).",
        "{agents} full-time agents to schedule (40 hours a week, after {shrinkage}% shrinkage)."
    )
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

/// The figures of a month's sizing, as the page shows them.
pub struct SizingFigures {
    pub calls: u64,
    pub handle_time: u32,
    pub days_per_month: rust_decimal::Decimal,
    pub calls_per_day: rust_decimal::Decimal,
    /// The busiest hour, its calls, its traffic in erlangs, and its agents.
    pub hour: u8,
    pub hour_calls: rust_decimal::Decimal,
    pub erlangs: rust_decimal::Decimal,
    pub agents: u32,
    pub agent_hours: rust_decimal::Decimal,
    pub shrinkage: u8,
    pub scheduled: u64,
}

/// The sizing of a month in sentences, each figure shown: calls a day, the busiest hour's share,
/// its traffic and agents, and how agent-hours become people to schedule.
#[must_use]
pub fn sizing_arithmetic(figures: &SizingFigures, lang: Lang) -> [String; 3] {
    use super::format_number;
    let &SizingFigures {
        calls,
        handle_time,
        days_per_month,
        calls_per_day,
        hour,
        hour_calls,
        erlangs,
        agents,
        agent_hours,
        shrinkage,
        scheduled,
    } = figures;
    let n = |value, places| format_number(value, places, lang);
    let calls = format_count(calls, lang);
    let (days, per_day) = (n(days_per_month, 2), n(calls_per_day, 0));
    let (hour_calls, erlangs) = (n(hour_calls, 0), n(erlangs, 2));
    let agent_hours = n(agent_hours, 1);
    let scheduled = format_count(scheduled, lang);
    let hours_each = 40 * 52 * (100 - u32::from(shrinkage));
    // 40 hours × 52/12 weeks × the share not lost to shrinkage, in tenths of an hour.
    let hours_each = n(
        rust_decimal::Decimal::new(i64::from(hours_each) / 120, 1),
        1,
    );
    [
        say!(
            lang,
            "{calls} panggilan per bulan ÷ {days} hari buka (hari per minggu × 52/12) = {per_day} panggilan per hari.",
            "{calls} calls a month ÷ {days} open days (days a week × 52/12) = {per_day} calls a day."
        ),
        say!(
            lang,
            "Jam tersibuk ({hour:02}.00) mendapat {hour_calls} panggilan: {hour_calls} × {handle_time} detik ÷ 3.600 = {erlangs} erlang; Erlang C memberi {agents} agen.",
            "The busiest hour ({hour:02}:00) takes {hour_calls} calls: {hour_calls} × {handle_time} seconds ÷ 3,600 = {erlangs} erlangs; Erlang C gives {agents} agents."
        ),
        say!(
            lang,
            "Agen per jam dijumlah sebulan = {agent_hours} jam agen ÷ {hours_each} jam per agen (40 jam × 52/12 minggu, dikurangi shrinkage {shrinkage}%) = {scheduled} agen, dibulatkan ke atas.",
            "Agents hour by hour over the month = {agent_hours} agent-hours ÷ {hours_each} hours an agent (40 hours × 52/12 weeks, less {shrinkage}% shrinkage) = {scheduled} agents, rounded up."
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_reads_the_same_in_the_list_and_the_table() {
        // One wording for 80/20, 90/15, 70/30: no "s" for seconds on the Indonesian page.
        for &(level, within, id, en) in &[
            (80, 20, "80% dalam 20 detik", "80% within 20 seconds"),
            (90, 15, "90% dalam 15 detik", "90% within 15 seconds"),
            (70, 30, "70% dalam 30 detik", "70% within 30 seconds"),
        ] {
            assert_eq!(service_level(level, within, Lang::Id), id);
            assert_eq!(service_level(level, within, Lang::En), en);
        }
    }

    #[test]
    fn shrinkage_is_time_off_the_phones_not_depreciation() {
        let texts = TrafficTexts::of(Lang::Id);
        assert_eq!(texts.shrinkage, "Shrinkage: waktu di luar telepon");
        assert_eq!(
            scheduled_agents(32, 30, Lang::Id),
            "32 agen penuh waktu dijadwalkan (40 jam per minggu, setelah shrinkage 30%)."
        );
        assert_eq!(
            scheduled_agents(1_250, 30, Lang::En),
            "1,250 full-time agents to schedule (40 hours a week, after 30% shrinkage)."
        );
        assert_eq!(
            staffing_error(StaffingError::ShrinkageOutOfRange, Lang::Id),
            "Shrinkage harus di bawah 100%: pada 100% tidak ada agen di telepon."
        );
    }
}
