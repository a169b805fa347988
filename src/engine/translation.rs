//! Story translations: `stories/ID.LANG.json` holds a story's reader-visible texts in another language, each keyed
//! by its place in the story (`scenes.tell-mum.title`, `scenes.every-day.panels[0].bubbles[1].text`) and carrying
//! the fingerprint of the English it translates, so a change to the English shows which translations are out of
//! date. The story file itself is never copied: its scenes, choices, flags and pictures stay in one place.
//!
//! [`visit_texts`] is the one list of a story's texts. Applying a translation, checking one and writing a PO file
//! all walk it, so they can never disagree about what a story's texts and their places are.

use schemars::JsonSchema;
use serde::Serialize;

use super::diagnostics::{Diagnostic, JsonPath};
use super::format::{Next, StoryDoc};
use super::help::{HelpDirectory, HelpService};
use super::json_object::{json_names, json_object};
use super::story::Story;

/// The format version of a translation file.
pub const TRANSLATION_FORMAT_VERSION: u32 = 1;

/// Where a translation beside its story finds the published schema.
pub const SCHEMA_PATH: &str = "schema/translation-v1.schema.json";

/// A story's texts in another language (`stories/ID.LANG.json`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Where editors find this schema; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The format version; must be 1.
    pub format: u32,
    /// The id of the story this translates, e.g. `new-in-the-game-chat`; for a help file's translation
    /// (`stories/help/services-uk.cy.json`), the help file's name, `services-uk`.
    pub story: String,
    /// BCP 47 language tag of the translation, e.g. `cy`.
    pub language: String,
    /// `draft` until someone named in `credits.reviewed_by` has reviewed it. Readers are offered drafts only when
    /// the address asks for them (`?drafts`).
    pub status: TranslationStatus,
    pub credits: TranslationCredits,
    /// Every text of the story, in this language, in the story's order.
    pub texts: Vec<TranslatedText>,
}

/// Whether a translation may be offered to readers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TranslationStatus {
    /// Not yet reviewed: offered only with `?drafts`, so nobody reads an unreviewed translation of safeguarding
    /// content by accident.
    #[default]
    Draft,
    /// Reviewed by the person named in `credits.reviewed_by`.
    Reviewed,
}

/// Who translated a story, and who reviewed the translation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationCredits {
    /// The translators, as they want to be named.
    pub translators: Vec<String>,
    /// Who reviewed the translation (a speaker of the language who knows safeguarding); required when `status` is
    /// `reviewed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<String>,
    /// What a reviewer should know, e.g. who still needs to review it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One text of the story in this language.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslatedText {
    /// The text's place in the story, e.g. `title`, `scenes.tell-mum.text`, `scenes.every-day.choices[0].label`,
    /// `scenes.every-day.panels[0].bubbles[1].text` or `speakers.Mum` (a speaker's name, wherever it appears).
    pub place: String,
    /// The fingerprint of the English this translates: the first 16 hex digits of its SHA-256. `storycheck`
    /// warns when the English no longer matches it.
    pub source: String,
    /// The text in this language.
    pub text: String,
}

// Objects only: see json_object.rs. The player never compares fingerprints, so its wasm skips `source` unread.
// Nor does it show who translated a story (yet), so it skips `credits` too.
json_object!(Translation {
    schema: "$schema" default, format: "format" required, story: "story" required, language: "language" required,
    status: "status" required, credits: "credits" player_skips, texts: "texts" required,
});
json_object!(TranslationCredits {
    translators: "translators" required, reviewed_by: "reviewed_by" default, note: "note" default,
});
json_object!(TranslatedText { place: "place" required, source: "source" player_skips, text: "text" required });
json_names!(TranslationStatus { Draft: "draft", Reviewed: "reviewed" });

impl TranslationStatus {
    /// Whether a reader may be offered a translation with this status: a reviewed one always, a draft only when
    /// the address asks for drafts.
    pub fn offered(self, drafts: bool) -> bool {
        self == TranslationStatus::Reviewed || drafts
    }
}

