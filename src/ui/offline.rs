//! Offline lessons: registers the service worker that keeps the site's files (`dist/sw.js`, built from
//! `scripts/service-worker.template.js`), and has it delete that copy when the reader presses Exit this page.
//!
//! Only the teacher's page asks for it (present mode, the presenter view, the lesson pack). A young person
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
pub fn keep_for_lessons() {
    let Some(promise) = service_workers()
        .and_then(|container| call(&container, "register", "./sw.js"))
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Asks the service worker to delete its copy of the site and unregister (see
/// `scripts/service-worker.template.js`), so nothing on the device shows the site was used. Used by Exit this page.
pub fn forget() {
    if let Some(controller) = service_workers().and_then(|container| get(&container, "controller")) {
        let _ = call(&controller, "postMessage", "forget");
    }
}
