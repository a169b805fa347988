//! What `storycheck stats` reports: scenes, choices, endings, the number of paths and how long the shortest and
//! longest take to read.

use std::collections::VecDeque;

use serde::Serialize;

use super::format::{Next, Scene};
use super::states::StateGraph;
use super::story::Story;

/// Young readers read about this many words a minute.
const WORDS_PER_MINUTE: usize = 130;
/// Seconds a reader spends on each scene's pictures and on choosing, on top of reading its words.
const SECONDS_PER_SCENE: usize = 20;

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
    /// Pages the prerendered site writes for the story (see `pages.rs`), counted even past the limit.
    pub pages: usize,
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
            pages: story.page_count(&graph),
        }
    }
}
