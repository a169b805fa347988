// Safety Stories: makes each <iframe data-safety-stories> as tall as the story inside it.
// It listens for {type: "safety-stories:height", height} and only believes messages that come from one of those
// frames (same window, same origin as the frame's src). No cookies, no requests, nothing else.
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'safety-stories:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-safety-stories]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try { origin = new URL(frame.src, window.location.href).origin; } catch (e) { continue; }
      if (event.origin !== origin) continue;
      frame.style.height = Math.ceil(Math.min(Math.max(data.height, 200), 20000)) + 'px';
    }
  });
})();
