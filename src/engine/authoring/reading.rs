//! Reading level per scene (`storycheck stats` and `storycheck lint`): the Flesch–Kincaid grade of what the
//! narrator says, compared with the story's age band.
//!
//! The grade is a US school grade: grade `g` suits readers of about `g + 5` years. A story is read aloud and alone
//! by a whole class, so it has to suit the youngest readers of its band, not the oldest: a scene is flagged when
//! its grade is above the youngest readers' grade plus one for the estimate's roughness (`age.min - 4`), so an 11
//! to 14 story flags scenes above grade 7. The syllable count and the formula come from the `textstat` crate (a vowel-group
//! count with a silent-e rule, not a pronouncing dictionary); scores are estimates, useful for finding the few
//! scenes that are much harder than the rest.
//!
//! Only the narration (`text`) and an ending's `reflection` are measured: speech bubbles are short messages
//! ("cant stop thinking about u") whose spelling would make the estimate meaningless.

use serde::Serialize;

use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::format::{AgeRange, Next, Scene};
use crate::engine::story::Story;

/// Scenes with fewer words than this get a grade but are never flagged: a two-sentence scene's grade swings by
/// several years with one long word.
pub const FEWEST_WORDS_TO_FLAG: usize = 20;

/// The reading level of one scene.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SceneLevel {
    pub scene: String,
    pub words: usize,
    pub sentences: usize,
    /// Flesch–Kincaid grade, rounded to one decimal place.
    pub grade: f64,
    /// Above the highest grade for the story's age band, with enough words to say so.
    pub above_band: bool,
}

/// The highest Flesch–Kincaid grade a story for this band should need: one above what its youngest readers are
/// expected to read.
pub fn highest_grade(age: AgeRange) -> f64 {
    f64::from(age.min) - 4.0
}

/// What the reader reads as prose in a scene, without the `*emphasis*` marks.
fn prose(scene: &Scene) -> String {
    let mut text = scene.text.clone();
    if let Next::Ending(ending) = &scene.next {
        text.push_str("\n\n");
        text.push_str(&ending.reflection);
    }
    text.replace('*', "")
}

/// The reading level of every scene, in file order.
pub fn scene_levels(story: &Story) -> Vec<SceneLevel> {
    let limit = highest_grade(story.doc().age);
    story
        .scenes()
        .iter()
        .map(|scene| {
            let text = prose(scene);
            let words = textstat::lexicon_count(&text);
            let grade = (textstat::flesch_kincaid_grade(&text) * 10.0).round() / 10.0;
            SceneLevel {
                scene: scene.id.clone(),
                words,
                sentences: textstat::sentence_count(&text),
                grade,
                above_band: words >= FEWEST_WORDS_TO_FLAG && grade > limit,
            }
        })
        .collect()
}

/// A warning for each scene above the story's age band, located at the scene's `text`.
pub fn reading_warnings(story: &Story, source: &str) -> Vec<Diagnostic> {
    let age = story.doc().age;
    scene_levels(story)
        .into_iter()
        .enumerate()
        .filter(|(_, level)| level.above_band)
        .map(|(i, level)| {
            Diagnostic::warning(
                "reading-level",
                format!(
                    "scene `{}` reads at grade {:.1} (Flesch–Kincaid), above grade {:.0} for ages {} to {}; use shorter sentences and shorter words",
                    level.scene,
                    level.grade,
                    highest_grade(age),
                    age.min,
                    age.max
                ),
                JsonPath::root().key("scenes").index(i).key("text"),
            )
            .located(source)
            .in_scene(&level.scene)
        })
        .collect()
}
