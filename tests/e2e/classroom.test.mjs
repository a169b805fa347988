// Classroom mode as a teacher uses it: present mode on the projector, the presenter view in a second window,
// clicker keys, a class vote, the printable lesson pack, and a lesson that survives the Wi-Fi dropping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertIncludes, browserAndServer, expectNoAxeViolations, leftOnDevice, library, loadStory, openPage,
  pathsToEveryEnding, waitForScene, waitUntil, waitUntilOffline, walk,
  PROJECTOR, DIST,
} from './browser.mjs';
import { serve } from './server.mjs';

const run = browserAndServer();

const flagship = library().stories.find((s) => s.id === 'sharing-an-image');
const story = loadStory(flagship.file);
const scenes = new Map(story.scenes.map((s) => [s.id, s]));
const start = scenes.get(story.start);
const firstDecision = scenes.get(start.next.continue);
const SMALL_PROJECTOR = { width: 1280, height: 720 };

async function waitForPresenter(presenter, title) {
  await presenter.waitForFunction(
    (t) => document.querySelector('#presenter-heading')?.textContent === `Now: ${t}`, title, { timeout: 10_000 });
}

async function presentFromTheStart(page) {
  await page.goto(`${run.server.url}#/story/${flagship.id}`);
  await page.getByRole('link', { name: 'Present to a class' }).click();
  await waitForScene(page, start.title);
  assert.equal(new URL(page.url()).pathname, '/teacher.html');
  assert.equal(new URL(page.url()).hash, `#/present/${flagship.id}/${start.id}`);
}

test('Present to a class opens present mode: projector type, no reader controls, nothing smaller than 32px at 1080p', async (t) => {
  const { page, errors } = await openPage(t, run.browser, run.server, { viewport: PROJECTOR });
  await presentFromTheStart(page);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-present')), true, 'the page is in present mode');
  // Present mode is on the teacher's page, a new page, so full screen is one key (or the bar's button) away.
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
  await page.keyboard.press('F');
  await page.waitForFunction(() => document.fullscreenElement === null);
  await page.getByRole('button', { name: 'Full screen' }).click();
  await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
  for (const hidden of ['.topbar', '.footer', '.scene-tools']) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is hidden in present mode`);
  }
  await page.keyboard.press('PageDown');
  await waitForScene(page, firstDecision.title);
  const smallest = await page.evaluate(() => {
    let min = Infinity;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const element = walker.currentNode.parentElement;
      const box = element.getBoundingClientRect();
      if (!walker.currentNode.textContent.trim() || !element.checkVisibility() || box.width < 2 || box.height < 2) continue;
      min = Math.min(min, parseFloat(getComputedStyle(element).fontSize));
    }
    return min;
  });
  assert.ok(smallest >= 32, `smallest visible text is ${smallest}px`);
  assert.deepEqual(errors, []);
});

for (const viewport of [PROJECTOR, SMALL_PROJECTOR]) {
  test(`every scene before an ending fits one projected screen at ${viewport.width}x${viewport.height}, so a clicker never needs to scroll`, async (t) => {
    const { page } = await openPage(t, run.browser, run.server, { viewport });
    for (const entry of library().stories) {
      const shipped = loadStory(entry.file);
      for (const scene of shipped.scenes.filter((s) => !s.next.ending)) {
        await page.goto(`${run.server.url}teacher.html#/present/${entry.id}/${scene.id}`);
        await waitForScene(page, scene.title);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height <= viewport.height + 1, `${entry.id}/${scene.id} is ${height}px tall`);
      }
    }
  });
}

