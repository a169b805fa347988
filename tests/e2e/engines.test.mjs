// The same reader's and teacher's journeys in Chromium, Firefox (Gecko) and WebKit, the engines of school machines
// and of every iPhone browser (issue #18). Only these journeys run in all three; the rest of the end-to-end suite
// runs in Chromium. Pages are reached as a reader reaches them, by clicking links and buttons by role and name,
// from the site's front page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, NEUTRAL_SITE, PHONE, ROOT, library, loadStory, pathsToEveryEnding, waitUntil, walk } from './browser.mjs';
import { ENGINES, startEngine } from './engines.mjs';
import { serve } from './server.mjs';

const LAPTOP = { width: 1280, height: 800 };
const entry = library().stories.find((s) => s.id === 'sharing-an-image');
const story = loadStory(entry.file);
const scenes = new Map(story.scenes.map((s) => [s.id, s]));
const start = scenes.get(story.start);
const second = scenes.get(start.next.continue);
// The shortest way to an ending keeps the keyboard playthrough quick in every engine.
const shortest = pathsToEveryEnding(entry.file).reduce((a, b) => (b.steps.length < a.steps.length ? b : a));
// Screenshots of each engine's scene at each size, for a person to look at after a run.
const SHOTS = join(ROOT, 'target', 'engines');

// The app downloads its wasm only once the prerendered page is drawn (scripts/post-build.mjs), and moves focus to a
// scene's heading when it takes the page over; on a busy two-core machine WebKit under Xvfb has twice taken more than
// the usual ten seconds to get there in a full run, so a scene gets twenty.
async function waitForScene(page, title) {
  try {
    await page.waitFor((t) => {
      const heading = document.querySelector('#scene-heading');
      return heading?.textContent === t && document.activeElement === heading;
    }, title, `the scene "${title}" is shown with its heading focused`, 20_000);
  } catch (error) {
    // What the page was doing when it gave up, to find the cause of WebKit's occasional miss (see `journey` below).
    const state = await page.evaluate(() => ({
      heading: document.querySelector('#scene-heading')?.textContent ?? null,
      active: `${document.activeElement?.tagName}#${document.activeElement?.id}`,
      appStarted: typeof window.wasmBindings,
      readyState: document.readyState,
      visibility: document.visibilityState,
      hasFocus: document.hasFocus(),
      downloads: performance.getEntriesByType('resource')
        .map((entry) => `${entry.name.split('/').pop()} ${Math.round(entry.startTime)}-${Math.round(entry.responseEnd)}ms`),
      url: location.href,
    })).catch((failed) => `(the page could not be asked: ${failed.message})`);
    error.message += `; the page then: ${JSON.stringify(state)}`;
    throw error;
  }
}

/// From the front page to the story's first scene, as a reader gets there.
async function startTheStory(page, server) {
  await page.goto(server.url);
  await page.click('link', entry.title);
  await page.click('link', 'Start the story');
  await waitForScene(page, start.title);
}

/// Each picture on the page against the inside of its frame (the frame's box less its border), once all have
/// loaded. A picture that reaches past that box is cut off by the frame.
async function picturesAgainstFrames(page) {
  await page.waitFor(() => {
    const pictures = [...document.querySelectorAll('.picture-frame img')];
    return pictures.length > 0 && pictures.every((img) => img.complete && img.naturalWidth > 0);
  }, undefined, 'every picture has loaded');
  return page.evaluate(() => [...document.querySelectorAll('.picture-frame')].map((frame) => {
    const box = frame.getBoundingClientRect();
    const style = getComputedStyle(frame);
    const inside = {
      left: box.left + parseFloat(style.borderLeftWidth), top: box.top + parseFloat(style.borderTopWidth),
      right: box.right - parseFloat(style.borderRightWidth), bottom: box.bottom - parseFloat(style.borderBottomWidth),
    };
    const picture = frame.querySelector('img').getBoundingClientRect();
    return {
      src: frame.querySelector('img').getAttribute('src'), inside,
      picture: { left: picture.left, top: picture.top, right: picture.right, bottom: picture.bottom },
    };
  }));
}

function assertNotClipped(frames, where) {
  for (const { src, inside, picture } of frames) {
    for (const edge of ['left', 'top', 'right', 'bottom']) {
      assert.ok(Math.abs(picture[edge] - inside[edge]) <= 0.5,
        `${where}: ${src}'s ${edge} edge is at ${picture[edge]}px, the frame's inside at ${inside[edge]}px `
        + `(picture ${JSON.stringify(picture)}, inside of the frame ${JSON.stringify(inside)})`);
    }
  }
}

