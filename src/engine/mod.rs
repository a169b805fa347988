//! The story engine: format, loading, checking and playing. Pure Rust with no browser types, so it builds and
//! tests natively, runs in the `storycheck` command and can be fuzzed.
//!
//! Every module is private; what the player, `storycheck`, the benches, the fuzz target and the tests use is named
//! below, so this list is the engine's whole surface.

mod authoring;
mod characters;
mod check;
mod comic;
mod diagnostics;
mod format;
mod graph;
mod help;
mod id;
mod json_object;
mod library;
mod load;
mod pages;
mod play;
mod site;
mod states;
mod stats;
mod story;
mod text;
mod translation;
// PO files are for storycheck alone, like Twee.
#[cfg(not(target_arch = "wasm32"))]
mod po;
// Twee in and out is for storycheck alone; the player never reads Twee, so its wasm is built without it.
#[cfg(not(target_arch = "wasm32"))]
mod twee;

// The file formats as written, and the checked story.
pub use format::{
    AgeRange, Bubble, BubbleKind, Choice, Credits, Ending, EndingKind, FORMAT_VERSION, Next, Panel, Picture, Scene,
    Spot, StoryDoc, TeacherGuide,
};
// The comic layout contract: the panel's frame, its picture files and the estimated place of each bubble.
pub use comic::{
    BubbleBox, FRAME_ASPECT, IMAGE_EXTENSIONS, MAX_PANELS, PANEL_HEIGHT, PANEL_WIDTH, bubble_box, estimated_size,
    image_extension, is_raster, placed, size_variant, svg_size,
};
pub use help::{Audience, FactCheck, ForAdults, HelpDirectory, HelpService, Link, Phone, link_is_allowed};
pub use id::{is_language_tag, is_valid_id};
pub use library::{LibraryEntry, LibraryIndex};
pub use site::{Colours, SiteConfig};
pub use story::Story;
// Story translations (`stories/ID.LANG.json`): the format, applying one, and which a reader may be offered.
#[cfg(not(target_arch = "wasm32"))]
pub use authoring::translations::{check_help_translation, check_translation};
pub use library::TranslationListing;
#[cfg(not(target_arch = "wasm32"))]
pub use po::{po_export, po_export_help, po_import, po_import_help};
#[cfg(not(target_arch = "wasm32"))]
pub use translation::fingerprint;
pub use translation::{
    SCHEMA_PATH as TRANSLATION_SCHEMA_PATH, TRANSLATION_FORMAT_VERSION, TextSpot, TranslatedText, Translation,
    TranslationCredits, TranslationStatus, help_texts, story_texts, translation_file_name,
};

// Loading: every loader returns a `LoadResult`, and every problem is a `Diagnostic`.
pub use diagnostics::{Diagnostic, JsonPath, LoadResult, Loaded, Severity};
pub use load::without_byte_order_mark;

// Playing and showing.
pub use graph::{BranchMap, MapNode, branch_map};
pub use pages::{MAX_PAGES, Page, TooManyPages};
pub use play::{OfferedChoice, PlayError, Playthrough, SAVE_FORMAT_VERSION, SaveError, TranscriptLine};
pub use text::{Span, paragraphs, spans};

// For authors: what storycheck prints.
pub use authoring::bubbles::{BubbleProblem, bubble_warnings, panel_bubble_problems};
pub use authoring::calendar::Date;
pub use authoring::facts::stale_facts;
pub use authoring::pictures::{MANIFEST_FILE, alt_text_warnings};
pub use authoring::reading::{SceneLevel, highest_grade, reading_warnings, scene_levels};
pub use authoring::wording::{WORDING_FILE, WordingList, WordingRule, lint_wording};
pub use characters::{json_safe, terminal_safe};
pub use graph::{dot_graph, mermaid_graph};
pub use stats::{PathLength, Stats};
#[cfg(not(target_arch = "wasm32"))]
pub use twee::export::export_twee;
#[cfg(not(target_arch = "wasm32"))]
pub use twee::import::{META_PASSAGE, import_twee, scene_id};

/// The JSON Schema of the story format, generated from the Rust types.
pub fn story_schema() -> String {
    let schema = schemars::schema_for!(StoryDoc);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema of the authors' wording list (`wording.json`).
pub fn wording_schema() -> String {
    let schema = schemars::schema_for!(WordingList);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema of help directory files.
pub fn help_schema() -> String {
    let schema = schemars::schema_for!(HelpDirectory);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema of story translation files (`stories/ID.LANG.json`).
pub fn translation_schema() -> String {
    let schema = schemars::schema_for!(Translation);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
