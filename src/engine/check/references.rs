//! Checks that every name a story uses exists, and resolves each to what the checked story keeps: scene ids to
//! indexes (unique and well formed), `start` and every way on to a scene, flag names to bits. A name that does not
//! exist gets a "did you mean" hint.

use std::collections::BTreeMap;

use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::format::{Next, Scene, StoryDoc};
use crate::engine::id::{is_valid_flag, is_valid_id};
use crate::engine::story::{FlagSet, MAX_FLAGS, ResolvedChoice, Step, scene_position};

use super::suggestions::Suggestions;

pub(crate) fn scene_path(i: usize) -> JsonPath {
    JsonPath::root().key("scenes").index(i)
}

/// An error for each scene id that is malformed or used by an earlier scene. Scenes are then found by their place in
/// the story (`scene_position`): no `HashMap` of ids, for the player's byte budget (docs/size.md).
pub(crate) fn check_scene_ids(doc: &StoryDoc, out: &mut Vec<Diagnostic>) {
    for (i, scene) in doc.scenes.iter().enumerate() {
        let path = scene_path(i);
        if !is_valid_id(&scene.id) {
            out.push(
                Diagnostic::error(
                    "bad-id",
                    format!("scene id `{}` must be lower case letters, digits and dashes, e.g. `at-school`", scene.id),
                    path.key("id"),
                )
                .in_scene(&scene.id),
            );
        }
        if doc.scenes[..i].iter().any(|earlier| earlier.id == scene.id) {
            out.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("scene id `{}` is used by more than one scene; give each scene its own id", scene.id),
                    path.key("id"),
                )
                .in_scene(&scene.id),
            );
        }
    }
    if doc.scenes.is_empty() {
        out.push(Diagnostic::error("no-scenes", "the story has no scenes", JsonPath::root().key("scenes")));
    }
}

/// The declared flags in order (each one's place is its bit), with an error for too many or a malformed name.
pub(crate) fn declared_flags(doc: &StoryDoc, out: &mut Vec<Diagnostic>) -> Vec<String> {
    let flag_names: Vec<String> = doc.flags.keys().cloned().collect();
    if flag_names.len() > MAX_FLAGS {
        out.push(Diagnostic::error(
            "too-many-flags",
            format!("a story may declare at most {MAX_FLAGS} flags, this one has {}", flag_names.len()),
            JsonPath::root().key("flags"),
        ));
    }
    for name in &flag_names {
        if !is_valid_flag(name) {
            out.push(Diagnostic::error(
                "bad-flag-name",
                format!("flag `{name}` must be lower case letters, digits and underscores, e.g. `told_friend`"),
                JsonPath::root().key("flags").key(name),
            ));
        }
    }
    flag_names
}

/// Resolves scene ids and flag names against those a story declares, reporting each that does not exist.
pub(crate) struct Resolver<'a> {
    scenes: &'a [Scene],
    flag_names: &'a [String],
    scene_hints: Suggestions<'a>,
    flag_hints: Suggestions<'a>,
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(doc: &'a StoryDoc, flag_names: &'a [String]) -> Resolver<'a> {
        Resolver {
            scenes: &doc.scenes,
            flag_names,
            scene_hints: Suggestions::new(doc.scenes.iter().map(|s| s.id.as_str())),
            flag_hints: Suggestions::new(flag_names.iter().map(String::as_str)),
        }
    }

    /// The first scene.
    pub(crate) fn start(&mut self, doc: &StoryDoc, out: &mut Vec<Diagnostic>) -> Option<usize> {
        let found = scene_position(self.scenes, &doc.start);
        if found.is_none() {
            out.push(Diagnostic::error(
                "unknown-start",
                format!(
                    "`start` names scene `{}`, which does not exist{}",
                    doc.start,
                    self.scene_hints.hint(&doc.start)
                ),
                JsonPath::root().key("start"),
            ));
        }
        found
    }

    /// What happens after `scene`, with every target and flag resolved. An ending's services are checked apart.
    pub(crate) fn step(&mut self, scene: &Scene, path: &JsonPath, out: &mut Vec<Diagnostic>) -> Step {
        match &scene.next {
            Next::Continue(target) => {
                let resolved = self.target(target, &path.key("next").key("continue"), scene, out);
                Step::Continue(ResolvedChoice::unconditional(resolved.unwrap_or(0)))
            }
            Next::Ending(_) => Step::Ending,
            Next::Choices(choices) => {
                let choices_path = path.key("next").key("choices");
                if choices.is_empty() {
                    out.push(
                        Diagnostic::error(
                            "no-choices",
                            "this scene has an empty list of choices; add at least one, or use `continue` or `ending`",
                            choices_path.clone(),
                        )
                        .in_scene(&scene.id),
                    );
                }
                let mut resolved = Vec::with_capacity(choices.len());
                for (c, choice) in choices.iter().enumerate() {
                    let choice_path = choices_path.index(c);
                    let target = self.target(&choice.to, &choice_path.key("to"), scene, out).unwrap_or(0);
                    let (when_mask, when_value) = self.flags(&choice.when, &choice_path.key("when"), scene, out);
                    let (set_mask, set_value) = self.flags(&choice.set, &choice_path.key("set"), scene, out);
                    resolved.push(ResolvedChoice { target, when_mask, when_value, set_mask, set_value });
                }
                Step::Choices(resolved)
            }
        }
    }

    /// The flags the story starts with.
    pub(crate) fn initial_flags(&self, doc: &StoryDoc) -> FlagSet {
        let mut initial = 0u64;
        for (name, &value) in &doc.flags {
            if let Some(bit) = self.flag_bit(name)
                && value
            {
                initial |= 1 << bit;
            }
        }
        FlagSet(initial)
    }

    fn flag_bit(&self, name: &str) -> Option<usize> {
        self.flag_names.iter().position(|f| f == name).filter(|&b| b < MAX_FLAGS)
    }

    fn target(&mut self, target: &str, path: &JsonPath, scene: &Scene, out: &mut Vec<Diagnostic>) -> Option<usize> {
        let found = scene_position(self.scenes, target);
        if found.is_none() {
            out.push(
                Diagnostic::error(
                    "unknown-target",
                    format!("scene `{target}` does not exist{}", self.scene_hints.hint(target)),
                    path.clone(),
                )
                .in_scene(&scene.id),
            );
        }
        found
    }

    /// A `when` or `set` object as a mask of the flags it names and their values.
    fn flags(
        &mut self,
        flags: &BTreeMap<String, bool>,
        path: &JsonPath,
        scene: &Scene,
        out: &mut Vec<Diagnostic>,
    ) -> (u64, u64) {
        let mut mask = 0u64;
        let mut value = 0u64;
        for (name, &wanted) in flags {
            match self.flag_bit(name) {
                Some(bit) => {
                    mask |= 1 << bit;
                    if wanted {
                        value |= 1 << bit;
                    }
                }
                None => out.push(
                    Diagnostic::error(
                        "undeclared-flag",
                        format!(
                            "flag `{name}` is not declared; add it to `flags` at the top of the story{}",
                            self.flag_hints.hint(name)
                        ),
                        path.key(name),
                    )
                    .in_scene(&scene.id),
                ),
            }
        }
        (mask, value)
    }
}
