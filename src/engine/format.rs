//! The story file format, version 1, exactly as authors write it in JSON.
//!
//! These types are the single source of truth for the format: serde reads them, schemars turns them into the
//! published JSON Schema, and the loader checks everything serde cannot. Every struct denies unknown fields so a
//! typo in a field name is an error, never silently ignored.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::json_object::{json_names, json_object};

use super::help::{Audience, HelpService};

/// True for the default audience, which a story file need not name.
pub(crate) fn is_young_people(audience: &Audience) -> bool {
    *audience == Audience::YoungPeople
}

/// The story format version this engine reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole story file.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoryDoc {
    /// Where editors find this schema; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The format version; must be 1.
    pub format: u32,
    /// A short, stable id used in links, e.g. `sharing-an-image`. Lower case letters, digits and dashes.
    pub id: String,
    pub title: String,
    /// One or two sentences for the library card.
    pub summary: String,
    /// BCP 47 language tag, e.g. `en-GB` or `cy`.
    pub language: String,
    /// Who the story is written for: the youngest and oldest reader.
    pub age: AgeRange,
    /// Who reads it: young people (the default), parents and carers, or professionals. A story for adults shows
    /// its audience instead of its ages, and its facilitator's notes speak of a session rather than a lesson.
    #[serde(default, skip_serializing_if = "is_young_people")]
    pub audience: Audience,
    /// Shown before the story starts: the topics it covers, so a reader can decide whether to go on.
    pub content_note: String,
    /// Estimated minutes for one path through the story.
    pub minutes: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    pub credits: Credits,
    /// The picture on the library card, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<Picture>,
    /// The id of the first scene.
    pub start: String,
    /// Notes for a teacher using the story in a lesson.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher: Option<TeacherGuide>,
    /// Every flag the story uses, with its value at the start.
    #[serde(default, deserialize_with = "flag_values", skip_serializing_if = "BTreeMap::is_empty")]
    pub flags: BTreeMap<String, bool>,
    /// Extra help services this story adds to the standard set (for example a local service).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<HelpService>,
    pub scenes: Vec<Scene>,
}

/// The age range a story is written for, e.g. 11 to 14.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    pub min: u8,
    pub max: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Credits {
    pub writer: String,
    /// Who drew the pictures, as they want to be named.
    pub artist: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thanks: Option<String>,
    /// The terms the pictures and words may be used under, as the artist and writer agreed them, e.g.
    /// `CC BY-NC 4.0` or `© 2026 the artist, used with permission`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
}

/// What a teacher needs before and after the lesson.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeacherGuide {
    pub introduction: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ground_rules: Vec<String>,
    /// What to do before the lesson: who to tell, what to check, how pupils can opt out or ask questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub before_the_lesson: Vec<String>,
    /// What to do if a pupil discloses something during the lesson.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safeguarding: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// An image under `assets/` with the words a reader who cannot see it needs.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Picture {
    /// Path relative to the site root, inside `assets/`, e.g. `assets/sharing/phone.svg`.
    pub image: String,
    /// Text alternative: what the picture shows that matters to the story. Required and never empty.
    pub alt: String,
}

/// One step of the story: pictures, words, and what can happen next.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scene {
    /// Unique within the story; used in links. Lower case letters, digits and dashes.
    pub id: String,
    /// A short heading, announced to screen readers when the scene appears.
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub panels: Vec<Panel>,
    /// What the narrator says. Plain text; `*words*` are emphasised; blank lines start new paragraphs.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher_notes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discussion: Vec<String>,
    pub next: Next,
}

/// One illustrated panel of a scene's comic strip (a scene has 1 to 4). Words people say are bubbles drawn on the
/// art as real text, never part of the picture.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    /// Path relative to the site root, inside `assets/`: SVG, PNG, JPEG, WebP or AVIF.
    pub image: String,
    /// Text alternative for the picture: what is drawn. Required and never empty.
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Widths in pixels of smaller or larger copies of a raster `image`, for the browser to choose from: the copy
    /// `w` of `assets/art/ask.png` is `assets/art/ask-w.png`. Empty for SVG, which draws sharp at any size.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sizes: Vec<u32>,
    /// In the story's reading order: a screen reader reads the panel's `alt`, then these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bubbles: Vec<Bubble>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bubble {
    /// Who speaks, thinks or sends it; for a caption, who tells it (usually `Narrator`).
    pub speaker: String,
    pub text: String,
    #[serde(default)]
    pub kind: BubbleKind,
    /// Where the bubble sits on the art, as % of the panel's width (`x`) and height (`y`), 0 to 100. The bubble
    /// grows away from the nearest edges: from `x` rightwards when `x` is 50 or less, leftwards otherwise, and
    /// from `y` downwards when `y` is 50 or less, upwards otherwise. Without `at`, the bubble is shown under the
    /// panel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Spot>,
    /// The point the bubble's tail points to (the speaker's mouth, or a phone), as % of the panel like `at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tail: Option<Spot>,
}

/// A point on a panel, as % of its width (`x`) and height (`y`), each 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spot {
    pub x: u8,
    pub y: u8,
}

/// How a bubble is drawn: said aloud, thought, a narration box, a message on a phone screen, or shouted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BubbleKind {
    #[default]
    Speech,
    Thought,
    Caption,
    Message,
    Shout,
}

