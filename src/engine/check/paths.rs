//! Checks on the ways through a story, over every (scene, flags) state a reader can reach: every reader can reach
//! an ending (no dead end, no endless loop), every scene and choice can be reached, and every flag matters.

use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::format::{Next, Scene};
use crate::engine::states::{MAX_STATES, StateGraph};
use crate::engine::story::{FlagSet, Step, Story};

fn describe_flags(story: &Story, flags: FlagSet) -> String {
    let names = story.flag_names();
    if names.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = names.iter().enumerate().map(|(bit, name)| format!("{name}={}", flags.get(bit))).collect();
    format!(" (with {})", parts.join(", "))
}

fn scene_path(story: &Story, scene: usize) -> (JsonPath, &Scene) {
    (JsonPath::root().key("scenes").index(scene), &story.scenes()[scene])
}

/// Adds every problem with the paths through the story: unreachable scenes, dead ends, no ending, endless loops.
pub(crate) fn check_paths(story: &Story, out: &mut Vec<Diagnostic>) {
    let graph = StateGraph::explore(story);
    if !graph.complete {
        let flags = story.flag_names().len();
        let ways = u32::try_from(flags).ok().and_then(|f| 1u64.checked_shl(f));
        out.push(Diagnostic::warning(
            "too-complex",
            format!(
                "the story has too many flag combinations to check fully: its {flags} flags can be set in {} ways, and \
                 checking stopped at {MAX_STATES} combinations of scene and flags, so dead ends, endless loops and \
                 whether every reader reaches an ending were not checked; use fewer flags",
                ways.map_or_else(|| format!("2^{flags}"), |ways| ways.to_string())
            ),
            JsonPath::root().key("flags"),
        ));
    }
    let scene_count = story.scenes().len();
    let mut reached = vec![false; scene_count];
    let mut offered: Vec<Vec<bool>> = story
        .scenes()
        .iter()
        .map(|s| match &s.next {
            Next::Choices(c) => vec![false; c.len()],
            _ => Vec::new(),
        })
        .collect();
    let mut reported_dead_end = vec![false; scene_count];
    for (state, &(scene, flags)) in graph.states.iter().enumerate() {
        reached[scene] = true;
        if let Step::Choices(_) = story.step(scene) {
            for &(_, choice) in &graph.moves[state] {
                offered[scene][choice] = true;
            }
            if graph.moves[state].is_empty() && !reported_dead_end[scene] && graph.complete {
                reported_dead_end[scene] = true;
                let (path, s) = scene_path(story, scene);
                out.push(
                    Diagnostic::error(
                        "dead-end",
                        format!(
                            "a reader can reach scene `{}`{} where none of its choices is offered; add a choice \
                             with no `when`, or change the conditions",
                            s.id,
                            describe_flags(story, flags)
                        ),
                        path.key("next").key("choices"),
                    )
                    .in_scene(&s.id),
                );
            }
        }
    }
    for (scene, was_reached) in reached.iter().enumerate() {
        let (path, s) = scene_path(story, scene);
        if !was_reached && graph.complete {
            let message = format!("scene `{}` can never be reached from the start; link to it or remove it", s.id);
            out.push(Diagnostic::warning("unreachable-scene", message, path.key("id")).in_scene(&s.id));
        } else if let (Next::Choices(choices), true) = (&s.next, graph.complete) {
            for (i, choice) in choices.iter().enumerate() {
                if !offered[scene][i] && *was_reached {
                    out.push(
                        Diagnostic::warning(
                            "choice-never-offered",
                            format!("choice `{}` is never offered: its `when` is never true here", choice.label),
                            path.key("next").key("choices").index(i).key("when"),
                        )
                        .in_scene(&s.id),
                    );
                }
            }
        }
    }
    let good = graph.can_finish(story);
    // An unfinished exploration has not seen every state, so finding no ending in it proves nothing.
    if !good.iter().any(|&g| g) && graph.complete {
        out.push(Diagnostic::error(
            "no-ending",
            "no ending can be reached from the start; every story must end, and every ending leads to help",
            JsonPath::root().key("start"),
        ));
    } else if graph.complete {
        let mut reported = vec![false; scene_count];
        for (state, &(scene, flags)) in graph.states.iter().enumerate() {
            if !good[state] && !graph.moves[state].is_empty() && !reported[scene] {
                reported[scene] = true;
                let (path, s) = scene_path(story, scene);
                out.push(
                    Diagnostic::error(
                        "endless-loop",
                        format!(
                            "from scene `{}`{} the reader can never reach an ending; give the loop a way out",
                            s.id,
                            describe_flags(story, flags)
                        ),
                        path.key("next"),
                    )
                    .in_scene(&s.id),
                );
            }
        }
    }
    // A flag matters only if some choice's `when` reads it; one that is only ever set changes nothing.
    let mut read = vec![false; story.flag_names().len()];
    for scene in story.scenes() {
        if let Next::Choices(choices) = &scene.next {
            for name in choices.iter().flat_map(|c| c.when.keys()) {
                if let Some(i) = story.flag_bit(name) {
                    read[i] = true;
                }
            }
        }
    }
    for (i, name) in story.flag_names().iter().enumerate() {
        if !read[i] {
            out.push(Diagnostic::warning(
                "unused-flag",
                format!(
                    "flag `{name}` is never checked by any choice's `when`, so it changes nothing; use it or remove it"
                ),
                JsonPath::root().key("flags").key(name),
            ));
        }
    }
}
