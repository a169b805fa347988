// Writes teacher.html from index.html, so the two pages cannot drift apart: the same head, fallback and Content
// Security Policy (which on the teacher's page alone also allows `blob:` pictures), with the teacher's binary (src/bin/teacher.rs) in place of the player's and assets/teacher.css
// after the player's stylesheet, and without the folders and files the player's build already copies.
//
// Each change names the exact text it replaces, and stops the build if that text is not in index.html exactly
// once: a line-matching edit that found nothing would ship a teacher's page that is the player, or unstyled.
// Run by scripts/teacher-page; tests/build-scripts.test.mjs checks it on the real index.html and on broken copies.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PLAYER_BIN = '<link data-trunk rel="rust" data-bin="safety-stories"';
const PLAYER_CSS = '<link data-trunk rel="css" href="assets/style.css">';
// The player's pictures come from its own site; the teacher's page also shows the pictures an author chooses from
// their own device in "Try your own story" (src/ui/authoring/), as `blob:` addresses only that tab can open.
const PLAYER_IMAGES = "img-src 'self' data:;";
const TEACHER_IMAGES = "img-src 'self' data: blob:;";
const COPY = /^[ \t]*<link data-trunk rel="copy-(?:dir|file)" [^>\n]*>\n/gm;

/// Replaces `token`, which must be in `html` exactly once, with `by`.
function replaceOnce(html, token, by) {
  const count = html.split(token).length - 1;
  if (count !== 1) throw new Error(`index.html has ${count} of \`${token}\`, expected exactly one: update scripts/teacher-html.mjs`);
  return html.replace(token, () => by);
}

export function teacherHtml(index) {
  let html = replaceOnce(index, PLAYER_BIN, '<link data-trunk rel="rust" data-bin="teacher"');
  html = replaceOnce(html, PLAYER_CSS, `${PLAYER_CSS}\n  <link data-trunk rel="css" href="assets/teacher.css">`);
  if (!html.match(COPY)) throw new Error('index.html has no copy-dir or copy-file link on a line of its own: update scripts/teacher-html.mjs');
  html = html.replace(COPY, '');
  if (html.includes('rel="copy-')) throw new Error('a copy-dir or copy-file link in index.html is not on a line of its own');
  html = replaceOnce(html, PLAYER_IMAGES, TEACHER_IMAGES);
  return html;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [from = 'index.html', to = 'teacher.html'] = process.argv.slice(2);
  writeFileSync(to, teacherHtml(readFileSync(from, 'utf8')));
}
