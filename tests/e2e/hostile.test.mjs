// The player attacked from outside (issue 11): crafted links, hostile site configs, a hostile host page, and
// Back after Exit this page. dist/ is served WITHOUT any security headers, the way a careless host serves it, so
// only what the player itself does (its checks, its own Content-Security-Policy meta tag) stands in the way.
// Every test also checks that nothing was requested from another site and no hostile text reached the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import {
  assertExcludes, assertIncludes, launch, leftOnDevice, openPage, shippedStories, waitForScene, waitUntil, waitUntilOffline,
  ROOT, DIST, NEUTRAL_SITE,
} from './browser.mjs';
import { serve } from './server.mjs';

const EVIL = 'http://evil.example';
// What an attacker's config says: Childline has a "new number", next to 999.
const EVIL_CONFIG = JSON.stringify({
  format: 1, name: 'Evil', logo: 'x.svg',
  services: [{ id: 'childline-new', name: 'Childline (new number)', audience: ['young_people'], emergency: true,
    what_for: 'Childline has a new number.', what_happens: 'Call 0909 879 0000 now.',
    phone: { display: '0800 1111', dial: '09098790000' } }],
});
const HOSTILE_TEXT = /new number|0909|09098790000|evil/i;
// This site's own default config, given a name so a test can see when the player has read it.
const DEFAULT_CONFIG = JSON.stringify({ format: 1, name: 'Northshire Police' });
const POSING = readFileSync(join(ROOT, 'tests/fixtures/site/posing-services.json'), 'utf8');

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve(DIST);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const { entry, story } = shippedStories()[0];

/// A page on the player (no CSP headers) where evil.example answers with the attacker's config and logo (allowing
/// any origin to read them, as an attacker would), the site's own default config has a name, and every request
/// that leaves 127.0.0.1 is recorded in `outside`. Closed after the test `t`.
async function hostilePage(t, { siteConfig = DEFAULT_CONFIG, ...options } = {}) {
  const opened = await openPage(t, browser, server, options);
  await opened.context.route(`${EVIL}/**`, (route) => {
    opened.outside.push(route.request().url());
    const svg = route.request().url().endsWith('.svg');
    route.fulfill({
      status: 200, headers: { 'access-control-allow-origin': '*' },
      contentType: svg ? 'image/svg+xml' : 'application/json',
      body: svg ? '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' : EVIL_CONFIG,
    });
  });
  await opened.context.route(`${server.url}site-config.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: siteConfig }));
  return opened;
}

async function pageText(page) {
  return page.evaluate(() => `${document.title}\n${document.body.innerText}\n${[...document.querySelectorAll('[href],[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')).join('\n')}`);
}

// Each `?config=` from the attack, exactly as it was typed into the address bar.
const CONFIG_PAYLOADS = [
  '+//evil.example/c.json', '%09//evil.example/c.json', '%0A//evil.example/c.json', '%00//evil.example/c.json',
  '/%09/evil.example/c.json', '%20%2F%2Fevil.example/c.json',
];

for (const embed of [false, true]) {
  test(`?config= cannot load another site's config${embed ? ' (embedded)' : ''}: the site's own is used`, async (t) => {
    // A subtest for each, so each page is closed once its payload is checked.
    for (const payload of CONFIG_PAYLOADS) await t.test(payload, async (t) => {
      const { page, outside } = await hostilePage(t);
      await page.goto(`${server.url}?${embed ? `embed&story=${entry.id}&` : ''}config=${payload}#/help`);
      await page.locator('.help-page .service').first().waitFor();
      // Whichever config the player read names itself in the top bar: the site's own, or the attacker's.
      await page.locator('.brand-text', { hasText: /Northshire Police|Evil/ }).waitFor();
      assert.equal(await page.locator('.brand-text').textContent(), 'Northshire Police', `${payload}: the site's own config`);
      assert.deepEqual(outside, [], `${payload}: nothing was requested from another site`);
      assert.doesNotMatch(await pageText(page), HOSTILE_TEXT, `${payload}: nothing of the attacker's config is shown`);
      if (!embed) {
        await page.locator('.site-notes summary').click();
        const note = await page.locator('.site-notes').textContent();
        assert.match(note, /\?config= was not used/, `${payload}: whoever looks after the site is told`);
        assert.doesNotMatch(note, /evil/, 'the note repeats nothing from the address');
      }
    });
  });
}

