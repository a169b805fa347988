//! `storycheck assets`: every picture a story shows (its cover and each panel, with each width variant), measured as
//! an artist needs: its size in pixels, its aspect ratio against the 8:5 frame, and the bytes it costs a reader,
//! with warnings for a missing variant, a picture the frame would crop, and a panel over the byte budget.

use std::path::Path;

use anyhow::Result;
use safety_stories::engine::{
    Diagnostic, FRAME_ASPECT, JsonPath, Story, is_raster, size_variant, svg_size, terminal_safe,
    without_byte_order_mark,
};

/// What one picture file measures.
struct Measured {
    width: f64,
    height: f64,
    bytes: usize,
    brotli: usize,
}

impl Measured {
    /// The bytes a reader downloads: an SVG is text, which servers send compressed; PNG, JPEG, WebP and AVIF are
    /// compressed already and sent as they are.
    fn downloaded(&self, image: &str) -> usize {
        if is_raster(image) { self.bytes } else { self.brotli }
    }
}

/// A picture's width and height in pixels, read from its header (or an SVG's `width`/`height` or `viewBox`).
fn dimensions(image: &str, bytes: &[u8]) -> Option<(f64, f64)> {
    if is_raster(image) {
        let size = imagesize::blob_size(bytes).ok()?;
        Some((size.width as f64, size.height as f64))
    } else {
        svg_size(std::str::from_utf8(bytes).ok()?)
    }
}

/// The size of `bytes` compressed with brotli at its best setting, as a server or the site's build would.
fn brotli_size(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut writer = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
    // Writing to a Vec cannot fail.
    writer.write_all(bytes).expect("compress into memory");
    writer.into_inner().len()
}

/// Reads and measures a file under `root`; `None` when it is missing, `Some(Err(()))` when its size cannot be read.
fn measure(root: &Path, image: &str) -> Option<Result<Measured, ()>> {
    let bytes = std::fs::read(root.join(image)).ok()?;
    Some(match dimensions(image, &bytes) {
        Some((width, height)) => Ok(Measured { width, height, bytes: bytes.len(), brotli: brotli_size(&bytes) }),
        None => Err(()),
    })
}

/// Whether `width` x `height` is 8:5 to within 1%: closer than that, the frame's crop is less than a pixel or two
/// on each side and cannot be seen.
fn is_frame_shape(width: f64, height: f64) -> bool {
    let frame = f64::from(FRAME_ASPECT.0) / f64::from(FRAME_ASPECT.1);
    ((width / height) / frame - 1.0).abs() < 0.01
}

/// `12345` as `12,345`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// One line of the table: a label, a file and what it measures.
fn row(label: &str, image: &str, measured: &Measured) -> [String; 6] {
    let shape = if is_frame_shape(measured.width, measured.height) {
        "8:5".to_owned()
    } else {
        format!("{:.2}:1", measured.width / measured.height)
    };
    [
        label.to_owned(),
        terminal_safe(image).into_owned(),
        format!("{} x {}", measured.width.round(), measured.height.round()),
        shape,
        format!("{} B", grouped(measured.bytes)),
        format!("{} B brotli", grouped(measured.brotli)),
    ]
}

/// Prints the rows with each column as wide as its widest cell: text to the left, numbers to the right.
fn print_table(rows: &[[String; 6]]) {
    let mut widths = [0; 6];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for [label, file, size, shape, bytes, brotli] in rows {
        println!(
            "  {label:<w0$}  {file:<w1$}  {size:>w2$}  {shape:<w3$}  {bytes:>w4$}  {brotli:>w5$}",
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4],
            w5 = widths[5]
        );
    }
}

/// A picture the story shows: its file, its width variants, where it is in the story file and its label.
struct Shown<'a> {
    image: &'a str,
    sizes: &'a [u32],
    path: JsonPath,
    scene: Option<&'a str>,
    label: String,
    is_panel: bool,
}