test('clicker and keyboard keys drive present mode; Esc leaves it at the same scene', async (t) => {
  const { page, errors } = await openPage(t, run.browser, run.server, { viewport: PROJECTOR });
  await presentFromTheStart(page);
  await page.keyboard.press('ArrowRight');
  await waitForScene(page, firstDecision.title);
  await page.keyboard.press('PageUp');
  await waitForScene(page, start.title);
  await page.keyboard.press('Space');
  await waitForScene(page, firstDecision.title);
  await page.keyboard.press('ArrowLeft');
  await waitForScene(page, start.title);
  await page.keyboard.press('PageDown');
  await waitForScene(page, firstDecision.title);
  await page.keyboard.press('2');
  const second = scenes.get(firstDecision.next.choices[1].to);
  await waitForScene(page, second.title);
  await page.keyboard.press('PageUp');
  await waitForScene(page, firstDecision.title);

  await page.keyboard.press('b');
  await page.locator('.blackout').waitFor();
  await page.keyboard.press('b');
  await page.locator('.blackout').waitFor({ state: 'detached' });

  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keys for presenting' }).waitFor();
  assert.match(await page.locator('.key-list').textContent(), /PageDown/);
  await page.keyboard.press('Escape');
  await page.locator('.key-list').waitFor({ state: 'detached' });
  assert.match(new URL(page.url()).hash, /^#\/present\//, 'the first Esc only closes the key list');

  await page.keyboard.press('Escape');
  await page.waitForFunction((h) => location.hash === h, `#/story/${flagship.id}/${firstDecision.id}`);
  await page.locator('.scene-tools').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-present')), false);
  assert.deepEqual(errors, []);
});

test('the presenter view and the class screen stay in step, whichever one moves', async (t) => {
  const { context, page, errors } = await openPage(t, run.browser, run.server, { viewport: PROJECTOR });
  await presentFromTheStart(page);
  const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('n')]);
  presenter.on('pageerror', (err) => errors.push(String(err)));
  await waitForPresenter(presenter, start.title);
  assert.match(await presenter.locator('.presenter-notes').textContent(), new RegExp(start.teacher_notes.slice(0, 30)));

  // The class screen moves: the presenter view follows, with the notes and prompts for the new scene.
  await page.bringToFront();
  await page.keyboard.press('PageDown');
  await waitForScene(page, firstDecision.title);
  await waitForPresenter(presenter, firstDecision.title);
  const notes = await presenter.locator('.presenter-notes').textContent();
  assertIncludes(notes, firstDecision.discussion[0], 'discussion prompts for the scene');
  const options = await presenter.locator('.next-options li').allTextContents();
  assert.equal(options.length, firstDecision.next.choices.length);
  assertIncludes(options[0], scenes.get(firstDecision.next.choices[0].to).title, 'where each option leads');
  assert.equal(await presenter.locator('.ending-list li').count(), story.scenes.filter((s) => s.next.ending).length);

  // The presenter view moves: the class screen follows, address and all.
  await presenter.bringToFront();
  await presenter.getByRole('button', { name: 'Follow' }).first().click();
  const chosen = scenes.get(firstDecision.next.choices[0].to);
  await waitForPresenter(presenter, chosen.title);
  await waitForScene(page, chosen.title);
  await page.waitForFunction((h) => location.hash === h, `#/present/${flagship.id}/${chosen.id}`);

  // A clicker plugged into the teacher's laptop works in the presenter view too.
  await presenter.keyboard.press('PageUp');
  await waitForPresenter(presenter, firstDecision.title);
  await waitForScene(page, firstDecision.title);

  // Pausing from the presenter view blacks out the class screen.
  await presenter.keyboard.press('b');
  await page.locator('.blackout').waitFor();
  await presenter.locator('.paused').waitFor();
  await presenter.keyboard.press('b');
  await page.locator('.blackout').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});

