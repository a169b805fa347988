// Reading settings and Read to me (issue #17): the panel by keyboard, what each setting changes, kept for the tab
// and forgotten by Exit this page, the largest text on the narrowest phone, and reading a scene aloud with a
// stand-in for the browser's speech (page.addInitScript) that offers a local voice and one from the internet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NEUTRAL_SITE, PROJECTOR, browserAndServer, expectNoAxeViolations, openPage, shippedStories, waitForScene,
} from './browser.mjs';

const run = browserAndServer();

const { entry, story } = shippedStories()[0];
const sceneWithChoices = story.scenes.find((s) => s.next.choices && s.panels?.some((p) => p.bubbles?.length));
const ending = story.scenes.find((s) => s.next.ending);
const KEPT = 'safety-stories:reading';
const LARGEST = 'read-text-3 read-line-2 read-letter-2';

/// The reading settings' classes on <html>, in order.
async function readingClasses(page) {
  return page.evaluate(() => [...document.documentElement.classList].filter((c) => /^(read-|paper-)/.test(c)).sort());
}

/// What a paragraph of the narration looks like now: the styles the settings change.
async function narrationStyle(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.querySelector('.narration p'));
    return {
      fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight),
      letterSpacing: style.letterSpacing, background: getComputedStyle(document.documentElement).backgroundColor,
    };
  });
}

/// Presses Shift+Tab until the reading settings button has focus: a scene starts with focus on its heading, and
/// the button is in the top bar, a few stops before it.
async function tabToReadingSettings(page) {
  for (let presses = 0; presses < 10; presses += 1) {
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('reading-button'))) return;
  }
  assert.fail('ten presses of Shift+Tab never reached the Reading settings button');
}

/// A new page at the scene with choices, once the app has taken it over, closed after the test `t`.
async function openScene(t, options = {}) {
  const opened = await openPage(t, run.browser, run.server, options);
  await opened.page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  // Once the app has taken the page over it moves focus to the heading, so nothing the test does is undone.
  await waitForScene(opened.page, sceneWithChoices.title);
  return opened;
}

test('Reading settings open by keyboard, each setting changes what the words look like, and Escape gives focus back', async (t) => {
  const { page, errors } = await openScene(t);
  const before = await narrationStyle(page);
  await tabToReadingSettings(page);
  const button = page.locator('.reading-button');
  assert.equal(await button.getAttribute('aria-haspopup'), 'dialog');
  const box = await button.boundingBox();
  assert.ok(box.width >= 44 && box.height >= 44, `the button is at least 44 by 44 pixels (${box.width} by ${box.height})`);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Reading settings' });
  await panel.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.closest('dialog')?.id), 'reading-settings', 'focus moves into the panel');
  assert.equal(await page.evaluate(() => document.activeElement.value), '0', 'on the standard text size');
  // Arrow keys choose within a group, Tab moves to the next group.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await readingClasses(page), ['paper-1', 'read-letter-1', 'read-line-1', 'read-text-1']);
  const after = await narrationStyle(page);
  assert.ok(after.fontSize > before.fontSize * 1.15, `the text is larger (${before.fontSize}px, then ${after.fontSize}px)`);
  assert.ok(after.lineHeight / after.fontSize >= 1.75, `the lines are further apart (${after.lineHeight}px for ${after.fontSize}px text)`);
  assert.equal(before.letterSpacing, 'normal');
  assert.ok(parseFloat(after.letterSpacing) >= after.fontSize * 0.11, `the letters are further apart (${after.letterSpacing})`);
  assert.notEqual(after.background, before.background, 'the background is softer');
  assert.equal(after.background, 'rgb(251, 243, 220)', 'the background is cream');
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('reading-button')), true, 'focus is back on the button');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  // Close does the same, and the panel shows the choices made when it opens again.
  await page.keyboard.press('Enter');
  await panel.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.value), '1', 'on the text size chosen');
  await panel.getByRole('button', { name: 'Close' }).click();
  await panel.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('reading-button')), true, 'focus is back on the button');
  assert.deepEqual(errors, []);
});

