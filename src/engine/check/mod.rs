//! Everything checked about a file that serde cannot check, each kind of check in a file of its own. A story gets
//! them all, in this order, and becomes a [`Story`] only when none finds an error; help directories and site
//! configs get theirs from `load.rs`.

pub(crate) mod comic;
pub(crate) mod help;
pub(crate) mod hidden;
mod paths;
mod references;
pub(crate) mod site;
pub(crate) mod suggestions;
mod text;

use crate::engine::diagnostics::{Diagnostic, JsonPath, Loaded};
use crate::engine::format::{Next, StoryDoc};
use crate::engine::help::HelpDirectory;
use crate::engine::story::Story;

use self::references::{Resolver, scene_path};
use self::suggestions::Suggestions;

/// Checks a parsed story against the standard help directory `standard`: the story with its warnings, or every
/// problem (unlocated: the caller places them in the file).
pub(crate) fn story(doc: StoryDoc, standard: &HelpDirectory) -> Result<Loaded<Story>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    text::check_metadata(&doc, &mut out);
    for (i, service) in doc.services.iter().enumerate() {
        help::check_local_service(service, standard, &JsonPath::root().key("services").index(i), &mut out);
    }
    references::check_scene_ids(&doc, &mut out);
    let flag_names = references::declared_flags(&doc, &mut out);
    let mut resolver = Resolver::new(&doc, &flag_names);
    let start = resolver.start(&doc, &mut out);

    let help_ids: Vec<&str> = standard.services.iter().chain(&doc.services).map(|s| s.id.as_str()).collect();
    let mut help_hints = Suggestions::new(help_ids.iter().copied());
    let mut steps = Vec::with_capacity(doc.scenes.len());
    for (i, scene) in doc.scenes.iter().enumerate() {
        let path = scene_path(i);
        text::check_scene_text(scene, &path, &mut out);
        if let Next::Ending(ending) = &scene.next {
            help::check_ending_help(
                ending,
                &help_ids,
                &mut help_hints,
                &path.key("next").key("ending"),
                scene,
                &mut out,
            );
        }
        steps.push(resolver.step(scene, &path, &mut out));
    }
    let initial_flags = resolver.initial_flags(&doc);

    if out.iter().any(Diagnostic::is_error) {
        return Err(out);
    }
    let story = Story { doc, flag_names, steps, start: start.unwrap_or(0), initial_flags };
    // Reachability needs resolved references, so it runs only on a story with no errors so far.
    paths::check_paths(&story, &mut out);
    if out.iter().any(Diagnostic::is_error) {
        return Err(out);
    }
    Ok(Loaded { value: story, warnings: out })
}
