// Reading settings and Read to me (issue #17), for every page: scripts/post-build.mjs puts this file in each page's
// loader after assets/exit-this-page.js. The app draws the buttons and the panel (src/ui/reader/reading_settings.rs
// and read_aloud.rs); these listeners make them work, so they work before the app has started, and cost the
// wasm no handlers (see docs/size.md).
(() => {
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
  // readers (panel_view.rs). An ending ends with the help it recommends: each service's name, what it is for and
  // its number.
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
  // A voice of this device for `lang`: the same tag (en-GB), else the same language (en-*). Never one with
  // `localService` false: it would send the words to a server. Android names them en_GB.
  const localVoice = (lang) => {
    const tag = (voice) => voice.lang.replace('_', '-').toLowerCase();
    const wanted = lang.toLowerCase();
    const local = speech.getVoices().filter((voice) => voice.localService === true);
    return local.find((voice) => tag(voice) === wanted)
      ?? local.find((voice) => tag(voice).split('-')[0] === wanted.split('-')[0]) ?? null;
  };
  // Marks the scene's buttons when there is no such voice, so the button says so; voices may arrive late.
  const checkVoice = () => {
    const buttons = document.querySelector('.read-aloud');
    if (!buttons) return null;
    const found = localVoice(buttons.dataset.lang);
    buttons.toggleAttribute('data-no-voice', !found);
    buttons.querySelector('.read-play').setAttribute('aria-disabled', String(!found));
    return found;
  };
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
  const play = () => {
    const now = root.getAttribute('data-reading');
    if (now === 'playing') {
      silence();
      parts[at].classList.add('is-reading');
      state('paused');
    } else if (now === 'paused') {
      state('playing');
      speak();
    } else if ((voice = checkVoice())) {
      parts = PARTS.flatMap((part) => [...document.querySelectorAll(`.scene ${part}`)])
        .filter((part) => part.textContent.trim());
      at = 0;
      state('playing');
      speak();
    }
  };
  // The app stops the reading when the scene changes or the scene page goes (src/ui/reader/read_aloud.rs); Exit
  // this page stops it too (assets/exit-this-page.js).
  window.safetyStoriesStopReading = stop;
  if (speech) {
    speech.addEventListener?.('voiceschanged', checkVoice);
    if (speech.getVoices().length) checkVoice();
  }

  addEventListener('click', (event) => {
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
    if (speech && target.closest('.read-play')) play();
    if (speech && target.closest('.read-stop')) stop();
  });
})();
