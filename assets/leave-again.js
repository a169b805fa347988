// The first script of every page: a classic script in <head>, so it runs before any of the page is drawn.
//
// 1. Hides the page when the reader comes back with Back after Exit this page. Every page of the player is
// prerendered HTML, so the story would show before the loader (a module script, which runs only after the page is
// read) could leave again; the loader's assets/exit-this-page.js then leaves again, as it does for every page. The
// mark is the one Exit leaves in the tab.
// 2. Puts back the reading settings this tab chose (assets/reading.js keeps them), only classes of the groups it
// knows, and says that scripts run and whether this browser can read aloud (`data-speech`), so the page is drawn that
// way at once.
try {
  if (sessionStorage.getItem('safety-stories:exited') != null
    && performance.getEntriesByType('navigation')[0]?.type === 'back_forward') {
    document.documentElement.hidden = true;
  }
  const kept = sessionStorage.getItem('safety-stories:reading')?.split(' ') ?? [];
  document.documentElement.classList.add(...kept.filter((c) => /^(read-text|read-line|read-letter|paper)-\d$/.test(c)));
} catch { /* storage is blocked: then Exit kept nothing and nothing is hidden, and no settings were kept */ }
// Without script the Reading settings button would do nothing, so it shows only when scripts run (`data-script`).
document.documentElement.setAttribute('data-script', '');
if ('speechSynthesis' in window) document.documentElement.setAttribute('data-speech', '');
