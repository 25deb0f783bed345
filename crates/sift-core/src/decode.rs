//! Turning a saved page's bytes into text: BOM, then valid non-ASCII UTF-8, then `<meta charset>`,
//! then Windows-1252.

use encoding_rs::Encoding;

use crate::SiftError;

/// How many leading bytes are searched for a `<meta charset>` declaration (as browsers do).
const META_PRESCAN_BYTES: usize = 1024;

/// Decodes a page's bytes to text. Invalid sequences become U+FFFD; binary data is refused later by
/// the analysis itself.
pub fn decode(bytes: &[u8]) -> Result<String, SiftError> {
    if bytes.is_empty() {
        return Err(SiftError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) =
            encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        return Ok(text.into_owned());
    }
    // A page saved again as UTF-8 often keeps its old declaration (`charset=gb2312` over UTF-8
    // text). Text in a legacy encoding is almost never valid UTF-8 once it has non-ASCII bytes, so
    // such bytes are read as UTF-8 whatever the declaration says.
    if !bytes.is_ascii() {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Ok(text.to_string());
        }
    }
    if let Some(encoding) = declared_charset(bytes.get(..META_PRESCAN_BYTES).unwrap_or(bytes)) {
        if encoding != encoding_rs::UTF_8 {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            return Ok(text.into_owned());
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(text.into_owned())
        }
    }
}

/// The encoding named by `charset=` in the first bytes, if any.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = lower.get(at..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(rest.get(..end)?)?;
    // As the HTML standard's prescan: a UTF-16 label in the page's own bytes cannot be true (the
    // bytes are ASCII-compatible to be read at all), and x-user-defined means windows-1252.
    Some(match encoding.name() {
        "UTF-16LE" | "UTF-16BE" => encoding_rs::UTF_8,
        "x-user-defined" => encoding_rs::WINDOWS_1252,
        _ => encoding,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1251_page_is_decoded_by_its_meta_charset() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1251.encode("<meta charset=windows-1251><p>Київ</p>");
        assert!(decode(&bytes).expect("decoded").contains("Київ"));
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_legacy_declaration() {
        let page = "<meta charset=gb2312><p>TNW中文站 2016年10月14日</p>";
        assert_eq!(decode(page.as_bytes()).ok().as_deref(), Some(page));
    }

    #[test]
    fn invalid_utf8_without_declaration_falls_back_to_windows_1252() {
        assert_eq!(decode(b"caf\xe9").expect("decoded"), "café");
    }

    #[test]
    fn utf16_meta_label_reads_as_utf8() {
        assert_eq!(
            decode(b"<meta charset=utf-16><p>hi").expect("decoded"),
            "<meta charset=utf-16><p>hi"
        );
        assert!(decode(b"<meta charset=x-user-defined>caf\xe9")
            .expect("decoded")
            .ends_with("café"));
    }

    #[test]
    fn utf16_bom_is_honoured() {
        let bytes = [0xFF, 0xFE, b'h', 0, b'i', 0];
        assert_eq!(decode(&bytes).expect("decoded"), "hi");
    }
}
