// The README's first command, as a new user runs it: `scripts/serve` builds the player and serves it on
// localhost, and the library shows the shipped stories. It serves from an empty folder of its own, as on a fresh
// clone, so an earlier build in dist/ can neither hide a failed one nor be overwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, ROOT } from './e2e/browser.mjs';

const PORT = process.env.SERVE_TEST_PORT ?? '8181';
const url = `http://127.0.0.1:${PORT}/`;

async function waitUntilServed(server, log) {
  for (let waited = 0; waited < 600; waited += 2) {
    if (server.exitCode !== null) throw new Error(`scripts/serve stopped:\n${log.join('')}`);
    // A failed build leaves trunk serving nothing but 404s, so its error ends the wait at once.
    if (/ERROR .*error/.test(log.join(''))) throw new Error(`the build failed:\n${log.join('')}`);
    const page = await fetch(url).then((r) => (r.ok ? r.text() : null), () => null);
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error(`scripts/serve did not answer in 10 minutes:\n${log.join('')}`);
}

test('scripts/serve builds and serves the player with the shipped stories', { timeout: 660_000 }, async () => {
  const dist = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const server = spawn(join(ROOT, 'scripts', 'serve'), ['--dist', dist], { env: { ...process.env, PORT }, detached: true });
  const log = [];
  server.stdout.on('data', (chunk) => log.push(String(chunk)));
  server.stderr.on('data', (chunk) => log.push(String(chunk)));
  const browser = await launch();
  try {
    const html = await waitUntilServed(server, log);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script, as the Content Security Policy asks');
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url + '#/');
    await page.waitForSelector('.story-card-link', { timeout: 30_000 });
    const shipped = JSON.parse(readFileSync(join(ROOT, 'stories', 'library', 'index.json'), 'utf8')).stories;
    assert.equal(await page.locator('.story-card-link').count(), shipped.length);
    await page.goto(url + 'teacher.html#/embed');
    await page.waitForSelector('h1', { timeout: 30_000 });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    // The whole process group: scripts/serve execs trunk, which runs cargo and node hooks of its own.
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already stopped */ }
    rmSync(dist, { recursive: true, force: true });
  }
});
