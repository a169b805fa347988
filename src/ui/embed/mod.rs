//! Putting the stories on another website: the page with the code to paste, and the address's options.

pub mod embed_page;
pub mod page_options;
