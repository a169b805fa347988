//! gettext PO files, the format Poedit, Weblate and most volunteer translators work in: `storycheck po export`
//! writes one entry per text of a story (`msgctxt` its place, `msgid` the English, `msgstr` the translation so
//! far), and `storycheck po import` reads the translated file back into `stories/ID.LANG.json`. Native only.
//!
//! Written by hand rather than with a PO crate. The one on crates.io (`polib` 0.3) reports a parse error without
//! its line, so a translator could not be told where to look, and panics on a line that is a lone `"` (it slices
//! the quotes off without checking the length); a PO file comes from outside the project and must never stop
//! storycheck with a panic. The part of the format stories need is small: comments, `#, fuzzy`, `msgctxt`,
//! `msgid`, `msgstr` and their quoted strings (plural entries are refused: no story text has plural forms). A
//! test runs gettext's own `msgfmt --check` over what export writes.

use super::diagnostics::{Diagnostic, LoadResult, Loaded, Severity};
use super::format::BubbleKind;
use super::help::HelpDirectory;
use super::story::Story;
use super::translation::{
    TextSpot, TranslatedText, Translation, TranslationCredits, TranslationStatus, fingerprint, help_texts, story_texts,
};

/// The `Plural-Forms` header for languages whose rule is known (gettext's and CLDR's): Welsh has six forms. Story
/// texts have no plurals, but a PO editor shows the right plural fields only with the header, and msgfmt checks it.
fn plural_forms(language: &str) -> Option<&'static str> {
    match language.split('-').next().unwrap_or(language) {
        "cy" => Some("nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;"),
        "en" | "de" | "nl" | "it" | "es" | "sv" | "da" | "nb" => Some("nplurals=2; plural=(n != 1);"),
        "ga" => Some("nplurals=5; plural=(n==1) ? 0 : (n==2) ? 1 : (n>2 && n<7) ? 2 : (n>6 && n<11) ? 3 : 4;"),
        "gd" => Some("nplurals=4; plural=(n==1 || n==11) ? 0 : (n==2 || n==12) ? 1 : (n>2 && n<20) ? 2 : 3;"),
        "pl" => Some("nplurals=3; plural=(n==1) ? 0 : (n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20)) ? 1 : 2;"),
        _ => None,
    }
}

/// The fingerprint a fuzzy entry gets when there was no earlier translation of its text: it matches no English,
/// so the text stays out of date until a translator clears the flag.
const UNCONFIRMED: &str = "0000000000000000";

/// A PO string: quoted, with `\`, `"`, tab, carriage return and newline escaped. A text of several lines is
/// written as `""` and then one line per line of text, as gettext writes it, so editors show it line by line.
fn quoted(text: &str) -> String {
    let escape = |part: &str| {
        let mut out = String::with_capacity(part.len() + 2);
        out.push('"');
        for c in part.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    if !text.trim_end_matches('\n').contains('\n') {
        return escape(text);
    }
    let mut out = String::from("\"\"");
    for line in text.split_inclusive('\n') {
        out.push('\n');
        out.push_str(&escape(line));
    }
    out
}

/// One line of a `#.` comment: what a translator should know, on one line.
fn comment(out: &mut String, text: &str) {
    out.push_str("#. ");
    out.push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    out.push('\n');
}

/// What a PO file translates: a story, or a help file (`services-uk`, beside `stories/help/services-uk.json`).
#[derive(Clone, Copy)]
enum Source<'a> {
    Story(&'a Story),
    Help(&'a str, &'a HelpDirectory),
}

impl Source<'_> {
    fn id(&self) -> &str {
        match self {
            Source::Story(story) => story.id(),
            Source::Help(id, _) => id,
        }
    }

    /// How the PO file's first line names it.
    fn title(&self) -> String {
        match self {
            Source::Story(story) => format!("\"{}\" ({})", one_line(story.title()), story.id()),
            Source::Help(id, directory) => format!("The help services ({id}, {})", one_line(&directory.region)),
        }
    }

    /// The translation file it goes back into.
    fn translation_file(&self, language: &str) -> String {
        match self {
            Source::Story(story) => format!("stories/{}.{language}.json", story.id()),
            Source::Help(id, _) => format!("stories/help/{id}.{language}.json"),
        }
    }

    /// Where a new translation file finds the published schema, from its folder.
    fn schema_path(&self) -> String {
        match self {
            Source::Story(_) => super::translation::SCHEMA_PATH.to_owned(),
            Source::Help(..) => format!("../{}", super::translation::SCHEMA_PATH),
        }
    }

    fn texts(&self) -> Vec<(String, TextSpot, String)> {
        match self {
            Source::Story(story) => story_texts(story),
            Source::Help(_, directory) => help_texts(directory),
        }
    }
}

