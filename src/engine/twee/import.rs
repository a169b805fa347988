//! A Twee 3 story (as Twine 2 exports it) turned into a story file: passages become scenes, links choices, tagged
//! passages endings, and the simple true-or-false flags of SugarCube and Harlowe the story's `flags`, `set` and
//! `when`. Anything it cannot map is an error at its line and column, never dropped.
//!
//! The rules, as `docs/making-a-story.md` explains them to authors:
//! - A passage's scene id is its name in lower case, each run of other characters a dash (`Tell Mum` is
//!   `tell-mum`); its title is the name, or a first line `# Title` when there is one.
//! - A passage with one link, whose words are the passage's name or `Continue`, and no flags, goes straight on
//!   (`continue`); otherwise each link is a choice. Each link stands on a line of its own.
//! - A passage tagged `ending-positive`, `ending-mixed` or `ending-concerning` (or `ending` and `positive`, ...) is
//!   an ending: the text above a line `---` is the scene, the text below it the reflection.
//! - `StoryTitle` is the title, `StoryData`'s `start` the first scene, `StoryMeta` holds `key: value` lines for
//!   what Twine has no place for, and `StoryInit` (or a passage tagged `startup`) the flags' starting values.
//! - `<<set $x to true>>` / `(set: $x to true)` in a passage sets the flag on every choice into it; a setter link
//!   `[[label|target][$x to true]]` sets it on that choice; `<<if $x>>`, `<<if not $x>>`, `<<else>>` and
//!   `(if: $x)[...]` / `(unless: $x)[...]` around links are the choices' `when`.
//! - A comment `/* sensitive */` on a link's line marks that choice as sensitive.

use std::collections::{BTreeMap, HashMap};

use crate::engine::check::suggestions::Suggestions;
use crate::engine::diagnostics::{Diagnostic, LoadResult, Loaded, Severity};
use crate::engine::format::{AgeRange, Choice, Credits, Ending, EndingKind, FORMAT_VERSION, Next, Scene, StoryDoc};
use crate::engine::help::Audience;
use crate::engine::id::{is_valid_flag, is_valid_id};

use super::export::is_rule;
use super::parse::{Passage, passages};

/// The passage that holds what Twine has no place for, as `key: value` lines.
pub const META_PASSAGE: &str = "StoryMeta";
/// The keys `StoryMeta` may hold, as authors write them.
const META_KEYS: &[&str] = &[
    "id",
    "summary",
    "language",
    "age",
    "audience",
    "content note",
    "minutes",
    "topics",
    "writer",
    "artist",
    "thanks",
    "licence",
];
/// The words `audience:` takes in StoryMeta, and what each means.
pub const AUDIENCE_WORDS: &[(&str, Audience)] = &[
    ("young people", Audience::YoungPeople),
    ("parents and carers", Audience::ParentsCarers),
    ("professionals", Audience::Professionals),
];
/// SugarCube's and Harlowe's special passages that run code or frame every page: nothing a story here can show.
const FORMAT_SPECIAL_PASSAGES: &[&str] = &[
    "StoryAuthor",
    "StoryBanner",
    "StoryCaption",
    "StoryInterface",
    "StoryMenu",
    "StoryShare",
    "StorySubtitle",
    "PassageDone",
    "PassageFooter",
    "PassageHeader",
    "PassageReady",
];

type Place = (usize, usize);
type Flags = BTreeMap<String, bool>;

/// A Twee 3 file as a story file. With `into`, an earlier version of the story in JSON: its scenes' panels,
/// teacher notes, discussion questions and endings' help and debrief are kept (matched by scene id), as are the
/// cover, teacher's guide and services; the import is refused if a scene of `into` would be lost.
pub fn import_twee(source: &str, into: Option<&StoryDoc>) -> LoadResult<StoryDoc> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (all, mut problems) = passages(source);
    let mut importer = Importer { problems: &mut problems, meta_at: None };
    let doc = importer.story(&all, into);
    Diagnostic::sort_in_file_order(&mut problems);
    match doc {
        Some(doc) if !problems.iter().any(Diagnostic::is_error) => Ok(Loaded { value: doc, warnings: problems }),
        _ => Err(problems),
    }
}

/// A scene id from a passage name: lower-case ASCII letters and digits, every other run of characters one dash,
/// at most 64 characters.
pub fn scene_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.truncate(64);
    id.trim_end_matches('-').to_owned()
}

struct Importer<'p> {
    problems: &'p mut Vec<Diagnostic>,
    /// Where `StoryMeta` starts, for the warnings about what it lacks.
    meta_at: Option<Place>,
}

/// A link as read: its words, the passage it goes to, where it is, and its flags.
struct Link {
    label: String,
    target: String,
    place: Place,
    when: Flags,
    set: Flags,
    sensitive: bool,
}

/// What a passage says, read line by line.
#[derive(Default)]
struct Read {
    title: Option<String>,
    text: Vec<String>,
    links: Vec<Link>,
    sets: Vec<(String, bool, Place)>,
}

/// An open `<<if>>` or Harlowe hook: the flags it tests.
struct Block {
    when: Flags,
    hook: bool,
    place: Place,
}

