//! Loading: JSON text in, either a [`Story`] whose every reference resolves or every problem at once.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use thiserror::Error;

use super::analysis::{self, FlagSet};
use super::diagnostics::{Diagnostic, JsonPath};
use super::format::{Ending, FORMAT_VERSION, Next, Scene, StoryDoc};
use super::help::{HelpDirectory, HelpService, check_local_service};
use super::json_object::json_object;

/// The most flags a story may declare; flag sets are 64-bit masks.
pub const MAX_FLAGS: usize = 64;
/// Texts longer than these are allowed but warned about: readers are 11 to 14 and often on phones.
const LONG_NARRATION: usize = 700;
const LONG_BUBBLE: usize = 220;
const LONG_LABEL: usize = 90;

/// A story that failed to load, with every problem found (errors and warnings).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{} error(s) in the story", .diagnostics.iter().filter(|d| d.is_error()).count())]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

/// What happens after a scene, with scene ids resolved to indexes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step {
    Choices(Vec<ResolvedChoice>),
    Continue(usize),
    Ending,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ResolvedChoice {
    pub target: usize,
    pub when_mask: u64,
    pub when_value: u64,
    pub set_mask: u64,
    pub set_value: u64,
}

impl ResolvedChoice {
    pub fn available(&self, flags: FlagSet) -> bool {
        flags.0 & self.when_mask == self.when_value
    }

    pub fn apply(&self, flags: FlagSet) -> FlagSet {
        FlagSet((flags.0 & !self.set_mask) | self.set_value)
    }
}

/// A checked story: every scene id, flag and help id it mentions exists, and every reachable scene leads on to an
/// ending. The only way to make one is [`Story::from_json`] (or [`Story::from_doc`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    doc: StoryDoc,
    index: HashMap<String, usize>,
    flag_names: Vec<String>,
    steps: Vec<Step>,
    start: usize,
    initial_flags: FlagSet,
    warnings: Vec<Diagnostic>,
}

struct FormatProbe {
    format: Option<u64>,
}

// Only `format` is read; every other key is read past (see json_object.rs).
json_object!(FormatProbe, others ignored { format: "format" default });

impl Story {
    /// Parses and checks a story file. `help` is the standard help directory that endings may name.
    pub fn from_json(source: &str, help: &HelpDirectory) -> Result<Story, LoadError> {
        let source = without_byte_order_mark(source);
        // The version is read first so that a file from a future format gets one clear message instead of a list
        // of unknown fields.
        let probe: FormatProbe = serde_json::from_str(source).map_err(|err| LoadError {
            diagnostics: vec![Diagnostic::from_serde(&err, source)],
        })?;
        match probe.format {
            Some(version) if version == u64::from(FORMAT_VERSION) => {}
            Some(other) => {
                return Err(LoadError {
                    diagnostics: vec![
                        Diagnostic::error(
                            "unsupported-format",
                            format!(
                                "story format {other} is not supported; this version of the player reads format \
                                 {FORMAT_VERSION}"
                            ),
                            JsonPath::root().key("format"),
                        )
                        .located(source),
                    ],
                });
            }
            None => {
                return Err(LoadError {
                    diagnostics: vec![Diagnostic::error(
                        "unsupported-format",
                        format!("add `\"format\": {FORMAT_VERSION}` at the top of the story"),
                        JsonPath::root(),
                    )],
                });
            }
        }
        let doc: StoryDoc = serde_json::from_str(source).map_err(|err| LoadError {
            diagnostics: vec![Diagnostic::from_serde(&err, source)],
        })?;
        let place = |mut found: Vec<Diagnostic>| {
            Diagnostic::locate_all(&mut found, source);
            Diagnostic::sort_in_file_order(&mut found);
            found
        };
        match Story::from_doc(doc, help) {
            Ok(story) => Ok(Story { warnings: place(story.warnings.clone()), ..story }),
            Err(err) => Err(LoadError { diagnostics: place(err.diagnostics) }),
        }
    }

