//! Offline lessons: registers the service worker that keeps the site's files (`dist/sw.js`, built from
//! `scripts/service-worker.template.js`).
//!
//! Only a teacher's screens ask for it: present mode, the presenter view and the lesson pack. A young person
//! reading on a phone never downloads every story and picture into their browser's storage, which would cost
//! their data allowance and leave a trace of the site on the device.

use wasm_bindgen::JsCast;

/// Registers the service worker. Read through `Reflect`, because a sandboxed frame throws on
/// `navigator.serviceWorker`; wherever the browser refuses, lessons simply need the network.
pub fn keep_for_lessons() {
    let Some(window) = web_sys::window() else { return };
    let get = |target: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let Some(container) = get(&window.navigator(), "serviceWorker").filter(|c| c.is_object()) else { return };
    let Some(register) = get(&container, "register").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return;
    };
    if let Ok(promise) = register.call1(&container, &"./sw.js".into()).and_then(|p| p.dyn_into::<js_sys::Promise>()) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
