//! `storycheck lint`, the reading levels `storycheck stats` prints, and the alt-text check `storycheck check` adds:
//! the file reading and printing around the engine's `lint`, `reading`, `pictures` and `help::stale_facts`.

use std::path::Path;

use anyhow::{Context, Result};
use safety_stories::engine::{
    Date, Diagnostic, HelpDirectory, MANIFEST_FILE, Story, WORDING_FILE, WordingList, WordingRule, alt_text_warnings,
    bubble_warnings, highest_grade, lint_wording, reading_warnings, scene_levels, stale_facts,
};

/// Today's date: the one given (tests pass one, so they give the same answer every day) or the system clock's.
pub fn today(given: Option<&str>) -> Result<Date> {
    if let Some(text) = given {
        return Date::parse(text).with_context(|| format!("--today `{text}` is not a date; write YYYY-MM-DD"));
    }
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .context("the system clock is before 1970")?
        .as_secs();
    Ok(Date::from_days_since_epoch((seconds / 86_400) as i64))
}

/// The authors' own wording rules: `wording.json` in the folder that holds the story file, if there is one.
fn authors_rules(story: &Path) -> Result<Vec<WordingRule>> {
    let path = story.parent().unwrap_or(Path::new(".")).join(WORDING_FILE);
    let Ok(source) = std::fs::read_to_string(&path) else {
        return Ok(Vec::new());
    };
    WordingList::from_json(&source).map(|list| list.value.rules).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|d| d.render(&path.display().to_string())).collect();
        anyhow::anyhow!("the wording list has problems:\n{}", lines.join("\n"))
    })
}

/// Prints every wording, reading-level, bubble-placement and help-fact warning, and returns how many there were.
pub fn lint(files: &[std::path::PathBuf], services: &Path, today_given: Option<&str>) -> Result<usize> {
    anyhow::ensure!(!files.is_empty(), "name at least one story file, e.g. `storycheck lint stories/*.json`");
    let today = today(today_given)?;
    let help_source = std::fs::read_to_string(services)
        .with_context(|| format!("cannot read the help directory {}", services.display()))?;
    let directory = HelpDirectory::from_json(&help_source)
        .map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(|d| d.render(&services.display().to_string())).collect();
            anyhow::anyhow!("the help directory has problems:\n{}", lines.join("\n"))
        })?
        .value;
    let mut count = 0;
    let mut print = |file: &Path, found: &[Diagnostic]| {
        for d in found {
            println!("{}", d.render(&file.display().to_string()));
        }
        count += found.len();
    };
    print(services, &stale_facts(&directory, &help_source, today));
    // A translation's wording and reading level are its translators' and reviewer's to judge: the built-in rules
    // and the reading-level formula are for English.
    let stories = files.iter().filter(|file| super::translations::story_of(file).is_none());
    for file in stories {
        let source = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
        let mut found = lint_wording(&source, &authors_rules(file)?);
        // A story that does not load has no scenes to measure; `storycheck check` says why.
        if let Ok(story) = Story::from_json(&source, &directory) {
            found.extend(reading_warnings(&story.value, &source));
            found.extend(bubble_warnings(&story.value, &source));
        }
        Diagnostic::sort_in_file_order(&mut found);
        print(file, &found);
    }
    eprintln!("storycheck lint: {} file(s) and the help directory, {count} warning(s)", files.len());
    Ok(count)
}

/// Alt texts that name someone who is not drawn, from the `pictures.json` the drawing script writes.
pub fn alt_texts(story: &Story, source: &str, root: &Path) -> Vec<Diagnostic> {
    alt_text_warnings(story, source, |folder| std::fs::read_to_string(root.join(folder).join(MANIFEST_FILE)).ok())
}

/// The reading level of each scene, for `storycheck stats`.
pub fn print_reading_levels(story: &Story) {
    let age = story.doc().age;
    println!(
        "  reading level (Flesch–Kincaid grade of the narration; ages {} to {} read up to about grade {:.0}):",
        age.min,
        age.max,
        highest_grade(age)
    );
    for level in scene_levels(story) {
        println!(
            "    {:<22} grade {:>4.1}  {:>3} words{}",
            level.scene,
            level.grade,
            level.words,
            if level.above_band { "  ABOVE THE AGE BAND" } else { "" }
        );
    }
}
