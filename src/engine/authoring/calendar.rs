//! Calendar dates for the help facts' `checked` field: read `YYYY-MM-DD`, add months, compare. Written here rather
//! than taken from a date crate because three small functions are all the checker needs, and the engine is also
//! built into the player's wasm.

use std::fmt;

/// A day in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// Reads `YYYY-MM-DD`, and nothing else: a real day of a real month.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(year) && all_digits(month) && all_digits(day)) {
            return None;
        }
        let date = Date { year: year.parse().ok()?, month: month.parse().ok()?, day: day.parse().ok()? };
        let valid = (1..=12).contains(&date.month) && date.day >= 1 && date.day <= days_in_month(date.year, date.month);
        valid.then_some(date)
    }

    /// The civil date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`), for turning the system
    /// clock into today's date.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The same day `months` later; a day the later month does not have becomes its last day (31 August plus six
    /// months is 28 or 29 February).
    pub fn plus_months(self, months: u32) -> Date {
        let zero_based = self.month - 1 + months;
        let year = self.year + (zero_based / 12) as i32;
        let month = zero_based % 12 + 1;
        Date { year, month, day: self.day.min(days_in_month(year, month)) }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_real_days() {
        assert_eq!(Date::parse("2026-11-27"), Some(Date { year: 2026, month: 11, day: 27 }));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        for bad in ["2025-02-29", "2026-13-01", "2026-1-01", "26-11-27", "2026-11-27T00", "last week", ""] {
            assert_eq!(Date::parse(bad), None, "{bad} is not a date");
        }
    }

    #[test]
    fn counts_days_from_the_epoch() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days_since_epoch(20_784).to_string(), "2026-11-27");
        assert_eq!(Date::from_days_since_epoch(-1).to_string(), "1969-12-31");
    }

    #[test]
    fn adds_months_keeping_the_day_where_it_can() {
        let add = |d: &str, m| Date::parse(d).unwrap().plus_months(m).to_string();
        assert_eq!(add("2026-11-27", 6), "2027-05-27");
        assert_eq!(add("2026-08-31", 6), "2027-02-28");
        assert_eq!(add("2027-08-31", 6), "2028-02-29");
        assert_eq!(add("2026-01-15", 12), "2027-01-15");
    }
}