/// Where a text sits in the story, for a translator's notes: its scene, and for a bubble its panel and place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextSpot {
    pub scene: Option<usize>,
    /// Panel and bubble indexes, for a bubble's text and its speaker.
    pub bubble: Option<(usize, usize)>,
}

/// Builds each text's place in one buffer: `format!` at each of the walk's thirty places cost the player's
/// download about a kilobyte of formatting calls.
struct Walk<'v> {
    place: String,
    visit: &'v mut dyn FnMut(&str, TextSpot, &mut String),
}

impl Walk<'_> {
    /// Cuts the place back to its first `keep` bytes, then adds `parts`.
    fn at(&mut self, keep: usize, parts: &[&str]) -> usize {
        self.place.truncate(keep);
        for part in parts {
            self.place.push_str(part);
        }
        self.place.len()
    }

    /// Cuts the place back to `keep` bytes, then adds `name[index]`.
    fn item(&mut self, keep: usize, name: &str, index: usize) -> usize {
        self.at(keep, &[name, "["]);
        push_number(&mut self.place, index);
        self.at(self.place.len(), &["]"])
    }

    /// Visits `text` at the place cut back to `keep` bytes with `parts` added.
    fn text(&mut self, keep: usize, parts: &[&str], spot: TextSpot, text: &mut String) {
        self.at(keep, parts);
        (self.visit)(&self.place, spot, text);
    }

    /// A story's or a help file's services: `services.ID.name`, `.what_for`, `.what_happens`, `.hours`,
    /// `.other_ways` and `.links[N].label`. Names, numbers and addresses are facts, not words to translate, except
    /// the name, which a translation may give in its language beside the service's own.
    fn services(&mut self, services: &mut [HelpService]) {
        let none = TextSpot::default();
        for service in services {
            let at = self.at(0, &["services.", &service.id, "."]);
            self.text(at, &["name"], none, &mut service.name);
            self.text(at, &["what_for"], none, &mut service.what_for);
            self.text(at, &["what_happens"], none, &mut service.what_happens);
            if let Some(hours) = &mut service.hours {
                self.text(at, &["hours"], none, hours);
            }
            if let Some(other_ways) = &mut service.other_ways {
                self.text(at, &["other_ways"], none, other_ways);
            }
            for (i, link) in service.links.iter_mut().enumerate() {
                let link_at = self.item(at, "links", i);
                self.text(link_at, &[".label"], none, &mut link.label);
            }
        }
    }

    fn list(&mut self, keep: usize, name: &str, items: &mut [String], spot: TextSpot) {
        for (i, item) in items.iter_mut().enumerate() {
            self.item(keep, name, i);
            (self.visit)(&self.place, spot, item);
        }
    }
}

