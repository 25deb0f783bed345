//! Date mentions ("on Nov. 18", "18 листопада", "am Montag", "yesterday") resolved against the
//! article's published date.
//!
//! Without a published date (plain-text input), a day and month without a year resolve to the
//! ISO 8601 year-less form `--MM-DD` (e.g. `--11-18`), and weekdays and relative words stay
//! unresolved: Sift does not guess a year it cannot see.

use std::sync::OnceLock;

use super::tokens::{Token, TokenKind};
use crate::calendar::MONTHS;
use crate::lang::Lang;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Civil {
    /// Year.
    pub year: i64,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Civil {
    /// Parses the date part of an ISO 8601 string (`2024-11-18`, `2024-11-18T10:00:00Z`).
    pub fn parse_iso(s: &str) -> Option<Civil> {
        let mut parts = s.get(..10)?.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Civil { year, month, day })
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` since 1970-01-01 (H. Hinnant's `civil_from_days`).
    fn from_days(days: i64) -> Civil {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Civil { year, month, day }
    }

    /// Day of the week, 0 = Monday.
    fn weekday(self) -> i64 {
        (self.days() + 3).rem_euclid(7)
    }

    /// ISO 8601 `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Weekday names (lower case, with the case forms used after "on"), 0 = Monday.
const WEEKDAYS: &[(&str, i64)] = &[
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
    ("montag", 0),
    ("dienstag", 1),
    ("mittwoch", 2),
    ("donnerstag", 3),
    ("freitag", 4),
    ("samstag", 5),
    ("sonntag", 6),
    ("lundi", 0),
    ("mardi", 1),
    ("mercredi", 2),
    ("jeudi", 3),
    ("vendredi", 4),
    ("samedi", 5),
    ("dimanche", 6),
    ("lunes", 0),
    ("martes", 1),
    ("miércoles", 2),
    ("jueves", 3),
    ("viernes", 4),
    ("sábado", 5),
    ("domingo", 6),
    ("понеділок", 0),
    ("вівторок", 1),
    ("середу", 2),
    ("четвер", 3),
    ("п'ятницю", 4),
    ("п’ятницю", 4),
    ("суботу", 5),
    ("неділю", 6),
    ("понедельник", 0),
    ("вторник", 1),
    ("среду", 2),
    ("четверг", 3),
    ("пятницу", 4),
    ("субботу", 5),
    ("воскресенье", 6),
];

/// Relative day words with their offset from the published date, and the language they belong to
/// (`None`: any; "hier" is "yesterday" only in French).
const RELATIVE_DAYS: &[(&str, i64, Option<Lang>)] = &[
    ("yesterday", -1, None),
    ("today", 0, None),
    ("gestern", -1, None),
    ("heute", 0, None),
    ("hier", -1, Some(Lang::Fr)),
    ("aujourd'hui", 0, None),
    ("aujourd’hui", 0, None),
    ("ayer", -1, None),
    ("hoy", 0, None),
    ("вчора", -1, None),
    ("учора", -1, None),
    ("сьогодні", 0, None),
    ("вчера", -1, None),
    ("сегодня", 0, None),
];

/// Whether a lower-case word names a day: a weekday or a relative day word, in any of the six
/// languages ("mercredi", "gestern").
pub fn is_day_word(word: &str) -> bool {
    calendar_word(word).is_some_and(|w| w.weekday.is_some() || !w.relative.is_empty())
}

/// Whether a lower-case word names a month, a weekday or a relative day, in any of the six
/// languages ("march", "monday", "gestern").
pub fn is_calendar_word(word: &str) -> bool {
    calendar_word(word).is_some()
}

/// How many days after the published date a year-less date may fall before it is taken to belong
/// to the year before.
const FUTURE_SLACK_DAYS: i64 = 60;

/// One date mention in a token slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
    /// ISO 8601 date (`YYYY-MM-DD`, or `--MM-DD` without a year), when it could be resolved.
    pub iso: Option<String>,
}

/// What a word can mean in a date: a month ([`MONTHS`]), a weekday ([`WEEKDAYS`]) or a relative
/// day ([`RELATIVE_DAYS`], with the language of each entry).
#[derive(Default)]
struct CalendarWord {
    month: Option<u32>,
    weekday: Option<i64>,
    relative: Vec<(i64, Option<Lang>)>,
}

impl CalendarWord {
    /// The day offset of a relative day word (`yesterday`, `gestern`) in `lang`: its first entry
    /// for that language.
    fn relative_day(&self, lang: Lang) -> Option<i64> {
        self.relative
            .iter()
            .find(|(_, l)| l.is_none_or(|l| l == lang))
            .map(|(offset, _)| *offset)
    }
}

/// The calendar words as one map (built once), with their [`super::WordFilter`]: one lookup per
/// word token, and none for most words.
type CalendarWords = (
    super::FastMap<&'static str, CalendarWord>,
    super::WordFilter,
);

/// What the lower-case word `word` can mean in a date, if anything.
fn calendar_word(word: &str) -> Option<&'static CalendarWord> {
    static MAP: OnceLock<CalendarWords> = OnceLock::new();
    let (map, filter) = MAP.get_or_init(|| {
        let mut map = super::FastMap::<&'static str, CalendarWord>::default();
        for &(w, month) in MONTHS {
            map.entry(w).or_default().month = Some(month);
        }
        for &(w, weekday) in WEEKDAYS {
            map.entry(w).or_default().weekday = Some(weekday);
        }
        for &(w, offset, l) in RELATIVE_DAYS {
            map.entry(w).or_default().relative.push((offset, l));
        }
        let filter = super::WordFilter::new(map.keys().copied());
        (map, filter)
    });
    if !filter.may_hold(word) {
        return None;
    }
    map.get(word)
}

