use yew::prelude::*;

use crate::ui::messages::{t, t_with};

use crate::ui::reader::class_list::with_class;
use crate::ui::reader::help_list::HelpList;
use crate::ui::state::LoadProblem;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub problem: LoadProblem,
}

/// A story (or the library) that cannot be opened: what is wrong and where, for whoever looks after the site,
/// with the help services still there for the reader.
///
/// A story that is not in the library gets only "This story could not be found": its id came from an address,
/// and a crafted address must not be able to put words on the page.
#[function_component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    crate::ui::state::use_redraw_on_language();
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), props.problem.clone());
    let not_found = props.problem == LoadProblem::NotInLibrary;
    let title = if not_found { t!("error-not-found") } else { t!("error-not-opened") };
    crate::ui::browser::focus::use_document_title(t_with!(
        "title-page",
        &[("page", &title), ("site", &t!("site-name"))]
    ));
    let details = match &props.problem {
        LoadProblem::Invalid { file, diagnostics } => {
            let items = diagnostics.iter().map(|d| {
                let place = match (d.line, d.column) {
                    (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
                    _ => file.clone(),
                };
                let class = if d.is_error() { "diagnostic is-error" } else { "diagnostic is-warning" };
                let item = html! {
                    <li class="diagnostic">
                        <code class="diagnostic-place">{place}</code>
                        if let Some(scene) = &d.scene { <span class="diagnostic-scene">{t_with!("error-scene", &[("scene", scene)])}</span> }
                        <span class="diagnostic-message">{format!("{}: {}", d.severity, d.message)}</span>
                        if let Some(path) = &d.path { <code class="diagnostic-path">{path.clone()}</code> }
                    </li>
                };
                with_class(item, class.into())
            });
            html! {
                <>
                    <p>{t_with!("error-file-problems", &[("file", file)])}</p>
                    <ul class="diagnostics">{ for items }</ul>
                </>
            }
        }
        LoadProblem::Fetch { file, reason } => {
            html! { <p>{t_with!("error-download", &[("file", file), ("reason", reason)])}</p> }
        }
        LoadProblem::NotInLibrary => html! {},
    };
    html! {
        <section class="error-view" aria-labelledby="error-heading">
            <h1 id="error-heading" tabindex="-1" ref={heading}>{title}</h1>
            <p class="lead">{t!("error-lead")}</p>
            if !not_found {
                <details class="error-details" open=true>
                    <summary>{t!("error-what-went-wrong")}</summary>
                    {details}
                </details>
            }
            <HelpList />
        </section>
    }
}
