use yew::prelude::*;

use crate::engine::EndingKind;
use crate::engine::graph::BranchMap;

#[derive(Properties, PartialEq)]
pub struct BranchMapViewProps {
    pub map: BranchMap,
}

const ROW_HEIGHT: f64 = 70.0;
const COLUMN_WIDTH: f64 = 84.0;
const RADIUS: f64 = 17.0;

/// The branch map drawn as a picture: numbered circles for scenes, squares for endings (shaded by kind), arrows
/// for every way on. The numbered list beside it says the same in words, so the picture is described by it.
#[function_component]
pub fn BranchMapView(props: &BranchMapViewProps) -> Html {
    let map = &props.map;
    let widest = map.row_sizes.iter().copied().max().unwrap_or(1).max(4);
    let width = widest as f64 * COLUMN_WIDTH;
    let height = map.row_sizes.len() as f64 * ROW_HEIGHT;
    let centre = |index: usize| {
        let node = &map.nodes[index];
        let in_row = map.row_sizes.get(node.row).copied().unwrap_or(1).max(1) as f64;
        ((node.column as f64 + 0.5) * width / in_row, node.row as f64 * ROW_HEIGHT + ROW_HEIGHT / 2.0)
    };
    let edges = map.edges.iter().map(|&(from, to)| {
        let ((x1, y1), (x2, y2)) = (centre(from), centre(to));
        let length = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt().max(1.0);
        let (dx, dy) = ((x2 - x1) / length * RADIUS, (y2 - y1) / length * RADIUS);
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
                    width={(2.0 * RADIUS).to_string()} height={(2.0 * RADIUS).to_string()} rx="4" />
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
                <text x={x.to_string()} y={(y + 5.0).to_string()} text-anchor="middle">{node.number}</text>
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
                {"The story from the start (top) to its endings: circles are scenes, squares are endings (green good, yellow ups and downs, red hard). Numbers match the list and the scenes below."}
            </figcaption>
        </figure>
    }
}
