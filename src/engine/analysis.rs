//! What can happen in a story: every (scene, flags) state a reader can reach, which checks dead ends, loops with
//! no way out and unreachable scenes, and gives authors their statistics.

use std::collections::{HashMap, VecDeque};

use serde::Serialize;

use super::diagnostics::{Diagnostic, JsonPath};
use super::format::{Next, Scene};
use super::load::{Step, Story};

/// The values of a story's flags, one bit each, in the order the story declares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FlagSet(pub u64);

/// Exploring stops here; beyond it a story gets a warning instead of a full check.
const MAX_STATES: usize = 200_000;
/// Young readers read about this many words a minute.
const WORDS_PER_MINUTE: usize = 130;
/// Seconds a reader spends on each scene's pictures and on choosing, on top of reading its words.
const SECONDS_PER_SCENE: usize = 20;

/// Every reachable state and the moves between them.
pub(crate) struct StateGraph {
    /// Each state is a scene index and the flags on arriving there.
    pub states: Vec<(usize, FlagSet)>,
    /// For each state, the states it can move to, with the choice index (0 for continue).
    pub moves: Vec<Vec<(usize, usize)>>,
    pub complete: bool,
}

impl StateGraph {
    pub fn explore(story: &Story) -> StateGraph {
        let mut ids: HashMap<(usize, FlagSet), usize> = HashMap::new();
        let mut states = vec![(story.start_index(), story.initial_flags())];
        ids.insert(states[0], 0);
        let mut moves: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut queue = VecDeque::from([0usize]);
        let mut complete = true;
        while let Some(state) = queue.pop_front() {
            let (scene, flags) = states[state];
            let next: Vec<((usize, FlagSet), usize)> = match story.step(scene) {
                Step::Ending => Vec::new(),
                Step::Continue(target) => vec![((*target, flags), 0)],
                Step::Choices(choices) => choices
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.available(flags))
                    .map(|(i, c)| ((c.target, c.apply(flags)), i))
                    .collect(),
            };
            let mut out = Vec::with_capacity(next.len());
            for (key, choice) in next {
                let id = match ids.get(&key) {
                    Some(&id) => id,
                    None if states.len() >= MAX_STATES => {
                        complete = false;
                        continue;
                    }
                    None => {
                        let id = states.len();
                        states.push(key);
                        ids.insert(key, id);
                        queue.push_back(id);
                        id
                    }
                };
                out.push((id, choice));
            }
            if moves.len() <= state {
                moves.resize(state + 1, Vec::new());
            }
            moves[state] = out;
        }
        moves.resize(states.len(), Vec::new());
        StateGraph { states, moves, complete }
    }

    fn is_ending(&self, story: &Story, state: usize) -> bool {
        matches!(story.step(self.states[state].0), Step::Ending)
    }

    /// States from which some ending can be reached.
    fn can_finish(&self, story: &Story) -> Vec<bool> {
        let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); self.states.len()];
        for (from, outs) in self.moves.iter().enumerate() {
            for &(to, _) in outs {
                incoming[to].push(from);
            }
        }
        let mut good = vec![false; self.states.len()];
        let mut queue: VecDeque<usize> = (0..self.states.len()).filter(|&s| self.is_ending(story, s)).collect();
        for &s in &queue {
            good[s] = true;
        }
        while let Some(s) = queue.pop_front() {
            for &from in &incoming[s] {
                if !good[from] {
                    good[from] = true;
                    queue.push_back(from);
                }
            }
        }
        good
    }

    /// A topological order of the states, or `None` when the reader can go round in a loop.
    fn topological_order(&self) -> Option<Vec<usize>> {
        let mut indegree = vec![0usize; self.states.len()];
        for outs in &self.moves {
            for &(to, _) in outs {
                indegree[to] += 1;
            }
        }
        let mut queue: VecDeque<usize> = (0..self.states.len()).filter(|&s| indegree[s] == 0).collect();
        let mut order = Vec::with_capacity(self.states.len());
        while let Some(s) = queue.pop_front() {
            order.push(s);
            for &(to, _) in &self.moves[s] {
                indegree[to] -= 1;
                if indegree[to] == 0 {
                    queue.push_back(to);
                }
            }
        }
        (order.len() == self.states.len()).then_some(order)
    }
}