    /// Everything `storycheck` reports about a story file, in file order: what [`Story::from_json`] finds, and
    /// characters that hide or rewrite text in any of its strings ([`super::hidden::hidden_characters`]). The
    /// player calls `from_json` alone: it shows text as text, and its download stays smaller without the scan.
    pub fn check(source: &str, help: &HelpDirectory) -> (Option<Story>, Vec<Diagnostic>) {
        let (story, mut found) = match Story::from_json(source, help) {
            Ok(story) => {
                let warnings = story.warnings().to_vec();
                (Some(story), warnings)
            }
            Err(err) => (None, err.diagnostics),
        };
        // The scan reads the text as JSON; after a syntax error it could only stop where serde_json already did.
        if !found.iter().any(|d| d.code == "json-syntax") {
            found.extend(super::hidden::hidden_characters(source));
            Diagnostic::sort_in_file_order(&mut found);
        }
        (story, found)
    }

    /// Checks an already parsed document.
    pub fn from_doc(doc: StoryDoc, help: &HelpDirectory) -> Result<Story, LoadError> {
        let mut out = Vec::new();
        check_metadata(&doc, help, &mut out);

        let mut index = HashMap::new();
        for (i, scene) in doc.scenes.iter().enumerate() {
            let path = scene_path(i);
            if !is_valid_id(&scene.id) {
                out.push(
                    Diagnostic::error(
                        "bad-id",
                        format!(
                            "scene id `{}` must be lower case letters, digits and dashes, e.g. `at-school`",
                            scene.id
                        ),
                        path.key("id"),
                    )
                    .in_scene(&scene.id),
                );
            }
            if index.insert(scene.id.clone(), i).is_some() {
                out.push(
                    Diagnostic::error(
                        "duplicate-id",
                        format!("scene id `{}` is used by more than one scene; give each scene its own id", scene.id),
                        path.key("id"),
                    )
                    .in_scene(&scene.id),
                );
            }
        }
        if doc.scenes.is_empty() {
            out.push(Diagnostic::error("no-scenes", "the story has no scenes", JsonPath::root().key("scenes")));
        }

        let flag_names: Vec<String> = doc.flags.keys().cloned().collect();
        if flag_names.len() > MAX_FLAGS {
            out.push(Diagnostic::error(
                "too-many-flags",
                format!("a story may declare at most {MAX_FLAGS} flags, this one has {}", flag_names.len()),
                JsonPath::root().key("flags"),
            ));
        }
        for name in &flag_names {
            if !is_valid_flag(name) {
                out.push(Diagnostic::error(
                    "bad-flag-name",
                    format!("flag `{name}` must be lower case letters, digits and underscores, e.g. `told_friend`"),
                    JsonPath::root().key("flags").key(name),
                ));
            }
        }
        let flag_bit = |name: &str| flag_names.iter().position(|f| f == name).filter(|&b| b < MAX_FLAGS);

        let mut scene_ids = Suggestions::new(doc.scenes.iter().map(|s| s.id.as_str()));
        let mut flag_hints = Suggestions::new(flag_names.iter().map(String::as_str));
        let start = match index.get(&doc.start) {
            Some(&i) => Some(i),
            None => {
                out.push(Diagnostic::error(
                    "unknown-start",
                    format!("`start` names scene `{}`, which does not exist{}", doc.start, scene_ids.hint(&doc.start)),
                    JsonPath::root().key("start"),
                ));
                None
            }
        };

        let help_ids: Vec<&str> = help.services.iter().chain(&doc.services).map(|s| s.id.as_str()).collect();
        let mut help_hints = Suggestions::new(help_ids.iter().copied());

        let mut steps = Vec::with_capacity(doc.scenes.len());
        for (i, scene) in doc.scenes.iter().enumerate() {
            let path = scene_path(i);
            check_scene_text(scene, &path, &mut out);
            let step = match &scene.next {
                Next::Continue(target) => {
                    let resolved = resolve(target, &index, &mut scene_ids, &path.key("next").key("continue"), scene, &mut out);
                    Step::Continue(resolved.unwrap_or(0))
                }
                Next::Ending(ending) => {
                    check_ending(ending, &help_ids, &mut help_hints, &path.key("next").key("ending"), scene, &mut out);
                    Step::Ending
                }
                Next::Choices(choices) => {
                    let choices_path = path.key("next").key("choices");
                    if choices.is_empty() {
                        out.push(
                            Diagnostic::error(
                                "no-choices",
                                "this scene has an empty list of choices; add at least one, or use `continue` or \
                                 `ending`",
                                choices_path.clone(),
                            )
                            .in_scene(&scene.id),
                        );
                    }
                    let mut resolved_choices = Vec::with_capacity(choices.len());
                    for (c, choice) in choices.iter().enumerate() {
                        let choice_path = choices_path.index(c);
                        check_text(&choice.label, "label", LONG_LABEL, &choice_path, scene, &mut out);
                        let target =
                            resolve(&choice.to, &index, &mut scene_ids, &choice_path.key("to"), scene, &mut out).unwrap_or(0);
                        let (when_mask, when_value) =
                            flag_masks(&choice.when, &flag_bit, &mut flag_hints, &choice_path.key("when"), scene, &mut out);
                        let (set_mask, set_value) =
                            flag_masks(&choice.set, &flag_bit, &mut flag_hints, &choice_path.key("set"), scene, &mut out);
                        resolved_choices.push(ResolvedChoice { target, when_mask, when_value, set_mask, set_value });
                    }
                    Step::Choices(resolved_choices)
                }
            };
            steps.push(step);
        }

        let mut initial = 0u64;
        for (name, &value) in &doc.flags {
            if let Some(bit) = flag_bit(name)
                && value
            {
                initial |= 1 << bit;
            }
        }

        if out.iter().any(Diagnostic::is_error) {
            return Err(LoadError { diagnostics: out });
        }
        let story = Story {
            doc,
            index,
            flag_names,
            steps,
            start: start.unwrap_or(0),
            initial_flags: FlagSet(initial),
            warnings: Vec::new(),
        };
        // Reachability needs resolved references, so it runs only on a story with no errors so far.
        analysis::check_paths(&story, &mut out);
        if out.iter().any(Diagnostic::is_error) {
            return Err(LoadError { diagnostics: out });
        }
        Ok(Story { warnings: out, ..story })
    }

