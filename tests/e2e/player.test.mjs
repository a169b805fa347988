// The player as readers use it, in headless Chromium against the release build in dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertIncludes, browserAndServer, expectNoAxeViolations, library, openPage, pathsToEveryEnding, shippedStories, waitForScene,
  waitUntil, walk,
  PHONE, PROJECTOR, ROOT, NEUTRAL_SITE,
} from './browser.mjs';

const run = browserAndServer();

const stories = shippedStories();
const firstStory = stories[0];

async function startStoryByKeyboard(page, position) {
  await page.goto(run.server.url + '#/');
  await page.waitForSelector('.story-card-link');
  await page.waitForFunction(() => document.activeElement?.id === 'library-heading');
  for (let i = 0; i <= position; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'intro-heading');
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Start the story/);
  await page.keyboard.press('Enter');
}

for (const [position, { entry, story }] of stories.entries()) {
  test(`every ending of "${entry.title}" can be played by keyboard alone and leads to help`, async (t) => {
    for (const path of pathsToEveryEnding(entry.file)) {
      // A subtest for each ending, so each page is closed once its ending is checked.
      await t.test(`ending ${path.ending}`, async (t) => {
        const endingId = path.ending;
        const { page, errors } = await openPage(t, run.browser, run.server);
        await startStoryByKeyboard(page, position);
        let at = story.scenes.find((s) => s.id === story.start);
        await waitForScene(page, at.title);
        for (const { step, to } of walk(story, path)) {
          if (step === 'continue') {
            await page.keyboard.press('Tab');
            // Where the browser can speak, Read to me comes first (src/ui/reader/read_aloud.rs).
            if (await page.evaluate(() => document.activeElement.classList.contains('read-play'))) await page.keyboard.press('Tab');
            assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Continue');
            await page.keyboard.press('Enter');
          } else {
            await page.keyboard.press(String(step));
          }
          at = to;
          await waitForScene(page, at.title);
          assert.match(await page.locator('[aria-live="polite"]').textContent(), new RegExp(at.title));
        }
        assert.equal(at.id, endingId);
        await page.waitForSelector('.ending');
        const ending = at.next.ending;
        assertIncludes(await page.locator('.reflection').textContent(), ending.reflection.slice(0, 40), `${endingId}: the ending's reflection`);
        const recommended = await page.locator('.is-recommended .service h4').allTextContents();
        assert.notDeepEqual(recommended, [], `ending ${endingId} recommends a service`);
        assert.equal(await page.locator('.service.is-emergency').count(), 1, '999 is on every ending, once');
        assert.notEqual(await page.locator('a[href="tel:08001111"]').count(), 0, 'Childline can be called from the ending');
        // The brief: every ending shows NSPCC and thinkuknow signposting, for the adults around the reader too.
        const adults = page.locator('.ending .for-adults');
        assert.equal(await adults.locator('h4, h3').first().textContent(), 'For the adults around you', `${endingId} has the adults' line`);
        const adultsText = await adults.textContent();
        assert.match(adultsText, /Childline is run by the NSPCC/);
        assert.equal(await adults.locator('a[href="tel:08088005000"]').count(), 1, `${endingId}: the NSPCC Helpline can be called`);
        assert.equal(await adults.locator('a[href^="https://www.ceopeducation.co.uk/parents"]').count(), 1, `${endingId}: CEOP Education's parents' pages`);
        assert.match(adultsText, /CEOP Education \(Thinkuknow\)/);
        const label = await page.locator('.ending-kind').textContent();
        assert.doesNotMatch(label, /\b(good|bad|hard)\b/i, `${endingId}'s label "${label}" does not grade the reader`);
        assert.match(await page.locator('.reassurance').textContent(), /Asking for help is the right thing to do, and it is never too late\./);
        assert.deepEqual(errors, []);
      });
    }
  });
}

