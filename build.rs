//! Writes the interface's words as Rust (`src/ui/messages.rs` includes it): from `assets/messages/en-GB.json`, the
//! list of every key in file order (its "slots"), used only at compile time to turn the key a view names into its
//! slot number, and the English texts the player carries, one per slot. The key strings then never reach the
//! wasm, a misspelled key fails the build, and a lookup is an index instead of a search (docs/size.md).
//!
//! Slot 0 is `@language` and slot 1 `@direction`; the file's other `@` notes for translators are left out. A plural
//! (keys ending `_one`, `_other`, ...) takes six slots, one per CLDR category in the order zero, one, two, few,
//! many, other, whichever of them English has, so Welsh can give all six. The teacher's page's own words (keys
//! starting `teacher.`) have a slot but no English text in the player: the teacher's page downloads the whole file
//! as it starts, so readers never download words only teachers see.

use std::{env, fmt::Write, fs, path::Path};

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn main() {
    let source = "assets/messages/en-GB.json";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("assets/messages/en-GB.json is readable");
    // serde_json's `preserve_order` is off, so the keys are read in file order by hand, through a list of pairs.
    let pairs: Vec<(String, String)> = ordered_pairs(&text);
    let mut keys: Vec<String> = vec!["@language".into(), "@direction".into()];
    let mut texts: Vec<String> = vec!["en-GB".into(), "ltr".into()];
    for (key, value) in &pairs {
        if key.starts_with('@') {
            continue;
        }
        let plural = CATEGORIES.iter().find_map(|c| key.strip_suffix(&format!("_{c}")));
        let wanted = match plural {
            Some(base) if !keys.iter().any(|k| k == &format!("{base}_other")) => {
                CATEGORIES.iter().map(|c| format!("{base}_{c}")).collect::<Vec<_>>()
            }
            Some(_) => Vec::new(),
            None => vec![key.clone()],
        };
        for slot in wanted {
            assert!(!keys.contains(&slot), "{source} has {slot} twice");
            keys.push(slot);
            texts.push(String::new());
        }
        let at = keys.iter().position(|k| k == key).expect("every key has its slot");
        if !key.starts_with("teacher.") {
            texts[at] = value.clone();
        }
    }
    let mut rust = String::new();
    writeln!(
        rust,
        "/// Every key of `assets/messages/en-GB.json`, by slot (see `build.rs`): read at compile time only."
    )
    .ok();
    writeln!(rust, "const KEYS: [&str; {}] = {:?};", keys.len(), keys).ok();
    writeln!(rust, "/// The English texts the player carries, by slot (none for the teacher's page's own words).").ok();
    writeln!(rust, "static ENGLISH_TEXTS: [&str; {}] = {:?};", texts.len(), texts).ok();
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("messages.rs");
    fs::write(out, rust).expect("OUT_DIR is writable");
}

/// The pairs of a flat JSON object of strings, in file order.
fn ordered_pairs(text: &str) -> Vec<(String, String)> {
    use serde_json::Value;
    let mut pairs = Vec::new();
    let mut rest = text.trim_start().strip_prefix('{').expect("en-GB.json is a JSON object");
    loop {
        rest = rest.trim_start().trim_start_matches(',').trim_start();
        if rest.starts_with('}') {
            break;
        }
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        let key = stream.next().expect("a key").expect("a JSON string key");
        rest = rest[stream.byte_offset()..].trim_start().strip_prefix(':').expect("a colon after each key");
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        let value = stream.next().expect("a value").expect("a JSON value");
        rest = &rest[stream.byte_offset()..];
        match (key, value) {
            (Value::String(key), Value::String(value)) => pairs.push((key, value)),
            (key, _) => panic!("en-GB.json: {key} is not a text"),
        }
    }
    pairs
}
