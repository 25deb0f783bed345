//! A small multi-pattern substring matcher: one pass over the text, looking up the patterns that
//! start with each byte triple (a 64 Kbit bitmap of triple hashes filters the triples no pattern
//! starts with). Built once per table, so scanning a text node costs about its length, not its
//! length times the table size.

/// Patterns indexed by their first two bytes.
#[derive(Debug)]
pub struct Matcher {
    /// One bit per possible first byte pair.
    pairs: Vec<u64>,
    /// (first two bytes as u16, pattern index), sorted.
    keys: Vec<(u16, u16)>,
    /// The patterns as bytes.
    patterns: Vec<&'static [u8]>,
}

/// Hash of a pattern's or a position's first three bytes.
fn key(a: u8, b: u8, c: u8) -> u16 {
    let v = (u32::from(a) << 16) | (u32::from(b) << 8) | u32::from(c);
    // Multiplicative hashing; the top 16 bits are the key.
    (v.wrapping_mul(2_654_435_761) >> 16) as u16
}

impl Matcher {
    /// A matcher for `patterns` (lower-case; each at least three bytes long, shorter ones never match).
    pub fn new(patterns: impl IntoIterator<Item = &'static str>) -> Self {
        let mut pairs = vec![0u64; 1024];
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
        Self {
            pairs,
            keys,
            patterns: list,
        }
    }

    /// Calls `f` with the index and byte offset of every pattern occurring in `hay`.
    pub fn for_each_at(&self, hay: &str, mut f: impl FnMut(u16, usize)) {
        let bytes = hay.as_bytes();
        for (i, w) in bytes.windows(3).enumerate() {
            let (Some(&a), Some(&b), Some(&c)) = (w.first(), w.get(1), w.get(2)) else {
                continue;
            };
            let k = key(a, b, c);
            let set = self
                .pairs
                .get(usize::from(k >> 6))
                .is_some_and(|word| word & (1 << (k & 63)) != 0);
            if !set {
                continue;
            }
            let start = self.keys.partition_point(|&(kk, _)| kk < k);
            let rest = bytes.get(i..).unwrap_or_default();
            for &(kk, index) in self.keys.get(start..).unwrap_or_default() {
                if kk != k {
                    break;
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
