// The byte budget for the app's own code: wasm + JS + CSS, brotli-compressed.
//
// The product bar (issue "The player") is 150 KB (153,600 bytes). The player measured about 167.5 KB after
// replacing yew-router with a small hash router, the talc allocator and extra wasm-opt passes. Classroom mode
// added about 23 KB; moving the presenter view and the lesson pack to the teacher's own page (a second wasm)
// took about 13 KB of that back out of what readers download. The Yew runtime with the components' views and
// serde_json's deserialisers are most of the rest (see scripts/report). The bar is not met: this test guards
// against growth at 185 KB, and prints the gap rather than hiding it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { DIST } from './browser.mjs';

const BUDGET = 185 * 1024;
const PRODUCT_BAR = 150 * 1024;

test('app code (wasm + JS + CSS) stays within its brotli budget', () => {
  // What the player's page loads: the files `index.html` links (loader, bindings, wasm, stylesheet). The teacher's
  // page and the offline service worker it registers are not among them (see src/ui/teacher.rs).
  const page = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...page.matchAll(/(?:href|src)="\.\/([^"]+\.(?:wasm|js|css))"/g)].map((m) => m[1]);
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'dist/ holds a release build');
  const sizes = files.map((f) => {
    const body = readFileSync(join(DIST, f));
    return [f, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  });
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  if (total > PRODUCT_BAR) console.log(`# app code is ${total} bytes brotli; the product bar is ${PRODUCT_BAR}`);
  assert.ok(total <= BUDGET, `brotli total ${total} bytes is over ${BUDGET}: ${JSON.stringify(sizes)}`);
});