fn describe_flags(story: &Story, flags: FlagSet) -> String {
    let names = story.flag_names();
    if names.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(bit, name)| format!("{name}={}", flags.0 >> bit & 1 == 1))
        .collect();
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
            out.push(
                Diagnostic::warning(
                    "unreachable-scene",
                    format!("scene `{}` can never be reached from the start; link to it or remove it", s.id),
                    path.key("id"),
                )
                .in_scene(&s.id),
            );
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
                if let Some(i) = story.flag_names().iter().position(|f| f == name) {
                    read[i] = true;
                }
            }
        }
    }
    for (i, name) in story.flag_names().iter().enumerate() {
        if !read[i] {
            out.push(Diagnostic::warning(
                "unused-flag",
                format!("flag `{name}` is never checked by any choice's `when`, so it changes nothing; use it or remove it"),
                JsonPath::root().key("flags").key(name),
            ));
        }
    }
}

/// What `storycheck stats` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub scenes: usize,
    pub choices: usize,
    /// Scenes where the reader picks between two or more options.
    pub decision_points: usize,
    pub endings: usize,
    /// Distinct paths from the start to an ending; `None` when the story has loops (unbounded).
    pub paths: Option<u64>,
    pub shortest: PathLength,
    /// `None` when the story has loops.
    pub longest: Option<PathLength>,
    pub total_words: usize,
}

/// The length of one path through a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PathLength {
    pub scenes: usize,
    pub words: usize,
    pub minutes: usize,
}

impl PathLength {
    fn new(scenes: usize, words: usize) -> PathLength {
        let seconds = words * 60 / WORDS_PER_MINUTE + scenes * SECONDS_PER_SCENE;
        PathLength { scenes, words, minutes: seconds.div_ceil(60).max(1) }
    }
}

fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Words a reader reads in a scene: narration, captions, bubbles.
pub fn scene_words(scene: &Scene) -> usize {
    let panels: usize = scene
        .panels
        .iter()
        .map(|p| {
            p.caption.as_deref().map_or(0, count_words) + p.bubbles.iter().map(|b| count_words(&b.text)).sum::<usize>()
        })
        .sum();
    count_words(&scene.text) + panels
}

impl Stats {
    pub fn of(story: &Story) -> Stats {
        let scenes = story.scenes();
        let choices = scenes
            .iter()
            .map(|s| match &s.next {
                Next::Choices(c) => c.len(),
                _ => 0,
            })
            .sum();
        let decision_points = scenes.iter().filter(|s| matches!(&s.next, Next::Choices(c) if c.len() > 1)).count();
        let endings = scenes.iter().filter(|s| matches!(s.next, Next::Ending(_))).count();
        let words: Vec<usize> = scenes.iter().map(scene_words).collect();
        let graph = StateGraph::explore(story);
        let state_words = |s: usize| words[graph.states[s].0];

        // Shortest: breadth first from the start, counting scenes.
        let mut depth = vec![usize::MAX; graph.states.len()];
        let mut words_to = vec![0usize; graph.states.len()];
        depth[0] = 1;
        words_to[0] = state_words(0);
        let mut queue = VecDeque::from([0usize]);
        let mut shortest = PathLength::new(0, 0);
        while let Some(s) = queue.pop_front() {
            if graph.is_ending(story, s) {
                shortest = PathLength::new(depth[s], words_to[s]);
                break;
            }
            for &(to, _) in &graph.moves[s] {
                if depth[to] == usize::MAX {
                    depth[to] = depth[s] + 1;
                    words_to[to] = words_to[s] + state_words(to);
                    queue.push_back(to);
                }
            }
        }

        let (paths, longest) = match graph.topological_order() {
            None => (None, None),
            Some(order) => {
                // Walk backwards so every state's successors are done before it.
                let mut paths = vec![0u64; graph.states.len()];
                let mut longest = vec![(0usize, 0usize); graph.states.len()];
                for &s in order.iter().rev() {
                    if graph.is_ending(story, s) {
                        paths[s] = 1;
                        longest[s] = (1, state_words(s));
                        continue;
                    }
                    for &(to, _) in &graph.moves[s] {
                        paths[s] = paths[s].saturating_add(paths[to]);
                        if paths[to] > 0 {
                            let candidate = (longest[to].0 + 1, longest[to].1 + state_words(s));
                            longest[s] = longest[s].max(candidate);
                        }
                    }
                }
                (Some(paths[0]), Some(PathLength::new(longest[0].0, longest[0].1)))
            }
        };
        Stats {
            scenes: scenes.len(),
            choices,
            decision_points,
            endings,
            paths,
            shortest,
            longest,
            total_words: words.iter().sum(),
        }
    }
}
