//! What `storycheck lint` and `stats` add for authors, beyond what a story must pass to load: wording against the
//! UK guidance, reading level against the age band, bubbles that would overlap or leave their panel, alt texts
//! against what each picture shows, and the age of the help directory's facts. The player never calls these, so
//! the linker leaves them out of its wasm.

pub(crate) mod bubbles;
pub(crate) mod calendar;
pub(crate) mod facts;
pub(crate) mod pictures;
pub(crate) mod reading;
pub(crate) mod wording;
