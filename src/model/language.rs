//! Text in several languages: wherever the content holds text, it may hold one text or a
//! mapping from language tag to text (`summary: {en: "...", de: "..."}`). The loader
//! picks one variant for the language it reads in (`load::de`), so the model itself holds
//! plain text; these are the rules for the tags and the choice.

/// The ISO 639-1 codes: the first part of a language tag (`de` in `de-AT`).
pub const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Whether `tag` is a language tag as a key of text by language: an ISO 639-1 code,
/// optionally followed by a script (`Hans`), a region (`BR`, `419`) or variants, each
/// after a hyphen: `en`, `de-AT`, `pt-BR`, `zh-Hans`, `sr-Latn-RS`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    ISO_639_1.contains(&primary)
        && parts.all(|p| {
            let n = p.len();
            p.chars().all(|c| c.is_ascii_alphanumeric()) && (2..=8).contains(&n)
        })
}

/// The key that holds the text for `wanted` (a locale or a language tag): the same tag
/// (in any case), else the tag shortened (`pt` for `pt-BR`), else one of the same
/// language (`de-AT` for `de`).
pub fn best<'k>(keys: impl IntoIterator<Item = &'k str> + Clone, wanted: &str) -> Option<usize> {
    let wanted = wanted.to_ascii_lowercase();
    let position = |tag: &str| {
        keys.clone()
            .into_iter()
            .position(|k| k.eq_ignore_ascii_case(tag))
    };
    let mut tag = wanted.as_str();
    loop {
        if let Some(i) = position(tag) {
            return Some(i);
        }
        match tag.rfind('-') {
            Some(cut) => tag = &tag[..cut],
            None => break,
        }
    }
    let primary = wanted.split('-').next().unwrap_or_default();
    keys.into_iter().position(|k| {
        k.split('-')
            .next()
            .is_some_and(|p| p.eq_ignore_ascii_case(primary))
    })
}

/// The content's language when the global `design.locale` does not name one.
pub const DEFAULT_LANGUAGE: &str = "en";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for tag in ["en", "de-AT", "pt-BR", "zh-Hans", "sr-Latn-RS", "es-419"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for tag in ["title", "foo", "EN", "e", "en-", "en_US", "text", "x"] {
            assert!(!is_language_tag(tag), "{tag}");
        }
    }

    #[test]
    fn choice() {
        let keys = ["en", "de-AT", "pt"];
        assert_eq!(best(keys, "en"), Some(0));
        assert_eq!(best(keys, "de"), Some(1));
        assert_eq!(best(keys, "pt-BR"), Some(2));
        assert_eq!(best(keys, "fr"), None);
        assert_eq!(best(["zh-Hans"], "zh-Hans"), Some(0));
    }
}
