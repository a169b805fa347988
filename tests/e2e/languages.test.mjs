// Languages (issue #17): the player and the teacher's page in Welsh, the language switch kept for the tab, and the
// pseudo-languages of pseudo-locales.mjs, which find any word the interface did not take from its messages and any
// layout that breaks with longer words or right to left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  browserAndServer, expectNoAxeViolations, loadStory, openPage, pathsToEveryEnding, shippedStories, waitForScene, walk,
  PHONE, PROJECTOR, ROOT,
} from './browser.mjs';
import { englishWords, pseudoLocale } from './pseudo-locales.mjs';

const run = browserAndServer();
const stories = shippedStories();
const { entry, story } = stories[0];
const welsh = JSON.parse(readFileSync(join(ROOT, 'assets', 'messages', 'cy.json'), 'utf8'));
const LANGUAGE_KEY = 'safety-stories:language';

/// Every string in the story files, the library and the help directory, longest first: these are the stories' and
/// the help's own words, which the interface's language does not change (other helpers translate them).
function contentStrings() {
  const found = new Set();
  const collect = (value) => {
    if (typeof value === 'string') found.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const { story: s } of stories) collect(s);
  collect(loadStory('stories/library/index.json'));
  collect(loadStory('stories/help/services-uk.json'));
  return [...found].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
}
const CONTENT = contentStrings();
const ENGLISH = englishWords();

/// The words of the English messages still on the screen in plain letters, once the stories' and the help's own
/// words are taken out: every one is a word the interface did not take from the pseudo-language's messages.
async function englishLeft(page) {
  let text = await page.evaluate(() => document.body.innerText);
  for (const content of CONTENT) text = text.split(content).join(' ');
  const words = text.match(/[A-Za-z]{3,}/g) ?? [];
  return [...new Set(words.filter((word) => ENGLISH.has(word.toLowerCase())))];
}