test('a site logo can only be a picture in the player\'s folder', async (t) => {
  for (const logo of ['\t//evil.example/logo.svg', ' //evil.example/logo.svg', '/\t/evil.example/logo.svg', '//evil.example/logo.svg']) await t.test(JSON.stringify(logo), async (t) => {
    const { page, outside } = await hostilePage(t, { siteConfig: JSON.stringify({ format: 1, name: 'Northshire Police', logo }) });
    await page.goto(`${server.url}#/`);
    await page.locator('.brand-text', { hasText: 'Northshire Police' }).waitFor();
    assert.equal(await page.locator('.brand-logo').count(), 0, `${JSON.stringify(logo)}: no logo is shown`);
    assert.deepEqual(outside, [], `${JSON.stringify(logo)}: nothing was requested from another site`);
    await page.locator('.site-notes summary').click();
    assert.match(await page.locator('.site-notes').textContent(), /`logo` must be a picture in the player's folder/);
  });
});

test('a config that redirects to another site is refused, even on this site', async (t) => {
  // An open redirect on the host: the address is on this site, its answer sends the browser to another site. Real
  // servers here, with no test routes, since a route's redirect is not followed the way a real one is.
  const evil = createServer((request, response) => response
    .writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(EVIL_CONFIG));
  await new Promise((resolve) => evil.listen(0, '127.0.0.2', resolve));
  t.after(() => new Promise((resolve) => evil.close(resolve)));
  const redirecting = await serve(DIST, { redirects: { '/go/c.json': `http://127.0.0.2:${evil.address().port}/c.json` } });
  t.after(() => redirecting.close());
  // A context without openPage's routes, for the same reason.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  const outside = [];
  page.on('request', (request) => { if (!request.url().startsWith(redirecting.url)) outside.push(request.url()); });
  await page.goto(`${redirecting.url}?config=go/c.json#/help`);
  await page.locator('.help-page .service').first().waitFor();
  // Either the refusal is noted for the site's staff, or the attacker's config names itself in the top bar.
  await page.locator('.site-notes').or(page.locator('.brand-text', { hasText: 'Evil' })).first().waitFor();
  assert.deepEqual(outside, [], 'the redirect was not followed');
  assert.doesNotMatch(await pageText(page), HOSTILE_TEXT);
  await page.locator('.site-notes summary').click();
  assert.match(await page.locator('.site-notes').textContent(), /could not be downloaded/);
});

test('the page carries its own Content Security Policy, so a host without headers still blocks other sites', async (t) => {
  const { page, outside } = await hostilePage(t);
  await page.goto(`${server.url}#/`);
  await page.locator('.story-card-link').first().waitFor();
  const blocked = await page.evaluate(async (evil) => {
    const image = new Image();
    const loaded = new Promise((resolve) => { image.onload = () => resolve('loaded'); image.onerror = () => resolve('blocked'); });
    image.src = `${evil}/pixel.svg`;
    const fetched = await fetch(`${evil}/c.json`).then(() => 'loaded', () => 'blocked');
    return [await loaded, fetched];
  }, EVIL);
  assert.deepEqual(blocked, ['blocked', 'blocked']);
  assert.deepEqual(outside, []);
  // The teacher's page alone may also show pictures an author opens from their own files ("Try your own story").
  for (const [file, images] of [['index.html', "img-src 'self' data:;"], ['teacher.html', "img-src 'self' data: blob:;"]]) {
    const html = readFileSync(join(DIST, file), 'utf8');
    const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; ${images}`;
    assert.ok(html.includes(policy), `${file} carries ${policy}`);
  }
});

for (const address of [
  `?embed&story=${encodeURIComponent('Childline has a new number. Call 0909 879 0000 now')}`,
  `?embed&story=Childline+has+a+new+number.+Call+0909+879+0000+now#/`,
  `#/story/${encodeURIComponent('Childline has a new number. Call 0909 879 0000 now')}`,
  `#/story/${encodeURIComponent('Childline has a new number. Call 0909 879 0000 now')}/start`,
]) {
  test(`a story id from the address is never shown: ${address.slice(0, 40)}…`, async (t) => {
    const { page, outside } = await hostilePage(t);
    await page.goto(server.url + address);
    await page.locator('.error-view .service').first().waitFor();
    assert.doesNotMatch(await pageText(page), HOSTILE_TEXT);
    assert.equal(await page.locator('#error-heading').textContent(), 'This story could not be found');
    assert.deepEqual(outside, []);
  });
}

test('local services cannot pose as national ones, and are listed under the site\'s own heading', async (t) => {
  const { page, outside } = await hostilePage(t, { siteConfig: POSING });
  await page.goto(`${server.url}#/help`);
  await page.locator('.help-page .service').first().waitFor();
  await page.locator('.brand-text', { hasText: 'Northshire Police' }).waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), /new number|0909|Urgent line|Free helpline|Talk line|Child\u200b? Line support/);
  assert.equal(await page.locator('.service.is-emergency').count(), 1, 'only 999 is an emergency service');
  assert.deepEqual(await page.locator('.help-group.is-local h2').allTextContents(), ['From Northshire Police']);
  const local = page.locator('.help-group.is-local');
  assert.deepEqual(await local.locator('.service h3').allTextContents(), ['Northshire Police on 101']);
  // The national groups hold only the standard set.
  const national = await page.locator('.help-group:not(.is-local) .service h3').allTextContents();
  assertIncludes(national, 'Childline', 'the national services are listed');
  assertExcludes(national, 'Northshire Police on 101', 'the local service is not among the national ones');
  await page.locator('.site-notes summary').click();
  const notes = await page.locator('.site-notes').textContent();
  for (const reason of ['only the standard help file lists emergency services', 'must show the number in `dial`', 'contains the name of a service in the standard set']) {
    assertIncludes(notes, reason, 'the notes say why');
  }
  assert.deepEqual(outside, []);
});

