//! Exit this page: the red button on every screen, and Shift pressed three times.

use std::cell::Cell;

use yew::prelude::*;

use crate::ui::messages::t;

use crate::ui::browser;

/// The red "Exit this page" button, in the same place on every screen: a plain link to the neutral site, so it
/// leaves with no script at all (`_top` leaves the host page too when the player is in a frame). Wherever script
/// runs, the loader's listener for `a.exit-button` (`assets/exit-this-page.js`) also forgets the tab's progress and
/// the offline copy and replaces the page, so Back does not return.
///
/// A plain function rather than a component: it has no state or effects, and every component's lifecycle adds
/// wasm that readers download.
pub fn exit_button() -> Html {
    html! {
        <a class="exit-button" href={browser::exit::NEUTRAL_SITE} target="_top" rel="noreferrer">
            {t!("exit-this-page")}
            <span class="visually-hidden">{t!("exit-shortcut")}</span>
        </a>
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
