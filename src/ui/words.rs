//! Words the reader sees for the engine's kinds of things, in one place so that they can be translated together.
//! The engine names kinds (`EndingKind`, `Audience`) and never words them; each front end words them itself.
use crate::ui::messages::{t, t_with};

use crate::engine::{AgeRange, Audience, EndingKind};

/// The heading over the services for one group of people.
pub fn audience_heading(audience: Audience) -> String {
    match audience {
        Audience::YoungPeople => t!("audience-young-people").to_string(),
        Audience::ParentsCarers => t!("audience-parents-carers").to_string(),
        Audience::Professionals => t!("audience-professionals").to_string(),
    }
}

/// Who a story is for, as its library card says it: the readers' ages for young people, the audience otherwise.
pub fn story_readers_short(audience: Audience, age: AgeRange) -> String {
    match audience {
        Audience::YoungPeople => t_with!("ages-short", &[("min", &age.min.to_string()), ("max", &age.max.to_string())]),
        other => audience_heading(other),
    }
}

/// Who a story is for, as its start screen and lesson pack say it.
pub fn story_readers(audience: Audience, age: AgeRange) -> String {
    match audience {
        Audience::YoungPeople => t_with!("ages-long", &[("min", &age.min.to_string()), ("max", &age.max.to_string())]),
        other => audience_heading(other),
    }
}

/// The headings of a story's guide in its lesson pack: a lesson with pupils for a story for young people, a session
/// with parents, carers or professionals otherwise.
pub struct GuideHeadings {
    pub introduction: String,
    pub before: String,
    pub disclosure: String,
}

pub fn guide_headings(audience: Audience) -> GuideHeadings {
    match audience {
        Audience::YoungPeople => GuideHeadings {
            introduction: t!("teacher.guide-introduction-lesson").to_string(),
            before: t!("teacher.guide-before-lesson").to_string(),
            disclosure: t!("teacher.guide-disclosure-pupil").to_string(),
        },
        Audience::ParentsCarers | Audience::Professionals => GuideHeadings {
            introduction: t!("teacher.guide-introduction-session").to_string(),
            before: t!("teacher.guide-before-session").to_string(),
            disclosure: t!("teacher.guide-disclosure-someone").to_string(),
        },
    }
}

/// Words for the reader and the teacher that say how far things went before the story ended, never how well the
/// reader chose: a child who has lived one of these paths must not read their own life as "bad". (The kinds keep
/// their file names, `positive`, `mixed` and `concerning`, so existing stories still load.)
pub fn ending_kind(kind: EndingKind) -> String {
    match kind {
        EndingKind::Positive => t!("ending-positive").to_string(),
        EndingKind::Mixed => t!("ending-mixed").to_string(),
        EndingKind::Concerning => t!("ending-concerning").to_string(),
    }
}
