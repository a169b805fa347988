//! Checks on a story's comic strips (the layout contract in `comic.rs`): at most four panels a scene, picture files
//! of a kind the player shows, width variants only for raster pictures and listed plainly, and every bubble's `at`
//! and `tail` on the panel.
//!
//! storycheck runs these (`Story::check`), the player does not: a fifth panel or a bubble placed off the art still
//! shows, so the player's download stays smaller without them, as with the page limit.

use crate::engine::comic::{IMAGE_EXTENSIONS, MAX_PANELS, image_extension, is_raster};
use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::format::{Spot, StoryDoc};

use super::references::scene_path;

/// Every problem with the story's cover and comic strips, unlocated.
pub(crate) fn check_comic(doc: &StoryDoc, out: &mut Vec<Diagnostic>) {
    if let Some(cover) = &doc.cover {
        check_image_kind(&cover.image, &JsonPath::root().key("cover"), out);
    }
    for (i, scene) in doc.scenes.iter().enumerate() {
        let path = scene_path(i);
        let start = out.len();
        if scene.panels.len() > MAX_PANELS {
            out.push(Diagnostic::error(
                "too-many-panels",
                format!(
                    "a scene has at most {MAX_PANELS} panels and this one has {}; split it into two scenes",
                    scene.panels.len()
                ),
                path.key("panels").index(MAX_PANELS),
            ));
        }
        for (p, panel) in scene.panels.iter().enumerate() {
            let panel_path = path.key("panels").index(p);
            check_image_kind(&panel.image, &panel_path, out);
            check_sizes(&panel.image, &panel.sizes, &panel_path, out);
            for (b, bubble) in panel.bubbles.iter().enumerate() {
                let bubble_path = panel_path.key("bubbles").index(b);
                for (field, spot) in [("at", bubble.at), ("tail", bubble.tail)] {
                    if let Some(spot) = spot {
                        check_spot(spot, &bubble_path.key(field), field, out);
                    }
                }
                if bubble.tail.is_some() && bubble.at.is_none() {
                    out.push(Diagnostic::warning(
                        "tail-without-at",
                        "this bubble has a `tail` but no `at`, so it is shown under the panel and the tail is not \
                         drawn; add `at` to place it on the art, or remove `tail`",
                        bubble_path.key("tail"),
                    ));
                }
            }
        }
        for found in &mut out[start..] {
            *found = found.clone().in_scene(&scene.id);
        }
    }
}

/// A picture file of a kind the player shows.
fn check_image_kind(image: &str, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if image_extension(image).is_none() {
        out.push(Diagnostic::error(
            "bad-image-type",
            format!(
                "image `{image}` must be a file ending in .{}; export the picture as one of these",
                IMAGE_EXTENSIONS.join(", .")
            ),
            path.key("image"),
        ));
    }
}

/// Width variants: only for raster pictures (an SVG is sharp at any width), each wider than 0, and listed from the
/// narrowest up with none twice, so that the list reads as the files on disk do.
fn check_sizes(image: &str, sizes: &[u32], path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if sizes.is_empty() || image_extension(image).is_none() {
        return;
    }
    let path = path.key("sizes");
    if !is_raster(image) {
        out.push(Diagnostic::error(
            "sizes-on-svg",
            format!("`{image}` is an SVG, which is sharp at any width; remove `sizes` (they are for PNG, JPEG, WebP and AVIF)"),
            path,
        ));
        return;
    }
    for (i, &width) in sizes.iter().enumerate() {
        let earlier = &sizes[..i];
        let problem = if width == 0 {
            "a width must be more than 0 pixels"
        } else if earlier.contains(&width) {
            "this width is listed twice"
        } else if earlier.iter().any(|&narrower| narrower > width) {
            "list the widths from the narrowest up, e.g. [480, 960, 1600]"
        } else {
            continue;
        };
        out.push(Diagnostic::error("bad-sizes", format!("`sizes`: {problem}"), path.index(i)));
    }
}

/// A point on the panel: x and y are percent, 0 to 100.
fn check_spot(spot: Spot, path: &JsonPath, field: &str, out: &mut Vec<Diagnostic>) {
    for (axis, value) in [("x", spot.x), ("y", spot.y)] {
        if value > 100 {
            out.push(Diagnostic::error(
                "spot-off-panel",
                format!(
                    "`{field}.{axis}` is {value}; it is a percent of the panel's {}, from 0 to 100",
                    if axis == "x" { "width" } else { "height" }
                ),
                path.key(axis),
            ));
        }
    }
}