impl Importer<'_> {
    fn error(&mut self, code: &'static str, message: impl Into<String>, place: Option<Place>) {
        self.problems.push(Diagnostic::at(Severity::Error, code, message, place));
    }

    fn warning(&mut self, code: &'static str, message: impl Into<String>, place: Option<Place>) {
        self.problems.push(Diagnostic::at(Severity::Warning, code, message, place));
    }

    fn story(&mut self, all: &[Passage<'_>], into: Option<&StoryDoc>) -> Option<StoryDoc> {
        let mut title = None;
        let mut start_name = None;
        let mut meta = HashMap::new();
        let mut initial = Flags::new();
        let mut story_passages = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for passage in all {
            if let Some(first) = seen.insert(&passage.name, passage.header_line) {
                self.error(
                    "twee-duplicate-passage",
                    format!("a second passage named `{}` (the first is on line {first}); rename one", passage.name),
                    Some((passage.header_line, 1)),
                );
                continue;
            }
            let tagged = |tag: &str| passage.tags.iter().any(|t| t == tag);
            match passage.name.as_str() {
                "StoryTitle" => title = Some(text_of(passage).trim().to_owned()),
                "StoryData" => start_name = self.story_data(passage),
                META_PASSAGE => {
                    self.meta_at = Some((passage.header_line, 1));
                    meta = self.meta(passage);
                }
                "StoryInit" => initial.extend(self.init(passage)),
                _ if tagged("startup") => initial.extend(self.init(passage)),
                _ if tagged("script") || tagged("stylesheet") || tagged("widget") => {
                    if !text_of(passage).trim().is_empty() {
                        self.error(
                            "twee-script",
                            format!(
                                "passage `{}` holds code or styles, which the player never runs; remove it (pictures \
                                 and layout are added in the JSON after import)",
                                passage.name
                            ),
                            Some((passage.header_line, 1)),
                        );
                    }
                }
                name if FORMAT_SPECIAL_PASSAGES.contains(&name) => self.error(
                    "twee-special-passage",
                    format!("`{name}` is a story format's special passage, which the player does not show; remove it"),
                    Some((passage.header_line, 1)),
                ),
                _ => story_passages.push(passage),
            }
        }

        // Passage names to scene ids, each id once.
        let mut ids: HashMap<&str, String> = HashMap::new();
        let mut owner: HashMap<String, &str> = HashMap::new();
        for passage in &story_passages {
            let id = scene_id(&passage.name);
            if !is_valid_id(&id) {
                self.error(
                    "twee-passage-name",
                    format!("passage `{}` needs at least one letter or digit (a-z, 0-9) in its name", passage.name),
                    Some((passage.header_line, 1)),
                );
                continue;
            }
            if let Some(other) = owner.insert(id.clone(), &passage.name) {
                self.error(
                    "twee-same-scene-id",
                    format!(
                        "passages `{other}` and `{}` both become scene id `{id}`; rename one so they differ in letters \
                         or digits",
                        passage.name
                    ),
                    Some((passage.header_line, 1)),
                );
            }
            ids.insert(&passage.name, id);
        }

        let reads: Vec<Read> = story_passages.iter().map(|p| self.read(p)).collect();
        let start_name = start_name
            .or_else(|| ids.contains_key("Start").then(|| "Start".to_owned()))
            .or_else(|| into.and_then(|doc| owner.get(&doc.start).map(|name| (*name).to_owned())));
        let start = match start_name.as_deref().map(|name| (name, ids.get(name))) {
            Some((_, Some(id))) => id.clone(),
            Some((name, None)) => {
                self.error(
                    "twee-start",
                    format!("StoryData's `start` names `{name}`, which is not a passage"),
                    all.iter().find(|p| p.name == "StoryData").map(|p| (p.header_line, 1)),
                );
                String::new()
            }
            None => {
                self.error(
                    "twee-start",
                    "no start passage: give StoryData a \"start\", or name the first passage `Start`",
                    None,
                );
                String::new()
            }
        };

        // A passage that sets flags sets them on every choice into it; in the start passage they are where the
        // story starts.
        let mut entry_sets: HashMap<&str, Flags> = HashMap::new();
        for (passage, read) in story_passages.iter().zip(&reads) {
            let sets: Flags = read.sets.iter().map(|(flag, value, _)| (flag.clone(), *value)).collect();
            if ids.get(passage.name.as_str()) == Some(&start) {
                initial.extend(sets.clone());
            }
            if !sets.is_empty() {
                entry_sets.insert(&passage.name, sets);
            }
        }

        let mut flags = Flags::new();
        let mut scenes = Vec::new();
        for (passage, read) in story_passages.iter().zip(reads) {
            let Some(id) = ids.get(passage.name.as_str()).cloned() else { continue };
            for (flag, _, _) in &read.sets {
                flags.insert(flag.clone(), false);
            }
            let next = self.next(passage, &read, &ids, &entry_sets, &mut flags);
            let text = read.text.join("\n");
            let (text, next) = match next {
                Some(Next::Ending(mut ending)) => match read.text.iter().position(|line| is_rule(line)) {
                    Some(rule) => {
                        ending.reflection = read.text[rule + 1..].join("\n").trim().to_owned();
                        (read.text[..rule].join("\n").trim().to_owned(), Next::Ending(ending))
                    }
                    None => {
                        self.error(
                            "twee-ending-reflection",
                            format!(
                                "ending `{}` needs a line `---`: the scene's text above it, the reflection for the \
                                 reader below it",
                                passage.name
                            ),
                            Some((passage.header_line, 1)),
                        );
                        continue;
                    }
                },
                Some(next) => (text, next),
                None => continue,
            };
            let title = read.title.unwrap_or_else(|| passage.name.clone());
            scenes.push(Scene {
                id,
                title,
                panels: Vec::new(),
                text,
                teacher_notes: None,
                discussion: Vec::new(),
                next,
            });
        }
        for (flag, value) in &initial {
            flags.insert(flag.clone(), *value);
        }

        let title = title.filter(|t| !t.is_empty()).or_else(|| into.map(|doc| doc.title.clone()));
        let title = title.unwrap_or_else(|| {
            self.error(
                "twee-title",
                "no story title: add a passage `:: StoryTitle` with the title on its next line",
                None,
            );
            String::new()
        });
        // The start scene first, then the rest in the file's order (Twine writes passages in its own order).
        if let Some(at) = scenes.iter().position(|s| s.id == start) {
            let first = scenes.remove(at);
            scenes.insert(0, first);
        }
        let mut doc = self.metadata(title, start, flags, scenes, meta, into);
        if let Some(into) = into {
            self.merge(&mut doc, into)?;
        }
        Some(doc)
    }

    fn story_data(&mut self, passage: &Passage<'_>) -> Option<String> {
        match serde_json::from_str::<serde_json::Value>(&text_of(passage)) {
            Ok(data) => data.get("start").and_then(|s| s.as_str()).map(str::to_owned),
            Err(err) => {
                self.warning(
                    "twee-story-data",
                    format!("StoryData is not JSON ({err}), so it is ignored"),
                    Some((passage.header_line, 1)),
                );
                None
            }
        }
    }

    /// `StoryMeta`'s `key: value` lines, keyed by the names in [`META_KEYS`], each with its line.
    fn meta(&mut self, passage: &Passage<'_>) -> HashMap<&'static str, (String, Place)> {
        let mut found = HashMap::new();
        for &(number, line) in &passage.lines {
            if line.trim().is_empty() {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                self.error("twee-meta", "write each line of StoryMeta as `key: value`", Some((number, 1)));
                continue;
            };
            let written = key.trim().to_lowercase().replace('_', " ");
            let written = if written == "license" { "licence".to_owned() } else { written };
            match META_KEYS.iter().find(|k| **k == written) {
                Some(key) => {
                    let column = line.len() - line[key.len()..].trim_start_matches(':').trim_start().len() + 1;
                    found.insert(*key, (value.trim().to_owned(), (number, column.max(1))));
                }
                None => self.error(
                    "twee-meta",
                    format!("StoryMeta has no key `{}`; the keys are: {}", key.trim(), META_KEYS.join(", ")),
                    Some((number, 1)),
                ),
            }
        }
        found
    }

    /// `StoryInit`: only flag settings, which are where the story starts.
    fn init(&mut self, passage: &Passage<'_>) -> Flags {
        let read = self.read(passage);
        if let Some(text) = read.text.iter().find(|t| !t.trim().is_empty()) {
            self.error(
                "twee-init",
                format!("`{}` may only set flags; move `{}` into a story passage", passage.name, text.trim()),
                Some((passage.header_line, 1)),
            );
        }
        if let Some(link) = read.links.first() {
            self.error("twee-init", format!("`{}` may only set flags, not link", passage.name), Some(link.place));
        }
        read.sets.into_iter().map(|(flag, value, _)| (flag, value)).collect()
    }

    /// What comes after a passage: its links as choices or a continue, or its ending.
    fn next(
        &mut self,
        passage: &Passage<'_>,
        read: &Read,
        ids: &HashMap<&str, String>,
        entry_sets: &HashMap<&str, Flags>,
        flags: &mut Flags,
    ) -> Option<Next> {
        let at = Some((passage.header_line, 1));
        if let Some(kind) = self.ending_kind(passage) {
            if let Some(link) = read.links.first() {
                self.error(
                    "twee-ending-link",
                    format!(
                        "ending `{}` has a link; an ending is where a path stops, so remove the link or the tag",
                        passage.name
                    ),
                    Some(link.place),
                );
                return None;
            }
            return Some(Next::Ending(Ending { kind, reflection: String::new(), debrief: None, help: Vec::new() }));
        }
        if read.links.is_empty() {
            self.error(
                "twee-dead-end",
                format!(
                    "passage `{}` has no links and is not an ending; add a link, or tag it ending-positive, \
                     ending-mixed or ending-concerning",
                    passage.name
                ),
                at,
            );
            return None;
        }
        let mut choices = Vec::new();
        for link in &read.links {
            let Some(to) = ids.get(link.target.as_str()) else {
                let hint = Suggestions::new(ids.keys().copied()).hint(&link.target);
                self.error(
                    "twee-unknown-passage",
                    format!("no passage is named `{}`{hint}", link.target),
                    Some(link.place),
                );
                continue;
            };
            let mut set = link.set.clone();
            for (flag, value) in entry_sets.get(link.target.as_str()).into_iter().flatten() {
                if set.insert(flag.clone(), *value).is_some_and(|was| was != *value) {
                    self.error(
                        "twee-flag-conflict",
                        format!("this link sets `${flag}` one way and passage `{}` the other", link.target),
                        Some(link.place),
                    );
                }
            }
            for flag in link.when.keys().chain(set.keys()) {
                flags.entry(flag.clone()).or_insert(false);
            }
            choices.push(Choice {
                label: link.label.clone(),
                to: to.clone(),
                when: link.when.clone(),
                set,
                sensitive: link.sensitive,
            });
        }
        if choices.len() != read.links.len() {
            return None;
        }
        let only = &read.links[0];
        let plain =
            choices.len() == 1 && choices[0].when.is_empty() && choices[0].set.is_empty() && !choices[0].sensitive;
        if plain && (only.label == only.target || only.label.eq_ignore_ascii_case("continue")) {
            return Some(Next::Continue(choices.remove(0).to));
        }
        Some(Next::Choices(choices))
    }

    fn ending_kind(&mut self, passage: &Passage<'_>) -> Option<EndingKind> {
        let kind_of = |word: &str| match word {
            "positive" => Some(EndingKind::Positive),
            "mixed" => Some(EndingKind::Mixed),
            "concerning" => Some(EndingKind::Concerning),
            _ => None,
        };
        let tags = &passage.tags;
        if let Some(kind) = tags.iter().find_map(|t| t.strip_prefix("ending-").and_then(kind_of)) {
            return Some(kind);
        }
        if tags.iter().any(|t| t == "ending") {
            let kind = tags.iter().find_map(|t| kind_of(t));
            if kind.is_none() {
                self.error(
                    "twee-ending-kind",
                    format!(
                        "ending `{}` needs its kind: tag it ending-positive, ending-mixed or ending-concerning",
                        passage.name
                    ),
                    Some((passage.header_line, 1)),
                );
            }
            return kind;
        }
        None
    }

    /// Reads a passage's lines: its text, its links with their flags, and the flags it sets.
    fn read(&mut self, passage: &Passage<'_>) -> Read {
        let mut read = Read::default();
        let mut blocks: Vec<Block> = Vec::new();
        let mut text: Vec<String> = Vec::new();
        for &(number, raw) in &passage.lines {
            // Twine writes a line that starts with `::` in passage text as `\:\:` (others as `\::`).
            let unescaped;
            let line = if let Some(rest) = raw.strip_prefix("\\:\\:").or_else(|| raw.strip_prefix("\\::")) {
                unescaped = format!("::{rest}");
                unescaped.as_str()
            } else {
                raw
            };
            let links_before = read.links.len();
            let (left, markup) = self.scan_line(line, number, &mut blocks, &mut read);
            let left_trimmed = left.trim();
            if read.links.len() > links_before {
                if !left_trimmed.trim_matches(|c: char| c.is_whitespace() || "*-•".contains(c)).is_empty() {
                    self.error(
                        "twee-link-in-text",
                        "put each link on a line of its own: choices are shown as buttons after the scene's text",
                        Some(read.links[links_before].place),
                    );
                }
            } else if !left_trimmed.is_empty() {
                if !blocks.is_empty() {
                    // scan_line has reported the words already.
                } else if text.iter().all(|t| t.trim().is_empty())
                    && read.title.is_none()
                    && let Some(heading) = left_trimmed.strip_prefix("# ")
                {
                    read.title = Some(heading.trim().to_owned());
                } else {
                    text.push(left.trim_end().to_owned());
                }
            } else if !markup {
                text.push(String::new());
            }
        }
        for block in blocks {
            let what = if block.hook {
                "the hook `[` opened here is never closed with `]`"
            } else {
                "`<<if>>` is never closed with `<</if>>`"
            };
            self.error("twee-unclosed", what, Some(block.place));
        }
        // Paragraphs: one blank line between them, none at either end.
        for line in text {
            let blank = line.trim().is_empty();
            if blank && read.text.last().is_none_or(|l: &String| l.is_empty()) {
                continue;
            }
            read.text.push(if blank { String::new() } else { line });
        }
        while read.text.last().is_some_and(String::is_empty) {
            read.text.pop();
        }
        read
    }

    /// Scans one line, taking out its links and macros. Returns the text left, and whether any markup was taken.
    fn scan_line(&mut self, line: &str, number: usize, blocks: &mut Vec<Block>, read: &mut Read) -> (String, bool) {
        let chars: Vec<char> = line.chars().collect();
        let mut left = String::new();
        let mut markup = false;
        let mut sensitive_pending = false;
        let mut conditional_text_found = false;
        let mut formatting_found = false;
        let links_before = read.links.len();
        let mut i = 0;
        while i < chars.len() {
            let place = (number, i + 1);
            let c = chars[i];
            if starts(&chars, i, "[[") {
                markup = true;
                let Some(end) = find(&chars, i + 2, "]]") else {
                    self.error("twee-link", "a link `[[` is never closed with `]]` on its line", Some(place));
                    return (left, markup);
                };
                let inner: String = chars[i + 2..end].iter().collect();
                let (body, setter) = match inner.split_once("][") {
                    Some((body, setter)) => (body.to_owned(), Some(setter.to_owned())),
                    None => (inner, None),
                };
                let (label, target) = link_parts(&body);
                let mut set = Flags::new();
                if let Some(setter) = setter {
                    match assignments(&setter) {
                        Ok(found) => set.extend(found),
                        Err(message) => self.error("twee-flag", message, Some(place)),
                    }
                }
                if label.is_empty() || target.is_empty() {
                    self.error("twee-link", "a link needs words and a passage to go to", Some(place));
                }
                let when = blocks.iter().flat_map(|b| b.when.clone()).collect();
                read.links.push(Link { label, target, place, when, set, sensitive: sensitive_pending });
                sensitive_pending = false;
                i = end + 2;
            } else if starts(&chars, i, "<<") {
                markup = true;
                let Some(end) = find(&chars, i + 2, ">>") else {
                    self.error("twee-macro", "a macro `<<` is never closed with `>>` on its line", Some(place));
                    return (left, markup);
                };
                let inner: String = chars[i + 2..end].iter().collect();
                self.sugarcube_macro(inner.trim(), place, blocks, read);
                i = end + 2;
            } else if let Some(name) = harlowe_macro_name(&chars, i) {
                markup = true;
                let Some(end) = closing_paren(&chars, i) else {
                    self.error("twee-macro", format!("the macro `({name}:` is never closed with `)`"), Some(place));
                    return (left, markup);
                };
                let args: String = chars[i + name.chars().count() + 2..end].iter().collect();
                i = end + 1;
                match name.as_str() {
                    "set" => self.set_in_passage(&args, place, blocks, read),
                    "if" | "unless" => {
                        let when = condition(&args).and_then(|when| {
                            if name == "unless" { negated(&when) } else { Ok(when) }
                        });
                        let when = when.unwrap_or_else(|message| {
                            self.error("twee-condition", message, Some(place));
                            Flags::new()
                        });
                        while chars.get(i) == Some(&' ') {
                            i += 1;
                        }
                        if chars.get(i) == Some(&'[') {
                            blocks.push(Block { when, hook: true, place });
                            i += 1;
                        } else {
                            self.error(
                                "twee-condition",
                                format!("`({name}:)` must be followed by a hook `[ ... ]` holding the links it shows"),
                                Some(place),
                            );
                        }
                    }
                    _ => self.error(
                        "twee-unsupported-macro",
                        format!("the macro `({name}:)` is not supported; only (set:), (if:) and (unless:) with true or false flags are"),
                        Some(place),
                    ),
                }
            } else if c == ']' && blocks.last().is_some_and(|b| b.hook) {
                markup = true;
                blocks.pop();
                i += 1;
            } else if starts(&chars, i, "/*") {
                markup = true;
                let Some(end) = find(&chars, i + 2, "*/") else {
                    self.error("twee-comment", "a comment `/*` is never closed with `*/` on its line", Some(place));
                    return (left, markup);
                };
                let inner: String = chars[i + 2..end].iter().collect();
                if inner.trim().eq_ignore_ascii_case("sensitive") {
                    match read.links.len() > links_before {
                        true => read.links.last_mut().into_iter().for_each(|link| link.sensitive = true),
                        false => sensitive_pending = true,
                    }
                } else {
                    self.error(
                        "twee-comment",
                        "comments are not kept in the story; put notes for teachers in the JSON's `teacher_notes` \
                         after importing (only `/* sensitive */` beside a link is understood)",
                        Some(place),
                    );
                }
                i = end + 2;
            } else if c == '<' && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!') {
                self.error(
                    "twee-html",
                    "HTML is not supported in story text; write plain words (`*word*` for emphasis)",
                    Some(place),
                );
                markup = true;
                i = find(&chars, i, ">").map_or(chars.len(), |end| end + 1);
            } else if starts(&chars, i, "/%") || starts(&chars, i, "[img[") {
                self.error("twee-markup", "this markup is not supported; write plain words", Some(place));
                return (left, true);
            } else if c == '$' && chars.get(i + 1).is_some_and(|n| n.is_alphabetic() || *n == '_') {
                self.error(
                    "twee-variable",
                    "a variable shown in the text is not supported: flags can only choose which links are offered",
                    Some(place),
                );
                markup = true;
                i += 1;
                while chars.get(i).is_some_and(|n| n.is_alphanumeric() || *n == '_') {
                    i += 1;
                }
            } else {
                let twine_formatting =
                    (starts(&chars, i, "//") && (i == 0 || chars[i - 1] != ':')) || starts(&chars, i, "''");
                if twine_formatting && !formatting_found {
                    self.warning(
                        "twee-formatting",
                        "Twine's `//italic//` and `''bold''` are shown as they are written; use `*words*` for emphasis",
                        Some(place),
                    );
                    formatting_found = true;
                }
                if !c.is_whitespace()
                    && !conditional_text_found
                    && let Some(block) = blocks.last()
                {
                    let opened = block.place;
                    self.error(
                        "twee-conditional-text",
                        format!(
                            "only links can depend on a flag; move the words out of the `if` opened at column {}",
                            opened.1
                        ),
                        Some(place),
                    );
                    conditional_text_found = true;
                }
                left.push(c);
                i += 1;
            }
        }
        if sensitive_pending {
            self.error(
                "twee-comment",
                "`/* sensitive */` must be on the same line as the link it marks",
                Some((number, 1)),
            );
        }
        (left, markup)
    }

    fn sugarcube_macro(&mut self, inner: &str, place: Place, blocks: &mut Vec<Block>, read: &mut Read) {
        let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        match name {
            "set" => self.set_in_passage(args, place, blocks, read),
            "if" => {
                let when = condition(args).unwrap_or_else(|message| {
                    self.error("twee-condition", message, Some(place));
                    Flags::new()
                });
                blocks.push(Block { when, hook: false, place });
            }
            "else" if !args.trim().is_empty() => self.error(
                "twee-unsupported-macro",
                "`<<else if>>` is not supported; write a separate `<<if>>` around each link",
                Some(place),
            ),
            "else" => match blocks.last_mut().filter(|b| !b.hook) {
                Some(block) => match negated(&block.when) {
                    Ok(when) => block.when = when,
                    Err(message) => self.error("twee-condition", message, Some(place)),
                },
                None => self.error("twee-macro", "`<<else>>` outside an `<<if>>`", Some(place)),
            },
            "/if" | "endif" => {
                if blocks.last().is_some_and(|b| !b.hook) {
                    blocks.pop();
                } else {
                    self.error("twee-macro", "`<</if>>` without an `<<if>>` to close", Some(place));
                }
            }
            _ => self.error(
                "twee-unsupported-macro",
                format!(
                    "the macro `<<{name}>>` is not supported; only <<set>>, <<if>>, <<else>> and <</if>> with true or \
                     false flags are"
                ),
                Some(place),
            ),
        }
    }

    fn set_in_passage(&mut self, args: &str, place: Place, blocks: &[Block], read: &mut Read) {
        if !blocks.is_empty() {
            self.error(
                "twee-conditional-set",
                "a flag set inside an `if` is not supported; set it on a link instead: `[[words|passage][$flag to true]]`",
                Some(place),
            );
            return;
        }
        match assignments(args) {
            Ok(found) => read.sets.extend(found.into_iter().map(|(flag, value)| (flag, value, place))),
            Err(message) => self.error("twee-flag", message, Some(place)),
        }
    }

    /// The story's fields from `StoryMeta`, or from `into`, or a default with a warning.
    fn metadata(
        &mut self,
        title: String,
        start: String,
        flags: Flags,
        scenes: Vec<Scene>,
        mut meta: HashMap<&'static str, (String, Place)>,
        into: Option<&StoryDoc>,
    ) -> StoryDoc {
        let mut take = |key: &str| meta.remove(key);
        let (id, summary, language, age, audience, content_note, minutes, topics, writer, artist, thanks, licence) = (
            take("id"),
            take("summary"),
            take("language"),
            take("age"),
            take("audience"),
            take("content note"),
            take("minutes"),
            take("topics"),
            take("writer"),
            take("artist"),
            take("thanks"),
            take("licence"),
        );
        // What StoryMeta lacks is one warning: the keys left empty (which `storycheck check` refuses) and the
        // defaults taken.
        let mut empty: Vec<&str> = Vec::new();
        let mut defaulted: Vec<String> = Vec::new();
        let mut text =
            |given: Option<(String, Place)>, old: Option<&str>, key: &'static str, default: &str| match (given, old) {
                (Some((value, _)), _) => value,
                (None, Some(old)) => old.to_owned(),
                (None, None) => {
                    if default.is_empty() {
                        empty.push(key);
                    } else {
                        defaulted.push(format!("{key}: {default}"));
                    }
                    default.to_owned()
                }
            };
        let id = text(id, into.map(|d| d.id.as_str()), "id", &scene_id(&title));
        let summary = text(summary, into.map(|d| d.summary.as_str()), "summary", "");
        let language = text(language, into.map(|d| d.language.as_str()), "language", "en-GB");
        let content_note = text(content_note, into.map(|d| d.content_note.as_str()), "content note", "");
        let writer = text(writer, into.map(|d| d.credits.writer.as_str()), "writer", "");
        let artist = text(artist, into.map(|d| d.credits.artist.as_str()), "artist", "");
        let age = match age {
            Some((value, place)) => parse_age(&value).unwrap_or_else(|| {
                self.error("twee-meta", "write the age as two numbers, e.g. `age: 11-14`", Some(place));
                AgeRange { min: 11, max: 14 }
            }),
            None => into.map(|d| d.age).unwrap_or_else(|| {
                defaulted.push("age: 11-14".to_owned());
                AgeRange { min: 11, max: 14 }
            }),
        };
        let minutes = match minutes {
            Some((value, place)) => value.parse().unwrap_or_else(|_| {
                self.error("twee-meta", "write the minutes as a whole number, e.g. `minutes: 8`", Some(place));
                1
            }),
            None => into.map(|d| d.minutes).unwrap_or_else(|| {
                defaulted.push("minutes: 5".to_owned());
                5
            }),
        };
        if !empty.is_empty() || !defaulted.is_empty() {
            let mut message = String::from("StoryMeta does not say everything a story needs:");
            if !empty.is_empty() {
                message += &format!(" `{}` are left empty, which `storycheck check` refuses;", empty.join("`, `"));
            }
            if !defaulted.is_empty() {
                message += &format!(" these are guessed: `{}`;", defaulted.join("`, `"));
            }
            message += " add a line `key: value` for each to the StoryMeta passage";
            self.warning("twee-meta-missing", message, self.meta_at);
        }
        let audience = match audience {
            Some((value, place)) => {
                let words = value.trim().to_lowercase();
                AUDIENCE_WORDS.iter().find(|(w, _)| *w == words).map(|(_, a)| *a).unwrap_or_else(|| {
                    let known: Vec<&str> = AUDIENCE_WORDS.iter().map(|(w, _)| *w).collect();
                    self.error(
                        "twee-meta",
                        format!("write the audience as one of `{}`", known.join("`, `")),
                        Some(place),
                    );
                    Audience::YoungPeople
                })
            }
            None => into.map(|d| d.audience).unwrap_or_default(),
        };
        let topics = match topics {
            Some((value, _)) => value.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect(),
            None => into.map(|d| d.topics.clone()).unwrap_or_default(),
        };
        let optional = |given: Option<(String, Place)>, old: Option<&Option<String>>| match given {
            Some((value, _)) => Some(value).filter(|v| !v.is_empty()),
            None => old.cloned().flatten(),
        };
        let thanks = optional(thanks, into.map(|d| &d.credits.thanks));
        let licence = optional(licence, into.map(|d| &d.credits.licence));
        StoryDoc {
            // A new story points at the schema beside the shipped ones; a merged one keeps what it had.
            schema: into.map_or_else(|| Some("schema/story-v1.schema.json".to_owned()), |d| d.schema.clone()),
            format: FORMAT_VERSION,
            id,
            title,
            summary,
            language,
            age,
            audience,
            content_note,
            minutes,
            topics,
            credits: Credits { writer, artist, thanks, licence },
            cover: into.and_then(|d| d.cover.clone()),
            start,
            teacher: into.and_then(|d| d.teacher.clone()),
            flags,
            services: into.map(|d| d.services.clone()).unwrap_or_default(),
            scenes,
        }
    }

    /// Keeps what only the JSON has (panels, teacher notes, discussion, an ending's debrief and help), scene by
    /// scene; refuses, with every scene it would lose, when a scene of `into` has no passage any more.
    fn merge(&mut self, doc: &mut StoryDoc, into: &StoryDoc) -> Option<()> {
        let new_ids: Vec<&str> =
            doc.scenes.iter().map(|s| s.id.as_str()).filter(|id| !into.scenes.iter().any(|o| o.id == *id)).collect();
        let mut suggestions = Suggestions::new(new_ids.iter().copied());
        let lost_ids: Vec<&str> =
            into.scenes.iter().map(|s| s.id.as_str()).filter(|id| !doc.scenes.iter().any(|s| s.id == *id)).collect();
        let mut lost = false;
        for old in into.scenes.iter().filter(|s| lost_ids.contains(&s.id.as_str())) {
            {
                // One scene gone and one new is a rename, however different the names; otherwise a near miss is.
                let hint = match (lost_ids.as_slice(), new_ids.as_slice()) {
                    ([_], [new]) => format!("; was it renamed to `{new}`?"),
                    _ => suggestions.hint(&old.id).replace("did you mean", "was it renamed to"),
                };
                self.error(
                    "twee-into-lost-scene",
                    format!(
                        "scene `{}` of the JSON has no passage any more, so its panels and notes would be lost{hint}; \
                         name a passage so it becomes `{}` again, or delete the scene from the JSON first",
                        old.id, old.id
                    ),
                    None,
                );
                lost = true;
            }
        }
        if lost {
            return None;
        }
        // The JSON's scenes stay in its order, so a second import changes only what changed; new ones follow.
        doc.scenes.sort_by_key(|scene| into.scenes.iter().position(|o| o.id == scene.id).unwrap_or(usize::MAX));
        for scene in &mut doc.scenes {
            let Some(old) = into.scenes.iter().find(|o| o.id == scene.id) else { continue };
            scene.panels = old.panels.clone();
            scene.teacher_notes = old.teacher_notes.clone();
            scene.discussion = old.discussion.clone();
            if let (Next::Ending(new), Next::Ending(old)) = (&mut scene.next, &old.next) {
                new.debrief = old.debrief.clone();
                new.help = old.help.clone();
            }
            // A choice's sensitivity is kept too when the Twee does not say, matched by where it leads.
            if let (Next::Choices(new), Next::Choices(old)) = (&mut scene.next, &old.next) {
                for choice in new.iter_mut() {
                    if old.iter().any(|o| o.to == choice.to && o.label == choice.label && o.sensitive) {
                        choice.sensitive = true;
                    }
                }
            }
        }
        Some(())
    }
}