test('the help heading for local services says "Local help" when the site has no name', async (t) => {
  const config = JSON.parse(POSING);
  delete config.name;
  config.colours = { brand: '#003366' };
  const { page } = await hostilePage(t, { siteConfig: JSON.stringify(config) });
  await page.goto(`${server.url}#/help`);
  await page.locator('.help-page .service').first().waitFor();
  // The site's colour shows that its config has been read.
  await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim() === '#003366');
  assert.deepEqual(await page.locator('.help-group.is-local h2').allTextContents(), ['Local help']);
});

/// Reads the story to its second scene from the library, so the tab's history holds the library, the story's
/// start screen and two scenes (each scene is an entry of its own, as Back inside a story needs).
async function readTwoScenes(page) {
  const first = story.scenes.find((s) => s.id === story.start);
  const second = story.scenes.find((s) => s.id === first.next.continue);
  await page.goto(`${server.url}#/`);
  await page.locator('.story-card-link').first().waitFor();
  await page.goto(`${server.url}#/story/${entry.id}`);
  await page.getByRole('link', { name: 'Start the story' }).click();
  await waitForScene(page, first.title);
  await page.getByRole('link', { name: 'Continue' }).click();
  await waitForScene(page, second.title);
}

// Two ways out: the app's own Exit this page on a scene, and the plain Exit link on the privacy page after
// reading (the story's page then waits in the back/forward cache, when there is one, and comes back from it).
const EXITS = {
  'from a scene': async (page) => page.getByRole('link', { name: /Exit this page/ }).click(),
  'from the privacy page after a scene': async (page) => {
    await page.getByRole('link', { name: 'Privacy and accessibility' }).click();
    await page.locator('h1', { hasText: 'Privacy and accessibility' }).waitFor();
    await page.getByRole('link', { name: 'Exit this page' }).click();
  },
};

