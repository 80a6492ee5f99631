//! Bytes to text: UTF-8 as is (without a byte-order mark), UTF-16 by its
//! byte-order mark or, without one, by where its zero bytes fall, anything
//! else decoded with the encoding `chardetng` detects, and reported. The
//! text comes out without the invisible characters that split words (see
//! [`super::invisible`]), before any format reads it.

use std::borrow::Cow;

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use super::invisible::remove_invisible;

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
/// byte-order mark or with the zero bytes of one byte order (see
/// [`utf16_without_bom`]), or else the encoding detected from the bytes.
/// Soft hyphens, zero-width spaces and word joiners are removed from the
/// text. Never fails: undecodable bytes become U+FFFD.
pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, encoding) = decode_text(bytes);
    // No copy when there is nothing to remove, as in nearly every file.
    let text = match remove_invisible(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(visible) => visible,
    };
    Decoded { text, encoding }
}

/// The text and, when not UTF-8, the name of the encoding it was decoded
/// from.
fn decode_text(bytes: &[u8]) -> (String, Option<&'static str>) {
    // Before the UTF-8 check: UTF-16 of ASCII text is valid UTF-8 (a NUL
    // before or after every letter), which would then be refused as binary.
    if let Some(text) = utf16_without_bom(bytes) {
        return text;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), None);
    }
    let encoding = match Encoding::for_bom(bytes) {
        Some((encoding, _)) => encoding,
        None => {
            let mut detector = EncodingDetector::new();
            detector.feed(bytes, true);
            detector.guess(None, true)
        }
    };
    let (text, actual, _) = encoding.decode(bytes);
    (text.into_owned(), Some(actual.name()))
}

/// UTF-16 without a byte-order mark, told by its zero bytes: text in the
/// Latin, Cyrillic, Armenian or Arabic scripts has a zero high byte in
/// every space, digit and ASCII punctuation mark (and every Latin letter),
/// so at least one code unit in ten has a zero byte on the same side of
/// the pair, and next to none on the other side. UTF-8 text has no zero
/// bytes at all, binary data has them on both sides. The decoded text must
/// then decode without errors and not look binary, else it is not taken
/// for UTF-16.
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, Option<&'static str>)> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 || Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let units = bytes.len() / 2;
    let (mut zero_first, mut zero_second) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        zero_first += usize::from(pair[0] == 0);
        zero_second += usize::from(pair[1] == 0);
    }
    let encoding = if zero_first * 10 >= units && zero_second * 20 <= zero_first {
        UTF_16BE
    } else if zero_second * 10 >= units && zero_first * 20 <= zero_second {
        UTF_16LE
    } else {
        return None;
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors || looks_binary(&text) {
        return None;
    }
    Some((text.into_owned(), Some(encoding.name())))
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

    #[test]
    fn utf16_without_a_bom_is_read_in_either_byte_order() {
        let text = "Paşinyan Yerevan'da konuştu. Пашинян выступил в Ереване.";
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        for (bytes, name) in [(be, "UTF-16BE"), (le, "UTF-16LE")] {
            let d = decode(&bytes);
            assert_eq!((d.text.as_str(), d.encoding), (text, Some(name)));
            assert!(!looks_binary(&d.text));
        }
        // Zero bytes on both sides of the pairs are binary data, not text.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0";
        assert!(looks_binary(&decode(png).text));
    }

    #[test]
    fn invisible_characters_are_removed_in_every_encoding() {
        let text = "Nagorno\u{AD}Karabakh, Sh\u{200B}usha, قره\u{200C}باغ";
        let clean = "NagornoKarabakh, Shusha, قره\u{200C}باغ";
        assert_eq!(decode(text.as_bytes()).text, clean);
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).text, clean);
    }
}
