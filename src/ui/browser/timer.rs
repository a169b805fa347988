//! Doing something once, a while later.

use wasm_bindgen::prelude::Closure;

/// Calls `done` after `ms` milliseconds, unless the returned guard has been dropped by then.
pub fn after(ms: i32, done: impl FnOnce() + 'static) -> Option<Closure<dyn FnMut()>> {
    let done = Closure::once(done);
    let window = web_sys::window()?;
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(wasm_bindgen::JsCast::unchecked_ref(done.as_ref()), ms)
        .ok()?;
    Some(done)
}
