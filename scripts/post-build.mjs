// Trunk post-build hook, for the player (index.html) and the teacher's page (teacher.html):
// 0. shortens wasm-bindgen's import and export names (scripts/minify-wasm-names.mjs), minifies the JavaScript and
//    CSS trunk wrote (trunk's own minifier fails on wasm-bindgen's output and rewrites the inline loader this hook
//    looks for), and updates the integrity hashes (both for the player's byte budget: see docs/size.md);
// 1. moves trunk's inline module script (the wasm loader, after assets/exit-this-page.js, assets/first-screen.js
//    and for the player assets/embedded-height.js) into
//    its own hashed file, so the built app runs under
//    `script-src 'self'` with no 'unsafe-inline' and no hashes to keep in step;
// 2. for the player, copies in the teacher's page built beforehand by scripts/teacher-page, and fails if it is
//    missing;
// 3. for the player, writes the offline service worker (scripts/service-worker.mjs), which lists every file.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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
// Each page's loader also starts the first screen's downloads (see assets/first-screen.js), with the library's
// stories written in so that it need not wait for the library to download.
const firstScreen = () => {
  const { stories } = JSON.parse(readFileSync(join(sourceDir, 'stories', 'library', 'index.json'), 'utf8'));
  const library = stories.map(({ id, file, cover }) => ({ id, file, cover: cover?.image }));
  return `const LIBRARY = ${JSON.stringify(library)};\n` + readFileSync(join(sourceDir, 'assets', 'first-screen.js'), 'utf8');
};
// Every page's loader starts with Exit this page, which also leaves again if the reader came back with Back.
const exitThisPage = readFileSync(join(sourceDir, 'assets', 'exit-this-page.js'), 'utf8');
// The player's loader also sends the frame's height to the host page in embedded mode (assets/embedded-height.js).
const embeddedHeight = () => readFileSync(join(sourceDir, 'assets', 'embedded-height.js'), 'utf8');
const source = exitThisPage + firstScreen() + (pageName === 'index.html' ? embeddedHeight() : '') + found[1];
const body = transformSync(source, { minify: true, format: 'esm' }).code;
const prefix = pageName === 'index.html' ? 'loader' : `${pageName.replace(/\.html$/, '')}-loader`;
const name = `${prefix}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), body);
writeFileSync(page, html.replace(inline, `<script type="module" src="./${name}" integrity="${sri(body)}"></script>`));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(readFileSync(page, 'utf8'))) throw new Error(`an inline script is still in ${pageName}`);

if (pageName !== 'index.html') renameSync(page, join(dir, pageName));

if (pageName === 'index.html') {
  for (const file of readdirSync(teacherDist)) {
    if (statSync(join(teacherDist, file)).isFile() && !existsSync(join(dir, file))) copyFileSync(join(teacherDist, file), join(dir, file));
  }
  await import('./service-worker.mjs');
}
