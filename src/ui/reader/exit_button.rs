use yew::prelude::*;

/// The red "Exit this page" button, in the same place on every screen.
///
/// A plain function rather than a component: it has no state or effects, and every component's lifecycle adds
/// wasm that readers download.
pub fn exit_button() -> Html {
    let onclick = Callback::from(|_: MouseEvent| crate::ui::browser::exit::exit_now());
    html! {
        <button type="button" class="exit-button" {onclick}>
            {"Exit this page"}
            <span class="visually-hidden">{" (or press Shift three times)"}</span>
        </button>
    }
}
