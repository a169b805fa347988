use yew::prelude::*;

use crate::ui::messages::{Key, key, t};

use crate::engine::{Bubble, BubbleKind, Panel};
use crate::ui::reader::class_list::with_class;

#[derive(Properties, PartialEq)]
pub struct PanelViewProps {
    pub panel: Panel,
    /// The first picture of a scene loads at once; later ones when they come near the screen.
    #[prop_or_default]
    pub eager: bool,
    /// The way up from the page to the site's folder, where the picture's path starts (see `Route::up`).
    #[prop_or_default]
    pub up: AttrValue,
    /// How many panels the scene's strip has, so a raster picture's `sizes` says how wide it is drawn.
    #[prop_or(1)]
    pub strip: usize,
}

/// One illustrated panel of a comic strip: the picture, then what people say as real text, in the story's reading
/// order (the alt text, then the bubbles). A bubble with a place (`at`) is drawn on the art where the panel is wide
/// enough for its text to be at least 16px (the stylesheet's container query decides, so the prerendered page is
/// already laid out with no script); otherwise, and always without `at`, it flows under the picture.
#[function_component]
pub fn PanelView(props: &PanelViewProps) -> Html {
    crate::ui::state::use_redraw_on_language();
    let failed = use_state(bool::default);
    let panel = &props.panel;
    {
        let failed = failed.clone();
        use_effect_with(panel.image.clone(), move |_| failed.set(false));
    }
    let onerror = {
        let failed = failed.clone();
        Callback::from(move |_: Event| failed.set(true))
    };
    let picture = if *failed {
        // A picture that will not load still tells its part of the story.
        html! { <div class="picture-missing" role="img" aria-label={panel.alt.clone()}><p>{panel.alt.clone()}</p></div> }
    } else {
        let (srcset, sizes) = match raster_copies(&props.up, panel) {
            Some(srcset) => (Some(srcset), Some(strip_sizes(props.strip))),
            None => (None, None),
        };
        html! {
            <img class="picture" src={format!("{}{}", props.up, panel.image)} {srcset} {sizes} alt={panel.alt.clone()}
                width="800" height="500" loading={if props.eager { "eager" } else { "lazy" }} {onerror} />
        }
    };
    let tails: Vec<Html> = panel.bubbles.iter().filter_map(tail).collect();
    html! {
        <figure class="panel">
            <div class="picture-frame">{picture}</div>
            if !tails.is_empty() {
                <svg class="tails" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    { for tails }
                </svg>
            }
            if !panel.bubbles.is_empty() {
                <ul class="bubbles">{ for panel.bubbles.iter().map(bubble_view) }</ul>
            }
            if let Some(caption) = &panel.caption {
                <figcaption>{caption.clone()}</figcaption>
            }
        </figure>
    }
}

fn kind_name(kind: BubbleKind) -> (&'static str, Key) {
    match kind {
        BubbleKind::Speech => ("is-speech", key!("bubble-says")),
        BubbleKind::Thought => ("is-thought", key!("bubble-thinks")),
        BubbleKind::Caption => ("is-caption", key!("bubble-tells")),
        BubbleKind::Message => ("is-message", key!("bubble-messages")),
        BubbleKind::Shout => ("is-shout", key!("bubble-shouts")),
    }
}

