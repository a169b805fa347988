//! What a young person reading a story sees: the library, a story's start, its scenes and endings, and help.

pub mod choice_list;
pub mod class_list;
pub mod ending_view;
pub mod error_view;
pub mod exit_this_page;
pub mod fullscreen_button;
pub mod help_list;
pub mod help_page;
pub mod intro_page;
pub mod language_switch;
pub mod library_page;
pub mod panel_view;
pub mod read_aloud;
pub mod reading_settings;
pub mod rich_text;
pub mod scene_page;
pub mod service_card;
pub mod story_loader;
pub mod transcript_view;
