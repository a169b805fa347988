//! Safety stories: a story engine (pure Rust) and, in the browser, the Yew player built on it.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
