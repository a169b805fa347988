// The language switch before the app has taken the page over (issue #17): scripts/post-build.mjs puts this file in
// each page's loader. Until then the switch's buttons are plain HTML with no handler, and on a slow school network
// that can be a few seconds. A pick is kept for the tab (sessionStorage, which Exit this page clears), where the app
// looks for it as it takes the page over, and the pressed button shows at once that it was heard. Once the app runs,
// its own handler keeps the same pick and switches the words; keeping it here as well changes nothing.
addEventListener('click', (event) => {
  const pick = event.target.closest?.('.language-option');
  if (!pick) return;
  for (const option of pick.parentNode.children) option.setAttribute('aria-pressed', String(option === pick));
  // A sandboxed frame or blocked storage throws: the pick then lasts until the app has taken over.
  try { sessionStorage.setItem('safety-stories:language', pick.lang); } catch { /* not kept */ }
});
