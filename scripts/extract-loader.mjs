// Trunk post-build hook: moves trunk's inline module script (the wasm loader) into its own hashed file, so the
// built app runs under `script-src 'self'` with no 'unsafe-inline' and no hashes to keep in step.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) throw new Error('no inline module script found in index.html: has trunk changed its loader?');
const body = found[1].trim() + '\n';
const hash = createHash('sha384').update(body).digest('base64');
const name = `loader-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), body);
writeFileSync(page, html.replace(inline, `<script type="module" src="./${name}" integrity="sha384-${hash}"></script>`));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(readFileSync(page, 'utf8'))) throw new Error('an inline script is still in index.html');

// Then the service worker for offline lessons (registered by src/ui/offline.rs), which must list the loader.
await import('./service-worker.mjs');
