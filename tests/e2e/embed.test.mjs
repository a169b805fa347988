// The player embedded in another site's page: a host page on a second origin (127.0.0.2) frames the player
// (127.0.0.1), which is served under the strict Content Security Policy the README recommends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launch, expectNoAxeViolations, library, loadStory, DIST, NEUTRAL_SITE, PHONE } from './browser.mjs';
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

async function openHost(query = '', { viewport = PHONE, routes = {} } = {}) {
  hostPage = hostWith(query);
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const outside = [];
  const allowed = [player.url, hostUrl];
  await context.route((url) => !allowed.some((origin) => url.href.startsWith(origin)), (route) => {
    outside.push(route.request().url());
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' });
  });
  for (const [pattern, body] of Object.entries(routes)) {
    await context.route(pattern, (route) => (body === 404
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ status: 200, contentType: 'application/json', body })));
  }
  const page = await context.newPage();
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

test('the embedded player runs under a strict CSP with no violations, and its frame follows the content height', async () => {
  const { context, page, frame, outside, cspErrors } = await openHost();
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 400);
  const contentHeight = await frame.locator('html').evaluate((html) => html.scrollHeight);
  assert.ok(Math.abs((await frameHeight(page)) - contentHeight) <= 2, 'the frame is as tall as its content');
  const introHeight = await frameHeight(page);
  await frame.getByRole('button', { name: 'Start the story' }).click();
  await frame.locator('#scene-heading', { hasText: story.scenes[0].title }).waitFor();
  await page.waitForFunction((before) => document.querySelector('iframe').getBoundingClientRect().height !== before, introHeight);
  const sceneContent = await frame.locator('html').evaluate((html) => html.scrollHeight);
  assert.ok(Math.abs((await frameHeight(page)) - sceneContent) <= 2, 'the frame follows a scene change');
  const hasScrollbar = await frame.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight + 1);
  assert.equal(hasScrollbar, false, 'no scrollbar inside the frame');
  assert.deepEqual(cspErrors, []);
  assert.deepEqual(outside, [], 'no request leaves the two test origins');
  await context.close();
});

test('the embedded player drops the library and footer but keeps Get help and Exit', async () => {
  const { context, frame } = await openHost();
  assert.equal(await frame.locator('footer').count(), 0);
  assert.equal(await frame.locator('a.brand').count(), 0, 'no way out to the library');
  assert.ok(await frame.getByRole('link', { name: 'Get help' }).isVisible());
  assert.ok(await frame.getByRole('button', { name: /Exit this page/ }).isVisible());
  await context.close();
});

test('help links inside the frame open in a new top-level tab', async () => {
  const { context, frame } = await openHost();
  await frame.getByRole('link', { name: 'Get help' }).click();
  await frame.locator('.help-page .service').first().waitFor();
  const links = await frame.locator('.service a.service-link').evaluateAll((as) => as.map((a) => [a.target, a.rel]));
  assert.ok(links.length > 3);
  for (const [target, rel] of links) {
    assert.equal(target, '_blank');
    assert.match(rel, /noopener/);
  }
  await context.close();
});

test('Exit this page inside the frame leaves the whole host page', async () => {
  const { context, page, frame } = await openHost();
  await frame.getByRole('button', { name: /Exit this page/ }).click();
  await page.waitForURL(NEUTRAL_SITE + '**');
  await context.close();
});

test('without top navigation in the sandbox, Exit this page still leaves the story (the frame goes)', async () => {
  hostPage = hostWith('').replace(' allow-top-navigation-by-user-activation', '');
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  await context.route((url) => !url.href.startsWith(player.url) && !url.href.startsWith(hostUrl),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));
  const page = await context.newPage();
  await page.goto(hostUrl);
  const frame = page.frameLocator('iframe');
  await frame.locator('.content-note').waitFor();
  await frame.getByRole('button', { name: /Exit this page/ }).click();
  for (let i = 0; i < 50 && !(page.frames()[1]?.url() ?? '').startsWith(NEUTRAL_SITE); i++) await page.waitForTimeout(100);
  const frameUrl = page.frames()[1]?.url() ?? '';
  assert.ok(frameUrl.startsWith(NEUTRAL_SITE), `the frame left the story (${frameUrl})`);
  assert.equal(page.url(), hostUrl, 'the host page stays, as the sandbox demands');
  await context.close();
});

