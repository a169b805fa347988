// Read to me (issue #17): the reading itself. assets/reading.js, in every page's loader, loads this module when a
// reader first points at or moves to the Read to me buttons, and calls `play` or `stop` when one is pressed; most
// readers never press it, so the first download does not carry it (docs/size.md). scripts/post-build.mjs writes it
// minified with a content hash in its name, so the offline copy keeps it like the rest of the app.
//
// The scene is read part by part, in this order (each entry's parts in the page's order), each part marked
// `is-reading` while it is read. Each bubble's text already says who speaks ("Sam says: ..."), for screen readers
// (panel_view.rs). An ending ends with the help it recommends: each service's name, what it is for and its number.
const PARTS = ['#scene-heading', '.narration p', '.bubble', '#choices-heading', '.choice-label', '.vote-label',
  '#ending-heading', '.reflection p', '.reassurance', '.is-recommended :is(h3, h4, .service-for, .service-call)'];
const root = document.documentElement;
const speech = window.speechSynthesis;
let parts = [];
let at = 0;
let voice = null;
// Each reading run has a number, so an utterance ended or cut short by Pause or Stop does not read on.
let run = 0;
const state = (value) => (value ? root.setAttribute('data-reading', value) : root.removeAttribute('data-reading'));
const unmark = () => { for (const part of document.querySelectorAll('.is-reading')) part.classList.remove('is-reading'); };
const silence = () => {
  run += 1;
  speech.cancel();
  unmark();
};
export const stop = () => {
  if (!root.hasAttribute('data-reading')) return;
  silence();
  parts = [];
  state(null);
};
// Each part is its own utterance, so pausing is stopping and carrying on reads the part again from its start:
// `speechSynthesis.pause()` does nothing on some phones.
const speak = () => {
  const part = parts[at];
  const mine = ++run;
  unmark();
  if (!part?.isConnected) { stop(); return; }
  part.classList.add('is-reading');
  part.scrollIntoView({ block: 'nearest' });
  const utterance = new SpeechSynthesisUtterance(part.textContent.trim());
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.onend = () => {
    if (mine !== run) return;
    at += 1;
    speak();
  };
  utterance.onerror = () => { if (mine === run) stop(); };
  speech.speak(utterance);
};
// Reads, pauses or carries on. `findVoice` (assets/reading.js's `checkVoice`) gives a voice of this device for the
// scene's language, or null, and marks the buttons when there is none.
export const play = (findVoice) => {
  const now = root.getAttribute('data-reading');
  if (now === 'playing') {
    silence();
    parts[at].classList.add('is-reading');
    state('paused');
  } else if (now === 'paused') {
    state('playing');
    speak();
  } else if ((voice = findVoice())) {
    parts = PARTS.flatMap((part) => [...document.querySelectorAll(`.scene ${part}`)])
      .filter((part) => part.textContent.trim());
    at = 0;
    state('playing');
    speak();
  }
};
// The app stops the reading when the scene changes or the scene page goes (src/ui/reader/read_aloud.rs); Exit this
// page silences it too (assets/exit-this-page.js). Before this module is loaded nothing is being read.
window.safetyStoriesStopReading = stop;
