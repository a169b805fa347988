//! Bubbles placed on the art that would cover each other or leave their panel, judged by the estimated box of the
//! layout contract (`comic.rs`) at the panel's own size, 800 x 500. A bubble without `at` flows under its panel
//! and is never judged here.

use crate::engine::comic::{BubbleBox, bubble_box};
use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::format::Panel;
use crate::engine::story::Story;

/// One problem with the bubbles of a panel: by their indexes in the panel's `bubbles`.
#[derive(Debug, Clone, PartialEq)]
pub enum BubbleProblem {
    /// Bubble `.1` covers bubble `.0`, or comes closer to it than 1% of the panel's width; `.0` comes first.
    Overlap(usize, usize),
    /// The bubble goes past the panel's edges by these many pixels: left, top, right, bottom.
    LeavesPanel(usize, [f64; 4]),
}

/// Every overlap and every bubble past the panel's edges, in the order of the panel's bubbles.
pub fn panel_bubble_problems(panel: &Panel) -> Vec<BubbleProblem> {
    // A spot off the panel is an error storycheck reports already; its box would only repeat it.
    let boxes: Vec<Option<BubbleBox>> = panel
        .bubbles
        .iter()
        .map(|bubble| bubble_box(bubble).filter(|_| bubble.at.is_some_and(|at| at.x <= 100 && at.y <= 100)))
        .collect();
    let mut problems = Vec::new();
    for (i, this) in boxes.iter().enumerate() {
        let Some(this) = this else { continue };
        let past = this.past_edges();
        if past.iter().any(|&p| p > 0.0) {
            problems.push(BubbleProblem::LeavesPanel(i, past));
        }
        for (j, earlier) in boxes[..i].iter().enumerate() {
            if earlier.is_some_and(|earlier| earlier.too_close(this)) {
                problems.push(BubbleProblem::Overlap(j, i));
            }
        }
    }
    problems
}

/// Warnings, placed at the bubble's `at`, for every panel of `story` whose bubbles would overlap or leave it.
pub fn bubble_warnings(story: &Story, source: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, scene) in story.scenes().iter().enumerate() {
        for (p, panel) in scene.panels.iter().enumerate() {
            let bubbles = JsonPath::root().key("scenes").index(i).key("panels").index(p).key("bubbles");
            for problem in panel_bubble_problems(panel) {
                let warning = match problem {
                    BubbleProblem::Overlap(first, second) => Diagnostic::warning(
                        "bubbles-overlap",
                        format!(
                            "bubble {} would cover bubble {} of this panel, or come closer than 1% of its width, at \
                             the panel's own size (800 x 500); move one of them with `at` or shorten the text",
                            second + 1,
                            first + 1
                        ),
                        bubbles.index(second).key("at"),
                    ),
                    BubbleProblem::LeavesPanel(b, past) => {
                        let edges: Vec<String> = ["left", "top", "right", "bottom"]
                            .iter()
                            .zip(past)
                            .filter(|(_, p)| *p > 0.0)
                            .map(|(edge, p)| format!("the {edge} edge by {} px", p.ceil()))
                            .collect();
                        Diagnostic::warning(
                            "bubble-leaves-panel",
                            format!(
                                "bubble {} would go past {} at the panel's own size (800 x 500); move `at` or \
                                 shorten the text",
                                b + 1,
                                edges.join(" and ")
                            ),
                            bubbles.index(b).key("at"),
                        )
                    }
                };
                out.push(warning.in_scene(&scene.id));
            }
        }
    }
    Diagnostic::locate_all(&mut out, source);
    Diagnostic::sort_in_file_order(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::format::{Bubble, BubbleKind, Spot};

    fn bubble(text: &str, at: Option<(u8, u8)>) -> Bubble {
        Bubble {
            speaker: "Sam".into(),
            text: text.into(),
            kind: BubbleKind::Speech,
            at: at.map(|(x, y)| Spot { x, y }),
            tail: None,
        }
    }

    fn panel(bubbles: Vec<Bubble>) -> Panel {
        Panel { image: "assets/x/a.svg".into(), alt: "A room.".into(), caption: None, sizes: vec![], bubbles }
    }

    #[test]
    fn bubbles_in_opposite_corners_are_fine() {
        let found = panel_bubble_problems(&panel(vec![bubble("Hi!", Some((4, 6))), bubble("Hello.", Some((96, 94)))]));
        assert_eq!(found, vec![], "one top left, one bottom right");
    }

    #[test]
    fn two_bubbles_at_nearly_the_same_spot_overlap_and_the_later_one_is_named() {
        let found = panel_bubble_problems(&panel(vec![
            bubble("Hi!", Some((10, 10))),
            bubble("Far away.", Some((90, 90))),
            bubble("Hello.", Some((12, 14))),
        ]));
        assert_eq!(found, vec![BubbleProblem::Overlap(0, 2)]);
    }

    #[test]
    fn bubbles_without_at_are_never_judged() {
        let found =
            panel_bubble_problems(&panel(vec![bubble(&"long ".repeat(40), None), bubble(&"long ".repeat(40), None)]));
        assert_eq!(found, vec![], "bubbles without `at` flow under the panel");
    }

    #[test]
    fn a_long_bubble_hung_from_the_middle_runs_off_the_bottom() {
        // 160 characters wrap to 7 lines: 1.2f + 1.04f + 7 x 1.3f = 11.34 x 22.4 = 254.0 px from y = 250.
        let found = panel_bubble_problems(&panel(vec![bubble(&"a".repeat(160), Some((10, 50)))]));
        let [BubbleProblem::LeavesPanel(0, [0.0, 0.0, 0.0, bottom])] = found[..] else {
            panic!("expected one bubble past the bottom edge only, found {found:?}");
        };
        assert!((bottom - 4.016).abs() < 1e-9, "{bottom} px past the bottom");
    }

    #[test]
    fn a_spot_off_the_panel_is_left_to_the_loader_check() {
        let found = panel_bubble_problems(&panel(vec![bubble("Hi!", Some((200, 10)))]));
        assert_eq!(found, vec![], "`at.x` 200 is reported as `spot-off-panel` by storycheck");
    }
}
