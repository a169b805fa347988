use yew::prelude::*;

use crate::ui::browser::document;

use crate::ui::classroom::class_sync::use_class_sync;
use crate::ui::classroom::presenter_controls::PresenterControls;

#[derive(Properties, PartialEq)]
pub struct PresentToClassProps {
    pub story: AttrValue,
}

/// Marks the page as presenting while presenting to a class is on, so the stylesheet scales it for a projector and hides
/// the reader's own controls.
#[hook]
fn use_projector_styles() {
    use_effect_with((), |_| {
        document::mark("data-present");
        || document::unmark("data-present")
    });
}

/// What presenting to a class adds to the reader's scene page: the projector's styles, the teacher notes window kept in step,
/// and the bar with the presentation keys.
#[function_component]
pub fn PresentToClass(props: &PresentToClassProps) -> Html {
    use_projector_styles();
    use_class_sync(Some(props.story.as_str()));
    html! { <PresenterControls /> }
}