test('Reading settings are kept in the tab across a reload, put back before the first frame, and Exit this page forgets them', async (t) => {
  const { page, context } = await openScene(t);
  await page.locator('.reading-button').click();
  await page.getByRole('radio', { name: 'Largest' }).check();
  await page.getByRole('radio', { name: 'Pale blue' }).check();
  assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), KEPT), 'read-text-3 paper-2');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing is kept beyond the tab');
  // What <html> had when the browser was about to draw the first frame of the reloaded page.
  await context.addInitScript(() => requestAnimationFrame(() => { window.firstFrameClasses = document.documentElement.className; }));
  await page.reload();
  await page.waitForSelector('.choices');
  assert.deepEqual(await readingClasses(page), ['paper-2', 'read-text-3']);
  assert.match(await page.evaluate(() => window.firstFrameClasses), /read-text-3/, 'the text size is there before the first frame');
  // Another tab starts with none.
  const other = await context.newPage();
  await other.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  assert.deepEqual(await readingClasses(other), [], 'a new tab has the standard settings');
  await other.close();
  await page.getByRole('link', { name: /Exit this page/ }).click();
  await page.waitForURL(NEUTRAL_SITE + '**');
  await page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  await waitForScene(page, sceneWithChoices.title);
  assert.deepEqual(await readingClasses(page), [], 'Exit this page forgot the settings');
  assert.equal(await page.evaluate((key) => sessionStorage.getItem(key), KEPT), null);
});

