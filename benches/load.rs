//! Load and check a generated 5,000-scene story, and play it to an ending; load and report two broken stories with
//! thousands of problems each. Prints the median of several runs. A plain timing script rather than Criterion: it
//! keeps CI builds small and the figures are for the notes.

use std::time::{Duration, Instant};

use safety_stories::engine::{HelpDirectory, Playthrough, Story};

#[path = "../tests/support/generate.rs"]
mod generate;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// The median of seven loads of `source`, with the number of problems found (warnings when it loads).
fn time_loads(help: &HelpDirectory, source: &str) -> (Duration, usize) {
    let mut found = 0;
    let loads = (0..7)
        .map(|_| {
            let start = Instant::now();
            found = match Story::from_json(source, help) {
                Ok(loaded) => loaded.warnings.len(),
                Err(problems) => problems.len(),
            };
            start.elapsed()
        })
        .collect();
    (median(loads), found)
}

fn main() {
    let help =
        HelpDirectory::from_json(include_str!("../stories/help/services-uk.json")).expect("help file loads").value;
    let source = generate::large_story(5_000);
    println!("story: 5,000 scenes, {} KB of JSON", source.len() / 1024);
    let loads: Vec<Duration> = (0..7)
        .map(|_| {
            let start = Instant::now();
            let story = Story::from_json(&source, &help).expect("generated story loads");
            std::hint::black_box(&story);
            start.elapsed()
        })
        .collect();
    println!("load + validate: median {:?} of 7", median(loads));
    let story = Story::from_json(&source, &help).expect("generated story loads").value;
    let plays: Vec<Duration> = (0..7)
        .map(|_| {
            let start = Instant::now();
            let mut play = Playthrough::start(&story);
            while !play.is_ending(&story) {
                match play.choices(&story).last() {
                    Some(choice) => play.choose(&story, choice.index).expect("offered choice"),
                    None => play.go_on(&story).expect("continue"),
                }
            }
            std::hint::black_box(play.transcript(&story));
            start.elapsed()
        })
        .collect();
    println!("play to an ending (longest route, with transcript): median {:?} of 7", median(plays));
    // Thousands of problems once took seconds: each was located by rescanning the file, and each unknown id was
    // compared with every scene id for a suggestion.
    let (took, found) = time_loads(&help, &generate::unreachable_scenes(4_000));
    println!("4,000 unreachable scenes: load + report {found} warnings, median {took:?} of 7");
    let (took, found) = time_loads(&help, &generate::unknown_targets(4_000));
    println!("4,000 unknown targets: load + report {found} problems, median {took:?} of 7");
}
