//! The story engine: format, loading, checking and playing. Pure Rust with no browser types, so it builds and
//! tests natively, runs in the `storycheck` command and can be fuzzed.

pub mod analysis;
pub mod calendar;
pub mod diagnostics;
pub mod format;
pub mod graph;
pub mod help;
mod json_object;
pub mod hidden;
pub mod library;
pub mod lint;
pub mod load;
pub mod pictures;
pub mod play;
// Reading level uses the textstat crate, which only the command-line checker needs.
#[cfg(not(target_arch = "wasm32"))]
pub mod reading;
pub mod site;
pub mod text;

pub use analysis::{PathLength, Stats};
pub use diagnostics::{Diagnostic, JsonPath, Severity};
pub use format::*;
pub use help::{Audience, FactCheck, ForAdults, HelpDirectory, HelpService};
pub use load::{LoadError, Story};
pub use play::{OfferedChoice, PlayError, Playthrough, SaveError, TranscriptLine};

/// The JSON Schema of the story format, generated from the Rust types.
pub fn story_schema() -> String {
    let schema = schemars::schema_for!(StoryDoc);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema of the authors' wording list (`wording.json`).
pub fn wording_schema() -> String {
    let schema = schemars::schema_for!(lint::WordingList);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema of help directory files.
pub fn help_schema() -> String {
    let schema = schemars::schema_for!(HelpDirectory);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
