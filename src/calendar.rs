//! Calendar dates as tariffs and quotes write them: `YYYY-MM-DD`, proleptic Gregorian; and the
//! provider's calendar, on which every quotation is dated and judged. A quotation issued at
//! 06:30 in Jakarta is dated that Jakarta day, and stands at once for a reader in London or New
//! York, whose own calendar still shows the day before: `today` is always the provider's.

use std::fmt;

/// A day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A date known to exist, for tables written in code (the provider file, baked at build
    /// time, is checked before it is written out).
    #[must_use]
    pub const fn from_checked(year: u16, month: u8, day: u8) -> Self {
        Self { year, month, day }
    }

    /// A day that always exists, for where a clock gives nonsense.
    pub const EPOCH: Date = Date {
        year: 2026,
        month: 1,
        day: 1,
    };

    /// The date, when it exists (years 1000 to 9999).
    #[must_use]
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let ok = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Self { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, nothing more and nothing less.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        Self::new(number(0..4)?, month, day)
    }

    #[must_use]
    pub fn year(self) -> u16 {
        self.year
    }

    #[must_use]
    pub fn month(self) -> u8 {
        self.month
    }

    #[must_use]
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it): the civil-from-days arithmetic of Howard
    /// Hinnant's "chrono-Compatible Low-Level Date Algorithms", in 400-year eras.
    #[must_use]
    pub fn days_since_epoch(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01, if it has a four-digit year.
    #[must_use]
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let days = days.checked_add(719_468)?;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted + 2) / 5 + 1;
        let month = if shifted < 10 {
            shifted + 3
        } else {
            shifted - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Self::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The date `days` later, if it is still a four-digit year.
    #[must_use]
    pub fn plus_days(self, days: u32) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch() + i64::from(days))
    }

    /// The date `days` earlier, if it is still a four-digit year.
    #[must_use]
    pub fn minus_days(self, days: u32) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch() - i64::from(days))
    }
}

/// A time zone without daylight saving, as the provider file names it: an IANA name and its
/// fixed offset from UTC. Indonesia's three zones (WIB, WITA, WIT) never change their clocks,
/// nor do the other zones listed, so no time-zone database is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    pub name: &'static str,
    /// Minutes east of UTC.
    pub offset_minutes: i32,
}

impl Zone {
    /// Western Indonesia Time (WIB, UTC+7): Jakarta's, and the provider's unless its file says
    /// otherwise.
    pub const JAKARTA: Zone = Zone {
        name: "Asia/Jakarta",
        offset_minutes: 7 * 60,
    };

    /// The zones a provider file may name.
    pub const ALL: [Zone; 11] = [
        Self::JAKARTA,
        Zone::fixed("Asia/Pontianak", 7 * 60),
        Zone::fixed("Asia/Makassar", 8 * 60),
        Zone::fixed("Asia/Jayapura", 9 * 60),
        Zone::fixed("Asia/Singapore", 8 * 60),
        Zone::fixed("Asia/Kuala_Lumpur", 8 * 60),
        Zone::fixed("Asia/Manila", 8 * 60),
        Zone::fixed("Asia/Bangkok", 7 * 60),
        Zone::fixed("Asia/Ho_Chi_Minh", 7 * 60),
        Zone::fixed("Asia/Kolkata", 5 * 60 + 30),
        Zone::fixed("UTC", 0),
    ];

    const fn fixed(name: &'static str, offset_minutes: i32) -> Self {
        Self {
            name,
            offset_minutes,
        }
    }

    /// The zone of this IANA name, where it is one of [`Zone::ALL`].
    #[must_use]
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|z| z.name == name)
    }

    /// The day it is in this zone at `unix_seconds` (seconds since 1970-01-01T00:00:00Z, as
    /// every clock gives it whatever the reader's own zone).
    #[must_use]
    pub fn date_at(self, unix_seconds: i64) -> Option<Date> {
        let local = unix_seconds.checked_add(i64::from(self.offset_minutes) * 60)?;
        Date::from_days_since_epoch(local.div_euclid(86_400))
    }
}

