// Pseudo-languages made from the English message file, for the tests only: they are never written into dist/, so
// no reader is shown one. A test answers the player's request for `assets/messages/TAG.list.json` with one of them
// (see languages.test.mjs), after picking TAG for the tab as the language switch would. The player downloads each
// language as the build writes it, a list of texts by slot (src/ui/messages.rs), so a pseudo-language is made from
// the built English list, `dist/assets/messages/en-GB.list.json`, text by text, and needs no key.
//
// - en-XA: every letter accented and every text about 40% longer, in brackets ("[Ŝţåŕţ ţĥé šţöŕý ôñé ţŵö]"), so a
//   word still in plain English was never taken from the messages, and a layout that cannot take longer words shows.
// - ar-XB: the same words, right to left (`@direction: rtl`), so the page is drawn with `dir="rtl"` and a layout
//   that assumes left and right shows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const FILLER = ['ôñé', 'ţŵö', 'ţĥŕéé', 'ƒöûŕ', 'ƒîṽé', 'šîẋ', 'šéṽéñ', 'éîĝĥţ'];
const accentedLetters = [...ACCENTED];

function accent(text) {
  return [...text].map((c) => {
    const at = PLAIN.indexOf(c);
    return at < 0 ? c : accentedLetters[at];
  }).join('');
}

/// One English text made pseudo: `{name}` places kept as they are, everything else accented, padded by about 40%,
/// in brackets; spaces at either end stay outside them, as the texts are joined to others there.
export function pseudoText(text, { rtl = false } = {}) {
  const [, lead, body, trail] = text.match(/^(\s*)(.*?)(\s*)$/s);
  if (body === '') return text;
  const words = body.split(/(\{[a-z]+\})/).map((part, i) => (i % 2 ? part : accent(part))).join('');
  const count = Math.max(1, Math.ceil((body.length * 0.4) / 6));
  const extra = Array.from({ length: count }, (_, i) => FILLER[i % FILLER.length]);
  const padded = `[${words} ${extra.join(' ')}]`;
  // A right-to-left mark at each end: the brackets and padding then sit as they would in an RTL language.
  return lead + (rtl ? `\u200F${padded}\u200F` : padded) + trail;
}

export function englishMessages() {
  return JSON.parse(readFileSync(join(ROOT, 'assets', 'messages', 'en-GB.json'), 'utf8'));
}

/// The message list of pseudo-language `tag` made from the built English one: its language and direction in the
/// first two slots, as in every list, then each English text made pseudo (`null`, where English has none, stays).
export function pseudoLocale(tag, { rtl = false } = {}) {
  const english = JSON.parse(readFileSync(join(ROOT, 'dist', 'assets', 'messages', 'en-GB.list.json'), 'utf8'));
  const [language, direction, ...texts] = english;
  assert.deepEqual([language, direction], ['en-GB', 'ltr'], "the built English list starts with its language and direction");
  return [tag, rtl ? 'rtl' : 'ltr', ...texts.map((text) => (text === null ? null : pseudoText(text, { rtl })))];
}

/// Every word of three letters or more in the English messages, in lower case (the `{name}` places left out): one
/// of these in plain ASCII on a pseudo-language's screen is a word the player did not take from its messages.
export function englishWords() {
  const words = new Set();
  for (const [key, text] of Object.entries(englishMessages())) {
    if (key.startsWith('@')) continue;
    for (const word of text.replace(/\{[a-z]+\}/g, ' ').match(/[A-Za-z]{3,}/g) ?? []) words.add(word.toLowerCase());
  }
  return words;
}
