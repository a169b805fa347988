//! Words the reader sees for the engine's kinds of things, in one place so that they can be translated together.
//! The engine names kinds (`EndingKind`, `Audience`) and never words them; each front end words them itself.

use crate::engine::{AgeRange, Audience, EndingKind};

/// The heading over the services for one group of people.
pub fn audience_heading(audience: Audience) -> &'static str {
    match audience {
        Audience::YoungPeople => "For young people",
        Audience::ParentsCarers => "For parents and carers",
        Audience::Professionals => "For teachers and professionals",
    }
}

/// Who a story is for, as its library card says it: the readers' ages for young people, the audience otherwise.
pub fn story_readers_short(audience: Audience, age: AgeRange) -> String {
    match audience {
        Audience::YoungPeople => format!("Ages {}–{}", age.min, age.max),
        other => audience_heading(other).to_owned(),
    }
}

/// Who a story is for, as its start screen and lesson pack say it.
pub fn story_readers(audience: Audience, age: AgeRange) -> String {
    match audience {
        Audience::YoungPeople => format!("For ages {} to {}", age.min, age.max),
        other => audience_heading(other).to_owned(),
    }
}

/// The headings of a story's guide in its lesson pack: a lesson with pupils for a story for young people, a session
/// with parents, carers or professionals otherwise.
pub struct GuideHeadings {
    pub introduction: &'static str,
    pub before: &'static str,
    pub disclosure: &'static str,
}

pub fn guide_headings(audience: Audience) -> GuideHeadings {
    match audience {
        Audience::YoungPeople => GuideHeadings {
            introduction: "Teacher introduction",
            before: "Before the lesson",
            disclosure: "If a pupil tells you something",
        },
        Audience::ParentsCarers | Audience::Professionals => GuideHeadings {
            introduction: "Introduction for whoever runs the session",
            before: "Before the session",
            disclosure: "If someone tells you something",
        },
    }
}

/// Words for the reader and the teacher that say how far things went before the story ended, never how well the
/// reader chose: a child who has lived one of these paths must not read their own life as "bad". (The kinds keep
/// their file names, `positive`, `mixed` and `concerning`, so existing stories still load.)
pub fn ending_kind(kind: EndingKind) -> &'static str {
    match kind {
        EndingKind::Positive => "An ending where it stops early",
        EndingKind::Mixed => "An ending where it isn't over yet",
        EndingKind::Concerning => "An ending after something serious happened",
    }
}
