//! Problems found in a story, each with where it is: JSON path, scene id, and line and column in the file.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem, with a message that says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable name for the kind of problem, e.g. `unknown-target`; tests and tools match on it.
    pub code: &'static str,
    pub message: String,
    /// Where in the JSON, e.g. `$.scenes[2].next.choices[0].to`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The scene the problem is in, when it is in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    #[serde(skip)]
    segments: Vec<Segment>,
}

impl Diagnostic {
    fn new(severity: Severity, code: &'static str, message: String, path: JsonPath) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message,
            path: Some(path.to_string()),
            scene: None,
            line: None,
            column: None,
            segments: path.0,
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>, path: JsonPath) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, message.into(), path)
    }

    pub fn warning(code: &'static str, message: impl Into<String>, path: JsonPath) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, message.into(), path)
    }

    /// The same problem, reported as a warning: for a setting that is dropped rather than fatal.
    pub fn as_warning(mut self) -> Diagnostic {
        self.severity = Severity::Warning;
        self
    }

    pub fn in_scene(mut self, scene: &str) -> Diagnostic {
        self.scene = Some(scene.to_owned());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A syntax or shape error from serde, which already knows its line and column.
    pub fn from_serde(err: &serde_json::Error, _source: &str) -> Diagnostic {
        // serde_json appends " at line X column Y" to its message; the position is reported separately.
        let text = err.to_string();
        let message = match text.rfind(" at line ") {
            Some(cut) => text[..cut].to_owned(),
            None => text,
        };
        let code = match err.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => "json-syntax",
            _ => "json-shape",
        };
        Diagnostic {
            severity: Severity::Error,
            code,
            message: explain_serde(&message),
            path: None,
            scene: None,
            line: (err.line() > 0).then_some(err.line()),
            column: (err.column() > 0).then_some(err.column()),
            segments: Vec::new(),
        }
    }

    /// Puts diagnostics in the order an author fixes them: from the top of the file down. One function for every
    /// file kind, so the browser's wasm carries one copy of the sort.
    pub fn sort_in_file_order(found: &mut [Diagnostic]) {
        found.sort_by_key(|d| (d.line, d.column));
    }

    /// Fills in line and column by finding the diagnostic's JSON path in the source text.
    pub fn located(mut self, source: &str) -> Diagnostic {
        if self.line.is_none()
            && self.path.is_some()
            && let Some(offset) = locate(source, &self.segments)
        {
            let (line, column) = line_column(source, offset);
            self.line = Some(line);
            self.column = Some(column);
        }
        self
    }

    /// Like [`located`](Self::located) for a string value, but at the character `char_index` inside the string
    /// (counted in the decoded text), so that a warning about one word points at the word, not at the field.
    pub fn located_in_string(mut self, source: &str, char_index: usize) -> Diagnostic {
        // `locate` finds a key's name for a path that ends in a key; the value comes after its colon.
        let value = self.path.as_ref().and_then(|_| locate(source, &self.segments)).and_then(|at| match self.segments.last() {
            Some(Segment::Key(_)) => {
                let bytes = source.as_bytes();
                let colon = skip_ws(bytes, skip_string(bytes, at)?);
                (bytes.get(colon) == Some(&b':')).then(|| skip_ws(bytes, colon + 1))
            }
            _ => Some(at),
        });
        if let Some(start) = value
            && source.as_bytes().get(start) == Some(&b'"')
        {
            let offset = offset_of_decoded_char(source, start + 1, char_index);
            let (line, column) = line_column(source, offset);
            self.line = Some(line);
            self.column = Some(column);
            return self;
        }
        self.located(source)
    }

    /// The compiler-style line authors see: `file:line:col: error: message`, or with the scene when there is no
    /// position.
    pub fn render(&self, file: &str) -> String {
        let place = match (self.line, self.column, &self.scene) {
            (Some(line), Some(column), _) => format!("{file}:{line}:{column}"),
            (_, _, Some(scene)) => format!("{file}: scene `{scene}`"),
            _ => file.to_owned(),
        };
        let mut out = format!("{place}: {}: {}", self.severity, self.message);
        if let Some(scene) = &self.scene
            && self.line.is_some()
        {
            out.push_str(&format!(" (scene `{scene}`)"));
        }
        if let Some(path) = &self.path {
            out.push_str(&format!(" [{path}]"));
        }
        out
    }
}