/// Writes `n` in decimal (see [`Walk`]).
fn push_number(out: &mut String, n: usize) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Calls `visit` with every reader-visible text of `doc`, in reading order: its place, where it is, and the text
/// to read or replace. A speaker's name is visited at every bubble, with the place `speakers.NAME`, so a name is
/// translated once. Ids, pictures, flags, phone numbers, links and the writer's and artist's names are not texts.
pub(crate) fn visit_texts(doc: &mut StoryDoc, visit: &mut dyn FnMut(&str, TextSpot, &mut String)) {
    let none = TextSpot::default();
    let mut walk = Walk { place: String::new(), visit };
    walk.text(0, &["title"], none, &mut doc.title);
    walk.text(0, &["summary"], none, &mut doc.summary);
    walk.text(0, &["content_note"], none, &mut doc.content_note);
    walk.list(0, "topics", &mut doc.topics, none);
    if let Some(thanks) = &mut doc.credits.thanks {
        walk.text(0, &["credits.thanks"], none, thanks);
    }
    if let Some(cover) = &mut doc.cover {
        walk.text(0, &["cover.alt"], none, &mut cover.alt);
    }
    if let Some(guide) = &mut doc.teacher {
        let at = walk.at(0, &["teacher."]);
        walk.text(at, &["introduction"], none, &mut guide.introduction);
        walk.list(at, "objectives", &mut guide.objectives, none);
        walk.list(at, "ground_rules", &mut guide.ground_rules, none);
        walk.list(at, "before_the_lesson", &mut guide.before_the_lesson, none);
        if let Some(safeguarding) = &mut guide.safeguarding {
            walk.text(at, &["safeguarding"], none, safeguarding);
        }
        walk.list(at, "notes", &mut guide.notes, none);
    }
    walk.services(&mut doc.services);
    for (s, scene) in doc.scenes.iter_mut().enumerate() {
        let spot = TextSpot { scene: Some(s), bubble: None };
        let at = walk.at(0, &["scenes.", &scene.id, "."]);
        walk.text(at, &["title"], spot, &mut scene.title);
        walk.text(at, &["text"], spot, &mut scene.text);
        if let Some(notes) = &mut scene.teacher_notes {
            walk.text(at, &["teacher_notes"], spot, notes);
        }
        walk.list(at, "discussion", &mut scene.discussion, spot);
        for (p, panel) in scene.panels.iter_mut().enumerate() {
            let panel_at = walk.item(at, "panels", p);
            walk.text(panel_at, &[".alt"], spot, &mut panel.alt);
            if let Some(caption) = &mut panel.caption {
                walk.text(panel_at, &[".caption"], spot, caption);
            }
            for (b, bubble) in panel.bubbles.iter_mut().enumerate() {
                let spot = TextSpot { scene: Some(s), bubble: Some((p, b)) };
                // A speaker's place is not under the scene, so the scene's part is written again after it.
                walk.at(0, &["speakers.", &bubble.speaker]);
                (walk.visit)(&walk.place, spot, &mut bubble.speaker);
                walk.at(0, &["scenes.", &scene.id, "."]);
                let panel_at = walk.item(at, "panels", p);
                let bubble_at = walk.item(panel_at, ".bubbles", b);
                walk.text(bubble_at, &[".text"], spot, &mut bubble.text);
            }
        }
        match &mut scene.next {
            Next::Choices(choices) => {
                for (i, choice) in choices.iter_mut().enumerate() {
                    let choice_at = walk.item(at, "choices", i);
                    walk.text(choice_at, &[".label"], spot, &mut choice.label);
                }
            }
            Next::Ending(ending) => {
                walk.text(at, &["ending.reflection"], spot, &mut ending.reflection);
                if let Some(debrief) = &mut ending.debrief {
                    walk.text(at, &["ending.debrief"], spot, debrief);
                }
            }
            Next::Continue(_) => {}
        }
    }
}

/// Calls `visit` with every text of a help file (`stories/help/services-uk.json`): each service's, then the line
/// for the adults around the reader (`for_adults.heading`, `for_adults.text`).
pub(crate) fn visit_help_texts(directory: &mut HelpDirectory, visit: &mut dyn FnMut(&str, TextSpot, &mut String)) {
    let mut walk = Walk { place: String::new(), visit };
    walk.services(&mut directory.services);
    if let Some(adults) = &mut directory.for_adults {
        walk.text(0, &["for_adults.heading"], TextSpot::default(), &mut adults.heading);
        walk.text(0, &["for_adults.text"], TextSpot::default(), &mut adults.text);
    }
}

/// Every text of a help file once: place and English.
pub fn help_texts(directory: &HelpDirectory) -> Vec<(String, TextSpot, String)> {
    let mut copy = directory.clone();
    let mut texts = Vec::new();
    visit_help_texts(&mut copy, &mut |place, spot, text| texts.push((place.to_owned(), spot, text.clone())));
    texts
}

