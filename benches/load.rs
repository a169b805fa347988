//! Load and check a generated 5,000-scene story, and play it to an ending; prints the median of several runs.
//! A plain timing script rather than Criterion: it keeps CI builds small and the figure is for the notes.

use std::time::{Duration, Instant};

use safety_stories::engine::{HelpDirectory, Playthrough, Story};

#[path = "../tests/support/generate.rs"]
mod generate;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let help = HelpDirectory::from_json(include_str!("../stories/help/services-uk.json")).expect("help file loads");
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
    let story = Story::from_json(&source, &help).expect("generated story loads");
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
}
