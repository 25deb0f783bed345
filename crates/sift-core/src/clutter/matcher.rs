//! A small multi-pattern substring matcher: one pass over the text, looking up the patterns that
//! start with each byte triple (a 64 Kbit bitmap of triple hashes filters the triples no pattern
//! starts with). Built once per table, so scanning a text node costs about its length, not its
//! length times the table size.

/// Patterns indexed by a hash of their first three bytes.
#[derive(Debug)]
pub struct Matcher {
    /// One bit per hash of a pattern's first three bytes (a fixed size, so lookups need no bounds
    /// check: a `u16` key shifted by 6 is always below 1,024).
    pairs: Box<[u64; WORDS]>,
    /// (hash of the first three bytes, pattern index), sorted.
    keys: Vec<(u16, u16)>,
    /// For each bitmap word `w`, where the keys of that word start in `keys` (`starts[w + 1]` is
    /// where they end): a hit's candidates are found without a search.
    starts: Box<[u16; WORDS + 1]>,
    /// The patterns as bytes.
    patterns: Vec<&'static [u8]>,
}

/// Words of the bitmap (64 bits each, one per 16-bit hash).
const WORDS: usize = 1024;

/// Hash of a pattern's or a position's first three bytes.
fn key(a: u8, b: u8, c: u8) -> u16 {
    key_of((u32::from(a) << 16) | (u32::from(b) << 8) | u32::from(c))
}

/// [`key`] of three bytes given as one number (`a << 16 | b << 8 | c`).
fn key_of(triple: u32) -> u16 {
    // Multiplicative hashing; the top 16 bits are the key.
    (triple.wrapping_mul(2_654_435_761) >> 16) as u16
}

impl Matcher {
    /// A matcher for `patterns` (lower-case; each at least three bytes long, shorter ones never match).
    pub fn new(patterns: impl IntoIterator<Item = &'static str>) -> Self {
        let mut pairs = Box::new([0u64; WORDS]);
        let mut keys = Vec::new();
        let mut list = Vec::new();
        for (i, p) in patterns.into_iter().enumerate() {
            let bytes = p.as_bytes();
            list.push(bytes);
            if let (Some(&a), Some(&b), Some(&c), Ok(index)) =
                (bytes.first(), bytes.get(1), bytes.get(2), u16::try_from(i))
            {
                let k = key(a, b, c);
                if let Some(word) = pairs.get_mut(usize::from(k >> 6)) {
                    *word |= 1 << (k & 63);
                }
                keys.push((k, index));
            }
        }
        keys.sort_unstable();
        let mut starts = Box::new([0u16; WORDS + 1]);
        for (w, start) in starts.iter_mut().enumerate() {
            let first = keys.partition_point(|&(k, _)| usize::from(k >> 6) < w);
            *start = u16::try_from(first).unwrap_or(u16::MAX);
        }
        Self {
            pairs,
            keys,
            starts,
            patterns: list,
        }
    }

    /// Calls `f` with the index and byte offset of every pattern occurring in `hay`.
    pub fn for_each_at(&self, hay: &str, mut f: impl FnMut(u16, usize)) {
        let bytes = hay.as_bytes();
        let (Some(&a), Some(&b), Some(tail)) = (bytes.first(), bytes.get(1), bytes.get(2..)) else {
            return;
        };
        // The three bytes at `i` as one number, rolled on by a byte per position.
        let mut triple = (u32::from(a) << 8) | u32::from(b);
        for (i, &c) in tail.iter().enumerate() {
            triple = ((triple << 8) | u32::from(c)) & 0xFF_FFFF;
            let k = key_of(triple);
            let word = usize::from(k >> 6);
            let set = self
                .pairs
                .get(word)
                .is_some_and(|bits| bits & (1 << (k & 63)) != 0);
            if !set {
                continue;
            }
            let (Some(&start), Some(&end)) = (self.starts.get(word), self.starts.get(word + 1))
            else {
                continue;
            };
            let rest = bytes.get(i..).unwrap_or_default();
            let bucket = self
                .keys
                .get(usize::from(start)..usize::from(end))
                .unwrap_or_default();
            for &(kk, index) in bucket {
                if kk != k {
                    continue;
                }
                if self
                    .patterns
                    .get(usize::from(index))
                    .is_some_and(|p| rest.starts_with(p))
                {
                    f(index, i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_substring_search_finds() {
        let patterns = [
            "sign up",
            "newsletter",
            "up!",
            "abc",
            "bca",
            "cab",
            "aaa",
            "ab",
        ];
        let m = Matcher::new(patterns);
        for hay in [
            "",
            "a",
            "ab",
            "abc",
            "aaaa",
            "cabcabca",
            "xx sign up! newsletter",
            "ééabc",
        ] {
            let mut hits = Vec::new();
            m.for_each_at(hay, |i, at| hits.push((at, i)));
            let mut expected = Vec::new();
            for at in 0..hay.len() {
                for (i, p) in patterns.iter().enumerate() {
                    // Patterns under three bytes never match.
                    if p.len() >= 3 && hay.as_bytes()[at..].starts_with(p.as_bytes()) {
                        expected.push((at, i as u16));
                    }
                }
            }
            hits.sort_unstable();
            assert_eq!(hits, expected, "{hay:?}");
        }
    }

    #[test]
    fn finds_every_occurrence() {
        let m = Matcher::new(["sign up", "newsletter", "up!"]);
        let mut hits = Vec::new();
        m.for_each_at("sign up! for our newsletter", |i, _| hits.push(i));
        assert_eq!(hits, vec![0, 2, 1]);
        let mut none = Vec::new();
        m.for_each_at("nothing here", |i, _| none.push(i));
        assert!(none.is_empty());
    }
}