for (const bfcache of [false, true]) {
  test(`Back after Exit this page never shows the story again (back/forward cache ${bfcache ? 'on' : 'off'})`, async (t) => {
    // Playwright turns the back/forward cache off; leaving out its switch leaves Chromium's own default (on).
    const chromium = bfcache ? await launch({ ignoreDefaultArgs: ['--disable-back-forward-cache'] }) : browser;
    if (bfcache) t.after(() => chromium.close());
    const restored = [];
    // A subtest for each way out, so its page is closed before the browser is.
    for (const [way, exit] of Object.entries(EXITS)) await t.test(way, async (t) => {
      const { context, page, outside } = await openPage(t, chromium, server);
      // Every document in the tab reports a story on screen just before the browser would paint it, however it
      // came (drawn by the app, or brought back from the back/forward cache).
      const shown = [];
      let wake = () => {};
      await page.exposeFunction('reportStoryShown', (where) => { shown.push(where); wake(); });
      await page.exposeFunction('reportRestored', (where) => restored.push(where));
      await context.addInitScript(() => {
        if (!location.href.startsWith('http://127.0.0.1')) return;
        const look = () => requestAnimationFrame(() => {
          const story = document.querySelector('#scene-heading, .intro, .scene');
          if (story?.checkVisibility()) window.reportStoryShown?.(location.href);
        });
        new MutationObserver(look).observe(document, { childList: true, subtree: true });
        addEventListener('pageshow', (event) => {
          if (event.persisted) window.reportRestored?.(location.href);
          look();
        });
      });
      await readTwoScenes(page);
      await exit(page);
      await page.waitForURL(NEUTRAL_SITE + '**');
      shown.length = 0;
      const drawnAgain = new Promise((resolve) => { wake = resolve; });
      // Back three times: each time the site's page is (re)loaded or brought back, it leaves again at once. A page
      // from the back/forward cache fires no load event, so only the start of each navigation is awaited.
      for (let back = 0; back < 3 && shown.length === 0; back++) {
        await page.goBack({ waitUntil: 'commit' }).catch(() => {});
        await Promise.race([page.waitForURL(NEUTRAL_SITE + '**'), drawnAgain]);
      }
      assert.deepEqual(shown, [], `${way}: no part of the story was drawn again`);
      // The tab keeps only the mark that the reader left: no progress was written back. (Read on a file with no
      // script, since any of the site's pages opened on purpose removes the mark.)
      await page.goto(`${server.url}stories/library/index.json`);
      assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), ['safety-stories:exited'], way);
      // Coming back on purpose (a link or a typed address) works as before, and clears the mark.
      await page.goto(`${server.url}#/story/${entry.id}`);
      await page.locator('#intro-heading').waitFor();
      assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), [], way);
      assert.deepEqual(outside.filter((url) => !url.startsWith(NEUTRAL_SITE)), [], way);
    });
    if (bfcache) assert.notDeepEqual(restored, [], 'the back/forward cache really brought the story\'s page back');
  });
}

test('Exit this page deletes the offline copy even before the service worker controls the page', async (t) => {
  const { context, page } = await openPage(t, browser, server, { serviceWorkers: 'allow' });
  // The worker's install is held up on one file, so it is still installing, controlling nothing, when the
  // teacher presses Shift three times on their first visit.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(`${server.url}about.html`, async (route) => { await held; await route.continue().catch(() => {}); });
  await page.goto(`${server.url}teacher.html#/lesson/${entry.id}`);
  await page.locator('#lesson-heading').waitFor();
  await waitUntil(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length === 1
    && (await caches.keys()).length === 1), 'one worker is registered and its cache opened');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, 'no worker controls the page yet');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForURL(NEUTRAL_SITE + '**');
  release();
  assert.deepEqual(await leftOnDevice(context, server), { caches: 0, workers: 0 });
});

