//! Finds characters that hide or rewrite text in every string of a story file (what `storycheck` adds to loading).
//!
//! In a story they make text read differently from what the file says: a scene id with a zero-width space looks
//! like another, a right-to-left override reverses a phone number. The player never runs this scan, so its
//! download does not carry it.

use crate::engine::characters::kind;
use crate::engine::diagnostics::{Diagnostic, JsonPath};

/// The places in `chars` of hiding characters that the text does not need. A new line separates paragraphs. Zero
/// width joiners and non-joiners between two visible non-ASCII characters build emoji (a family, a rainbow flag)
/// and are part of spelling in Persian and Indic scripts. Tag characters after a black flag make the flags of
/// England, Scotland and Wales.
fn unwanted(chars: &[char]) -> Vec<usize> {
    let visible_non_ascii = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() && kind(*c).is_none());
    let is_tag = |c: char| ('\u{E0020}'..='\u{E007F}').contains(&c);
    let mut in_flag = false;
    let mut found = Vec::new();
    for (at, &c) in chars.iter().enumerate() {
        if !is_tag(c) {
            in_flag = c == '\u{1F3F4}';
        }
        let wanted = match c {
            '\n' => true,
            '\u{200C}' | '\u{200D}' => {
                visible_non_ascii(at.checked_sub(1).and_then(|i| chars.get(i))) && visible_non_ascii(chars.get(at + 1))
            }
            _ => is_tag(c) && in_flag,
        };
        if !wanted && kind(c).is_some() {
            found.push(at);
        }
    }
    found
}

#[derive(Clone)]
enum Part {
    Key(String),
    Index(usize),
}

/// Finds hiding characters in every string of a story file, keys included, whether written as themselves or as
/// JSON escapes (`\u202e`): one warning per string, at the first one, with its line and column. A byte order
/// mark at the very start gets its own warning. Meant for text that parsed as JSON; on anything else it stops
/// quietly where the text stops making sense.
pub fn hidden_characters(source: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let text = match source.strip_prefix('\u{FEFF}') {
        Some(rest) => {
            let mut bom = Diagnostic::warning(
                "byte-order-mark",
                "the file starts with a byte order mark (U+FEFF); the player and storycheck skip it, but other JSON \
                 tools do not, so save the file as UTF-8 without one",
                JsonPath::root(),
            );
            bom.line = Some(1);
            bom.column = Some(1);
            out.push(bom);
            rest
        }
        None => source,
    };
    let mut scanner = Scanner { text, pos: 0, line: 1, column: 1, path: Vec::new(), decoded: Vec::new(), out };
    scanner.value(0);
    scanner.out
}

/// JSON nests no deeper than this in a story (serde_json refuses beyond 128), so the walk's recursion is bounded
/// whatever it is given.
const MAX_DEPTH: usize = 128;

