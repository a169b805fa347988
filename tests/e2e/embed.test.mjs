// The player embedded in another site's page: a host page on a second origin (127.0.0.2) frames the player
// (127.0.0.1), which is served under the strict Content Security Policy the README recommends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import {
  launch, expectNoAxeViolations, library, loadStory, openPage, waitUntil, DIST, NEUTRAL_SITE, PHONE,
} from './browser.mjs';
import { serve } from './server.mjs';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; frame-ancestors *";

let browser;
let player;
let host;
let hostUrl;
let hostRequests;
let hostPage = '';

before(async () => {
  browser = await launch();
  player = await serve(DIST, { headers: { 'content-security-policy': STRICT_CSP } });
  hostRequests = [];
  host = createServer((req, res) => {
    hostRequests.push(req.url);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage);
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.2', resolve));
  hostUrl = `http://127.0.0.2:${host.address().port}/`;
});
after(async () => {
  await browser?.close();
  await player?.close();
  await new Promise((resolve) => host?.close(resolve));
});

const { entry, story } = (() => {
  const entry = library().stories[0];
  return { entry, story: loadStory(entry.file) };
})();

function hostWith(query) {
  return `<!doctype html><html lang="en"><head><title>Northshire Police: online safety</title></head><body>
    <h1>Online safety</h1>
    <iframe src="${player.url}?embed&story=${entry.id}${query}" title="${entry.title}" width="100%" height="300"
      style="border:0" allow="fullscreen" referrerpolicy="no-referrer"
      sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
      data-safety-stories></iframe>
    <script src="${player.url}assets/embed/embed.js"></script>
  </body></html>`;
}

/// The host page framing the player, in a context of its own that is closed after the test `t`.
async function openHost(t, query = '', { viewport = PHONE, routes = {} } = {}) {
  hostPage = hostWith(query);
  const { context, page, outside } = await openPage(t, browser, player, { viewport, allow: [hostUrl] });
  for (const [pattern, body] of Object.entries(routes)) {
    await context.route(pattern, (route) => (body === 404
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ status: 200, contentType: 'application/json', body })));
  }
  const cspErrors = [];
  if (process.env.DEBUG_EMBED) page.on('console', (m) => console.log('console:', m.text()));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspErrors.push(message.text());
  });
  await page.goto(hostUrl);
  const frame = page.frameLocator('iframe');
  await frame.locator('.content-note').waitFor();
  return { context, page, frame, outside, cspErrors };
}

async function frameHeight(page) {
  return page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
}

test('the embedded player runs under a strict CSP with no violations, and its frame follows the content height', async (t) => {
  const { page, frame, outside, cspErrors } = await openHost(t);
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 400);
  const contentHeight = await frame.locator('html').evaluate((html) => html.scrollHeight);
  const framed = await frameHeight(page);
  assert.ok(Math.abs(framed - contentHeight) <= 2, `the frame is as tall as its content (${contentHeight}px, within 2): ${framed}px`);
  const introHeight = await frameHeight(page);
  await frame.getByRole('link', { name: 'Start the story' }).click();
  await frame.locator('#scene-heading', { hasText: story.scenes[0].title }).waitFor();
  await page.waitForFunction((before) => document.querySelector('iframe').getBoundingClientRect().height !== before, introHeight);
  const sceneContent = await frame.locator('html').evaluate((html) => html.scrollHeight);
  const followed = await frameHeight(page);
  assert.ok(Math.abs(followed - sceneContent) <= 2, `the frame follows a scene change to ${sceneContent}px (within 2): ${followed}px`);
  const hasScrollbar = await frame.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight + 1);
  assert.equal(hasScrollbar, false, 'no scrollbar inside the frame');
  assert.deepEqual(cspErrors, []);
  assert.deepEqual(outside, [], 'no request leaves the two test origins');
});

test('the embedded player drops the library and footer but keeps Get help and Exit', async (t) => {
  const { frame } = await openHost(t);
  assert.equal(await frame.locator('footer').count(), 0);
  assert.equal(await frame.locator('a.brand').count(), 0, 'no way out to the library');
  assert.equal(await frame.getByRole('link', { name: 'Get help' }).isVisible(), true, 'Get help is shown');
  assert.equal(await frame.getByRole('link', { name: /Exit this page/ }).isVisible(), true, 'Exit this page is shown');
});

test('help links inside the frame open in a new top-level tab', async (t) => {
  const { frame } = await openHost(t);
  await frame.getByRole('link', { name: 'Get help' }).click();
  await frame.locator('.help-page .service').first().waitFor();
  const links = await frame.locator('.service a.service-link').evaluateAll((as) => as.map((a) => [a.target, a.rel]));
  assert.ok(links.length > 3, `more than three services link out: ${links.length}`);
  for (const [target, rel] of links) {
    assert.equal(target, '_blank');
    assert.match(rel, /noopener/);
  }
});