async function sidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/// Opens a page in a tab that has picked `tag` (as the switch would), with the pseudo-language's file served.
async function openInLanguage(t, tag, rtl, viewport = PHONE) {
  const opened = await openPage(t, run.browser, run.server, { viewport });
  const file = JSON.stringify(pseudoLocale(tag, { rtl }));
  await opened.context.route(`**/assets/messages/${tag}.list.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: file }));
  await opened.context.addInitScript(([key, value]) => {
    try { sessionStorage.setItem(key, value); } catch { /* a frame without storage */ }
  }, [LANGUAGE_KEY, tag]);
  return opened;
}

/// Waits until the app has taken the prerendered library over (it then moves focus to the heading): before that
/// the switch is plain HTML that does nothing.
async function waitForLibrary(page) {
  await page.waitForFunction(() => document.activeElement?.id === 'library-heading', null, { timeout: 10_000 });
}

/// Until the app has taken the prerendered start screen over (it moves focus to the heading): the language switch's
/// buttons do nothing before.
async function waitForTakeover(page) {
  await page.waitForFunction(() => document.activeElement?.id === 'intro-heading', null, { timeout: 10_000 });
}

async function waitForLanguage(page, tag) {
  await page.waitForFunction((tag) => document.documentElement.lang === tag, tag, { timeout: 10_000 });
}

/// Asserts what every screen in a pseudo-language must be: in it, with no English word of the messages left, no
/// sideways scroll, and, right to left, drawn that way with Exit this page at the end of the bar it starts from.
async function checkScreen(page, tag, rtl, what) {
  await waitForLanguage(page, tag);
  assert.deepEqual(await englishLeft(page), [], `${what} in ${tag}: English words left in the interface`);
  assert.ok((await sidewaysScroll(page)) <= 0, `${what} in ${tag}: the page scrolls sideways`);
  assert.equal(await page.evaluate(() => document.documentElement.dir), rtl ? 'rtl' : '', `${what} in ${tag}: dir`);
  if (rtl && (await page.locator('.topbar .exit-button').isVisible())) {
    const exit = await page.locator('.topbar .exit-button').boundingBox();
    const brand = await page.locator('.topbar .brand').boundingBox();
    assert.ok(exit.x < brand.x, `${what} in ${tag}: Exit this page is on the left of a right-to-left bar`);
  }
}

for (const [tag, rtl] of [['en-XA', false], ['ar-XB', true]]) {
  test(`the reader's screens in pseudo-language ${tag} leave no English and no sideways scroll`, async (t) => {
    const { page, errors } = await openInLanguage(t, tag, rtl);
    await page.goto(run.server.url);
    await page.waitForSelector('.story-card-link');
    await checkScreen(page, tag, rtl, 'the library');
    await page.locator('.story-card-link').first().click();
    await page.waitForSelector('#intro-heading');
    await checkScreen(page, tag, rtl, 'the start of a story');
    await page.locator('.intro .actions a.primary').click();
    let at = story.scenes.find((s) => s.id === story.start);
    await waitForScene(page, at.title);
    await checkScreen(page, tag, rtl, 'a scene');
    const [path] = pathsToEveryEnding(entry.file);
    for (const { step, to } of walk(story, path)) {
      if (step === 'continue') await page.locator('a.continue').click();
      else await page.keyboard.press(String(step));
      at = to;
      await waitForScene(page, at.title);
    }
    await page.waitForSelector('.ending');
    await checkScreen(page, tag, rtl, 'an ending');
    await page.locator('.topbar .help-button').click();
    await page.waitForSelector('#help-heading');
    await page.waitForSelector('.service');
    await checkScreen(page, tag, rtl, 'the help page');
    await page.goto(`${run.server.url}#/story/no-such-story`);
    await page.waitForSelector('.error-view .service');
    await checkScreen(page, tag, rtl, 'the error page');
    assert.deepEqual(errors, []);
  });

  test(`the teacher's screens in pseudo-language ${tag} leave no English and no sideways scroll`, async (t) => {
    const { page, errors } = await openInLanguage(t, tag, rtl);
    const screens = [
      [`teacher.html#/lesson/${entry.id}`, '.lesson-scenes', 'the lesson pack'],
      ['teacher.html#/embed', '#embed-code', 'the page for websites'],
      ['teacher.html#/preview', '#preview-files', 'the preview of an author\'s story'],
      [`teacher.html#/presenter/${entry.id}`, '.loading', 'the teacher notes window'],
    ];
    for (const [address, ready, what] of screens) {
      await page.goto(run.server.url + address);
      await page.waitForSelector(ready);
      await checkScreen(page, tag, rtl, what);
    }
    // Present mode, on a projector's screen, with the keys listed.
    await page.setViewportSize(PROJECTOR);
    await page.goto(`${run.server.url}teacher.html#/present/${entry.id}/${story.start}`);
    await page.waitForSelector('.present-bar');
    await page.keyboard.press('?');
    await page.waitForSelector('.key-list');
    await checkScreen(page, tag, rtl, 'present mode with its keys');
    assert.deepEqual(errors, []);
  });
}

