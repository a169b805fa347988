//! Problems found in a story, each with where it is: JSON path, scene id, and line and column in the file.

use std::fmt;

use serde::Serialize;

/// What every loader (story, help directory, site config, library index) returns: the value with the warnings
/// about it, or every problem found when it cannot be used (at least one of them an error).
pub type LoadResult<T> = Result<Loaded<T>, Vec<Diagnostic>>;

/// A file that can be used, and the problems worth fixing that did not stop it (warnings, in file order).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Vec<Diagnostic>,
}

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

    /// A problem in a file that is not JSON (a Twee source), at its line and column, or in the file as a whole
    /// when `place` is `None`. It has no JSON path, so `locate_all` leaves it where it is.
    pub fn at(
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
        place: Option<(usize, usize)>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            path: None,
            scene: None,
            line: place.map(|(line, _)| line),
            column: place.map(|(_, column)| column),
            segments: Vec::new(),
        }
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

    /// A file that is not UTF-8 text, at its first byte that cannot be read (`valid_up_to`, as `Utf8Error` gives
    /// it). A browser would show a replacement character there; storycheck asks for the file to be saved as UTF-8.
    pub fn not_utf8(bytes: &[u8], valid_up_to: usize) -> Diagnostic {
        let before = &bytes[..valid_up_to.min(bytes.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |newline| newline + 1);
        let byte = bytes.get(valid_up_to).map_or_else(|| "the end".to_owned(), |b| format!("byte 0x{b:02X}"));
        Diagnostic {
            severity: Severity::Error,
            code: "not-utf8",
            message: format!(
                "the file is not UTF-8 text ({byte} cannot be read here); save it with the UTF-8 encoding"
            ),
            path: None,
            scene: None,
            line: Some(before.iter().filter(|&&b| b == b'\n').count() + 1),
            column: Some(before[line_start..].iter().filter(|&&b| starts_a_character(b)).count() + 1),
            segments: Vec::new(),
        }
    }

    /// Puts diagnostics in the order an author fixes them: from the top of the file down, those at the same place
    /// (or with none) in the order found. One function for every file kind, so the browser's wasm carries one copy
    /// of the sort.
    ///
    /// A merge sort written out, of the diagnostics' places, rather than `sort_by_key`: this is the only sort in the
    /// player, and the standard library's (a quicksort and a merge with their small-slice sorts) cost its download
    /// 1.2 KB brotli. It takes n log n comparisons, so thousands of problems still sort at once.
    pub fn sort_in_file_order(found: &mut Vec<Diagnostic>) {
        let place = |i: usize| (found[i].line, found[i].column);
        let mut order: Vec<usize> = (0..found.len()).collect();
        let mut merged = Vec::with_capacity(order.len());
        let mut width = 1;
        while width < order.len() {
            merged.clear();
            for start in (0..order.len()).step_by(2 * width) {
                let middle = (start + width).min(order.len());
                let end = (start + 2 * width).min(order.len());
                let (mut left, mut right) = (start, middle);
                while left < middle || right < end {
                    // On a tie the left run, found first, goes first.
                    if right == end || (left < middle && place(order[left]) <= place(order[right])) {
                        merged.push(order[left]);
                        left += 1;
                    } else {
                        merged.push(order[right]);
                        right += 1;
                    }
                }
            }
            std::mem::swap(&mut order, &mut merged);
            width *= 2;
        }
        let mut taken: Vec<Option<Diagnostic>> = found.drain(..).map(Some).collect();
        found.extend(order.into_iter().filter_map(|i| taken[i].take()));
    }

    /// Fills in line and column for every diagnostic that has a JSON path and no position yet. Finding each on
    /// its own would rescan the file from the top every time, which made a story with thousands of problems take
    /// seconds; instead one walk over the JSON enters only the values some path points into, and a table of line
    /// starts (read in the same pass as a table of character counts) turns each offset into a line and column.
    /// Neither sorts anything nor hashes a new type, so the browser's wasm carries little more than the walk.
    pub fn locate_all(found: &mut [Diagnostic], source: &str) {
        let bytes = source.as_bytes();
        let wanted: Vec<(&[Segment], usize)> = found
            .iter()
            .enumerate()
            .filter(|(_, d)| d.line.is_none() && d.path.is_some())
            .map(|(i, d)| (d.segments.as_slice(), i))
            .collect();
        if wanted.is_empty() {
            return;
        }
        let start = skip_ws(bytes, 0);
        // For each diagnostic: how deep into its path the walk got, and the offset of that part.
        let mut reached = vec![(0usize, start); found.len()];
        let _ = walk(bytes, start, start, 0, &wanted, &mut reached);
        let placed: Vec<usize> = wanted.into_iter().map(|(_, i)| i).collect();
        let lines = LineTable::new(bytes);
        for i in placed {
            let (line, column) = lines.place(bytes, reached[i].1);
            found[i].line = Some(line);
            found[i].column = Some(column);
        }
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
        let value =
            self.path.as_ref().and_then(|_| locate(source, &self.segments)).and_then(|at| match self.segments.last() {
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
        // Natively this line goes to a terminal, which acts on control characters from the file (an id with
        // `ESC[2K` and `\r` could overwrite the summary), so they are escaped. In the browser it is page text,
        // which shows them as they are; the player's wasm does not carry the escaping.
        #[cfg(not(target_arch = "wasm32"))]
        let out = super::characters::terminal_safe(&out).into_owned();
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
                let high_surrogate = source.get(pos + 2..pos + 4).is_some_and(|h| {
                    h.eq_ignore_ascii_case("d8")
                        || h.eq_ignore_ascii_case("d9")
                        || h.eq_ignore_ascii_case("da")
                        || h.eq_ignore_ascii_case("db")
                });
                pos += if high_surrogate { 12 } else { 6 };
            }
            Some(b'\\') => pos += 2,
            Some(_) => pos += source[pos..].chars().next().map_or(1, char::len_utf8),
        }
    }
    pos.min(source.len())
}

