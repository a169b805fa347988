//! storycheck's checks of a translation (`stories/ID.LANG.json`, or a help file's `services-uk.LANG.json`): every
//! problem at once, each at its line, with the out-of-date texts as warnings. Native only: the player applies a
//! translation (`Story::from_json_translated`) and leaves judging one to storycheck.

use crate::engine::check;
use crate::engine::diagnostics::{Diagnostic, JsonPath, LoadResult, Loaded};
use crate::engine::help::HelpDirectory;
use crate::engine::load::without_byte_order_mark;
use crate::engine::story::Story;
use crate::engine::translation::{TextSpot, Translation, TranslationStatus, fingerprint, help_texts, story_texts};

impl Translation {
    /// `story` in this language, checked again as a story so it holds to every rule the English one does (what
    /// those checks find is reported on `texts`, naming the story's path). For storycheck and tests; the player
    /// builds a translated story from the English file's text with [`Story::from_json_translated`], which needs no
    /// copy of a story it already holds.
    pub fn apply(&self, story: &Story, help: &HelpDirectory) -> LoadResult<Story> {
        let doc = self.translate_doc(story.doc().clone())?;
        match check::story(doc, help) {
            Ok(Loaded { value, warnings }) => {
                Ok(Loaded { value, warnings: warnings.into_iter().map(in_this_language).collect() })
            }
            Err(found) => Err(found.into_iter().map(in_this_language).collect()),
        }
    }
}

/// A problem the story's own checks find in the translated story, reported on the translation's texts with the
/// place in the story it is at (the translation's entries are keyed by place, not by that path).
fn in_this_language(found: Diagnostic) -> Diagnostic {
    let at = found.path.clone().unwrap_or_default();
    let message = format!("in this language, the story's {at}: {}", found.message);
    let path = JsonPath::root().key("texts");
    if found.is_error() {
        Diagnostic::error("translated-story", message, path)
    } else {
        Diagnostic::warning("translated-story", message, path)
    }
}

/// Whether `source` is shaped like a fingerprint: 16 lower-case hex digits.
fn is_fingerprint(source: &str) -> bool {
    source.len() == 16 && source.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Everything storycheck reports about a translation of `story`, in file order, each problem at its line and
/// column: the file's shape and version, the story and language it names, its credits (a `reviewed` one names
/// its reviewer), a place named twice or unknown, a text missing or empty, a fingerprint out of shape, each text
/// whose English has changed since it was translated (a warning, with the English now), the translated story's own
/// checks, and hidden characters.
pub fn check_translation(source: &str, story: &Story, help: &HelpDirectory) -> Vec<Diagnostic> {
    check_translation_file(source, |translation| translation_problems(translation, story, help))
}

/// The one way every translation file is checked: it is read, `problems` finds what is wrong with what it says,
/// each problem is placed in the file, hidden characters are looked for (unless the file is not JSON), and all of
/// it comes back in file order.
fn check_translation_file(source: &str, problems: impl FnOnce(&Translation) -> Vec<Diagnostic>) -> Vec<Diagnostic> {
    let text = without_byte_order_mark(source);
    let mut found = match Translation::from_json(text) {
        Err(problems) => problems,
        Ok(Loaded { value: translation, .. }) => {
            let mut found = problems(&translation);
            Diagnostic::locate_all(&mut found, text);
            found
        }
    };
    if !found.iter().any(|d| d.code == "json-syntax") {
        found.extend(check::hidden::hidden_characters(source));
    }
    Diagnostic::sort_in_file_order(&mut found);
    found
}

fn translation_problems(translation: &Translation, story: &Story, help: &HelpDirectory) -> Vec<Diagnostic> {
    let english = story_texts(story);
    let source_language = story.doc().language.as_str();
    entry_problems(translation, story.id(), source_language, &english, || match translation.apply(story, help) {
        Ok(Loaded { warnings, .. }) => warnings,
        Err(problems) => problems,
    })
}

/// Everything storycheck reports about a translation of a help file (`stories/help/services-uk.LANG.json`), as
/// [`check_translation`] does for a story's: the translated help file must also pass the help file's checks.
pub fn check_help_translation(source: &str, directory: &HelpDirectory, id: &str) -> Vec<Diagnostic> {
    check_translation_file(source, |translation| {
        let english = help_texts(directory);
        entry_problems(translation, id, "en-GB", &english, || match translation.translate_help(directory.clone()) {
            Ok(translated) => {
                let mut out = Vec::new();
                check::help::check_directory(&translated, &mut out);
                names_keep_their_facts(directory, &translated, &mut out);
                out.into_iter().map(in_this_language).collect()
            }
            Err(problems) => problems,
        })
    })
}

/// A help service's name in another language keeps to Latin letters (a look-alike letter from another alphabet
/// could make a name pass for another service's), and keeps every number its English name has (`999`), so the
/// name never tells a reader a different number from the one the button dials.
fn names_keep_their_facts(english: &HelpDirectory, translated: &HelpDirectory, out: &mut Vec<Diagnostic>) {
    let numbers = |name: &str| -> Vec<String> {
        name.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).map(str::to_owned).collect()
    };
    for (i, (before, after)) in english.services.iter().zip(&translated.services).enumerate() {
        let path = JsonPath::root().key("services").index(i).key("name");
        if !check::help::name_uses_latin_letters(&after.name) {
            out.push(Diagnostic::error(
                "look-alike-name",
                format!("the name of `{}` has a letter from another alphabet; use Latin letters", before.id),
                path.clone(),
            ));
        }
        if numbers(&before.name) != numbers(&after.name) {
            out.push(Diagnostic::error(
                "name-changes-number",
                format!(
                    "the name of `{}` must keep the numbers of its English name, {:?}",
                    before.id,
                    numbers(&before.name)
                ),
                path,
            ));
        }
    }
}

