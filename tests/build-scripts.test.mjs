// The build's own scripts, tested on inputs made for the purpose (tests/fixtures/build) rather than through a whole
// build: the wasm name minifier, the post-build hook, and the teacher's page generated from index.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minifyWasmNames, renameInGlue } from '../scripts/minify-wasm-names.mjs';
import { teacherHtml } from '../scripts/teacher-html.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'build');
const LONG_IMPORT = '__wbg_answer_0123456789abcdef';
const GLUE_EXPORT = 'wasm_bindgen__convert__closures_____invoke__h0123456789abcdef';

/// A fresh folder for one test, deleted after it.
function scratch(t) {
  const dir = mkdtempSync(join(tmpdir(), 'build-scripts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/// Assembles tests/fixtures/build/module.wat into `path` with binaryen's wasm-as.
function assembleModule(path) {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wasm-as'), [join(FIXTURES, 'module.wat'), '-o', path]);
}

const glue = () => readFileSync(join(FIXTURES, 'staging', 'app.js'), 'utf8');

test('wasm names: binaryen renames imports, their module and exports, and the renamed glue still runs the module', async (t) => {
  const dir = scratch(t);
  const wasm = join(dir, 'app_bg.wasm');
  assembleModule(wasm);
  const renamed = renameInGlue(glue(), minifyWasmNames(wasm));
  const module = new WebAssembly.Module(readFileSync(wasm));
  const names = [...WebAssembly.Module.imports(module), ...WebAssembly.Module.exports(module)].map((i) => i.name);
  for (const long of [LONG_IMPORT, GLUE_EXPORT, 'memory']) {
    assert.equal(names.includes(long), false, `the wasm no longer names ${long}: ${names}`);
  }
  assert.equal(renamed.includes(LONG_IMPORT) || renamed.includes(GLUE_EXPORT) || renamed.includes('./app_bg.js'), false,
    `the glue no longer names the long names or the old module:\n${renamed}`);
  writeFileSync(join(dir, 'app.mjs'), renamed);
  const app = await import(pathToFileURL(join(dir, 'app.mjs')).href);
  assert.equal(await app.run(readFileSync(wasm)), 42, 'the renamed export calls the renamed import through the glue');
  assert.equal(app.memoryPages(), 1, 'the glue finds the renamed memory');
});

test('wasm names: a glue that does not name an import, or its module, stops the build', (t) => {
  const dir = scratch(t);
  const wasm = join(dir, 'app_bg.wasm');
  assembleModule(wasm);
  const map = minifyWasmNames(wasm);
  assert.throws(() => renameInGlue(glue().replace(`${LONG_IMPORT}:`, 'other:'), map),
    new RegExp(`the glue does not name these imports: ${LONG_IMPORT}`));
  assert.throws(() => renameInGlue(glue().replace('"./app_bg.js":', '"./other.js":'), map),
    /the glue does not name these imports: module \.\/app_bg\.js/);
});

/// Runs scripts/post-build.mjs as trunk would, on a copy of tests/fixtures/build/staging, for the player's page.
/// The source folder has the real stories and assets, and a teacher's page only if `teacherPage` is set.
function postBuild(t, { teacherPage, stories = {} }) {
  const dir = scratch(t);
  const staging = join(dir, 'staging');
  const source = join(dir, 'source');
  cpSync(join(FIXTURES, 'staging'), staging, { recursive: true });
  // Files of the stories folder as trunk's copy-dir leaves them (with no library, so nothing is prerendered).
  for (const [file, text] of Object.entries(stories)) {
    mkdirSync(dirname(join(staging, 'stories', file)), { recursive: true });
    writeFileSync(join(staging, 'stories', file), text);
  }
  assembleModule(join(staging, 'app_bg.wasm'));
  mkdirSync(source);
  for (const folder of ['stories', 'assets']) symlinkSync(join(ROOT, folder), join(source, folder));
  if (teacherPage) {
    mkdirSync(join(source, 'target', 'teacher-dist'), { recursive: true });
    writeFileSync(join(source, 'target', 'teacher-dist', 'teacher.html'), '<!doctype html><title>Teacher</title>');
  }
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'post-build.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, TRUNK_STAGING_DIR: staging, TRUNK_SOURCE_DIR: source, TRUNK_HTML_FILE: join(source, 'index.html') },
  });
  return { ...run, staging };
}

test('post-build: the player\'s build fails, saying why, when the teacher\'s page has not been built', (t) => {
  const { status, stderr, staging } = postBuild(t, { teacherPage: false });
  assert.equal(status, 1, `the hook exits with 1; stderr:\n${stderr}`);
  assert.match(stderr, /teacher-dist\/teacher\.html is missing, so the player's links to the teacher's screens would be broken/);
  assert.equal(existsSync(join(staging, 'sw.js')), false, 'nothing is written for a build that failed');
});

test('post-build: the teacher\'s page is copied in, the loader moved out of the page and every name shortened', (t) => {
  const { status, stderr, staging } = postBuild(t, { teacherPage: true });
  assert.equal(status, 0, `the hook succeeds; stderr:\n${stderr}`);
  const files = readdirSync(staging);
  for (const file of ['teacher.html', 'sw.js']) assert.ok(files.includes(file), `${file} is in the build: ${files}`);
  const page = readFileSync(join(staging, 'index.html'), 'utf8');
  assert.doesNotMatch(page, /<script type="module">/, 'no inline script is left');
  const loader = files.find((file) => /^loader-[0-9a-f]{16}\.js$/.test(file));
  assert.ok(loader, `a hashed loader file is written: ${files}`);
  assert.match(page, new RegExp(`<script type="module" src="\\./${loader}" integrity="sha384-`));
  const controls = files.find((file) => /^reading-controls-[0-9a-f]{16}\.js$/.test(file));
  assert.ok(controls, `Reading settings' and Read to me's controls are written as a hashed module: ${files}`);
  assert.match(readFileSync(join(staging, loader), 'utf8'), new RegExp(`import\\("\\./${controls}"\\)`), 'the loader imports it by that name');
  assert.doesNotMatch(readFileSync(join(staging, 'app.js'), 'utf8'), new RegExp(LONG_IMPORT), 'the glue is renamed');
});

test('post-build: authors\' notes beside the stories are left out of the build, every JSON file is kept', (t) => {
  const json = ['my-story.json', 'my-story.cy.json', 'help/services-uk.json', 'schema/story-v1.schema.json'];
  const notes = ['my-story/CHECKLIST.md', 'my-story/branch-map.mmd', 'my-story/stats.txt', 'for-authors/story.twee'];
  const stories = Object.fromEntries([...json, ...notes].map((file) => [file, '{}']));
  const { status, stderr, staging } = postBuild(t, { teacherPage: true, stories });
  assert.equal(status, 0, `the hook succeeds; stderr:\n${stderr}`);
  const built = readdirSync(join(staging, 'stories'), { recursive: true })
    .filter((file) => !statSync(join(staging, 'stories', file)).isDirectory());
  assert.deepEqual(built.sort(), json.sort(), 'the built stories folder holds the JSON files and no notes');
  assert.equal(existsSync(join(staging, 'stories', 'for-authors')), false, 'a folder of notes alone is removed');
  assert.doesNotMatch(readFileSync(join(staging, 'sw.js'), 'utf8'), /\.twee|CHECKLIST/, 'the offline copy lists no notes');
});