    pub fn doc(&self) -> &StoryDoc {
        &self.doc
    }

    pub fn id(&self) -> &str {
        &self.doc.id
    }

    pub fn title(&self) -> &str {
        &self.doc.title
    }

    /// Problems worth fixing that do not stop the story from playing.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    pub fn scene(&self, id: &str) -> Option<&Scene> {
        self.index.get(id).map(|&i| &self.doc.scenes[i])
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
        let mut seen = vec![false; self.steps.len()];
        let mut order = Vec::with_capacity(self.steps.len());
        let mut queue = std::collections::VecDeque::from([self.start]);
        seen[self.start] = true;
        while let Some(at) = queue.pop_front() {
            order.push(&self.doc.scenes[at]);
            let targets: Vec<usize> = match &self.steps[at] {
                Step::Ending => Vec::new(),
                Step::Continue(target) => vec![*target],
                Step::Choices(choices) => choices.iter().map(|c| c.target).collect(),
            };
            for target in targets {
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

    /// The fewest scenes after `scene` before an ending, following every choice whatever its condition.
    pub(crate) fn fewest_scenes_to_an_ending(&self, scene: usize) -> usize {
        let mut distance = vec![usize::MAX; self.steps.len()];
        let mut queue = std::collections::VecDeque::from([scene]);
        distance[scene] = 0;
        while let Some(at) = queue.pop_front() {
            let targets: Vec<usize> = match &self.steps[at] {
                Step::Ending => return distance[at],
                Step::Continue(target) => vec![*target],
                Step::Choices(choices) => choices.iter().map(|c| c.target).collect(),
            };
            for target in targets {
                if distance[target] == usize::MAX {
                    distance[target] = distance[at] + 1;
                    queue.push_back(target);
                }
            }
        }
        0
    }

    pub(crate) fn scene_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
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
}

fn scene_path(i: usize) -> JsonPath {
    JsonPath::root().key("scenes").index(i)
}

/// Ids appear in URLs, so they are kept to characters that never need escaping.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

fn is_valid_flag(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A simple BCP 47 shape check: a 2–3 letter language, then optional subtags of letters and digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The text with a byte order mark at its start removed. Browsers drop it when they read a download as text
/// (`Response.text()`), so the player never sees one; the engine drops it too, so that storycheck judges a file as
/// the player reads it (and warns about the mark, which other JSON tools refuse).
pub fn without_byte_order_mark(source: &str) -> &str {
    // The mark is the three bytes EF BB BF, so the rest starts on a character boundary.
    if source.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]) { &source[3..] } else { source }
}

/// Character comparisons one kind of name (scene ids, flags, help services) may spend on suggestions in one load.
/// A real story spends a few thousand; a generated file with thousands of broken links would otherwise compare
/// every one with every scene. Past it, problems are still reported, only without the hint.
const SUGGESTION_BUDGET: usize = 1_000_000;
/// Names longer than this get no suggestion: ids are at most 64 characters.
const LONGEST_SUGGESTED: usize = 100;

/// " (did you mean `x`?)" when a name is a near miss for one that exists. Optimal string alignment counts a swap of
/// two neighbouring letters as one typo, like Damerau–Levenshtein, without its hash map (which the browser's wasm
/// would carry). The distance is at least the difference in length, so only names of a similar length are
/// compared, and every look-up for one kind of name shares [`SUGGESTION_BUDGET`].
pub(crate) struct Suggestions<'a> {
    /// Known names with their length in characters.
    known: Vec<(usize, &'a str)>,
    budget: usize,
}

impl<'a> Suggestions<'a> {
    pub(crate) fn new(known: impl Iterator<Item = &'a str>) -> Suggestions<'a> {
        Suggestions { known: known.map(|k| (k.chars().count(), k)).collect(), budget: SUGGESTION_BUDGET }
    }

    pub(crate) fn hint(&mut self, wanted: &str) -> String {
        let length = wanted.chars().count();
        if length > LONGEST_SUGGESTED {
            return String::new();
        }
        let most = 3.max(wanted.len() / 3);
        let mut best: Option<(usize, &str)> = None;
        for &(k_length, k) in &self.known {
            // Looking at a name costs one, comparing it as many as the cells of the comparison's table.
            let similar = k_length.abs_diff(length) <= most;
            let cost = if similar { (k_length + 1) * (length + 1) } else { 1 };
            if cost > self.budget {
                self.budget = 0;
                return String::new();
            }
            self.budget -= cost;
            if !similar {
                continue;
            }
            let distance = strsim::osa_distance(wanted, k);
            if distance <= most && distance < k_length.max(length) && best.is_none_or(|b| (distance, k) < b) {
                best = Some((distance, k));
            }
        }
        best.map(|(_, k)| format!("; did you mean `{k}`?")).unwrap_or_default()
    }
}

fn resolve(
    target: &str,
    index: &HashMap<String, usize>,
    scene_ids: &mut Suggestions,
    path: &JsonPath,
    scene: &Scene,
    out: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let found = index.get(target).copied();
    if found.is_none() {
        out.push(
            Diagnostic::error(
                "unknown-target",
                format!("scene `{target}` does not exist{}", scene_ids.hint(target)),
                path.clone(),
            )
            .in_scene(&scene.id),
        );
    }
    found
}

fn flag_masks(
    flags: &BTreeMap<String, bool>,
    flag_bit: &dyn Fn(&str) -> Option<usize>,
    flag_hints: &mut Suggestions,
    path: &JsonPath,
    scene: &Scene,
    out: &mut Vec<Diagnostic>,
) -> (u64, u64) {
    let mut mask = 0u64;
    let mut value = 0u64;
    for (name, &wanted) in flags {
        match flag_bit(name) {
            Some(bit) => {
                mask |= 1 << bit;
                if wanted {
                    value |= 1 << bit;
                }
            }
            None => out.push(
                Diagnostic::error(
                    "undeclared-flag",
                    format!(
                        "flag `{name}` is not declared; add it to `flags` at the top of the story{}",
                        flag_hints.hint(name)
                    ),
                    path.key(name),
                )
                .in_scene(&scene.id),
            ),
        }
    }
    (mask, value)
}

fn check_metadata(doc: &StoryDoc, help: &HelpDirectory, out: &mut Vec<Diagnostic>) {
    let root = JsonPath::root();
    if !is_valid_id(&doc.id) {
        out.push(Diagnostic::error(
            "bad-id",
            format!("story id `{}` must be lower case letters, digits and dashes, e.g. `sharing-an-image`", doc.id),
            root.key("id"),
        ));
    }
    for (field, text) in [("title", &doc.title), ("summary", &doc.summary)] {
        if text.trim().is_empty() {
            out.push(Diagnostic::error("empty-text", format!("the story needs a `{field}`"), root.key(field)));
        }
    }
    if doc.content_note.trim().is_empty() {
        out.push(Diagnostic::error(
            "missing-content-note",
            "add a `content_note` saying what topics the story covers, so readers can choose whether to go on",
            root.key("content_note"),
        ));
    }
    if !is_language_tag(&doc.language) {
        out.push(Diagnostic::error(
            "bad-language",
            format!("`language` must be a BCP 47 tag such as `en-GB` or `cy`, found `{}`", doc.language),
            root.key("language"),
        ));
    }
    if doc.age.min == 0 || doc.age.min > doc.age.max || doc.age.max > 25 {
        out.push(Diagnostic::error(
            "bad-age",
            format!(
                "age guidance {}–{} is not a sensible range; give the youngest and oldest reader, e.g. 11 and 14",
                doc.age.min, doc.age.max
            ),
            root.key("age"),
        ));
    }
    if doc.minutes == 0 {
        out.push(Diagnostic::error("bad-minutes", "`minutes` must be at least 1", root.key("minutes")));
    }
    for (field, text) in [("writer", &doc.credits.writer), ("artist", &doc.credits.artist)] {
        if text.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                format!("credit the {field} in `credits.{field}`"),
                root.key("credits").key(field),
            ));
        }
    }
    if let Some(cover) = &doc.cover {
        check_image(&cover.image, &cover.alt, &root.key("cover"), None, out);
    }
    if let Some(teacher) = &doc.teacher
        && teacher.introduction.trim().is_empty()
    {
        out.push(Diagnostic::error(
            "empty-text",
            "`teacher.introduction` is empty; remove `teacher` or write the introduction",
            root.key("teacher").key("introduction"),
        ));
    }
    for (i, service) in doc.services.iter().enumerate() {
        check_local_service(service, help, &root.key("services").index(i), out);
    }
}

