// Starts what the first screen needs while the wasm is still downloading, so a reader on a slow network sees it
// sooner. Built into the loader (scripts/post-build.mjs); the app takes the downloads from
// `window.safetyStoriesEarly` (src/ui/fetch.rs) instead of asking again. For a story's address it also fetches the
// story file, and for every screen with a picture it preloads the picture the reader sees first. Any failure here
// only means the app downloads the file itself.
{
  const early = (window.safetyStoriesEarly = {});
  const get = (file) => (early[file] = fetch(file, { cache: 'no-cache' }).then((r) => (r.ok ? r.text() : Promise.reject())));
  const picture = (image) => {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'image', href: image });
    if (image) document.head.append(link);
  };
  const [, route, id, sceneId] = location.hash.split('/');
  if (route !== 'help') {
    get('stories/library/index.json').then(async (text) => {
      const stories = JSON.parse(text).stories;
      const entry = id ? stories.find((s) => s.id === id) : stories[0];
      if (!sceneId) return picture(entry?.cover?.image);
      const story = JSON.parse(await get(entry.file));
      picture(story.scenes.find((s) => s.id === sceneId)?.panels[0]?.image);
    }).catch(() => {});
  }
}