/// Every text of a story once, in reading order: place, where it is, and the English (a speaker at their first
/// bubble).
pub fn story_texts(story: &Story) -> Vec<(String, TextSpot, String)> {
    let mut doc = story.doc().clone();
    let mut texts: Vec<(String, TextSpot, String)> = Vec::new();
    visit_texts(&mut doc, &mut |place, spot, text| {
        if !texts.iter().any(|(known, _, _)| known == place) {
            texts.push((place.to_owned(), spot, text.clone()));
        }
    });
    texts
}

impl Translation {
    /// The text for `place`, looked for first at `*next` (a file written in the story's order is read in one pass),
    /// then anywhere; marks it used.
    fn take(&self, place: &str, next: &mut usize, used: &mut [bool]) -> Option<&str> {
        let found = match self.texts.get(*next) {
            Some(text) if text.place == place => Some(*next),
            _ => self.texts.iter().position(|text| text.place == place),
        }?;
        // A speaker's name has one entry however often they speak; the entries after it are not theirs.
        if !place.starts_with("speakers.") {
            *next = found + 1;
        }
        used[found] = true;
        Some(&self.texts[found].text)
    }

    /// `doc` in this language: every text replaced by its translation. Every problem is an error with its path in
    /// the translation file: a translation for another story, a text the translation lacks (once, at `texts`), or
    /// an entry at a place the story does not have. Small on purpose: the player runs it; storycheck's
    /// [`check_translation`] names each problem.
    pub(crate) fn translate_doc(&self, mut doc: StoryDoc) -> Result<StoryDoc, Vec<Diagnostic>> {
        if self.story != doc.id {
            let error = Diagnostic::error(
                "translation-for-another-story",
                "this translation is for another story",
                JsonPath::root().key("story"),
            );
            return Err(vec![error]);
        }
        doc.language.clone_from(&self.language);
        self.replace_texts(|visit| visit_texts(&mut doc, visit))?;
        Ok(doc)
    }

    /// A help file in this language (`stories/help/services-uk.LANG.json` translates `services-uk.json`; its
    /// `story` names the help file), with the same problems as [`Translation::translate_doc`].
    pub(crate) fn translate_help(&self, mut directory: HelpDirectory) -> Result<HelpDirectory, Vec<Diagnostic>> {
        self.replace_texts(|visit| visit_help_texts(&mut directory, visit))?;
        Ok(directory)
    }

    /// Replaces each text `walk` visits by its translation: a text the translation lacks is one problem at `texts`,
    /// each entry at a place `walk` never visits one at its `place`.
    fn replace_texts(
        &self,
        walk: impl FnOnce(&mut dyn FnMut(&str, TextSpot, &mut String)),
    ) -> Result<(), Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut used = vec![false; self.texts.len()];
        let mut next = 0;
        let mut missing = false;
        walk(&mut |place, _, text| match self.take(place, &mut next, &mut used) {
            Some(translated) => translated.clone_into(text),
            None => missing = true,
        });
        if missing {
            problems.push(Diagnostic::error(
                "missing-translation",
                "the translation lacks a text the story has",
                JsonPath::root().key("texts"),
            ));
        }
        for (i, _) in used.iter().enumerate().filter(|(_, used)| !**used) {
            problems.push(Diagnostic::error(
                "unknown-place",
                "the story has no text at this place",
                JsonPath::root().key("texts").index(i).key("place"),
            ));
        }
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }
}

/// The fingerprint of an English text: the first 16 hex digits (64 bits) of its SHA-256. It only needs to change
/// when the text does; nobody attacks it, and 64 bits keep the files short.
#[cfg(not(target_arch = "wasm32"))]
pub fn fingerprint(english: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(english.as_bytes()).iter().take(8).map(|byte| format!("{byte:02x}")).collect()
}

/// Whether a file name is a translation's, `ID.LANG.json`, and if so the story id and language. Story ids have no
/// dots, so `ID.json` is always a story.
pub fn translation_file_name(name: &str) -> Option<(&str, &str)> {
    let stem = name.strip_suffix(".json")?;
    let (story, language) = stem.split_once('.')?;
    (super::id::is_valid_id(story) && super::id::is_language_tag(language)).then_some((story, language))
}