test('the Welsh interface from the library to an ending and help, with axe finding nothing', async (t) => {
  const { page, errors } = await openPage(t, run.browser, run.server);
  await page.goto(run.server.url);
  await waitForLibrary(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB', 'the library opens in English');
  // The switch names each language in itself, marked with its own language.
  assert.deepEqual(await page.locator('.language-option').evaluateAll((buttons) =>
    buttons.map((b) => [b.textContent, b.lang, b.getAttribute('aria-pressed')])),
  [['English', 'en-GB', 'true'], ['Cymraeg', 'cy', 'false']]);
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await waitForLanguage(page, 'cy');
  await page.waitForSelector('html[lang="cy"]');
  assert.equal(await page.locator('#library-heading').textContent(), welsh['library-heading']);
  assert.equal(await page.locator('.topbar .exit-button').innerText().then((s) => s.split('\n')[0].trim()),
    welsh['exit-this-page']);
  // The Reading settings panel is drawn as HTML text (src/ui/reader/reading_settings.rs): it follows the switch too.
  assert.equal(await page.locator('#reading-settings-heading').textContent(), welsh['reading-settings']);
  assert.equal(await page.locator('#reading-settings .reading-close').textContent(), welsh['reading-close']);
  await expectNoAxeViolations(page, t, 'the library in Welsh');

  // An English story with the Welsh interface: the story's own words carry lang="en-GB".
  await page.locator('.story-card-link').first().click();
  await page.waitForSelector('#intro-heading');
  assert.equal(await page.locator('#intro-heading').getAttribute('lang'), 'en-GB');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy', 'the choice holds inside an English story');
  await expectNoAxeViolations(page, t, 'the start of a story in Welsh');
  await page.getByRole('link', { name: welsh['start-story'] }).click();
  let at = story.scenes.find((s) => s.id === story.start);
  await waitForScene(page, at.title);
  assert.equal(await page.locator('#scene-heading').getAttribute('lang'), 'en-GB');
  await expectNoAxeViolations(page, t, 'a scene in Welsh');
  const [path] = pathsToEveryEnding(entry.file);
  for (const { step, to } of walk(story, path)) {
    if (step === 'continue') await page.getByRole('link', { name: welsh.continue, exact: true }).click();
    else await page.keyboard.press(String(step));
    at = to;
    await waitForScene(page, at.title);
  }
  await page.waitForSelector('.ending');
  assert.equal(await page.locator('.reassurance').textContent(), welsh['ending-reassurance']);
  await expectNoAxeViolations(page, t, 'an ending in Welsh');
  await page.getByRole('link', { name: welsh['get-help'], exact: true }).click();
  await page.waitForSelector('#help-heading');
  await page.waitForSelector('.service');
  assert.equal(await page.locator('#help-heading').textContent(), welsh['get-help']);
  await expectNoAxeViolations(page, t, 'the help page in Welsh');

  // Kept for the tab across a reload (the page is prerendered in English, taken over, then switched).
  await page.reload();
  await waitForLanguage(page, 'cy');
  assert.equal(await page.locator('#help-heading').textContent(), welsh['get-help']);
  assert.deepEqual(errors, []);
});

test('Exit this page forgets the language picked in the tab', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  await page.goto(run.server.url);
  await waitForLibrary(page);
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await waitForLanguage(page, 'cy');
  assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), LANGUAGE_KEY), 'cy');
  await page.locator('.topbar .exit-button').click();
  await page.waitForURL((url) => !url.href.startsWith(run.server.url));
  // A new visit in the same tab (a typed address), which the loader lets through.
  await page.goto(run.server.url);
  await waitForLibrary(page);
  assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), LANGUAGE_KEY), null);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
});

test('a language picked before the app has taken the page over is kept, and the page comes up in it', async (t) => {
  const { page, context, errors } = await openPage(t, run.browser, run.server);
  // The wasm is held back until the pick is made, as on a slow school network.
  let release;
  const held = new Promise((go) => { release = go; });
  await context.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(run.server.url);
  const welshButton = page.getByRole('button', { name: 'Cymraeg' });
  await welshButton.click();
  assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), LANGUAGE_KEY), 'cy', 'the pick is kept');
  release();
  await waitForLanguage(page, 'cy');
  assert.equal(await page.locator('#library-heading').textContent(), welsh['library-heading']);
  assert.deepEqual(errors, [], 'no panic');
});

test('a Welsh list that says it is another language is refused, and the words stay English', async (t) => {
  const { page, context, errors } = await openPage(t, run.browser, run.server);
  const built = JSON.parse(readFileSync(join(ROOT, 'dist', 'assets', 'messages', 'cy.list.json'), 'utf8'));
  // The Welsh words, served as Welsh, but saying they are English (slot 0 is `@language`).
  const claimsEnglish = JSON.stringify(['en-GB', ...built.slice(1)]);
  await context.route('**/assets/messages/cy.list.json',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: claimsEnglish }));
  await context.addInitScript((key) => sessionStorage.setItem(key, 'cy'), LANGUAGE_KEY);
  const asked = page.waitForEvent('requestfinished', (request) => request.url().endsWith('/cy.list.json'));
  await page.goto(run.server.url);
  await waitForLibrary(page);
  await asked;
  // Two frames after the list has arrived: it has been read, and its words would be on the screen.
  for (let frame = 0; frame < 2; frame += 1) {
    await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn, 0))));
  }
  assert.equal(await page.locator('#library-heading').textContent(), 'Choose a story', 'the refused words are not shown');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
  assert.equal(await page.locator('#reading-settings-heading').textContent(), 'Reading settings',
    'the refused list did not stand in for English');
  assert.deepEqual(errors, [], 'no panic');
});

