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

  // Read to me. This part finds a voice of this device for the scene's language, so the button can say at once when
  // there is none; the reading itself is assets/read-aloud.js, loaded when a reader first points at or moves to the
  // buttons, and at the latest when one is pressed: most readers never press it (docs/size.md).
  const speech = window.speechSynthesis;
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
  if (speech) {
    speech.addEventListener?.('voiceschanged', checkVoice);
    if (speech.getVoices().length) checkVoice();
  }
  // The module once it has loaded, so a press then plays or pauses within the press itself (Safari on iOS speaks
  // only from a press). scripts/post-build.mjs writes the module's hashed name in place of './read-aloud.js'.
  let reader = null;
  let loading = null;
  const load = () => (loading ??= import('./read-aloud.js').then((module) => (reader = module)));
  const ready = (event) => { if (speech && event.target.closest?.('.read-aloud')) load(); };
  addEventListener('pointerover', ready);
  addEventListener('focusin', ready);

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
    const button = speech && target.closest('.read-play, .read-stop');
    if (button) {
      const press = (module) => module[button.matches('.read-stop') ? 'stop' : 'play'](checkVoice);
      if (reader) press(reader);
      else load().then(press);
    }
  });
})();
