//! The teacher's page, `teacher.html`: the whole player plus the teacher notes window and the lesson pack. It is a
//! second wasm binary so that a young person opening the player never downloads the teacher's screens.

#[cfg(target_arch = "wasm32")]
fn main() {
    safety_stories::ui::start_teachers_page();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The teacher's page runs in a browser: use `scripts/serve` and open teacher.html.");
    std::process::exit(2);
}
