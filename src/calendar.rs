//! Calendar dates as tariffs and quotes write them: `YYYY-MM-DD`, proleptic Gregorian.

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

/// Written as the text `YYYY-MM-DD`, in JSON too.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

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
}
