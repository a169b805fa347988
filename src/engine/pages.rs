//! The pages of a story on the prerendered site: one per scene with the story's starting flags, and one per other
//! (scene, flags) state a reader can reach, so that a reader with no JavaScript follows plain links and still sees
//! exactly the choices the flags allow.
//!
//! A page lives at `story/ID/SCENE/` (starting flags) or `story/ID/SCENE/FLAGS/`, where FLAGS names the flags that
//! are on, in the order the story declares them, joined by `+`, or is `~` when none is on. Flag names are lower case
//! letters, digits and underscores (`id::is_valid_flag`), so neither separator can be part of one and no segment
//! needs escaping.

use thiserror::Error;

use super::states::StateGraph;
use super::story::{FlagSet, Story};

/// The most pages one story may have. Every page is a file on the host, and a story whose flags multiply its scenes
/// past this is too tangled to read as well as too big to host.
pub const MAX_PAGES: usize = 2_000;

/// The segment of a page's path that says no flag is on.
const NONE_ON: &str = "~";

/// One page of a story: a scene, and the flags that are on there when they differ from the story's starting flags.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Page {
    pub scene: String,
    /// The flags segment of the path; `None` for the story's starting flags.
    pub flags: Option<String>,
}

impl Page {
    /// The page's folder below its story's folder, e.g. `say-no/` or `talk-to-jordan/asked_jordan/`.
    pub fn path(&self) -> String {
        match &self.flags {
            Some(flags) => format!("{}/{flags}/", self.scene),
            None => format!("{}/", self.scene),
        }
    }
}

/// A story with more pages than [`MAX_PAGES`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "the story needs {}{pages} pages (one per scene, and one more for each other combination of flags a reader can \
     reach in a scene), more than the {MAX_PAGES} the site writes for one story; use fewer flags, or let fewer \
     scenes depend on them",
    if *.counted_all { "" } else { "at least " }
)]
pub struct TooManyPages {
    pub pages: usize,
    /// False when there were too many states even to count them all (`states::MAX_STATES`).
    pub counted_all: bool,
}

impl Story {
    /// The path segment for these flags: the names of those that are on, in declared order, joined by `+`; `~`
    /// when none is on.
    pub(crate) fn flags_segment(&self, flags: FlagSet) -> String {
        let on: Vec<&str> =
            self.flag_names().iter().enumerate().filter(|(bit, _)| flags.get(*bit)).map(|(_, n)| n.as_str()).collect();
        if on.is_empty() { NONE_ON.to_owned() } else { on.join("+") }
    }

    /// The flags a path segment names, the inverse of [`Story::flags_segment`]. Only the one way of writing each set
    /// is read (declared order, each name once), so every state has one address.
    pub(crate) fn flags_from_segment(&self, segment: &str) -> Option<FlagSet> {
        if segment == NONE_ON {
            return Some(FlagSet(0));
        }
        let mut flags = 0u64;
        let mut last: Option<usize> = None;
        for name in segment.split('+') {
            let bit = self.flag_bit(name)?;
            if last.is_some_and(|last| bit <= last) {
                return None;
            }
            last = Some(bit);
            flags |= 1 << bit;
        }
        Some(FlagSet(flags))
    }

    /// The page that shows the scene at `scene` with `flags`.
    pub(crate) fn page_of(&self, scene: usize, flags: FlagSet) -> Page {
        Page {
            scene: self.scenes()[scene].id.clone(),
            flags: (flags != self.initial_flags()).then(|| self.flags_segment(flags)),
        }
    }

    /// The page an address names (`scene`, and the flags segment if there is one), written the one way the site
    /// writes it; `None` when the scene or the flags are not the story's. A segment naming the starting flags is the
    /// scene's own page.
    pub fn page(&self, scene: &str, flags: Option<&str>) -> Option<Page> {
        let at = self.scene_index(scene)?;
        let flags = match flags {
            Some(segment) => self.flags_from_segment(segment)?,
            None => self.initial_flags(),
        };
        Some(self.page_of(at, flags))
    }

    /// Every page of the story: each scene with the starting flags (what a shared link to a scene opens), in the
    /// order written, then each other reachable (scene, flags) state in the order a reader meets them.
    pub fn pages(&self) -> Result<Vec<Page>, TooManyPages> {
        let mut pages: Vec<Page> = (0..self.scenes().len()).map(|at| self.page_of(at, self.initial_flags())).collect();
        let graph = StateGraph::explore(self);
        let others = graph.states.iter().filter(|(_, flags)| *flags != self.initial_flags());
        pages.extend(others.map(|&(scene, flags)| self.page_of(scene, flags)));
        if pages.len() > MAX_PAGES || !graph.complete {
            return Err(TooManyPages { pages: pages.len(), counted_all: graph.complete });
        }
        Ok(pages)
    }

    /// How many pages [`Story::pages`] writes, counted however many there are (for `storycheck stats`).
    pub(crate) fn page_count(&self, graph: &StateGraph) -> usize {
        self.scenes().len() + graph.states.iter().filter(|(_, flags)| *flags != self.initial_flags()).count()
    }
}
