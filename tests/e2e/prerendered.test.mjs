// The prerendered pages (issue #14): with JavaScript off, every story is read from the library to each of its
// endings by following plain links, with Get help and Exit this page on every page; with JavaScript on, the app
// takes each page over without a mismatch, a choice clicked before the wasm arrives still works, and old
// `#/story/…` addresses land on the new pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NEUTRAL_SITE, browserAndServer, expectNoAxeViolations, openPage, pathsToEveryEnding, shippedStories, waitForScene,
  walk,
} from './browser.mjs';

const run = browserAndServer();
const stories = shippedStories();

/// Checks what every page must have with no script: a Get help link to the help page and Exit this page as a plain
/// link to the neutral site, in the page itself (the static help block is hidden).
async function checkHelpAndExit(page, what) {
  const help = page.locator('header.topbar a.help-button');
  if (new URL(page.url()).pathname !== '/help/') {
    assert.equal(await help.count(), 1, `${what}: a Get help link`);
    assert.equal(new URL(await help.evaluate((a) => a.href)).pathname, '/help/', `${what}: Get help leads to the help page`);
  }
  const exit = page.locator('header.topbar a.exit-button');
  assert.equal(await exit.getAttribute('href'), NEUTRAL_SITE, `${what}: Exit this page leaves for the neutral site`);
  assert.equal(await exit.isVisible(), true, `${what}: Exit this page is shown`);
  assert.equal(await page.locator('#fallback').isVisible(), false, `${what}: the static help waits for a panic`);
}

/// axe-core on the page at `url` as a reader with no script sees it. axe itself needs script, so the page is opened
/// again with script on but none of the page's own (the loader and the wasm are refused): the same HTML, as served.
async function axeWithoutTheApp(t, url, what) {
  const { page } = await openPage(t, run.browser, run.server);
  await page.route(/\.(js|wasm)$/, (route) => route.abort());
  await page.goto(url);
  await expectNoAxeViolations(page, t, what);
  await page.close();
}

/// Opens `url` and clicks the link `link` (a locator), waiting for the page it leads to.
async function follow(page, link) {
  await Promise.all([page.waitForNavigation(), link.click()]);
}

for (const { entry, story } of stories) {
  test(`no JavaScript: "${entry.title}" is read to every ending by following links, with help on every page`, async (t) => {
    const { page, outside, errors } = await openPage(t, run.browser, run.server, { javaScriptEnabled: false });
    const scenes = new Map(story.scenes.map((s) => [s.id, s]));
    const checked = new Set();
    for (const path of pathsToEveryEnding(entry.file)) {
      await page.goto(run.server.url);
      await checkHelpAndExit(page, 'the library');
      if (!checked.has('library')) await axeWithoutTheApp(t, page.url(), 'the library with no script');
      checked.add('library');
      await follow(page, page.locator('a.story-card-link', { hasText: entry.title }));
      assert.equal(await page.locator('h1').textContent(), story.title, 'the story\'s start screen');
      await checkHelpAndExit(page, 'the start screen');
      if (!checked.has('intro')) await axeWithoutTheApp(t, page.url(), 'a story\'s start with no script');
      checked.add('intro');
      await follow(page, page.getByRole('link', { name: 'Start the story' }));
      assert.equal(await page.locator('#scene-heading').textContent(), scenes.get(story.start).title);
      for (const { step, from, to } of walk(story, path)) {
        await checkHelpAndExit(page, `scene ${from.id}`);
        if (!checked.has('scene')) await axeWithoutTheApp(t, page.url(), 'a scene with no script');
        checked.add('scene');
        const link = step === 'continue'
          ? page.getByRole('link', { name: 'Continue' })
          : page.locator('.choices a.choice').nth(step - 1);
        await follow(page, link);
        assert.equal(await page.locator('#scene-heading').textContent(), to.title, `${from.id} leads to ${to.id}`);
      }
      assert.equal(await page.locator('.ending').count(), 1, `${path.ending} is an ending`);
      await checkHelpAndExit(page, `the ending ${path.ending}`);
      if (!checked.has('ending')) await axeWithoutTheApp(t, page.url(), 'an ending with no script');
      checked.add('ending');
      await follow(page, page.locator('header.topbar a.help-button'));
      assert.equal(await page.locator('h1').textContent(), 'Get help');
      await checkHelpAndExit(page, 'the help page');
      if (!checked.has('help')) await axeWithoutTheApp(t, page.url(), 'the help page with no script');
      checked.add('help');
      assert.ok((await page.locator('.help-list .service').count()) > 0, 'the help page lists services');
    }
    assert.deepEqual(outside, [], 'no request to any other origin');
    assert.deepEqual(errors, []);
  });
}

