//! What the preview works out from a story file, with no browser: the same check `storycheck` runs, each problem
//! worded by the same `Diagnostic::render` storycheck prints with and shown with its line of the file, the lint
//! warnings, the statistics; which chosen file is which picture; and where a reloaded story
//! takes the reader.

use crate::engine::{
    AgeRange, Diagnostic, HelpDirectory, Page, Panel, Playthrough, SceneLevel, Stats, Story, bubble_warnings,
    lint_wording, reading_warnings, scene_levels,
};

/// One problem as storycheck prints it, with the line of the file it points at.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Exactly what `storycheck FILE` prints for it (`Diagnostic::render`).
    pub text: String,
    pub is_error: bool,
    /// The line the problem is on, as written in the file without its indentation, and its number.
    pub line: Option<Line>,
}

/// A line of the file, shown under the problem found on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub number: usize,
    /// The line without its indentation, which on a phone would push the text out of sight.
    pub text: String,
    /// How many characters into `text` the problem starts, for the mark under it.
    pub at: Option<usize>,
}

/// Everything the preview shows about one story file.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The file's name, which every problem starts with, as storycheck starts them with the path it was given.
    pub file: String,
    /// What `storycheck FILE` finds: errors, and warnings of a story that loads.
    pub problems: Vec<Problem>,
    /// What `storycheck lint` adds about wording, reading level and bubble placement, in its order.
    pub lint: Vec<Problem>,
    /// The story, when it has no errors.
    pub story: Option<Story>,
    pub stats: Option<Stats>,
    /// Each scene's reading level and the story's age band, as `storycheck stats` prints them.
    pub reading: Option<(AgeRange, Vec<SceneLevel>)>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error).count()
    }
}

fn problem(d: &Diagnostic, file: &str, source: &str) -> Problem {
    let line = d.line.and_then(|number| {
        let written = source.lines().nth(number.checked_sub(1)?)?;
        let text = written.trim_start();
        let indent = written.chars().count() - text.chars().count();
        let at = d.column.and_then(|column| column.checked_sub(1 + indent));
        Some(Line { number, text: text.to_owned(), at })
    });
    Problem { text: d.render(file), is_error: d.is_error(), line }
}

/// Checks a story file the way `storycheck FILE` does (`Story::check`), then lints it the way `storycheck lint`
/// does with the built-in wording rules.
pub fn check(file: &str, source: &str, help: &HelpDirectory) -> Checked {
    let (story, found) = Story::check(source, help);
    let problems = found.iter().map(|d| problem(d, file, source)).collect();
    let mut lint = lint_wording(source, &[]);
    if let Some(story) = &story {
        lint.extend(reading_warnings(story, source));
        lint.extend(bubble_warnings(story, source));
    }
    let lint = lint.iter().map(|d| problem(d, file, source)).collect();
    let stats = story.as_ref().map(Stats::of);
    let reading = story.as_ref().map(|story| (story.doc().age, scene_levels(story)));
    Checked { file: file.to_owned(), problems, lint, story, stats, reading }
}

/// The chosen file that is the picture at `image` (a path from the story's folder, such as
/// `assets/my-story/ask.png`): the one whose path inside a chosen folder ends with it, else the one with its name.
pub fn picture_for<'a>(image: &str, chosen: &'a [(String, String)]) -> Option<&'a str> {
    let name = image.rsplit('/').next().unwrap_or(image);
    let ends_with_path = |path: &str| path == image || path.ends_with(&format!("/{image}"));
    chosen
        .iter()
        .find(|(path, _)| ends_with_path(path))
        .or_else(|| chosen.iter().find(|(path, _)| path.rsplit('/').next() == Some(name)))
        .map(|(_, address)| address.as_str())
}

/// The pictures a story names that are not among the chosen files.
pub fn missing_pictures(story: &Story, chosen: &[(String, String)]) -> Vec<String> {
    let mut missing: Vec<String> =
        story.images().into_iter().filter(|image| picture_for(image, chosen).is_none()).map(str::to_owned).collect();
    missing.dedup();
    missing
}

/// What a panel whose picture was not chosen shows instead: an empty picture written in the address itself, which
/// fails to load without asking any server, so the panel shows its alt text (as the reader does for a picture
/// that will not load). Asking the site for the story's own picture path would name the story in a request.
pub const NOT_CHOSEN: &str = "data:,";

/// A panel with its picture's path replaced by the chosen file's `blob:` address, or by [`NOT_CHOSEN`].
pub fn with_chosen_picture(panel: &Panel, chosen: &[(String, String)]) -> Panel {
    let mut panel = panel.clone();
    panel.image = picture_for(&panel.image, chosen).unwrap_or(NOT_CHOSEN).to_owned();
    panel
}

/// Where the reader is in a story that was loaded again: the same way through it when it still fits, else the same
/// page, else the same scene with the starting flags, else the start.
pub fn keep_place(before: Option<(&Story, &Playthrough)>, story: &Story) -> Playthrough {
    let Some((old_story, play)) = before else { return Playthrough::start(story) };
    if let Ok(same) = Playthrough::from_json(story, &play.to_json(old_story)) {
        return same;
    }
    let page: Page = play.page(old_story);
    Playthrough::open_at_page(story, &page)
        .or_else(|| Playthrough::open_at(story, &page.scene))
        .unwrap_or_else(|| Playthrough::start(story))
}
