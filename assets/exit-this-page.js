// "Exit this page", for every page. scripts/post-build.mjs puts this file at the start of each page's loader, so
// it runs before the app, and the app's Exit this page button and Shift three times (src/ui/reader/exit_this_page.rs) call
// `window.safetyStoriesExit`; about.html loads it on its own. It lives here rather than in the wasm because the
// same few lines also leave again before the app starts, and because in JavaScript they cost readers a third of
// the bytes.
//
// Exit blanks the page at once, clears the tab's sessionStorage leaving one mark (`safety-stories:exited`),
// deletes the offline copy, and replaces the page with a neutral site. Scenes are history entries of this page,
// so Back would load the page again at the scene before; the mark stops that:
// - on a Back or Forward visit with the mark, the page hides itself and leaves again at once, `LEAVING` tells the
//   early downloads (assets/first-screen.js) not to start, and the app (src/ui/mod.rs) does not start either;
// - a page brought back from the back/forward cache runs no script again, so `pageshow` checks too;
// - on any other visit (a typed address, a link, a reload) the mark is removed, so the site works again.
const LEAVING = (() => {
  const MARK = 'safety-stories:exited';
  const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';
  // A sandboxed frame or blocked storage throws on these; then there is nothing to clear.
  const session = () => {
    try { return window.sessionStorage; } catch { return null; }
  };
  const forgetTab = () => {
    const storage = session();
    storage?.clear();
    storage?.setItem(MARK, '1');
  };
  // Undone from the page itself: on a first visit to the teacher's page the worker is still installing and
  // controls nothing. Every cache is deleted while every registration is undone, after telling each of its
  // workers to forget (an installing worker then deletes what it was filling: see
  // scripts/service-worker.template.js); then every cache again. All side by side, because a cache that an install
  // is filling, or a registration still being made, can be slow to settle. The teacher's page keeps its
  // registration under way in `safetyStoriesRegistering` (src/ui/browser/offline.rs), so one made a moment ago is undone
  // too.
  const deleteCaches = async () => {
    try {
      await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
    } catch { /* no caches here */ }
  };
  const undo = (registration) => {
    for (const worker of [registration.installing, registration.waiting, registration.active]) worker?.postMessage('forget');
    return registration.unregister();
  };
  const unregister = async () => {
    try {
      await Promise.all([
        navigator.serviceWorker.getRegistrations().then((registrations) => Promise.all(registrations.map(undo))),
        window.safetyStoriesRegistering?.then(undo, () => null),
      ]);
    } catch { /* no service workers here */ }
  };
  const forgetOfflineCopy = () => Promise.all([deleteCaches(), unregister()]).then(deleteCaches);
  // Inside a frame, the whole host page goes; a sandbox without top navigation refuses, and then after a moment
  // at least the frame goes.
  const leave = () => {
    try { window.top.location.replace(NEUTRAL_SITE); } catch { /* refused by the sandbox */ }
    if (window.top !== window) setTimeout(() => window.location.replace(NEUTRAL_SITE), 300);
  };
  window.safetyStoriesExit = () => {
    forgetTab();
    // Reading aloud stops at once too (assets/reading.js).
    window.speechSynthesis?.cancel();
    // Hide everything straight away, before the next site has loaded.
    document.body.setAttribute('data-exiting', '');
    document.body.innerText = 'Loading…';
    // Leave once the offline copy is gone (a few milliseconds), or after 400 ms whatever happens.
    Promise.race([forgetOfflineCopy(), new Promise((resolve) => setTimeout(resolve, 400))]).then(leave);
  };
  // The plain Exit this page links (the static help in index.html, about.html) do the same when script runs.
  document.addEventListener('click', (event) => {
    if (!event.target.closest?.('a.exit-button')) return;
    event.preventDefault();
    window.safetyStoriesExit();
  });
  const leaveAgain = () => {
    document.documentElement.hidden = true;
    forgetTab();
    forgetOfflineCopy();
    leave();
  };
  const marked = () => session()?.getItem(MARK) != null;
  addEventListener('pageshow', (event) => { if (event.persisted && marked()) leaveAgain(); });
  if (!marked()) return false;
  if (performance.getEntriesByType('navigation')[0]?.type === 'back_forward') {
    leaveAgain();
    return true;
  }
  session().removeItem(MARK);
  return false;
})();
