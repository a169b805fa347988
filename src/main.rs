//! The browser app's entry point; everything lives in the library so tests can reach it.

// talc is smaller than the default dlmalloc in wasm (about 5 KB less), and the player has a byte budget.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    safety_stories::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The player runs in a browser: use `scripts/serve`. For checking stories, run `storycheck`.");
    std::process::exit(2);
}
