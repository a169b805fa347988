//! Characters that hide or rewrite text: control characters, bidirectional controls and invisible characters.
//!
//! Echoed raw to a terminal they can move the cursor and overwrite what `storycheck` printed, so everything it
//! prints is escaped here (`Diagnostic::render` does so on native targets). The scan of a story file for them is
//! `check/hidden.rs`. The player shows text as text and calls neither, so its download does not carry them.

use std::borrow::Cow;

/// What kind of hiding character `c` is and what it does, in words for a message, or `None` for an ordinary
/// character.
pub(crate) fn kind(c: char) -> Option<(&'static str, &'static str)> {
    match c {
        _ if c.is_control() => {
            Some(("a control character", "it is invisible in the player and can rewrite a terminal"))
        }
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            Some(("a bidirectional control character", "it can show text in a different order from how it is written"))
        }
        '\u{00AD}'
        | '\u{034F}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{2060}'..='\u{2064}'
        | '\u{206A}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}' => Some(("an invisible character", "it makes text look like other text")),
        _ => None,
    }
}

/// `text` with every hiding character written out as an escape (`\u{1b}`, `\r`), so printing it cannot move the
/// cursor, clear a line or reorder what follows. Text without any comes back unchanged.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| kind(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if kind(c).is_some() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text (as serde_json writes it) with every hiding character inside its strings written as a `\u` escape.
/// serde_json already escapes control characters; this covers the rest, so the JSON means the same but prints
/// safely.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    if !json.chars().any(|c| kind(c).is_some() && !c.is_control()) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if kind(c).is_some() && !c.is_control() {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_escapes_what_could_rewrite_the_terminal_and_leaves_the_rest() {
        assert_eq!(terminal_safe("scene \u{1b}[2K\r0 errors"), "scene \\u{1b}[2K\\r0 errors");
        assert_eq!(terminal_safe("a\u{202E}b\u{200B}c\u{7f}\u{85}"), "a\\u{202e}b\\u{200b}c\\u{7f}\\u{85}");
        assert!(matches!(terminal_safe("Café ✓ 👍"), Cow::Borrowed("Café ✓ 👍")));
    }

    #[test]
    fn json_safe_escapes_inside_strings_and_keeps_the_meaning() {
        let json = serde_json::to_string(&"a\u{202E}b\u{E0041}\u{1b}").unwrap();
        let safe = json_safe(&json);
        assert_eq!(safe, r#""a\u202eb\udb40\udc41\u001b""#);
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), "a\u{202E}b\u{E0041}\u{1b}");
    }
}
