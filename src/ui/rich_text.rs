use yew::prelude::*;

use crate::engine::text::{paragraphs, spans};

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: AttrValue,
}

/// Story text as paragraphs with `*emphasis*`; never HTML.
#[function_component]
pub fn RichText(props: &RichTextProps) -> Html {
    paragraphs(&props.text)
        .into_iter()
        .map(|paragraph| {
            let parts = spans(paragraph).into_iter().map(|span| {
                if span.emphasis { html! { <em>{span.text}</em> } } else { html! { {span.text} } }
            });
            html! { <p>{ for parts }</p> }
        })
        .collect()
}