/// A passage's content as one string, for the passages that hold data.
fn text_of(passage: &Passage<'_>) -> String {
    passage.lines.iter().map(|(_, line)| *line).collect::<Vec<_>>().join("\n")
}

fn starts(chars: &[char], at: usize, pattern: &str) -> bool {
    pattern.chars().enumerate().all(|(k, p)| chars.get(at + k) == Some(&p))
}

fn find(chars: &[char], from: usize, pattern: &str) -> Option<usize> {
    (from..chars.len()).find(|&at| starts(chars, at, pattern))
}

/// The name of a Harlowe macro starting at `at` (`(name:`), if one does.
fn harlowe_macro_name(chars: &[char], at: usize) -> Option<String> {
    if chars.get(at) != Some(&'(') {
        return None;
    }
    let name: String =
        chars[at + 1..].iter().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || **c == '-').collect();
    (!name.is_empty() && chars.get(at + 1 + name.chars().count()) == Some(&':')).then_some(name)
}

/// The `)` that closes the `(` at `at`, skipping nested parentheses and quoted strings.
fn closing_paren(chars: &[char], at: usize) -> Option<usize> {
    let mut depth = 0;
    let mut quote = None;
    for (k, &c) in chars.iter().enumerate().skip(at) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// A link's words and target, as Twine 2 reads them: `label|target`, `label->target`, `target<-label`, or the
/// target alone.
fn link_parts(body: &str) -> (String, String) {
    let (label, target) = if let Some((label, target)) = body.rsplit_once('|') {
        (label, target)
    } else if let Some((label, target)) = body.rsplit_once("->") {
        (label, target)
    } else if let Some((target, label)) = body.split_once("<-") {
        (label, target)
    } else {
        (body, body)
    };
    (label.trim().to_owned(), target.trim().to_owned())
}

/// A flag name from `$name`, or what to write instead.
fn flag_name(written: &str) -> Result<String, String> {
    let Some(name) = written.trim().strip_prefix('$') else {
        return Err(format!("`{}` is not a flag; flags are written `$name`", written.trim()));
    };
    if is_valid_flag(name) {
        return Ok(name.to_owned());
    }
    let mut suggested = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() && !suggested.is_empty() {
            suggested.push('_');
        }
        suggested.push(c.to_ascii_lowercase());
    }
    Err(format!(
        "flag `${name}` may only use lower case letters, digits and `_`{}",
        if is_valid_flag(&suggested) { format!("; call it `${suggested}`") } else { String::new() }
    ))
}

