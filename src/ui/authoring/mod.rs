//! What authors use to make a story, only on the teacher's page: "Try your own story", the preview of a story file
//! from the author's own device (`preview_page`), with its logic, which needs no browser, in `preview`.

pub mod preview;
pub mod preview_page;
