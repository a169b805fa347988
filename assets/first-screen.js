// Starts what the first screen needs while the wasm is still downloading, so a reader on a slow network sees it
// sooner. Built into the player's loader by scripts/post-build.mjs, which also writes in `LIBRARY` (each story's
// id, file and cover, read from stories/library/index.json at build time). For a scene's address it fetches the
// story file, which the app then takes from `window.safetyStoriesEarly` (src/ui/fetch.rs) instead of asking
// again, and preloads that scene's first picture; for the library or a story's start it preloads the cover.
// These are only hints: if the library has changed since the build, the app downloads what it needs itself.
{
  const early = (window.safetyStoriesEarly = {});
  const picture = (image) => {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'image', href: image });
    if (image) document.head.append(link);
  };
  const [, route, id, sceneId] = location.hash.split('/');
  // An embedded player with `?story=` opens on that story's start screen (src/ui/app.rs).
  const query = new URLSearchParams(location.search);
  const start = query.has('embed') && query.get('story');
  const entry = route === 'story' ? LIBRARY.find((s) => s.id === id)
    : route ? null : LIBRARY.find((s) => s.id === start) ?? LIBRARY[0];
  if (entry && sceneId) {
    const story = (early[entry.file] = fetch(entry.file, { cache: 'no-cache' }).then((r) => (r.ok ? r.text() : Promise.reject())));
    story.then((text) => picture(JSON.parse(text).scenes.find((s) => s.id === sceneId)?.panels[0]?.image)).catch(() => {});
  } else if (entry) {
    picture(entry.cover);
  }
}