test('Get help from a scene and back returns to the same scene, with the place kept', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const { entry, story } = firstStory;
  const second = story.scenes.find((s) => s.id === story.scenes[0].next.continue) ?? story.scenes[1];
  await page.goto(`${run.server.url}#/story/${entry.id}/${story.start}`);
  await waitForScene(page, story.scenes[0].title);
  await page.getByRole('link', { name: 'Continue' }).click();
  await waitForScene(page, second.title);
  await page.getByRole('link', { name: 'Get help' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'help-heading');
  assert.equal(await page.locator('.help-group h2', { hasText: 'For young people' }).count(), 1, 'one group for young people');
  assert.equal(await page.locator('main a[href="tel:999"]').count(), 1, '999 once');
  await page.getByRole('link', { name: 'Back to the story' }).first().click();
  await waitForScene(page, second.title);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await waitForScene(page, story.scenes[0].title);
});

test('the browser Back button steps back through the story', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const { entry, story } = firstStory;
  await page.goto(`${run.server.url}#/story/${entry.id}/${story.start}`);
  await waitForScene(page, story.scenes[0].title);
  await page.getByRole('link', { name: 'Continue' }).click();
  await page.waitForFunction((s) => location.pathname.endsWith(`/${s}/`), story.scenes[0].next.continue);
  await page.goBack();
  await waitForScene(page, story.scenes[0].title);
});

test('Exit this page blanks the page, forgets progress and replaces the page (link)', async (t) => {
  const { page, outside } = await openPage(t, run.browser, run.server);
  await page.goto(run.server.url + '#/');
  await page.waitForSelector('.story-card-link');
  const { entry, story } = firstStory;
  await page.goto(`${run.server.url}#/story/${entry.id}/${story.start}`);
  await waitForScene(page, story.scenes[0].title);
  const historyBefore = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: /Exit this page/ }).click();
  await page.waitForURL(NEUTRAL_SITE + '**');
  assert.deepEqual(outside, [NEUTRAL_SITE]);
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'location.replace adds no history entry');
  await page.goBack().catch(() => {});
  assert.doesNotMatch(page.url(), /\/story\//, 'Back does not return to the story');
});

test('Exit this page by pressing Shift three times, and other keys reset the count', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const { entry, story } = firstStory;
  await page.goto(`${run.server.url}#/story/${entry.id}/${story.start}`);
  await waitForScene(page, story.scenes[0].title);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('a');
  await page.keyboard.press('Shift');
  // The keys' handlers have run by the next frame; an exit would already have cleared the tab's storage by then.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  assert.ok(page.url().startsWith(run.server.url), 'two Shifts, a letter and a Shift do not exit');
  assert.equal(await page.evaluate(() => sessionStorage.length), 1, 'progress is kept while reading');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForURL(NEUTRAL_SITE + '**');
});

test('Exit this page clears what was kept in the tab', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const { entry, story } = firstStory;
  await page.goto(`${run.server.url}#/story/${entry.id}/${story.start}`);
  await waitForScene(page, story.scenes[0].title);
  // Exit blanks the page before it navigates; check the storage in that moment. Only the mark that this tab left
  // is kept, so that Back cannot show the story again (see assets/exit-this-page.js).
  await page.evaluate(() => {
    window.addEventListener('beforeunload', () => localStorage.setItem('k', JSON.stringify(Object.keys(sessionStorage))));
  });
  await page.getByRole('link', { name: /Exit this page/ }).click();
  await page.waitForURL(NEUTRAL_SITE + '**');
  await page.goto(run.server.url);
  assert.equal(await page.evaluate(() => localStorage.getItem('k')), '["safety-stories:exited"]');
});

