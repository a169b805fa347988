//! Writes the English words the player carries in its wasm (`src/ui/messages.rs`): `assets/messages/en-GB.json`
//! without the teacher's page's own words (keys starting `teacher.`) and without the file's notes for translators.
//! The teacher's page downloads the whole file when it starts, so readers never download words only teachers see
//! (docs/size.md).

use std::{env, fs, path::Path};

fn main() {
    let source = "assets/messages/en-GB.json";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("assets/messages/en-GB.json is readable");
    let all: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("assets/messages/en-GB.json is a JSON object");
    let player: serde_json::Map<String, serde_json::Value> = all
        .into_iter()
        .filter(|(key, _)| !key.starts_with("teacher.") && !matches!(key.as_str(), "@about" | "@review"))
        .collect();
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("en-GB.player.json");
    fs::write(out, serde_json::to_string(&player).expect("JSON")).expect("OUT_DIR is writable");
}
