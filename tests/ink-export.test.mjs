// scripts/ink-export, the plain ink web player that scripts/report measures beside ours: the flagship story is
// exported, and its compiled ink is played in Node with the inkjs runtime through every choice, in step with the
// story file, so the comparison is with the same story and not a shorter or different one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Story } from 'inkjs';
import { compileInk, inkText } from '../scripts/ink-export';

const ROOT = new URL('..', import.meta.url).pathname;
const FLAGSHIP = join(ROOT, 'stories/sharing-an-image.json');
const story = JSON.parse(readFileSync(FLAGSHIP, 'utf8'));
const help = JSON.parse(readFileSync(join(ROOT, 'stories/help/services-uk.json'), 'utf8'));
const scenes = new Map(story.scenes.map((scene) => [scene.id, scene]));
// No path through the flagship comes near this; a converter bug that loops would.
const MAX_STATES = 5000;

function exportTo(storyFile) {
  const out = mkdtempSync(join(tmpdir(), 'ink-web-'));
  const run = spawnSync(join(ROOT, 'scripts/ink-export'), [storyFile, '--out', out], { encoding: 'utf8' });
  return { out, run };
}

const words = (value) => value.replace(/\s+/g, ' ').trim();

/// Plays the story from where it is to the next choice or the end: the lines with their tags.
function playOn(ink) {
  const lines = [];
  while (ink.canContinue) {
    const line = ink.Continue().trim();
    lines.push({ line, tags: ink.currentTags });
  }
  return lines;
}