test('a class vote counts hands on either screen, shows the prompts, and follows the option the teacher picks', async (t) => {
  const { context, page, errors } = await openPage(t, run.browser, run.server, { viewport: PROJECTOR });
  await presentFromTheStart(page);
  await page.keyboard.press('PageDown');
  await waitForScene(page, firstDecision.title);
  const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('n')]);
  await waitForPresenter(presenter, firstDecision.title);

  await page.bringToFront();
  await page.keyboard.press('v');
  const vote = page.locator('.vote');
  await vote.waitFor();
  assertIncludes(await vote.textContent(), firstDecision.discussion[0], 'the discussion prompts show with the vote');
  const last = firstDecision.next.choices.length - 1;
  const more = (position) => page.locator('.vote-option').nth(position).getByRole('button', { name: /One more hand/ });
  await more(0).click();
  await more(0).click();
  await more(last).click();
  await presenter.locator('.vote').waitFor();
  await presenter.locator('.vote-option').nth(1).getByRole('button', { name: /One more hand/ }).click();
  const counts = firstDecision.next.choices.map((_, i) => (i === 0 ? 2 : 0) + (i === last ? 1 : 0) + (i === 1 ? 1 : 0));
  const expected = counts.map((n) => `${n} ${n === 1 ? 'hand' : 'hands'}`).join(', ');
  const tally = async (p) => (await p.locator('.vote-hands').allTextContents()).join(', ');
  await page.waitForFunction((e) => [...document.querySelectorAll('.vote-hands')].map((h) => h.textContent).join(', ') === e, expected);
  assert.equal(await tally(presenter), expected);

  // The teacher follows the second option, not the most popular one.
  await page.locator('.vote-option').nth(1).getByRole('button', { name: /^Follow/ }).click();
  const chosen = scenes.get(firstDecision.next.choices[1].to);
  await waitForScene(page, chosen.title);
  await waitForPresenter(presenter, chosen.title);
  assert.equal(await page.locator('.vote').count(), 0, 'the vote closes when the story moves on');
  assert.deepEqual(errors, []);
});

test('a class vote is anonymous unless the teacher picks a show of hands, and a sensitive decision never offers one', async (t) => {
  const { page, errors } = await openPage(t, run.browser, run.server, { viewport: PROJECTOR });
  // A decision with no sensitive choice: the first one ("Accept and say hi") is sensitive since the review.
  const ordinary = story.scenes.find((s) => s.next.choices && !s.next.choices.some((c) => c.sensitive));
  await page.goto(`${run.server.url}teacher.html#/present/${flagship.id}/${ordinary.id}`);
  await waitForScene(page, ordinary.title);
  await page.keyboard.press('v');
  const vote = page.locator('.vote');
  await vote.waitFor();
  assert.equal(await vote.locator('h2').first().textContent(), 'Class vote: anonymous');
  assert.match(await vote.locator('.vote-how').textContent(), /Heads down and eyes closed.*on paper/);
  const hands = vote.getByRole('button', { name: 'Show of hands, eyes open' });
  await hands.click();
  await page.waitForFunction(() => document.querySelector('.vote h2')?.textContent === 'Class vote: a show of hands');
  assert.equal(await hands.getAttribute('aria-pressed'), 'true');
  await hands.click();
  await page.waitForFunction(() => document.querySelector('.vote h2')?.textContent === 'Class vote: anonymous');

  // A decision where the author marked a choice sensitive ("Send the picture") stays anonymous, with a reason.
  const sensitive = story.scenes.find((s) => s.next.choices?.some((c) => c.sensitive));
  await page.goto(`${run.server.url}teacher.html#/present/${flagship.id}/${sensitive.id}`);
  await waitForScene(page, sensitive.title);
  await page.keyboard.press('v');
  await vote.waitFor();
  assert.equal(await vote.locator('h2').first().textContent(), 'Class vote: anonymous');
  assert.equal(await vote.getByRole('button', { name: 'Show of hands, eyes open' }).count(), 0, 'no show of hands is offered');
  assert.match(await vote.locator('.vote-note').textContent(), /marks as sensitive, so the vote stays anonymous/);
  assert.deepEqual(errors, []);
});

