//! Everything that calls the browser directly (web-sys, js-sys, wasm-bindgen, gloo): the address, keys, storage,
//! downloads, focus, full screen, Exit this page, offline, the static fallback. Components call these from
//! effects and callbacks, never while drawing, so that the same components can be drawn without a browser.

pub mod address;
pub mod channel;
pub mod document;
pub mod exit;
pub mod fallback;
pub mod fetch;
pub mod files;
pub mod focus;
pub mod form;
pub mod fullscreen;
pub mod keyboard;
pub mod loader;
pub mod offline;
pub mod print;
pub mod storage;
pub mod timer;
