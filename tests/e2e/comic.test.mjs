// The comic layout of issue #15 (the view is src/ui/reader/panel_view.rs, its rules assets/style.css): a scene's
// panels as a strip, bubbles with a place drawn on the art where the panel is at least 572px wide (1,143px in
// present mode), else flowing under the picture; text of 16px or more (32px in present mode); the alt text read
// before the bubbles; raster art with copies in several widths. The shipped stories are checked page by page as
// prerendered (no script: the first paint must already be laid out); a fixture story with every kind of bubble
// placed, and an artist's PNG with copies, is added to a copy of dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIST, PHONE, PROJECTOR, ROOT, browserAndServer, expectNoAxeViolations, openPage, shippedStories,
} from './browser.mjs';
import { serve } from './server.mjs';

const run = browserAndServer();
const WIDTHS = [320, 360, 768, 1280, 1920];
const viewportOf = (width) => (width === 360 ? PHONE : width === 1920 ? PROJECTOR : { width, height: 800 });
const FIXTURE = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/comic/comic-story.json'), 'utf8'));
const READER = { threshold: 572, smallest: 16 };
const PRESENT = { threshold: 1143, smallest: 32 };

/// A copy of dist/ with the fixture story in its library and its art under assets/comic-fixture/.
let fixture;
let folder;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'comic-fixture-'));
  cpSync(DIST, folder, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/comic/art'), join(folder, 'assets/comic-fixture'), { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/comic/comic-story.json'), join(folder, 'stories/comic-fixture.json'));
  const indexFile = join(folder, 'stories/library/index.json');
  const index = JSON.parse(readFileSync(indexFile, 'utf8'));
  const { id, title, summary, language, age, minutes } = FIXTURE;
  const cover = { image: 'assets/comic-fixture/phone.png', alt: 'A phone on a hill.' };
  index.stories.push({ id, file: 'stories/comic-fixture.json', title, summary, language, age, minutes, topics: ['Tests'], cover });
  writeFileSync(indexFile, JSON.stringify(index));
});
before(async () => { fixture = await serve(folder); });
after(async () => {
  await fixture?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/// Every panel on the page as the reader sees it: its frame, and each bubble's box, whether it is on the art, its
/// text's and visible label's sizes, and the reading order (the picture's alt, then each bubble's text).
function measurePanels(page) {
  return page.evaluate(() => [...document.querySelectorAll('.panel')].map((panel) => {
    const box = (element) => {
      const r = element.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    const size = (element) => parseFloat(getComputedStyle(element).fontSize);
    const tails = panel.querySelector('.tails');
    return {
      frame: box(panel.querySelector('.picture-frame')),
      tailsShown: tails ? getComputedStyle(tails).display !== 'none' : false,
      order: [...panel.querySelectorAll('img, .picture-missing, .bubble-text')]
        .map((e) => (e.tagName === 'IMG' ? e.alt : e.getAttribute('aria-label') ?? e.textContent)),
      bubbles: [...panel.querySelectorAll('.bubble')].map((bubble) => {
        const label = bubble.querySelector('.bubble-speaker:not(.visually-hidden)');
        return {
          text: bubble.querySelector('.bubble-text').textContent,
          onArt: getComputedStyle(bubble).position === 'absolute',
          box: box(bubble),
          textSize: size(bubble.querySelector('.bubble-text')),
          labelSize: label ? size(label.firstChild.parentElement) : null,
        };
      }),
    };
  }));
}

const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/// Checks the panels measured on a page against the scene's panels in the story file, in a mode (`READER` or
/// `PRESENT`): the reading order; a bubble with a place is on the art exactly where the panel is wide enough, at the
/// place the contract gives (within 2px), inside its panel and clear of the others; every text at least the mode's
/// smallest size; tails shown only with bubbles on the art that have a tail.
function checkPanels(measured, panels, mode, what) {
  assert.equal(measured.length, panels.length, `${what}: one panel drawn for each in the story file`);
  measured.forEach((panel, i) => {
    const story = panels[i];
    const where = `${what}, panel ${i + 1} (${Math.round(panel.frame.width)}px wide)`;
    const bubbles = story.bubbles ?? [];
    assert.deepEqual(panel.order, [story.alt, ...bubbles.map((b) => b.text)], `${where}: the alt text, then the bubbles in file order`);
    const wide = panel.frame.width >= mode.threshold;
    const { frame } = panel;
    panel.bubbles.forEach((bubble, j) => {
      const { at } = bubbles[j];
      const name = `${where}, bubble "${bubble.text}"`;
      assert.equal(bubble.onArt, Boolean(at) && wide, `${name}: ${at && wide ? 'on the art' : 'flows under the picture'}`);
      assert.ok(bubble.textSize >= mode.smallest, `${name}: text is ${bubble.textSize}px, at least ${mode.smallest}px`);
      if (bubble.labelSize !== null) {
        assert.ok(bubble.labelSize >= mode.smallest, `${name}: the speaker's name is ${bubble.labelSize}px, at least ${mode.smallest}px`);
      }
      const { box } = bubble;
      if (!bubble.onArt) {
        const under = box.top >= frame.bottom - 1 && box.left >= frame.left - 1 && box.right <= frame.right + 1;
        assert.ok(under, `${name}: under its picture, as wide as it at most (${JSON.stringify(box)} under ${JSON.stringify(frame)})`);
        const previous = panel.bubbles[j - 1];
        if (previous && !previous.onArt) assert.ok(box.top >= previous.box.bottom - 0.5, `${name}: after "${previous.text}", not over it`);
        return;
      }
      const x = frame.left + (at.x / 100) * frame.width;
      const y = frame.top + (at.y / 100) * frame.height;
      const [edgeX, sideX] = at.x <= 50 ? [box.left, 'left'] : [box.right, 'right'];
      const [edgeY, sideY] = at.y <= 50 ? [box.top, 'top'] : [box.bottom, 'bottom'];
      assert.ok(Math.abs(edgeX - x) <= 2, `${name}: its ${sideX} edge is at ${at.x}% (${edgeX} for ${x})`);
      assert.ok(Math.abs(edgeY - y) <= 2, `${name}: its ${sideY} edge is at ${at.y}% (${edgeY} for ${y})`);
      const inside = box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
      assert.ok(inside, `${name}: inside its panel (${JSON.stringify(box)} in ${JSON.stringify(frame)})`);
      panel.bubbles.slice(j + 1).filter((other) => other.onArt).forEach((other) => {
        assert.ok(!overlap(box, other.box), `${name}: clear of "${other.text}" (${JSON.stringify(box)}, ${JSON.stringify(other.box)})`);
      });
    });
    // A bubble with a place but no tail (a voice on the phone, someone not drawn) is on the art with nothing to point at.
    const pointing = panel.bubbles.some((b, j) => b.onArt && bubbles[j].tail);
    assert.equal(panel.tailsShown, pointing, `${where}: tails are drawn only with bubbles on the art that have one`);
  });
}

/// The page of a scene of a shipped story, as prerendered: at `story/ID/SCENE/` when the scene is reachable with the
/// story's starting flags, else at the first of its other flag states.
function scenePage(storyId, sceneId) {
  const folderOf = join(DIST, 'story', storyId, sceneId);
  if (existsSync(join(folderOf, 'index.html'))) return `story/${storyId}/${sceneId}/`;
  const flags = readdirSync(folderOf).find((name) => existsSync(join(folderOf, name, 'index.html')));
  return `story/${storyId}/${sceneId}/${flags}/`;
}

async function openFixtureScene(t, sceneId, options = {}) {
  const opened = await openPage(t, run.browser, fixture, options);
  await opened.page.goto(`${fixture.url}${options.present ? 'teacher.html#/present' : '#/story'}/${FIXTURE.id}/${sceneId}`);
  const scene = FIXTURE.scenes.find((s) => s.id === sceneId);
  await opened.page.waitForFunction((title) => document.querySelector('#scene-heading')?.textContent === title, scene.title);
  await opened.page.waitForFunction(() => [...document.images].every((img) => img.complete));
  return { ...opened, scene };
}

for (const { entry, story } of shippedStories()) {
  test(`"${entry.title}": every scene with bubbles, as prerendered, at ${WIDTHS.join(', ')}px: reading order, places on the art, text of 16px or more`, async (t) => {
    const { page } = await openPage(t, run.browser, run.server, { javaScriptEnabled: false });
    for (const scene of story.scenes.filter((s) => (s.panels ?? []).some((p) => p.bubbles?.length))) {
      await page.goto(run.server.url + scenePage(entry.id, scene.id));
      for (const width of WIDTHS) {
        await page.setViewportSize(viewportOf(width));
        checkPanels(await measurePanels(page), scene.panels, READER, `${entry.id}/${scene.id} at ${width}px`);
      }
    }
  });
}

test('present mode at 1080p: every shipped scene with bubbles shows them at 32px or more, on the art where they have a place', async (t) => {
  const { page } = await openPage(t, run.browser, run.server, { viewport: PROJECTOR });
  for (const { entry, story } of shippedStories()) {
    for (const scene of story.scenes.filter((s) => (s.panels ?? []).some((p) => p.bubbles?.length))) {
      await page.goto(`${run.server.url}teacher.html#/present/${entry.id}/${scene.id}`);
      await page.waitForFunction((title) => document.querySelector('#scene-heading')?.textContent === title, scene.title);
      checkPanels(await measurePanels(page), scene.panels, PRESENT, `present ${entry.id}/${scene.id}`);
    }
  }
});

for (const width of WIDTHS) {
  test(`the fixture's bubbles of every kind at ${width}px: ${width >= 768 ? 'on the art, in place, clear of each other' : 'under the picture in reading order'}`, async (t) => {
    for (const sceneId of ['strip', 'raster']) {
      const { page, scene, errors } = await openFixtureScene(t, sceneId, { viewport: viewportOf(width) });
      const measured = await measurePanels(page);
      checkPanels(measured, scene.panels, READER, `${sceneId} at ${width}px`);
      const onArt = measured.flatMap((p) => p.bubbles).filter((b) => b.onArt).length;
      if (width >= 768) assert.ok(onArt > 0, `${sceneId} at ${width}px: bubbles are on the art`);
      else assert.equal(onArt, 0, `${sceneId} at ${width}px: no bubble is on the art of a narrow panel`);
      assert.deepEqual(errors, []);
    }
  });
}

test('the fixture\'s strip: two panels side by side at 1280px, one under the other on a phone', async (t) => {
  for (const [viewport, sideBySide] of [[{ width: 1280, height: 800 }, true], [PHONE, false]]) {
    const { page } = await openFixtureScene(t, 'strip', { viewport });
    const [first, second] = (await measurePanels(page)).map((p) => p.frame);
    assert.equal(Math.abs(first.top - second.top) < 1, sideBySide, `at ${viewport.width}px: ${JSON.stringify([first, second])}`);
    for (const frame of [first, second]) {
      assert.ok(Math.abs(frame.height - (frame.width * 5) / 8) <= 1, `each frame is 8:5 (${frame.width}x${frame.height})`);
    }
  }
});

test('present mode at 1080p: the fixture\'s lone panel is wide enough for its bubble on the art, at 32px or more', async (t) => {
  const { page, scene } = await openFixtureScene(t, 'raster', { viewport: PROJECTOR, present: true });
  const measured = await measurePanels(page);
  checkPanels(measured, scene.panels, PRESENT, 'present raster');
  assert.ok(measured[0].bubbles[0].onArt, 'the bubble with a place is on the art');
  await expectNoAxeViolations(page, t, 'present mode with a bubble on the art');
});

for (const width of [360, 1280]) {
  test(`axe finds nothing on the fixture's strip at ${width}px, and screen readers hear the alt text, then who says what`, async (t) => {
    const { page } = await openFixtureScene(t, 'strip', { viewport: viewportOf(width) });
    await expectNoAxeViolations(page, t, `the comic strip at ${width}px`);
    const heard = await page.locator('.panel').first().ariaSnapshot();
    const [alt, caption, says] = [FIXTURE.scenes[0].panels[0].alt, 'Narrator tells: Monday, after school.', 'Ayo says: One more level'];
    assert.ok(heard.indexOf(alt) >= 0 && heard.indexOf(alt) < heard.indexOf(caption), `the alt text comes first:\n${heard}`);
    assert.ok(heard.indexOf(caption) < heard.indexOf(says), `then the bubbles in order, each with who speaks:\n${heard}`);
    assert.ok(!/tails|polygon/.test(heard), `the tails are not read:\n${heard}`);
  });
}

for (const [viewport, copy] of [[PHONE, 480], [PROJECTOR, 1600]]) {
  test(`an artist's PNG with copies at ${viewport.width}px: srcset and sizes, the ${copy}px copy drawn, its frame never moves, alt read first`, async (t) => {
    const { context, page } = await openPage(t, run.browser, fixture, { viewport });
    // The pictures are held back until the frame has been measured, so a frame that waited for its picture to know
    // its height would be seen to move.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route(/comic-fixture\/phone[^/]*\.png$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${fixture.url}#/story/${FIXTURE.id}/raster`);
    const img = page.locator('.panel img');
    await img.waitFor();
    const frameBefore = await page.locator('.picture-frame').boundingBox();
    const bubbleBefore = await page.locator('.bubble').first().boundingBox();
    release();
    await page.waitForFunction(() => { const i = document.querySelector('.panel img'); return i.complete && i.naturalWidth > 0; });
    assert.deepEqual(await page.locator('.picture-frame').boundingBox(), frameBefore, 'the frame keeps its place and size');
    assert.deepEqual(await page.locator('.bubble').first().boundingBox(), bubbleBefore, 'the bubble keeps its place');
    const srcset = await img.getAttribute('srcset');
    assert.deepEqual(srcset.split(', ').map((c) => c.split(' ')[1]), ['480w', '960w', '1600w'], `srcset lists the copies: ${srcset}`);
    assert.ok(await img.getAttribute('sizes'), 'sizes says how wide the picture is drawn');
    assert.deepEqual([await img.getAttribute('width'), await img.getAttribute('height')], ['800', '500'], 'width and height keep 8:5');
    const drawn = await img.evaluate((i) => i.currentSrc);
    assert.match(drawn, new RegExp(`/assets/comic-fixture/phone-${copy}\\.png$`), `the browser picks the ${copy}px copy`);
    const heard = await page.locator('.panel').ariaSnapshot();
    const { alt } = FIXTURE.scenes[1].panels[0];
    assert.ok(heard.indexOf(alt) >= 0 && heard.indexOf(alt) < heard.indexOf('Bea says:'), `the alt text is read first:\n${heard}`);
  });
}

test('forced colours: bubbles on the art keep their borders, and their tails take the same system colours', async (t) => {
  const { page } = await openFixtureScene(t, 'strip', { viewport: { width: 1280, height: 800 }, forcedColors: 'active' });
  const looks = await page.evaluate(() => [...document.querySelectorAll('.panel')].map((panel) => ({
    bubbles: [...panel.querySelectorAll('.bubble.on-art:not(.is-caption)')].map((b) => {
      // A shout on the art is drawn by its ::before (the ink of its spiky outline) and ::after (its fill).
      const shout = b.classList.contains('is-shout');
      const style = getComputedStyle(b);
      const [fill, outline] = shout ? [getComputedStyle(b, '::after'), getComputedStyle(b, '::before')] : [style, style];
      return {
        background: fill.backgroundColor, border: shout ? 'spiky' : style.borderTopStyle,
        borderColor: shout ? outline.backgroundColor : style.borderTopColor,
      };
    }),
    tails: [...panel.querySelectorAll('.tail')].map((tail) => ({ fill: getComputedStyle(tail).fill, stroke: getComputedStyle(tail).stroke })),
  })));
  for (const { bubbles, tails } of looks) {
    assert.ok(bubbles.length > 0 && tails.length > 0, 'the fixture has bubbles with tails on the art');
    for (const bubble of bubbles) {
      assert.notEqual(bubble.border, 'none', 'a bubble keeps its border');
      for (const tail of tails) {
        assert.equal(tail.fill, bubble.background, 'a tail is filled like its bubble');
        assert.equal(tail.stroke, bubble.borderColor, 'and outlined like it');
      }
    }
  }
});
