//! A checked story written as Twee 3 in SugarCube's syntax, so that it can be opened in Twine: one passage per
//! scene, laid out on Twine's map row by row as the branch map draws it, and read back by `import.rs` to the same
//! scenes, choices, flags and endings.

use std::fmt::Write;

use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::format::{Choice, Next, StoryDoc};
use crate::engine::graph::branch_map;
use crate::engine::help::Audience;
use crate::engine::story::Story;

use super::import::{AUDIENCE_WORDS, META_PASSAGE, scene_id};
use super::parse::escape_header;

/// The story format the passages are written for. SugarCube is the one whose syntax sets a flag on a single
/// link; any Twine 2 has it.
const FORMAT: &str = "SugarCube";
const FORMAT_VERSION: &str = "2.37.3";
/// Twine's map: the distance between passages' corners, in its pixels (a passage is 100 square).
const GRID_X: usize = 175;
const GRID_Y: usize = 150;
/// Passage names with a meaning of their own to the importer or to Twine, never used for a scene.
const SPECIAL_NAMES: &[&str] = &["StoryTitle", "StoryData", "StoryInit", META_PASSAGE];

/// The story as a Twee 3 file, or, for a story whose words Twine would read as markup (a `[[`, a `<<`, a `$name`,
/// a line `---` in an ending, ...), where each of them is: Twee has no way to escape them, and the file would not
/// import back to the same story.
pub fn export_twee(story: &Story) -> Result<String, Vec<Diagnostic>> {
    let doc = story.doc();
    let problems = markup_in_words(doc);
    if !problems.is_empty() {
        return Err(problems);
    }
    let names = passage_names(doc);
    let name_of =
        |id: &str| doc.scenes.iter().position(|s| s.id == id).map_or_else(|| id.to_owned(), |at| names[at].clone());
    let mut out = String::new();
    let _ = writeln!(out, ":: StoryTitle\n{}\n", doc.title);
    let data = serde_json::json!({
        "ifid": ifid(&doc.id),
        "format": FORMAT,
        "format-version": FORMAT_VERSION,
        "start": name_of(&doc.start),
        "tag-colors": { "ending-positive": "green", "ending-mixed": "yellow", "ending-concerning": "purple" },
        "zoom": 1,
    });
    let _ = writeln!(out, ":: StoryData\n{}\n", serde_json::to_string_pretty(&data).unwrap_or_default());
    let _ = writeln!(out, ":: {META_PASSAGE}\n{}", meta(doc));
    if !doc.flags.is_empty() {
        let _ = writeln!(out, ":: StoryInit");
        for (flag, value) in &doc.flags {
            let _ = writeln!(out, "<<set ${flag} to {value}>>");
        }
        out.push('\n');
    }
    let map = branch_map(story);
    for (at, scene) in doc.scenes.iter().enumerate() {
        let (row, column) = map.nodes.iter().find(|n| n.id == scene.id).map_or((0, at), |n| (n.row, n.column));
        let tags = match &scene.next {
            Next::Ending(ending) => format!(" [ending-{}]", kind_word(ending.kind)),
            _ => String::new(),
        };
        let position = format!("{},{}", 100 + column * GRID_X, 100 + row * GRID_Y);
        let _ = writeln!(
            out,
            ":: {}{tags} {}",
            escape_header(&names[at]),
            serde_json::json!({ "position": position, "size": "100,100" })
        );
        if names[at] != scene.title || scene.text.starts_with("# ") {
            let _ = writeln!(out, "# {}", scene.title);
        }
        let _ = writeln!(out, "{}\n", escape_text(&scene.text));
        match &scene.next {
            Next::Continue(to) => {
                let _ = writeln!(out, "[[Continue->{}]]", name_of(to));
            }
            Next::Choices(choices) => {
                for choice in choices {
                    let _ = writeln!(out, "{}", link(choice, &name_of(&choice.to)));
                }
            }
            Next::Ending(ending) => {
                let _ = writeln!(out, "---\n\n{}", escape_text(&ending.reflection));
            }
        }
        out.push('\n');
    }
    Ok(out)
}

/// Every story text, title and label that would not come back the same from Twee, as problems at its JSON path.
fn markup_in_words(doc: &StoryDoc) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut check = |text: &str, what: Option<&str>, path: JsonPath, scene: &str| {
        if let Some(what) = what.or_else(|| reads_as_markup(text)) {
            found.push(
                Diagnostic::error(
                    "twee-export-markup",
                    format!(
                        "Twine would read {what} here as markup, so the story cannot be exported to Twee; reword it"
                    ),
                    path,
                )
                .in_scene(scene),
            );
        }
    };
    let root = JsonPath::root();
    for (at, scene) in doc.scenes.iter().enumerate() {
        let path = root.key("scenes").index(at);
        check(&scene.title, None, path.key("title"), &scene.id);
        let rule = scene.text.lines().any(is_rule).then_some("a line `---`");
        check(&scene.text, rule.filter(|_| matches!(scene.next, Next::Ending(_))), path.key("text"), &scene.id);
        match &scene.next {
            Next::Choices(choices) => {
                for (c, choice) in choices.iter().enumerate() {
                    let bad = ["]]", "]["].into_iter().find(|m| choice.label.contains(m)).map(|_| "`]]` or `][`");
                    check(&choice.label, bad, path.key("next").key("choices").index(c).key("label"), &scene.id);
                }
            }
            Next::Ending(ending) => {
                check(&ending.reflection, None, path.key("next").key("ending").key("reflection"), &scene.id);
            }
            Next::Continue(_) => {}
        }
    }
    found
}

