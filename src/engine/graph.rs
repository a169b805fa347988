//! The branch map of a story as Mermaid or Graphviz DOT, so authors and reviewers can see its shape.

use super::format::{EndingKind, Next};
use super::load::Story;

fn quote(text: &str) -> String {
    // Both formats accept these entity-like escapes inside quoted labels.
    text.replace('"', "#quot;").replace('\n', " ")
}

fn node_name(id: &str) -> String {
    format!("s_{}", id.replace('-', "_"))
}

/// A Mermaid flowchart: decisions as diamonds, endings as rounded boxes coloured by kind.
pub fn mermaid(story: &Story) -> String {
    let mut out = String::from("flowchart TD\n");
    for scene in story.scenes() {
        let name = node_name(&scene.id);
        let label = quote(&scene.title);
        let line = match &scene.next {
            Next::Choices(c) if c.len() > 1 => format!("  {name}{{\"{label}\"}}\n"),
            Next::Ending(ending) => format!("  {name}([\"END: {label}\"]):::{}\n", kind_class(ending.kind)),
            _ => format!("  {name}[\"{label}\"]\n"),
        };
        out.push_str(&line);
    }
    for scene in story.scenes() {
        let from = node_name(&scene.id);
        match &scene.next {
            Next::Continue(to) => out.push_str(&format!("  {from} --> {}\n", node_name(to))),
            Next::Choices(choices) => {
                for choice in choices {
                    out.push_str(&format!("  {from} -->|\"{}\"| {}\n", quote(&choice.label), node_name(&choice.to)));
                }
            }
            Next::Ending(_) => {}
        }
    }
    out.push_str("  classDef positive fill:#d4f5dd,stroke:#1b6e33\n");
    out.push_str("  classDef mixed fill:#fff2c7,stroke:#8a6100\n");
    out.push_str("  classDef concerning fill:#fde0e0,stroke:#9b1c1c\n");
    out
}

fn kind_class(kind: EndingKind) -> &'static str {
    match kind {
        EndingKind::Positive => "positive",
        EndingKind::Mixed => "mixed",
        EndingKind::Concerning => "concerning",
    }
}

/// A Graphviz DOT digraph with the same shapes as [`mermaid`].
pub fn dot(story: &Story) -> String {
    let mut out = format!("digraph \"{}\" {{\n  rankdir=TB;\n  node [fontname=\"sans-serif\"];\n", story.id());
    for scene in story.scenes() {
        let name = node_name(&scene.id);
        let label = scene.title.replace('"', "\\\"");
        let attrs = match &scene.next {
            Next::Choices(c) if c.len() > 1 => "shape=diamond".to_owned(),
            Next::Ending(ending) => format!(
                "shape=box, style=\"rounded,filled\", peripheries=2, fillcolor=\"{}\"",
                match ending.kind {
                    EndingKind::Positive => "#d4f5dd",
                    EndingKind::Mixed => "#fff2c7",
                    EndingKind::Concerning => "#fde0e0",
                }
            ),
            _ => "shape=box".to_owned(),
        };
        out.push_str(&format!("  {name} [label=\"{label}\", {attrs}];\n"));
    }
    for scene in story.scenes() {
        let from = node_name(&scene.id);
        match &scene.next {
            Next::Continue(to) => out.push_str(&format!("  {from} -> {};\n", node_name(to))),
            Next::Choices(choices) => {
                for choice in choices {
                    let label = choice.label.replace('"', "\\\"");
                    out.push_str(&format!("  {from} -> {} [label=\"{label}\"];\n", node_name(&choice.to)));
                }
            }
            Next::Ending(_) => {}
        }
    }
    out.push_str("}\n");
    out
}