/// A bubble as real text. Its place on the art is a class per whole percent (`assets/style.css`, "Bubbles on the
/// art"), because the page's CSP refuses `style` attributes: `at-x7 at-y37` is the point 7% across the panel and
/// 37% down, where the bubble's left and top edges are; `at-r` puts its right edge there instead (from 51%, so it
/// grows leftwards) and `at-up` its bottom edge.
fn bubble_view(bubble: &Bubble) -> Html {
    let (kind, verb) = kind_name(bubble.kind);
    let mut class = format!("bubble {kind}");
    if let Some(at) = bubble.at {
        let (x, y) = (at.x.min(100), at.y.min(100));
        class += &format!(" on-art at-x{x} at-y{y}");
        if x > 50 {
            class += " at-r";
        }
        if y > 50 {
            class += " at-up";
        }
    }
    // A caption box names no one on the page; screen readers still hear who tells it.
    let speaker = if bubble.kind == BubbleKind::Caption { "bubble-speaker visually-hidden" } else { "bubble-speaker" };
    let speaker = with_class(
        html! {
            <span class="bubble-speaker">{bubble.speaker.clone()}<span class="visually-hidden" lang={crate::ui::messages::current_language()}>{t!(verb)}</span></span>
        },
        speaker.into(),
    );
    let item = html! {
        <li class="bubble">
            {speaker}
            <span class="bubble-text">{bubble.text.clone()}</span>
        </li>
    };
    with_class(item, class.into())
}

/// The middle of the box the comic contract estimates for a bubble placed at (x, y), in % of the panel's width and
/// height: its tail starts there, under the bubble, so it leaves the bubble on the side facing what it points at.
/// Whole numbers only (tenths of a percent of the width inside), as formatting floats would bring Rust's float
/// printing into the wasm (see docs/size.md).
fn bubble_middle(bubble: &Bubble, (x, y): (u8, u8)) -> (i32, i32) {
    // The font is 2.8% of the width: 28 tenths. A character is 0.55 of it wide (15.4), padding 1.6 of it (45).
    let text = bubble.text.chars().count() as i32 * 154 / 10;
    let lines = ((text * 11 / 10 + 414) / 415).max(1);
    let width = if lines > 1 { 460 } else { (text + 45).min(460) };
    let label = if bubble.kind == BubbleKind::Caption { 0 } else { 29 };
    let height = 34 + label + lines * 36;
    // Half the width in % of the width; half the height in % of the height, which is 5/8 of the width.
    let (dx, dy) = (width / 20, height * 2 / 25);
    let (x, y) = (i32::from(x.min(100)), i32::from(y.min(100)));
    (if x <= 50 { x + dx } else { x - dx }, if y <= 50 { y + dy } else { y - dy })
}

/// A bubble's tail on the panel's drawing of tails (a 100 by 100 box stretched over the picture): a wedge from the
/// middle of the bubble to the point it names, or for a thought two small rounds on the way there. A caption and a
/// bubble with no place or no point have none.
fn tail(bubble: &Bubble) -> Option<Html> {
    let (at, to) = (bubble.at?, bubble.tail?);
    let (kind, _) = kind_name(bubble.kind);
    let class = AttrValue::from(format!("tail {kind}"));
    let (x, y) = bubble_middle(bubble, (at.x, at.y));
    let (tx, ty) = (i32::from(to.x.min(100)), i32::from(to.y.min(100)));
    match bubble.kind {
        BubbleKind::Caption => None,
        BubbleKind::Thought => {
            // In a box stretched to 8:5 a unit is 8 wide for 5 high, so rounds are ellipses a unit taller than wide.
            let round = |part: i32, size: i32| {
                let (cx, cy) = (tx + (x - tx) * part / 12, ty + (y - ty) * part / 12);
                let round = html! { <ellipse class="tail" cx={cx.to_string()} cy={cy.to_string()}
                rx={size.to_string()} ry={(size + 1).to_string()} /> };
                with_class(round, class.clone())
            };
            Some(html! { <>{round(2, 1)}{round(4, 2)}</> })
        }
        _ => {
            // The wedge's base lies across its direction: upright for a tail going sideways, flat for one going
            // up or down (a unit across is 8 px for every 5 px down on an 800 by 500 panel).
            let sideways = (tx - x).abs() * 8 > (ty - y).abs() * 5;
            let (ax, ay, bx, by) = if sideways { (x, y - 5, x, y + 5) } else { (x - 3, y, x + 3, y) };
            let points = format!("{ax},{ay} {bx},{by} {tx},{ty}");
            Some(with_class(html! { <polygon class="tail" {points} /> }, class))
        }
    }
}

