//! The branch map of a story: as Mermaid or Graphviz DOT for authors and reviewers, and laid out in rows for the
//! lesson pack to draw.

use super::format::{EndingKind, Next};
use super::hidden::terminal_safe;
use super::load::Story;

/// A label for inside Mermaid's double quotes. Mermaid reads `#quot;` and `#123;` as character references and
/// shows labels as HTML, so everything that could end the label, start markup or a reference, or turn the label
/// into Markdown is written as a reference; characters that hide or rewrite text are shown as escapes.
fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in terminal_safe(&text.replace(['\n', '\r'], " ")).chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#38;"),
            '<' => out.push_str("#60;"),
            '>' => out.push_str("#62;"),
            '`' => out.push_str("#96;"),
            _ => out.push(c),
        }
    }
    out
}

/// A label for inside DOT's double quotes, where a backslash escapes the next character (so a label ending in one
/// would swallow the closing quote) and `\n`, `\l` and `\N` mean line breaks and the node's name.
fn dot_label(text: &str) -> String {
    terminal_safe(&text.replace(['\n', '\r'], " ")).replace('\\', "\\\\").replace('"', "\\\"")
}

fn node_name(id: &str) -> String {
    format!("s_{}", id.replace('-', "_"))
}

/// A Mermaid flowchart: decisions as diamonds, endings as rounded boxes coloured by kind.
pub fn mermaid(story: &Story) -> String {
    let mut out = String::from("flowchart TD\n");
    for scene in story.scenes() {
        let name = node_name(&scene.id);
        let label = mermaid_label(&scene.title);
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
                    out.push_str(&format!("  {from} -->|\"{}\"| {}\n", mermaid_label(&choice.label), node_name(&choice.to)));
                }
            }
            Next::Ending(_) => {}
        }
    }
    // The legend, as comments: the tints say how far things went, never whether the reader chose well.
    for kind in [EndingKind::Positive, EndingKind::Mixed, EndingKind::Concerning] {
        out.push_str(&format!("  %% {}: {}\n", kind_class(kind), kind.label()));
    }
    for kind in [EndingKind::Positive, EndingKind::Mixed, EndingKind::Concerning] {
        let (fill, stroke) = kind_colours(kind);
        out.push_str(&format!("  classDef {} fill:{fill},stroke:{stroke}\n", kind_class(kind)));
    }
    out
}

/// Fill and line colours of an ending on a branch map: blue, lilac and sand, so that no colour reads as good
/// (green) or bad (red). The same tints as the lesson pack's drawn map.
fn kind_colours(kind: EndingKind) -> (&'static str, &'static str) {
    match kind {
        EndingKind::Positive => ("#e4eefa", "#1f5f8b"),
        EndingKind::Mixed => ("#efe7f8", "#5b3f8a"),
        EndingKind::Concerning => ("#f3ecdf", "#6b5320"),
    }
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
        let label = dot_label(&scene.title);
        let attrs = match &scene.next {
            Next::Choices(c) if c.len() > 1 => "shape=diamond".to_owned(),
            Next::Ending(ending) => format!(
                "shape=box, style=\"rounded,filled\", peripheries=2, fillcolor=\"{}\", tooltip=\"{}\"",
                kind_colours(ending.kind).0,
                ending.kind.label()
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
                    let label = dot_label(&choice.label);
                    out.push_str(&format!("  {from} -> {} [label=\"{label}\"];\n", node_name(&choice.to)));
                }
            }
            Next::Ending(_) => {}
        }
    }
    out.push_str("}\n");
    out
}

/// One scene on a drawn branch map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapNode {
    pub id: String,
    /// The scene's number in the lesson pack: its place in [`Story::reading_order`], from 1.
    pub number: usize,
    /// The fewest steps from the start to this scene: the row it is drawn in.
    pub row: usize,
    /// Its place in its row, from the left.
    pub column: usize,
    pub ending: Option<EndingKind>,
}

/// A story laid out in rows for drawing: the start at the top, each scene in the row of its shortest distance
/// from the start, so a reader's way through mostly runs downwards.
#[derive(Debug, Clone, PartialEq)]
pub struct BranchMap {
    pub nodes: Vec<MapNode>,
    /// Every way from one scene to another, as indexes into `nodes`, each pair once.
    pub edges: Vec<(usize, usize)>,
    /// How many scenes each row holds.
    pub row_sizes: Vec<usize>,
}

/// Lays the story out for a drawn branch map, numbered as in the lesson pack.
pub fn branch_map(story: &Story) -> BranchMap {
    let order = story.reading_order();
    let index: std::collections::BTreeMap<&str, usize> =
        order.iter().enumerate().map(|(i, scene)| (scene.id.as_str(), i)).collect();
    let mut rows = vec![usize::MAX; order.len()];
    if let Some(first) = rows.first_mut() {
        *first = 0;
    }
    let mut edges = Vec::new();
    // Reading order is breadth first, so the first scene to reach another is one of the nearest to the start.
    for (from, scene) in order.iter().enumerate() {
        let targets: Vec<&str> = match &scene.next {
            Next::Continue(to) => vec![to.as_str()],
            Next::Choices(choices) => choices.iter().map(|c| c.to.as_str()).collect(),
            Next::Ending(_) => Vec::new(),
        };
        for to in targets.into_iter().filter_map(|id| index.get(id).copied()) {
            if rows[to] == usize::MAX {
                rows[to] = rows[from].saturating_add(1);
            }
            if !edges.contains(&(from, to)) {
                edges.push((from, to));
            }
        }
    }
    let mut row_sizes: Vec<usize> = Vec::new();
    let nodes = order
        .iter()
        .zip(rows)
        .enumerate()
        .map(|(i, (scene, row))| {
            if row_sizes.len() <= row {
                row_sizes.resize(row + 1, 0);
            }
            let column = row_sizes[row];
            row_sizes[row] += 1;
            let ending = match &scene.next {
                Next::Ending(ending) => Some(ending.kind),
                _ => None,
            };
            MapNode { id: scene.id.clone(), number: i + 1, row, column, ending }
        })
        .collect();
    BranchMap { nodes, edges, row_sizes }
}
