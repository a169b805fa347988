//! The player's state: one reducer for everything the reader does. `reduce` only computes the next state;
//! fetching, storage and navigation happen in effects (see `app.rs` and `scene_page.rs`).

use std::rc::Rc;

use thiserror::Error;
use yew::prelude::*;

use crate::engine::{Diagnostic, HelpDirectory, LibraryIndex, OfferedChoice, Page, Playthrough, SiteConfig, Story};
use crate::ui::embed::page_options::PageOptions;
use crate::ui::messages::{Key, Messages, key};
use crate::ui::route::Route;

/// Why something the player needs could not be used. Props, so `Clone + PartialEq`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadProblem {
    #[error("could not download {file}: {reason}")]
    Fetch { file: String, reason: String },
    #[error("{file} has {} problem(s)", diagnostics.len())]
    Invalid { file: String, diagnostics: Vec<Diagnostic> },
    /// No story in the library has the id asked for. The id came from an address, which anyone can write, so it
    /// is not kept: the page must never repeat it.
    #[error("This story could not be found.")]
    NotInLibrary,
}

/// Something that arrives over the network.
#[derive(Debug, Clone, PartialEq)]
pub enum Loading<T> {
    Pending,
    Ready(T),
    Failed(LoadProblem),
}

impl<T> Loading<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Loading::Ready(value) => Some(value),
            _ => None,
        }
    }
}

/// What presenting to a class adds to the scene on the class screen: a pause (black screen), or a class vote at a
/// decision. Shared between the class screen and the teacher notes window, and cleared whenever the scene changes.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Presentation {
    pub black: bool,
    /// Hands counted for each offered choice, in the order they are offered, while a vote is open.
    pub vote: Option<Vec<u32>>,
    /// The teacher chose a show of hands with eyes open for this vote. Every vote starts anonymous (heads down and
    /// eyes closed, or on paper), and a decision with a choice the author marked sensitive never leaves it.
    #[serde(default)]
    pub hands: bool,
}

/// The stories asked for so far, by id, in the order they were asked for. A library holds a handful, so a list
/// searched in order is as quick as a map, and the player's wasm carries no `BTreeMap` code for this one type
/// (see docs/size.md).
#[derive(Debug, Clone, Default)]
pub struct Stories(Vec<(String, Loading<Rc<Story>>)>);

