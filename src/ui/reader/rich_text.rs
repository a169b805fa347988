use yew::prelude::*;

use crate::engine::{paragraphs, spans};

/// Story text as paragraphs with `*emphasis*`; never HTML.
///
/// A plain function rather than a component: it has no state or effects, and each Yew component costs about
/// 1.6 KB of wasm for its lifecycle, which readers download.
pub fn rich_text(text: &str) -> Html {
    paragraphs(text)
        .into_iter()
        .map(|paragraph| {
            let parts = spans(paragraph).into_iter().map(|span| {
                if span.emphasis {
                    html! { <em>{span.text}</em> }
                } else {
                    html! { {span.text} }
                }
            });
            html! { <p>{ for parts }</p> }
        })
        .collect()
}
