//! The branch map of a story: as Mermaid or Graphviz DOT for authors and reviewers, and laid out in rows for the
//! lesson pack to draw.

use super::characters::terminal_safe;
use super::format::{EndingKind, Next};
use super::story::Story;

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

/// Every way on in the story, in file order, as the node names it joins and the choice's label when the reader
/// picks it.
fn edges(story: &Story) -> impl Iterator<Item = (String, String, Option<&str>)> {
    story.scenes().iter().enumerate().flat_map(move |(from, scene)| {
        story
            .ways_on(from)
            .map(|(to, choice)| (node_name(&scene.id), node_name(&to.id), choice.map(|c| c.label.as_str())))
    })
}

/// A Mermaid flowchart: decisions as diamonds, endings as rounded boxes coloured by kind, with a legend that gives
/// each kind in `words`.
pub fn mermaid_graph(story: &Story, words: fn(EndingKind) -> &'static str) -> String {
    let mut out = String::from("flowchart TD\n");
    for scene in story.scenes() {
        let name = node_name(&scene.id);
        let label = mermaid_label(&scene.title);
        let line = match &scene.next {
            Next::Choices(c) if c.len() > 1 => format!("  {name}{{\"{label}\"}}\n"),
            Next::Ending(ending) => format!("  {name}([\"END: {label}\"]):::{}\n", ending.kind.name()),
            _ => format!("  {name}[\"{label}\"]\n"),
        };
        out.push_str(&line);
    }
    for (from, to, label) in edges(story) {
        out.push_str(&match label {
            Some(label) => format!("  {from} -->|\"{}\"| {to}\n", mermaid_label(label)),
            None => format!("  {from} --> {to}\n"),
        });
    }
    // The legend, as comments: the tints say how far things went, never whether the reader chose well.
    for &kind in EndingKind::ALL {
        out.push_str(&format!("  %% {}: {}\n", kind.name(), words(kind)));
    }
    for &kind in EndingKind::ALL {
        let (fill, stroke) = kind_colours(kind);
        out.push_str(&format!("  classDef {} fill:{fill},stroke:{stroke}\n", kind.name()));
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

/// A Graphviz DOT digraph with the same shapes as [`mermaid_graph`], each ending's kind in `words` as its tooltip.
pub fn dot_graph(story: &Story, words: fn(EndingKind) -> &'static str) -> String {
    let mut out = format!("digraph \"{}\" {{\n  rankdir=TB;\n  node [fontname=\"sans-serif\"];\n", story.id());
    for scene in story.scenes() {
        let name = node_name(&scene.id);
        let label = dot_label(&scene.title);
        let attrs = match &scene.next {
            Next::Choices(c) if c.len() > 1 => "shape=diamond".to_owned(),
            Next::Ending(ending) => format!(
                "shape=box, style=\"rounded,filled\", peripheries=2, fillcolor=\"{}\", tooltip=\"{}\"",
                kind_colours(ending.kind).0,
                words(ending.kind)
            ),
            _ => "shape=box".to_owned(),
        };
        out.push_str(&format!("  {name} [label=\"{label}\", {attrs}];\n"));
    }
    for (from, to, label) in edges(story) {
        out.push_str(&match label {
            Some(label) => format!("  {from} -> {to} [label=\"{}\"];\n", dot_label(label)),
            None => format!("  {from} -> {to};\n"),
        });
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
    let order = story.reading_order_indexes();
    // Each scene's place in the reading order, by its index in the story.
    let mut place = vec![usize::MAX; story.scenes().len()];
    for (i, &at) in order.iter().enumerate() {
        place[at] = i;
    }
    let mut rows = vec![usize::MAX; order.len()];
    if let Some(first) = rows.first_mut() {
        *first = 0;
    }
    let mut edges = Vec::new();
    // Reading order is breadth first, so the first scene to reach another is one of the nearest to the start.
    for (from, &at) in order.iter().enumerate() {
        for to in story.targets(at).map(|target| place[target]) {
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
        .map(|(i, (&at, row))| {
            if row_sizes.len() <= row {
                row_sizes.resize(row + 1, 0);
            }
            let column = row_sizes[row];
            row_sizes[row] += 1;
            let scene = &story.scenes()[at];
            let ending = match &scene.next {
                Next::Ending(ending) => Some(ending.kind),
                _ => None,
            };
            MapNode { id: scene.id.clone(), number: i + 1, row, column, ending }
        })
        .collect();
    BranchMap { nodes, edges, row_sizes }
}
