//! Playthrough state: where the reader is, their flags and how they got there. It is kept apart from the
//! [`Story`] (which never changes) and saves to versioned JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::format::{Ending, FlagValues, Next, Scene};
use super::json_object::json_object;
use super::pages::Page;
use super::story::{FlagSet, Step, Story};

/// The save format this version writes, and the newest it reads.
pub const SAVE_FORMAT_VERSION: u32 = 2;
/// The oldest save format this version reads. Format 1 saves (written before saves said who can read them) have
/// the same fields, so they restore as they always did.
const OLDEST_SAVE_READ: u32 = 1;
/// The oldest version that can read what this version writes, which every save carries as `min_format`, as ink's
/// saves do: format 2 is the first that reads `min_format` and reads past keys it does not know, so a later format
/// that only adds keys can keep saying 2 here and still be read.
const READABLE_FROM: u32 = 2;

/// How the reader left a scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Taken {
    /// The choice at this index of the scene's list.
    Choice(usize),
    Continue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Visit {
    scene: usize,
    flags: FlagSet,
    taken: Taken,
}

/// One reader's way through one story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Playthrough {
    story_id: String,
    scene: usize,
    flags: FlagSet,
    history: Vec<Visit>,
}

/// A choice the reader can make now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferedChoice {
    /// Index in the scene's list of choices (stable, whatever else is hidden).
    pub index: usize,
    pub label: String,
    pub to: String,
    /// The author marked it sensitive: a class vote on it is always anonymous.
    pub sensitive: bool,
    /// The page it leads to: its scene with the flags it leaves on.
    pub page: Page,
}

/// One line of "the story so far".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptLine {
    pub scene_id: String,
    pub scene_title: String,
    /// What the reader picked here, if it was a decision.
    pub picked: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlayError {
    #[error("scene `{scene}` has no choice number {index} that can be picked now")]
    NoSuchChoice { scene: String, index: usize },
    #[error("scene `{scene}` asks the reader to choose; it has no single way on")]
    NotAContinue { scene: String },
    #[error("scene `{scene}` is an ending")]
    AtEnding { scene: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    #[error("the saved progress is not readable: {0}")]
    Unreadable(String),
    #[error("the saved progress is format {found}, older than any this version reads")]
    Version { found: u32 },
    #[error(
        "the saved progress needs a newer version of the player (one that reads format {needs}); this one reads format {SAVE_FORMAT_VERSION}"
    )]
    TooNew { needs: u32 },
    #[error("the saved progress is for story `{found}`, not `{expected}`")]
    WrongStory { expected: String, found: String },
    #[error("the saved progress mentions scene `{0}`, which this story does not have (the story may have changed)")]
    UnknownScene(String),
    #[error("the saved progress sets flag `{0}`, which this story does not declare (the story may have changed)")]
    UnknownFlag(String),
    #[error("the saved progress has flag `{0}` set differently from the choices it records")]
    FlagsDiffer(String),
    #[error(
        "the saved progress goes from scene `{from}` to `{to}`, which the story does not allow (the story may have changed)"
    )]
    IllegalStep { from: String, to: String },
}

/// The JSON form of a [`Playthrough`]: ids instead of indexes, so it stays readable and checkable.
#[derive(Debug, Serialize)]
struct SavedPlaythrough {
    /// The save format of the version that wrote it.
    format: u32,
    /// The oldest save format a reader must know to read it; a format 1 save has none, and needs format 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    min_format: Option<u32>,
    story: String,
    /// Scenes visited before the current one, oldest first, with how the reader left each.
    history: Vec<SavedVisit>,
    scene: String,
    /// Read as a story's flags are, so the player carries one reader for flag objects; a flag named twice is refused.
    flags: FlagValues,
}

#[derive(Debug, Serialize)]
struct SavedVisit {
    scene: String,
    taken: Taken,
}

// Objects only (see json_object.rs). Keys a later format adds are read past: its `min_format` says whether what
// this version understands of it is enough.
json_object!(SavedPlaythrough, others ignored {
    format: "format" required, min_format: "min_format" default, story: "story" required,
    history: "history" required, scene: "scene" required, flags: "flags" required,
});
json_object!(SavedVisit, others ignored { scene: "scene" required, taken: "taken" required });

impl Playthrough {
    pub fn start(story: &Story) -> Playthrough {
        Playthrough {
            story_id: story.id().to_owned(),
            scene: story.start_index(),
            flags: story.initial_flags(),
            history: Vec::new(),
        }
    }

    /// A fresh playthrough that opens at `scene_id` with the story's starting flags, for links to a scene.
    pub fn open_at(story: &Story, scene_id: &str) -> Option<Playthrough> {
        let scene = story.scene_index(scene_id)?;
        Some(Playthrough { scene, ..Playthrough::start(story) })
    }