test('a site config with unreadable colours keeps the defaults, says why, and adds its local service', async () => {
  const config = JSON.stringify({
    format: 1, name: 'Northshire Police', colours: { brand: '#ffff66', accent: '#003a70' },
    services: [{ id: 'northshire-101', name: 'Northshire Police on 101', audience: ['young_people', 'parents_carers'],
      what_for: 'To report something that is not an emergency.', what_happens: 'A call handler listens and logs it.',
      phone: { display: '101', dial: '101' } }],
  });
  const { context, page, frame } = await openHost('&config=branding/config.json', { routes: { '**/branding/config.json': config } });
  await frame.locator('.brand-text', { hasText: 'Northshire Police' }).waitFor();
  const colours = await frame.locator('html').evaluate((html) => [
    getComputedStyle(html).getPropertyValue('--brand').trim(), getComputedStyle(html).getPropertyValue('--accent').trim()]);
  assert.deepEqual(colours, ['#1f2a44', '#003a70'], 'the pale brand colour is refused, the dark accent kept');
  await frame.getByRole('link', { name: 'Get help' }).click();
  await frame.locator('[id$="northshire-101"]').first().waitFor();
  assert.ok(await frame.locator('[id$="-childline"]').count() >= 1, 'the standard set is still there');
  // The reason is shown where the site's staff will see it: the page outside embedded mode.
  await page.goto(`${player.url}?config=branding/config.json#/`);
  await page.locator('.site-notes summary').click();
  assert.match(await page.locator('.site-notes').textContent(), /#ffff66 has a contrast of 1\.\d:1/);
  await context.close();
});

test('a site config that is missing leaves a working story', async () => {
  const { context, frame } = await openHost('&config=missing.json', { routes: { '**/missing.json': 404 } });
  await frame.getByRole('button', { name: 'Start the story' }).click();
  await frame.locator('#scene-heading', { hasText: story.scenes[0].title }).waitFor();
  await context.close();
});

test('axe finds no violations in embedded mode', async () => {
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${player.url}?embed&story=${entry.id}#/`);
  await page.locator('.content-note').waitFor();
  await expectNoAxeViolations(page, null, 'the embedded intro');
  await page.goto(`${player.url}?embed&story=${entry.id}#/story/${entry.id}/${story.start}`);
  await page.locator('#scene-heading').waitFor();
  await expectNoAxeViolations(page, null, 'an embedded scene');
  await context.close();
});

test('the embed screen gives a snippet with a title, fullscreen, a sandbox and the resize script', async () => {
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${player.url}teacher.html#/embed`);
  const code = await page.locator('#embed-code').inputValue();
  assert.match(code, new RegExp(`<iframe src="${player.url}\\?embed&story=${entry.id}"`));
  for (const part of ['title="', 'allow="fullscreen"', 'sandbox="allow-scripts allow-same-origin',
    'allow-top-navigation-by-user-activation', 'referrerpolicy="no-referrer"', 'assets/embed/embed.js']) {
    assert.ok(code.includes(part), `snippet has ${part}`);
  }
  await page.locator('#embed-resize').uncheck();
  assert.ok(!(await page.locator('#embed-code').inputValue()).includes('embed.js'));
  await expectNoAxeViolations(page, null, 'the embed screen');
  await context.close();
});

test('full screen works inside the frame when the host allows it', async () => {
  const { context, frame } = await openHost();
  await frame.getByRole('button', { name: 'Start the story' }).click();
  await frame.getByRole('button', { name: 'Full screen' }).click();
  await frame.getByRole('button', { name: 'Leave full screen' }).waitFor();
  assert.ok(await frame.locator('html').evaluate(() => document.fullscreenElement !== null));
  await frame.getByRole('button', { name: 'Leave full screen' }).click();
  await frame.getByRole('button', { name: 'Full screen' }).waitFor();
  await context.close();
});
