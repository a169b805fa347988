// Shared set-up for the end-to-end tests: Debian's chromium through playwright-core, never a downloaded browser.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
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

/// A page whose every request is logged, and where anything not on 127.0.0.1 is answered locally with a blank
/// page (so Exit this page can be followed without leaving the machine). The offline service worker is blocked
/// unless a test asks for it, so routes that stand in for files always see the page's requests.
export async function openPage(browser, server, { viewport = PHONE, serviceWorkers = 'block', ...options } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers, ...options });
  const outside = [];
  await context.route((url) => !url.href.startsWith(server.url), (route) => {
    outside.push(route.request().url());
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, outside, errors };
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

/// The choices a scene offers when the story's flags are `flags`, in the order the reader sees them.
function offeredChoices(scene, flags) {
  return scene.next.choices.filter((c) => Object.entries(c.when ?? {}).every(([f, v]) => flags[f] === v));
}

/// Follows `steps` (as `pathsToEveryEnding` gives them) from the story's first scene without a browser: for each
/// step, the scene it leaves (`from`), the choice it picks if any, and the scene it reaches (`to`).
export function* walk(story, steps) {
  const scenes = new Map(story.scenes.map((s) => [s.id, s]));
  const flags = { ...(story.flags ?? {}) };
  let from = scenes.get(story.start);
  for (const step of steps) {
    const choice = step === 'continue' ? null : offeredChoices(from, flags)[step - 1];
    Object.assign(flags, choice?.set ?? {});
    const to = scenes.get(choice ? choice.to : from.next.continue);
    yield { step, from, choice, to };
    from = to;
  }
}

/// For every ending, one way to reach it: a list of steps, each `continue` or the position (1-based) of the
/// choice among those offered at that moment, which is the key a reader presses.
export function pathsToEveryEnding(story) {
  const scenes = new Map(story.scenes.map((s) => [s.id, s]));
  const start = { scene: story.start, flags: { ...(story.flags ?? {}) }, steps: [] };
  const seen = new Set();
  const found = new Map();
  const queue = [start];
  while (queue.length) {
    const at = queue.shift();
    const key = at.scene + JSON.stringify(at.flags);
    if (seen.has(key)) continue;
    seen.add(key);
    const scene = scenes.get(at.scene);
    if (scene.next.ending) { if (!found.has(at.scene)) found.set(at.scene, at.steps); continue; }
    if (scene.next.continue) { queue.push({ scene: scene.next.continue, flags: at.flags, steps: [...at.steps, 'continue'] }); continue; }
    offeredChoices(scene, at.flags).forEach((choice, i) => {
      queue.push({ scene: choice.to, flags: { ...at.flags, ...(choice.set ?? {}) }, steps: [...at.steps, i + 1] });
    });
  }
  return found;
}

/// Waits until the scene heading says `title` and has focus, as it must after every change.
export async function waitForScene(page, title) {
  await page.waitForFunction((t) => {
    const h = document.querySelector('#scene-heading');
    return h && h.textContent === t && document.activeElement === h;
  }, title, { timeout: 10_000 });
}
