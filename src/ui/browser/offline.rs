//! Offline lessons: registers the service worker that keeps the site's files (`dist/sw.js`, built from
//! `scripts/service-worker.template.js`). Exit this page deletes that copy (`assets/exit-this-page.js`).
//!
//! Only the teacher's page asks for it (presenting to a class, the teacher notes window, the lesson pack). A young person
//! reading on a phone never downloads every story and picture into their browser's storage, which would cost
//! their data allowance and leave a trace of the site on the device.

use wasm_bindgen::{JsCast, JsValue};

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &key.into()).ok().filter(|value| !value.is_undefined() && !value.is_null())
}

/// Calls `target.method(argument)`, if there is such a method.
fn call(target: &JsValue, method: &str, argument: &str) -> Option<JsValue> {
    let method = get(target, method)?.dyn_into::<js_sys::Function>().ok()?;
    method.call1(target, &argument.into()).ok()
}

/// `navigator.serviceWorker`, read through `Reflect` because a sandboxed frame throws on it.
fn service_workers() -> Option<JsValue> {
    get(&web_sys::window()?.navigator(), "serviceWorker")
}

/// Registers the service worker. Wherever the browser refuses, lessons simply need the network.
///
/// Exit this page deletes the offline copy and every registration (`assets/exit-this-page.js`), even before the
/// worker controls the page; the registration under way is kept in `window.safetyStoriesRegistering` so that
/// Exit can wait for it and undo it too.
pub fn keep_for_lessons() {
    let Some(window) = web_sys::window() else { return };
    let Some(promise) = service_workers()
        .and_then(|container| call(&container, "register", "./sw.js"))
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    let _ = js_sys::Reflect::set(&window, &"safetyStoriesRegistering".into(), &promise);
    // Awaited here too, so that a refusal is handled, never reported as an uncaught error.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