test('a reload resumes the story where the reader was', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const { entry, story } = firstStory;
  await page.goto(`${run.server.url}#/story/${entry.id}`);
  await page.getByRole('link', { name: 'Start the story' }).click();
  await waitForScene(page, story.scenes[0].title);
  await page.getByRole('link', { name: 'Continue' }).click();
  const second = story.scenes.find((s) => s.id === story.scenes[0].next.continue);
  await waitForScene(page, second.title);
  await page.reload();
  await waitForScene(page, second.title);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await waitForScene(page, story.scenes[0].title);
  // Opening the story again offers to carry on.
  await page.goto(`${run.server.url}#/story/${entry.id}`);
  await page.getByRole('link', { name: 'Carry on where you left off' }).click();
  await waitForScene(page, story.scenes[0].title);
});

test('with sessionStorage blocked the story still plays', async (t) => {
  const { context, page, errors } = await openPage(t, run.browser, run.server);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const { entry, story } = firstStory;
  await page.goto(`${run.server.url}#/story/${entry.id}`);
  await page.getByRole('link', { name: 'Start the story' }).click();
  await waitForScene(page, story.scenes[0].title);
  await page.getByRole('link', { name: 'Continue' }).click();
  await waitForScene(page, story.scenes.find((s) => s.id === story.scenes[0].next.continue).title);
  assert.deepEqual(errors, []);
});

test('a broken story shows its diagnostics with file, line and scene, and the help links', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const broken = readFileSync(join(ROOT, 'tests/fixtures/broken/many-problems-at-once.json'), 'utf8');
  const index = library();
  index.stories.push({ ...index.stories[0], id: 'broken', file: 'stories/broken.json', title: 'Broken' });
  await page.route('**/stories/library/index.json', (route) => route.fulfill({ json: index }));
  await page.route('**/stories/broken.json', (route) => route.fulfill({ body: broken, contentType: 'application/json' }));
  await page.goto(`${run.server.url}#/story/broken`);
  await page.waitForSelector('.error-view');
  const items = await page.locator('.diagnostic').allTextContents();
  assert.equal(items.length, 3);
  assert.match(items[0], /stories\/broken\.json:36:13/);
  assert.match(items[0], /scene “message”/);
  assert.match(items[0], /did you mean `told`\?/);
  assert.notEqual(await page.locator('a[href="tel:08001111"]').count(), 0, 'help stays visible');
  assert.equal(await page.getByRole('link', { name: /Exit this page/ }).isVisible(), true, 'Exit this page stays visible');
  await expectNoAxeViolations(page, null, 'the error screen');
});

test('a story file that cannot be downloaded explains itself', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const { entry } = firstStory;
  await page.route(`**/${entry.file}`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${run.server.url}#/story/${entry.id}`);
  await page.waitForSelector('.error-view');
  assert.match(await page.locator('.error-view').textContent(), /could not download .*404/);
  // No answer at all (the network dropped): the browser's reason is shown instead of a status.
  await page.unroute(`**/${entry.file}`);
  await page.route(`**/${entry.file}`, (route) => route.abort('internetdisconnected'));
  // The address now shows the story's page, which is prerendered and would simply stay as it is; the old address
  // has the app draw the screen.
  await page.goto(`${run.server.url}#/story/${entry.id}`);
  await page.waitForSelector('.error-view');
  assert.match(await page.locator('.error-view').textContent(), /could not download .*fetch/i);
});

test('a picture that will not load shows its description in the frame', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const { entry, story } = firstStory;
  const panel = story.scenes[0].panels[0];
  await page.route(`**/${panel.image}`, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(`${run.server.url}#/story/${entry.id}/${story.start}`);
  await page.waitForSelector('.picture-missing');
  assert.equal(await page.locator('.picture-missing').textContent(), panel.alt);
});