/// The PO file for translating `story` into `language`: a header, then one entry per text in reading order, with
/// `#.` comments naming who speaks and the scene's teacher notes, the translation so far from `existing`, and
/// `#, fuzzy` on each translation whose English has changed since. `revised` is the day it is written
/// (`YYYY-MM-DD`), for the header's `PO-Revision-Date`.
pub fn po_export(story: &Story, language: &str, existing: Option<&Translation>, revised: &str) -> String {
    export(Source::Story(story), language, existing, revised)
}

/// The PO file for translating the help file `id` (`services-uk`) into `language`, as [`po_export`] writes one for a
/// story, with a note on each fact (hours, what happens) to keep its numbers, days and times.
pub fn po_export_help(
    id: &str,
    directory: &HelpDirectory,
    language: &str,
    existing: Option<&Translation>,
    revised: &str,
) -> String {
    export(Source::Help(id, directory), language, existing, revised)
}

fn export(source: Source<'_>, language: &str, existing: Option<&Translation>, revised: &str) -> String {
    let id = source.id();
    let mut out = String::new();
    out.push_str(&format!("# {}, to translate into {language}.\n", source.title()));
    out.push_str(&format!(
        "# Written by `storycheck po export`; read it back with `storycheck po import FILE.po --into {}`.\n",
        source.translation_file(language)
    ));
    out.push_str("# Keep each msgctxt as it is: it is the text's place in the file.\n");
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    let translator = existing.and_then(|t| t.credits.translators.first()).map_or(String::new(), |name| one_line(name));
    let mut header = vec![
        format!("Project-Id-Version: {id}"),
        format!("PO-Revision-Date: {revised} 00:00+0000"),
        format!("Last-Translator: {translator}"),
        format!("Language-Team: {language}"),
        format!("Language: {language}"),
        "MIME-Version: 1.0".to_owned(),
        "Content-Type: text/plain; charset=UTF-8".to_owned(),
        "Content-Transfer-Encoding: 8bit".to_owned(),
    ];
    if let Some(forms) = plural_forms(language) {
        header.push(format!("Plural-Forms: {forms}"));
    }
    for field in header {
        out.push_str(&quoted(&format!("{field}\n")));
        out.push('\n');
    }
    for (place, spot, english) in source.texts() {
        out.push('\n');
        match source {
            Source::Story(story) => notes(&mut out, story, &place, spot),
            Source::Help(..) => help_notes(&mut out, &place),
        }
        let done = existing.and_then(|t| t.texts.iter().find(|entry| entry.place == place));
        if done.is_some_and(|entry| entry.source != fingerprint(&english)) {
            out.push_str("#, fuzzy\n");
        }
        out.push_str(&format!("msgctxt {}\n", quoted(&place)));
        out.push_str(&format!("msgid {}\n", quoted(&english)));
        out.push_str(&format!("msgstr {}\n", quoted(done.map_or("", |entry| entry.text.as_str()))));
    }
    out
}

