//! Classes worked out as a view is drawn, without Yew's `Classes`.
//!
//! `html!` turns every `class` that is not a string literal (a variable, `classes!(...)`, even a `&'static str`)
//! into Yew's `Classes`: a set of names, each hashed as it goes in, joined again into one string for the page. That
//! code cost the player about 2 KB of brotli (docs/size.md). The player's classes are a few names its views
//! already know, so a view writes its element with a literal class, the one every such element has, and
//! `with_class` puts the whole list in its place.
use std::rc::Rc;

use yew::virtual_dom::{AttributeOrProperty, Attributes};
use yew::{AttrValue, Html};

/// `element`, drawn by `html!` with a literal `class`, with `class` as its class instead.
///
/// With every attribute a literal, `html!` makes a static list; the element must then have no attribute but its
/// class, as the list cannot grow a value worked out now. With any other attribute worked out as it is drawn, it
/// lists the keys once and their values beside them, and the class's value is swapped in place.
/// `with_class_writes_the_whole_list` below holds both forms to the class written out.
pub fn with_class(mut element: Html, class: AttrValue) -> Html {
    if let Html::VTag(tag) = &mut element
        && let Some(tag) = Rc::get_mut(tag)
    {
        let class = Some(AttributeOrProperty::Attribute(class));
        match &mut tag.attributes {
            Attributes::Dynamic { keys, values } => {
                if let Some(at) = keys.iter().position(|key| *key == "class") {
                    values[at] = class;
                }
            }
            Attributes::Static([("class", _)]) => {
                tag.attributes = Attributes::Dynamic { keys: &["class"], values: Box::new([class]) };
            }
            _ => debug_assert!(false, "with_class needs an element whose only literal attribute is its class"),
        }
    }
    element
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use yew::prelude::*;

    use super::with_class;

    /// Both forms `html!` gives an element's attributes: all literals, and one worked out as it is drawn.
    #[function_component]
    fn BothForms() -> Html {
        let href = String::from("/help");
        html! {
            <>
                { with_class(html! { <li class="bubble">{"alone"}</li> }, "bubble is-shout at-x7".into()) }
                { with_class(html! { <a class="service" {href}>{"beside"}</a> }, "service is-featured".into()) }
            </>
        }
    }

    fn draw() -> String {
        let (send, receive) = std::sync::mpsc::channel();
        yew::platform::Runtime::default().spawn_pinned(move || async move {
            let _ = send.send(yew::LocalServerRenderer::<BothForms>::new().hydratable(false).render().await);
        });
        receive.recv().expect("the renderer draws the test component")
    }

    #[test]
    fn with_class_writes_the_whole_list() {
        let drawn = draw();
        assert!(
            drawn.contains(r#"<li class="bubble is-shout at-x7">alone</li>"#),
            "the lone class was not replaced: {drawn}"
        );
        assert!(
            drawn.contains(r#"<a href="/help" class="service is-featured">beside</a>"#),
            "the class beside another attribute was not replaced: {drawn}"
        );
    }
}
