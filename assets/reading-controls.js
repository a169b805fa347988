// Reading settings and Read to me (issue #17): what their buttons and the panel do. The app draws them
// (src/ui/reader/reading_settings.rs and read_aloud.rs); assets/reading.js, in every page's loader, loads this module
// when a reader first points at or moves to them, and at the latest when one is pressed, then hands it every click
// (`click`). Most readers use neither, so the first download does not carry it (docs/size.md). scripts/post-build.mjs
// writes it minified with a content hash in its name, so the offline copy keeps it like the rest of the app. It works
// before the app has started, and costs the wasm no handlers.
const root = document.documentElement;

// Reading settings. Each group of the panel's options is a set of radio buttons named after a class prefix;
// option N (N > 0) puts the class `NAME-N` on <html>, which assets/style.css turns into sizes and colours. The
// classes are kept in this tab's sessionStorage only (Exit this page clears it), and assets/leave-again.js puts
// them back before a page is drawn.
const KEPT = 'safety-stories:reading';
const GROUPS = ['read-text', 'read-line', 'read-letter', 'paper'];
const ofGroup = (name) => [...root.classList].filter((c) => c.startsWith(`${name}-`));
const chosen = (name) => ofGroup(name)[0]?.slice(name.length + 1) ?? '0';
const choose = (name, value) => {
  root.classList.remove(...ofGroup(name));
  if (value !== '0') root.classList.add(`${name}-${value}`);
  const kept = GROUPS.flatMap(ofGroup).join(' ');
  // A sandboxed frame or blocked storage throws: then the choice lasts for this page only.
  try {
    if (kept) sessionStorage.setItem(KEPT, kept);
    else sessionStorage.removeItem(KEPT);
  } catch { /* nothing kept */ }
};
const panel = () => document.getElementById('reading-settings');
const opener = () => document.querySelector('.reading-button');
const open = () => {
  const dialog = panel();
  for (const input of dialog.querySelectorAll('input')) input.checked = input.value === chosen(input.name);
  // Not modal, so Get help and Exit this page stay within reach; focus moves in, Escape and Close bring it back.
  dialog.show();
  opener().setAttribute('aria-expanded', 'true');
  dialog.querySelector('input:checked').focus();
};
const close = (returnFocus) => {
  const dialog = panel();
  if (!dialog?.open) return;
  dialog.close();
  opener()?.setAttribute('aria-expanded', 'false');
  if (returnFocus) opener()?.focus();
};
addEventListener('change', (event) => {
  const input = event.target;
  if (input.closest?.('#reading-settings')) choose(input.name, input.value);
});
addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && panel()?.open) {
    event.preventDefault();
    close(true);
  }
});

// Read to me. The scene is read part by part, in this order (each entry's parts in the page's order), each part
// marked `is-reading` while it is read. Each bubble's text already says who speaks ("Sam says: ..."), for screen
// readers (panel_view.rs). An ending ends with the help it recommends: each service's name, what it is for and its number.
const PARTS = ['#scene-heading', '.narration p', '.bubble', '#choices-heading', '.choice-label', '.vote-label',
  '#ending-heading', '.reflection p', '.reassurance', '.is-recommended :is(h3, h4, .service-for, .service-call)'];
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
const stop = () => {
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
const play = (findVoice) => {
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

// Every click on the page once this module is loaded, and the one that loaded it.
export const click = (event, findVoice) => {
  const target = event.target;
  if (!target.closest) return;
  if (target.closest('.reading-button')) {
    if (panel().open) close(true);
    else open();
  } else if (target.closest('.reading-close')) {
    close(true);
  } else if (!target.closest('#reading-settings')) {
    close(false);
  }
  if (speech && target.closest('.read-play')) play(findVoice);
  if (speech && target.closest('.read-stop')) stop();
};
