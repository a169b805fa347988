// Reading a story: the start screen, the controls around each scene and at an ending, and how the page adapts to
// the reader (a library of one, reduced motion, more contrast, the skip link, the order a screen reader reads in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertIncludes, browserAndServer, openPage, library, pathsToEveryEnding, shippedStories, waitForScene, walk,
} from './browser.mjs';

const run = browserAndServer();

const stories = shippedStories();

/// Plays `path` (as `pathsToEveryEnding` gives them) from the first scene by keyboard, and returns every scene
/// passed through with the label of the choice picked there, if any, and the scene it ends on.
async function play(page, story, path) {
  const passed = [];
  let at = story.scenes.find((s) => s.id === story.start);
  for (const { step, from, choice, to } of walk(story, path)) {
    passed.push({ scene: from, picked: choice?.label ?? null });
    if (step === 'continue') await page.getByRole('link', { name: 'Continue' }).press('Enter');
    else await page.keyboard.press(String(step));
    at = to;
    await waitForScene(page, at.title);
  }
  return { passed, at };
}

/// A new page at the first scene of a story, once the scene has focus, closed after the test `t`.
async function openAtStart(t, { entry, story }) {
  const opened = await openPage(t, run.browser, run.server);
  await opened.page.goto(`${run.server.url}#/story/${entry.id}/${story.start}`);
  await waitForScene(opened.page, story.scenes.find((s) => s.id === story.start).title);
  return opened;
}

/// The path to the first ending (as `pathsToEveryEnding` gives them) that passes at least one decision.
function pathToAnEndingAfterADecision(entry) {
  return pathsToEveryEnding(entry.file).find((path) => path.steps.some((step) => step.choice));
}

for (const { entry, story } of stories) {
  test(`"${entry.title}": at an ending, Try a different choice goes back to the last decision and Start again to the first scene`, async (t) => {
    const { page, errors } = await openAtStart(t, { entry, story });
    const path = pathToAnEndingAfterADecision(entry);
    const { passed } = await play(page, story, path);
    const lastDecision = passed.filter((p) => p.picked).at(-1).scene;
    await page.waitForSelector('.ending');
    assert.equal(await page.locator('.progress span').textContent(), 'The end');
    await page.getByRole('button', { name: 'Try a different choice' }).press('Enter');
    await waitForScene(page, lastDecision.title);
    assert.equal(await page.locator('.choices').isVisible(), true, 'the choices are offered again');
    assert.equal(new URL(page.url()).pathname, `/story/${entry.id}/${lastDecision.id}/`, 'the address follows');
    // Start again from the scene's own controls, back to the ending, then Start again from the ending.
    await page.locator('.scene-tools').getByRole('link', { name: 'Start again' }).press('Enter');
    await waitForScene(page, story.scenes.find((s) => s.id === story.start).title);
    await play(page, story, path);
    await page.getByRole('link', { name: 'Start again' }).first().press('Enter');
    await waitForScene(page, story.scenes.find((s) => s.id === story.start).title);
    assert.equal(await page.getByRole('button', { name: 'Back', exact: true }).isDisabled(), true, 'a fresh start has nothing to go back to');
    assert.deepEqual(errors, []);
  });
}

test('Back undoes one step, and The story so far lists every scene passed and each choice made', async (t) => {
  const { entry, story } = stories[0];
  const { page } = await openAtStart(t, stories[0]);
  const path = pathToAnEndingAfterADecision(entry);
  const upToDecision = { ...path, steps: path.steps.slice(0, path.steps.findIndex((step) => step.choice) + 1) };
  const { passed, at } = await play(page, story, upToDecision);

  await page.getByText('The story so far').click();
  const lines = await page.locator('.transcript li').allTextContents();
  assert.equal(lines.length, passed.length + 1, 'one line per scene, this one included');
  passed.forEach(({ scene, picked }, i) => {
    assertIncludes(lines[i], scene.title, `line ${i + 1} names the scene`);
    if (picked) assertIncludes(lines[i], `You chose: ${picked}`, `line ${i + 1} says what was chosen`);
  });
  assertIncludes(lines.at(-1), at.title, 'the last line names the scene the reader is on');

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await waitForScene(page, passed.at(-1).scene.title);
  assert.equal((await page.locator('.transcript li').allTextContents()).length, passed.length);
});

test('the start screen has the content note, the ages, the time, that you can stop, where help is, and Start', async (t) => {
  const { entry, story } = stories.at(-1);
  const { page } = await openPage(t, run.browser, run.server);
  await page.goto(`${run.server.url}#/story/${entry.id}`);
  await page.waitForSelector('.content-note');
  const note = await page.locator('.content-note').textContent();
  assertIncludes(note, story.content_note.slice(0, 30), 'the story\'s own content note');
  // A story for young people gives its ages; one for parents and carers says who it is for instead.
  const readers = story.audience === 'parents_carers' ? 'For parents and carers' : `For ages ${story.age.min} to ${story.age.max}`;
  assertIncludes(note, readers, 'who the story is for');
  assertIncludes(note, `About ${story.minutes} minutes`, 'the reading time');
  assert.match(note, /You can stop at any time/);
  assert.match(note, /Get help/);
  assert.equal(await page.locator('.intro-image').getAttribute('alt'), story.cover.alt);
  await page.getByRole('link', { name: 'Start the story' }).click();
  await waitForScene(page, story.scenes.find((s) => s.id === story.start).title);
});

