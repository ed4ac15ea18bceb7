//! Fonts: ours (in `fonts/`, compiled into the binary), then Typst's own embedded ones,
//! then those in the project's own `fonts/` folder (beside `content/`: fonts for scripts
//! ours lack, such as Chinese, Japanese and Korean). System fonts only when asked for, so
//! the same input gives the same PDF everywhere.
//!
//! The built-in faces are described ahead of time in `builtin-fonts.json` (a test checks
//! it against the fonts themselves), so a build starts without parsing some 25 font
//! files, and a face is parsed only when a document uses it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use typst::foundations::Bytes;
use typst::text::{Font, FontInfo, FontStyle, FontWeight};
use typst_kit::fonts::{FontPath, FontSource, FontStore};

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

/// The descriptions of the built-in faces, in the order of [`builtin_files`].
const BUILTIN_BOOK: &str = include_str!("builtin-fonts.json");

/// One face of a built-in font file, as `builtin-fonts.json` lists it.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Face {
    /// Index into [`builtin_files`].
    file: usize,
    /// Index of the face in its file (a collection has several).
    index: u32,
    info: FontInfo,
}

/// Every font file compiled into the binary: ours, then Typst's.
fn builtin_files() -> impl Iterator<Item = &'static [u8]> {
    OURS.iter()
        .map(|(_, data)| *data)
        .chain(typst_assets::fonts())
}

/// A built-in face, parsed from the binary's own bytes when first used.
struct Builtin {
    data: &'static [u8],
    index: u32,
}

impl FontSource for Builtin {
    fn load(&self) -> Option<Font> {
        Font::new(Bytes::new(self.data), self.index)
    }
}

/// The faces of the built-in fonts, from their description.
fn builtin_faces() -> Vec<Face> {
    // The file is ours and checked by a test; it cannot fail to parse.
    serde_json::from_str(BUILTIN_BOOK).unwrap_or_else(|e| unreachable!("builtin-fonts.json: {e}"))
}

/// The faces of the built-in fonts, described by parsing them (what the JSON must hold).
#[cfg(test)]
fn describe_builtin() -> Vec<Face> {
    builtin_files()
        .enumerate()
        .flat_map(|(file, data)| {
            Font::iter(Bytes::new(data)).map(move |font| Face {
                file,
                index: font.index(),
                info: font.info().clone(),
            })
        })
        .collect()
}

/// The fonts of a build whose project folder is `project`.
pub fn load(system: bool, project: &Path) -> FontStore {
    let mut store = FontStore::new();
    let files: Vec<&'static [u8]> = builtin_files().collect();
    for face in builtin_faces() {
        let source = Builtin {
            data: files[face.file],
            index: face.index,
        };
        store.push((source, face.info));
    }
    let own = project.join("fonts");
    if own.is_dir() {
        let fresh = scan(&own, &store, &files);
        store.extend(fresh);
    }
    if system {
        store.extend(typst_kit::fonts::system());
    }
    store
}

/// The family the built-in designs set their text in.
pub const DEFAULT_FAMILY: &str = "inter";

/// Parses the faces of `family` that documents mostly set (upright, and the regular
/// italic) now, on a thread of its own while the content loads, rather than in the middle
/// of the first compile that uses them. The others are parsed when used.
pub fn preload(store: &FontStore, family: &str) {
    let book = store.book();
    let faces: Vec<usize> = book
        .select_family(family)
        .filter(|&i| {
            book.info(i).is_some_and(|info| {
                info.variant.style == FontStyle::Normal
                    || info.variant.weight == FontWeight::REGULAR
            })
        })
        .collect();
    for index in faces {
        store.font(index);
    }
}

