//! Wording checks for story files (`storycheck lint`): words the UK guidance asks authors of online-safety
//! education not to use, and the authors' own list.
//!
//! The built-in rules come from the UK Council for Internet Safety (UKCIS: "Sharing nudes and semi-nudes: advice
//! for education settings" and its advice on challenging victim-blaming language) and from CEOP Education's
//! principles of effective prevention education: say "sharing nudes" rather than "sexting", never blame the person
//! in the picture, never grade the reader, never tell a young person a picture is online forever or that they will
//! get a criminal record. Authors add their own rules in `wording.json` beside their story files (see
//! [`WordingList`]).
//!
//! Words inside quotation marks are not flagged: a teacher's note may quote what a pupil might say ("if a pupil
//! says someone was 'stupid'...") in order to challenge it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::engine::diagnostics::{Diagnostic, JsonPath, LoadResult, Loaded};

/// One wording rule: a word or phrase to avoid and what to say instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WordingRule {
    /// The word or phrase, matched whole and ignoring case, e.g. `revenge porn`.
    pub avoid: String,
    /// What to say instead, or how to put it, e.g. `say "sharing nudes without consent"`.
    pub say: String,
    /// Where the rule comes from, e.g. `UKCIS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// The file authors keep beside their stories, `wording.json`, to add rules of their own:
///
/// ```json
/// { "format": 1, "rules": [ { "avoid": "revenge porn", "say": "say \"sharing nudes without consent\"" } ] }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WordingList {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Must be 1.
    pub format: u32,
    pub rules: Vec<WordingRule>,
}

/// The name of the authors' list, in the folder that holds the story files.
pub const WORDING_FILE: &str = "wording.json";

impl WordingList {
    /// Reads an authors' list, with every problem at once.
    pub fn from_json(source: &str) -> LoadResult<WordingList> {
        let list: WordingList =
            serde_json::from_str(source).map_err(|err| vec![Diagnostic::from_serde(&err, source)])?;
        let mut problems = Vec::new();
        if list.format != 1 {
            problems.push(Diagnostic::error(
                "unsupported-format",
                format!("wording list format {} is not supported; write `\"format\": 1`", list.format),
                JsonPath::root().key("format"),
            ));
        }
        for (i, rule) in list.rules.iter().enumerate() {
            if normalise(&rule.avoid).0.trim().is_empty() {
                problems.push(Diagnostic::error(
                    "empty-text",
                    "a rule needs a word or phrase in `avoid`",
                    JsonPath::root().key("rules").index(i).key("avoid"),
                ));
            }
        }
        let problems: Vec<Diagnostic> = problems.into_iter().map(|d| d.located(source)).collect();
        if problems.is_empty() { Ok(Loaded { value: list, warnings: Vec::new() }) } else { Err(problems) }
    }
}

fn rule(avoid: &str, say: &str, why: &str) -> WordingRule {
    WordingRule { avoid: avoid.to_owned(), say: say.to_owned(), why: Some(why.to_owned()) }
}

/// The rules every story is checked against.
pub fn builtin_rules() -> Vec<WordingRule> {
    const BLAME: &str = "UKCIS advice on challenging victim-blaming language";
    const GRADE: &str = "an ending describes what happened; it never grades the reader";
    const FOREVER: &str = "it contradicts Report Remove and \"it is never too late to get help\"";
    const RECORD: &str = "UKCIS and police Outcome 21: never threaten a young person with a record";
    const WHO: &str = "say who is responsible: the person who pressured or shared";
    const WHAT: &str = "describe what happened, e.g. \"Sam got help after the picture was shared\"";
    const BACK: &str = "say it can be hard to get back, and that help can get pictures taken down";
    const HELP: &str = "say that asking for help is the right thing to do";
    let mut rules = vec![
        rule("sexting", "say \"sharing nudes\" or \"nudes and semi-nudes\"", "UKCIS"),
        rule("sexts", "say \"nudes\" or \"nude pictures\"", "UKCIS"),
        rule("stupid", "say what happened and who is responsible for it, without judging the person", BLAME),
    ];
    // Phrases that share a suggestion and a reason.
    let groups: [(&[&str], &str, &str); 4] = [
        (&["should have known", "should've known", "was asking for it", "were asking for it"], WHO, BLAME),
        (&["good ending", "bad ending", "hard ending"], WHAT, GRADE),
        (&["always online", "online forever", "there forever"], BACK, FOREVER),
        (&["you will get a criminal record", "you'll get a criminal record"], HELP, RECORD),
    ];
    for (phrases, say, why) in groups {
        rules.extend(phrases.iter().map(|avoid| rule(avoid, say, why)));
    }
    rules
}

/// Lower-cases `text`, turns every run of white space into one space and curly apostrophes into straight ones,
/// and keeps, for each character of the result, the index of the character it came from.
fn normalise(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                from.push(i);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        let c = if c == '\u{2019}' { '\'' } else { c };
        for lower in c.to_lowercase() {
            out.push(lower);
            from.push(i);
        }
    }
    (out, from)
}