/// The `#.` comments for a help file's text: its facts are checked at the service's own page, so a translation
/// changes the words and never a number, a day or a time.
fn help_notes(out: &mut String, place: &str) {
    if place.ends_with(".name") {
        comment(out, "The service's name: keep its own name (Childline, NSPCC Helpline) and any number in it.");
    } else if place.contains(".links[") {
        comment(out, "The label of a link to the service's own page; say if that page is in English.");
    } else if !place.starts_with("for_adults.") {
        comment(out, "A fact checked on the service's own page: translate the words, keep every number, day and time.");
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `#.` comments for one text: who says a bubble and how, what a speaker's name or a choice is, and the
/// scene's teacher notes beside each of its texts.
fn notes(out: &mut String, story: &Story, place: &str, spot: TextSpot) {
    let scene = spot.scene.and_then(|s| story.doc().scenes.get(s));
    if place.starts_with("speakers.") {
        comment(out, "The name of someone in the story, shown with each of their bubbles.");
    } else if let (Some(scene), Some((p, b))) = (scene, spot.bubble) {
        if let Some(bubble) = scene.panels.get(p).and_then(|panel| panel.bubbles.get(b)) {
            let how = match bubble.kind {
                BubbleKind::Speech => "says",
                BubbleKind::Thought => "thinks",
                BubbleKind::Caption => "tells (a caption)",
                BubbleKind::Message => "sends (a message on a phone)",
                BubbleKind::Shout => "shouts",
            };
            comment(out, &format!("{} {how} this, in panel {} of the scene.", bubble.speaker, p + 1));
        }
    } else if place.ends_with(".label") && place.contains(".choices[") {
        comment(out, "A choice the reader picks: short, in their words.");
    } else if place.ends_with(".alt") {
        comment(out, "What the picture shows, for readers who cannot see it.");
    }
    let about_the_scene = !place.ends_with(".teacher_notes") && !place.starts_with("speakers.");
    if let Some(notes) = scene.and_then(|scene| scene.teacher_notes.as_deref()).filter(|_| about_the_scene) {
        comment(out, &format!("Teacher's notes for this scene: {notes}"));
    }
}

/// Which string a continuation line adds to.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Context,
    Id,
    Plural,
    Str,
}

/// One entry as read, with the line it starts on.
#[derive(Default)]
struct Entry {
    line: usize,
    fuzzy: bool,
    obsolete: bool,
    plural: bool,
    context: Option<String>,
    id: Option<String>,
    translation: Option<String>,
}

impl Entry {
    fn is_empty(&self) -> bool {
        self.context.is_none() && self.id.is_none() && self.translation.is_none()
    }
}

fn problem(code: &'static str, message: impl Into<String>, line: usize, column: usize) -> Diagnostic {
    Diagnostic::at(Severity::Error, code, message, Some((line, column)))
}

/// A quoted PO string starting at `rest` (column `column` of line `line`), unescaped.
fn unquote(rest: &str, line: usize, column: usize) -> Result<String, Box<Diagnostic>> {
    let mut chars = rest.char_indices();
    if !matches!(chars.next(), Some((_, '"'))) {
        return Err(Box::new(problem("po-syntax", "expected a string in double quotes", line, column)));
    }
    let mut out = String::new();
    while let Some((at, c)) = chars.next() {
        let here = column + rest[..at].chars().count();
        match c {
            '"' => {
                let after = rest[at + 1..].trim();
                if !after.is_empty() && !after.starts_with('#') {
                    return Err(Box::new(problem("po-syntax", "nothing may follow the closing quote", line, here + 1)));
                }
                return Ok(out);
            }
            '\\' => match chars.next().map(|(_, e)| e) {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some('a') => out.push('\u{7}'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('v') => out.push('\u{b}'),
                _ => {
                    return Err(Box::new(problem(
                        "po-syntax",
                        "unknown escape; write \\n, \\t, \\\\ or \\\" (a backslash starts an escape)",
                        line,
                        here,
                    )));
                }
            },
            c => out.push(c),
        }
    }
    Err(Box::new(problem("po-syntax", "the string has no closing quote", line, column)))
}

/// Reads a PO file into its entries, or every syntax problem with its line and column.
fn parse_po(po: &str) -> Result<Vec<Entry>, Vec<Diagnostic>> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut entry = Entry::default();
    let mut field: Option<Field> = None;
    for (n, raw) in po.lines().enumerate() {
        let line = n + 1;
        let text = raw.trim_start();
        let column = raw.len() - text.len() + 1;
        if text.trim().is_empty() {
            if !entry.is_empty() {
                entries.push(std::mem::take(&mut entry));
            }
            entry = Entry::default();
            field = None;
            continue;
        }
        let (text, column) = match text.strip_prefix("#~") {
            Some(rest) => {
                entry.obsolete = true;
                (rest.trim_start(), column + 2 + (rest.len() - rest.trim_start().len()))
            }
            None => (text, column),
        };
        if let Some(flags) = text.strip_prefix("#,") {
            entry.fuzzy |= flags.split(',').any(|flag| flag.trim() == "fuzzy");
            continue;
        }
        if text.starts_with('#') || text.is_empty() {
            continue;
        }
        let keyword = ["msgctxt", "msgid_plural", "msgid", "msgstr"]
            .into_iter()
            .find(|k| text.starts_with(k) && text[k.len()..].starts_with([' ', '\t', '[']));
        let (target, rest, rest_column) = if let Some(keyword) = keyword {
            let mut rest = &text[keyword.len()..];
            let mut target = match keyword {
                "msgctxt" => Field::Context,
                "msgid" => Field::Id,
                "msgid_plural" => Field::Plural,
                _ => Field::Str,
            };
            if target == Field::Str && rest.starts_with('[') {
                // `msgstr[0]`: a plural entry, refused below with the entry's line.
                entry.plural = true;
                rest = rest.split_once(']').map_or("", |(_, after)| after);
                target = Field::Plural;
            }
            if target == Field::Plural {
                entry.plural = true;
            }
            // A new msgctxt or msgid after a finished entry starts the next one, blank line or not.
            if matches!(target, Field::Context | Field::Id) && entry.translation.is_some() {
                entries.push(std::mem::take(&mut entry));
                entry.line = line;
            }
            if entry.line == 0 {
                entry.line = line;
            }
            let slot = match target {
                Field::Context => &mut entry.context,
                Field::Id => &mut entry.id,
                Field::Str => &mut entry.translation,
                Field::Plural => &mut None,
            };
            if slot.is_some() {
                problems.push(problem("po-syntax", format!("a second `{keyword}` in one entry"), line, column));
            }
            let trimmed = rest.trim_start();
            (target, trimmed, column + text.len() - trimmed.len())
        } else if text.starts_with('"') {
            match field {
                Some(target) => (target, text, column),
                None => {
                    problems.push(problem(
                        "po-syntax",
                        "a quoted string must follow msgctxt, msgid or msgstr",
                        line,
                        column,
                    ));
                    continue;
                }
            }
        } else {
            problems.push(problem(
                "po-syntax",
                "expected msgctxt, msgid, msgstr, a quoted string or a comment starting with #",
                line,
                column,
            ));
            continue;
        };
        field = Some(target);
        match unquote(rest, line, rest_column) {
            Ok(value) => {
                let slot = match target {
                    Field::Context => &mut entry.context,
                    Field::Id => &mut entry.id,
                    Field::Str => &mut entry.translation,
                    Field::Plural => continue,
                };
                slot.get_or_insert_with(String::new).push_str(&value);
            }
            Err(found) => problems.push(*found),
        }
    }
    if !entry.is_empty() {
        entries.push(entry);
    }
    if problems.is_empty() { Ok(entries) } else { Err(problems) }
}

/// The value of `name:` in a PO header.
fn header_field<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// Reads a translated PO file for `story` into a translation into `language`, keeping `existing`'s status and
/// credits (a new one is a draft crediting the PO's `Last-Translator`) and its texts for places the PO file does
/// not have. Each translated entry gets the fingerprint of its `msgid`: of the English the translator saw, so a
/// text whose English changed after the export is out of date at once. A `#, fuzzy` entry keeps the old
/// fingerprint, and so stays out of date until the flag is cleared. An entry with an empty `msgstr` is not
/// translated yet and is left out. A reviewed translation whose texts change goes back to `draft`. Every problem
/// is placed at its line of the PO file.
pub fn po_import(po: &str, story: &Story, language: &str, existing: Option<&Translation>) -> LoadResult<Translation> {
    import(po, Source::Story(story), language, existing)
}

/// Reads a translated PO file of the help file `id` (`services-uk`), as [`po_import`] reads one of a story.
pub fn po_import_help(
    po: &str,
    id: &str,
    directory: &HelpDirectory,
    language: &str,
    existing: Option<&Translation>,
) -> LoadResult<Translation> {
    import(po, Source::Help(id, directory), language, existing)
}

fn import(po: &str, source: Source<'_>, language: &str, existing: Option<&Translation>) -> LoadResult<Translation> {
    let po = super::load::without_byte_order_mark(po);
    let entries = parse_po(po)?;
    let english = source.texts();
    let places: Vec<&str> = english.iter().map(|(place, _, _)| place.as_str()).collect();
    let mut hints = super::check::suggestions::Suggestions::new(places.iter().copied());
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut read: Vec<(String, TranslatedText)> = Vec::new();
    let mut last_translator = None;
    for entry in entries.iter().filter(|entry| !entry.obsolete) {
        let line = entry.line.max(1);
        if entry.context.is_none() && entry.id.as_deref() == Some("") {
            let header = entry.translation.as_deref().unwrap_or("");
            let named = header_field(header, "Language").filter(|named| !named.is_empty());
            if let Some(named) = named.filter(|named| named.replace('_', "-") != language) {
                problems.push(problem(
                    "po-language",
                    format!("this PO file is for language `{named}`, not `{language}`"),
                    line,
                    1,
                ));
            }
            last_translator = header_field(header, "Last-Translator")
                .map(|name| name.split('<').next().unwrap_or(name).trim().to_owned())
                .filter(|name| !name.is_empty() && !name.contains("FULL NAME"));
            continue;
        }
        if entry.plural {
            problems.push(problem("po-plural", "story texts have no plural forms; remove msgid_plural", line, 1));
            continue;
        }
        let (Some(place), Some(id), Some(text)) = (&entry.context, &entry.id, &entry.translation) else {
            problems.push(problem(
                "po-entry",
                "each entry needs msgctxt (the text's place), msgid and msgstr, as `storycheck po export` writes them",
                line,
                1,
            ));
            continue;
        };
        let Some((_, _, now)) = english.iter().find(|(known, _, _)| known == place) else {
            problems.push(problem(
                "unknown-place",
                format!("the story has no text at `{place}`{}", hints.hint(place)),
                line,
                1,
            ));
            continue;
        };
        if read.iter().any(|(known, _)| known == place) {
            problems.push(problem("duplicate-place", format!("`{place}` has a second entry"), line, 1));
            continue;
        }
        if id != now {
            warnings.push(Diagnostic::at(
                Severity::Warning,
                "translation-out-of-date",
                format!("the English of `{place}` has changed since this PO file was written; it is kept, out of date"),
                Some((line, 1)),
            ));
        }
        if text.is_empty() {
            continue;
        }
        let before = existing.and_then(|t| t.texts.iter().find(|old| &old.place == place));
        let source = match (entry.fuzzy, before) {
            (false, _) => fingerprint(id),
            (true, Some(old)) => old.source.clone(),
            (true, None) => UNCONFIRMED.to_owned(),
        };
        read.push((place.clone(), TranslatedText { place: place.clone(), source, text: text.clone() }));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut texts = Vec::new();
    for place in places {
        if let Some((_, text)) = read.iter().find(|(known, _)| known == place) {
            texts.push(text.clone());
        } else if let Some(old) = existing.and_then(|t| t.texts.iter().find(|old| old.place == place)) {
            texts.push(old.clone());
        }
    }
    let mut status = existing.map_or(TranslationStatus::Draft, |t| t.status);
    let changed = existing.is_some_and(|t| texts.iter().any(|new| !t.texts.iter().any(|old| old == new)));
    if status == TranslationStatus::Reviewed && changed {
        status = TranslationStatus::Draft;
        warnings.push(Diagnostic::at(
            Severity::Warning,
            "review-needed",
            "texts changed since the review, so the translation is a draft again until it is reviewed",
            None,
        ));
    }
    let credits = existing.map_or_else(
        || TranslationCredits { translators: last_translator.into_iter().collect(), ..TranslationCredits::default() },
        |t| t.credits.clone(),
    );
    Ok(Loaded {
        value: Translation {
            schema: existing.and_then(|t| t.schema.clone()).or_else(|| Some(source.schema_path())),
            format: super::translation::TRANSLATION_FORMAT_VERSION,
            story: source.id().to_owned(),
            language: language.to_owned(),
            status,
            credits,
            texts,
        },
        warnings,
    })
}
