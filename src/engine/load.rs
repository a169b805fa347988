//! The loaders: JSON text in, and out either the value with its warnings ([`Loaded`]) or every problem found at
//! once. The same shape for each file the player and storycheck read: a story, the help directory, a site's
//! config and the library index. Each parses with serde, then runs the checks of `check/` and places every
//! problem at its line and column.

use super::check;
use super::diagnostics::{Diagnostic, JsonPath, LoadResult, Loaded};
use super::format::{FORMAT_VERSION, StoryDoc};
use super::help::{HELP_FORMAT_VERSION, HelpDirectory};
use super::json_object::json_object;
use super::library::LibraryIndex;
use super::site::{SITE_FORMAT_VERSION, SiteConfig};
use super::story::Story;
use super::translation::{TRANSLATION_FORMAT_VERSION, Translation};

struct FormatProbe {
    format: Option<u64>,
}

// Only `format` is read; every other key is read past (see json_object.rs).
json_object!(FormatProbe, others ignored { format: "format" default });

/// The text with a byte order mark at its start removed. Browsers drop it when they read a download as text
/// (`Response.text()`), so the player never sees one; the engine drops it too, so that storycheck judges a file as
/// the player reads it (and warns about the mark, which other JSON tools refuse).
pub fn without_byte_order_mark(source: &str) -> &str {
    // The mark is the three bytes EF BB BF, so the rest starts on a character boundary.
    if source.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]) { &source[3..] } else { source }
}

/// Reads `source` with serde, a syntax or shape error becoming the one problem reported.
fn parse<T: serde::de::DeserializeOwned>(source: &str) -> Result<T, Vec<Diagnostic>> {
    serde_json::from_str(source).map_err(|err| vec![Diagnostic::from_serde(&err, source)])
}

/// Places every problem in `source` and puts them in file order.
fn placed(mut found: Vec<Diagnostic>, source: &str) -> Vec<Diagnostic> {
    Diagnostic::locate_all(&mut found, source);
    Diagnostic::sort_in_file_order(&mut found);
    found
}

/// Reads a story file's text as its format's types, every problem placed in `source`.
fn parse_story(source: &str) -> Result<StoryDoc, Vec<Diagnostic>> {
    // The version is read first so that a file from a future format gets one clear message instead of a list
    // of unknown fields.
    let probe: FormatProbe = parse(source)?;
    match probe.format {
        Some(version) if version == u64::from(FORMAT_VERSION) => {}
        Some(other) => {
            return Err(vec![
                Diagnostic::error(
                    "unsupported-format",
                    format!(
                        "story format {other} is not supported; this version of the player reads format \
                         {FORMAT_VERSION}"
                    ),
                    JsonPath::root().key("format"),
                )
                .located(source),
            ]);
        }
        None => {
            return Err(vec![Diagnostic::error(
                "unsupported-format",
                format!("add `\"format\": {FORMAT_VERSION}` at the top of the story"),
                JsonPath::root(),
            )]);
        }
    }
    parse(source)
}

impl Story {
    /// Parses and checks a story file. `help` is the standard help directory that endings may name.
    pub fn from_json(source: &str, help: &HelpDirectory) -> LoadResult<Story> {
        let source = without_byte_order_mark(source);
        let doc = parse_story(source)?;
        match check::story(doc, help) {
            Ok(Loaded { value, warnings }) => Ok(Loaded { value, warnings: placed(warnings, source) }),
            Err(problems) => Err(placed(problems, source)),
        }
    }

    /// The story in `source` (the English file's text) in the language of `translation`, checked as a story. The
    /// player's way to a translated story: it reads the English file again rather than copy a `Story`, so its
    /// download carries no copy of every story type. Problems in the English are placed in `source`; problems of
    /// the translation carry their path in the translation file, unplaced (the player words them itself).
    pub fn from_json_translated(source: &str, translation: &Translation, help: &HelpDirectory) -> LoadResult<Story> {
        let source = without_byte_order_mark(source);
        let doc = translation.translate_doc(parse_story(source)?)?;
        check::story(doc, help).map(|loaded| Loaded { value: loaded.value, warnings: Vec::new() })
    }

