//! What a teacher uses with a class, only on the teacher's page (see `teachers_page.rs`): presenting a story to a
//! class, the teacher notes window, the class vote and the lesson pack.

pub mod branch_map;
pub mod class_sync;
pub mod class_vote;
pub mod key_list;
pub mod lesson_pack;
pub mod present_to_class;
pub mod presenter_controls;
pub mod teacher_notes;