/// Adds a hint to serde's terse messages for the mistakes authors make most.
fn explain_serde(message: &str) -> String {
    if message.starts_with("unknown field") {
        format!("{message}; check the spelling (field names are lower case with underscores)")
    } else if message.starts_with("unknown variant") {
        format!("{message}; pick one of the names listed")
    } else if message.starts_with("missing field") {
        format!("{message}; every story and scene needs it")
    } else {
        message.to_owned()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// A path into the JSON document, built as the checker walks the story.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath(Vec<Segment>);

impl JsonPath {
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    pub fn key(&self, key: &str) -> JsonPath {
        let mut next = self.0.clone();
        next.push(Segment::Key(key.to_owned()));
        JsonPath(next)
    }

    pub fn index(&self, index: usize) -> JsonPath {
        let mut next = self.0.clone();
        next.push(Segment::Index(index));
        JsonPath(next)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for segment in &self.0 {
            match segment {
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// The byte offset in `source` of the `wanted`-th character of the JSON string whose text starts at `from`: each
/// escape (`\n`, `\"`, `\u00e9`, or a `\ud83d\ude00` surrogate pair) is one character of the decoded string.
fn offset_of_decoded_char(source: &str, from: usize, wanted: usize) -> usize {
    let bytes = source.as_bytes();
    let mut pos = from;
    for _ in 0..wanted {
        match bytes.get(pos) {
            None | Some(b'"') => break,
            Some(b'\\') if bytes.get(pos + 1) == Some(&b'u') => {
                let high_surrogate = source.get(pos + 2..pos + 4).is_some_and(|h| h.eq_ignore_ascii_case("d8")
                    || h.eq_ignore_ascii_case("d9") || h.eq_ignore_ascii_case("da") || h.eq_ignore_ascii_case("db"));
                pos += if high_surrogate { 12 } else { 6 };
            }
            Some(b'\\') => pos += 2,
            Some(_) => pos += source[pos..].chars().next().map_or(1, char::len_utf8),
        }
    }
    pos.min(source.len())
}

fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

// serde_json does not keep positions for values it has parsed, so this small scanner finds where a path points
// in text that is already known to be valid JSON. A crate with a spanned JSON tree would do the same with a second
// parser and more code in the wasm build; this is forty lines that never allocate.

/// The byte offset of the value at `path`, or of the deepest part of it that exists.
fn locate(source: &str, path: &[Segment]) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    let mut found = pos;
    for segment in path {
        match (segment, bytes.get(pos)) {
            (Segment::Key(want), Some(b'{')) => {
                pos = skip_ws(bytes, pos + 1);
                loop {
                    if bytes.get(pos) != Some(&b'"') {
                        return Some(found);
                    }
                    let key_start = pos;
                    let key_end = skip_string(bytes, pos)?;
                    let key = &source[key_start + 1..key_end - 1];
                    pos = skip_ws(bytes, key_end);
                    pos = skip_ws(bytes, pos + 1); // the colon
                    if key == want {
                        found = key_start;
                        break;
                    }
                    pos = skip_ws(bytes, skip_value(bytes, pos)?);
                    if bytes.get(pos) == Some(&b',') {
                        pos = skip_ws(bytes, pos + 1);
                    }
                }
            }
            (Segment::Index(want), Some(b'[')) => {
                pos = skip_ws(bytes, pos + 1);
                for _ in 0..*want {
                    if bytes.get(pos) == Some(&b']') {
                        return Some(found);
                    }
                    pos = skip_ws(bytes, skip_value(bytes, pos)?);
                    if bytes.get(pos) == Some(&b',') {
                        pos = skip_ws(bytes, pos + 1);
                    }
                }
                found = pos;
            }
            _ => return Some(found),
        }
    }
    Some(found)
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        pos += 1;
    }
    pos
}

fn skip_string(bytes: &[u8], mut pos: usize) -> Option<usize> {
    pos += 1;
    loop {
        match bytes.get(pos)? {
            b'\\' => pos += 2,
            b'"' => return Some(pos + 1),
            _ => pos += 1,
        }
    }
}

fn skip_value(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => skip_string(bytes, pos),
        open @ (b'{' | b'[') => {
            let close = if *open == b'{' { b'}' } else { b']' };
            let mut depth = 0usize;
            let mut p = pos;
            loop {
                match bytes.get(p)? {
                    b'"' => {
                        p = skip_string(bytes, p)?;
                        continue;
                    }
                    b if *b == *open => depth += 1,
                    b if *b == close => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(p + 1);
                        }
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => depth = depth.checked_sub(1)?,
                    _ => {}
                }
                p += 1;
            }
        }
        _ => {
            let mut p = pos;
            while !matches!(bytes.get(p), None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')) {
                p += 1;
            }
            Some(p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(source: &str, path: JsonPath) -> (usize, usize) {
        let d = Diagnostic::error("x", "x", path).located(source);
        (d.line.unwrap(), d.column.unwrap())
    }

    #[test]
    fn finds_nested_keys_and_indexes() {
        let src = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": [true, \"e\"]}\n}";
        assert_eq!(at(src, JsonPath::root().key("a").index(1).key("b")), (2, 13));
        assert_eq!(at(src, JsonPath::root().key("c").key("d").index(1)), (3, 21));
    }

    #[test]
    fn falls_back_to_the_deepest_part_that_exists() {
        let src = "{\"a\": {\"b\": 1}}";
        assert_eq!(at(src, JsonPath::root().key("a").key("zzz")), (1, 2));
    }

    #[test]
    fn points_inside_a_string_past_escapes_and_wide_characters() {
        let src = "{\"a\": \"x\\\"é\\u00e9\\ud83d\\ude00 word\"}";
        let d = Diagnostic::warning("x", "x", JsonPath::root().key("a")).located_in_string(src, 6);
        let from_column: String = src.chars().skip(d.column.unwrap() - 1).take(4).collect();
        assert_eq!((d.line, from_column.as_str()), (Some(1), "word"));
    }

    #[test]
    fn skips_strings_with_brackets_and_escapes() {
        let src = r#"{"a": "[{\"", "b": 2}"#;
        assert_eq!(at(src, JsonPath::root().key("b")), (1, 15));
    }
}
