//! Fonts: ours (in `fonts/`, compiled into the binary), then Typst's own embedded ones,
//! then those in the project's own `fonts/` folder (beside `content/`: fonts for scripts
//! ours lack, such as Chinese, Japanese and Korean). System fonts only when asked for, so
//! the same input gives the same PDF everywhere.

use std::path::Path;

use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;

/// Our text fonts, each with its licence in `fonts/<family>/`.
pub const OURS: &[(&str, &[u8])] = &[
    (
        "Inter-Regular.otf",
        include_bytes!("../../fonts/inter/Inter-Regular.otf"),
    ),
    (
        "Inter-Italic.otf",
        include_bytes!("../../fonts/inter/Inter-Italic.otf"),
    ),
    (
        "Inter-Medium.otf",
        include_bytes!("../../fonts/inter/Inter-Medium.otf"),
    ),
    (
        "Inter-MediumItalic.otf",
        include_bytes!("../../fonts/inter/Inter-MediumItalic.otf"),
    ),
    (
        "Inter-SemiBold.otf",
        include_bytes!("../../fonts/inter/Inter-SemiBold.otf"),
    ),
    (
        "Inter-SemiBoldItalic.otf",
        include_bytes!("../../fonts/inter/Inter-SemiBoldItalic.otf"),
    ),
    (
        "Inter-Bold.otf",
        include_bytes!("../../fonts/inter/Inter-Bold.otf"),
    ),
    (
        "Inter-BoldItalic.otf",
        include_bytes!("../../fonts/inter/Inter-BoldItalic.otf"),
    ),
];

/// The fonts of a build whose project folder is `project`.
pub fn load(system: bool, project: &Path) -> FontStore {
    let mut store = FontStore::new();
    for (_, data) in OURS {
        for font in Font::iter(Bytes::new(*data)) {
            let info = font.info().clone();
            store.push((font, info));
        }
    }
    store.extend(typst_kit::fonts::embedded());
    let own = project.join("fonts");
    if own.is_dir() {
        // A family we already have (this repository's own `fonts/` holds the built-in
        // ones) is not added again.
        let fresh: Vec<_> = typst_kit::fonts::scan(&own)
            .filter(|(_, info)| {
                let family = info.family.to_lowercase();
                store.book().select(&family, info.variant).is_none()
            })
            .collect();
        store.extend(fresh);
    }
    if system {
        store.extend(typst_kit::fonts::system());
    }
    store
}

/// Free fonts that have `c`, for the script it belongs to: what to put in `fonts/`
/// when no font of the build has it.
pub fn suggest(c: char) -> (Option<&'static str>, &'static str) {
    match u32::from(c) {
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => (
            Some("Korean"),
            "Noto Sans CJK KR, WenQuanYi Micro Hei, Nanum Gothic",
        ),
        0x3040..=0x30FF | 0x31F0..=0x31FF => {
            (Some("Japanese"), "Noto Sans CJK JP, WenQuanYi Micro Hei")
        }
        0x2E80..=0x2FDF
        | 0x3000..=0x303F
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF => (
            Some("Chinese, Japanese and Korean"),
            "Noto Sans CJK (SC, TC, JP or KR), WenQuanYi Micro Hei",
        ),
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            (Some("Arabic"), "Noto Naskh Arabic, Noto Sans Arabic, Amiri")
        }
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => {
            (Some("Hebrew"), "Noto Sans Hebrew, Noto Serif Hebrew")
        }
        0x0900..=0x097F | 0xA8E0..=0xA8FF => (Some("Devanagari"), "Noto Sans Devanagari"),
        0x0980..=0x09FF => (Some("Bengali"), "Noto Sans Bengali"),
        0x0A00..=0x0A7F => (Some("Gurmukhi"), "Noto Sans Gurmukhi"),
        0x0A80..=0x0AFF => (Some("Gujarati"), "Noto Sans Gujarati"),
        0x0B80..=0x0BFF => (Some("Tamil"), "Noto Sans Tamil"),
        0x0C00..=0x0C7F => (Some("Telugu"), "Noto Sans Telugu"),
        0x0C80..=0x0CFF => (Some("Kannada"), "Noto Sans Kannada"),
        0x0D00..=0x0D7F => (Some("Malayalam"), "Noto Sans Malayalam"),
        0x0D80..=0x0DFF => (Some("Sinhala"), "Noto Sans Sinhala"),
        0x0E00..=0x0E7F => (Some("Thai"), "Noto Sans Thai"),
        0x0E80..=0x0EFF => (Some("Lao"), "Noto Sans Lao"),
        0x0F00..=0x0FFF => (Some("Tibetan"), "Noto Serif Tibetan"),
        0x1000..=0x109F => (Some("Myanmar"), "Noto Sans Myanmar"),
        0x10A0..=0x10FF => (Some("Georgian"), "Noto Sans Georgian"),
        0x0530..=0x058F => (Some("Armenian"), "Noto Sans Armenian"),
        0x1200..=0x139F => (Some("Ethiopic"), "Noto Sans Ethiopic"),
        0x1780..=0x17FF => (Some("Khmer"), "Noto Sans Khmer"),
        0x2600..=0x27BF | 0x1F000..=0x1FAFF => (Some("emoji"), "Noto Emoji"),
        _ => (
            None,
            "Noto Sans (the Noto family covers most scripts), DejaVu Sans",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn fonts_are_suggested_by_script() {
        assert_eq!(suggest('字').0, Some("Chinese, Japanese and Korean"));
        assert_eq!(suggest('한').0, Some("Korean"));
        assert_eq!(suggest('ب').1, "Noto Naskh Arabic, Noto Sans Arabic, Amiri");
        assert_eq!(suggest('ह').1, "Noto Sans Devanagari");
        assert_eq!(suggest('ש').0, Some("Hebrew"));
        assert_eq!(suggest('ก').1, "Noto Sans Thai");
        assert_eq!(suggest('\u{10900}').0, None);
    }
}