/// Character ranges of `text` that are inside quotation marks: "double", “curly” or 'single' quotes. A single
/// quote counts only with a space, a bracket or the start of the text before it and a letter after it, so the
/// apostrophes in "don't" and "Sam's" never open a quotation.
fn quoted_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        match open {
            None => {
                let opens = match c {
                    '"' | '\u{201c}' => Some('"'),
                    '\'' | '\u{2018}'
                        if before.is_none_or(|b| b.is_whitespace() || "([{".contains(b))
                            && after.is_some_and(char::is_alphanumeric) =>
                    {
                        Some('\'')
                    }
                    _ => None,
                };
                if let Some(kind) = opens {
                    open = Some((i, kind));
                }
            }
            Some((start, kind)) => {
                let closes = match c {
                    '"' | '\u{201d}' => kind == '"',
                    '\'' | '\u{2019}' => {
                        kind == '\''
                            && after.is_none_or(|a| !a.is_alphanumeric())
                            && before.is_some_and(|b| !b.is_whitespace())
                    }
                    _ => false,
                };
                if closes {
                    ranges.push((start, i));
                    open = None;
                }
            }
        }
    }
    ranges
}

/// Where `phrase` occurs in `text` as whole words, ignoring case and spacing, outside quotation marks: the index
/// of the first character of each match in `text`.
pub fn find_phrase(text: &str, phrase: &str) -> Vec<usize> {
    let (haystack, from) = normalise(text);
    let needle = normalise(phrase).0.trim().to_owned();
    if needle.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let quoted = quoted_ranges(&chars);
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut found = Vec::new();
    for (byte, _) in haystack.match_indices(&needle) {
        let before = haystack[..byte].chars().next_back();
        let after = haystack[byte + needle.len()..].chars().next();
        if is_word(before) || is_word(after) {
            continue;
        }
        let start = from[haystack[..byte].chars().count()];
        if quoted.iter().any(|&(open, close)| open < start && start < close) {
            continue;
        }
        found.push(start);
    }
    found
}

/// String fields that hold ids, paths or codes rather than words a reader sees.
const NOT_WORDS: [&str; 9] = ["$schema", "id", "start", "to", "image", "language", "kind", "help", "speaker"];

/// Every string a reader or teacher sees in a story file, with its JSON path.
fn strings_in(value: &serde_json::Value, path: JsonPath, out: &mut Vec<(JsonPath, String)>) {
    match value {
        serde_json::Value::String(text) => out.push((path, text.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings_in(item, path.index(i), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                if !NOT_WORDS.contains(&key.as_str()) {
                    strings_in(item, path.key(key), out);
                }
            }
        }
        _ => {}
    }
}

/// Checks every word a reader or teacher sees in a story file against the built-in rules and `extra`, and
/// returns a warning for each match, located at the word. A file that is not JSON has nothing to check here
/// (`storycheck check` reports why).
pub fn lint_wording(source: &str, extra: &[WordingRule]) -> Vec<Diagnostic> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(source) else {
        return Vec::new();
    };
    let mut strings = Vec::new();
    strings_in(&value, JsonPath::root(), &mut strings);
    let rules: Vec<WordingRule> = builtin_rules().into_iter().chain(extra.iter().cloned()).collect();
    let mut found = Vec::new();
    for (path, text) in &strings {
        for rule in &rules {
            for at in find_phrase(text, &rule.avoid) {
                let why = rule.why.as_deref().map(|w| format!(" ({w})")).unwrap_or_default();
                found.push(
                    Diagnostic::warning("wording", format!("\"{}\": {}{why}", rule.avoid, rule.say), path.clone())
                        .located_in_string(source, at),
                );
            }
        }
    }
    Diagnostic::sort_in_file_order(&mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_in_any_case_and_spacing() {
        assert_eq!(find_phrase("No more Sexting.", "sexting"), vec![8]);
        assert_eq!(find_phrase("they should\n  have known", "should have known"), vec![5]);
        assert!(find_phrase("stupidly", "stupid").is_empty(), "part of a longer word");
        assert_eq!(find_phrase("You\u{2019}ll get a criminal record", "you'll get a criminal record"), vec![0]);
    }

    #[test]
    fn skips_quotations_but_not_apostrophes() {
        assert!(find_phrase("If a pupil says someone was 'stupid', ask why.", "stupid").is_empty());
        assert!(find_phrase("Say \u{201c}nudes\u{201d}, not \u{201c}sexting\u{201d}.", "sexting").is_empty());
        assert!(find_phrase("If someone says 'Sam was stupid', ask what a friend would say.", "stupid").is_empty());
        assert_eq!(find_phrase("Sam's friend said it was stupid.", "stupid").len(), 1);
        assert_eq!(find_phrase("Don't be stupid", "stupid").len(), 1);
    }

    #[test]
    fn an_authors_list_must_be_format_one_with_words_to_avoid() {
        assert!(WordingList::from_json(r#"{"format": 1, "rules": [{"avoid": "x", "say": "y"}]}"#).is_ok());
        let problems = WordingList::from_json(r#"{"format": 2, "rules": [{"avoid": " ", "say": "y"}]}"#).unwrap_err();
        assert_eq!(problems.iter().map(|d| d.code).collect::<Vec<_>>(), ["unsupported-format", "empty-text"]);
    }
}
