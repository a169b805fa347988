use yew::prelude::*;

use crate::ui::messages::{t, t_count, t_with};

use crate::engine::OfferedChoice;
use crate::ui::state::{Action, on_click, use_app_state};

#[derive(Properties, PartialEq)]
pub struct ClassVoteProps {
    pub choices: Vec<OfferedChoice>,
    /// The scene's discussion prompts, to talk about before hands go up.
    pub discussion: Vec<String>,
}

/// A class vote at a decision: the teacher counts a hand (or a paper slip) for each option, the tally shows, and
/// the class follows whichever option the teacher picks (not necessarily the most popular).
///
/// A vote is anonymous unless the teacher chooses otherwise: the screen tells the class to put their heads down
/// and close their eyes, or to vote on paper, because a pupil who raises a hand for "Send the picture" in front of
/// everyone may be telling the room about their own life. The teacher can switch to a show of hands with eyes
/// open, except at a decision with a choice the story's author marked sensitive, which always stays anonymous.
#[function_component]
pub fn ClassVote(props: &ClassVoteProps) -> Html {
    let state = use_app_state();
    let Some(tally) = state.presentation.vote.clone() else { return html! {} };
    let sensitive = props.choices.iter().any(|c| c.sensitive);
    let hands = state.presentation.hands && !sensitive;
    let total = state.presentation.votes_counted();
    let rows = props.choices.iter().enumerate().map(|(position, choice)| {
        let count = tally.get(position).copied().unwrap_or(0);
        let hand = |up: bool| on_click(&state, move || Action::CountHand { position, up });
        let index = choice.index;
        let follow = on_click(&state, move || Action::Choose(index));
        let label = choice.label.clone();
        html! {
            <li class="vote-option">
                <p class="vote-label"><span class="choice-key" aria-hidden="true">{position + 1}</span>{label.clone()}</p>
                <div class="vote-count">
                    <button type="button" class="button" onclick={hand(false)} aria-label={t_with!("teacher.vote-fewer", &[("choice", &label)])}>{"−"}</button>
                    <output class="vote-hands" aria-live="polite">{t_count!("teacher.hands", count, &[])}</output>
                    <button type="button" class="button" onclick={hand(true)} aria-label={t_with!("teacher.vote-more", &[("choice", &label)])}>{"+"}</button>
                    <progress max={total.max(1).to_string()} value={count.to_string()} aria-hidden="true"></progress>
                    <button type="button" class="button primary follow" onclick={follow} aria-label={t_with!("teacher.vote-follow-label", &[("choice", &label)])}>{t!("teacher.vote-follow")}</button>
                </div>
            </li>
        }
    });
    html! {
        <section class="vote" aria-labelledby="vote-heading">
            <h2 id="vote-heading">{if hands { t!("teacher.vote-heading-hands") } else { t!("teacher.vote-heading-anonymous") }}</h2>
            if hands {
                <p class="vote-how">{t!("teacher.vote-how-hands")}</p>
            } else {
                <p class="vote-how">{t!("teacher.vote-how-anonymous")}</p>
            }
            if !props.discussion.is_empty() {
                <ul class="prompts">{ for props.discussion.iter().map(|p| html! { <li>{p.clone()}</li> }) }</ul>
            }
            <ol class="vote-options">{ for rows }</ol>
            if sensitive {
                <p class="vote-note">{t!("teacher.vote-sensitive")}</p>
            } else {
                <button type="button" class="button" onclick={on_click(&state, || Action::ToggleHands)} aria-pressed={hands.to_string()}>
                    {t!("teacher.vote-show-of-hands")}
                </button>
            }
            <button type="button" class="button" onclick={on_click(&state, || Action::ToggleVote)}>{t!("teacher.vote-close")}</button>
        </section>
    }
}
