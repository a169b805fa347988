// Shared set-up for the end-to-end tests: Debian's chromium through playwright-core, never a downloaded browser.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const PHONE = { width: 360, height: 740 };
export const PROJECTOR = { width: 1920, height: 1080 };
export const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

/// `options` go to playwright's launch, e.g. `ignoreDefaultArgs` to leave on what playwright turns off.
export async function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
    ...options,
  });
}

export async function startServer() {
  return serve(DIST);
}

/// Starts Chromium and a server for dist/ before a test file's tests, and stops both after them. The object it
/// returns has `browser` and `server` from then on.
export function browserAndServer() {
  const shared = {};
  before(async () => {
    shared.browser = await launch();
    shared.server = await startServer();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/// A page in a context of its own, closed after the test `t` however the test ends. Every request for anything but
/// `server` (and the origins in `allow`) is logged in `outside` and answered locally with a blank page, so Exit this
/// page can be followed without leaving the machine. The offline service worker is blocked unless a test asks for
/// it, so routes that stand in for files always see the page's requests. `errors` collects the page's errors.
export async function openPage(t, browser, server, options = {}) {
  const { viewport = PHONE, serviceWorkers = 'block', allow = [], ...rest } = options;
  const context = await browser.newContext({ viewport, serviceWorkers, ...rest });
  t.after(() => context.close());
  const outside = [];
  const allowed = [server.url, ...allow];
  await context.route((url) => !allowed.some((origin) => url.href.startsWith(origin)), (route) => {
    outside.push(route.request().url());
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, outside, errors };
}

/// Waits until `condition()` (which may be async) is true, checking every 50 ms for at most `timeout` ms; fails saying
/// what was awaited. For conditions outside one page (a frame's address) and for asynchronous ones in a page
/// (caches, service workers): playwright's waitForFunction takes the promise an async function returns as true at
/// once, so it does not wait for them.
export async function waitUntil(condition, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function expectNoAxeViolations(page, t, what) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  if (summary.length) throw new Error(`axe found violations on ${what}:\n${summary.join('\n')}`);
}

export function loadStory(file) {
  return JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
}

export function library() {
  return loadStory('stories/library/index.json');
}

/// Every story in the library, each with its file read.
export function shippedStories() {
  return library().stories.map((entry) => ({ entry, story: loadStory(entry.file) }));
}

const paths = new Map();

/// For every ending of the story file `file` (as the library names it), one shortest way there from the first scene,
/// as `storycheck paths --json` gives it: `[{ ending, steps: [{ from, choice: { position, label } | null, to }] }]`.
/// The engine decides which choices are offered, so no rule about flags is written again here.
export function pathsToEveryEnding(file) {
  if (!paths.has(file)) {
    const storycheck = ['run', '--quiet', '--locked', '--bin', 'storycheck', '--', 'paths', '--json', file];
    const json = execFileSync('cargo', storycheck, { cwd: ROOT, encoding: 'utf8' });
    paths.set(file, JSON.parse(json));
  }
  return paths.get(file);
}

/// Follows one of those paths: for each step the scene it leaves (`from`) and reaches (`to`) from the story's file,
/// the choice picked (`{ position, label }`, or null), and the key a reader presses (`step`: `continue` or the
/// choice's position among those offered).
export function* walk(story, path) {
  const scenes = new Map(story.scenes.map((s) => [s.id, s]));
  for (const { from, choice, to } of path.steps) {
    yield { step: choice ? choice.position : 'continue', from: scenes.get(from), choice, to: scenes.get(to) };
  }
}

/// Waits until the offline service worker is active and controls `page` (a teacher's screen registers it).
export async function waitUntilOffline(page) {
  await waitUntil(() => page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
  }), 'the offline service worker is active and controls the page', 20_000);
}

/// What is left of the offline copy in `context` once everything Exit this page started has settled, seen from a
/// file of `server` with no script: an unregistration waits for an install under way to end, so this waits (up to
/// ten seconds) until nothing is left, then says what is, for the test to compare with nothing.
export async function leftOnDevice(context, server) {
  const check = await context.newPage();
  await check.goto(`${server.url}stories/library/index.json`);
  const count = () => check.evaluate(async () => ({
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  // Running out of time is not an error here: the caller compares what is left with nothing, which says what stayed.
  await waitUntil(async () => Object.values(await count()).every((n) => n === 0), 'nothing is left', 10_000)
    .catch((error) => { if (!/timed out/.test(error.message)) throw error; });
  const left = await count();
  await check.close();
  return left;
}

/// Waits until the scene heading says `title` and has focus, as it must after every change.
export async function waitForScene(page, title) {
  await page.waitForFunction((t) => {
    const h = document.querySelector('#scene-heading');
    return h && h.textContent === t && document.activeElement === h;
  }, title, { timeout: 10_000 });
}

/// Asserts that `text` contains `part`, saying what was expected and showing the text that was found.
export function assertIncludes(text, part, what) {
  assert.ok(text.includes(part), `${what}: expected ${JSON.stringify(part)} in ${JSON.stringify(text)}`);
}

/// Asserts that `text` does not contain `part`, saying what was not expected and showing the text that was found.
export function assertExcludes(text, part, what) {
  assert.ok(!text.includes(part), `${what}: did not expect ${JSON.stringify(part)} in ${JSON.stringify(text)}`);
}
