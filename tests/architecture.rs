//! The layering the architecture promises, checked on the source files: only `src/ui/browser/` calls the browser,
//! and the engine knows nothing of the UI. (The UI's crates compile on every target, so the compiler no longer
//! enforces either.)

use std::path::{Path, PathBuf};

/// The crates that call into the browser.
fn calls_the_browser(name: &str) -> bool {
    name == "web_sys" || name == "js_sys" || name.starts_with("wasm_bindgen") || name.starts_with("gloo")
}

/// The crates the engine must not name: the browser's and the UI framework.
fn belongs_to_the_ui(name: &str) -> bool {
    calls_the_browser(name) || name == "yew"
}

/// Every Rust file under `dir`, with its path from the crate's root.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The names in a file's code (not its comments), each with its line number.
fn names(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for name in code.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|n| !n.is_empty()) {
            found.push((number + 1, name.to_owned()));
        }
    }
    found
}

/// Where `files` (paths from the crate's root) name a crate `forbidden` refuses, as `path:line: name`.
fn offences(files: &[PathBuf], forbidden: fn(&str) -> bool) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        for (line, name) in names(&source) {
            if forbidden(&name) {
                out.push(format!("{}:{line}: {name}", file.display()));
            }
        }
    }
    out
}

fn files_under(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    rust_files(&root.join(dir)).into_iter().map(|p| p.strip_prefix(root).unwrap().to_path_buf()).collect()
}

#[test]
fn only_src_ui_browser_calls_the_browser() {
    let outside: Vec<PathBuf> = files_under("src").into_iter().filter(|p| !p.starts_with("src/ui/browser")).collect();
    assert!(outside.iter().any(|p| p.ends_with("app.rs")), "the check reads the UI's files");
    let found = offences(&outside, calls_the_browser);
    assert!(
        found.is_empty(),
        "web-sys, js-sys, wasm-bindgen and gloo are for src/ui/browser/ only:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_engine_names_nothing_of_the_ui_or_the_browser() {
    let engine = files_under("src/engine");
    assert!(!engine.is_empty());
    let found = offences(&engine, belongs_to_the_ui);
    assert!(found.is_empty(), "src/engine builds without the UI:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_browser_call_in_code_but_not_in_a_comment() {
    let seen = |source: &str| names(source).into_iter().any(|(_, name)| calls_the_browser(&name));
    assert!(seen("let w = web_sys::window();"));
    assert!(seen("use gloo_events::EventListener;"));
    assert!(seen("wasm_bindgen_futures::spawn_local(f);"));
    assert!(seen("use js_sys::Date;"));
    assert!(!seen("// written on web_sys directly"));
    assert!(!seen("let websys = 1; // gloo-net cost 2.4 KB"));
    assert!(names("use yew::prelude::*;").iter().any(|(_, name)| belongs_to_the_ui(name)));
}
