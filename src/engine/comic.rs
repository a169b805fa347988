//! The comic layout contract in code (issue #15): the panel's frame, which picture files a panel may use and how
//! their width variants are named, and the estimated size and place of a speech bubble on the art.
//!
//! The estimate follows the contract's numbers exactly, at a panel's own size W x H = 800 x 500 (8:5):
//! - font size f = 2.8% of W (22.4 px), line height 1.3;
//! - a speaker label line above the text (0.8f at line height 1.3, so 1.04f) for every kind but `caption`;
//! - padding 0.6f top and bottom, 0.8f left and right (the 2 px border is left out);
//! - a bubble is at most 46% of W wide;
//! - text width = characters x 0.55f (0.64f for a `shout`, whose words are bold); inner max = 0.46W - 1.6f; lines = ceil(text width x 1.1 / inner max), the
//!   1.1 allowing for word wrapping; width = min(0.46W, text width + 1.6f), or 0.46W when the text wraps;
//!   height = 1.2f + label + lines x 1.3f;
//! - placed from `at`: x <= 50 puts the LEFT edge at x% of W, x > 50 the RIGHT edge; y <= 50 puts the TOP edge at
//!   y% of H, y > 50 the BOTTOM edge;
//! - two bubbles of a panel must be at least 1% of W (8 px) apart, and no edge may leave 0..W, 0..H.
//!
//! The player's stylesheet (`assets/style.css`) draws bubbles by the same numbers in container units, and the art
//! script (`assets/art/draw.py`) places bubbles with the same estimate: a change here is a change to both.

use crate::engine::format::{Bubble, BubbleKind, Spot};

/// A panel's own size in the estimate, in pixels: the frame is 8:5 and the picture covers it.
pub const PANEL_WIDTH: f64 = 800.0;
pub const PANEL_HEIGHT: f64 = 500.0;
/// The frame's aspect ratio, width to height.
pub const FRAME_ASPECT: (u32, u32) = (8, 5);
/// A scene's comic strip has 1 to this many panels.
pub const MAX_PANELS: usize = 4;
/// The picture files a panel or cover may use, by extension. Only `svg` is drawn sharp at any size; the others are
/// raster pictures that may have width variants (`sizes`).
pub const IMAGE_EXTENSIONS: [&str; 6] = ["svg", "png", "jpg", "jpeg", "webp", "avif"];

/// Font size as a share of the panel's width.
const FONT: f64 = 0.028;
/// Width of one character as a share of the font size.
const CHARACTER: f64 = 0.55;
/// The same for a shout's bold words: measured in Chromium as 0.625 of the font size, when a shout and a speech
/// bubble side by side at 0.55 came out touching in the parents' story.
const BOLD_CHARACTER: f64 = 0.64;
/// Widest bubble as a share of the panel's width.
const MAX_WIDTH: f64 = 0.46;
/// Padding left plus right, top plus bottom, in font sizes.
const PADDING_X: f64 = 1.6;
const PADDING_Y: f64 = 1.2;
/// The speaker label's line (0.8f at line height 1.3) and a text line, in font sizes.
const LABEL_LINE: f64 = 1.04;
const TEXT_LINE: f64 = 1.3;
/// How much longer wrapped text runs than its characters alone, for words that do not fit at a line's end.
const WRAPPING: f64 = 1.1;
/// The least gap between two bubbles, as a share of the panel's width.
const GAP: f64 = 0.01;

/// A picture file's extension, lower case, when it is one of [`IMAGE_EXTENSIONS`].
pub fn image_extension(image: &str) -> Option<&'static str> {
    let file = image.rsplit('/').next().unwrap_or(image);
    let (_, extension) = file.rsplit_once('.')?;
    IMAGE_EXTENSIONS.into_iter().find(|known| known.eq_ignore_ascii_case(extension))
}

/// Whether `image` is a raster picture (PNG, JPEG, WebP or AVIF), which may have width variants.
pub fn is_raster(image: &str) -> bool {
    image_extension(image).is_some_and(|extension| extension != "svg")
}

/// The file of the copy of `image` that is `width` pixels wide: `assets/x/ask.png` at 480 is
/// `assets/x/ask-480.png`. The player's `srcset` and `storycheck assets` both name variants with it.
pub fn size_variant(image: &str, width: u32) -> String {
    let slash = image.rfind('/').map_or(0, |i| i + 1);
    match image[slash..].rfind('.') {
        Some(dot) => format!("{}-{width}{}", &image[..slash + dot], &image[slash + dot..]),
        None => format!("{image}-{width}"),
    }
}