/// `$x to true, $y to false` (or `=`), as SugarCube's `<<set>>` and Harlowe's `(set:)` write them.
fn assignments(text: &str) -> Result<Flags, String> {
    let mut found = Flags::new();
    for part in text.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        let (flag, value) = part
            .split_once(" to ")
            .or_else(|| part.split_once('='))
            .ok_or_else(|| format!("`{part}` is not a flag setting; write `$flag to true` or `$flag to false`"))?;
        let value = match value.trim() {
            "true" => true,
            "false" => false,
            other => return Err(format!("flags can only be true or false, not `{other}`")),
        };
        found.insert(flag_name(flag)?, value);
    }
    if found.is_empty() {
        return Err("set which flag? write `$flag to true` or `$flag to false`".to_owned());
    }
    Ok(found)
}

/// `$x`, `not $x`, `!$x`, `$x is true`, `$x is false` (or `==`, `eq`), joined by `and` or `&&`.
fn condition(text: &str) -> Result<Flags, String> {
    let mut when = Flags::new();
    for term in text.split(" and ").flat_map(|t| t.split("&&")).map(str::trim) {
        let (negate, term) = match term.strip_prefix("not ").or_else(|| term.strip_prefix('!')) {
            Some(rest) => (true, rest.trim()),
            None => (false, term),
        };
        let words: Vec<&str> = term.split_whitespace().collect();
        let value = match words.as_slice() {
            [_] => true,
            [_, "is" | "==" | "===" | "eq", "true"] => true,
            [_, "is" | "==" | "===" | "eq", "false"] => false,
            _ => {
                return Err(format!(
                    "the condition `{}` is not supported; test a flag with `$flag`, `not $flag`, joined by `and`",
                    text.trim()
                ));
            }
        };
        when.insert(flag_name(words[0])?, value != negate);
    }
    Ok(when)
}