    /// A fresh playthrough at a page of the story: its scene with its flags, as the prerendered page shows it.
    pub fn open_at_page(story: &Story, page: &Page) -> Option<Playthrough> {
        let scene = story.scene_index(&page.scene)?;
        let flags = match &page.flags {
            Some(segment) => story.flags_from_segment(segment)?,
            None => story.initial_flags(),
        };
        Some(Playthrough { scene, flags, ..Playthrough::start(story) })
    }

    /// The page that shows where the reader is now.
    pub fn page(&self, story: &Story) -> Page {
        story.page_of(self.scene, self.flags)
    }

    /// The page Continue leads to, for a scene with a single way on.
    pub fn continue_page(&self, story: &Story) -> Option<Page> {
        match story.step(self.scene) {
            Step::Continue(way) => Some(story.page_of(way.target, way.apply(self.flags))),
            _ => None,
        }
    }

    pub fn story_id(&self) -> &str {
        &self.story_id
    }

    pub fn scene<'a>(&self, story: &'a Story) -> &'a Scene {
        &story.scenes()[self.scene]
    }

    pub fn scene_id<'a>(&self, story: &'a Story) -> &'a str {
        &self.scene(story).id
    }

    /// How many scenes the reader has seen, this one included.
    pub fn steps_taken(&self) -> usize {
        self.history.len() + 1
    }

    pub fn flag(&self, story: &Story, name: &str) -> Option<bool> {
        Some(self.flags.get(story.flag_bit(name)?))
    }

    /// The choices offered in the current scene, in the story's order. Empty for continue and ending scenes.
    pub fn choices(&self, story: &Story) -> Vec<OfferedChoice> {
        let Step::Choices(resolved) = story.step(self.scene) else {
            return Vec::new();
        };
        let Next::Choices(written) = &self.scene(story).next else {
            return Vec::new();
        };
        resolved
            .iter()
            .zip(written)
            .enumerate()
            .filter(|(_, (r, _))| r.available(self.flags))
            .map(|(index, (r, w))| OfferedChoice {
                index,
                label: w.label.clone(),
                to: w.to.clone(),
                sensitive: w.sensitive,
                page: story.page_of(r.target, r.apply(self.flags)),
            })
            .collect()
    }

    /// How far the reader has come and the fewest scenes still ahead (ignoring flags), for a progress bar that
    /// does not give away which branch leads where.
    pub fn progress(&self, story: &Story) -> (usize, usize) {
        (self.steps_taken(), story.fewest_scenes_to_an_ending(self.scene))
    }

    /// Whether the current scene has a single way on.
    pub fn can_continue(&self, story: &Story) -> bool {
        matches!(story.step(self.scene), Step::Continue(_))
    }

    pub fn ending<'a>(&self, story: &'a Story) -> Option<&'a Ending> {
        story.ending(self.scene_id(story))
    }

    pub fn is_ending(&self, story: &Story) -> bool {
        matches!(story.step(self.scene), Step::Ending)
    }

    /// Picks the choice at `index` of the scene's list.
    pub fn choose(&mut self, story: &Story, index: usize) -> Result<(), PlayError> {
        let scene_id = || self.scene_id(story).to_owned();
        let choice = match story.step(self.scene) {
            Step::Choices(choices) => choices.get(index).filter(|c| c.available(self.flags)),
            Step::Continue(_) => None,
            Step::Ending => return Err(PlayError::AtEnding { scene: scene_id() }),
        };
        let Some(choice) = choice else {
            return Err(PlayError::NoSuchChoice { scene: scene_id(), index });
        };
        self.history.push(Visit { scene: self.scene, flags: self.flags, taken: Taken::Choice(index) });
        self.flags = choice.apply(self.flags);
        self.scene = choice.target;
        Ok(())
    }

    /// Goes on from a scene that has a single way on.
    pub fn go_on(&mut self, story: &Story) -> Result<(), PlayError> {
        match story.step(self.scene) {
            Step::Continue(way) => {
                self.history.push(Visit { scene: self.scene, flags: self.flags, taken: Taken::Continue });
                self.scene = way.target;
                Ok(())
            }
            Step::Ending => Err(PlayError::AtEnding { scene: self.scene_id(story).to_owned() }),
            Step::Choices(_) => Err(PlayError::NotAContinue { scene: self.scene_id(story).to_owned() }),
        }
    }

    /// Undoes one step. Returns false at the start, where there is nothing to undo.
    pub fn back(&mut self) -> bool {
        match self.history.pop() {
            Some(visit) => {
                self.scene = visit.scene;
                self.flags = visit.flags;
                true
            }
            None => false,
        }
    }

    /// Goes back to the most recent scene where the reader had a real decision, to try another option.
    pub fn back_to_last_decision(&mut self, story: &Story) -> bool {
        let position = self.history.iter().rposition(|visit| {
            matches!(story.step(visit.scene), Step::Choices(c) if c.iter().filter(|c| c.available(visit.flags)).count() > 1)
        });
        match position {
            Some(position) => {
                let visit = self.history[position];
                self.history.truncate(position);
                self.scene = visit.scene;
                self.flags = visit.flags;
                true
            }
            None => false,
        }
    }

    /// Whether there is an earlier decision to go back to.
    pub fn has_earlier_decision(&self, story: &Story) -> bool {
        self.clone().back_to_last_decision(story)
    }

    pub fn restart(&mut self, story: &Story) {
        *self = Playthrough::start(story);
    }

    /// The path so far, oldest first, ending with the current scene.
    pub fn transcript(&self, story: &Story) -> Vec<TranscriptLine> {
        let line = |scene: usize, taken: Option<Taken>| {
            let s = &story.scenes()[scene];
            let picked = match (taken, &s.next) {
                (Some(Taken::Choice(i)), Next::Choices(choices)) => choices.get(i).map(|c| c.label.clone()),
                _ => None,
            };
            TranscriptLine { scene_id: s.id.clone(), scene_title: s.title.clone(), picked }
        };
        let mut lines: Vec<TranscriptLine> = self.history.iter().map(|v| line(v.scene, Some(v.taken))).collect();
        lines.push(line(self.scene, None));
        lines
    }

    /// The saved-progress JSON that [`Playthrough::from_json`] reads: the format that wrote it and the oldest able
    /// to read it, the story, each scene left with how, the current scene and every flag.
    pub fn to_json(&self, story: &Story) -> String {
        let scenes = story.scenes();
        // Filled by insertion, which the flag reader already uses; collecting into the map sorts first, and that sort
        // cost the player's download 1.5 KB.
        let mut flags = BTreeMap::new();
        for (bit, name) in story.flag_names().iter().enumerate() {
            flags.insert(name.clone(), self.flags.get(bit));
        }
        let saved = SavedPlaythrough {
            format: SAVE_FORMAT_VERSION,
            min_format: Some(READABLE_FROM),
            story: self.story_id.clone(),
            history: self
                .history
                .iter()
                .map(|v| SavedVisit { scene: scenes[v.scene].id.clone(), taken: v.taken })
                .collect(),
            scene: self.scene_id(story).to_owned(),
            flags: FlagValues(flags),
        };
        // Only strings, numbers and booleans, so serialising cannot fail.
        serde_json::to_string(&saved).unwrap_or_default()
    }

    /// Restores saved progress, replaying it against the story so that progress from a changed story is refused
    /// with a clear reason rather than leaving the reader somewhere impossible.
    pub fn from_json(story: &Story, json: &str) -> Result<Playthrough, SaveError> {
        let saved: SavedPlaythrough =
            serde_json::from_str(json).map_err(|err| SaveError::Unreadable(err.to_string()))?;
        let needs = saved.min_format.unwrap_or(saved.format);
        if needs > SAVE_FORMAT_VERSION {
            return Err(SaveError::TooNew { needs });
        }
        if saved.format < OLDEST_SAVE_READ {
            return Err(SaveError::Version { found: saved.format });
        }
        if saved.story != story.id() {
            return Err(SaveError::WrongStory { expected: story.id().to_owned(), found: saved.story });
        }
        let mut replay = Playthrough::start(story);
        let first = saved.history.first().map_or(&saved.scene, |v| &v.scene);
        replay.scene = story.scene_index(first).ok_or_else(|| SaveError::UnknownScene(first.clone()))?;
        for (i, visit) in saved.history.iter().enumerate() {
            let next = saved.history.get(i + 1).map_or(&saved.scene, |v| &v.scene);
            let illegal = || SaveError::IllegalStep { from: visit.scene.clone(), to: next.clone() };
            match visit.taken {
                Taken::Choice(index) => replay.choose(story, index).map_err(|_| illegal())?,
                Taken::Continue => replay.go_on(story).map_err(|_| illegal())?,
            }
            if replay.scene_id(story) != next {
                story.scene_index(next).ok_or_else(|| SaveError::UnknownScene(next.clone()))?;
                return Err(illegal());
            }
        }
        for (name, &value) in &saved.flags.0 {
            match replay.flag(story, name) {
                None => return Err(SaveError::UnknownFlag(name.clone())),
                // Replaying the same steps from the same start always gives the same flags, so a difference means
                // the file was edited or the story changed.
                Some(current) if current != value => return Err(SaveError::FlagsDiffer(name.clone())),
                Some(_) => {}
            }
        }
        Ok(replay)
    }
}
