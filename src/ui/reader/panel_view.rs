use yew::prelude::*;

use crate::engine::{BubbleKind, Panel};

#[derive(Properties, PartialEq)]
pub struct PanelViewProps {
    pub panel: Panel,
    /// The first picture of a scene loads at once; later ones when they come near the screen.
    #[prop_or_default]
    pub eager: bool,
    /// The way up from the page to the site's folder, where the picture's path starts (see `Route::up`).
    #[prop_or_default]
    pub up: AttrValue,
}

/// One illustrated panel: the picture, then what people say as real text.
#[function_component]
pub fn PanelView(props: &PanelViewProps) -> Html {
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
        html! {
            <img class="picture" src={format!("{}{}", props.up, panel.image)} alt={panel.alt.clone()} width="800" height="500"
                loading={if props.eager { "eager" } else { "lazy" }} {onerror} />
        }
    };
    let bubbles = panel.bubbles.iter().map(|bubble| {
        let (class, verb) = match bubble.kind {
            BubbleKind::Speech => ("bubble is-speech", "says"),
            BubbleKind::Thought => ("bubble is-thought", "thinks"),
            BubbleKind::Caption => ("bubble is-caption", "tells"),
            BubbleKind::Message => ("bubble is-message", "messages"),
            BubbleKind::Shout => ("bubble is-shout", "shouts"),
        };
        html! {
            <li class={class}>
                <span class="bubble-speaker">{bubble.speaker.clone()}<span class="visually-hidden">{format!(" {verb}: ")}</span></span>
                <span class="bubble-text">{bubble.text.clone()}</span>
            </li>
        }
    });
    html! {
        <figure class="panel">
            <div class="picture-frame">{picture}</div>
            if !panel.bubbles.is_empty() {
                <ul class="bubbles">{ for bubbles }</ul>
            }
            if let Some(caption) = &panel.caption {
                <figcaption>{caption.clone()}</figcaption>
            }
        </figure>
    }
}
