//! Safety stories: a story engine (pure Rust) and, in the browser, the Yew player built on it.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;

// talc is smaller than the default dlmalloc in wasm (about 5 KB less), and the player has a byte budget. It is
// set here, in the library, so both browser binaries (the player and the teacher's page) use it.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
