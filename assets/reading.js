// Reading settings and Read to me (issue #17), for every page: scripts/post-build.mjs puts this file in each page's
// loader after assets/exit-this-page.js. Most readers use neither, so what their buttons and panel do is a module of
// its own, assets/reading-controls.js, loaded when a reader first points at or moves to them, and at the latest when
// one is pressed (docs/size.md). This part says at once whether the device has a voice for the scene, so Read to me
// can say when it has none.
(() => {
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
  // The module once it has loaded, so a press then acts within the press itself (Safari on iOS starts speech only
  // from a press). scripts/post-build.mjs writes the module's hashed name in place of './reading-controls.js'.
  let controls = null;
  let loading = null;
  const load = () => (loading ??= import('./reading-controls.js').then((module) => (controls = module)));
  const CONTROLS = '.reading-button, .read-aloud';
  const ready = (event) => { if (event.target.closest?.(CONTROLS)) load(); };
  addEventListener('pointerover', ready);
  addEventListener('focusin', ready);
  addEventListener('click', (event) => {
    if (controls) controls.click(event, checkVoice);
    else if (event.target.closest?.(CONTROLS)) load().then((module) => module.click(event, checkVoice));
  });
})();
