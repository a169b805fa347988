//! Safety stories: a story engine (pure Rust) and the Yew player built on it, which runs in the browser and
//! compiles on every target so that its logic is tested natively.

pub mod engine;

pub mod ui;

// talc is smaller than the default dlmalloc in wasm (about 5 KB less), and the player has a byte budget. It is
// set here, in the library, so both browser binaries (the player and the teacher's page) use it.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
