use yew::prelude::*;

use crate::ui::messages::t_with;

use crate::engine::BranchMap;
use crate::engine::EndingKind;
use crate::ui::words::ending_kind;

#[derive(Properties, PartialEq)]
pub struct BranchMapPictureProps {
    pub map: BranchMap,
}

// Whole numbers throughout: formatting an f64 would pull Rust's float printing into the wasm (about 9 KB brotli).
const ROW_HEIGHT: i32 = 70;
const COLUMN_WIDTH: i32 = 84;
const RADIUS: i32 = 17;

/// The branch map drawn as a picture: numbered circles for scenes, squares for endings (shaded by how far things
/// went, in tints that do not mean good or bad), arrows for every way on. The numbered list beside it says the same in words, so the picture is described by it.
#[function_component]
pub fn BranchMapPicture(props: &BranchMapPictureProps) -> Html {
    let map = &props.map;
    let widest = map.row_sizes.iter().copied().max().unwrap_or(1).max(4) as i32;
    let width = widest * COLUMN_WIDTH;
    let height = map.row_sizes.len() as i32 * ROW_HEIGHT;
    let centre = |index: usize| {
        let node = &map.nodes[index];
        let in_row = map.row_sizes.get(node.row).copied().unwrap_or(1).max(1) as i32;
        ((2 * node.column as i32 + 1) * width / (2 * in_row), node.row as i32 * ROW_HEIGHT + ROW_HEIGHT / 2)
    };
    let edges = map.edges.iter().map(|&(from, to)| {
        let ((x1, y1), (x2, y2)) = (centre(from), centre(to));
        // The arrow starts and ends at the circles' edges, not their centres.
        let length = f64::from((x2 - x1).pow(2) + (y2 - y1).pow(2)).sqrt().max(1.0);
        let along = |d: i32| (f64::from(d) / length * f64::from(RADIUS)).round() as i32;
        let (dx, dy) = (along(x2 - x1), along(y2 - y1));
        html! {
            <line class="map-edge" x1={(x1 + dx).to_string()} y1={(y1 + dy).to_string()}
                x2={(x2 - dx).to_string()} y2={(y2 - dy).to_string()} marker-end="url(#map-arrow)" />
        }
    });
    let nodes = map.nodes.iter().enumerate().map(|(index, node)| {
        let (x, y) = centre(index);
        let shape = match node.ending {
            None => html! { <circle cx={x.to_string()} cy={y.to_string()} r={RADIUS.to_string()} /> },
            Some(_) => html! {
                <rect x={(x - RADIUS).to_string()} y={(y - RADIUS).to_string()}
                    width={(2 * RADIUS).to_string()} height={(2 * RADIUS).to_string()} rx="4" />
            },
        };
        let kind = match node.ending {
            None => "map-node",
            Some(EndingKind::Positive) => "map-node is-positive",
            Some(EndingKind::Mixed) => "map-node is-mixed",
            Some(EndingKind::Concerning) => "map-node is-concerning",
        };
        html! {
            <g class={kind}>
                {shape}
                <text x={x.to_string()} y={(y + 5).to_string()} text-anchor="middle">{node.number}</text>
            </g>
        }
    });
    html! {
        <figure class="branch-picture">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-labelledby="branch-picture-caption">
                <defs>
                    <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                { for edges }
                { for nodes }
            </svg>
            <figcaption id="branch-picture-caption">
                {t_with!("teacher.branch-map-caption", &[
                    ("positive", &ending_kind(EndingKind::Positive)),
                    ("mixed", &ending_kind(EndingKind::Mixed)),
                    ("concerning", &ending_kind(EndingKind::Concerning)),
                ])}
            </figcaption>
        </figure>
    }
}
