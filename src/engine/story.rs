//! The checked story: the file as written, with every scene's ways on resolved to scene indexes and every flag to
//! a bit. The checks in `check/` are the only code that makes one; everything after loading asks it questions and
//! never checks a reference again.

use std::collections::VecDeque;

use super::format::{Choice, Ending, Next, Scene, StoryDoc};
use super::help::HelpService;

/// The most flags a story may declare; flag sets are 64-bit masks.
pub const MAX_FLAGS: usize = 64;

/// The values of a story's flags, one bit each, in the order the story declares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct FlagSet(pub(crate) u64);

impl FlagSet {
    /// The value of the flag declared at place `bit`.
    pub(crate) fn get(self, bit: usize) -> bool {
        self.0 >> bit & 1 == 1
    }
}

/// One way on from a scene, with its target resolved to a scene index and its flags to masks. A scene that goes
/// straight on has one, with no condition and nothing to set.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ResolvedChoice {
    pub target: usize,
    pub when_mask: u64,
    pub when_value: u64,
    pub set_mask: u64,
    pub set_value: u64,
}

impl ResolvedChoice {
    /// The way on of a scene that continues: always offered, and it sets nothing.
    pub(crate) fn unconditional(target: usize) -> ResolvedChoice {
        ResolvedChoice { target, when_mask: 0, when_value: 0, set_mask: 0, set_value: 0 }
    }

    pub fn available(&self, flags: FlagSet) -> bool {
        flags.0 & self.when_mask == self.when_value
    }

    pub fn apply(&self, flags: FlagSet) -> FlagSet {
        FlagSet((flags.0 & !self.set_mask) | self.set_value)
    }
}

/// What happens after a scene, with scene ids resolved to indexes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step {
    Choices(Vec<ResolvedChoice>),
    Continue(ResolvedChoice),
    Ending,
}

impl Step {
    /// Every way on from the scene, whatever the flags: its choices in the order written, or its one way on.
    pub(crate) fn ways_on(&self) -> &[ResolvedChoice] {
        match self {
            Step::Choices(choices) => choices,
            Step::Continue(way) => std::slice::from_ref(way),
            Step::Ending => &[],
        }
    }
}

/// A checked story: every scene id, flag and help id it mentions exists, and every reachable scene leads on to an
/// ending. The only way to make one is [`Story::from_json`].
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    // Only `check::story` fills these in, once everything they resolve has been checked.
    pub(crate) doc: StoryDoc,
    pub(crate) flag_names: Vec<String>,
    pub(crate) steps: Vec<Step>,
    pub(crate) start: usize,
    pub(crate) initial_flags: FlagSet,
}

impl Story {
    pub fn doc(&self) -> &StoryDoc {
        &self.doc
    }

    pub fn id(&self) -> &str {
        &self.doc.id
    }

    pub fn title(&self) -> &str {
        &self.doc.title
    }

    pub fn scene(&self, id: &str) -> Option<&Scene> {
        self.scene_index(id).map(|i| &self.doc.scenes[i])
    }

    pub fn start_scene(&self) -> &Scene {
        &self.doc.scenes[self.start]
    }

    pub fn scenes(&self) -> &[Scene] {
        &self.doc.scenes
    }

    /// Every scene in the order a lesson pack prints them: breadth first from the start, so each scene comes
    /// soon after the first one that leads to it and the endings gather near the end.
    pub fn reading_order(&self) -> Vec<&Scene> {
        self.reading_order_indexes().into_iter().map(|at| &self.doc.scenes[at]).collect()
    }

    /// The indexes of [`Story::reading_order`]'s scenes.
    pub(crate) fn reading_order_indexes(&self) -> Vec<usize> {
        let mut seen = vec![false; self.steps.len()];
        let mut order = Vec::with_capacity(self.steps.len());
        let mut queue = VecDeque::from([self.start]);
        seen[self.start] = true;
        while let Some(at) = queue.pop_front() {
            order.push(at);
            for target in self.targets(at) {
                if !std::mem::replace(&mut seen[target], true) {
                    queue.push_back(target);
                }
            }
        }
        order
    }

    /// The ending a scene leads to, if it is an ending scene.
    pub fn ending(&self, scene_id: &str) -> Option<&Ending> {
        match &self.scene(scene_id)?.next {
            Next::Ending(ending) => Some(ending),
            _ => None,
        }
    }

    /// Every image the story shows, for checking that the files exist and for prefetching.
    pub fn images(&self) -> Vec<&str> {
        let mut images: Vec<&str> = self.doc.cover.iter().map(|c| c.image.as_str()).collect();
        for scene in &self.doc.scenes {
            images.extend(scene.panels.iter().map(|p| p.image.as_str()));
        }
        images.dedup();
        images
    }

    /// The extra services this story adds to the standard set.
    pub fn services(&self) -> &[HelpService] {
        &self.doc.services
    }

    /// Every way on from the scene at `scene`, in the order written: the scene it leads to and, for a choice, the
    /// choice as the author wrote it.
    pub(crate) fn ways_on(&self, scene: usize) -> impl Iterator<Item = (&Scene, Option<&Choice>)> {
        let written = match &self.doc.scenes[scene].next {
            Next::Choices(choices) => choices.as_slice(),
            _ => &[],
        };
        self.steps[scene]
            .ways_on()
            .iter()
            .enumerate()
            .map(move |(i, way)| (&self.doc.scenes[way.target], written.get(i)))
    }

    /// The index of every scene the scene at `scene` leads to, whatever the flags, in the order written.
    pub(crate) fn targets(&self, scene: usize) -> impl Iterator<Item = usize> {
        self.steps[scene].ways_on().iter().map(|way| way.target)
    }

    /// The fewest scenes after `scene` before an ending, following every choice whatever its condition.
    pub(crate) fn fewest_scenes_to_an_ending(&self, scene: usize) -> usize {
        let mut distance = vec![usize::MAX; self.steps.len()];
        let mut queue = VecDeque::from([scene]);
        distance[scene] = 0;
        while let Some(at) = queue.pop_front() {
            if matches!(self.steps[at], Step::Ending) {
                return distance[at];
            }
            for target in self.targets(at) {
                if distance[target] == usize::MAX {
                    distance[target] = distance[at] + 1;
                    queue.push_back(target);
                }
            }
        }
        0
    }

    /// Found by a search in order rather than through a `HashMap`, for the player's byte budget (docs/size.md): the
    /// checks have made every id unique, and a story's few dozen scenes are searched in no time.
    pub(crate) fn scene_index(&self, id: &str) -> Option<usize> {
        scene_position(&self.doc.scenes, id)
    }

    pub(crate) fn step(&self, scene: usize) -> &Step {
        &self.steps[scene]
    }

    pub(crate) fn start_index(&self) -> usize {
        self.start
    }

    pub(crate) fn initial_flags(&self) -> FlagSet {
        self.initial_flags
    }

    pub(crate) fn flag_names(&self) -> &[String] {
        &self.flag_names
    }

    /// The place of a declared flag in a [`FlagSet`].
    pub(crate) fn flag_bit(&self, name: &str) -> Option<usize> {
        self.flag_names.iter().position(|f| f == name)
    }
}

/// The place of the scene with this id among `scenes`, the first if several share it (the checks refuse that).
pub(crate) fn scene_position(scenes: &[Scene], id: &str) -> Option<usize> {
    scenes.iter().position(|scene| scene.id == id)
}
