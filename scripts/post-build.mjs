// Trunk post-build hook, for the player (index.html) and the teacher's page (teacher.html):
// 0. shortens wasm-bindgen's import and export names (scripts/minify-wasm-names.mjs), minifies the JavaScript and
//    CSS trunk wrote (trunk's own minifier fails on wasm-bindgen's output and rewrites the inline loader this hook
//    looks for), and updates the integrity hashes (both for the player's byte budget: see docs/size.md);
// 1. moves trunk's inline module script (the wasm loader, after assets/exit-this-page.js, assets/reading.js and for
//    the player assets/embedded-height.js) into its own hashed file, so the built app runs under `script-src 'self'` with no
//    'unsafe-inline' and no hashes to keep in step; the loader asks for the wasm from its own folder, so it is
//    found from every page of the site; and writes assets/reading-controls.js beside it, as a hashed module the
//    loader imports only when a reader goes to use Reading settings or Read to me;
// 2. for the player, copies in the teacher's page built beforehand by scripts/teacher-page, and fails if it is
//    missing;
// 3. for the player, removes authors' notes (anything not JSON) from the built stories folder, writes each message
//    file as the list by slot the player downloads (`assets/messages/LANG.list.json`) and each translation the
//    library lists as a whole story (`stories/LANG/ID.json`), both by src/bin/prerender.rs, then writes
//    the offline service worker (scripts/service-worker.mjs), which lists every file;
// 4. for the player, writes every page as static HTML with the prerender (src/bin/prerender.rs), then checks that
//    every page the pages link to was written, and fails the build if one is missing.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { transformSync } from 'esbuild';
import { minifyWasmNames, renameInGlue } from './minify-wasm-names.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
// Trunk writes every page it builds as index.html; the source file says which page this is.
const pageName = basename(process.env.TRUNK_HTML_FILE ?? 'index.html');
const page = join(dir, 'index.html');
const sourceDir = process.env.TRUNK_SOURCE_DIR ?? '.';
// The player's page links to the teacher's ("Present to a class", "Lesson pack"), so a player built without it would
// ship broken links: stop before doing anything else.
const teacherDist = join(sourceDir, 'target', 'teacher-dist');
if (pageName === 'index.html' && !existsSync(join(teacherDist, 'teacher.html'))) {
  console.error(`${teacherDist}/teacher.html is missing, so the player's links to the teacher's screens would be broken: `
    + 'build with scripts/build (or run scripts/teacher-page first)');
  process.exit(1);
}
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
// wasm-bindgen's long import and export names, shortened in the wasm and in its glue (see minify-wasm-names.mjs).
const bindings = readFileSync(page, 'utf8').match(/href="\.\/([^"]+)_bg\.wasm"/);
if (!bindings) throw new Error(`no wasm linked from ${pageName}: has trunk changed its output?`);
const [wasmFile, glueFile] = [join(dir, `${bindings[1]}_bg.wasm`), join(dir, `${bindings[1]}.js`)];
writeFileSync(glueFile, renameInGlue(readFileSync(glueFile, 'utf8'), minifyWasmNames(wasmFile)));
// Every stylesheet and script trunk linked with an integrity hash: minified in place, then hashed again, and the
// wasm hashed again. The file names keep trunk's hash of the source, which still changes whenever the source does.
const html = readFileSync(page, 'utf8').replace(
  /(<link\b[^>]*\bhref="\.\/([^"]+\.(js|css|wasm))"[^>]*\bintegrity=")[^"]*(")/g,
  (_, before, file, kind, after) => {
    const path = join(dir, file);
    if (kind === 'wasm') return `${before}${sri(readFileSync(path))}${after}`;
    const code = transformSync(readFileSync(path, 'utf8'), { minify: true, loader: kind, format: kind === 'js' ? 'esm' : undefined }).code;
    writeFileSync(path, code);
    return `${before}${sri(code)}${after}`;
  },
);
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) throw new Error(`no inline module script found in ${pageName}: has trunk changed its loader?`);
// Every page's loader starts with Exit this page, which also leaves again if the reader came back with Back.
const exitThisPage = readFileSync(join(sourceDir, 'assets', 'exit-this-page.js'), 'utf8');
// The player's loader also sends the frame's height to the host page in embedded mode (assets/embedded-height.js).
const embeddedHeight = () => readFileSync(join(sourceDir, 'assets', 'embedded-height.js'), 'utf8');
// Trunk's loader names the wasm relative to the page; the player's pages are in folders of their own
// (story/ID/SCENE/), so it is named relative to the loader's own file, which is beside it.
const wasmUrl = /(module_or_path:\s*)(['"])(\.\/[^'"]+_bg\.wasm)\2/;
if (!wasmUrl.test(found[1])) throw new Error(`the loader in ${pageName} does not name its wasm as expected: has trunk changed its loader?`);
// The wasm is downloaded once, by the loader's own fetch(), with its integrity hash: trunk's <link rel="preload"
// as="fetch"> is removed below, because WebKit does not hand a preloaded response to a later fetch() and downloaded
// the wasm twice (issue #18). For the player, whose every page is prerendered HTML, the download also waits until the
// page and its pictures have loaded and been drawn: the reader sees the scene first, and the wasm does not share the
// network with the scene's first picture (issue #14: the largest paint). Until then every choice is a plain link.
// The teacher's page is drawn by the app alone, so it starts at once.
const wasmIntegrity = sri(readFileSync(wasmFile));
const afterFirstPaint = 'new Promise((go)=>{const drawn=()=>requestAnimationFrame(()=>setTimeout(go,0));'
  + 'document.readyState==="complete"?drawn():addEventListener("load",drawn,{once:true});setTimeout(go,3000)})';
const wasmFetch = (url) => `fetch(${url},{integrity:${JSON.stringify(wasmIntegrity)},credentials:"same-origin"})`;
const loader = found[1].replace(wasmUrl, (_, before, quote, file) => {
  const url = `new URL(${quote}${file}${quote}, import.meta.url)`;
  return before + (pageName === 'index.html' ? `${afterFirstPaint}.then(()=>${wasmFetch(url)})` : wasmFetch(url));
});
// Then Reading settings and Read to me, which work before the app starts (assets/reading.js). What their buttons and
// panel do (assets/reading-controls.js) is a module of its own, loaded only when a reader goes to use them
// (docs/size.md): written here minified, with a content hash in its name (so the offline copy treats it as never
// changing, and both pages' builds write the same file), and named in reading.js's import().
const controls = transformSync(readFileSync(join(sourceDir, 'assets', 'reading-controls.js'), 'utf8'), { minify: true, format: 'esm' }).code;
const controlsName = `reading-controls-${createHash('sha256').update(controls).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, controlsName), controls);
const readingSource = readFileSync(join(sourceDir, 'assets', 'reading.js'), 'utf8');
const reading = readingSource.replace("import('./reading-controls.js')", `import('./${controlsName}')`);
if (reading === readingSource) throw new Error('assets/reading.js does not import(\'./reading-controls.js\') as post-build.mjs expects');
// And the language switch, which keeps a pick made before the app has taken the page over (assets/language-pick.js).
const languagePick = readFileSync(join(sourceDir, 'assets', 'language-pick.js'), 'utf8');
const source = exitThisPage + reading + languagePick + (pageName === 'index.html' ? embeddedHeight() : '') + loader;
const body = transformSync(source, { minify: true, format: 'esm' }).code;
const prefix = pageName === 'index.html' ? 'loader' : `${pageName.replace(/\.html$/, '')}-loader`;
const name = `${prefix}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), body);
const wasmPreload = /<link\b[^>]*\brel="preload"[^>]*_bg\.wasm"[^>]*>/;
if (!wasmPreload.test(html)) throw new Error(`no wasm preload found in ${pageName}: has trunk changed its output?`);
writeFileSync(page, html.replace(wasmPreload, '')
  .replace(inline, `<script type="module" src="./${name}" integrity="${sri(body)}"></script>`));