/// A line the importer reads as the line between an ending's text and its reflection.
pub(crate) fn is_rule(line: &str) -> bool {
    line.trim() == "---"
}

/// What in a text the importer would take for markup, if anything.
fn reads_as_markup(text: &str) -> Option<&'static str> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    for i in 0..chars.len() {
        let next = at(i + 1);
        let found = match chars[i] {
            '[' if next == Some('[') => Some("`[[`"),
            ']' if next == Some(']') => Some("`]]`"),
            '<' if next == Some('<') => Some("`<<`"),
            '<' if next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!') => Some("`<` (HTML)"),
            '/' if next == Some('*') || next == Some('%') => Some("`/*`"),
            '$' if next.is_some_and(|n| n.is_alphabetic() || n == '_') => Some("`$` before a word"),
            '(' => {
                let name = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || **c == '-')
                    .count();
                (name > 0 && at(i + 1 + name) == Some(':')).then_some("`(word:`")
            }
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Each scene's passage name: its title when that gives back its id and no other scene has it, so Twine's map
/// reads well; otherwise its id, with the title as the passage's heading.
fn passage_names(doc: &StoryDoc) -> Vec<String> {
    doc.scenes
        .iter()
        .map(|scene| {
            let unique = doc.scenes.iter().filter(|s| s.title == scene.title).count() == 1;
            let plain = !scene.title.contains(['[', ']', '{', '}', '|', '\\'])
                && !scene.title.contains("->")
                && !scene.title.contains("<-")
                && !SPECIAL_NAMES.contains(&scene.title.as_str());
            if unique && plain && scene_id(&scene.title) == scene.id { scene.title.clone() } else { scene.id.clone() }
        })
        .collect()
}

fn link(choice: &Choice, target: &str) -> String {
    // `label|target` is read from the last `|`, so it carries any label; `->` reads better in Twine when it can.
    let arrow_safe = !choice.label.contains('|') && !choice.label.contains("->") && !choice.label.contains("<-");
    let mut link = if choice.set.is_empty() && arrow_safe {
        format!("[[{}->{target}]]", choice.label)
    } else {
        let set: Vec<String> = choice.set.iter().map(|(flag, value)| format!("${flag} to {value}")).collect();
        format!("[[{}|{target}][{}]]", choice.label, set.join(", "))
    };
    if !choice.when.is_empty() {
        let test: Vec<String> = choice
            .when
            .iter()
            .map(|(flag, value)| if *value { format!("${flag}") } else { format!("not ${flag}") })
            .collect();
        link = format!("<<if {}>>{link}<</if>>", test.join(" and "));
    }
    if choice.sensitive {
        link.push_str(" /* sensitive */");
    }
    link
}

fn meta(doc: &StoryDoc) -> String {
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines = vec![
        format!("id: {}", doc.id),
        format!("summary: {}", one_line(&doc.summary)),
        format!("language: {}", doc.language),
        format!("age: {}-{}", doc.age.min, doc.age.max),
    ];
    if let Some((words, _)) = AUDIENCE_WORDS.iter().find(|(_, a)| *a == doc.audience && *a != Audience::YoungPeople) {
        lines.push(format!("audience: {words}"));
    }
    lines.push(format!("content note: {}", one_line(&doc.content_note)));
    lines.push(format!("minutes: {}", doc.minutes));
    if !doc.topics.is_empty() {
        lines.push(format!("topics: {}", doc.topics.join(", ")));
    }
    lines.push(format!("writer: {}", one_line(&doc.credits.writer)));
    lines.push(format!("artist: {}", one_line(&doc.credits.artist)));
    if let Some(thanks) = &doc.credits.thanks {
        lines.push(format!("thanks: {}", one_line(thanks)));
    }
    if let Some(licence) = &doc.credits.licence {
        lines.push(format!("licence: {}", one_line(licence)));
    }
    lines.join("\n") + "\n"
}

fn kind_word(kind: crate::engine::format::EndingKind) -> &'static str {
    match kind {
        crate::engine::format::EndingKind::Positive => "positive",
        crate::engine::format::EndingKind::Mixed => "mixed",
        crate::engine::format::EndingKind::Concerning => "concerning",
    }
}

/// Passage text with a line that starts with `::` escaped, as Twine writes it, so it is not read as a header.
fn escape_text(text: &str) -> String {
    text.lines()
        .map(|line| if line.starts_with("::") { format!("\\{line}") } else { line.to_owned() })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An IFID for the story that stays the same on every export: two FNV-1a hashes of its id, in the shape of a
/// version 4 UUID, as Twine makes them.
fn ifid(id: &str) -> String {
    let hash = |seed: u64| id.bytes().fold(seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    let high = hash(0xcbf2_9ce4_8422_2325);
    let low = hash(0x8422_2325_cbf2_9ce4);
    let high = (high & !0xf000) | 0x4000;
    let low = (low & !(0xc << 60)) | (0x8 << 60);
    let hex = format!("{high:016X}{low:016X}");
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ifid_is_the_same_each_time_and_shaped_as_a_version_4_uuid() {
        let one = ifid("sharing-an-image");
        assert_eq!(one, ifid("sharing-an-image"));
        assert_ne!(one, ifid("new-in-the-game-chat"));
        assert_eq!(one.len(), 36);
        assert_eq!(&one[14..15], "4", "{one}");
        assert!("89AB".contains(&one[19..20]), "{one}");
    }
}