test('Exit this page inside the frame leaves the whole host page', async (t) => {
  const { page, frame } = await openHost(t);
  await frame.getByRole('link', { name: /Exit this page/ }).click();
  await page.waitForURL(NEUTRAL_SITE + '**');
});

test('without top navigation in the sandbox, Exit this page still leaves the story (the frame goes)', async (t) => {
  hostPage = hostWith('').replace(' allow-top-navigation-by-user-activation', '');
  const { page } = await openPage(t, browser, player, { allow: [hostUrl] });
  await page.goto(hostUrl);
  const frame = page.frameLocator('iframe');
  await frame.locator('.content-note').waitFor();
  await frame.getByRole('link', { name: /Exit this page/ }).click();
  await waitUntil(() => (page.frames()[1]?.url() ?? '').startsWith(NEUTRAL_SITE), `the frame has left the story for ${NEUTRAL_SITE}`);
  assert.equal(page.url(), hostUrl, 'the host page stays, as the sandbox demands');
});

test('a site config with unreadable colours keeps the defaults, says why, and adds its local service', async (t) => {
  const config = JSON.stringify({
    format: 1, name: 'Northshire Police', colours: { brand: '#ffff66', accent: '#003a70' },
    services: [{ id: 'northshire-101', name: 'Northshire Police on 101', audience: ['young_people', 'parents_carers'],
      what_for: 'To report something that is not an emergency.', what_happens: 'A call handler listens and logs it.',
      phone: { display: '101', dial: '101' } }],
  });
  const { page, frame } = await openHost(t, '&config=branding/config.json', { routes: { '**/branding/config.json': config } });
  await frame.locator('.brand-text', { hasText: 'Northshire Police' }).waitFor();
  const colours = await frame.locator('html').evaluate((html) => [
    getComputedStyle(html).getPropertyValue('--brand').trim(), getComputedStyle(html).getPropertyValue('--accent').trim()]);
  assert.deepEqual(colours, ['#1f2a44', '#003a70'], 'the pale brand colour is refused, the dark accent kept');
  await frame.getByRole('link', { name: 'Get help' }).click();
  await frame.locator('[id$="northshire-101"]').first().waitFor();
  assert.ok(await frame.locator('[id$="-childline"]').count() >= 1, 'the standard set is still there, Childline among it');
  // The reason is shown where the site's staff will see it: the page outside embedded mode.
  await page.goto(`${player.url}?config=branding/config.json#/`);
  await page.locator('.site-notes summary').click();
  assert.match(await page.locator('.site-notes').textContent(), /#ffff66 has a contrast of 1\.\d:1/);
});

test('a site config that is missing leaves a working story', async (t) => {
  const { frame } = await openHost(t, '&config=missing.json', { routes: { '**/missing.json': 404 } });
  await frame.getByRole('link', { name: 'Start the story' }).click();
  await frame.locator('#scene-heading', { hasText: story.scenes[0].title }).waitFor();
});

test('axe finds no violations in embedded mode', async (t) => {
  const { page } = await openPage(t, browser, player);
  await page.goto(`${player.url}?embed&story=${entry.id}#/`);
  await page.locator('.content-note').waitFor();
  await expectNoAxeViolations(page, null, 'the embedded intro');
  await page.goto(`${player.url}?embed&story=${entry.id}#/story/${entry.id}/${story.start}`);
  await page.locator('#scene-heading').waitFor();
  await expectNoAxeViolations(page, null, 'an embedded scene');
});

test('the embed screen gives a snippet with a title, fullscreen, a sandbox and the resize script', async (t) => {
  const { page } = await openPage(t, browser, player);
  await page.goto(`${player.url}teacher.html#/embed`);
  const code = await page.locator('#embed-code').inputValue();
  assert.match(code, new RegExp(`<iframe src="${player.url}\\?embed&story=${entry.id}"`));
  for (const part of ['title="', 'allow="fullscreen"', 'sandbox="allow-scripts allow-same-origin',
    'allow-top-navigation-by-user-activation', 'referrerpolicy="no-referrer"', 'assets/embed/embed.js']) {
    assert.ok(code.includes(part), `the snippet has ${part}: ${code}`);
  }
  await page.locator('#embed-resize').uncheck();
  assert.doesNotMatch(await page.locator('#embed-code').inputValue(), /embed\.js/, 'without the resize script when it is unticked');
  await expectNoAxeViolations(page, null, 'the embed screen');
});

test('full screen works inside the frame when the host allows it', async (t) => {
  const { frame } = await openHost(t);
  await frame.getByRole('link', { name: 'Start the story' }).click();
  await frame.getByRole('button', { name: 'Full screen' }).click();
  await frame.getByRole('button', { name: 'Leave full screen' }).waitFor();
  assert.equal(await frame.locator('html').evaluate(() => document.fullscreenElement !== null), true, 'the frame is in full screen');
  await frame.getByRole('button', { name: 'Leave full screen' }).click();
  await frame.getByRole('button', { name: 'Full screen' }).waitFor();
});
