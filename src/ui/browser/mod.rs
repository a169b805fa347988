//! Everything that talks to the browser directly: storage, downloads, focus, Exit this page, offline, fallback.

pub mod exit;
pub mod fallback;
pub mod fetch;
pub mod focus;
pub mod offline;
pub mod storage;
