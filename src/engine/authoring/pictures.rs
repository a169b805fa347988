//! What each picture shows, as its drawing script records it, checked against the picture's alt text.
//!
//! `assets/art/draw.py` writes `pictures.json` beside the pictures of each story: the cast (an id and the name a
//! story calls them) and, for each picture, who is drawn in it and the main things drawn. An alt text that names
//! someone of the cast who is not drawn describes a picture the reader is not shown; `storycheck` warns about it.
//! A name followed by `'s` ("Sam's phone") says whose something is, not who is there, so it is not flagged.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::story::Story;

use super::wording::find_phrase;

/// The name of the file the drawing script writes beside a story's pictures.
pub const MANIFEST_FILE: &str = "pictures.json";

/// `pictures.json`: who and what each picture in one folder shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    /// Cast id to the name stories use, e.g. `ms_okafor` to `Ms Okafor`.
    pub cast: BTreeMap<String, String>,
    /// File name (e.g. `sent.svg`) to what it shows.
    pub pictures: BTreeMap<String, Drawn>,
}

/// What one picture shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drawn {
    /// The picture's own title (its SVG `<title>`).
    pub title: String,
    /// Cast ids of everyone drawn.
    pub people: Vec<String>,
    /// The main things drawn, in plain words.
    #[serde(default)]
    pub things: Vec<String>,
}

/// Splits `assets/sharing/sent.svg` into its folder and file name.
fn folder_and_file(image: &str) -> (&str, &str) {
    image.rsplit_once('/').unwrap_or(("", image))
}

/// Warnings for every alt text in `story` that names someone of the cast who is not in its picture, and for every
/// picture missing from its folder's manifest. `read_manifest` is given a folder (e.g. `assets/sharing`) and
/// returns its `pictures.json`, if it has one; a folder without one is not checked.
pub fn alt_text_warnings(
    story: &Story,
    source: &str,
    read_manifest: impl Fn(&str) -> Option<String>,
) -> Vec<Diagnostic> {
    let mut manifests: BTreeMap<String, Option<Manifest>> = BTreeMap::new();
    let mut out = Vec::new();
    let doc = story.doc();
    let mut pictures: Vec<(&str, &str, JsonPath, Option<&str>)> = Vec::new();
    if let Some(cover) = &doc.cover {
        pictures.push((&cover.image, &cover.alt, JsonPath::root().key("cover"), None));
    }
    for (i, scene) in story.scenes().iter().enumerate() {
        for (p, panel) in scene.panels.iter().enumerate() {
            let path = JsonPath::root().key("scenes").index(i).key("panels").index(p);
            pictures.push((&panel.image, &panel.alt, path, Some(&scene.id)));
        }
    }
    for (image, alt, path, scene) in pictures {
        let (folder, file) = folder_and_file(image);
        let manifest = manifests
            .entry(folder.to_owned())
            .or_insert_with(|| read_manifest(folder).and_then(|text| serde_json::from_str(&text).ok()));
        let Some(manifest) = manifest else { continue };
        let in_scene = |d: Diagnostic| match scene {
            Some(s) => d.in_scene(s),
            None => d,
        };
        let Some(drawn) = manifest.pictures.get(file) else {
            out.push(in_scene(
                Diagnostic::warning(
                    "picture-not-in-manifest",
                    format!("`{image}` is not in {folder}/{MANIFEST_FILE}; run `python3 assets/art/draw.py` to draw it and record it"),
                    path.key("image"),
                )
                .located(source),
            ));
            continue;
        };
        for (id, name) in &manifest.cast {
            if drawn.people.contains(id) {
                continue;
            }
            let chars: Vec<char> = alt.chars().collect();
            let length = name.chars().count();
            let possessive = |at: usize| {
                let next: String = chars.iter().skip(at + length).take(2).collect();
                next == "'s" || next == "\u{2019}s"
            };
            if let Some(at) = find_phrase(alt, name).into_iter().find(|&at| !possessive(at)) {
                let shown: Vec<&str> =
                    drawn.people.iter().map(|p| manifest.cast.get(p).map_or(p.as_str(), String::as_str)).collect();
                let shown = if shown.is_empty() { "nobody".to_owned() } else { shown.join(", ") };
                out.push(in_scene(
                    Diagnostic::warning(
                        "alt-names-someone-not-drawn",
                        format!("the alt text names {name}, who is not in `{image}` (it shows {shown}); describe what is drawn"),
                        path.key("alt"),
                    )
                    .located_in_string(source, at),
                ));
            }
        }
    }
    Diagnostic::sort_in_file_order(&mut out);
    out
}