test('the service worker keeps only the files it lists, each once without its query string', async (t) => {
  const { context, page } = await openPage(t, browser, server, { serviceWorkers: 'allow' });
  await page.goto(`${server.url}teacher.html#/lesson/${entry.id}`);
  await page.locator('#lesson-heading').waitFor();
  await waitUntilOffline(page);
  const kept = async () => page.evaluate(async () => {
    const cache = await caches.open((await caches.keys())[0]);
    return (await cache.keys()).map((request) => request.url).sort();
  });
  const listed = await kept();
  await page.evaluate(async () => {
    // A listed page with a query string, a listed story with one, and a file the worker does not list (on a host
    // that deploys the player at its root, this stands for the host's own pages).
    for (const address of ['about.html?x=1', 'about.html?x=2', `stories/library/index.json?v=2`, 'assets/embed/embed.js']) {
      await fetch(address).then((response) => response.text());
    }
  });
  const frame = await context.newPage();
  await frame.goto(`${server.url}about.html?from=a-link`);
  await frame.close();
  // The worker writes to its cache after answering; a second look after a round trip through it sees the writes.
  await page.evaluate(() => fetch('about.html?again=1').then((response) => response.text()));
  const after = await kept();
  assert.deepEqual(after.filter((url) => url.includes('?')), [], 'no query string is kept');
  assert.deepEqual(after.filter((url) => url.endsWith('assets/embed/embed.js')), [], 'a file the worker does not list is not kept');
  assert.deepEqual(after, listed, 'the cache holds exactly the listed files');
});

test('the height message goes only to the embedding page\'s origin and carries nothing but type and height', async (t) => {
  const { context, page, outside } = await openPage(t, browser, server);
  // A host page on the player's own origin, so it can watch what its frame posts to it.
  await context.route(`${server.url}host.html`, (route) => route.fulfill({
    status: 200, contentType: 'text/html',
    body: `<!doctype html><title>Host</title><script>
      window.posted = [];
      const post = window.postMessage.bind(window);
      window.postMessage = (message, target, ...rest) => { window.posted.push({ message, target }); return post(message, target, ...rest); };
    </script><iframe src="./?embed&story=${entry.id}" title="Story" width="100%" height="300"></iframe>`,
  }));
  await page.goto(`${server.url}host.html`);
  await page.waitForFunction(() => window.posted.length > 0);
  const posted = await page.evaluate(() => window.posted);
  const origin = new URL(server.url).origin;
  for (const { message, target } of posted) {
    assert.equal(target, origin, 'posted to the parent page\'s origin, not "*"');
    assert.deepEqual(Object.keys(message).sort(), ['height', 'type']);
    assert.equal(message.type, 'safety-stories:height');
  }
  assert.deepEqual(outside, []);
});

test('the embed snippet escapes the story title and leaves out a config the player would refuse', async (t) => {
  const { context, page } = await openPage(t, browser, server);
  const index = JSON.parse(readFileSync(join(ROOT, 'stories/library/index.json'), 'utf8'));
  index.stories[0].title = 'Tom "&" <Jerry>';
  await context.route(`${server.url}stories/library/index.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(index) }));
  await page.goto(`${server.url}teacher.html#/embed`);
  await page.locator('#embed-code').waitFor();
  await page.waitForFunction(() => document.querySelector('#embed-code').value.includes('Tom'));
  const code = await page.locator('#embed-code').inputValue();
  assertIncludes(code, 'title="Tom &quot;&amp;&quot; &lt;Jerry&gt;: an interactive story with help links"', 'the title is escaped');
  await page.locator('#embed-config').fill('x.json" onload="alert(1)');
  await page.locator('#embed-config-note', { hasText: 'left out of the code' }).waitFor();
  const withBadConfig = await page.locator('#embed-code').inputValue();
  assertExcludes(withBadConfig, 'config=', 'a refused config is left out of the snippet');
  assertExcludes(withBadConfig, 'onload', 'nothing from the address reaches the snippet');
  await page.locator('#embed-config').fill('branding/site-config.json');
  assertIncludes(await page.locator('#embed-code').inputValue(), '&config=branding/site-config.json"', 'an allowed config stays in the snippet');
  // The snippet is HTML a host pastes in: parsed, it is one iframe with the title as written.
  const parsed = await page.evaluate((html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    const frames = template.content.querySelectorAll('iframe');
    return [frames.length, frames[0].title, [...frames[0].attributes].map((a) => a.name).includes('onload')];
  }, withBadConfig);
  assert.deepEqual(parsed, [1, 'Tom "&" <Jerry>: an interactive story with help links', false]);
});
