//! What a teacher uses with a class (only on the teacher's page): present mode, the presenter view, the class
//! vote, the lesson pack.

pub mod branch_map_view;
pub mod class_sync;
pub mod key_list;
pub mod lesson_page;
pub mod present_bar;
pub mod present_mode;
pub mod presenter_page;
pub mod vote_view;