test('a library of only one story still shows it, and one click opens it', async (t) => {
  const { page } = await openPage(t, run.browser, run.server);
  const index = library();
  index.stories = index.stories.slice(-1);
  await page.route('**/stories/library/index.json', (route) => route.fulfill({ json: index }));
  // The library as this site's index names it: the prerendered page shows the built library, so the old address
  // has the app draw it from the index it downloads.
  await page.goto(`${run.server.url}#/`);
  await page.waitForFunction(() => document.querySelectorAll('.story-card').length === 1);
  assert.equal(await page.locator('.story-card').count(), 1);
  await page.locator('.story-card-link').click();
  await page.waitForFunction(() => document.activeElement?.id === 'intro-heading');
  assert.equal(await page.locator('#intro-heading').textContent(), index.stories[0].title);
});

test('the skip link is the first tab stop, shows when focused, and moves focus to the story', async (t) => {
  const { page } = await openAtStart(t, stories[0]);
  const firstTabStop = await page.evaluate(() => [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex]')]
    .find((e) => e.tabIndex >= 0 && !e.disabled && !e.closest('[hidden]'))?.textContent);
  assert.equal(firstTabStop, 'Skip to the story');
  const inView = () => page.locator('.skip-link').evaluate((e) => e.getBoundingClientRect().bottom > 0);
  assert.equal(await inView(), false, 'it is out of sight until focused');
  await page.locator('.skip-link').focus();
  assert.equal(await inView(), true, 'it shows when focused');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('#main-content'));
});

test('a screen reader meets the picture description, then the panels, the narration, and the choices', async (t) => {
  const { entry, story } = stories.at(-1);
  const scene = story.scenes.find((s) => s.next.choices && s.panels.some((p) => p.bubbles?.length));
  const { page } = await openPage(t, run.browser, run.server);
  await page.goto(`${run.server.url}#/story/${entry.id}/${scene.id}`);
  await waitForScene(page, scene.title);
  const order = await page.evaluate(() => {
    const all = [...document.querySelectorAll('#scene-heading, .panels img, .bubble, .narration, .choices')];
    const kinds = [['#scene-heading', 'heading'], ['img', 'picture'], ['.bubble', 'bubble'], ['.narration', 'narration'], ['.choices', 'choices']];
    return all.map((e) => kinds.find(([selector]) => e.matches(selector))[1]);
  });
  const firstOf = (kind) => order.indexOf(kind);
  assert.ok(firstOf('heading') < firstOf('picture'), `the heading comes before the pictures: ${order}`);
  assert.ok(firstOf('picture') < firstOf('bubble'), `a picture comes before its bubbles: ${order}`);
  assert.ok(order.lastIndexOf('bubble') < firstOf('narration'), `every bubble comes before the narration: ${order}`);
  assert.ok(firstOf('narration') < firstOf('choices'), `the narration comes before the choices: ${order}`);
  assert.equal(await page.locator('.panels img').first().getAttribute('alt'), scene.panels[0].alt);
});

test('with reduced motion nothing moves, and with more contrast the lines get darker and thicker', async (t) => {
  const { entry, story } = stories[0];
  const scene = story.scenes.find((s) => s.next.choices);
  const styles = async (media) => {
    const { page } = await openPage(t, run.browser, run.server, media);
    await page.goto(`${run.server.url}#/story/${entry.id}/${scene.id}`);
    await waitForScene(page, scene.title);
    const seen = await page.evaluate(() => {
      const moving = [...document.querySelectorAll('*')].filter((e) => {
        const s = getComputedStyle(e);
        const seconds = (list) => list.split(',').some((d) => parseFloat(d) > 0);
        return seconds(s.transitionDuration) || (s.animationName !== 'none' && seconds(s.animationDuration));
      });
      const bubble = getComputedStyle(document.querySelector('.bubble'));
      return { moving: moving.length, bubbleBorder: parseFloat(bubble.borderTopWidth), smooth: getComputedStyle(document.documentElement).scrollBehavior };
    });
    return seen;
  };
  const usual = await styles({});
  const still = await styles({ reducedMotion: 'reduce' });
  const contrast = await styles({ contrast: 'more' });
  assert.ok(usual.moving > 0, 'buttons fade on hover by default');
  assert.equal(still.moving, 0, 'no transitions or animations with reduced motion');
  assert.notEqual(still.smooth, 'smooth');
  assert.ok(contrast.bubbleBorder > usual.bubbleBorder, `bubbles have thicker borders (${usual.bubbleBorder} -> ${contrast.bubbleBorder})`);
});

test('on a 320px wide phone no screen scrolls sideways', async (t) => {
  const { page } = await openPage(t, run.browser, run.server, { viewport: { width: 320, height: 640 } });
  for (const { entry, story } of stories) {
    const ending = story.scenes.find((s) => s.next.ending);
    const decision = story.scenes.find((s) => s.next.choices);
    for (const [hash, ready] of [
      ['#/', '.story-card-link'], [`#/story/${entry.id}`, '.content-note'], ['#/help', '.service'],
      [`#/story/${entry.id}/${decision.id}`, '.choices'], [`#/story/${entry.id}/${ending.id}`, '.ending'],
    ]) {
      await page.goto(run.server.url + hash);
      await page.waitForSelector(ready);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${hash} is ${width}px wide`);
    }
  }
});