/// The month a whole lower-case word names ("nov", "листопада").
fn month_of(word: &str) -> Option<u32> {
    calendar_word(word).and_then(|w| w.month)
}

fn day_of(token: &Token) -> Option<u32> {
    if token.kind != TokenKind::Number {
        return None;
    }
    let digits = token.lower().trim_end_matches(|c: char| c.is_alphabetic());
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn year_of(token: Option<&Token>) -> Option<i64> {
    let token = token?;
    if token.kind != TokenKind::Number || token.lower().chars().count() != 4 {
        return None;
    }
    let year: i64 = token.lower().parse().ok()?;
    (1800..=2200).contains(&year).then_some(year)
}

/// Resolves a day and month (and maybe year) against `published`.
fn resolve(day: u32, month: u32, year: Option<i64>, published: Option<Civil>) -> String {
    match (year, published) {
        (Some(year), _) => Civil { year, month, day }.iso(),
        (None, Some(p)) => {
            let same = Civil {
                year: p.year,
                month,
                day,
            };
            if same.days() - p.days() > FUTURE_SLACK_DAYS {
                Civil {
                    year: p.year - 1,
                    month,
                    day,
                }
                .iso()
            } else {
                same.iso()
            }
        }
        (None, None) => format!("--{month:02}-{day:02}"),
    }
}

/// Finds date mentions in `tokens`.
pub fn find(tokens: &[Token], published: Option<Civil>, lang: Lang) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(tok) = tokens.get(i) else { break };
        let calendar = if tok.is_word() {
            calendar_word(tok.lower())
        } else {
            None
        };
        // Month first: "Nov. 18", "November 18, 2024".
        let month_word = tok.is_word() && (tok.capital || lang != Lang::En);
        if let Some(month) = calendar.filter(|_| month_word).and_then(|w| w.month) {
            let mut j = i + 1;
            if tokens.get(j).is_some_and(|t| t.is('.')) {
                j += 1;
            }
            if let Some(day) = tokens.get(j).and_then(day_of) {
                let mut end = j + 1;
                let mut year = None;
                if tokens.get(end).is_some_and(|t| t.is(',')) {
                    year = year_of(tokens.get(end + 1));
                    if year.is_some() {
                        end += 2;
                    }
                } else if let Some(y) = year_of(tokens.get(end)) {
                    year = Some(y);
                    end += 1;
                }
                out.push(DateMention {
                    first: i,
                    last: end,
                    iso: Some(resolve(day, month, year, published)),
                });
                i = end;
                continue;
            }
        }
        // Day first: "18 November", "18. November", "18 de noviembre", "18 листопада".
        if let Some(day) = day_of(tok) {
            let mut j = i + 1;
            if tokens
                .get(j)
                .is_some_and(|t| t.is('.') || t.lower() == "de")
            {
                j += 1;
            }
            if let Some(month) = tokens
                .get(j)
                .filter(|t| t.is_word())
                .and_then(|t| month_of(t.lower()))
            {
                let mut end = j + 1;
                let mut k = end;
                if tokens
                    .get(k)
                    .is_some_and(|t| t.lower() == "de" || t.is(','))
                {
                    k += 1;
                }
                let year = year_of(tokens.get(k));
                if year.is_some() {
                    end = k + 1;
                }
                out.push(DateMention {
                    first: i,
                    last: end,
                    iso: Some(resolve(day, month, year, published)),
                });
                i = end;
                continue;
            }
        }
        if let Some(weekday) = calendar.and_then(|w| w.weekday) {
            let iso = published.map(|p| {
                let back = (p.weekday() - weekday).rem_euclid(7);
                Civil::from_days(p.days() - back).iso()
            });
            out.push(DateMention {
                first: i,
                last: i + 1,
                iso,
            });
        } else if let Some(offset) = calendar.and_then(|w| w.relative_day(lang)) {
            let iso = published.map(|p| Civil::from_days(p.days() + offset).iso());
            out.push(DateMention {
                first: i,
                last: i + 1,
                iso,
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn dates(text: &str, published: Option<&str>, lang: Lang) -> Vec<Option<String>> {
        let chars: Vec<char> = text.chars().collect();
        let tokenized = tokenize(&chars, 0, chars.len());
        let tokens = tokenized.tokens();
        find(&tokens, published.and_then(Civil::parse_iso), lang)
            .into_iter()
            .map(|d| d.iso)
            .collect()
    }

    #[test]
    fn resolves_against_published() {
        let p = Some("2024-11-19T08:00:00Z");
        assert_eq!(
            dates("told the media on Nov. 18 that", p, Lang::En),
            [Some("2024-11-18".into())]
        );
        assert_eq!(
            dates("said on Monday", p, Lang::En),
            [Some("2024-11-18".into())]
        );
        assert_eq!(
            dates("on Dec. 30, 2023 and yesterday", p, Lang::En),
            [Some("2023-12-30".into()), Some("2024-11-18".into())]
        );
        assert_eq!(
            dates("заявив 18 листопада", p, Lang::Uk),
            [Some("2024-11-18".into())]
        );
        assert_eq!(
            dates("sagte am 18. November", p, Lang::De),
            [Some("2024-11-18".into())]
        );
        assert_eq!(
            dates("el 18 de noviembre de 2024", p, Lang::Es),
            [Some("2024-11-18".into())]
        );
        // Late December read in early January belongs to the year before.
        assert_eq!(
            dates("on Dec. 28", Some("2025-01-03"), Lang::En),
            [Some("2024-12-28".into())]
        );
    }

    #[test]
    fn no_weekday_reads_as_a_month_by_prefix() {
        for &(day, _) in WEEKDAYS {
            assert_eq!(crate::calendar::month_by_prefix(day), None, "{day}");
        }
    }

    #[test]
    fn without_published_date_keeps_day_and_month_only() {
        assert_eq!(
            dates("on Nov. 18", None, Lang::En),
            [Some("--11-18".into())]
        );
        assert_eq!(dates("on Monday", None, Lang::En), [None]);
        // "may" in lower case is a verb, not a month.
        assert!(dates("it may 18 times", None, Lang::En).is_empty());
    }
}
