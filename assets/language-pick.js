// The language switch before the app has taken the page over (issue #17): scripts/post-build.mjs puts this file in
// each page's loader. Until then the switch's buttons are plain HTML with no handler, and on a slow school network
// that can be a few seconds. A pick is kept for the tab (sessionStorage, which Exit this page clears), where the app
// looks for it as it takes the page over and switches to it once that language's words have downloaded. Once the
// app runs, its own handler keeps the same pick and switches the words; keeping it here as well changes nothing.
// The buttons' pressed state is left to the app, which changes it only when the words have arrived: set here, it
// would say a language is on whose words could not be downloaded.
addEventListener('click', (event) => {
  const pick = event.target.closest?.('.language-option');
  // A sandboxed frame or blocked storage throws: the pick then is not kept.
  if (pick) try { sessionStorage.setItem('safety-stories:language', pick.lang); } catch { /* not kept */ }
});
