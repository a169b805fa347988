//! Story translations on the command line: checking `stories/ID.LANG.json` beside its story, or a help file's
//! translation beside the help file (from `storycheck check`), listing it in the library index, and `storycheck po export` and `po import`: the files around the
//! engine's `check_translation`, `po_export` and `po_import`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use safety_stories::engine::{
    Diagnostic, HelpDirectory, JsonPath, Story, Translation, TranslationListing, check_help_translation,
    check_translation, json_safe, po_export, po_export_help, po_import, po_import_help, terminal_safe,
    translation_file_name,
};

/// For a translation file (`DIR/ID.LANG.json`), its story's file (`DIR/ID.json`) and its language.
pub fn story_of(path: &Path) -> Option<(PathBuf, String)> {
    let name = path.file_name()?.to_str()?;
    let (story, language) = translation_file_name(name)?;
    Some((path.with_file_name(format!("{story}.json")), language.to_owned()))
}

/// The story a translation translates, or the one problem saying it cannot be used.
fn load_story(story_path: &Path, help: &HelpDirectory) -> Result<Story, Box<Diagnostic>> {
    let unusable = |why: &str| {
        Box::new(Diagnostic::error(
            "story-does-not-load",
            format!("its story {} {why}; check the story first", terminal_safe(&story_path.display().to_string())),
            JsonPath::root().key("story"),
        ))
    };
    let source = std::fs::read_to_string(story_path).map_err(|_| unusable("cannot be read"))?;
    Story::from_json(&source, help).map(|loaded| loaded.value).map_err(|_| unusable("does not load"))
}

/// Everything `storycheck check` reports about a translation file.
pub fn check(path: &Path, source: &str, help: &HelpDirectory) -> Vec<Diagnostic> {
    let Some((story_path, language)) = story_of(path) else {
        return Vec::new();
    };
    // A help file's translation (`stories/help/services-uk.cy.json`) sits beside the help file it translates.
    let mut found = if let Some((id, directory)) = help_file(&story_path) {
        check_help_translation(source, &directory, &id)
    } else {
        match load_story(&story_path, help) {
            Ok(story) => check_translation(source, &story, help),
            Err(problem) => return vec![problem.located(source)],
        }
    };
    let named_in_file = Translation::from_json(source).map(|loaded| loaded.value.language).unwrap_or_default();
    if !named_in_file.is_empty() && named_in_file != language {
        let named = Diagnostic::error(
            "bad-language",
            format!("the file's name says `{language}`; its `language` must be the same"),
            JsonPath::root().key("language"),
        );
        found.push(named.located(source));
        Diagnostic::sort_in_file_order(&mut found);
    }
    found
}

/// The library's line for a translation file, and the id of its story.
pub fn listing(path: &Path) -> Result<(String, TranslationListing)> {
    let source = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let translation = Translation::from_json(&source)
        .map_err(|_| anyhow::anyhow!("{} is not a translation file; check it with storycheck", path.display()))?
        .value;
    let name = path.file_name().context("translation path has no file name")?.to_string_lossy();
    let listing = TranslationListing {
        language: translation.language,
        file: format!("stories/{name}"),
        status: translation.status,
    };
    Ok((translation.story, listing))
}

/// The help file at `path` with its id (`services-uk`), if it is one rather than a story.
fn help_file(path: &Path) -> Option<(String, HelpDirectory)> {
    let directory = HelpDirectory::from_json(&std::fs::read_to_string(path).ok()?).ok()?.value;
    Some((path.file_stem()?.to_string_lossy().into_owned(), directory))
}

/// An earlier translation, if the file exists; it must read as one.
fn existing(path: &Path) -> Result<Option<Translation>> {
    let Ok(source) = std::fs::read_to_string(path) else {
        return Ok(None);
    };
    match Translation::from_json(&source) {
        Ok(loaded) => Ok(Some(loaded.value)),
        Err(problems) => {
            print_problems(&problems, path);
            anyhow::bail!("{} is not a translation file that can be read", path.display())
        }
    }
}

fn print_problems(problems: &[Diagnostic], file: &Path) {
    for problem in problems {
        eprintln!("{}", problem.render(&file.display().to_string()));
    }
}

fn load_or_fail(story: &Path, help: &HelpDirectory) -> Result<Story> {
    load_story(story, help).map_err(|problem| anyhow::anyhow!("{}", problem.message))
}

/// `storycheck po export STORY --lang LANG [--out FILE]`: the PO file for translators, with the translation so far
/// from `stories/ID.LANG.json` beside the story if there is one.
pub fn export(story_path: &Path, language: &str, out: Option<&Path>, help: &HelpDirectory) -> Result<ExitCode> {
    anyhow::ensure!(
        translation_file_name(&format!("x.{language}.json")).is_some(),
        "--lang `{}` is not a language tag such as cy or pl",
        terminal_safe(language)
    );
    let today = super::authoring::today(None)?.to_string();
    let po = match help_file(story_path) {
        // A help file (`stories/help/services-uk.json`): its services' words.
        Some((id, directory)) => {
            let so_far = existing(&story_path.with_file_name(format!("{id}.{language}.json")))?;
            po_export_help(&id, &directory, language, so_far.as_ref(), &today)
        }
        None => {
            let story = load_or_fail(story_path, help)?;
            let so_far = existing(&story_path.with_file_name(format!("{}.{language}.json", story.id())))?;
            po_export(&story, language, so_far.as_ref(), &today)
        }
    };
    match out {
        Some(path) => {
            std::fs::write(path, &po).with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("storycheck po export: wrote {}", terminal_safe(&path.display().to_string()));
        }
        None => print!("{po}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `storycheck po import FILE.po --into stories/ID.LANG.json [--story stories/ID.json]`: writes the translation,
/// keeping the file's status and credits, or prints every problem at its PO line and writes nothing.
pub fn import(po_path: &Path, into: &Path, story: Option<&Path>, help: &HelpDirectory) -> Result<ExitCode> {
    let (default_story, language) = story_of(into).with_context(|| {
        format!("--into {} must be named ID.LANG.json, e.g. stories/new-in-the-game-chat.cy.json", into.display())
    })?;
    let original = story.unwrap_or(&default_story);
    let po = std::fs::read_to_string(po_path).with_context(|| format!("cannot read {}", po_path.display()))?;
    let before = existing(into)?;
    let read = match help_file(original) {
        Some((id, directory)) => po_import_help(&po, &id, &directory, &language, before.as_ref()),
        None => po_import(&po, &load_or_fail(original, help)?, &language, before.as_ref()),
    };
    match read {
        Err(problems) => {
            print_problems(&problems, po_path);
            eprintln!("storycheck po import: {} problem(s); nothing written", problems.len());
            Ok(ExitCode::FAILURE)
        }
        Ok(loaded) => {
            print_problems(&loaded.warnings, po_path);
            let json = json_safe(&serde_json::to_string_pretty(&loaded.value)?).into_owned() + "\n";
            std::fs::write(into, json).with_context(|| format!("cannot write {}", into.display()))?;
            eprintln!(
                "storycheck po import: wrote {} ({} texts); check it with `storycheck {}`",
                terminal_safe(&into.display().to_string()),
                loaded.value.texts.len(),
                terminal_safe(&into.display().to_string()),
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