for (const viewport of [PROJECTOR, SMALL_PROJECTOR]) {
  test(`axe finds nothing in present mode, the vote, the key list and the presenter view at ${viewport.width}x${viewport.height}`, async (t) => {
    const { context, page } = await openPage(t, run.browser, run.server, { viewport });
    await presentFromTheStart(page);
    await expectNoAxeViolations(page, t, 'present mode');
    await page.keyboard.press('PageDown');
    await waitForScene(page, firstDecision.title);
    await page.keyboard.press('v');
    await page.locator('.vote').waitFor();
    await expectNoAxeViolations(page, t, 'the class vote');
    await page.keyboard.press('?');
    await page.locator('.key-list').waitFor();
    await expectNoAxeViolations(page, t, 'the key list');
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('n')]);
    await waitForPresenter(presenter, firstDecision.title);
    await expectNoAxeViolations(presenter, t, 'the presenter view');
  });
}

test('the lesson pack prints the teacher introduction, the branch map, every scene with its notes, and the help', async (t) => {
  const { page, errors } = await openPage(t, run.browser, run.server, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${run.server.url}teacher.html#/lesson/${flagship.id}`);
  await page.locator('.lesson-scene').first().waitFor();
  assert.equal(await page.locator('.lesson-scene').count(), story.scenes.length);
  assert.equal(await page.locator('.branch-map > li').count(), story.scenes.length);
  assert.equal(await page.locator('.branch-picture .map-node').count(), story.scenes.length, 'the drawn map has every scene');
  assert.equal(await page.locator('.branch-picture rect').count(), story.scenes.filter((s) => s.next.ending).length);
  const text = await page.locator('.lesson').textContent();
  for (const scene of story.scenes) {
    assertIncludes(text, scene.title, `scene "${scene.title}" is in the pack`);
    if (scene.teacher_notes) assertIncludes(text, scene.teacher_notes.slice(0, 40), `notes for ${scene.id}`);
    for (const prompt of scene.discussion ?? []) assertIncludes(text, prompt, `prompt for ${scene.id}`);
  }
  for (const objective of story.teacher.objectives) assertIncludes(text, objective, 'each lesson objective is in the pack');
  assert.ok(await page.locator('.lesson-help a[href="tel:08001111"]').count() >= 1, 'Childline is in the pack');
  // Every picture is loaded before anyone prints.
  await page.waitForFunction(() => [...document.querySelectorAll('.lesson img')].every((img) => img.complete && img.naturalWidth > 0));
  await expectNoAxeViolations(page, t, 'the lesson pack');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.topbar', '.footer', '.lesson-tools']) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
  }
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, `the pack prints to a PDF of more than 10,000 bytes: ${pdf.length}`);
  assert.deepEqual(errors, []);
});

test("the player's own links to the teacher's screens open the teacher's page, which readers never download", async (t) => {
  const { page, errors } = await openPage(t, run.browser, run.server, { viewport: PROJECTOR });
  const loaded = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await page.goto(`${run.server.url}#/story/${flagship.id}`);
  await page.locator('#intro-heading').waitFor();
  assert.deepEqual(loaded.filter((path) => path.includes('teacher')), [], 'the reader downloads nothing of the teacher\'s page');
  await page.getByRole('link', { name: 'Lesson pack' }).click();
  await page.locator('.lesson-scene').first().waitFor();
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, `/teacher.html#/lesson/${flagship.id}`);
  // An address typed or saved before the teacher's page existed still arrives.
  await page.goto(`${run.server.url}#/lesson/${flagship.id}`);
  await page.waitForURL(`**/teacher.html#/lesson/${flagship.id}`);
  await page.locator('.lesson-scene').first().waitFor();
  await page.goto(`${run.server.url}#/present/${flagship.id}/${story.start}`);
  await page.waitForURL(`**/teacher.html#/present/${flagship.id}/${story.start}`);
  await waitForScene(page, start.title);
  assert.deepEqual(errors, []);
});

test("a reader's visit stores nothing: only a teacher's screens keep the site for offline use", async (t) => {
  const own = await serve(DIST);
  t.after(() => own.close());
  const { page } = await openPage(t, run.browser, own, { serviceWorkers: 'allow' });
  await page.goto(`${own.url}#/story/${flagship.id}/${story.start}`);
  await waitForScene(page, start.title);
  await page.goto(`${own.url}#/help`);
  await page.locator('.service').first().waitFor();
  // Registering a worker would download sw.js: wait until nothing is downloading.
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await page.evaluate(async () => [(await navigator.serviceWorker.getRegistrations()).length, (await caches.keys()).length]), [0, 0]);
});