test('ink export: the flagship becomes one knot per scene, and every path plays as the story file says', (t) => {
  const { out, run } = exportTo(FLAGSHIP);
  t.after(() => rmSync(out, { recursive: true, force: true }));
  assert.equal(run.status, 0, `scripts/ink-export failed: ${run.stderr}`);
  for (const file of ['index.html', 'main.js', 'style.css', 'ink.js', 'story.js', 'story.ink']) {
    assert.ok(existsSync(join(out, file)), `the export has ${file}`);
  }
  for (const scene of story.scenes) {
    for (const panel of scene.panels ?? []) assert.ok(existsSync(join(out, panel.image)), `the export has ${panel.image}`);
  }
  assert.ok(!readFileSync(join(out, 'main.js'), 'utf8').includes('innerHTML'), 'the player sets story text only as text');

  const content = runInNewContext(`${readFileSync(join(out, 'story.js'), 'utf8')}; storyContent`);
  const named = content.root[content.root.length - 1];
  const knots = Object.keys(named).filter((name) => name !== 'global decl').sort();
  assert.deepEqual(knots, story.scenes.map((scene) => scene.id.replaceAll('-', '_')).sort(), 'one knot per scene, named after it');

  // The start: the title and the content note, then one way into the first scene.
  const first = new Story(content);
  const opening = playOn(first).map((l) => l.line);
  assert.deepEqual(opening, [story.title, `Content note: ${words(story.content_note)}`]);
  assert.deepEqual(first.currentChoices.map((c) => c.text), ['Start the story']);
  first.ChooseChoiceIndex(0);

  // Breadth first over (scene, flags), which is all the story file's state: each is played once, in ink, and
  // compared with what the story file says that scene shows and offers with those flags.
  const queue = [{ scene: story.start, flags: { ...story.flags }, state: first.state.ToJson() }];
  const seen = new Set();
  const reachedScenes = new Set();
  const reachedEndings = new Set();
  while (queue.length) {
    assert.ok(seen.size < MAX_STATES, `more than ${MAX_STATES} states: the export loops`);
    const { scene: id, flags, state } = queue.shift();
    const key = `${id} ${JSON.stringify(flags)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reachedScenes.add(id);
    const scene = scenes.get(id);
    const ink = new Story(content);
    ink.state.LoadJson(state);
    const lines = playOn(ink);
    const shown = lines.map((l) => l.line);
    const at = `scene ${id} with ${JSON.stringify(flags)}`;
    assert.equal(shown[0], scene.title, `${at}: the passage starts with the scene's title`);
    const images = lines.flatMap((l) => l.tags.filter((tag) => tag.startsWith('IMAGE:')).map((tag) => tag.slice(6).trim()));
    assert.deepEqual(images, (scene.panels ?? []).map((p) => p.image), `${at}: one image per panel, in order`);
    const alts = lines.flatMap((l) => l.tags.filter((tag) => tag.startsWith('ALT:')).map((tag) => tag.slice(4).trim()));
    assert.deepEqual(alts, (scene.panels ?? []).map((p) => words(p.alt)), `${at}: each image has its alt text`);
    for (const bubble of (scene.panels ?? []).flatMap((p) => p.bubbles ?? [])) {
      assert.ok(shown.some((line) => line.startsWith(bubble.speaker) && line.endsWith(`: ${words(bubble.text)}`)),
        `${at}: ${bubble.speaker}'s bubble "${bubble.text}" is a line`);
    }
    for (const paragraph of scene.text.split(/\n\s*\n/).filter((p) => p.trim())) {
      assert.ok(shown.includes(words(paragraph)), `${at}: the paragraph "${paragraph.slice(0, 40)}…" is a line as written`);
    }
    const offered = ink.currentChoices.map((c) => c.text);
    const next = scene.next;
    let ways = [];
    if (next.continue) {
      assert.deepEqual(offered, ['Continue'], `${at}: one way on`);
      ways = [{ to: next.continue, set: {} }];
    } else if (next.choices) {
      ways = next.choices.filter((c) => Object.entries(c.when ?? {}).every(([flag, value]) => flags[flag] === value));
      assert.deepEqual(offered, ways.map((c) => c.label), `${at}: the choices the story offers with these flags`);
    } else {
      const ending = next.ending;
      assert.deepEqual(offered, [], `${at}: an ending offers no choice`);
      assert.ok(!ink.canContinue, `${at}: the story ends`);
      assert.ok(shown.includes(words(ending.reflection)), `${at}: the ending's reflection is shown`);
      for (const serviceId of [...ending.help, ...help.for_adults.services]) {
        const service = help.services.find((s) => s.id === serviceId);
        const line = lines.find((l) => l.line.startsWith(`${service.name}: ${service.what_for}`));
        assert.ok(line, `${at}: help from ${service.name} is shown`);
        if (service.phone) assert.ok(line.line.includes(service.phone.display), `${at}: ${service.name}'s number is shown`);
        assert.ok(line.tags.includes(`LINK: ${service.links[0].url}`), `${at}: ${service.name} links to its page`);
      }
      assert.ok(shown.includes(help.for_adults.heading), `${at}: the help for adults is shown`);
      reachedEndings.add(id);
    }
    ways.forEach((way, index) => {
      const after = new Story(content);
      after.state.LoadJson(ink.state.ToJson());
      after.ChooseChoiceIndex(index);
      queue.push({ scene: way.to, flags: { ...flags, ...(way.set ?? {}) }, state: after.state.ToJson() });
    });
  }
  const endings = story.scenes.filter((scene) => scene.next.ending).map((scene) => scene.id);
  assert.deepEqual([...reachedEndings].sort(), endings.sort(), 'every ending is reached in ink');
  assert.equal(reachedScenes.size, story.scenes.length, 'every scene is reached in ink');
  // The flag matters: Riley's second try offers a different choice once Sam has asked Jordan.
  assert.ok(seen.has('riley-again {"asked_jordan":true}') && seen.has('riley-again {"asked_jordan":false}'));
});

test('ink export: text keeps every character ink would otherwise read as ink', () => {
  const line = 'A *b* {c} [d] #e | f ~ g - h + i = j <k> // l /* m */ -> n <> o \\ p ^q: "r" \'s\' 😊 — end';
  const ink = new Story(compileInk(`${inkText(line)}\n${inkText('TODO: not a note')}\n-> END\n`));
  assert.deepEqual(playOn(ink).map((l) => l.line), [line, 'TODO: not a note']);
});

test('ink export: a field the export does not know stops it with where it is, and writes nothing', (t) => {
  const { out, run } = exportTo(join(ROOT, 'tests/fixtures/ink-export/scene-with-a-timer.json'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  assert.equal(run.status, 1, 'the export fails');
  assert.match(run.stderr, /scenes\[0\]: "timer" is not something this export knows how to convert/);
  assert.ok(!existsSync(join(out, 'story.js')), 'no story is written');
});
