//! Writes the interface's words as Rust (`src/ui/messages.rs` includes it): from `assets/messages/en-GB.json`, the
//! list of every key in file order (its "slots"), used only at compile time to turn the key a view names into its
//! slot number, and the English texts by slot for native code only (the prerender draws English pages with them;
//! the wasm downloads English like any other language, `assets/messages/en-GB.list.json`). The key strings then
//! never reach the wasm, a misspelled key fails the build, and a lookup is an index instead of a search
//! (docs/size.md). It also writes the English list by slot as the build writes it into the site
//! (`OUT_DIR/en-GB.list.json`), for the browser tests, which have no site to download it from.
//!
//! Slot 0 is `@language` and slot 1 `@direction`; the file's other `@` notes for translators are left out. A plural
//! (keys ending `_one`, `_other`, ...) takes six slots, one per CLDR category in the order zero, one, two, few,
//! many, other, whichever of them English has, so Welsh can give all six.

use std::{env, fmt::Write, fs};

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
        texts[at] = value.clone();
    }
    let mut rust = String::new();
    writeln!(
        rust,
        "/// Every key of `assets/messages/en-GB.json`, by slot (see `build.rs`): read at compile time only."
    )
    .ok();
    writeln!(rust, "const KEYS: [&str; {}] = {:?};", keys.len(), keys).ok();
    writeln!(
        rust,
        "/// The English texts by slot, for native code only: the wasm downloads English (see `messages.rs`)."
    )
    .ok();
    writeln!(rust, "#[cfg(not(target_arch = \"wasm32\"))]").ok();
    writeln!(rust, "static ENGLISH_TEXTS: [&str; {}] = {:?};", texts.len(), texts).ok();
    let out = std::path::PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("messages.rs"), rust).expect("OUT_DIR is writable");
    // As `messages::list_of_json` writes it: `null` for a slot with no text.
    let list: Vec<Option<&String>> = texts.iter().map(|text| Some(text).filter(|t| !t.is_empty())).collect();
    let list = serde_json::to_string(&list).expect("texts make JSON");
    fs::write(out.join("en-GB.list.json"), list).expect("OUT_DIR is writable");
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
