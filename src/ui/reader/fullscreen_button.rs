use yew::prelude::*;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Enters full screen, or leaves it. Does nothing where the browser or the host page does not allow it.
pub fn toggle_fullscreen() {
    match document() {
        Some(document) if document.fullscreen_element().is_some() => document.exit_fullscreen(),
        _ => enter_fullscreen(),
    }
}

/// Enters full screen unless the page is already in it (or the browser does not allow it).
fn enter_fullscreen() {
    if let Some(document) = document().filter(|d| d.fullscreen_enabled() && d.fullscreen_element().is_none())
        && let Some(root) = document.document_element()
    {
        let _ = root.request_fullscreen();
    }
}

/// Leaves full screen if the page is in it.
pub fn leave_fullscreen() {
    if let Some(document) = document().filter(|d| d.fullscreen_element().is_some()) {
        document.exit_fullscreen();
    }
}

/// "Full screen" for a class or a small frame. Shown only where the browser (and, in a frame, the host page's
/// `allow="fullscreen"`) permits it; pressing it again, or Esc, leaves.
#[function_component]
pub fn FullscreenButton() -> Html {
    let active = use_state(|| document().is_some_and(|d| d.fullscreen_element().is_some()));
    {
        let active = active.clone();
        use_effect_with((), move |_| {
            let listener = document().map(|d| {
                gloo_events::EventListener::new(&d, "fullscreenchange", move |_| {
                    active.set(document().is_some_and(|d| d.fullscreen_element().is_some()));
                })
            });
            move || drop(listener)
        });
    }
    if !document().is_some_and(|d| d.fullscreen_enabled()) {
        return html! {};
    }
    let onclick = Callback::from(|_: MouseEvent| toggle_fullscreen());
    html! {
        <button type="button" class="button" {onclick} aria-pressed={active.to_string()}>
            { if *active { "Leave full screen" } else { "Full screen" } }
        </button>
    }
}
