//! Exit this page: the red button on every screen, and Shift pressed three times.

use std::cell::Cell;

use yew::prelude::*;

use crate::ui::browser;

/// The red "Exit this page" button, in the same place on every screen.
///
/// A plain function rather than a component: it has no state or effects, and every component's lifecycle adds
/// wasm that readers download.
pub fn exit_button() -> Html {
    let onclick = Callback::from(|_: MouseEvent| browser::exit::exit_now());
    html! {
        <button type="button" class="exit-button" {onclick}>
            {"Exit this page"}
            <span class="visually-hidden">{" (or press Shift three times)"}</span>
        </button>
    }
}

/// Shift pressed three times leaves the site, wherever focus is.
#[hook]
pub fn use_exit_shortcut() {
    use_effect_with((), |_| {
        let counter = Cell::new(ShiftCounter::default());
        let listener = browser::keyboard::on_key(move |key| {
            let mut shifts = counter.get();
            let leave = !key.repeat && shifts.press(&key.name, key.time_ms);
            counter.set(shifts);
            if leave {
                browser::exit::exit_now();
            }
            false
        });
        move || drop(listener)
    });
}

/// Counts Shift presses: three in a row, each within five seconds of the last, means exit. Any other key
/// starts the count again.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct ShiftCounter {
    presses: u8,
    last_ms: f64,
}

impl ShiftCounter {
    /// Returns true when this key press completes the shortcut.
    pub fn press(&mut self, key: &str, now_ms: f64) -> bool {
        if key != "Shift" {
            *self = ShiftCounter::default();
            return false;
        }
        if self.presses > 0 && now_ms - self.last_ms > 5_000.0 {
            self.presses = 0;
        }
        self.presses += 1;
        self.last_ms = now_ms;
        if self.presses >= 3 {
            *self = ShiftCounter::default();
            return true;
        }
        false
    }
}
