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