fn check_scene_text(scene: &Scene, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    check_text(&scene.title, "title", LONG_LABEL, path, scene, out);
    check_text(&scene.text, "text", LONG_NARRATION, path, scene, out);
    for (p, panel) in scene.panels.iter().enumerate() {
        let panel_path = path.key("panels").index(p);
        check_image(&panel.image, &panel.alt, &panel_path, Some(&scene.id), out);
        for (b, bubble) in panel.bubbles.iter().enumerate() {
            let bubble_path = panel_path.key("bubbles").index(b);
            check_text(&bubble.text, "text", LONG_BUBBLE, &bubble_path, scene, out);
            check_text(&bubble.speaker, "speaker", LONG_LABEL, &bubble_path, scene, out);
        }
    }
}

fn check_text(text: &str, field: &str, long: usize, path: &JsonPath, scene: &Scene, out: &mut Vec<Diagnostic>) {
    let path = path.key(field);
    if text.trim().is_empty() {
        out.push(Diagnostic::error("empty-text", format!("`{field}` is empty"), path).in_scene(&scene.id));
        return;
    }
    let length = text.chars().count();
    if length > long {
        out.push(
            Diagnostic::warning(
                "long-text",
                format!("`{field}` is {length} characters; keep it under {long} so it reads well on a phone"),
                path.clone(),
            )
            .in_scene(&scene.id),
        );
    }
    if looks_like_html(text) {
        out.push(
            Diagnostic::warning(
                "html-in-text",
                format!("`{field}` looks like it contains HTML; text is shown exactly as written, use *stars* for emphasis"),
                path,
            )
            .in_scene(&scene.id),
        );
    }
}