/// A page with JavaScript on, logging console errors and warnings as well as page errors.
async function openLogged(t) {
  const opened = await openPage(t, run.browser, run.server);
  const console = [];
  opened.page.on('console', (message) => {
    // Chromium warns about every page with the wasm's preload (trunk writes its integrity), with or without the app.
    if (/crbug\.com\/981419/.test(message.text())) return;
    if (['error', 'warning'].includes(message.type())) console.push(message.text());
  });
  return { ...opened, console };
}

const [{ entry, story }] = stories;
const first = story.scenes.find((s) => s.id === story.start);

test('JavaScript on: the library, a story\'s start, a scene and the help page are taken over with no mismatch', async (t) => {
  const { page, console, errors } = await openLogged(t);
  const pages = [
    ['', '#library-heading', 'Choose a story'],
    [`story/${entry.id}/`, '#intro-heading', story.title],
    [`story/${entry.id}/${story.start}/`, '#scene-heading', first.title],
    ['help/', '#help-heading', 'Get help'],
  ];
  for (const [path, heading, text] of pages) {
    await page.goto(`${run.server.url}${path}`);
    // The heading takes focus in an effect, which runs only once the app has taken the page over.
    await page.waitForFunction(([h, text]) => document.activeElement === document.querySelector(h)
      && document.activeElement.textContent === text, [heading, text], { timeout: 10_000 });
    assert.equal(await page.locator(heading).count(), 1, `${path || 'the library'}: drawn once, not twice`);
    assert.equal(await page.locator('#fallback').isVisible(), false);
  }
  assert.deepEqual(errors, [], 'no panic');
  assert.deepEqual(console, [], 'no warning or error while taking the pages over');
});

test('JavaScript on: a choice clicked before the wasm arrives still moves on, and later ones do not load it again', async (t) => {
  const { page, errors } = await openLogged(t);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${run.server.url}story/${entry.id}/${story.start}/`);
  const choice = page.locator('.choices a.choice, a.continue').first();
  const label = (await choice.textContent()).replace(/^\d/, '');
  const target = new URL(await choice.evaluate((a) => a.href));
  await follow(page, choice);
  assert.equal(new URL(page.url()).pathname, target.pathname, `"${label}" went to its page before the wasm came`);
  release();
  const next = await page.locator('#scene-heading').textContent();
  await waitForScene(page, next);
  const wasmRequests = () => run.server.requests.filter((r) => r.endsWith('_bg.wasm')).length;
  const before = wasmRequests();
  const onward = page.locator('.choices a.choice, a.continue').first();
  const onwardPath = new URL(await onward.evaluate((a) => a.href)).pathname;
  await onward.click();
  await page.waitForURL((url) => url.pathname === onwardPath);
  await page.waitForFunction((t) => document.querySelector('#scene-heading')?.textContent !== t, next);
  assert.equal(wasmRequests(), before, 'the app moved on itself, with no new page load');
  await page.goBack();
  await waitForScene(page, next);
  assert.equal(new URL(page.url()).pathname, target.pathname, 'Back returns to the page before');
  assert.deepEqual(errors, []);
});

test('JavaScript on: an old #/story/ID/SCENE address lands on the scene\'s page', async (t) => {
  const { page, errors } = await openLogged(t);
  await page.goto(`${run.server.url}#/story/${entry.id}/${story.start}`);
  await page.waitForURL(`${run.server.url}story/${entry.id}/${story.start}/`);
  await waitForScene(page, first.title);
  await page.goto(`${run.server.url}#/help`);
  await page.waitForURL(`${run.server.url}help/`);
  assert.deepEqual(errors, []);
});