test('at the largest settings nothing scrolls sideways on a 320 px phone or at 200% zoom', async (t) => {
  const screens = [
    ['the library', '', '.story-card-link'],
    ['a scene with choices', `story/${entry.id}/${sceneWithChoices.id}/`, '.choices'],
    ['an ending', `story/${entry.id}/${ending.id}/`, '.ending .service'],
    ['help', 'help/', '.help-page .service'],
  ];
  for (const [size, options] of [
    ['320 px', { viewport: { width: 320, height: 640 } }],
    ['200% zoom', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
  ]) {
    const { page, context } = await openPage(t, run.browser, run.server, options);
    await context.addInitScript(([key, kept]) => sessionStorage.setItem(key, kept), [KEPT, LARGEST]);
    for (const [what, path, ready] of screens) {
      await page.goto(run.server.url + path);
      await page.waitForSelector(ready);
      assert.deepEqual(await readingClasses(page), LARGEST.split(' ').sort());
      for (const open of [false, true]) {
        if (open) {
          await page.locator('.reading-button').click();
          await page.locator('#reading-settings').waitFor();
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${what} at ${size}${open ? ' with the panel open' : ''} does not scroll sideways`);
      }
    }
  }
});

test('with a size or spacing setting on, bubbles on the art flow under the picture at the reader\'s size', async (t) => {
  const { page } = await openScene(t, { viewport: { width: 1280, height: 800 } });
  const placed = () => page.evaluate(() => [...document.querySelectorAll('.bubble.on-art')].map((b) => getComputedStyle(b).position));
  assert.ok((await placed()).length > 0 && (await placed()).every((p) => p === 'absolute'), 'as standard, the bubbles are on the art');
  await page.locator('.reading-button').click();
  await page.getByRole('radio', { name: 'Large', exact: true }).check();
  assert.ok((await placed()).every((p) => p === 'static'), 'with larger text they flow under the picture');
  await page.getByRole('radio', { name: 'Standard' }).first().check();
  await page.getByRole('radio', { name: 'Cream' }).check();
  assert.ok((await placed()).every((p) => p === 'absolute'), 'a background alone leaves them on the art');
});

test('axe finds nothing with the panel open, and on a soft background', async (t) => {
  for (const viewport of [undefined, PROJECTOR]) {
    const { page } = await openScene(t, viewport ? { viewport } : {});
    await page.locator('.reading-button').click();
    await page.locator('#reading-settings').waitFor();
    await expectNoAxeViolations(page, null, 'the scene with Reading settings open');
    for (const background of ['Cream', 'Pale blue']) {
      await page.getByRole('radio', { name: background }).check();
      await page.getByRole('radio', { name: 'Larger', exact: true }).check();
      await expectNoAxeViolations(page, null, `the scene with the panel open on ${background}`);
    }
    await page.keyboard.press('Escape');
    await expectNoAxeViolations(page, null, 'the scene on a pale blue background');
    await page.goto(`${run.server.url}story/${entry.id}/${ending.id}/`);
    await page.waitForSelector('.ending .service');
    await expectNoAxeViolations(page, null, 'an ending on a pale blue background');
  }
});

/// Stands in for the browser's speech before any script of the page runs: it offers `voices`, and records each
/// utterance with its voice and the text marked `is-reading` when it was spoken. An utterance lasts until the test
/// ends it (`window.speech.finish()`), so nothing waits on time.
function fakeSpeech(voices) {
  const spoken = [];
  let current = null;
  const synth = new EventTarget();
  Object.assign(synth, {
    getVoices: () => voices,
    speak(utterance) {
      current = utterance;
      spoken.push({
        text: utterance.text, voice: utterance.voice?.name ?? null,
        marked: [...document.querySelectorAll('.is-reading')].map((e) => e.textContent.trim()),
      });
    },
    cancel() {
      const cut = current;
      current = null;
      window.speech.cancels += 1;
      cut?.onerror?.({ error: 'interrupted' });
    },
    pause() {}, resume() {},
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  window.speech = {
    spoken, cancels: 0, speaking: () => current !== null,
    finish() { const done = current; current = null; done?.onend?.({}); },
  };
}

const LOCAL = { name: 'On this device', lang: 'en-GB', localService: true, default: false };
const ONLINE = { name: 'From the internet', lang: 'en-GB', localService: false, default: true };

/// Waits until Read to me is reading: a page loads what its buttons do (assets/reading-controls.js) only when the
/// reader first points at or moves to them, so the first press may start it a moment later.
async function untilReading(page) {
  await page.waitForSelector('html[data-reading]', { state: 'attached' });
}

/// Ends utterances until nothing is being read (each end starts the next part), and returns what was spoken.
async function listenToTheEnd(page) {
  return page.evaluate(() => {
    for (let parts = 0; window.speech.speaking() && parts < 100; parts += 1) window.speech.finish();
    return window.speech.spoken;
  });
}

test('Read to me reads the title, the narration, each bubble with who says it, then the choices, with a local voice only', async (t) => {
  const { page, context, outside } = await openPage(t, run.browser, run.server);
  await context.addInitScript(fakeSpeech, [ONLINE, LOCAL]);
  const downloads = [];
  page.on('request', (request) => downloads.push(new URL(request.url()).pathname));
  const controlsDownloaded = () => downloads.some((path) => /\/reading-controls-[0-9a-f]{16}\.js$/.test(path));
  await page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  await waitForScene(page, sceneWithChoices.title);
  assert.equal(controlsDownloaded(), false, 'what the buttons do is not downloaded with the page');
  const play = page.locator('.read-play');
  assert.equal(await play.innerText(), 'Read to me');
  await play.click();
  await untilReading(page);
  assert.ok(controlsDownloaded(), `it is downloaded when the reader goes to use them (${downloads.join(', ')})`);
  assert.equal(await page.getAttribute('html', 'data-reading'), 'playing');
  assert.equal(await play.innerText(), 'Pause reading');
  const spoken = await listenToTheEnd(page);
  const paragraphs = sceneWithChoices.text.split(/\n\s*\n/).map((p) => p.replaceAll('*', '').trim());
  const verbs = { speech: 'says', thought: 'thinks', caption: 'tells', message: 'messages', shout: 'shouts' };
  const bubbles = sceneWithChoices.panels.flatMap((p) => p.bubbles ?? [])
    .map((b) => `${b.speaker} ${verbs[b.kind ?? 'speech']}: ${b.text}`);
  const choices = await page.locator('.choice-label').allInnerTexts();
  assert.ok(choices.length >= 2, 'the scene offers choices');
  assert.deepEqual(spoken.map((s) => s.text),
    [sceneWithChoices.title, ...paragraphs, ...bubbles, 'What happens next? You choose.', ...choices]);
  assert.deepEqual([...new Set(spoken.map((s) => s.voice))], [LOCAL.name], 'only the voice on this device reads');
  for (const { text, marked } of spoken) assert.deepEqual(marked, [text], `"${text}" is marked while it is read, and nothing else`);
  assert.equal(await page.getAttribute('html', 'data-reading'), null, 'at the end it stops');
  assert.equal(await page.locator('.is-reading').count(), 0, 'and nothing stays marked');
  assert.equal(await play.innerText(), 'Read to me');
  assert.deepEqual(outside, []);
});

test('at an ending, Read to me reads the reflection, then the help the ending recommends', async (t) => {
  const { page, context } = await openPage(t, run.browser, run.server);
  await context.addInitScript(fakeSpeech, [LOCAL]);
  await page.goto(`${run.server.url}story/${entry.id}/${ending.id}/`);
  await waitForScene(page, ending.title);
  await page.locator('.read-play').click();
  await untilReading(page);
  const spoken = (await listenToTheEnd(page)).map((s) => s.text);
  const reassurance = spoken.indexOf('Asking for help is the right thing to do, and it is never too late.');
  assert.ok(reassurance > 0, `the reassurance is read (${JSON.stringify(spoken)})`);
  const services = await page.locator('.is-recommended .service :is(h3, h4)').allInnerTexts();
  assert.ok(services.length > 0, 'the ending recommends a service');
  for (const name of services) assert.ok(spoken.indexOf(name) > reassurance, `${name} is read after the reassurance`);
  assert.ok(spoken.some((text) => /^Call \d/.test(text)), 'a number to call is read');
});

test('Read to me pauses, carries on, stops, and stops by itself when the scene changes or on Exit this page', async (t) => {
  const { page, context } = await openPage(t, run.browser, run.server);
  await context.addInitScript(fakeSpeech, [LOCAL]);
  await page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  await waitForScene(page, sceneWithChoices.title);
  const play = page.locator('.read-play');
  await play.press('Enter');
  await untilReading(page);
  await page.evaluate(() => window.speech.finish());
  await play.press('Enter');
  assert.equal(await page.getAttribute('html', 'data-reading'), 'paused');
  assert.equal(await play.innerText(), 'Carry on reading');
  assert.equal(await page.evaluate(() => window.speech.speaking()), false, 'nothing is being read while paused');
  const second = await page.evaluate(() => window.speech.spoken[1].text);
  assert.equal(await page.locator('.is-reading').innerText(), second, 'the part it stopped in stays marked');
  await play.press('Enter');
  assert.equal(await page.evaluate(() => window.speech.spoken.at(-1).text), second, 'carrying on reads that part again');
  await page.getByRole('button', { name: 'Stop reading' }).click();
  assert.equal(await page.getAttribute('html', 'data-reading'), null);
  assert.equal(await page.locator('.is-reading').count(), 0);
  assert.equal(await page.evaluate(() => window.speech.speaking()), false);

  // A choice moves to another scene: the reading stops.
  await play.click();
  const choice = sceneWithChoices.next.choices[0];
  await page.getByRole('link', { name: new RegExp(choice.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await waitForScene(page, story.scenes.find((s) => s.id === choice.to).title);
  assert.equal(await page.getAttribute('html', 'data-reading'), null, 'a new scene stops the reading');
  assert.equal(await page.evaluate(() => window.speech.speaking()), false, 'and silences it');
  assert.equal(await page.locator('.is-reading').count(), 0);

  await page.locator('.read-play').click();
  assert.equal(await page.evaluate(() => window.speech.speaking()), true);
  const cancels = await page.evaluate(() => window.speech.cancels);
  await page.evaluate(() => window.addEventListener('beforeunload', () => {
    localStorage.setItem('silenced', String(!window.speech.speaking()));
  }));
  await page.getByRole('link', { name: /Exit this page/ }).click();
  await page.waitForURL(NEUTRAL_SITE + '**');
  await page.goto(run.server.url);
  assert.equal(await page.evaluate(() => localStorage.getItem('silenced')), 'true', `Exit this page silenced the reading (${cancels} cancels before)`);
});

test('with only voices from the internet, Read to me says no voice is installed and reads nothing', async (t) => {
  const { page, context } = await openPage(t, run.browser, run.server);
  await context.addInitScript(fakeSpeech, [ONLINE, { ...ONLINE, name: 'Welsh from the internet', lang: 'cy' }]);
  await page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  await waitForScene(page, sceneWithChoices.title);
  const play = page.locator('.read-play');
  assert.equal(await play.innerText(), 'Read to me: no voice for this language on this device');
  assert.equal(await play.getAttribute('aria-disabled'), 'true');
  await play.focus();
  await page.keyboard.press('Enter');
  // Once the controls' module has loaded, the press has been answered.
  await page.waitForFunction(() => window.safetyStoriesStopReading);
  assert.deepEqual(await page.evaluate(() => window.speech.spoken), [], 'nothing was sent to a voice from the internet');
  assert.equal(await page.getAttribute('html', 'data-reading'), null);
  await expectNoAxeViolations(page, null, 'a scene with no voice for its language');
});

test('Read to me takes a local voice of the same language in another country before any voice from the internet', async (t) => {
  const { page, context } = await openPage(t, run.browser, run.server);
  const american = { ...LOCAL, name: 'American, on this device', lang: 'en_US' };
  const welsh = { ...LOCAL, name: 'Welsh, on this device', lang: 'cy-GB' };
  await context.addInitScript(fakeSpeech, [ONLINE, welsh, american]);
  await page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  await waitForScene(page, sceneWithChoices.title);
  await page.locator('.read-play').click();
  await untilReading(page);
  assert.equal(await page.evaluate(() => window.speech.spoken[0].voice), american.name);
});

test('voices that arrive late are found, and without speech at all the buttons are not shown', async (t) => {
  const { page, context } = await openPage(t, run.browser, run.server);
  await context.addInitScript(fakeSpeech, []);
  await page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  await waitForScene(page, sceneWithChoices.title);
  const play = page.locator('.read-play');
  assert.equal(await play.innerText(), 'Read to me', 'before the voices are known the button is offered');
  await page.evaluate((voice) => {
    window.speechSynthesis.getVoices = () => [voice];
    window.speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  }, LOCAL);
  await play.click();
  await untilReading(page);
  assert.equal(await page.evaluate(() => window.speech.spoken[0]?.voice), LOCAL.name);

  const without = await openPage(t, run.browser, run.server);
  await without.context.addInitScript(() => { delete Window.prototype.speechSynthesis; delete window.speechSynthesis; });
  await without.page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  await without.page.waitForSelector('.choices');
  assert.equal(await without.page.evaluate(() => 'speechSynthesis' in window), false);
  assert.equal(await without.page.locator('.read-aloud').isVisible(), false, 'no Read to me where the browser cannot speak');
});

test('in present mode the teacher can have the scene read to the class', async (t) => {
  const { page, context } = await openPage(t, run.browser, run.server, { viewport: PROJECTOR });
  await context.addInitScript(fakeSpeech, [LOCAL]);
  await page.goto(`${run.server.url}teacher.html#/present/${entry.id}/${sceneWithChoices.id}`);
  await waitForScene(page, sceneWithChoices.title);
  await page.getByRole('button', { name: 'Read to me' }).click();
  await untilReading(page);
  const spoken = await listenToTheEnd(page);
  assert.equal(spoken[0].text, sceneWithChoices.title);
  assert.equal(spoken.at(-1).text, (await page.locator('.choice-label').allInnerTexts()).at(-1));
});

test('a press answers though nothing pointed at or moved to the controls before it, so their module was not yet loaded', async (t) => {
  const { page, context, errors } = await openPage(t, run.browser, run.server);
  await context.addInitScript(fakeSpeech, [LOCAL]);
  const pressOnly = (selector) => page.evaluate((s) => document.querySelector(s).click(), selector);
  await page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  await waitForScene(page, sceneWithChoices.title);
  await pressOnly('.reading-button');
  await page.getByRole('dialog', { name: 'Reading settings' }).waitFor();
  await page.reload();
  await waitForScene(page, sceneWithChoices.title);
  await pressOnly('.read-play');
  await untilReading(page);
  assert.equal(await page.evaluate(() => window.speech.spoken[0]?.text), sceneWithChoices.title);
  assert.deepEqual(errors, []);
});

test('without JavaScript there is no Reading settings button or Read to me, which would do nothing', async (t) => {
  const { page } = await openPage(t, run.browser, run.server, { javaScriptEnabled: false });
  await page.goto(`${run.server.url}story/${entry.id}/${sceneWithChoices.id}/`);
  await page.waitForSelector('.choices');
  assert.equal(await page.locator('.reading-button').isVisible(), false);
  assert.equal(await page.locator('.read-aloud').isVisible(), false);
});