test('without JavaScript, the page still shows the help links', async (t) => {
  const { page } = await openPage(t, run.browser, run.server, { javaScriptEnabled: false });
  await page.goto(run.server.url);
  // The prerendered page itself has Get help and Exit this page, so the static help block waits for a panic; it is
  // still in the page, and still agrees with the help data.
  const fallback = page.locator('#fallback');
  assert.equal(await fallback.isVisible(), false, 'the page itself shows instead of the static help');
  assert.equal(await page.getByRole('link', { name: /Exit this page/ }).getAttribute('href'), NEUTRAL_SITE);
  assert.equal(await page.getByRole('link', { name: 'Get help' }).getAttribute('href'), 'help/');
  assert.equal(await fallback.locator('a.exit-button').getAttribute('href'), NEUTRAL_SITE);
  const help = JSON.parse(readFileSync(join(ROOT, 'stories/help/services-uk.json'), 'utf8'));
  // The static links must agree with the help data.
  for (const id of ['emergency', 'childline', 'nspcc']) {
    const service = help.services.find((s) => s.id === id);
    assert.equal(await page.locator(`#fallback a[href="tel:${service.phone.dial}"]`).count(), 1, `${id} number matches`);
  }
  for (const id of ['report-remove', 'ceop']) {
    const url = help.services.find((s) => s.id === id).links[0].url;
    assert.equal(await page.locator(`#fallback a[href="${url}"]`).count(), 1, `${id} link matches`);
  }
});

test('once the app runs, the static help is hidden and the app is shown', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  await page.goto(run.server.url);
  await page.waitForSelector('.story-card-link');
  assert.equal(await page.locator('#fallback').isVisible(), false, 'the fallback is hidden once the app runs');
});

test('a panic in the app shows a kind message and the help links instead of a blank page', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const { entry, story } = firstStory;
  await page.goto(run.server.url);
  await page.waitForSelector('.story-card-link');
  // The browser refuses to add anything to the page from now on. Yew expects inserting a node to work and panics
  // when it does not, which is a real panic through the real hook.
  await page.evaluate(() => {
    const refuse = () => { throw new DOMException('refused by the test', 'NotSupportedError'); };
    Node.prototype.insertBefore = refuse;
    Node.prototype.appendChild = refuse;
  });
  await page.evaluate((hash) => { location.hash = hash; }, `#/story/${entry.id}/${story.start}`);
  await page.waitForSelector('#fallback', { state: 'visible' });
  assert.match(await page.locator('#fallback-status').textContent(), /Sorry, something went wrong/);
  assert.equal(await page.locator('#app').isVisible(), false, 'the broken app is hidden');
  assert.equal(await page.locator('#fallback a[href="tel:08001111"]').isVisible(), true, 'Childline can still be called');
  assert.equal(await page.locator('#fallback a[href="tel:999"]').isVisible(), true, '999 is still there');
  assert.equal(await page.getByRole('link', { name: 'Exit this page' }).isVisible(), true, 'Exit this page is still there');
  // The same markup as without JavaScript, where axe itself cannot run.
  await expectNoAxeViolations(page, null, 'the page after a panic');
});

test('no request leaves 127.0.0.1 while reading, and nothing is stored but progress in the tab', async (t) => {
  const { context, page, outside } = await openPage(t, run.browser, run.server);
  const { entry, story } = firstStory;
  await page.goto(run.server.url);
  await page.waitForSelector('.story-card-link');
  await page.goto(`${run.server.url}#/story/${entry.id}`);
  await page.getByRole('link', { name: 'Start the story' }).click();
  await waitForScene(page, story.scenes[0].title);
  await page.getByRole('link', { name: 'Get help' }).click();
  await page.waitForSelector('.help-page');
  assert.deepEqual(outside, []);
  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
});

