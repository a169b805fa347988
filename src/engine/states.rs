//! What can happen in a story: every (scene, flags) state a reader can reach and the moves between them. The
//! checks of dead ends, endless loops and unreachable scenes and the authors' statistics both read it.

use std::collections::{HashMap, VecDeque};

use super::story::{FlagSet, Step, Story};

/// Exploring stops here; beyond it a story gets a warning instead of a full check.
pub(crate) const MAX_STATES: usize = 200_000;

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
            // A continue is its scene's one way on, so it is move 0 like a first choice.
            let next: Vec<((usize, FlagSet), usize)> = story
                .step(scene)
                .ways_on()
                .iter()
                .enumerate()
                .filter(|(_, way)| way.available(flags))
                .map(|(i, way)| ((way.target, way.apply(flags)), i))
                .collect();
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

    pub(crate) fn is_ending(&self, story: &Story, state: usize) -> bool {
        matches!(story.step(self.states[state].0), Step::Ending)
    }

    /// States from which some ending can be reached.
    pub(crate) fn can_finish(&self, story: &Story) -> Vec<bool> {
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
    pub(crate) fn topological_order(&self) -> Option<Vec<usize>> {
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
