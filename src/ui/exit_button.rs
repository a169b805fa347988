use yew::prelude::*;

/// The red "Exit this page" button, in the same place on every screen.
#[function_component]
pub fn ExitButton() -> Html {
    let onclick = Callback::from(|_: MouseEvent| super::exit::exit_now());
    html! {
        <button type="button" class="exit-button" {onclick}>
            {"Exit this page"}
            <span class="visually-hidden">{" (or press Shift three times)"}</span>
        </button>
    }
}