/// Each bubble of the comic layout in this engine: on the art (positioned by the container query) inside its panel's
/// frame, or else under the picture; its text 16px or more either way.
async function assertBubblesPlaced(page, where) {
  const panels = await page.evaluate(() => [...document.querySelectorAll('.panel')].map((panel) => {
    const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    return {
      frame: box(panel.querySelector('.picture-frame')),
      bubbles: [...panel.querySelectorAll('.bubble')].map((b) => ({
        text: b.querySelector('.bubble-text').textContent, box: box(b), onArt: getComputedStyle(b).position === 'absolute',
        size: parseFloat(getComputedStyle(b.querySelector('.bubble-text')).fontSize),
      })),
    };
  }));
  for (const { frame, bubbles } of panels) {
    for (const { text, box, onArt, size } of bubbles) {
      assert.ok(size >= 16, `${where}: "${text}" is ${size}px`);
      const placed = onArt
        ? box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1
        : box.top >= frame.bottom - 1;
      assert.ok(placed, `${where}: "${text}" is ${onArt ? 'inside its panel' : 'under its picture'} (${JSON.stringify(box)}, frame ${JSON.stringify(frame)})`);
    }
  }
}

async function assertNoSidewaysScroll(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, `${where}: the page is ${overflow}px wider than the screen`);
}

/// Waits until the server has had no new request for half a second (at most ten seconds in all), so a file
/// downloaded a second time late in a page load is still seen; returns the requests since `from`.
async function requestsOnceSettled(server, from) {
  let count = -1;
  let quietSince = Date.now();
  await waitUntil(() => {
    if (server.requests.length !== count) {
      count = server.requests.length;
      quietSince = Date.now();
    }
    return Date.now() - quietSince >= 500;
  }, 'no more requests for half a second');
  return server.requests.slice(from);
}

function downloadedTwice(requests) {
  return [...new Set(requests.filter((path, i) => requests.indexOf(path) !== i))];
}

