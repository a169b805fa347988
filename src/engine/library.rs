//! The library index (`stories/library/index.json`): one card per story, so the player can list stories without
//! downloading them all. `storycheck index` writes it and a test keeps it in step with the story files.

use schemars::JsonSchema;
use serde::Serialize;

use super::json_object::json_object;

use super::format::{AgeRange, FORMAT_VERSION, Picture};
use super::help::Audience;
use super::story::Story;
use super::translation::TranslationStatus;

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LibraryIndex {
    pub format: u32,
    pub stories: Vec<LibraryEntry>,
}

impl LibraryIndex {
    pub fn new(stories: Vec<LibraryEntry>) -> LibraryIndex {
        LibraryIndex { format: FORMAT_VERSION, stories }
    }
}

/// What the library shows of one story, and where to fetch it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LibraryEntry {
    pub id: String,
    /// Path of the story file relative to the site root, e.g. `stories/sharing-an-image.json`.
    pub file: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub age: AgeRange,
    #[serde(default, skip_serializing_if = "super::format::is_young_people")]
    pub audience: Audience,
    pub minutes: u32,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<Picture>,
    /// The story's translations (`stories/ID.LANG.json`), each with its status; a draft is offered only with
    /// `?drafts`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<TranslationListing>,
}

/// One translation of a story, as the library lists it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationListing {
    /// BCP 47 language tag, e.g. `cy`.
    pub language: String,
    /// Path of the translation file relative to the site root, e.g. `stories/new-in-the-game-chat.cy.json`.
    pub file: String,
    pub status: TranslationStatus,
}

// Objects only: see json_object.rs.
json_object!(LibraryIndex { format: "format" required, stories: "stories" required });
json_object!(LibraryEntry {
    id: "id" required, file: "file" required, title: "title" required, summary: "summary" required,
    language: "language" required, age: "age" required, audience: "audience" default, minutes: "minutes" required, topics: "topics" default,
    cover: "cover" default, translations: "translations" default,
});
json_object!(TranslationListing { language: "language" required, file: "file" required, status: "status" required });

impl LibraryEntry {
    pub fn of(story: &Story, file: &str) -> LibraryEntry {
        let doc = story.doc();
        LibraryEntry {
            id: doc.id.clone(),
            file: file.to_owned(),
            title: doc.title.clone(),
            summary: doc.summary.clone(),
            language: doc.language.clone(),
            age: doc.age,
            audience: doc.audience,
            minutes: doc.minutes,
            topics: doc.topics.clone(),
            cover: doc.cover.clone(),
            translations: Vec::new(),
        }
    }

    /// The translations a reader may be offered, in the library's order: the reviewed ones, and the drafts too
    /// when the address asks for them (`?drafts`).
    pub fn offered_translations(&self, drafts: bool) -> impl Iterator<Item = &TranslationListing> {
        self.translations.iter().filter(move |listing| listing.status.offered(drafts))
    }

    /// Where the build writes this story translated into `language`, as a whole story file that the player loads
    /// like any other (`stories/LANG/ID.json`): the build applies each translation (`prerender --translations`), so
    /// the reader's wasm carries no translation code. `None` for a language tag or id that could name another path.
    pub fn translated_story_file(&self, language: &str) -> Option<String> {
        (super::id::is_language_tag(language) && super::id::is_valid_id(&self.id))
            .then(|| format!("stories/{language}/{}.json", self.id))
    }

    /// The translation into `language` if a reader may be offered it; `None` for a language the story has no
    /// translation into, or only a draft when drafts are not asked for.
    pub fn offered_translation(&self, language: &str, drafts: bool) -> Option<&TranslationListing> {
        self.offered_translations(drafts).find(|listing| listing.language == language)
    }
}