fn line_column(source: &str, offset: usize) -> (usize, usize) {
    // One offset costs a pass over the file either way; sharing `locate_all`'s table keeps the wasm smaller.
    LineTable::new(source.as_bytes()).place(source.as_bytes(), offset)
}

// serde_json does not keep positions for values it has parsed, so this small scanner finds where paths point in
// text that is already known to be valid JSON. A crate with a spanned JSON tree would do the same with a second
// parser and more code in the wasm build.

/// The byte offset of the value at `path`, or of the deepest part of it that exists: the offset of a key's name
/// for a part that is a key, of the element for a part that is an index.
fn locate(source: &str, path: &[Segment]) -> Option<usize> {
    let bytes = source.as_bytes();
    let start = skip_ws(bytes, 0);
    let mut reached = [(0, start)];
    let _ = walk(bytes, start, start, 0, &[(path, 0)], &mut reached);
    Some(reached[0].1)
}

/// Walks the value that starts at `pos` for the diagnostics in `wanted`, which all share the first `depth` parts
/// of their path (those parts lead to this value, and `at` is the offset reported for it: a key's opening quote or
/// an array element's first byte). Records in `reached` the deepest part of each path that exists, and returns the
/// offset just after the value. It enters only values that some path points into and skips the rest, so each byte
/// is read once; it recurses no deeper than the longest path.
fn walk(
    bytes: &[u8],
    pos: usize,
    at: usize,
    depth: usize,
    wanted: &[(&[Segment], usize)],
    reached: &mut [(usize, usize)],
) -> Option<usize> {
    for &(_, i) in wanted {
        // A key repeated in one object is walked twice; the first one found stays, as a reader would look there.
        if depth > reached[i].0 {
            reached[i] = (depth, at);
        }
    }
    let deeper = wanted.iter().filter(|(path, _)| path.len() > depth);
    match bytes.get(pos)? {
        b'{' => {
            // The paths grouped by the key they follow next, each group's key at the same place in `keys`: a
            // search in order rather than a `HashMap`, for the player's byte budget (docs/size.md). An object's
            // diagnostics follow a handful of keys.
            let mut groups: Vec<Vec<(&[Segment], usize)>> = Vec::new();
            let mut keys: Vec<&str> = Vec::new();
            let group_of = |keys: &[&str], key: &str| keys.iter().position(|&k| k == key);
            for &(path, i) in deeper {
                if let Segment::Key(key) = &path[depth] {
                    let group = match group_of(&keys, key) {
                        Some(group) => group,
                        None => {
                            keys.push(key);
                            groups.push(Vec::new());
                            groups.len() - 1
                        }
                    };
                    groups[group].push((path, i));
                }
            }
            if groups.is_empty() {
                return skip_value(bytes, pos);
            }
            let mut pos = skip_ws(bytes, pos + 1);
            if bytes.get(pos) == Some(&b'}') {
                return Some(pos + 1);
            }
            loop {
                if bytes.get(pos) != Some(&b'"') {
                    return None;
                }
                let key_start = pos;
                let key_end = skip_string(bytes, pos)?;
                let key = std::str::from_utf8(bytes.get(key_start + 1..key_end - 1)?).ok()?;
                pos = skip_ws(bytes, skip_ws(bytes, key_end) + 1); // past the colon
                pos = match group_of(&keys, key) {
                    Some(group) => walk(bytes, pos, key_start, depth + 1, &groups[group], reached)?,
                    None => skip_value(bytes, pos)?,
                };
                pos = skip_ws(bytes, pos);
                match bytes.get(pos)? {
                    b',' => pos = skip_ws(bytes, pos + 1),
                    b'}' => return Some(pos + 1),
                    _ => return None,
                }
            }
        }
        b'[' => {
            // The paths grouped by the index they follow next; the loader numbers only elements that exist, so
            // there are never more groups than elements.
            let mut groups: Vec<Vec<(&[Segment], usize)>> = Vec::new();
            for &(path, i) in deeper {
                if let Segment::Index(index) = path[depth] {
                    if groups.len() <= index {
                        groups.resize_with(index + 1, Vec::new);
                    }
                    groups[index].push((path, i));
                }
            }
            if groups.is_empty() {
                return skip_value(bytes, pos);
            }
            let mut pos = skip_ws(bytes, pos + 1);
            if bytes.get(pos) == Some(&b']') {
                return Some(pos + 1);
            }
            for index in 0.. {
                pos = match groups.get(index).filter(|group| !group.is_empty()) {
                    Some(group) => walk(bytes, pos, pos, depth + 1, group, reached)?,
                    None => skip_value(bytes, pos)?,
                };
                pos = skip_ws(bytes, pos);
                match bytes.get(pos)? {
                    b',' => pos = skip_ws(bytes, pos + 1),
                    b']' => return Some(pos + 1),
                    _ => return None,
                }
            }
            None
        }
        _ => skip_value(bytes, pos),
    }
}

