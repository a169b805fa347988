// "Try your own story" (teacher.html#/preview): an author's story file and pictures, chosen from their own device,
// are checked by the same engine as storycheck, then played, and nothing is sent anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  browserAndServer, DIST, expectNoAxeViolations, openPage, PHONE, PROJECTOR, ROOT, waitUntilOffline,
} from './browser.mjs';
import { serve } from './server.mjs';

const shared = browserAndServer();
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'preview');
const STORY_ID = 'my-own-story';

/// What `storycheck FILE` prints for a file in the fixtures' folder, run there so each line starts with the file's
/// name, as the preview's do.
function storycheck(file, command = []) {
  const run = spawnSync('cargo', ['run', '-q', '--bin', 'storycheck', '--', ...command, '--services',
    join(ROOT, 'stories', 'help', 'services-uk.json'), file], { cwd: FIXTURES, encoding: 'utf8' });
  assert.ok(run.stdout !== undefined && run.status !== null, `storycheck ran: ${run.error ?? run.stderr}`);
  return run.stdout.split('\n').filter((line) => line !== '');
}

/// The preview on the teacher's page, with every request the page makes logged.
async function openPreview(t, viewport = PHONE) {
  const opened = await openPage(t, shared.browser, shared.server, { viewport });
  const requests = [];
  opened.page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() }));
  await opened.page.goto(`${shared.server.url}teacher.html#/preview`);
  await opened.page.getByRole('heading', { level: 1, name: 'Try your own story' }).waitFor();
  return { ...opened, requests };
}

/// Fails if any request carried a body, or named the story anywhere but in a `blob:` address of this tab.
function assertNothingSent(requests) {
  const sent = requests.filter(({ url, body }) => body !== null || (url.includes(STORY_ID) && !url.startsWith('blob:')));
  assert.deepEqual(sent, [], 'no request carries the story file or names it');
}

async function assertNothingStored(page) {
  const kept = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  assert.doesNotMatch(kept, new RegExp(STORY_ID), 'the preview keeps nothing of the story in storage');
}

async function screenshot(page, name) {
  if (process.env.PREVIEW_SCREENSHOTS) {
    await page.screenshot({ path: join(process.env.PREVIEW_SCREENSHOTS, `${name}.png`), fullPage: true });
  }
}

