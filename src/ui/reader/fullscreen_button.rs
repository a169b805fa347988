use yew::prelude::*;

use crate::ui::messages::t;

use crate::ui::browser::fullscreen;

/// "Full screen" for a class or a small frame. Shown only where the browser (and, in a frame, the host page's
/// `allow="fullscreen"`) permits it; pressing it again, or Esc, leaves.
#[function_component]
pub fn FullscreenButton() -> Html {
    crate::ui::state::use_redraw_on_language();
    // Whether full screen is allowed, and whether the page is in it: asked once drawn, never while drawing.
    // (`bool::default` rather than a closure: every `use_state` with the same initialiser shares its wasm.)
    let allowed = use_state(bool::default);
    let active = use_state(bool::default);
    {
        let (allowed, active) = (allowed.clone(), active.clone());
        use_effect_with((), move |_| {
            allowed.set(fullscreen::allowed());
            active.set(fullscreen::active());
            let listener = fullscreen::on_change(move || active.set(fullscreen::active()));
            move || drop(listener)
        });
    }
    let (allowed, active) = (*allowed, *active);
    if !allowed {
        return html! {};
    }
    let onclick = Callback::from(|_: MouseEvent| fullscreen::toggle());
    html! {
        <button type="button" class="button" {onclick} aria-pressed={active.to_string()}>
            { if active { t!("leave-full-screen") } else { t!("full-screen") } }
        </button>
    }
}
