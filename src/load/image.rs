//! What `check` learns by opening an image the content names: that it decodes, that its
//! declared size is within the limits (a small file can declare billions of pixels and
//! take gigabytes to decode), and that an SVG loads nothing from outside itself.
//!
//! The images are decoded here the way Typst decodes them when it builds, so a damaged
//! image is an error at its place in the content, not in the built-in template.

use std::io::Cursor;
use std::sync::{Arc, Mutex};

use image::{DynamicImage, ImageDecoder, ImageReader};

/// The most pixels on either side of a raster image.
pub const MAX_SIDE: u32 = 16_384;
/// The most pixels in a raster image (40 megapixels).
pub const MAX_PIXELS: u64 = 40_000_000;

/// Why an image cannot be placed: the message after the image's name, and a hint.
#[derive(Debug, PartialEq)]
pub struct Problem {
    pub message: String,
    pub hint: String,
}

/// Checks a raster image (PNG, JPEG, GIF, or WebP inside an SVG): its declared size first,
/// from the header alone, then that all of it decodes.
pub fn check_raster(data: &[u8]) -> Result<(), Problem> {
    let damaged = |kind: &str, e: &dyn std::fmt::Display| Problem {
        message: format!(
            "is a damaged {kind}{}image: {}",
            if kind.is_empty() { "" } else { " " },
            one_line(&e.to_string())
        ),
        hint: "export the image again".into(),
    };
    let reader = ImageReader::new(Cursor::new(data))
        .with_guessed_format()
        .map_err(|e| damaged("", &e))?;
    let kind = match reader.format() {
        Some(image::ImageFormat::Png) => "PNG",
        Some(image::ImageFormat::Jpeg) => "JPEG",
        Some(image::ImageFormat::Gif) => "GIF",
        Some(image::ImageFormat::WebP) => "WebP",
        _ => "",
    };
    let mut decoder = reader.into_decoder().map_err(|e| damaged(kind, &e))?;
    let (width, height) = decoder.dimensions();
    let pixels = u64::from(width) * u64::from(height);
    if width > MAX_SIDE || height > MAX_SIDE || pixels > MAX_PIXELS {
        return Err(Problem {
            message: format!(
                "is too large an image: {width} × {height} pixels ({}), over the limit of {MAX_SIDE} pixels a side and {} megapixels",
                megapixels(pixels),
                MAX_PIXELS / 1_000_000
            ),
            hint: "scale it down: 3000 pixels a side is plenty for print".into(),
        });
    }
    // As Typst does: the default limits cap what the decoder may allocate.
    decoder
        .set_limits(image::Limits::default())
        .map_err(|e| damaged(kind, &e))?;
    DynamicImage::from_decoder(decoder).map_err(|e| damaged(kind, &e))?;
    Ok(())
}

fn megapixels(pixels: u64) -> String {
    let tenths = pixels.div_ceil(100_000);
    format!("{}.{} megapixels", tenths / 10, tenths % 10)
}

/// Checks an SVG: that it parses as Typst will parse it, that it names no file (only
/// `data:` images, which are checked as raster images are, and references inside itself),
/// and that the images inside it are within the limits.
pub fn check_svg(data: &[u8]) -> Result<(), Problem> {
    let found: Mutex<Option<Problem>> = Mutex::new(None);
    let note = |problem: Problem| {
        let mut found = found.lock().unwrap_or_else(|e| e.into_inner());
        found.get_or_insert(problem);
    };
    let default_data = usvg::ImageHrefResolver::default_data_resolver();
    let options = usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|mime, bytes: Arc<Vec<u8>>, opts| {
                let image = default_data(mime, bytes.clone(), opts)?;
                if matches!(image, usvg::ImageKind::SVG(_)) {
                    return Some(image);
                }
                match check_raster(&bytes) {
                    Ok(()) => Some(image),
                    Err(problem) => {
                        note(Problem {
                            message: format!("holds an image that {}", problem.message),
                            hint: problem.hint,
                        });
                        None
                    }
                }
            }),
            resolve_string: Box::new(|href, _| {
                note(Problem {
                    message: format!(
                        "links to the file `{}`: an SVG figure may only hold images inside itself",
                        shown(href)
                    ),
                    hint: "embed the image in the SVG as a `data:` URL, or place it as a figure of its own".into(),
                });
                None
            }),
        },
        ..Default::default()
    };
    let parsed = usvg::Tree::from_data(data, &options);
    drop(options);
    if let Some(problem) = found.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(problem);
    }
    match parsed {
        Ok(_) => Ok(()),
        Err(e) => Err(Problem {
            message: format!("is a damaged SVG image: {}", one_line(&e.to_string())),
            hint: "export the image again".into(),
        }),
    }
}

/// A name from inside an image, safe to print: control characters escaped, cut short.
fn shown(name: &str) -> String {
    let mut out: String = name
        .chars()
        .take(200)
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect();
    if name.chars().nth(200).is_some() {
        out.push('…');
    }
    out
}

/// A decoder's message on one line: its words, whatever spaces and line breaks held them.
fn one_line(message: &str) -> String {
    shown(&message.split_whitespace().collect::<Vec<_>>().join(" "))
}