impl Stories {
    pub fn get(&self, id: &str) -> Option<&Loading<Rc<Story>>> {
        self.0.iter().find(|(known, _)| known == id).map(|(_, story)| story)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Adds the story, or replaces what was there for its id.
    pub fn insert(&mut self, id: String, story: Loading<Rc<Story>>) {
        match self.0.iter_mut().find(|(known, _)| *known == id) {
            Some((_, there)) => *there = story,
            None => self.0.push((id, story)),
        }
    }
}

impl Presentation {
    /// Every hand counted in the vote. The counts can come from another window's message, so the sum stops at
    /// `u32::MAX` instead of overflowing.
    pub fn votes_counted(&self) -> u32 {
        self.vote.iter().flatten().fold(0, |sum: u32, &count| sum.saturating_add(count))
    }
}

#[derive(Debug, Clone)]
pub struct State {
    /// The screen shown: the page's address, followed as the reader moves (see `route.rs`).
    pub route: Route,
    pub library: Loading<Rc<LibraryIndex>>,
    pub help: Loading<Rc<HelpDirectory>>,
    pub stories: Stories,
    /// The reader's progress in the story they are reading, if any.
    pub play: Option<Playthrough>,
    /// What the live region says, e.g. the title of a new scene.
    pub announcement: String,
    /// What the address asked for: embedded mode, a pinned story, a config path.
    pub options: PageOptions,
    /// The hosting site's branding and local services, if it has a config.
    pub site: Option<Rc<SiteConfig>>,
    /// Settings from the site's config that were not used, and why (for whoever looks after the site).
    pub site_notes: Vec<Diagnostic>,
    pub presentation: Presentation,
    /// The interface's words, in the language in use (see `messages.rs`; `app.rs` downloads each language).
    pub messages: Rc<Messages>,
    /// The language picked with the switch in this tab (kept in sessionStorage), if any.
    pub chosen_language: Option<String>,
}

/// Two states are equal when they are the same state. `reduce` makes a new `Rc<State>` for every change, so this is
/// all the context provider needs to tell its consumers that something changed; comparing field by field would
/// walk every loaded story on each change, and cost 3.4 KB of wasm.
impl PartialEq for State {
    fn eq(&self, other: &State) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Default for State {
    fn default() -> State {
        State {
            route: Route::default(),
            library: Loading::Pending,
            help: Loading::Pending,
            stories: Stories::default(),
            play: None,
            announcement: String::new(),
            options: PageOptions::default(),
            site: None,
            site_notes: Vec::new(),
            presentation: Presentation::default(),
            messages: Messages::english(),
            chosen_language: None,
        }
    }
}

#[expect(clippy::large_enum_variant, reason = "an action lives only until the reducer moves its story into state")]
pub enum Action {
    LibraryLoaded(Result<LibraryIndex, LoadProblem>),
    HelpLoaded(Result<HelpDirectory, LoadProblem>),
    SiteLoaded {
        site: Option<SiteConfig>,
        notes: Vec<Diagnostic>,
    },
    StoryRequested(String),
    StoryLoaded(String, Result<Story, LoadProblem>),
    /// Begin reading: restore saved progress if it fits, else start (or open at a linked page).
    Begin {
        story: String,
        saved: Option<String>,
        at: Option<Page>,
    },
    /// Saved progress from this tab, once a prerendered page has been taken over: it replaces the fresh
    /// playthrough the page was drawn with when it is at the same page, which brings back Back and the story so far.
    Resume {
        story: String,
        saved: Option<String>,
    },
    /// The reader went to another screen (a link, Back or Forward).
    Navigate(Route),
    StartOver(String),
    Choose(usize),
    Continue,
    Back,
    TryAnotherChoice,
    /// The address changed (browser Back/Forward or a link) to this page of the current story.
    FollowAddress(Page),
    Announce(String),
    /// Presenting: pause on a black screen, or come back from it.
    ToggleBlack,
    /// Presenting: open a show of hands at a decision, or close it.
    ToggleVote,
    /// Presenting: switch the open vote between anonymous and a show of hands (refused while a sensitive choice
    /// is offered).
    ToggleHands,
    /// Presenting: one more (or one fewer) hand for the choice at this position.
    CountHand {
        position: usize,
        up: bool,
    },
    /// The other window of a class presentation moved: take its place in the story and its screen.
    Adopt {
        story: String,
        progress: String,
        presentation: Presentation,
    },
    /// The interface's words in another language, downloaded (or English again).
    UseMessages(Rc<Messages>),
    /// The reader picked a language with the switch.
    ChooseLanguage(String),
}

/// What a page's screen is drawn from besides the library: whether it lists help (the help page, a story's start
/// and its scenes, whose endings list help), and the story it shows, if any.
pub fn page_needs(route: &Route) -> (bool, Option<&str>) {
    match route {
        Route::Help => (true, None),
        Route::Intro { id } | Route::Scene { id, .. } => (true, Some(id)),
        _ => (false, None),
    }
}

/// A short fingerprint of the files a page is drawn from (FNV-1a, 64 bits, in hex): the prerender writes it on the
/// page and the browser compares it with the files it downloads before taking the page over.
pub fn fingerprint<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for text in texts {
        for byte in text.bytes().chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

impl State {
    /// The state a prerendered page is drawn with: by the prerender (`src/bin/prerender.rs`), and by the browser
    /// when it takes the page over (`start`). The two must draw the same HTML, or Yew cannot take the page over, so
    /// both build it here from the same files: nothing from the address's query, no site config, no saved
    /// progress, and on a scene's page a fresh playthrough at that page. What the server could not know follows
    /// once the page is taken over.
    pub fn for_page(route: Route, library: LibraryIndex, help: Option<HelpDirectory>, story: Option<Story>) -> State {
        let mut stories = Stories::default();
        let play = story.as_ref().and_then(|story| match &route {
            Route::Scene { scene, flags, .. } => {
                Playthrough::open_at_page(story, &Page { scene: scene.clone(), flags: flags.clone() })
            }
            _ => None,
        });
        if let Some(story) = story {
            stories.insert(story.id().to_owned(), Loading::Ready(Rc::new(story)));
        }
        State {
            route,
            library: Loading::Ready(Rc::new(library)),
            help: help.map_or(Loading::Pending, |help| Loading::Ready(Rc::new(help))),
            stories,
            play,
            ..State::default()
        }
    }

    pub fn story(&self, id: &str) -> Option<&Rc<Story>> {
        self.stories.get(id).and_then(Loading::ready)
    }

    /// The story and progress of the current reading, if any.
    pub fn reading(&self) -> Option<(&Rc<Story>, &Playthrough)> {
        let play = self.play.as_ref()?;
        Some((self.story(play.story_id())?, play))
    }

    fn with_play(self: Rc<Self>, change: impl FnOnce(&Story, &mut Playthrough) -> bool) -> Rc<Self> {
        let Some((story, play)) = self.reading() else {
            return self;
        };
        let story = Rc::clone(story);
        let mut play = play.clone();
        if !change(&story, &mut play) {
            return self;
        }
        self.moved_to(&story, play, key!("now"))
    }

    /// The reader is somewhere new: a new scene has no vote and no black screen.
    /// `key` is what the live region says there (`now` or `started-again`, with the scene's title).
    fn moved_to(&self, story: &Story, play: Playthrough, key: Key) -> Rc<Self> {
        let announcement = self.arrival(key, story, &play);
        Rc::new(State { play: Some(play), announcement, presentation: Presentation::default(), ..self.clone() })
    }

    /// What the live region says on arriving at `play`'s scene, in the interface's language.
    fn arrival(&self, key: Key, story: &Story, play: &Playthrough) -> String {
        self.messages.format(key, &[("scene", &play.scene(story).title)])
    }

    fn with_presentation(self: Rc<Self>, change: impl FnOnce(&mut Presentation, &[OfferedChoice])) -> Rc<Self> {
        let offered = self.reading().map(|(story, play)| play.choices(story)).unwrap_or_default();
        let mut presentation = self.presentation.clone();
        change(&mut presentation, &offered);
        if presentation == self.presentation {
            return self;
        }
        Rc::new(State { presentation, ..(*self).clone() })
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::LibraryLoaded(result) => Rc::new(State {
                library: match result {
                    Ok(index) => Loading::Ready(Rc::new(index)),
                    Err(problem) => Loading::Failed(problem),
                },
                ..(*self).clone()
            }),
            Action::HelpLoaded(result) => Rc::new(State {
                help: match result {
                    Ok(help) => Loading::Ready(Rc::new(help)),
                    Err(problem) => Loading::Failed(problem),
                },
                ..(*self).clone()
            }),
            Action::SiteLoaded { site, notes } => {
                Rc::new(State { site: site.map(Rc::new), site_notes: notes, ..(*self).clone() })
            }
            Action::StoryRequested(id) => {
                if self.stories.contains_key(&id) {
                    return self;
                }
                let mut next = (*self).clone();
                next.stories.insert(id, Loading::Pending);
                Rc::new(next)
            }
            Action::StoryLoaded(id, result) => {
                let mut next = (*self).clone();
                next.stories.insert(
                    id,
                    match result {
                        Ok(story) => Loading::Ready(Rc::new(story)),
                        Err(problem) => Loading::Failed(problem),
                    },
                );
                Rc::new(next)
            }
            Action::Begin { story, saved, at } => {
                let Some(loaded) = self.story(&story) else {
                    return self;
                };
                if self.play.as_ref().is_some_and(|p| p.story_id() == story) {
                    return self;
                }
                // Saved progress wins when it fits the story and the linked scene (a reload); a link to some other
                // scene opens the story there.
                let restored = saved.and_then(|json| Playthrough::from_json(loaded, &json).ok());
                let play = match (restored, at) {
                    (Some(play), Some(page)) if play.page(loaded) == page => play,
                    (_, Some(page)) => {
                        Playthrough::open_at_page(loaded, &page).unwrap_or_else(|| Playthrough::start(loaded))
                    }
                    (Some(play), None) => play,
                    (None, None) => Playthrough::start(loaded),
                };
                self.moved_to(loaded, play, key!("now"))
            }
            Action::Resume { story, saved } => {
                let (Some(loaded), Some(play)) = (self.story(&story), self.play.as_ref()) else {
                    return self;
                };
                match saved.and_then(|json| Playthrough::from_json(loaded, &json).ok()) {
                    Some(saved) if saved.page(loaded) == play.page(loaded) && saved != *play => {
                        Rc::new(State { play: Some(saved), ..(*self).clone() })
                    }
                    _ => self,
                }
            }
            Action::Navigate(route) if route == self.route => self,
            Action::Navigate(route) => Rc::new(State { route, ..(*self).clone() }),
            Action::StartOver(story) => {
                let Some(loaded) = self.story(&story) else {
                    return self;
                };
                let play = Playthrough::start(loaded);
                self.moved_to(loaded, play, key!("started-again"))
            }
            Action::Choose(index) => self.with_play(|story, play| play.choose(story, index).is_ok()),
            Action::Continue => self.with_play(|story, play| play.go_on(story).is_ok()),
            Action::Back => self.with_play(|_, play| play.back()),
            Action::TryAnotherChoice => self.with_play(|story, play| play.back_to_last_decision(story)),
            Action::FollowAddress(page) => self.with_play(|story, play| follow_address(story, play, &page)),
            Action::Announce(text) => Rc::new(State { announcement: text, ..(*self).clone() }),
            // A download that finishes after the reader picked yet another language is dropped.
            Action::UseMessages(messages)
                if self.chosen_language.as_deref().is_some_and(|c| c != messages.language()) =>
            {
                self
            }
            Action::UseMessages(messages) => Rc::new(State { messages, ..(*self).clone() }),
            Action::ChooseLanguage(tag) => Rc::new(State { chosen_language: Some(tag), ..(*self).clone() }),
            Action::ToggleBlack => self.with_presentation(|class, _| class.black = !class.black),
            Action::ToggleVote => self.with_presentation(|class, offered| {
                class.vote = match class.vote {
                    None if offered.len() > 1 => Some(vec![0; offered.len()]),
                    _ => None,
                };
                class.hands = false;
            }),
            Action::ToggleHands => self.with_presentation(|class, offered| {
                class.hands = class.vote.is_some() && !class.hands && !offered.iter().any(|c| c.sensitive);
            }),
            Action::CountHand { position, up } => self.with_presentation(|class, _| {
                if let Some(count) = class.vote.as_mut().and_then(|votes| votes.get_mut(position)) {
                    *count = if up { count.saturating_add(1) } else { count.saturating_sub(1) };
                }
            }),
            Action::Adopt { story, progress, presentation } => {
                let Some(loaded) = self.story(&story) else {
                    return self;
                };
                let same_place =
                    self.play.as_ref().is_some_and(|p| p.story_id() == story && p.to_json(loaded) == progress);
                if same_place && presentation == self.presentation {
                    return self;
                }
                let Ok(play) = Playthrough::from_json(loaded, &progress) else {
                    return self;
                };
                // A vote counts hands for the choices on offer here, one count each; any other tally is dropped.
                let offered = play.choices(loaded).len();
                let presentation =
                    Presentation { vote: presentation.vote.filter(|vote| vote.len() == offered), ..presentation };
                let announcement =
                    if same_place { self.announcement.clone() } else { self.arrival(key!("now"), loaded, &play) };
                Rc::new(State { play: Some(play), announcement, presentation, ..(*self).clone() })
            }
        }
    }
}

/// Brings the playthrough to the page in the address bar: back through history if the reader went back, the
/// matching choice or Continue if they went forward, or a fresh start at that page for any other link.
fn follow_address(story: &Story, play: &mut Playthrough, page: &Page) -> bool {
    if play.page(story) == *page {
        return false;
    }
    let mut earlier = play.clone();
    while earlier.back() {
        if earlier.page(story) == *page {
            *play = earlier;
            return true;
        }
    }
    if play.continue_page(story).as_ref() == Some(page) {
        return play.go_on(story).is_ok();
    }
    if let Some(choice) = play.choices(story).into_iter().find(|c| c.page == *page) {
        return play.choose(story, choice.index).is_ok();
    }
    match Playthrough::open_at_page(story, page) {
        Some(opened) => {
            *play = opened;
            true
        }
        None => false,
    }
}

/// Shared with every component through context.
pub type StateContext = UseReducerHandle<State>;

/// The app's state, from any component inside the app.
#[hook]
pub fn use_app_state() -> StateContext {
    use_context::<StateContext>().expect("state context")
}

/// Draws the calling component again whenever the state changes, so a component that words itself with
/// `messages::t` but reads nothing else of the state follows a change of language. Outside the app (a component
/// drawn alone in a test) it does nothing.
#[hook]
pub fn use_redraw_on_language() {
    let _ = use_context::<StateContext>();
}

/// A click handler that sends `action()` to the reducer. On a link (Continue, Start again) it also stops the
/// browser loading the link's page: the app moves there itself, and the link is for when it is not running.
pub fn on_click(state: &StateContext, action: impl Fn() -> Action + 'static) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        state.dispatch(action())
    })
}
