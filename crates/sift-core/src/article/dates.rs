//! Dates as pages print them, to ISO 8601: ISO timestamps kept, numeric dates and dates with month names
//! (en, uk, ru, de, fr, es; the names are `crate::calendar`'s) turned into `YYYY-MM-DD`.

use crate::calendar;

/// Years accepted as publication years.
const MIN_YEAR: u32 = 1990;
const MAX_YEAR: u32 = 2100;
/// Longest text read as a date.
const MAX_DATE_CHARS: usize = 120;

fn valid(y: u32, m: u32, d: u32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Month number of a word, when it begins like a month name and is no weekday
/// ([`calendar::month_by_prefix`]).
fn month_of(word: &str) -> Option<u32> {
    calendar::month_by_prefix(&word.to_lowercase())
}

/// The ISO date in `s`, if it holds one.
pub fn to_iso(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > MAX_DATE_CHARS {
        return None;
    }
    if let Some(iso) = iso_prefix(s) {
        return Some(iso);
    }
    // Split into runs of letters and digits.
    let mut words: Vec<&str> = Vec::new();
    let mut start = None;
    for (i, ch) in s.char_indices() {
        if ch.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            words.push(s.get(st..i).unwrap_or(""));
        }
    }
    if let Some(st) = start {
        words.push(s.get(st..).unwrap_or(""));
    }
    let nums: Vec<u32> = words.iter().filter_map(|w| w.parse().ok()).collect();
    let month = words.iter().find_map(|w| month_of(w));
    match month {
        Some(m) => {
            let year = nums
                .iter()
                .copied()
                .find(|n| (MIN_YEAR..=MAX_YEAR).contains(n))?;
            let day = nums.iter().copied().find(|n| (1..=31).contains(n))?;
            ymd(year, m, day)
        }
        None => numeric_date(&words),
    }
}

/// `DD.MM.YYYY`, `YYYY/MM/DD`, `MM/DD/YYYY` (when the day is over 12).
fn numeric_date(words: &[&str]) -> Option<String> {
    for w in words.windows(3) {
        let [a, b, c] = [w[0], w[1], w[2]];
        let (Ok(x), Ok(y), Ok(z)) = (a.parse::<u32>(), b.parse::<u32>(), c.parse::<u32>()) else {
            continue;
        };
        if a.len() == 4 {
            return ymd(x, y, z);
        }
        if c.len() == 4 {
            if y > 12 {
                return ymd(z, x, y);
            }
            return ymd(z, y, x);
        }
    }
    None
}

/// An ISO 8601 date or timestamp at the start of `s` (`YYYY-MM-DD`, optionally with a time).
fn iso_prefix(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return None;
    }
    let y: u32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    if !valid(y, m, d) {
        return None;
    }
    let rest = s.get(10..).unwrap_or("");
    let time_start = rest.starts_with('T')
        || (rest.starts_with(' ')
            && rest
                .get(1..3)
                .is_some_and(|h| h.bytes().all(|c| c.is_ascii_digit())));
    if !time_start {
        return Some(s.get(0..10)?.to_string());
    }
    let time: String = rest
        .chars()
        .skip(1)
        .take_while(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z'))
        .collect();
    Some(format!("{}T{}", s.get(0..10)?, time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_six_languages() {
        assert_eq!(
            to_iso("2024-11-18T10:00:00+02:00").as_deref(),
            Some("2024-11-18T10:00:00+02:00")
        );
        assert_eq!(
            to_iso("2019-11-20 09:30:00").as_deref(),
            Some("2019-11-20T09:30:00")
        );
        assert_eq!(to_iso("November 18, 2024").as_deref(), Some("2024-11-18"));
        assert_eq!(
            to_iso("Mon, 18 Nov 2024 10:00:00 GMT").as_deref(),
            Some("2024-11-18")
        );
        assert_eq!(to_iso("18. November 2024").as_deref(), Some("2024-11-18"));
        assert_eq!(to_iso("18 novembre 2024").as_deref(), Some("2024-11-18"));
        assert_eq!(
            to_iso("18 de noviembre de 2024").as_deref(),
            Some("2024-11-18")
        );
        assert_eq!(to_iso("18 ноября 2024 года").as_deref(), Some("2024-11-18"));
        assert_eq!(to_iso("18 листопада 2024").as_deref(), Some("2024-11-18"));
        // A weekday before the date is no month ("середа" begins like "серпня", August).
        assert_eq!(
            to_iso("Середа, 18 листопада 2024").as_deref(),
            Some("2024-11-18")
        );
        assert_eq!(
            to_iso("mardi 18 novembre 2024").as_deref(),
            Some("2024-11-18")
        );
        assert_eq!(to_iso("18.11.2024").as_deref(), Some("2024-11-18"));
        assert_eq!(to_iso("2024/11/18").as_deref(), Some("2024-11-18"));
        assert_eq!(to_iso("no date here"), None);
        assert_eq!(to_iso("9999-99-99"), None);
    }
}
