//! `storycheck import` and `storycheck export --twee`: reading and writing the files around the engine's Twee
//! import and export.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use safety_stories::engine::{
    Diagnostic, HelpDirectory, StoryDoc, export_twee, import_twee, json_safe, terminal_safe, without_byte_order_mark,
};

/// Imports `twee` as a story file, keeping what `into` (an earlier JSON of the story) adds, and writes it to `out`
/// (or prints it). Problems are printed as `file:line:col` lines; on any error nothing is written.
pub fn import(twee: &Path, into: Option<&Path>, out: Option<&Path>) -> Result<ExitCode> {
    let source = std::fs::read_to_string(twee).with_context(|| format!("cannot read {}", twee.display()))?;
    let existing = match into {
        Some(path) => Some(read_existing(path)?),
        None => None,
    };
    let file = twee.display().to_string();
    let loaded = match import_twee(&source, existing.as_ref()) {
        Ok(loaded) => loaded,
        Err(problems) => {
            print_problems(&problems, &file);
            let errors = problems.iter().filter(|d| d.is_error()).count();
            eprintln!("storycheck import: {errors} error(s), {} warning(s); nothing written", problems.len() - errors);
            return Ok(ExitCode::FAILURE);
        }
    };
    // Printed with the story, the warnings would break its JSON, so they go to the error stream then.
    if out.is_some() {
        print_problems(&loaded.warnings, &file);
    } else {
        loaded.warnings.iter().for_each(|problem| eprintln!("{}", problem.render(&file)));
    }
    let json = json_safe(&serde_json::to_string_pretty(&loaded.value)?).into_owned() + "\n";
    match out {
        Some(path) => {
            std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "storycheck import: wrote {} ({} scenes, {} warning(s)); check it with `storycheck {}`",
                terminal_safe(&path.display().to_string()),
                loaded.value.scenes.len(),
                loaded.warnings.len(),
                terminal_safe(&path.display().to_string()),
            );
        }
        None => print!("{json}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a story that loads as Twee 3 to `out` (or prints it).
pub fn export(file: &Path, help: &HelpDirectory, out: Option<&Path>) -> Result<ExitCode> {
    let source = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let story = match safety_stories::engine::Story::from_json(without_byte_order_mark(&source), help) {
        Ok(loaded) => loaded.value,
        Err(problems) => {
            print_problems(&problems, &file.display().to_string());
            anyhow::bail!("{} does not load, so it cannot be exported; fix it first", file.display());
        }
    };
    let twee = match export_twee(&story) {
        Ok(twee) => twee,
        Err(mut problems) => {
            Diagnostic::locate_all(&mut problems, without_byte_order_mark(&source));
            print_problems(&problems, &file.display().to_string());
            eprintln!("storycheck export: {} problem(s); nothing written", problems.len());
            return Ok(ExitCode::FAILURE);
        }
    };
    match out {
        Some(path) => std::fs::write(path, twee).with_context(|| format!("cannot write {}", path.display()))?,
        // Each line is escaped on its own, so the line breaks stay and nothing in the story moves the cursor.
        None => twee.lines().for_each(|line| println!("{}", terminal_safe(line))),
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON to merge into: read as the format's types only, so a story still missing its pictures' files or with
/// a broken link can still be merged.
fn read_existing(path: &Path) -> Result<StoryDoc> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = without_byte_order_mark(&text);
    serde_json::from_str(text).map_err(|err| {
        let problem = Diagnostic::from_serde(&err, text);
        anyhow::anyhow!("--into: {}", problem.render(&path.display().to_string()))
    })
}

fn print_problems(problems: &[Diagnostic], file: &str) {
    for problem in problems {
        println!("{}", problem.render(file));
    }
}
