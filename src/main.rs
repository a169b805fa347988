//! The browser app's entry point; everything lives in the library so tests can reach it.

#[cfg(target_arch = "wasm32")]
fn main() {
    safety_stories::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The player runs in a browser: use `scripts/serve`. For checking stories, run `storycheck`.");
    std::process::exit(2);
}