/// The faces of the font files under `dir` (in path order) that add to `store`: a
/// family and style the store has already is not added again. A copy of a built-in font
/// (this repository's own `fonts/` holds them) is known without being parsed.
fn scan(dir: &Path, store: &FontStore, builtin: &[&[u8]]) -> Vec<(FontPath, FontInfo)> {
    let mut paths = Vec::new();
    let mut seen: HashSet<PathBuf> = dir.canonicalize().into_iter().collect();
    font_files(dir, &mut seen, &mut paths);
    paths.sort();
    let mut db = fontdb::Database::new();
    for path in paths.iter().filter(|path| !is_copy(path, builtin)) {
        // A file that is no font is skipped, as Typst's own scan skips it.
        let _ = db.load_font_file(path);
    }
    db.faces()
        .filter_map(|face| {
            let (fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _)) = &face.source
            else {
                return None;
            };
            let info = db.with_face_data(face.id, FontInfo::new)??;
            let family = info.family.to_lowercase();
            if store.book().select(&family, info.variant).is_some() {
                return None;
            }
            let path = FontPath {
                path: path.clone(),
                index: face.index,
            };
            Some((path, info))
        })
        .collect()
}

/// Font files under `dir` and its folders, links followed, each real file once (a link
/// back to a parent folder ends there).
fn font_files(dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(real) = entry.path().canonicalize() else {
            continue;
        };
        if !seen.insert(real.clone()) {
            continue;
        }
        if real.is_dir() {
            font_files(&real, seen, out);
        } else if real.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["ttf", "otf", "ttc", "otc"].contains(&e.to_ascii_lowercase().as_str())
        }) {
            out.push(real);
        }
    }
}

/// Whether the file at `path` is a copy of one of `builtin`: the same size and the same
/// first 4 KiB, which hold the font's table directory with a checksum of every table.
fn is_copy(path: &Path, builtin: &[&[u8]]) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(len) = file.metadata().map(|m| m.len()) else {
        return false;
    };
    let mut head = Vec::with_capacity(4096);
    if !builtin.iter().any(|b| b.len() as u64 == len)
        || file.by_ref().take(4096).read_to_end(&mut head).is_err()
    {
        return false;
    }
    builtin
        .iter()
        .any(|b| b.len() as u64 == len && b.starts_with(&head))
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
    use super::{describe_builtin, suggest};

    /// `builtin-fonts.json` describes the fonts in the binary; after a font or Typst
    /// update, `RESUME_WRITE_FONT_BOOK=1 cargo test builtin_font_book` rewrites it.
    #[test]
    fn builtin_font_book_is_current() {
        let described = describe_builtin();
        if std::env::var_os("RESUME_WRITE_FONT_BOOK").is_some() {
            // One face a line, for readable diffs.
            let lines: Vec<String> = described
                .iter()
                .map(|face| serde_json::to_string(face).unwrap())
                .collect();
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/render/builtin-fonts.json");
            std::fs::write(path, format!("[\n{}\n]\n", lines.join(",\n"))).unwrap();
            // The copy compiled into this test is the old one.
            return;
        }
        assert!(
            super::builtin_faces() == described,
            "src/render/builtin-fonts.json is out of date: run `RESUME_WRITE_FONT_BOOK=1 cargo test builtin_font_book`"
        );
        assert_eq!(described.len(), 25, "8 Inter faces and Typst's 17");
    }

    /// A project's `fonts/` adds what the built-in fonts lack: a copy of a built-in font
    /// (under any name) and a file that is no font add nothing.
    #[test]
    fn a_fonts_folder_adds_only_new_faces() {
        let project = tempfile::tempdir().unwrap();
        let fonts = project.path().join("fonts");
        std::fs::create_dir_all(fonts.join("more")).unwrap();
        std::fs::write(fonts.join("copy.otf"), super::OURS[0].1).unwrap();
        std::fs::write(fonts.join("more/broken.ttf"), b"not a font").unwrap();
        // A link back up is followed once, not round and round.
        #[cfg(unix)]
        std::os::unix::fs::symlink("..", fonts.join("more/up")).unwrap();
        // Debian's fonts-dejavu-core, which scripts/test installs.
        std::fs::copy(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            fonts.join("more/DejaVuSans.ttf"),
        )
        .unwrap();
        let store = super::load(false, project.path());
        let book = store.book();
        let families: Vec<&str> = book.families().map(|(name, _)| name).collect();
        // The built-in five, then the one new family.
        assert_eq!(families.len(), 6, "{families:?}");
        assert!(book.contains_family("dejavu sans"));
        assert_eq!(book.select_family("dejavu sans").count(), 1);
        let index = book.select_family("dejavu sans").next().unwrap();
        assert_eq!(store.font(index).unwrap().info().family, "DejaVu Sans");
    }

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