/// Prints the table for `story` and returns the warnings and errors found, located in `source`.
pub fn report(story: &Story, source: &str, root: &Path, budget: usize) -> Vec<Diagnostic> {
    let mut shown = Vec::new();
    if let Some(cover) = &story.doc().cover {
        let path = JsonPath::root().key("cover");
        shown.push(Shown {
            image: &cover.image,
            sizes: &[],
            path,
            scene: None,
            label: "cover".into(),
            is_panel: false,
        });
    }
    for (i, scene) in story.scenes().iter().enumerate() {
        for (p, panel) in scene.panels.iter().enumerate() {
            shown.push(Shown {
                image: &panel.image,
                sizes: &panel.sizes,
                path: JsonPath::root().key("scenes").index(i).key("panels").index(p),
                scene: Some(&scene.id),
                label: format!("{} panel {}", scene.id, p + 1),
                is_panel: true,
            });
        }
    }
    let mut found = Vec::new();
    let mut rows = Vec::new();
    // Each panel at its widest: how many, and the bytes a reader downloads for them.
    let (mut panels, mut panel_bytes) = (0, 0);
    for picture in shown {
        let mut push = |d: Diagnostic| {
            found.push(match picture.scene {
                Some(scene) => d.in_scene(scene),
                None => d,
            })
        };
        let files = std::iter::once((picture.image.to_owned(), None, picture.path.key("image"))).chain(
            picture
                .sizes
                .iter()
                .enumerate()
                .map(|(k, &w)| (size_variant(picture.image, w), Some(w), picture.path.key("sizes").index(k))),
        );
        // The file a reader on the widest screen downloads: the widest of the picture and its variants.
        let mut widest: Option<(String, Measured)> = None;
        for (file, named_width, path) in files {
            let label = match named_width {
                None => picture.label.clone(),
                Some(w) => format!("  {w} wide"),
            };
            let measured = match measure(root, &file) {
                None if named_width.is_none() => {
                    push(Diagnostic::error(
                        "missing-image",
                        format!("image file `{file}` does not exist under {}", root.display()),
                        path,
                    ));
                    continue;
                }
                None => {
                    push(Diagnostic::warning(
                        "missing-size-variant",
                        format!(
                            "the copy {} px wide, `{file}`, does not exist; export it, or remove {} from `sizes`",
                            named_width.unwrap_or_default(),
                            named_width.unwrap_or_default()
                        ),
                        path,
                    ));
                    continue;
                }
                Some(Err(())) => {
                    push(Diagnostic::error(
                        "unreadable-image",
                        format!(
                            "cannot read the width and height of `{file}`; export it again as the kind its name says"
                        ),
                        path,
                    ));
                    continue;
                }
                Some(Ok(measured)) => measured,
            };
            rows.push(row(&label, &file, &measured));
            if let Some(w) = named_width
                && measured.width.round() != f64::from(w)
            {
                push(Diagnostic::warning(
                    "variant-wrong-width",
                    format!("`{file}` is {} px wide, not the {w} its name says", measured.width.round()),
                    path.clone(),
                ));
            }
            if !is_frame_shape(measured.width, measured.height) {
                push(Diagnostic::warning(
                    "not-8-by-5",
                    format!(
                        "`{file}` is {} x {} ({:.2}:1); the frame is 8:5 (1.60:1) and the picture fills it, so its \
                         edges would be cut off; draw it at 8:5, e.g. 1600 x 1000",
                        measured.width.round(),
                        measured.height.round(),
                        measured.width / measured.height
                    ),
                    path,
                ));
            }
            if widest.as_ref().is_none_or(|(_, w)| measured.width > w.width) {
                widest = Some((file, measured));
            }
        }
        if picture.is_panel
            && let Some((file, measured)) = &widest
        {
            panels += 1;
            panel_bytes += measured.downloaded(file);
        }
        if picture.is_panel
            && let Some((file, measured)) = widest
            && measured.downloaded(&file) > budget
        {
            push(Diagnostic::warning(
                "over-budget",
                format!(
                    "`{file}` costs a reader {} bytes{}, more than the {} bytes a panel may cost; export it smaller \
                     or with stronger compression",
                    grouped(measured.downloaded(&file)),
                    if is_raster(&file) { "" } else { " brotli" },
                    grouped(budget)
                ),
                picture.path.key("image"),
            ));
        }
    }
    print_table(&rows);
    if let Some(average) = panel_bytes.checked_div(panels) {
        println!(
            "  {panels} panel(s) at their widest: {} B in all, {} B each on average (brotli for SVG)",
            grouped(panel_bytes),
            grouped(average)
        );
    }
    Diagnostic::locate_all(&mut found, without_byte_order_mark(source));
    Diagnostic::sort_in_file_order(&mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_by_five_allows_one_percent_for_rounding() {
        assert!(is_frame_shape(1600.0, 1000.0) && is_frame_shape(481.0, 300.0));
        assert!(!is_frame_shape(1200.0, 900.0), "4:3 would be cropped");
        assert!(!is_frame_shape(1600.0, 900.0), "16:9 would be cropped");
    }

    #[test]
    fn byte_counts_are_grouped_in_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(120_000), "120,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