test('each first screen\'s picture is in the prerendered page, asked for before the app fetches anything, and nothing downloads twice', async (t) => {
  const { entry, story } = firstStory;
  const scene = story.scenes.find((s) => s.next.choices);
  const next = story.scenes.find((s) => s.id === scene.next.choices[0].to);
  const cover = library().stories[0].cover.image;
  for (const [path, ready, first, prefetched] of [
    ['', '.story-card-link', cover, null],
    [`story/${entry.id}/${scene.id}/`, '.choices', scene.panels[0].image, next.panels[0].image],
  ]) {
    const { page } = await openPage(t, run.browser, run.server);
    const seen = [];
    page.on('request', (request) => seen.push(new URL(request.url()).pathname.slice(1)));
    await page.goto(run.server.url + path);
    await page.waitForSelector(ready);
    await waitUntil(() => seen.includes(first) && (!prefetched || seen.includes(prefetched)), `${path}: ${first} and the next scene's picture are requested`);
    // Then until nothing more is downloading, so a second download of anything would be seen.
    await page.waitForLoadState('networkidle');
    const wasm = seen.findIndex((file) => file.endsWith('.wasm'));
    const picture = seen.indexOf(first);
    const library = seen.indexOf('stories/library/index.json');
    assert.ok(picture >= 0 && picture < library, `${path}: ${first} is asked for from the HTML, before the app fetches anything (${seen})`);
    if (prefetched) assertIncludes(seen, prefetched, `${path}: the next scene's picture is prefetched`);
    const twice = seen.filter((file, i) => seen.indexOf(file) !== i);
    assert.deepEqual(twice, [], `${path}: nothing is downloaded twice (wasm was request ${wasm}, picture ${picture})`);
  }
});


for (const [name, viewport] of [['phone', PHONE], ['projector', PROJECTOR]]) {
  test(`axe finds no WCAG 2.2 AA violations on any screen at ${name} size`, async (t) => {
    const { page } = await openPage(t, run.browser, run.server, { viewport });
    const { entry, story } = firstStory;
    const screens = [
      ['library', '', '.story-card-link'],
      ['before you start', `story/${entry.id}/`, '.content-note'],
      ['scene with choices', `story/${entry.id}/${story.scenes.find((s) => s.next.choices).id}/`, '.choices'],
      ['scene with continue', `story/${entry.id}/${story.start}/`, '.continue'],
      ['ending', `story/${entry.id}/${story.scenes.find((s) => s.next.ending).id}/`, '.ending .service'],
      ['help', 'help/', '.help-page .service'],
    ];
    for (const [what, hash, ready] of screens) {
      await page.goto(run.server.url + hash);
      await page.waitForSelector(ready);
      await expectNoAxeViolations(page, null, `${what} (${name})`);
    }
  });
}

test('touch targets are at least 44 by 44 pixels on a phone', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const { entry, story } = firstStory;
  for (const hash of [`story/${entry.id}/${story.scenes.find((s) => s.next.choices).id}/`, 'help/']) {
    await page.goto(run.server.url + hash);
    await page.waitForSelector('main button, main a');
    const small = await page.evaluate(() => [...document.querySelectorAll('button, a, summary')]
      .filter((el) => el.offsetParent !== null && !el.classList.contains('skip-link'))
      .map((el) => ({ text: el.textContent.trim().slice(0, 30), ...el.getBoundingClientRect().toJSON() }))
      .filter((r) => r.width < 44 || r.height < 44));
    assert.deepEqual(small, [], `small targets on ${hash}`);
  }
});

test('at 200% zoom on a laptop the scene still fits the width', async (t) => {
  const { page } = await openPage(t, run.browser, run.server, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const { entry, story } = firstStory;
  await page.goto(`${run.server.url}#/story/${entry.id}/${story.scenes.find((s) => s.next.choices).id}`);
  await page.waitForSelector('.choices');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
});

test('the privacy and accessibility page is reachable from the footer and passes axe', async (t) => {
  const { page, outside } = await openPage(t, run.browser, run.server);
  await page.goto(run.server.url);
  await page.getByRole('link', { name: 'Privacy and accessibility' }).click();
  await page.waitForURL('**/about.html');
  assert.match(await page.locator('main').textContent(), /no cookies/i);
  assert.match(await page.locator('main').textContent(), /WCAG\) 2\.2 at level AA/);
  await expectNoAxeViolations(page, null, 'the privacy and accessibility page');
  await page.getByRole('link', { name: 'Back to the stories' }).click();
  await page.waitForSelector('.story-card-link');
  assert.deepEqual(outside, []);
});
