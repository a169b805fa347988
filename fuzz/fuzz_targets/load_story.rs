//! Any bytes at all: loading, checking, stats and playing must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safety_stories::engine::{HelpDirectory, LibraryIndex, Playthrough, SiteConfig, Stats, Story};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let help = HelpDirectory::from_json(include_str!("../../stories/help/services-uk.json")).expect("help loads").value;
    if let Ok(loaded) = Story::from_json(text, &help) {
        let story = loaded.value;
        let _ = Stats::of(&story);
        let mut play = Playthrough::start(&story);
        for step in 0..64 {
            if play.is_ending(&story) {
                break;
            }
            let choices = play.choices(&story);
            if choices.is_empty() {
                let _ = play.go_on(&story);
            } else {
                let _ = play.choose(&story, choices[step % choices.len()].index);
            }
        }
        let _ = Playthrough::from_json(&story, &play.to_json(&story));
    }
    // What storycheck adds: the scan for characters that hide or rewrite text.
    let _ = Story::check(text, &help);
    let _ = HelpDirectory::from_json(text);
    let _ = SiteConfig::from_json(text, &help);
    let _ = LibraryIndex::from_json(text);
});