test("after a teacher's first visit the story plays to an ending with the network cut, pictures and all", async (t) => {
  const own = await serve(DIST);
  t.after(() => own.close());
  const { context, page, errors } = await openPage(t, run.browser, own, { viewport: PROJECTOR, serviceWorkers: 'allow' });
  await page.goto(`${own.url}teacher.html#/lesson/${flagship.id}`);
  await page.locator('.lesson-scene').first().waitFor();
  await waitUntilOffline(page);
  await page.goto(own.url + '#/');
  await page.locator('.story-card-link').first().waitFor();

  own.setDown(true);
  await context.setOffline(true);
  await page.reload();
  await page.locator('.story-card-link').first().waitFor();
  await page.goto(`${own.url}teacher.html#/present/${flagship.id}/${story.start}`);
  let at = start;
  await waitForScene(page, at.title);
  // What Read to me's buttons do is a module of its own, loaded when the teacher goes to them: offline, from the copy.
  await page.locator('.read-play').dispatchEvent('pointerover');
  await page.waitForFunction(() => typeof window.safetyStoriesStopReading === 'function', null, { timeout: 5_000 });
  const [path] = pathsToEveryEnding(flagship.file);
  for (const { step, to } of walk(story, path)) {
    await page.waitForFunction(() => [...document.querySelectorAll('.panels img')].every((img) => img.complete && img.naturalWidth > 0));
    await page.keyboard.press(step === 'continue' ? 'PageDown' : String(step));
    at = to;
    await waitForScene(page, at.title);
  }
  assert.equal(at.id, path.ending);
  await page.locator('.ending').waitFor();
  assert.deepEqual(errors, []);
});

test('a new deployment is picked up at the next visit, and the old offline copy is deleted', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'safety-stories-deploy-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(DIST, folder, { recursive: true });
  const own = await serve(folder);
  t.after(() => own.close());
  const { page, errors } = await openPage(t, run.browser, own, { viewport: PROJECTOR, serviceWorkers: 'allow' });
  await page.goto(`${own.url}teacher.html#/lesson/${flagship.id}`);
  await page.locator('#lesson-heading').waitFor();
  await waitUntilOffline(page);
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1);

  // Deploy a new version: the story's title changes, and so does the service worker's version.
  const storyFile = join(folder, flagship.file);
  writeFileSync(storyFile, readFileSync(storyFile, 'utf8').replace(`"title": "${story.title}"`, '"title": "Just one picture (new edition)"'));
  const worker = join(folder, 'sw.js');
  writeFileSync(worker, readFileSync(worker, 'utf8').replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = 'a-new-deployment'"));

  await page.reload();
  await page.waitForFunction(() => document.querySelector('#lesson-heading')?.textContent === 'Lesson pack: Just one picture (new edition)');
  await waitUntil(async () => JSON.stringify(await page.evaluate(() => caches.keys())) === '["safety-stories-a-new-deployment"]',
    'the only cache is the new deployment\'s', 20_000);
  assert.deepEqual(errors, []);
});

test('Exit this page also deletes the offline copy and the service worker', async (t) => {
  const own = await serve(DIST);
  t.after(() => own.close());
  const { context, page } = await openPage(t, run.browser, own, { serviceWorkers: 'allow' });
  await page.goto(`${own.url}teacher.html#/lesson/${flagship.id}`);
  await page.locator('.lesson-scene').first().waitFor();
  await waitUntilOffline(page);
  await page.goto(`${own.url}#/story/${flagship.id}`);
  await page.locator('#intro-heading').waitFor();
  // The worker runs before Exit this page is pressed.
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  await page.getByRole('link', { name: /Exit this page/ }).click();
  await page.waitForURL(/bbc\.co\.uk/);
  assert.deepEqual(await leftOnDevice(context, own), { caches: 0, workers: 0 });
});
