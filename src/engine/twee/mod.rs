//! Twine's Twee 3 notation in and out: `storycheck import` reads a story written in Twine (`import.rs`, with the
//! passages split out by `parse.rs`), and `storycheck export --twee` writes one back for Twine (`export.rs`). The
//! player never reads Twee, so `mod.rs` of the engine leaves this module out of the wasm build.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod parse;
