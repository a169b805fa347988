//! The teacher's page, `teacher.html`: the whole player plus the presenter view and the lesson pack. It is a
//! second wasm binary so that a young person opening the player never downloads the teacher's screens.

// The same allocator as the player (see `src/main.rs`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    safety_stories::ui::start_with_teacher_screens();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The teacher's page runs in a browser: use `scripts/serve` and open teacher.html.");
    std::process::exit(2);
}