if (/rel="preload"/.test(readFileSync(page, 'utf8'))) throw new Error(`a preload is still in ${pageName}`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(readFileSync(page, 'utf8'))) throw new Error(`an inline script is still in ${pageName}`);

// The scripts trunk copies as they are (copy-file), leave-again.js (the first script of every page, in the player's
// byte budget) and exit-this-page.js (about.html's), minified like the rest; comments say why in the sources.
for (const file of ['leave-again.js', 'exit-this-page.js']) {
  const path = join(dir, file);
  if (existsSync(path)) writeFileSync(path, transformSync(readFileSync(path, 'utf8'), { minify: true }).code);
}

if (pageName !== 'index.html') renameSync(page, join(dir, pageName));

if (pageName === 'index.html') {
  keepOnlyJsonInStories(join(dir, 'stories'));
  runPrerender(['--translations', dir], 'the message lists and the translated stories were not written');
  for (const file of readdirSync(teacherDist)) {
    if (statSync(join(teacherDist, file)).isFile() && !existsSync(join(dir, file))) copyFileSync(join(teacherDist, file), join(dir, file));
  }
  await import('./service-worker.mjs');
  prerender();
}

/// Removes from the built `stories/` folder every file that is not JSON: an author's notes beside a story (its
/// checklist, branch map, statistics, Twee source) are for whoever edits the story, not for readers' downloads or
/// the offline copy. Story files, their translations, the library, the help directory and the schemas stay.
function keepOnlyJsonInStories(folder) {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      keepOnlyJsonInStories(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (!entry.name.endsWith('.json')) {
      rmSync(path);
    }
  }
}

/// Runs src/bin/prerender.rs natively with `args`, and stops the build, saying `what`, if it fails.
function runPrerender(args, what) {
  if (!existsSync(join(dir, 'stories', 'library', 'index.json'))) return;
  const run = spawnSync('cargo', ['run', '--offline', '--locked', '--quiet', '--bin', 'prerender', '--', ...args],
    { cwd: sourceDir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    console.error(`post-build: the prerender failed, so ${what}`);
    process.exit(1);
  }
}

/// Writes every page (src/bin/prerender.rs) and checks that every page a page links to was written: the library,
/// the help page, each story's start and every page of each story. A build whose pages do not all exist stops here.
function prerender() {
  if (!existsSync(join(dir, 'stories', 'library', 'index.json'))) {
    console.warn('post-build: no stories/library/index.json in the build, so no pages were prerendered');
    return;
  }
  runPrerender([dir], 'the pages were not written');
  const { stories } = JSON.parse(readFileSync(join(dir, 'stories', 'library', 'index.json'), 'utf8'));
  const wanted = new Set(['', 'help/', ...stories.map(({ id }) => `story/${id}/`)]);
  const seen = new Set();
  while (wanted.size > seen.size) {
    for (const path of [...wanted].filter((p) => !seen.has(p))) {
      seen.add(path);
      const file = join(dir, path, 'index.html');
      if (!existsSync(file)) {
        console.error(`post-build: the page ${path || './'} is linked to but was not written (${file})`);
        process.exit(1);
      }
      const app = readFileSync(file, 'utf8').split('<div id="app"')[1] ?? '';
      for (const [, link] of app.matchAll(/href="([^"#:]*\/)"/g)) wanted.add(posix.normalize(posix.join(path, link)).replace(/^\.\/$/, ''));
    }
  }
  console.log(`post-build: ${seen.size} pages, every one linked to is written`);
}