/// A bubble's estimated box on a panel of [`PANEL_WIDTH`] x [`PANEL_HEIGHT`], in pixels from the top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BubbleBox {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl BubbleBox {
    /// Whether the two boxes touch or come closer than the least gap (1% of the panel's width).
    pub fn too_close(&self, other: &BubbleBox) -> bool {
        let gap = GAP * PANEL_WIDTH;
        self.left < other.right + gap
            && other.left < self.right + gap
            && self.top < other.bottom + gap
            && other.top < self.bottom + gap
    }

    /// How far the box goes past the panel's edges, in pixels: left, top, right, bottom (0 inside).
    pub fn past_edges(&self) -> [f64; 4] {
        [-self.left, -self.top, self.right - PANEL_WIDTH, self.bottom - PANEL_HEIGHT].map(|past| past.max(0.0))
    }
}

/// The estimated width and height, in pixels at a panel's own size, of a bubble saying `text`.
pub fn estimated_size(text: &str, kind: BubbleKind) -> (f64, f64) {
    let font = FONT * PANEL_WIDTH;
    let character = if kind == BubbleKind::Shout { BOLD_CHARACTER } else { CHARACTER };
    let text_width = text.chars().count() as f64 * character * font;
    let inner_max = MAX_WIDTH * PANEL_WIDTH - PADDING_X * font;
    let lines = (text_width * WRAPPING / inner_max).ceil().max(1.0);
    let width = if lines > 1.0 {
        MAX_WIDTH * PANEL_WIDTH
    } else {
        (text_width + PADDING_X * font).min(MAX_WIDTH * PANEL_WIDTH)
    };
    let label = if kind == BubbleKind::Caption { 0.0 } else { LABEL_LINE };
    (width, (PADDING_Y + label + lines * TEXT_LINE) * font)
}

/// Where a box of `width` x `height` pixels sits when placed at `at`, growing away from the nearest edges.
pub fn placed(at: Spot, (width, height): (f64, f64)) -> BubbleBox {
    let x = f64::from(at.x) / 100.0 * PANEL_WIDTH;
    let y = f64::from(at.y) / 100.0 * PANEL_HEIGHT;
    let (left, right) = if at.x <= 50 { (x, x + width) } else { (x - width, x) };
    let (top, bottom) = if at.y <= 50 { (y, y + height) } else { (y - height, y) };
    BubbleBox { left, top, right, bottom }
}

/// A bubble's estimated box on the art, or `None` for a bubble without `at`, which flows under its panel.
pub fn bubble_box(bubble: &Bubble) -> Option<BubbleBox> {
    bubble.at.map(|at| placed(at, estimated_size(&bubble.text, bubble.kind)))
}

/// The width and height an SVG file declares on its root element: `width` and `height` in pixels (or with no
/// unit), else its `viewBox`. `None` when neither can be read.
pub fn svg_size(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let number = |name: &str| {
        let value = attribute(tag, name)?;
        let value = value.trim().strip_suffix("px").unwrap_or(value.trim());
        value.parse::<f64>().ok().filter(|v| v.is_finite() && *v > 0.0)
    };
    if let (Some(width), Some(height)) = (number("width"), number("height")) {
        return Some((width, height));
    }
    let view_box: Vec<f64> = attribute(tag, "viewBox")?
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|part| !part.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    match view_box[..] {
        [_, _, width, height] if width > 0.0 && height > 0.0 => Some((width, height)),
        _ => None,
    }
}