/// The problems of a translation of the file `id` (in `source_language`, whose texts are `english`), then, when
/// there are no errors, what `translated` finds in the file in this language.
fn entry_problems(
    translation: &Translation,
    id: &str,
    source_language: &str,
    english: &[(String, TextSpot, String)],
    translated: impl FnOnce() -> Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let root = JsonPath::root();
    if translation.story != id {
        out.push(Diagnostic::error(
            "translation-for-another-story",
            format!("this translates `{}`, but the file beside it is `{id}`", translation.story),
            root.key("story"),
        ));
        return out;
    }
    if !crate::engine::id::is_language_tag(&translation.language) {
        out.push(Diagnostic::error(
            "bad-language",
            "`language` must be a language tag such as `cy` or `pl`",
            root.key("language"),
        ));
    } else if translation.language == source_language {
        out.push(Diagnostic::error(
            "bad-language",
            format!("the story itself is in `{}`; a translation is into another language", translation.language),
            root.key("language"),
        ));
    }
    let credits = &translation.credits;
    if credits.translators.is_empty() || credits.translators.iter().any(|name| name.trim().is_empty()) {
        out.push(Diagnostic::error(
            "missing-credit",
            "name each translator in `credits.translators`",
            root.key("credits").key("translators"),
        ));
    }
    let reviewer = credits.reviewed_by.as_deref().map(str::trim).filter(|name| !name.is_empty());
    if translation.status == TranslationStatus::Reviewed && reviewer.is_none() {
        out.push(Diagnostic::error(
            "review-not-credited",
            "a `reviewed` translation names its reviewer in `credits.reviewed_by`; until then its status is `draft`",
            root.key("status"),
        ));
    }

    let places: Vec<&str> = english.iter().map(|(place, _, _)| place.as_str()).collect();
    let mut hints = check::suggestions::Suggestions::new(places.iter().copied());
    for (i, entry) in translation.texts.iter().enumerate() {
        let at = root.key("texts").index(i);
        if translation.texts[..i].iter().any(|earlier| earlier.place == entry.place) {
            out.push(Diagnostic::error(
                "duplicate-place",
                format!("`{}` is translated twice; keep one", entry.place),
                at.key("place"),
            ));
            continue;
        }
        let Some((_, _, source)) = english.iter().find(|(place, _, _)| *place == entry.place) else {
            out.push(Diagnostic::error(
                "unknown-place",
                format!("the story has no text at `{}`{}", entry.place, hints.hint(&entry.place)),
                at.key("place"),
            ));
            continue;
        };
        if entry.text.trim().is_empty() {
            out.push(Diagnostic::error("empty-translation", "the translated text is empty", at.key("text")));
        }
        if !is_fingerprint(&entry.source) {
            out.push(Diagnostic::error(
                "bad-fingerprint",
                "`source` is the fingerprint of the English (16 hex digits); `storycheck po import` writes it",
                at.key("source"),
            ));
        } else if entry.source != fingerprint(source) {
            out.push(Diagnostic::warning(
                "translation-out-of-date",
                format!(
                    "the English of `{}` has changed since this was translated; it now reads: \"{}\"",
                    entry.place, source
                ),
                at.key("source"),
            ));
        }
    }
    for place in places.iter().filter(|place| !translation.texts.iter().any(|entry| entry.place == **place)) {
        out.push(Diagnostic::error(
            "missing-translation",
            format!("the translation has no text for `{place}`"),
            root.key("texts"),
        ));
    }
    if !out.iter().any(Diagnostic::is_error) {
        out.extend(translated());
    }
    out
}
