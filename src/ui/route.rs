//! Addresses: hash routes, so the player works on any static host and inside an iframe, and a teacher can share
//! a link to any scene.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Library,
    #[at("/help")]
    Help,
    #[at("/embed")]
    Embed,
    #[at("/story/:id")]
    Intro { id: String },
    #[at("/story/:id/:scene")]
    Scene { id: String, scene: String },
    #[not_found]
    #[at("/not-found")]
    NotFound,
}
