//! A `BroadcastChannel`: text messages between this site's windows in the same browser, with no server.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// A joined channel. It hears messages until [`Channel::leave`].
pub struct Channel {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Channel {
    /// Joins the channel called `name`. `on_message` is called with every text message; what it returns, if
    /// anything, is posted back as the answer. Anything but text is ignored.
    pub fn join(name: &str, on_message: impl Fn(String) -> Option<String> + 'static) -> Option<Channel> {
        let channel = web_sys::BroadcastChannel::new(name).ok()?;
        let answer_on = channel.clone();
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(answer) = event.data().as_string().and_then(&on_message) {
                let _ = answer_on.post_message(&answer.into());
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Channel { channel, _on_message: on_message })
    }

    pub fn post(&self, text: &str) {
        let _ = self.channel.post_message(&text.into());
    }

    /// Stops hearing messages and closes the channel.
    pub fn leave(&self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