test('a story file with three errors shows the same three problems as storycheck, each with its line', async (t) => {
  for (const [viewport, name] of [[PHONE, 'phone'], [PROJECTOR, 'wide']]) {
    const { page, requests, errors } = await openPreview(t, viewport);
    await page.locator('#preview-files').setInputFiles(join(FIXTURES, 'three-errors.json'));
    const results = page.locator('#results-heading');
    await results.filter({ hasText: '3 errors to fix in three-errors.json' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'results-heading', 'focus moves to the results');

    const expected = storycheck('three-errors.json');
    assert.equal(expected.length, 3, `storycheck finds three problems: ${expected.join('\n')}`);
    const shown = await page.locator('.problems:not(.lint) .problem-text').allTextContents();
    assert.deepEqual(shown, expected, 'the preview words every problem exactly as storycheck prints it');

    const lines = readFileSync(join(FIXTURES, 'three-errors.json'), 'utf8').split('\n');
    const shownLines = await page.locator('.problems:not(.lint) .problem-line').allTextContents();
    assert.deepEqual(shownLines, expected.map((problem) => {
      // The line without its indentation, then a mark under the column storycheck gives.
      const [, number, column] = problem.split(':').map(Number);
      const written = lines[number - 1];
      const indent = written.length - written.trimStart().length;
      return `${number} | ${written.trimStart()}\n${' '.repeat(`${number} | `.length + column - 1 - indent)}^`;
    }), 'each problem shows the line of the file it is on, marked where the problem starts');
    assert.equal(await page.getByRole('button', { name: 'Play it' }).count(), 0, 'a story with errors cannot be played');

    await expectNoAxeViolations(page, t, `the preview's problems at ${name} size`);
    await screenshot(page, `problems-${name}`);
    assertNothingSent(requests);
    assert.deepEqual(errors, []);
  }
});

test('the fixed file plays to an ending with help, Reload keeps the scene, and nothing leaves the device', async (t) => {
  const { page, requests, errors } = await openPreview(t);
  await expectNoAxeViolations(page, t, 'the preview before a file is chosen');
  // The author's working copy, which they change while the preview is open.
  const folder = mkdtempSync(join(tmpdir(), 'preview-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const working = join(folder, 'my-own-story.json');
  copyFileSync(join(FIXTURES, 'my-own-story.json'), working);

  await page.locator('#preview-files').setInputFiles([working, join(FIXTURES, 'assets', STORY_ID, 'chat.svg')]);
  await page.locator('#results-heading').filter({ hasText: 'my-own-story.json has no errors' }).waitFor();
  assert.deepEqual(await page.locator('.problems:not(.lint) .problem').count(), 0);
  assert.deepEqual(storycheck('my-own-story.json'), [], 'storycheck finds nothing either');
  assert.equal(await page.locator('.branch-picture').count(), 1, 'the branch map is shown');
  assert.match(await page.locator('.preview-stats').innerText(), /Endings\s+2/, 'the statistics are shown');
  await expectNoAxeViolations(page, t, 'the preview of a clean story');
  await screenshot(page, 'clean-phone');

  await page.getByRole('button', { name: 'Play it' }).click();
  await page.getByRole('heading', { level: 1, name: 'A message' }).waitFor();
  const picture = page.locator('.panel img.picture');
  await page.waitForFunction(() => document.querySelector('.panel img.picture')?.naturalWidth > 0);
  assert.match(await picture.getAttribute('src'), /^blob:/, 'the picture is the chosen file, from this tab');
  await expectNoAxeViolations(page, t, 'a scene of the previewed story');
  await screenshot(page, 'scene-phone');

  // Keys 1 to 9 pick a choice, as in the reader.
  await page.keyboard.press('1');
  await page.getByRole('heading', { level: 1, name: 'Sam tells their aunt' }).waitFor();

  // The author changes the scene's title and presses Reload file: the browser asks for the file again (a file
  // chosen with the picker cannot be read again once changed), and the preview stays on the same scene.
  copyFileSync(join(FIXTURES, 'my-own-story-changed.json'), working);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Reload file' }).click(),
  ]);
  await chooser.setFiles(working);
  await page.getByRole('heading', { level: 1, name: 'Sam tells their aunt straight away' }).waitFor();

  await page.getByRole('link', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Talking it through' }).waitFor();
  const ending = page.locator('.ending');
  await ending.waitFor();
  assert.match(await ending.innerText(), /Childline/, 'the ending lists Childline');
  assert.match(await ending.innerText(), /NSPCC/, 'the ending lists the NSPCC for the adults around the reader');
  await expectNoAxeViolations(page, t, 'an ending of the previewed story');
  await screenshot(page, 'ending-phone');

  assertNothingSent(requests);
  await assertNothingStored(page);
  assert.deepEqual(errors, []);
});

test('a story file dropped on the drop zone is checked the same way', async (t) => {
  const { page, requests, errors } = await openPreview(t);
  const text = readFileSync(join(FIXTURES, 'three-errors.json'), 'utf8');
  // What the browser hands the page when a file is dropped from the desktop: a drop event carrying it.
  await page.locator('.drop-zone').evaluate((zone, text) => {
    const dropped = new DataTransfer();
    dropped.items.add(new File([text], 'three-errors.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
  }, text);
  await page.locator('#results-heading').filter({ hasText: '3 errors to fix in three-errors.json' }).waitFor();
  assert.deepEqual(await page.locator('.problems:not(.lint) .problem-text').allTextContents(),
    storycheck('three-errors.json'));
  assertNothingSent(requests);
  assert.deepEqual(errors, []);
});

test('a file opened with File System Access is read again by Reload and on coming back to the tab', async (t) => {
  const { page, requests, errors } = await openPreview(t);
  // The browser's file picker stands in for the author's disk: the file's text is whatever the test last wrote.
  await page.evaluate(() => {
    window.showOpenFilePicker = async () => [{
      getFile: async () => new File([window.storyOnDisk], 'my-own-story.json', { type: 'application/json' }),
    }];
  });
  const write = (name) => page.evaluate((text) => { window.storyOnDisk = text; }, readFileSync(join(FIXTURES, name), 'utf8'));
  await write('my-own-story.json');
  // The button is drawn once the page has seen the API, which the override above keeps.
  await page.getByRole('button', { name: /check it again whenever you come back/ }).click();
  await page.locator('#results-heading').filter({ hasText: 'my-own-story.json has no errors' }).waitFor();
  await page.getByRole('button', { name: 'Play it' }).click();
  await page.getByRole('heading', { level: 1, name: 'A message' }).waitFor();
  // Its picture was not chosen: the panel says what it shows instead, and the site is not asked for it.
  await page.locator('.picture-missing', { hasText: 'A phone screen with two chat messages.' }).waitFor();
  await page.keyboard.press('1');
  await page.getByRole('heading', { level: 1, name: 'Sam tells their aunt' }).waitFor();

  await write('my-own-story-changed.json');
  await page.getByRole('button', { name: 'Reload file' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sam tells their aunt straight away' }).waitFor();

  await write('three-errors.json');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.locator('#results-heading').filter({ hasText: '3 errors to fix in my-own-story.json' }).waitFor();
  assertNothingSent(requests);
  assert.deepEqual(errors, []);
});

test('the preview shows lint warnings and each scene\'s reading level as storycheck lint and stats print them', async (t) => {
  const { page, requests, errors } = await openPreview(t, PROJECTOR);
  await page.locator('#preview-files').setInputFiles(join(FIXTURES, 'hard-to-read.json'));
  await page.locator('#results-heading').filter({ hasText: 'hard-to-read.json has no errors' }).waitFor();

  const lint = storycheck('hard-to-read.json', ['lint']);
  assert.equal(lint.length, 1, `storycheck lint finds the one scene that is hard to read: ${lint.join('\n')}`);
  assert.deepEqual(await page.locator('.problems.lint .problem-text').allTextContents(), lint,
    'the preview lists the reading-level warning exactly as storycheck lint prints it');

  // storycheck stats prints a line per scene: its id, "grade", the grade, the words, and a mark when above the band.
  const printed = storycheck('hard-to-read.json', ['stats'])
    .map((line) => line.trim().match(/^(\S+)\s+grade\s+([\d.]+)\s+(\d+) words(\s+ABOVE THE AGE BAND)?$/))
    .filter(Boolean)
    .map(([, scene, grade, words, above]) => [scene, words, above ? `${grade} (above the age band)` : grade]);
  assert.equal(printed.length, 4, 'storycheck stats gives a reading level for each of the four scenes');
  const shown = await page.locator('.reading-levels tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent.trim())));
  assert.deepEqual(shown, printed, 'the preview shows each scene\'s words and grade as storycheck stats does');
  assert.match(await page.locator('p', { hasText: 'Flesch–Kincaid grade of each scene' }).innerText(),
    /aged 11 to 14 read up to about grade 7; 1 scene is above it/, 'the preview says what the age band can read');
  await expectNoAxeViolations(page, t, 'the preview with reading levels');
  await screenshot(page, 'reading-levels-wide');
  assertNothingSent(requests);
  assert.deepEqual(errors, []);
});

test('once the teacher\'s page has been opened, the preview checks and plays a story with the network cut', async (t) => {
  // Its own server, so that taking it down does not touch the other tests' one.
  const own = await serve(DIST);
  t.after(() => own.close());
  const { context, page, errors } = await openPage(t, shared.browser, own, { viewport: PROJECTOR, serviceWorkers: 'allow' });
  await page.goto(`${own.url}teacher.html#/preview`);
  await page.getByRole('heading', { level: 1, name: 'Try your own story' }).waitFor();
  await waitUntilOffline(page);

  own.setDown(true);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Try your own story' }).waitFor();
  await page.locator('#preview-files')
    .setInputFiles([join(FIXTURES, 'my-own-story.json'), join(FIXTURES, 'assets', STORY_ID, 'chat.svg')]);
  await page.locator('#results-heading').filter({ hasText: 'my-own-story.json has no errors' }).waitFor();
  await page.getByRole('button', { name: 'Play it' }).click();
  await page.getByRole('heading', { level: 1, name: 'A message' }).waitFor();
  await page.waitForFunction(() => document.querySelector('.panel img.picture')?.naturalWidth > 0);
  await page.keyboard.press('1');
  await page.getByRole('heading', { level: 1, name: 'Sam tells their aunt' }).waitFor();
  await page.getByRole('link', { name: 'Continue' }).click();
  await page.locator('.ending').waitFor();
  assert.match(await page.locator('.ending').innerText(), /Childline/, 'the ending offline still shows its help');
  assert.deepEqual(errors, []);
});
