// Embedded mode (`?embed`, in another site's frame): tells the page around the frame how tall the player is,
// whenever that changes, so that assets/embed/embed.js on that page can size the frame to fit. Built into the
// player's loader by scripts/post-build.mjs (it is a third of the size here that it was in the wasm).
//
// The message is `{type: 'safety-stories:height', height}` and nothing else. It goes only to the parent page's
// origin when the browser says what it is (`location.ancestorOrigins` in Chromium and Safari, else the referrer,
// which the recommended snippet's `referrerpolicy="no-referrer"` leaves empty). An opaque parent (a sandboxed host
// page, origin `null`) cannot be posted to by origin, so then, as when the origin is unknown, it goes to "*": the
// height says nothing private, and embed.js checks which frame a message came from.
if (!LEAVING && window.parent !== window && new URLSearchParams(location.search).has('embed')) {
  const origin = location.ancestorOrigins?.[0] ?? document.referrer.split('/').slice(0, 3).join('/');
  const target = origin.startsWith('http') ? origin : '*';
  // The body's own height: the root element is never shorter than the frame, so it could only ever grow.
  new ResizeObserver(() => {
    window.parent.postMessage({ type: 'safety-stories:height', height: document.body.offsetHeight }, target);
  }).observe(document.body);
}
