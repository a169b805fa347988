//! Keyboard and screen-reader focus, and the tab's title: a new screen's heading takes focus whenever its `key`
//! changes.

use yew::prelude::*;

/// Moves focus to `node`'s element, if it is drawn.
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

#[hook]
pub fn use_focus_on_change<K: PartialEq + Clone + 'static>(node: NodeRef, key: K) {
    use_effect_with(key, move |_| focus(&node));
}

/// Sets the browser tab's title, so each screen is told apart (WCAG 2.4.2).
#[hook]
pub fn use_document_title(title: String) {
    use_effect_with(title, |title| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    });
}