test('a browser set to Welsh opens the player in Welsh with no choice made, and the Welsh file only then', async (t) => {
  const { page, context } = await openPage(t, run.browser, run.server, { locale: 'cy-GB' });
  const asked = [];
  context.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(run.server.url);
  await waitForLanguage(page, 'cy');
  assert.equal(await page.locator('#library-heading').textContent(), welsh['library-heading']);
  assert.ok(asked.includes('/assets/messages/cy.list.json'), 'the Welsh messages are downloaded when Welsh is in use');

  // The wasm carries no words: the page, drawn in English, is taken over once the English list is here.
  const { page: english, context: englishContext } = await openPage(t, run.browser, run.server, { locale: 'en-GB' });
  const englishAsked = [];
  englishContext.on('request', (request) => englishAsked.push(new URL(request.url()).pathname));
  await english.goto(run.server.url);
  await waitForLibrary(english);
  assert.deepEqual(englishAsked.filter((path) => path.startsWith('/assets/messages/')),
    ['/assets/messages/en-GB.list.json'], 'English is downloaded once, and no other language');
});

test('without its words the prerendered page stays as it is, plain HTML whose links and Exit work', async (t) => {
  const { page, context, errors } = await openPage(t, run.browser, run.server);
  await context.route('**/assets/messages/en-GB.list.json', (route) => route.abort('internetdisconnected'));
  const refused = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/en-GB.list.json'));
  const library = page.waitForEvent('requestfinished', (request) => request.url().endsWith('/stories/library/index.json'));
  await page.goto(run.server.url);
  await Promise.all([refused, library]);
  // A frame after both downloads have ended, the app has given up taking the page over (`start`).
  await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn, 0))));
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'library-heading', 'the app did not take over');
  assert.equal(await page.locator('#library-heading').textContent(), 'Choose a story', 'the drawn page is still there');
  assert.equal(await page.locator('#fallback').isVisible(), false, 'the page has its own Get help and Exit');
  // A story's link is a plain link to its prerendered start.
  const link = page.locator('.story-card-link').first();
  const start = await link.evaluate((a) => a.href);
  await link.click();
  await page.waitForURL(start);
  await page.locator('#intro-heading').waitFor();
  await page.locator('.topbar .exit-button').click();
  await page.waitForURL((url) => !url.href.startsWith(run.server.url));
  assert.deepEqual(errors, [], 'no panic');
});

test('a draft Welsh translation is shown only with ?drafts, from the file the build wrote, at the same place', async (t) => {
  const chat = stories.find(({ entry: e }) => e.id === 'new-in-the-game-chat');
  const listing = chat.entry.translations?.find((tr) => tr.language === 'cy');
  assert.equal(listing?.status, 'draft', 'the library lists the Welsh translation of New in the game chat as a draft');
  const welshStory = loadStory('dist/stories/cy/new-in-the-game-chat.json');
  const first = (s) => s.scenes.find((scene) => scene.id === s.start);
  assert.notEqual(first(welshStory).title, first(chat.story).title, 'the build wrote the story with Welsh words');
  assert.equal(welshStory.language, 'cy');

  // Without ?drafts: Welsh chosen, the story stays in English and its Welsh file is never asked for.
  {
    const { page, context, errors } = await openPage(t, run.browser, run.server);
    const asked = [];
    context.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${run.server.url}story/${chat.entry.id}/`);
    await waitForTakeover(page);
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await waitForLanguage(page, 'cy');
    await page.getByRole('link', { name: welsh['start-story'] }).click();
    await waitForScene(page, first(chat.story).title);
    assert.ok(!asked.some((path) => path.includes('/stories/cy/')), 'a draft is not downloaded without ?drafts');
    assert.deepEqual(errors, []);
  }

  // With ?drafts: the same scene in Welsh, marked lang="cy", and back to English when English is picked.
  const { page, errors } = await openPage(t, run.browser, run.server);
  await page.goto(`${run.server.url}story/${chat.entry.id}/?drafts`);
  await waitForTakeover(page);
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await waitForLanguage(page, 'cy');
  await page.locator('#intro-heading').filter({ hasText: welshStory.title }).waitFor();
  await page.getByRole('link', { name: welsh['start-story'] }).click();
  await waitForScene(page, first(welshStory).title);
  assert.equal(await page.locator('#scene-heading').getAttribute('lang') ?? 'cy', 'cy',
    'the Welsh story\'s words are not marked as English');
  await expectNoAxeViolations(page, t, 'a scene of the Welsh draft');
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('#scene-heading').filter({ hasText: first(chat.story).title }).waitFor();
  assert.deepEqual(errors, []);
});