struct Scanner<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    pos: usize,
    line: usize,
    column: usize,
    path: Vec<Part>,
    /// The current string's characters, each with the line and column where it is written.
    decoded: Vec<(char, usize, usize)>,
    out: Vec<Diagnostic>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.pos..)?.chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }

    /// Reads one value; `None` when the text stops being JSON.
    fn value(&mut self, depth: usize) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            '{' if depth < MAX_DEPTH => {
                self.bump();
                self.skip_ws();
                if self.peek()? == '}' {
                    self.bump();
                    return Some(());
                }
                loop {
                    self.skip_ws();
                    let key = self.string(true)?;
                    self.skip_ws();
                    (self.bump()? == ':').then_some(())?;
                    self.path.push(Part::Key(key));
                    self.value(depth + 1)?;
                    self.path.pop();
                    self.skip_ws();
                    match self.bump()? {
                        ',' => {}
                        '}' => return Some(()),
                        _ => return None,
                    }
                }
            }
            '[' if depth < MAX_DEPTH => {
                self.bump();
                self.skip_ws();
                if self.peek()? == ']' {
                    self.bump();
                    return Some(());
                }
                for index in 0.. {
                    self.path.push(Part::Index(index));
                    self.value(depth + 1)?;
                    self.path.pop();
                    self.skip_ws();
                    match self.bump()? {
                        ',' => {}
                        ']' => return Some(()),
                        _ => return None,
                    }
                }
                None
            }
            '"' => self.string(false).map(drop),
            _ => {
                while self.peek().is_some_and(|c| !matches!(c, ',' | '}' | ']' | ' ' | '\t' | '\n' | '\r')) {
                    self.bump();
                }
                Some(())
            }
        }
    }

    /// Reads a string, checks it, and returns it decoded.
    fn string(&mut self, is_key: bool) -> Option<String> {
        (self.bump()? == '"').then_some(())?;
        self.decoded.clear();
        loop {
            let (line, column) = (self.line, self.column);
            let c = match self.bump()? {
                '"' => break,
                '\\' => match self.bump()? {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'u' => self.unicode_escape()?,
                    other => other,
                },
                other => other,
            };
            self.decoded.push((c, line, column));
        }
        let chars: Vec<char> = self.decoded.iter().map(|&(c, _, _)| c).collect();
        let hidden = unwanted(&chars);
        if let Some(&first) = hidden.first() {
            self.report(&chars, first, hidden.len(), is_key);
        }
        Some(chars.into_iter().collect())
    }

    /// The character of a `\uXXXX` escape, joining a surrogate pair written as two escapes. A lone surrogate, which
    /// serde_json refuses, ends the scan.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            (self.bump()? == '\\' && self.bump()? == 'u').then_some(())?;
            let second = self.hex4()?;
            (0xDC00..0xE000).contains(&second).then_some(())?;
            return char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00));
        }
        char::from_u32(first)
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut value = 0;
        for _ in 0..4 {
            value = value * 16 + self.bump()?.to_digit(16)?;
        }
        Some(value)
    }

    fn report(&mut self, chars: &[char], first: usize, count: usize, is_key: bool) {
        let c = chars[first];
        let (_, line, column) = self.decoded[first];
        let mut path = JsonPath::root();
        for part in &self.path {
            path = match part {
                Part::Key(key) => path.key(key),
                Part::Index(index) => path.index(*index),
            };
        }
        let field = self.path.iter().rev().find_map(|part| match part {
            Part::Key(key) => Some(key.as_str()),
            Part::Index(_) => None,
        });
        let what = match (is_key, field) {
            (true, Some(parent)) => format!("a name in `{parent}`"),
            (true, None) => "a field name".to_owned(),
            (false, Some(field)) => format!("`{field}`"),
            (false, None) => "the text".to_owned(),
        };
        let (name, effect) = kind(c).unwrap_or(("an invisible character", "it makes text look like other text"));
        let (more, them) = match count {
            1 => (String::new(), "it"),
            2 => (" and 1 more".to_owned(), "them"),
            _ => (format!(" and {} more", count - 1), "them"),
        };
        let mut found = Diagnostic::warning(
            "hidden-character",
            format!("{what} contains {name} (U+{:04X}){more}: {effect}; remove {them}", u32::from(c)),
            path,
        );
        found.line = Some(line);
        found.column = Some(column);
        self.out.push(found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(source: &str) -> Vec<String> {
        hidden_characters(source)
            .iter()
            .map(|d| format!("{}:{} {} {}", d.line.unwrap(), d.column.unwrap(), d.path.as_deref().unwrap(), d.message))
            .collect()
    }

    #[test]
    fn finds_raw_and_escaped_characters_in_values_and_keys_with_their_position() {
        let source = "{\"a\": [\"ok\", \"x\u{202E}y\"],\n \"b\": {\"f\\u200bg\": \"\\u001b[2K\\r\\u001b[2K\"}}";
        assert_eq!(
            found(source),
            [
                "1:16 $.a[1] `a` contains a bidirectional control character (U+202E): it can show text in a \
                 different order from how it is written; remove it",
                "2:10 $.b a name in `b` contains an invisible character (U+200B): it makes text look like other \
                 text; remove it",
                "2:21 $.b.f\u{200B}g `f\u{200B}g` contains a control character (U+001B) and 2 more: it is invisible \
                 in the player and can rewrite a terminal; remove them",
            ]
        );
    }

    #[test]
    fn leaves_new_lines_emoji_joiners_and_flag_tags_alone() {
        let family = "\u{1F469}\u{200D}\u{1F467}";
        let wales = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}";
        let source = format!("{{\"text\": \"One\\n\\nTwo {family} {wales} \u{0645}\u{200C}\u{0647}\"}}");
        assert_eq!(found(&source), Vec::<String>::new());
        assert_eq!(found("{\"id\": \"to\u{200D}ld\"}").len(), 1, "a joiner between ASCII letters hides");
    }

    #[test]
    fn a_byte_order_mark_is_reported_once_and_positions_after_it_ignore_it() {
        let got = found("\u{FEFF}{\"a\": \"\u{200B}\"}");
        assert_eq!(got.len(), 2);
        assert!(got[0].starts_with("1:1 $ the file starts with a byte order mark"), "{got:?}");
        assert!(got[1].starts_with("1:8 $.a "), "{got:?}");
    }

    #[test]
    fn stops_quietly_on_text_that_is_not_json() {
        for source in ["", "{", "{\"a\": \"\\u12", "[[[[", "\"\\ud800\"", "{\"a\" 1}", &"[".repeat(10_000)] {
            let _ = hidden_characters(source);
        }
    }
}