fn looks_like_html(text: &str) -> bool {
    text.as_bytes().windows(2).any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'))
}

fn check_image(image: &str, alt: &str, path: &JsonPath, scene: Option<&str>, out: &mut Vec<Diagnostic>) {
    let mut push = |d: Diagnostic| out.push(match scene { Some(s) => d.in_scene(s), None => d });
    if alt.trim().is_empty() {
        push(Diagnostic::error(
            "empty-alt",
            "`alt` is empty; describe what the picture shows that matters to the story",
            path.key("alt"),
        ));
    }
    let safe = image.starts_with("assets/")
        && !image.split('/').any(|part| part == ".." || part.is_empty())
        && image.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
    if !safe {
        push(Diagnostic::error(
            "bad-image-path",
            format!("image `{image}` must be a path inside `assets/`, e.g. `assets/my-story/park.svg`"),
            path.key("image"),
        ));
    }
}

fn check_ending(
    ending: &Ending,
    help_ids: &[&str],
    help_hints: &mut Suggestions,
    path: &JsonPath,
    scene: &Scene,
    out: &mut Vec<Diagnostic>,
) {
    if ending.reflection.trim().is_empty() {
        out.push(
            Diagnostic::error("empty-text", "the ending needs a `reflection` for the reader", path.key("reflection"))
                .in_scene(&scene.id),
        );
    }
    let mut seen = BTreeSet::new();
    for (i, id) in ending.help.iter().enumerate() {
        if !help_ids.contains(&id.as_str()) {
            out.push(
                Diagnostic::error(
                    "unknown-service",
                    format!("help service `{id}` does not exist{}", help_hints.hint(id)),
                    path.key("help").index(i),
                )
                .in_scene(&scene.id),
            );
        }
        if !seen.insert(id) {
            out.push(
                Diagnostic::warning("duplicate-service", format!("help service `{id}` is listed twice"), path.key("help").index(i))
                    .in_scene(&scene.id),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_near_misses() {
        let mut scenes = Suggestions::new(["ignored", "told", "later"].into_iter());
        assert_eq!(scenes.hint("ignord"), "; did you mean `ignored`?");
        assert_eq!(scenes.hint("tlod"), "; did you mean `told`?", "a swap of neighbours is one typo");
        assert_eq!(scenes.hint("somewhere-else"), "");
    }

    #[test]
    fn suggestions_compare_only_names_of_a_similar_length() {
        let known: Vec<String> = (0..4_000).map(|i| format!("scene-{i:04}")).collect();
        let mut scenes = Suggestions::new(known.iter().map(String::as_str));
        assert_eq!(scenes.hint("a-much-longer-id-than-any-scene-has"), "");
        assert_eq!(scenes.hint("x"), "");
        assert_eq!(SUGGESTION_BUDGET - scenes.budget, 8_000, "each id was looked at and none compared");
        assert_eq!(scenes.hint(&"x".repeat(10_000)), "", "a name longer than any id is not compared at all");
        assert_eq!(SUGGESTION_BUDGET - scenes.budget, 8_000);
    }

    #[test]
    fn thousands_of_unknown_names_spend_a_bounded_amount_of_work() {
        // Before, every unknown id was compared with every scene id: 4,000 of each took 23 seconds.
        let known: Vec<String> = (0..4_000).map(|i| format!("s{i}")).collect();
        let mut scenes = Suggestions::new(known.iter().map(String::as_str));
        assert_eq!(scenes.hint("t12"), "; did you mean `s12`?", "the first ones still get their hint");
        let hinted = (0..4_000).filter(|i| !scenes.hint(&format!("t{i}")).is_empty()).count();
        assert_eq!(scenes.budget, 0, "the budget ran out");
        assert!((10..4_000).contains(&hinted), "{hinted} hints, then none once the budget ran out");
        assert_eq!(scenes.hint("t1"), "", "no more work once it has run out");
    }
}