/// What happens after a scene: exactly one of a choice, a single way on, or an ending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Next {
    /// The reader decides.
    Choices(Vec<Choice>),
    /// The story goes on to this scene id.
    Continue(String),
    /// The story ends here.
    Ending(Ending),
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// What the reader picks, short and in their words.
    pub label: String,
    /// The scene this choice leads to.
    pub to: String,
    /// Offer this choice only when every named flag has the given value.
    #[serde(default, deserialize_with = "flag_values", skip_serializing_if = "BTreeMap::is_empty")]
    pub when: BTreeMap<String, bool>,
    /// Flags to set when the reader picks this choice.
    #[serde(default, deserialize_with = "flag_values", skip_serializing_if = "BTreeMap::is_empty")]
    pub set: BTreeMap<String, bool>,
    /// A choice a pupil might not want to be seen picking, such as sending a picture or paying a blackmailer. A
    /// class vote on a decision with a sensitive choice is always anonymous: it is never put to a show of hands.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub kind: EndingKind,
    /// A short reflection for the reader.
    pub reflection: String,
    /// For teachers: what to talk about after this ending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debrief: Option<String>,
    /// Help service ids to show first, in this order; the rest of the standard set follows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub help: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EndingKind {
    Positive,
    Mixed,
    Concerning,
}

// Objects only: see json_object.rs. Each list names the struct's keys in its order, `required` where the struct has
// no `#[serde(default)]`.
json_object!(StoryDoc {
    schema: "$schema" default, format: "format" required, id: "id" required, title: "title" required,
    summary: "summary" required, language: "language" required, age: "age" required, audience: "audience" default,
    content_note: "content_note" required, minutes: "minutes" required, topics: "topics" default,
    credits: "credits" required, cover: "cover" default, start: "start" required, teacher: "teacher" default,
    flags: "flags" flags, services: "services" default, scenes: "scenes" required,
});
json_object!(AgeRange { min: "min" required, max: "max" required });
json_object!(Credits {
    writer: "writer" required, artist: "artist" required, thanks: "thanks" default, licence: "licence" default,
});
json_object!(TeacherGuide {
    introduction: "introduction" required, objectives: "objectives" default, ground_rules: "ground_rules" default,
    before_the_lesson: "before_the_lesson" default, safeguarding: "safeguarding" default, notes: "notes" default,
});
json_object!(Picture { image: "image" required, alt: "alt" required });
json_object!(Scene {
    id: "id" required, title: "title" required, panels: "panels" default, text: "text" required,
    teacher_notes: "teacher_notes" default, discussion: "discussion" default, next: "next" required,
});
json_object!(Panel {
    image: "image" required, alt: "alt" required, caption: "caption" default, sizes: "sizes" default,
    bubbles: "bubbles" default,
});
json_object!(Bubble {
    speaker: "speaker" required, text: "text" required, kind: "kind" default, at: "at" default, tail: "tail" default,
});
json_object!(Spot { x: "x" required, y: "y" required });
json_object!(Choice {
    label: "label" required, to: "to" required, when: "when" flags, set: "set" flags, sensitive: "sensitive" default,
});
json_names!(BubbleKind {
    Speech: "speech",
    Thought: "thought",
    Caption: "caption",
    Message: "message",
    Shout: "shout"
});
json_names!(EndingKind { Positive: "positive", Mixed: "mixed", Concerning: "concerning" });
json_object!(Ending { kind: "kind" required, reflection: "reflection" required, debrief: "debrief" default, help: "help" default });

/// A `when`, `set` or `flags` object, read by [`flag_values`].
#[derive(Debug, Serialize)]
pub(crate) struct FlagValues(pub(crate) BTreeMap<String, bool>);

impl<'de> Deserialize<'de> for FlagValues {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        flag_values(deserializer).map(FlagValues)
    }
}

/// Reads a `flags`, `when` or `set` object, refusing a flag named twice as serde refuses a field named twice: a
/// plain map would keep the last value, so the story would do something other than what its author reads first.
fn flag_values<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, bool>, D::Error> {
    struct FlagValues;

    impl<'de> serde::de::Visitor<'de> for FlagValues {
        type Value = BTreeMap<String, bool>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of flag names and true or false")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut values = BTreeMap::new();
            while let Some(name) = map.next_key::<String>()? {
                if values.contains_key(&name) {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate flag `{name}`; name each flag once in an object"
                    )));
                }
                let value = map.next_value()?;
                values.insert(name, value);
            }
            Ok(values)
        }
    }

    deserializer.deserialize_map(FlagValues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_named_twice_in_when_set_or_flags_is_refused() {
        for json in [
            r#"{"label": "Go", "to": "next", "when": {"told": true, "told": false}}"#,
            r#"{"label": "Go", "to": "next", "set": {"told": true, "told": true}}"#,
        ] {
            let err = serde_json::from_str::<Choice>(json).unwrap_err();
            assert!(err.to_string().starts_with("duplicate flag `told`"), "{err}");
        }
        let err = flag_values(&mut serde_json::Deserializer::from_str(r#"{"a": false, "b": true, "a": true}"#));
        assert!(err.unwrap_err().to_string().starts_with("duplicate flag `a`"));
        let choice: Choice = serde_json::from_str(r#"{"label": "Go", "to": "next", "when": {"a": true, "b": false}}"#)
            .expect("different flags are fine");
        assert_eq!(choice.when.len(), 2);
    }
}
