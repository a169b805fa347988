// Starts what the first screen needs while the wasm is still downloading, so a reader on a slow network sees it
// sooner. Built into both pages' loaders by scripts/post-build.mjs, which also writes in `LIBRARY` (each story's
// id, file and cover, read from stories/library/index.json at build time). Every page starts the files the app
// reads first (the library, the help services, the site's config), and for a scene's address the story file;
// the app then takes them from `window.safetyStoriesEarly` (src/ui/browser/fetch.rs) instead of asking again. For a
// scene it also preloads the first picture, and for the library or a story's start the cover. These are only
// hints: if anything has changed since the build, the app downloads what it needs itself.
//
// They are fetched exactly as the app fetches (same origin only, no redirects, revalidated), which a
// `<link rel="preload">` cannot do, so the app can use them. Nothing from the address is used but to pick an entry
// of LIBRARY by exact id, so a crafted link cannot make it fetch anything else; the site's config is fetched early
// only when the address names none. A picture is preloaded only if it is named by a plain relative path, as the
// engine requires of story pictures. After Exit this page (`LEAVING`, from assets/exit-this-page.js) it starts
// nothing.
if (!LEAVING) {
  const early = (window.safetyStoriesEarly = {});
  const download = (file) => {
    early[file] = fetch(file, { cache: 'no-cache', mode: 'same-origin', redirect: 'error' })
      .then((response) => (response.ok ? response.text() : Promise.reject()));
    // A failed early download is simply made again by the app; it is not an error here.
    early[file].catch(() => {});
    return early[file];
  };
  const picture = (image) => {
    if (typeof image !== 'string' || !/^[\w.-]+(\/[\w.-]+)*$/.test(image) || image.split('/').includes('..')) return;
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'image', href: image });
    document.head.append(link);
  };
  const [, route, id, sceneId] = location.hash.split('/');
  // An embedded player with `?story=` opens on that story's start screen (src/ui/app.rs).
  const query = new URLSearchParams(location.search);
  download('stories/library/index.json');
  download('stories/help/services-uk.json');
  if (!query.has('config')) download('site-config.json');
  const start = query.has('embed') && query.get('story');
  const entry = route === 'story' ? LIBRARY.find((s) => s.id === id)
    : route ? null : LIBRARY.find((s) => s.id === start) ?? LIBRARY[0];
  if (entry && sceneId) {
    download(entry.file)
      .then((text) => picture(JSON.parse(text).scenes.find((s) => s.id === sceneId)?.panels[0]?.image))
      .catch(() => {});
  } else if (entry) {
    picture(entry.cover);
  }
}
