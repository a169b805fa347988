// Hides the page before any of it is drawn when the reader comes back with Back after Exit this page. Every page of
// the player is prerendered HTML, so the story would show before the loader (a module script, which runs only after
// the page is read) could leave again. This is a classic script in <head>, so it runs first; the loader's
// assets/exit-this-page.js then leaves again, as it does for every page. The mark is the one Exit leaves in the tab.
try {
  if (sessionStorage.getItem('safety-stories:exited') != null
    && performance.getEntriesByType('navigation')[0]?.type === 'back_forward') {
    document.documentElement.hidden = true;
  }
} catch { /* storage is blocked: then Exit kept nothing and nothing is hidden */ }