/// The `srcset` of a raster picture with copies in other widths: the copy `w` of `assets/x/ask.png` is
/// `assets/x/ask-w.png`. `None` for a picture without copies, or one drawn as SVG (sharp at any width).
fn raster_copies(up: &str, panel: &Panel) -> Option<String> {
    let (stem, extension) = panel.image.rsplit_once('.')?;
    let raster = ["png", "jpg", "jpeg", "webp", "avif"].iter().any(|r| extension.eq_ignore_ascii_case(r));
    if !raster || panel.sizes.is_empty() {
        return None;
    }
    let copies: Vec<String> = panel.sizes.iter().map(|w| format!("{up}{stem}-{w}.{extension} {w}w")).collect();
    Some(copies.join(", "))
}

/// How wide the stylesheet draws a panel of a strip of `panels` (`.panels` in `assets/style.css`): a lone panel is
/// the page's width up to the screen's height; panels go side by side from about 1,200px, where two are at least
/// 572px wide each.
fn strip_sizes(panels: usize) -> &'static str {
    if panels > 1 { "(min-width: 1200px) 50vw, 100vw" } else { "min(100vw, 100vh)" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bubble(text: &str, kind: BubbleKind) -> Bubble {
        Bubble { speaker: "Riley".into(), text: text.into(), kind, at: None, tail: None }
    }

    #[test]
    fn a_short_bubble_at_the_top_left_has_its_middle_just_below_and_right_of_its_corner() {
        // "Hi!" is 3 characters: 46 + 45 tenths wide, so 4% to the middle; one line high (34 + 29 + 36 = 99
        // tenths of the width), so 7% of the height to the middle.
        assert_eq!(bubble_middle(&bubble("Hi!", BubbleKind::Speech), (10, 5)), (14, 12));
    }

    #[test]
    fn a_long_bubble_at_the_bottom_right_grows_up_and_left() {
        let text = "This sentence is long enough to need more than one line in a bubble on a panel.";
        // 79 characters make four lines: the whole 46% wide (23 to the middle) and 34 + 29 + 4 * 36 = 207 tenths
        // of the width high (16% of the height to the middle).
        assert_eq!(bubble_middle(&bubble(text, BubbleKind::Speech), (90, 95)), (67, 79));
    }

    #[test]
    fn raster_pictures_with_copies_list_each_copy_by_width() {
        let panel = Panel {
            image: "assets/x/ask.png".into(),
            alt: "A picture.".into(),
            caption: None,
            sizes: vec![480, 960],
            bubbles: vec![],
        };
        assert_eq!(
            raster_copies("../../", &panel).as_deref(),
            Some("../../assets/x/ask-480.png 480w, ../../assets/x/ask-960.png 960w")
        );
        let svg = Panel { image: "assets/x/ask.svg".into(), ..panel.clone() };
        assert_eq!(raster_copies("", &svg), None, "an SVG draws sharp at any width");
        let alone = Panel { sizes: vec![], ..panel };
        assert_eq!(raster_copies("", &alone), None, "a picture without copies has no srcset");
    }

    /// The stylesheet's rules for a bubble's place, one per whole percent, as written between the markers in
    /// `assets/style.css` (this test prints them if they are missing).
    fn spot_rules() -> String {
        let x: String = (0..=100).map(|x| format!(".at-x{x}{{--x:{x}}}")).collect();
        let y: String = (0..=100).map(|y| format!(".at-y{y}{{--y:{y}}}")).collect();
        format!("{x}\n{y}\n")
    }

    #[test]
    fn the_stylesheet_places_bubbles_at_every_whole_percent() {
        let css = include_str!("../../../assets/style.css");
        let rules = spot_rules();
        assert!(css.contains(&rules), "assets/style.css should hold these rules for bubbles' places:\n{rules}");
    }
}