    /// Everything `storycheck` reports about a story file, in file order: what [`Story::from_json`] finds, and
    /// characters that hide or rewrite text in any of its strings (`check/hidden.rs`), and the comic strips' rules
    /// (`check/comic.rs`). The player calls `from_json` alone: it shows text as text and draws what it is given, and
    /// its download stays smaller without these.
    pub fn check(source: &str, help: &HelpDirectory) -> (Option<Story>, Vec<Diagnostic>) {
        let (story, mut found) = match Story::from_json(source, help) {
            Ok(Loaded { value, warnings }) => (Some(value), warnings),
            Err(problems) => (None, problems),
        };
        // Every page is a file the site writes (see `pages.rs`). The player itself reads a story of any size (the
        // benchmark's has 5,000 scenes), so only storycheck and the prerender hold a story to the limit.
        let story = match story.as_ref().map(Story::pages) {
            Some(Err(too_many)) => {
                let error = Diagnostic::error("too-many-pages", too_many.to_string(), JsonPath::root().key("flags"));
                found.push(error.located(source));
                Diagnostic::sort_in_file_order(&mut found);
                None
            }
            _ => story,
        };
        // The comic strips' rules are storycheck's alone (see `check/comic.rs`). They read the file as written, so
        // they are reported with every other problem even when the story does not load for another reason.
        let text = without_byte_order_mark(source);
        let story = match serde_json::from_str::<StoryDoc>(text) {
            Ok(doc) if doc.format == FORMAT_VERSION => {
                let mut comic = Vec::new();
                check::comic::check_comic(&doc, &mut comic);
                Diagnostic::locate_all(&mut comic, text);
                let refused = comic.iter().any(Diagnostic::is_error);
                found.extend(comic);
                Diagnostic::sort_in_file_order(&mut found);
                story.filter(|_| !refused)
            }
            _ => story,
        };
        // The scan reads the text as JSON; after a syntax error it could only stop where serde_json already did.
        if !found.iter().any(|d| d.code == "json-syntax") {
            found.extend(check::hidden::hidden_characters(source));
            Diagnostic::sort_in_file_order(&mut found);
        }
        (story, found)
    }
}

impl HelpDirectory {
    /// Reads and checks a help directory file, returning every problem at once.
    pub fn from_json(source: &str) -> LoadResult<HelpDirectory> {
        let directory: HelpDirectory = parse(source)?;
        let mut problems = Vec::new();
        if directory.format != HELP_FORMAT_VERSION {
            problems.push(Diagnostic::error(
                "unsupported-format",
                format!(
                    "help file format {} is not supported; this version reads format {HELP_FORMAT_VERSION}",
                    directory.format
                ),
                JsonPath::root().key("format"),
            ));
        }
        check::help::check_directory(&directory, &mut problems);
        let mut problems: Vec<Diagnostic> = problems.into_iter().map(|d| d.located(source)).collect();
        Diagnostic::sort_in_file_order(&mut problems);
        if problems.iter().any(Diagnostic::is_error) {
            Err(problems)
        } else {
            Ok(Loaded { value: directory, warnings: problems })
        }
    }
}

impl Translation {
    /// Reads a translation file: the translation, or every problem with its line and column. Whether it fits its
    /// story is for [`Translation::apply`] (the player) and [`check_translation`] (storycheck).
    pub fn from_json(source: &str) -> LoadResult<Translation> {
        let source = without_byte_order_mark(source);
        let translation: Translation =
            serde_json::from_str(source).map_err(|err| vec![Diagnostic::from_serde(&err, source)])?;
        if translation.format != TRANSLATION_FORMAT_VERSION {
            return Err(vec![
                Diagnostic::error(
                    "unsupported-format",
                    format!(
                        "translation format {} is not supported; this version reads format \
                         {TRANSLATION_FORMAT_VERSION}",
                        translation.format
                    ),
                    JsonPath::root().key("format"),
                )
                .located(source),
            ]);
        }
        Ok(Loaded { value: translation, warnings: Vec::new() })
    }
}

impl HelpDirectory {
    /// The help file in `source` in the language of `translation` (`stories/help/services-uk.LANG.json`), held to
    /// every check the help file is. Problems of the translation carry their path in it, unplaced.
    pub fn from_json_translated(source: &str, translation: &Translation) -> LoadResult<HelpDirectory> {
        let english = HelpDirectory::from_json(source)?.value;
        let translated = translation.translate_help(english)?;
        let mut problems = Vec::new();
        check::help::check_directory(&translated, &mut problems);
        if problems.iter().any(Diagnostic::is_error) {
            Err(problems)
        } else {
            Ok(Loaded { value: translated, warnings: Vec::new() })
        }
    }
}

impl SiteConfig {
    /// Reads a config. Problems that only affect one setting drop that setting (a warning, with the reason);
    /// a config that cannot be read at all is an error and the player keeps its defaults.
    pub fn from_json(source: &str, help: &HelpDirectory) -> LoadResult<SiteConfig> {
        let mut config: SiteConfig = parse(source)?;
        if config.format != SITE_FORMAT_VERSION {
            return Err(vec![
                Diagnostic::error(
                    "unsupported-format",
                    format!("site config format {} is not supported; this player reads format 1", config.format),
                    JsonPath::root().key("format"),
                )
                .located(source),
            ]);
        }
        let notes = check::site::drop_unsafe_settings(&mut config, help);
        Ok(Loaded { value: config, warnings: notes.into_iter().map(|d| d.located(source)).collect() })
    }
}

impl LibraryIndex {
    /// Reads the library index that `storycheck index` writes. Its stories are checked when each is loaded.
    pub fn from_json(source: &str) -> LoadResult<LibraryIndex> {
        Ok(Loaded { value: parse(source)?, warnings: Vec::new() })
    }
}