/// The `else` of a condition on one flag.
fn negated(when: &Flags) -> Result<Flags, String> {
    match when.iter().next() {
        Some((flag, value)) if when.len() == 1 => Ok(Flags::from([(flag.clone(), !value)])),
        _ => Err("an `else` (or `unless`) is supported only for a condition on one flag".to_owned()),
    }
}

fn parse_age(text: &str) -> Option<AgeRange> {
    let numbers: Vec<u8> =
        text.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).filter_map(|n| n.parse().ok()).collect();
    match numbers.as_slice() {
        [min, max] if min <= max => Some(AgeRange { min: *min, max: *max }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passage_names_become_lower_case_dashed_ids() {
        assert_eq!(scene_id("Tell Mum"), "tell-mum");
        assert_eq!(scene_id("  What's next?! "), "what-s-next");
        assert_eq!(scene_id("Ending: Safe_2"), "ending-safe-2");
    }

    #[test]
    fn links_are_read_in_every_twine_shape() {
        assert_eq!(link_parts("Go on->Next"), ("Go on".to_owned(), "Next".to_owned()));
        assert_eq!(link_parts("Next<-Go on"), ("Go on".to_owned(), "Next".to_owned()));
        assert_eq!(link_parts("Go on|Next"), ("Go on".to_owned(), "Next".to_owned()));
        assert_eq!(link_parts("Next"), ("Next".to_owned(), "Next".to_owned()));
    }

    #[test]
    fn conditions_and_settings_read_only_true_or_false_flags() {
        assert_eq!(condition("$a and not $b").unwrap(), Flags::from([("a".into(), true), ("b".into(), false)]));
        assert_eq!(condition("$a is false").unwrap(), Flags::from([("a".into(), false)]));
        assert!(condition("$a > 2").is_err());
        assert_eq!(assignments("$a to true, $b to false").unwrap().len(), 2);
        assert!(assignments("$count to 3").unwrap_err().contains("true or false"));
        assert!(flag_name("$askedJordan").unwrap_err().contains("$asked_jordan"));
    }
}