/// Written as the text `YYYY-MM-DD`, in JSON too.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Read from the text `YYYY-MM-DD`: provider files, and documents passed between the page's
/// modules.
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom("a date YYYY-MM-DD"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::{Date, Zone};

    #[test]
    fn reads_only_real_days() {
        for &(text, ok) in &[
            ("2026-11-01", true),
            ("2028-02-29", true),
            ("2026-02-29", false),
            ("2100-02-29", false),
            ("2000-02-29", true),
            ("2026-13-01", false),
            ("2026-04-31", false),
            ("2026-1-01", false),
            ("2026-01-01x", false),
            ("+026-01-01", false),
            ("", false),
        ] {
            assert_eq!(Date::parse(text).is_some(), ok, "{text}");
        }
    }

    #[test]
    fn adds_days_across_months_and_years() {
        for &(from, days, to) in &[
            ("2026-11-27", 30, "2026-12-27"),
            ("2026-12-15", 30, "2027-01-14"),
            ("2028-02-01", 29, "2028-03-01"),
            ("2026-01-31", 1, "2026-02-01"),
            ("2026-11-01", 0, "2026-11-01"),
            ("2026-01-01", 365, "2027-01-01"),
        ] {
            let date = Date::parse(from).and_then(|d| d.plus_days(days));
            assert_eq!(
                date.map(|d| d.to_string()).as_deref(),
                Some(to),
                "{from} + {days}"
            );
        }
        assert_eq!(Date::parse("9999-12-31").and_then(|d| d.plus_days(1)), None);
        assert_eq!(
            Date::parse("1000-01-01").and_then(|d| d.minus_days(1)),
            None
        );
    }

    #[test]
    fn counts_days_from_1970_as_unix_time_does() {
        // `date -u -d 2026-11-28 +%s` is 1795824000 seconds: 20,785 days of 86,400.
        for &(text, days) in &[
            ("1970-01-01", 0),
            ("2026-11-28", 20_785),
            ("2000-03-01", 11_017),
            ("1969-12-31", -1),
        ] {
            let date = Date::parse(text).expect("a date");
            assert_eq!(date.days_since_epoch(), days, "{text}");
            assert_eq!(Date::from_days_since_epoch(days), Some(date), "{text}");
        }
        assert_eq!(
            Date::parse("2026-12-27").and_then(|d| d.minus_days(30)),
            Date::parse("2026-11-27")
        );
    }

    #[test]
    fn the_provider_day_is_the_same_wherever_the_clock_is_read() {
        // 2026-12-07T23:30:00Z (`date -u -d 2026-12-07T23:30:00Z +%s`): 06:30 on 8 December in
        // Jakarta (UTC+7), 18:30 on 7 December in New York, 23:30 on 7 December in London.
        let instant = 1_796_686_200;
        let day = |text| Date::parse(text).expect("a date");
        assert_eq!(Zone::JAKARTA.date_at(instant), Some(day("2026-12-08")));
        assert_eq!(
            Zone::named("UTC").and_then(|z| z.date_at(instant)),
            Some(day("2026-12-07"))
        );
        // A minute before midnight in Jakarta is still the 7th there.
        assert_eq!(
            Zone::JAKARTA.date_at(1_796_662_800 - 60),
            Some(day("2026-12-07"))
        );
        assert_eq!(
            Zone::JAKARTA.date_at(1_796_662_800),
            Some(day("2026-12-08"))
        );
        // India is half an hour off the hour: 18:29:59 UTC is 23:59:59 there.
        let kolkata = Zone::named("Asia/Kolkata").expect("listed");
        assert_eq!(kolkata.date_at(1_796_668_199), Some(day("2026-12-07")));
        assert_eq!(kolkata.date_at(1_796_668_200), Some(day("2026-12-08")));
        assert_eq!(Zone::named("Europe/London"), None, "has daylight saving");
    }
}
