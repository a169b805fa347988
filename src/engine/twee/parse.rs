//! Twee 3 notation split into passages: each header's name, tags and metadata, and its content lines with their
//! line numbers. This knows nothing of story formats (SugarCube, Harlowe): `import.rs` reads the content.
//!
//! Written by hand rather than with a crate: no maintained Rust crate reads Twee 3 that we could find, and the
//! notation is small (a header line starting `::`, a backslash escape, an optional JSON block), so a crate would
//! add more to review than it saves.

use crate::engine::diagnostics::{Diagnostic, Severity};

/// One passage as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Passage<'a> {
    pub name: String,
    pub tags: Vec<String>,
    /// The line of the `::` header, from 1.
    pub header_line: usize,
    /// The content lines, with trailing blank lines left out (the spec asks compilers to ignore them), each with
    /// its line number in the file.
    pub lines: Vec<(usize, &'a str)>,
}

/// Every passage in a Twee 3 file, and the problems with the headers: a header with no name or with something
/// after its metadata is an error; metadata that is not JSON is a warning, and is dropped, as the spec advises.
pub(crate) fn passages(source: &str) -> (Vec<Passage<'_>>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut current: Option<Passage<'_>> = None;
    for (index, line) in source.lines().enumerate() {
        let number = index + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(header) = line.strip_prefix("::") {
            if let Some(done) = current.take() {
                found.push(finished(done));
            }
            match read_header(header) {
                Ok((name, tags, metadata_problem)) => {
                    if let Some((column, message)) = metadata_problem {
                        problems.push(Diagnostic::at(
                            Severity::Warning,
                            "twee-metadata",
                            message,
                            Some((number, column + 2)),
                        ));
                    }
                    current = Some(Passage { name, tags, header_line: number, lines: Vec::new() });
                }
                Err((column, message)) => {
                    problems.push(Diagnostic::at(Severity::Error, "twee-header", message, Some((number, column + 2))));
                    // The lines that follow still belong to a passage, so they are not mistaken for stray text.
                    current =
                        Some(Passage { name: String::new(), tags: Vec::new(), header_line: number, lines: Vec::new() });
                }
            }
        } else if let Some(passage) = current.as_mut() {
            passage.lines.push((number, line));
        } else if !line.trim().is_empty() {
            problems.push(Diagnostic::at(
                Severity::Error,
                "twee-outside-passage",
                "text before the first passage header; start the file with a line such as `:: StoryTitle`",
                Some((number, 1)),
            ));
        }
    }
    if let Some(done) = current.take() {
        found.push(finished(done));
    }
    found.retain(|passage| !passage.name.is_empty());
    (found, problems)
}

fn finished(mut passage: Passage<'_>) -> Passage<'_> {
    while passage.lines.last().is_some_and(|(_, line)| line.trim().is_empty()) {
        passage.lines.pop();
    }
    passage
}

/// A problem in a header: the column (from 1, counted after the `::`) and what is wrong.
type HeaderProblem = (usize, String);

/// Reads what follows `::`: the name, the tags in `[...]` and the metadata in `{...}`, with backslash escapes
/// decoded. Returns a warning for metadata that is not JSON, or an error for a header that cannot be read.
fn read_header(header: &str) -> Result<(String, Vec<String>, Option<HeaderProblem>), HeaderProblem> {
    let chars: Vec<char> = header.chars().collect();
    let mut at = 0;
    let column = |at: usize| at + 1;
    while chars.get(at) == Some(&' ') || chars.get(at) == Some(&'\t') {
        at += 1;
    }
    let (name, after_name) = read_until(&chars, at, &['[', '{']);
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Err((column(at), "a passage header needs a name after `::`".to_owned()));
    }
    at = after_name;
    let mut tags = Vec::new();
    if chars.get(at) == Some(&'[') {
        let (block, after_block) = read_until(&chars, at + 1, &[']']);
        if chars.get(after_block) != Some(&']') {
            return Err((column(at), "the tag block `[` is never closed with `]`".to_owned()));
        }
        tags = block.split_whitespace().map(str::to_owned).collect();
        at = after_block + 1;
        while chars.get(at) == Some(&' ') || chars.get(at) == Some(&'\t') {
            at += 1;
        }
    }
    let mut metadata_problem = None;
    if chars.get(at) == Some(&'{') {
        let rest: String = chars[at..].iter().collect();
        if serde_json::from_str::<serde_json::Value>(rest.trim_end()).map_or(true, |value| !value.is_object()) {
            metadata_problem = Some((
                column(at),
                "the passage's metadata is not a JSON object, so it is ignored (only Twine's map uses it)".to_owned(),
            ));
        }
    } else if at < chars.len() && !chars[at..].iter().all(|c| c.is_whitespace()) {
        return Err((
            column(at),
            "unexpected text after the passage's tags; a header is `:: Name [tags] {metadata}`".to_owned(),
        ));
    }
    Ok((name, tags, metadata_problem))
}

/// Decodes text up to the first unescaped character in `stops`, returning it and the index of that stop (or the
/// end). `\x` decodes to `x`, as the spec says.
fn read_until(chars: &[char], from: usize, stops: &[char]) -> (String, usize) {
    let mut out = String::new();
    let mut at = from;
    while let Some(&c) = chars.get(at) {
        if c == '\\' {
            if let Some(&next) = chars.get(at + 1) {
                out.push(next);
            }
            at += 2;
            continue;
        }
        if stops.contains(&c) {
            break;
        }
        out.push(c);
        at += 1;
    }
    (out, at)
}

/// Escapes a passage name or tag for a header: backslashes and the block characters.
pub(crate) fn escape_header(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '[' | ']' | '{' | '}') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_gives_its_name_tags_and_escapes() {
        let (found, problems) = passages(":: A \\[big\\] step [one two] {\"position\":\"1,2\"}\nText\n\n\n:: Next\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(found[0].name, "A [big] step");
        assert_eq!(found[0].tags, ["one", "two"]);
        assert_eq!(found[0].lines, [(2, "Text")], "trailing blank lines are left out");
        assert_eq!(found[1].header_line, 5);
    }

    #[test]
    fn metadata_that_is_not_json_is_a_warning_and_a_nameless_header_an_error() {
        let (found, problems) = passages(":: Name {position: 1}\n::  [tag]\nx\n");
        assert_eq!(found.len(), 1);
        assert_eq!(problems[0].code, "twee-metadata");
        assert!(!problems[0].is_error());
        assert_eq!(problems[1].code, "twee-header");
        assert_eq!((problems[1].line, problems[1].column), (Some(2), Some(5)));
    }

    #[test]
    fn escaping_a_header_is_undone_by_reading_it() {
        let name = "odd [name] {with} \\ slash";
        let source = format!(":: {}\n", escape_header(name));
        let (found, _) = passages(&source);
        assert_eq!(found[0].name, name);
    }
}