/// The value of attribute `name` in an element's start tag, in single or double quotes.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=').map(str::trim_start) else { continue };
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value = &value[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(x: u8, y: u8) -> Spot {
        Spot { x, y }
    }

    #[test]
    fn a_short_line_is_as_wide_as_its_text_plus_padding_and_has_a_label_line() {
        // 10 characters: 10 x 0.55 x 22.4 = 123.2 px of text, plus 1.6 x 22.4 = 35.84 px of padding.
        let (width, height) = estimated_size("Hi, Sam!!!", BubbleKind::Speech);
        assert!((width - 159.04).abs() < 1e-9, "width {width}");
        // 1.2f padding + 1.04f label + 1.3f one line = 3.54 x 22.4.
        assert!((height - 79.296).abs() < 1e-9, "height {height}");
    }

    #[test]
    fn a_caption_has_no_label_line() {
        let (_, speech) = estimated_size("Later that day", BubbleKind::Speech);
        let (_, caption) = estimated_size("Later that day", BubbleKind::Caption);
        assert!((speech - caption - 1.04 * 22.4).abs() < 1e-9, "{speech} vs {caption}");
    }

    #[test]
    fn a_shouts_bold_words_are_estimated_wider_than_speech() {
        // "What were you thinking?" as a shout measured 358 px wide at the panel's own size in Chromium.
        let (speech, _) = estimated_size("What were you thinking?", BubbleKind::Speech);
        let (shout, _) = estimated_size("What were you thinking?", BubbleKind::Shout);
        assert!(speech < 358.0 && shout >= 358.0, "speech {speech}, shout {shout}");
    }

    #[test]
    fn text_that_wraps_takes_the_widest_bubble_and_a_line_per_332_pixels_of_text() {
        // Inner max is 0.46 x 800 - 35.84 = 332.16 px; each character is 12.32 px, 13.552 px with wrapping, so 24
        // characters fit one line (325.2 px) and 25 do not (338.8 px).
        let one = "a".repeat(24);
        let two = "a".repeat(25);
        let (_, one_line) = estimated_size(&one, BubbleKind::Thought);
        assert!((one_line - (1.2 + 1.04 + 1.3) * 22.4).abs() < 1e-9, "one line: {one_line}");
        let (width, height) = estimated_size(&two, BubbleKind::Thought);
        assert_eq!(width, 368.0, "text that wraps fills the widest bubble, 46% of 800");
        assert!((height - (1.2 + 1.04 + 2.0 * 1.3) * 22.4).abs() < 1e-9, "two lines: {height}");
    }

    #[test]
    fn a_bubble_grows_away_from_the_nearest_edges() {
        let size = (100.0, 50.0);
        assert_eq!(placed(spot(10, 20), size), BubbleBox { left: 80.0, top: 100.0, right: 180.0, bottom: 150.0 });
        assert_eq!(placed(spot(90, 80), size), BubbleBox { left: 620.0, top: 350.0, right: 720.0, bottom: 400.0 });
        assert_eq!(placed(spot(50, 50), size).left, 400.0, "50 counts as the left and top half");
        assert_eq!(placed(spot(51, 51), size).right, 408.0, "51 anchors the right and bottom edges");
    }

    #[test]
    fn bubbles_closer_than_eight_pixels_are_too_close_and_eight_apart_are_not() {
        let a = BubbleBox { left: 0.0, top: 0.0, right: 100.0, bottom: 100.0 };
        let beside = |left: f64| BubbleBox { left, top: 50.0, right: left + 100.0, bottom: 150.0 };
        assert!(a.too_close(&beside(50.0)), "overlapping boxes");
        assert!(a.too_close(&beside(107.0)), "7 px apart");
        assert!(!a.too_close(&beside(108.0)), "8 px apart, 1% of 800");
        let below = BubbleBox { left: 0.0, top: 108.0, right: 100.0, bottom: 200.0 };
        assert!(!a.too_close(&below), "8 px below");
    }

    #[test]
    fn past_edges_says_how_far_a_box_goes_out_of_the_panel() {
        let inside = BubbleBox { left: 0.0, top: 0.0, right: 800.0, bottom: 500.0 };
        assert_eq!(inside.past_edges(), [0.0; 4], "touching the edges is inside");
        let low = BubbleBox { left: -5.0, top: 10.0, right: 100.0, bottom: 530.0 };
        assert_eq!(low.past_edges(), [5.0, 0.0, 0.0, 30.0]);
    }

    #[test]
    fn a_bubble_without_at_has_no_box() {
        let bubble =
            Bubble { speaker: "Sam".into(), text: "Hi".into(), kind: BubbleKind::Speech, at: None, tail: None };
        assert_eq!(bubble_box(&bubble), None);
        let placed_bubble = Bubble { at: Some(spot(0, 0)), ..bubble };
        assert_eq!(bubble_box(&placed_bubble).map(|b| (b.left, b.top)), Some((0.0, 0.0)));
    }

    #[test]
    fn image_extensions_are_the_six_the_player_shows_in_any_case() {
        assert_eq!(image_extension("assets/x/ask.PNG"), Some("png"));
        assert_eq!(image_extension("assets/x/ask.svg"), Some("svg"));
        assert_eq!(image_extension("assets/x/ask.gif"), None);
        assert_eq!(image_extension("assets/x.y/ask"), None, "a dot in a folder is not an extension");
        assert!(is_raster("assets/x/ask.avif") && !is_raster("assets/x/ask.svg"));
    }

    #[test]
    fn a_width_variant_is_named_with_its_width_before_the_extension() {
        assert_eq!(size_variant("assets/x/ask.png", 480), "assets/x/ask-480.png");
        assert_eq!(size_variant("assets/x.y/ask.final.webp", 960), "assets/x.y/ask.final-960.webp");
    }

    #[test]
    fn an_svg_size_comes_from_width_and_height_or_else_the_view_box() {
        assert_eq!(svg_size(r#"<?xml version="1.0"?><svg xmlns="x" width="800" height="500">"#), Some((800.0, 500.0)));
        assert_eq!(svg_size(r#"<svg viewBox="0 0 1600 1000" xmlns="x">"#), Some((1600.0, 1000.0)));
        assert_eq!(svg_size("<svg width='80px' height='50px'>"), Some((80.0, 50.0)));
        assert_eq!(svg_size(r#"<svg width="100%" height="100%" viewBox="0,0,8,5">"#), Some((8.0, 5.0)));
        assert_eq!(svg_size(r#"<svg stroke-width="2" xmlns="x">"#), None);
    }
}