/// Where lines start, and how many characters come before every `STEP`th byte: enough to turn any byte offset
/// into a line and a column counted in characters while reading at most `2 * STEP` bytes, even in a file written
/// on one line.
struct LineTable {
    starts: Vec<usize>,
    characters: Vec<usize>,
}

const STEP: usize = 1024;

/// Bytes that continue a UTF-8 sequence are not characters of their own.
fn starts_a_character(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

impl LineTable {
    fn new(bytes: &[u8]) -> LineTable {
        let mut table = LineTable { starts: vec![0], characters: Vec::with_capacity(bytes.len() / STEP + 1) };
        let mut count = 0;
        for (offset, &byte) in bytes.iter().enumerate() {
            if offset % STEP == 0 {
                table.characters.push(count);
            }
            count += usize::from(starts_a_character(byte));
            if byte == b'\n' {
                table.starts.push(offset + 1);
            }
        }
        table
    }

    fn characters_before(&self, bytes: &[u8], offset: usize) -> usize {
        // The last checkpoint at or before the offset (the end of a file is past the last one).
        let step = (offset / STEP).min(self.characters.len().saturating_sub(1));
        let counted = self.characters.get(step).copied().unwrap_or(0);
        counted + bytes[(step * STEP).min(offset)..offset].iter().filter(|&&b| starts_a_character(b)).count()
    }

    /// The line and column, both from 1, of a byte offset.
    fn place(&self, bytes: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(bytes.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        (line, self.characters_before(bytes, offset) - self.characters_before(bytes, start) + 1)
    }
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
    fn sorting_in_file_order_is_stable_and_matches_the_standard_sort() {
        // Lines and columns from a small range, so that many share a place, with and without one.
        let mut seed = 0x2545_f491_u64;
        for count in [0, 1, 2, 3, 7, 8, 9, 64, 257] {
            let mut found: Vec<Diagnostic> = (0..count)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let mut d = Diagnostic::error("x", format!("{i}"), JsonPath::root());
                    d.line = (!seed.is_multiple_of(5)).then_some((seed % 4) as usize);
                    d.column = (!seed.is_multiple_of(7)).then_some((seed / 7 % 3) as usize);
                    d
                })
                .collect();
            let mut expected = found.clone();
            expected.sort_by_key(|d| (d.line, d.column));
            Diagnostic::sort_in_file_order(&mut found);
            assert_eq!(found, expected, "{count} diagnostics");
        }
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

    #[test]
    fn locates_many_at_once_in_any_order_with_columns_in_characters() {
        let src = "{\n  \"scenes\": [\n    {\"id\": \"é\", \"next\": {\"continue\": \"x\"}},\n    {\"id\": \"b\"}\n  ],\n  \"start\": \"a\"\n}";
        let root = JsonPath::root();
        let paths = [
            root.key("start"),
            root.key("scenes").index(1).key("id"),
            root.key("scenes").index(0).key("next").key("continue"),
            root.key("scenes").index(0).key("id"),
            root.key("scenes").index(7).key("id"),
            root.key("scenes").index(1).key("missing"),
            root.key("start"),
        ];
        let mut found: Vec<Diagnostic> = paths.into_iter().map(|p| Diagnostic::error("x", "x", p)).collect();
        Diagnostic::locate_all(&mut found, src);
        let places: Vec<(usize, usize)> = found.iter().map(|d| (d.line.unwrap(), d.column.unwrap())).collect();
        assert_eq!(places, [(6, 3), (4, 6), (3, 26), (3, 6), (2, 3), (4, 5), (6, 3)]);
    }

    #[test]
    fn columns_count_characters_across_long_lines() {
        // One long line of two-byte characters, so the offsets cross the character-count table's checkpoints.
        let src = format!("{{\"a\": \"{}\", \"b\": [1, {{\"c\": 2}}]}}", "é".repeat(1_500));
        for (path, needle) in
            [(JsonPath::root().key("b"), "\"b\""), (JsonPath::root().key("b").index(1).key("c"), "\"c\"")]
        {
            let offset = src.find(needle).unwrap();
            assert_eq!(at(&src, path), (1, src[..offset].chars().count() + 1));
        }
        let exact = format!("{{\"a\": \"{}\"}}", "x".repeat(2 * STEP - 9));
        assert_eq!(exact.len(), 2 * STEP);
        assert_eq!(at(&exact, JsonPath::root().key("a").key("z")), (1, 2), "a file ending on a checkpoint");
    }

    #[test]
    fn a_position_already_known_is_kept() {
        let mut found = Diagnostic::error("x", "x", JsonPath::root().key("a"));
        found.line = Some(9);
        found.column = Some(9);
        let found = found.located("{\"a\": 1}");
        assert_eq!((found.line, found.column), (Some(9), Some(9)));
    }

    #[test]
    fn a_file_that_is_not_utf8_is_placed_at_its_first_bad_byte() {
        let bytes = "{\n  \"title\": \"caf".bytes().chain([0xE9, b'"', b'}']).collect::<Vec<u8>>();
        let err = String::from_utf8(bytes.clone()).unwrap_err();
        let found = Diagnostic::not_utf8(&bytes, err.utf8_error().valid_up_to());
        assert_eq!((found.line, found.column), (Some(2), Some(16)));
        assert!(found.message.contains("byte 0xE9"), "{}", found.message);
    }

    #[test]
    fn rendered_lines_show_control_and_hiding_characters_escaped() {
        let mut found =
            Diagnostic::error("x", "scene `\u{1b}[2K\rfine` does not exist", JsonPath::root().key("a\u{202e}"));
        found.scene = Some("s\u{200b}".to_owned());
        assert_eq!(
            found.render("f\u{7}.json"),
            "f\\u{7}.json: scene `s\\u{200b}`: error: scene `\\u{1b}[2K\\rfine` does not exist [$.a\\u{202e}]"
        );
    }
}