for (const name of ENGINES) {
  test(`the reader's and teacher's journeys in ${name}`, async (t) => {
    const engine = await startEngine(name);
    t.after(() => engine.close());
    const server = await serve(DIST);
    t.after(() => server.close());
    // WebKit (MiniBrowser under Xvfb) now and then never reports the first scene's heading focused, in about one
    // full run in two on this two-core machine, and in a different journey each time; the same journeys pass when
    // run again, and by hand. Until that is understood, a WebKit journey that fails is run once more in fresh pages,
    // and the first failure is reported as a diagnostic, so a real regression (which fails twice) still fails.
    const journey = (name === 'webkit')
      ? (title, fn) => t.test(title, async (t) => {
        // Each try is a subtest of its own, so its pages (and WebKitWebDriver's one session) are closed before the next.
        let failure = null;
        await t.test('first try', async (t) => {
          try { await fn(t); } catch (error) { failure = error; }
        });
        if (failure) {
          t.diagnostic(`WebKit: run again after: ${failure.message}`);
          await t.test('second try', fn);
        }
      })
      : (title, fn) => t.test(title, fn);

    await journey('library, start, a keyboard playthrough to an ending, Get help, then Exit this page', async (t) => {
      const page = await engine.open(t, PHONE);
      await startTheStory(page, server);
      let at = start;
      for (const { step, to } of walk(story, shortest)) {
        if (step === 'continue') {
          await page.press('Tab');
          // Where the browser can speak, Read to me comes first (src/ui/reader/read_aloud.rs).
          if (await page.evaluate(() => document.activeElement.classList.contains('read-play'))) await page.press('Tab');
          assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Continue', `Tab from "${at.title}" reaches Continue`);
          await page.press('Enter');
        } else {
          await page.press(String(step));
        }
        at = to;
        await waitForScene(page, at.title);
      }
      assert.equal(at.id, shortest.ending);
      await page.waitFor(() => document.querySelector('.ending a[href="tel:08001111"]') !== null, undefined, 'the ending lists Childline');

      await page.click('link', 'Get help');
      await page.waitFor(() => document.activeElement?.id === 'help-heading', undefined, 'the help screen has focus');
      const help = await page.text('main');
      for (const service of ['Childline', 'NSPCC']) assert.ok(help.includes(service), `the help screen names ${service}: ${help}`);
      assert.equal(await page.evaluate(() => document.querySelectorAll('main a[href="tel:08001111"]').length), 1, 'Childline can be called');

      // Exit this page is a button today and will be a link; either is what a reader presses.
      await page.click(['button', 'link'], /^Exit this page/);
      await page.waitFor((site) => location.href === site, NEUTRAL_SITE, `the page is replaced by ${NEUTRAL_SITE}`);
      assert.ok(engine.outside.includes(NEUTRAL_SITE), `the neutral site was asked for: ${engine.outside}`);
      // Back on this site in the same tab, in a file that runs no script of ours, the tab kept only the mark.
      await page.goto(server.url + start.panels[0].image);
      assert.deepEqual(await page.sessionStorageKeys(), ['safety-stories:exited'], 'Exit this page forgot the progress');
    });

    await journey('a reload resumes at the same scene, and Back steps back through the story', async (t) => {
      const page = await engine.open(t, PHONE);
      await startTheStory(page, server);
      await page.click('link', 'Continue');
      await waitForScene(page, second.title);
      await page.reload();
      await waitForScene(page, second.title);
      await page.back();
      await waitForScene(page, start.title);
    });

    await journey('present mode advances with PageDown and the presenter window stays in step; pictures fit their frames', async (t) => {
      const page = await engine.open(t, LAPTOP);
      await page.goto(server.url);
      await page.click('link', entry.title);
      await page.click('link', 'Present to a class');
      await waitForScene(page, start.title);
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-present')), true, 'the page is in present mode');
      assertNotClipped(await picturesAgainstFrames(page), `${name}, present mode at 1280x800`);
      const presenter = await page.waitForWindow(() => page.press('n'));
      const now = (title) => presenter.waitFor((t) => document.querySelector('#presenter-heading')?.textContent === `Now: ${t}`,
        title, `the presenter window shows "${title}"`);
      await now(start.title);
      await page.focus();
      await page.press('PageDown');
      await waitForScene(page, second.title);
      await now(second.title);
    });

    for (const viewport of [PHONE, LAPTOP]) {
      await journey(`no sideways scroll, no clipped picture and bubbles in place at ${viewport.width}x${viewport.height}`, async (t) => {
        const page = await engine.open(t, viewport);
        await page.goto(server.url);
        await page.waitFor(() => document.querySelector('.story-card-link') !== null, undefined, 'the library is shown');
        await assertNoSidewaysScroll(page, 'the library');
        await page.click('link', entry.title);
        await page.waitFor(() => document.activeElement?.id === 'intro-heading', undefined, 'the story\'s start screen has focus');
        await assertNoSidewaysScroll(page, 'the story\'s start screen');
        await page.click('link', 'Start the story');
        await waitForScene(page, start.title);
        await assertNoSidewaysScroll(page, 'the first scene');
        const frames = await picturesAgainstFrames(page);
        mkdirSync(SHOTS, { recursive: true });
        writeFileSync(join(SHOTS, `${name}-${viewport.width}x${viewport.height}.png`), await page.screenshot());
        assertNotClipped(frames, `${name} at ${viewport.width}x${viewport.height}`);
        await assertBubblesPlaced(page, `${name} at ${viewport.width}x${viewport.height}`);
      });
    }

    // Every file once per page load (issue #18): the library's, and a reload at a scene's address. WebKit does not
    // hand a <link rel="preload" as="fetch"> response to a later fetch(), so the loader fetches the wasm itself. Moves inside the app are left out: Chromium asks for the page's icon again
    // at every change of address, which is the browser's own doing and not a page load.
    await journey('every file is requested once per page load', async (t) => {
      const page = await engine.open(t, PHONE);
      let from = server.requests.length;
      await page.goto(server.url);
      await page.waitFor(() => {
        const covers = [...document.querySelectorAll('.story-card img')];
        return covers.length > 0 && covers.every((img) => img.complete);
      }, undefined, 'the library and its covers are shown');
      const libraryLoad = await requestsOnceSettled(server, from);
      await page.click('link', entry.title);
      await page.click('link', 'Start the story');
      await waitForScene(page, start.title);
      from = server.requests.length;
      await page.reload();
      await waitForScene(page, start.title);
      await picturesAgainstFrames(page);
      const sceneLoad = await requestsOnceSettled(server, from);
      assert.ok(libraryLoad.some((path) => path.endsWith('.wasm')), `the library's load downloads the app: ${libraryLoad}`);
      assert.ok(sceneLoad.some((path) => path.endsWith('.wasm')), `the reload downloads the app again: ${sceneLoad}`);
      assert.deepEqual({ library: downloadedTwice(libraryLoad), scene: downloadedTwice(sceneLoad) }, { library: [], scene: [] },
        `files downloaded twice in one page load; the library's load: ${libraryLoad.join(' ')}; a reload at a scene: ${sceneLoad.join(' ')}`);
    });
  });
}
