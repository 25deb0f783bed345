//! Calendar words shared by the article's metadata dates (`article::dates`, which reads a month
//! by its prefix: "Nov.", "novembre", "листопада") and the claims' date mentions
//! (`claims::dates`, which looks a word up whole): the month names of the six languages, in one
//! table.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Month names and abbreviations (lower case) with their number, in the six languages.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    // English, with AP-style abbreviations
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Ukrainian (genitive, as after a day number)
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Russian (genitive)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
];

/// Fewest letters of a month prefix.
const MIN_PREFIX_CHARS: usize = 3;

/// Month stems that no name in [`MONTHS`] begins with: the Russian nominative "май" (May; the table
/// holds the genitive "мая", as after a day number).
const EXTRA_PREFIXES: &[(&str, u32)] = &[("май", 5)];

/// Weekday stems that begin like a month prefix, so a word beginning with one is no month: the
/// French "mardi" and Spanish "martes" (like "mars", "marzo"), the Ukrainian "середа" in all its
/// case forms (like "серпня", August).
const WEEKDAY_STEMS: &[&str] = &["mardi", "martes", "серед"];

/// Month prefixes with their month, and the longest prefix in chars.
struct Prefixes {
    months: HashMap<&'static str, u32>,
    longest: usize,
}

/// For each name of [`MONTHS`], its shortest prefix of at least [`MIN_PREFIX_CHARS`] letters that
/// no other month's name begins with ("jan"; "juin" and "juil", as "jui" begins both), and
/// [`EXTRA_PREFIXES`]; built once.
fn prefixes() -> &'static Prefixes {
    static PREFIXES: OnceLock<Prefixes> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        let mut months: HashMap<&'static str, u32> = EXTRA_PREFIXES.iter().copied().collect();
        for &(name, month) in MONTHS {
            let unambiguous = name
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .skip(MIN_PREFIX_CHARS - 1)
                .filter_map(|end| name.get(..end))
                .find(|prefix| {
                    MONTHS
                        .iter()
                        .all(|&(other, m)| m == month || !other.starts_with(prefix))
                });
            if let Some(prefix) = unambiguous {
                months.insert(prefix, month);
            }
        }
        let longest = months.keys().map(|p| p.chars().count()).max().unwrap_or(0);
        Prefixes { months, longest }
    })
}

/// The month whose prefix `word` (lower case) begins with, the longest prefix winning: "nov",
/// "novembre" and "november" are 11, "juillet" is 7; none for a weekday ([`WEEKDAY_STEMS`]:
/// "середу" is Wednesday, not August).
pub(crate) fn month_by_prefix(word: &str) -> Option<u32> {
    if WEEKDAY_STEMS.iter().any(|stem| word.starts_with(stem)) {
        return None;
    }
    let table = prefixes();
    let mut month = None;
    for (n, (i, c)) in word.char_indices().enumerate().take(table.longest) {
        if n + 1 < MIN_PREFIX_CHARS {
            continue;
        }
        if let Some(&m) = word
            .get(..i + c.len_utf8())
            .and_then(|p| table.months.get(p))
        {
            month = Some(m);
        }
    }
    month
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_as_its_month_by_prefix() {
        for &(name, month) in MONTHS {
            assert_eq!(month_by_prefix(name), Some(month), "{name}");
        }
    }

    #[test]
    fn prefixes_are_unambiguous_and_at_least_three_letters() {
        assert_eq!(month_by_prefix("juin"), Some(6));
        assert_eq!(month_by_prefix("juil."), Some(7));
        assert_eq!(month_by_prefix("jui"), None);
        assert_eq!(month_by_prefix("ja"), None);
        assert_eq!(month_by_prefix("sept"), Some(9));
        assert_eq!(month_by_prefix("май"), Some(5));
        assert_eq!(month_by_prefix("weather"), None);
    }

    #[test]
    fn weekdays_are_no_months() {
        // Nominative and other case forms of weekdays in the six languages (the accusative
        // forms after "on" are checked against `claims::dates`' table there).
        for day in [
            "mardi",
            "martes",
            "mittwoch",
            "середа",
            "середи",
            "середу",
            "середою",
            "понеділок",
            "вівторок",
            "четвер",
            "п'ятниця",
            "субота",
            "неділя",
            "понедельник",
            "вторник",
            "среда",
            "четверг",
            "пятница",
            "суббота",
            "воскресенье",
        ] {
            assert_eq!(month_by_prefix(day), None, "{day}");
        }
        // The month itself still reads, in genitive and nominative.
        assert_eq!(month_by_prefix("серпня"), Some(8));
        assert_eq!(month_by_prefix("серпень"), Some(8));
    }
}
