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

    /// The date `days` later, if it is still a four-digit year.
    #[must_use]
    pub fn plus_days(self, days: u32) -> Option<Self> {
        let (mut year, mut month, mut day) = (self.year, self.month, u32::from(self.day));
        let mut left = days;
        loop {
            let month_days = u32::from(days_in_month(year, month));
            if day + left <= month_days {
                return Self::new(year, month, u8::try_from(day + left).ok()?);
            }
            left -= month_days - day + 1;
            day = 1;
            if month == 12 {
                month = 1;
                year = year.checked_add(1)?;
                if year > 9999 {
                    return None;
                }
            } else {
                month += 1;
            }
        }
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
    }
}
