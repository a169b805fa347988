//! Draws every page of the shipped stories as the prerender does at build time (`ui::prerender::draw_pages`: the
//! library, the help page, each story's start and every page of each story), from the files in `stories/`. Prints
//! the median of five runs and the number of pages. A plain timing script, as `load.rs` is.

#[cfg(not(target_arch = "wasm32"))]
use std::time::{Duration, Instant};

#[cfg(not(target_arch = "wasm32"))]
use safety_stories::engine::LibraryIndex;
#[cfg(not(target_arch = "wasm32"))]
use safety_stories::ui::prerender::{Sources, draw_pages};

#[cfg(not(target_arch = "wasm32"))]
fn sources() -> Sources {
    let read = |file: &str| std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).expect(file);
    let library = read("stories/library/index.json");
    let index = LibraryIndex::from_json(&library).expect("the library loads").value;
    let stories = index.stories.iter().map(|entry| (entry.file.clone(), read(&entry.file))).collect();
    Sources { library, help: read("stories/help/services-uk.json"), stories, messages: Vec::new() }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut pages = 0;
    let mut runs: Vec<Duration> = (0..5)
        .map(|_| {
            let sources = sources();
            let start = Instant::now();
            pages = draw_pages(sources).expect("the shipped stories draw").len();
            start.elapsed()
        })
        .collect();
    runs.sort();
    println!("prerender: {pages} pages, median {:?} of 5 (reading the files not counted)", runs[2]);
}
