//! `storycheck paths`: for every ending a reader can reach, one shortest way there from the first scene, as the
//! reader takes it: Continue, or the choice at its place among those offered at that moment (the key a reader
//! presses). The end-to-end tests click through these, so the rules for which choices are offered stay in the
//! engine (`Playthrough`) and are not written again in JavaScript.

use std::collections::{HashSet, VecDeque};

use anyhow::Result;
use safety_stories::engine::{Playthrough, Story};
use safety_stories::engine::{json_safe, terminal_safe};
use serde::Serialize;

/// One ending and a shortest way to it.
#[derive(Serialize)]
pub struct PathToEnding {
    /// The ending's scene id.
    pub ending: String,
    pub steps: Vec<PathStep>,
}

/// One step: from a scene to the next, by Continue (`choice` is null) or by a choice.
#[derive(Clone, Serialize)]
pub struct PathStep {
    pub from: String,
    pub choice: Option<PickedChoice>,
    pub to: String,
}

/// A choice as the reader sees it: its place (from 1) among the choices offered then, and its label.
#[derive(Clone, Serialize)]
pub struct PickedChoice {
    pub position: usize,
    pub label: String,
}

/// Every reachable ending, in the order a breadth-first walk of (scene, flags) first reaches it, each with the
/// fewest steps that reach it.
pub fn paths_to_every_ending(story: &Story) -> Vec<PathToEnding> {
    let flag_names: Vec<&String> = story.doc().flags.keys().collect();
    // A state is the scene and the value of every flag: the same scene with other flags may offer other choices.
    let state = |at: &Playthrough| -> (String, Vec<Option<bool>>) {
        (at.scene_id(story).to_owned(), flag_names.iter().map(|name| at.flag(story, name)).collect())
    };
    let mut seen = HashSet::new();
    let mut found: Vec<PathToEnding> = Vec::new();
    let mut queue = VecDeque::from([(Playthrough::start(story), Vec::<PathStep>::new())]);
    while let Some((at, steps)) = queue.pop_front() {
        if !seen.insert(state(&at)) {
            continue;
        }
        let from = at.scene_id(story).to_owned();
        if at.is_ending(story) {
            if !found.iter().any(|path| path.ending == from) {
                found.push(PathToEnding { ending: from, steps });
            }
            continue;
        }
        let mut step = |next: Playthrough, choice: Option<PickedChoice>| {
            let to = next.scene_id(story).to_owned();
            let mut steps = steps.clone();
            steps.push(PathStep { from: from.clone(), choice, to });
            queue.push_back((next, steps));
        };
        if at.can_continue(story) {
            let mut next = at.clone();
            if next.go_on(story).is_ok() {
                step(next, None);
            }
            continue;
        }
        for (place, offered) in at.choices(story).into_iter().enumerate() {
            let mut next = at.clone();
            if next.choose(story, offered.index).is_ok() {
                step(next, Some(PickedChoice { position: place + 1, label: offered.label }));
            }
        }
    }
    found
}

/// Prints the paths as JSON (`--json`), or as one line per ending for an author.
pub fn print(story: &Story, json: bool) -> Result<()> {
    let paths = paths_to_every_ending(story);
    if json {
        println!("{}", json_safe(&serde_json::to_string_pretty(&paths)?));
        return Ok(());
    }
    for path in &paths {
        let steps: Vec<String> = path
            .steps
            .iter()
            .map(|step| match &step.choice {
                None => "continue".to_owned(),
                Some(choice) => format!("{} \"{}\"", choice.position, choice.label),
            })
            .collect();
        println!("{}: {}", path.ending, terminal_safe(&steps.join(", ")));
    }
    Ok(())
}
