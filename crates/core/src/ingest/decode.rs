//! Bytes to text: UTF-8 as is (without a byte-order mark), anything else
//! decoded with the encoding `chardetng` detects, and reported.

use chardetng::EncodingDetector;

/// A file's text and, when it was not UTF-8, the encoding it was decoded
/// from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The detected encoding's name (`windows-1252`, `UTF-16LE`), `None`
    /// for UTF-8.
    pub encoding: Option<&'static str>,
}

/// Decodes `bytes`: UTF-8 (a byte-order mark is dropped), UTF-16 with a
/// byte-order mark, or else the encoding detected from the bytes. Never
/// fails: undecodable bytes become U+FFFD.
pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            encoding: None,
        };
    }
    let encoding = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, _)) => encoding,
        None => {
            let mut detector = EncodingDetector::new();
            detector.feed(bytes, true);
            detector.guess(None, true)
        }
    };
    let (text, actual, _) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: Some(actual.name()),
    }
}

/// Whether decoded text is really binary data: more than one character in
/// twenty is a control character (other than tab, line and page breaks)
/// or undecodable. Random bytes decoded as windows-1252 are about 12%
/// control characters; real text, in any language, has next to none.
pub fn looks_binary(text: &str) -> bool {
    let (mut total, mut odd) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
        if control || c == char::REPLACEMENT_CHARACTER {
            odd += 1;
        }
    }
    odd * 20 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_bytes_look_binary_and_text_does_not() {
        // A fixed pseudo-random sequence (xorshift), 4 KB.
        let mut x: u32 = 2463534242;
        let junk: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        assert!(looks_binary(&decode(&junk).text));
        assert!(looks_binary(
            &decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").text
        ));
        for text in [
            "Headline\n\nBody,\ttabbed.\r\n",
            "Türkiye ve Azərbaycan",
            "",
        ] {
            assert!(!looks_binary(text), "{text:?}");
        }
    }

    #[test]
    fn utf8_passes_through_and_others_are_detected() {
        assert_eq!(decode("Türkiye".as_bytes()).encoding, None);
        assert_eq!(decode(b"\xEF\xBB\xBFHi").text, "Hi");
        // "Café crème à Genève" in windows-1252.
        let latin = b"Caf\xe9 cr\xe8me \xe0 Gen\xe8ve, un th\xe9 tr\xe8s appr\xe9ci\xe9.";
        let d = decode(latin);
        assert_eq!(d.encoding, Some("windows-1252"));
        assert!(d.text.starts_with("Café crème"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            decode(&utf16),
            Decoded {
                text: "Hi".into(),
                encoding: Some("UTF-16LE")
            }
        );
    }
}
