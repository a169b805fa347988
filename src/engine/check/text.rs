//! Checks on what a story says and shows: the texts are there, short enough for a phone and not HTML, pictures
//! have alt text and paths inside `assets/`, and the story's own fields (id, language, ages, credits) make sense.

use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::format::{Next, Scene, StoryDoc};
use crate::engine::help::Audience;
use crate::engine::id::{is_language_tag, is_valid_id};

/// Texts longer than these are allowed but warned about: readers are 11 to 14 and often on phones.
const LONG_NARRATION: usize = 700;
const LONG_BUBBLE: usize = 220;
const LONG_LABEL: usize = 90;

/// The story's own fields: id, titles, content note, language, ages, credits, cover and teacher's guide.
pub(crate) fn check_metadata(doc: &StoryDoc, out: &mut Vec<Diagnostic>) {
    let root = JsonPath::root();
    if !is_valid_id(&doc.id) {
        out.push(Diagnostic::error(
            "bad-id",
            format!("story id `{}` must be lower case letters, digits and dashes, e.g. `sharing-an-image`", doc.id),
            root.key("id"),
        ));
    }
    for (field, text) in [("title", &doc.title), ("summary", &doc.summary)] {
        if text.trim().is_empty() {
            out.push(Diagnostic::error("empty-text", format!("the story needs a `{field}`"), root.key(field)));
        }
    }
    if doc.content_note.trim().is_empty() {
        out.push(Diagnostic::error(
            "missing-content-note",
            "add a `content_note` saying what topics the story covers, so readers can choose whether to go on",
            root.key("content_note"),
        ));
    }
    if !is_language_tag(&doc.language) {
        out.push(Diagnostic::error(
            "bad-language",
            format!("`language` must be a BCP 47 tag such as `en-GB` or `cy`, found `{}`", doc.language),
            root.key("language"),
        ));
    }
    // A story for young people is for readers up to 25 at most; one for parents, carers or professionals is read by
    // adults, from 18.
    let for_young_people = doc.audience == Audience::YoungPeople;
    let sensible = if for_young_people { doc.age.max <= 25 } else { doc.age.min >= 18 && doc.age.max <= 120 };
    if doc.age.min == 0 || doc.age.min > doc.age.max || !sensible {
        out.push(Diagnostic::error(
            "bad-age",
            if for_young_people {
                format!(
                    "age guidance {}–{} is not a sensible range; give the youngest and oldest reader, e.g. 11 and 14",
                    doc.age.min, doc.age.max
                )
            } else {
                format!(
                    "age guidance {}–{} is not a sensible range for adult readers; give the youngest and oldest, \
                     e.g. 18 and 99",
                    doc.age.min, doc.age.max
                )
            },
            root.key("age"),
        ));
    }
    if doc.minutes == 0 {
        out.push(Diagnostic::error("bad-minutes", "`minutes` must be at least 1", root.key("minutes")));
    }
    for (field, text) in [("writer", &doc.credits.writer), ("artist", &doc.credits.artist)] {
        if text.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                format!("credit the {field} in `credits.{field}`"),
                root.key("credits").key(field),
            ));
        }
    }
    if let Some(cover) = &doc.cover {
        check_image(&cover.image, &cover.alt, &root.key("cover"), None, out);
    }
    if let Some(teacher) = &doc.teacher
        && teacher.introduction.trim().is_empty()
    {
        out.push(Diagnostic::error(
            "empty-text",
            "`teacher.introduction` is empty; remove `teacher` or write the introduction",
            root.key("teacher").key("introduction"),
        ));
    }
}

/// A scene's title, narration, pictures, bubbles, choice labels and ending reflection.
pub(crate) fn check_scene_text(scene: &Scene, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    check_text(&scene.title, "title", LONG_LABEL, path, scene, out);
    check_text(&scene.text, "text", LONG_NARRATION, path, scene, out);
    for (p, panel) in scene.panels.iter().enumerate() {
        let panel_path = path.key("panels").index(p);
        check_image(&panel.image, &panel.alt, &panel_path, Some(&scene.id), out);
        for (b, bubble) in panel.bubbles.iter().enumerate() {
            let bubble_path = panel_path.key("bubbles").index(b);
            check_text(&bubble.text, "text", LONG_BUBBLE, &bubble_path, scene, out);
            check_text(&bubble.speaker, "speaker", LONG_LABEL, &bubble_path, scene, out);
        }
    }
    match &scene.next {
        Next::Choices(choices) => {
            for (c, choice) in choices.iter().enumerate() {
                let choice_path = path.key("next").key("choices").index(c);
                check_text(&choice.label, "label", LONG_LABEL, &choice_path, scene, out);
            }
        }
        Next::Ending(ending) if ending.reflection.trim().is_empty() => out.push(
            Diagnostic::error(
                "empty-text",
                "the ending needs a `reflection` for the reader",
                path.key("next").key("ending").key("reflection"),
            )
            .in_scene(&scene.id),
        ),
        Next::Ending(_) | Next::Continue(_) => {}
    }
}

/// A piece of text the reader sees: present, not too long for a phone, and not HTML.
fn check_text(text: &str, field: &str, long: usize, path: &JsonPath, scene: &Scene, out: &mut Vec<Diagnostic>) {
    let path = path.key(field);
    if text.trim().is_empty() {
        out.push(Diagnostic::error("empty-text", format!("`{field}` is empty"), path).in_scene(&scene.id));
        return;
    }
    let length = text.chars().count();
    if length > long {
        out.push(
            Diagnostic::warning(
                "long-text",
                format!("`{field}` is {length} characters; keep it under {long} so it reads well on a phone"),
                path.clone(),
            )
            .in_scene(&scene.id),
        );
    }
    if looks_like_html(text) {
        out.push(
            Diagnostic::warning(
                "html-in-text",
                format!(
                    "`{field}` looks like it contains HTML; text is shown exactly as written, use *stars* for emphasis"
                ),
                path,
            )
            .in_scene(&scene.id),
        );
    }
}

fn looks_like_html(text: &str) -> bool {
    text.as_bytes().windows(2).any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'))
}

fn check_image(image: &str, alt: &str, path: &JsonPath, scene: Option<&str>, out: &mut Vec<Diagnostic>) {
    let mut push = |d: Diagnostic| {
        out.push(match scene {
            Some(s) => d.in_scene(s),
            None => d,
        })
    };
    if alt.trim().is_empty() {
        push(Diagnostic::error(
            "empty-alt",
            "`alt` is empty; describe what the picture shows that matters to the story",
            path.key("alt"),
        ));
    }
    let safe = image.starts_with("assets/")
        && !image.split('/').any(|part| part == ".." || part.is_empty())
        && image.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
    if !safe {
        push(Diagnostic::error(
            "bad-image-path",
            format!("image `{image}` must be a path inside `assets/`, e.g. `assets/my-story/park.svg`"),
            path.key("image"),
        ));
    }
}
