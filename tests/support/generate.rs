//! Generates large, valid stories for the benchmark and for property tests.

/// A story of `scenes` scenes: every third scene is a decision between the next scene and the one after it (the
/// second choice sets a flag), the rest continue, and the last three are endings.
pub fn large_story(scenes: usize) -> String {
    assert!(scenes >= 4, "a generated story needs at least 4 scenes");
    let mut out = String::from(
        r#"{"format": 1, "id": "generated", "title": "Generated", "summary": "A large generated story.",
"language": "en-GB", "age": {"min": 11, "max": 14}, "content_note": "Nothing; it is generated.", "minutes": 5,
"credits": {"writer": "generator", "artist": "generator"}, "start": "s0", "flags": {"took_long_way": false},
"scenes": ["#,
    );
    for i in 0..scenes {
        if i > 0 {
            out.push(',');
        }
        let next = if i >= scenes - 3 {
            r#"{"ending": {"kind": "positive", "reflection": "The end.", "help": ["childline"]}}"#.to_owned()
        } else if i % 3 == 0 {
            format!(
                r#"{{"choices": [{{"label": "Go on", "to": "s{}"}}, {{"label": "Skip ahead", "to": "s{}", "set": {{"took_long_way": true}}}}, {{"label": "Only on the long way", "to": "s{}", "when": {{"took_long_way": true}}}}]}}"#,
                i + 1,
                i + 2,
                i + 1
            )
        } else {
            format!(r#"{{"continue": "s{}"}}"#, i + 1)
        };
        out.push_str(&format!(
            r#"{{"id": "s{i}", "title": "Scene {i}", "text": "Scene number {i} of a long story, with a few words to read.", "panels": [{{"image": "assets/game-chat/cover.svg", "alt": "A picture for scene {i}.", "bubbles": [{{"speaker": "Sam", "text": "Hello from {i}."}}]}}], "next": {next}}}"#
        ));
    }
    out.push_str("]}");
    out
}

/// The opening of a generated story up to its scene list, with `start` as the first scene.
fn header(id: &str, start: &str) -> String {
    format!(
        r#"{{"format": 1, "id": "{id}", "title": "Generated", "summary": "A large generated story.",
"language": "en-GB", "age": {{"min": 11, "max": 14}}, "content_note": "Nothing; it is generated.", "minutes": 5,
"credits": {{"writer": "generator", "artist": "generator"}}, "start": "{start}",
"scenes": ["#
    )
}

fn scene(id: &str, next: &str) -> String {
    format!(r#"{{"id": "{id}", "title": "Scene {id}", "text": "Words to read in scene {id}.", "next": {next}}}"#)
}

/// A story that loads with `scenes` warnings: the start leads straight to the ending, and every other scene
/// (each on its own line, as authors write them) is one that no reader can reach.
pub fn unreachable_scenes(scenes: usize) -> String {
    let mut out = header("unreachable", "s0");
    out.push_str(&scene("s0", r#"{"continue": "end"}"#));
    out.push_str(",\n");
    out.push_str(&scene("end", r#"{"ending": {"kind": "positive", "reflection": "The end."}}"#));
    for i in 1..=scenes {
        out.push_str(",\n");
        out.push_str(&scene(&format!("s{i}"), r#"{"continue": "end"}"#));
    }
    out.push_str("]}");
    out
}

/// A story with `scenes` broken links: scene `s{i}` continues to `t{i}`, which does not exist. Every missing id
/// is as long as the real ones and one letter away from one, the most work for the did-you-mean search.
pub fn unknown_targets(scenes: usize) -> String {
    let mut out = header("unknown", "s0");
    out.push_str(&scene("end", r#"{"ending": {"kind": "positive", "reflection": "The end."}}"#));
    for i in 0..scenes {
        out.push_str(",\n");
        out.push_str(&scene(&format!("s{i}"), &format!(r#"{{"continue": "t{i}"}}"#)));
    }
    out.push_str("]}");
    out
}
