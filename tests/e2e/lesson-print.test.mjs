// The lesson pack on paper: laid out in print media at the width of A4 and of US Letter, nothing overlaps and every
// scene is there; Chromium's own PDF of each shipped story's pack has a page count in the stated range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, browserAndServer, openPage, shippedStories } from './browser.mjs';

const run = browserAndServer();

// The printable width of each paper size at 96 CSS px per inch, less the page margins set in assets/teacher.css
// (@page: 12 mm left and right).
const MM = 96 / 25.4;
const PAPER = {
  A4: { width: Math.floor((210 - 24) * MM), height: Math.floor((297 - 33) * MM), pdf: 'A4' },
  Letter: { width: Math.floor((215.9 - 24) * MM), height: Math.floor((279.4 - 33) * MM), pdf: 'Letter' },
};

// Pages a pack may take on either paper, from its number of scenes: at least the cover, the teacher's introduction,
// the drawn map and its list, then three scenes a page at the most; at most those pages and the help on up to four
// more, then a page a scene (a scene that needed more than a page would be split, and a scene must never be).
function pageRange(story) {
  const scenes = story.scenes.length;
  return [4 + Math.ceil(scenes / 3), 8 + scenes];
}

/// The lesson pack on `paper`, laid out for print, in a page closed after the test `t`.
async function openPack(t, id, paper) {
  const opened = await openPage(t, run.browser, run.server, { viewport: { width: paper.width, height: paper.height } });
  await opened.page.goto(`${run.server.url}teacher.html#/lesson/${id}`);
  await opened.page.locator('.lesson-scene').first().waitFor();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('.lesson img')].every((img) => img.complete && img.naturalWidth > 0));
  await opened.page.emulateMedia({ media: 'print' });
  return opened;
}

/// Every box of visible text (one per line of each text node) and every picture, as laid out now.
function layoutBoxes(page) {
  return page.evaluate(() => {
    const inLesson = document.querySelector('.lesson');
    const texts = [];
    const walker = document.createTreeWalker(inLesson, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(), n = 0; node; node = walker.nextNode(), n += 1) {
      // Words only for screen readers (clipped to nothing) and the labels inside the drawn map are not boxes of
      // printed text.
      if (!node.textContent.trim() || node.parentElement.closest('svg, .visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width > 0 && r.height > 0) texts.push({ node: n, text: node.textContent.trim().slice(0, 40), x: r.x, y: r.y, w: r.width, h: r.height });
      }
    }
    const pictures = [...inLesson.querySelectorAll('img, svg')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height }));
    return { texts, pictures, width: document.documentElement.scrollWidth };
  });
}

/// How far two boxes overlap, in CSS px each way; 1 px is allowed for rounding and for lines that touch.
function overlaps(a, b) {
  const across = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const down = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return across > 1 && down > 1;
}

for (const { entry, story } of shippedStories()) {
  for (const [name, paper] of Object.entries(PAPER)) {
    test(`the lesson pack of "${story.title}" laid out for ${name} paper: no text on a picture or on other text, every scene there`, async (t) => {
      const { page, errors } = await openPack(t, entry.id, paper);
      const { texts, pictures, width } = await layoutBoxes(page);
      assert.ok(width <= paper.width + 1, `the pack fits the ${name} page width (${width}px, page ${paper.width}px)`);
      const onPictures = texts.filter((t) => pictures.some((p) => overlaps(t, p)));
      assert.deepEqual(onPictures.map((t) => t.text), [], 'no text is drawn over a picture');
      const onText = [];
      for (let i = 0; i < texts.length; i += 1) {
        for (let j = i + 1; j < texts.length; j += 1) {
          if (texts[i].node !== texts[j].node && overlaps(texts[i], texts[j])) onText.push(`${texts[i].text} / ${texts[j].text}`);
        }
      }
      assert.deepEqual(onText, [], 'no text is drawn over other text');
      const printed = await page.locator('.lesson-scene h3').allTextContents();
      for (const scene of story.scenes) {
        assert.ok(printed.some((h) => h.endsWith(scene.title)), `scene "${scene.title}" is in the printed pack: ${printed}`);
      }
      const cover = await page.locator('.lesson-cover').innerText();
      const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
      const readers = story.audience === 'parents_carers' ? 'For parents and carers' : `For ages ${story.age.min} to ${story.age.max}`;
      assert.match(cover, new RegExp(`${readers}\\. About ${story.minutes} minutes`));
      assertIncludes(cover, `Printed on ${today}.`, 'the cover says the date printed');
      const footer = await page.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules]).map((r) => r.cssText).join(' '));
      assert.ok(footer.includes(`Lesson pack: ${story.title}`) && footer.includes('counter(page)'),
        `each printed page's footer has the title and page number: ${footer}`);
      assert.deepEqual(errors, []);
    });
  }

  const [least, most] = pageRange(story);
  test(`the lesson pack of "${story.title}" as Chromium's PDF on A4 and Letter takes ${least} to ${most} pages`, async (t) => {
    for (const paper of Object.values(PAPER)) {
      const { page } = await openPack(t, entry.id, paper);
      const pdf = (await page.pdf({ format: paper.pdf, preferCSSPageSize: true })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
      assert.ok(pages >= least && pages <= most, `${paper.pdf}: ${pages} pages, expected ${least} to ${most}`);
    }
  });
}

test('a story for parents and carers has a pack for a session, not a lesson with pupils', async (t) => {
  for (const { entry, story } of shippedStories()) {
    const { page } = await openPack(t, entry.id, PAPER.A4);
    const cover = await page.locator('.lesson-cover').textContent();
    const headings = await page.locator('.lesson h2, .lesson h3').allTextContents();
    if (story.audience === 'parents_carers') {
      assertIncludes(cover, 'For parents and carers.', `${entry.id}: who the story is for`);
      for (const heading of ['Introduction for whoever runs the session', 'If someone tells you something']) {
        assert.ok(headings.includes(heading), `${entry.id}: "${heading}" among ${headings.join(' | ')}`);
      }
      assert.ok(!headings.some((h) => /pupil|Teacher introduction/.test(h)), `${entry.id}: no pupils in a parents' pack: ${headings.join(' | ')}`);
    } else {
      assertIncludes(cover, `For ages ${story.age.min} to ${story.age.max}.`, `${entry.id}: its ages`);
      assert.ok(headings.includes('Teacher introduction'), `${entry.id}: a teacher's pack: ${headings.join(' | ')}`);
    }
  }
});
