// Trunk post-build hook: writes sw.js (from scripts/service-worker.template.js) listing every built file, with
// a version that is a hash of all of them, so each deployment installs a fresh cache and drops the old one.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

function walk(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// The host page's resize script runs on other sites, not in the player.
const skip = new Set(['sw.js', 'assets/embed/embed.js']);
const files = walk(dir).map((path) => relative(dir, path).split(sep).join('/')).filter((file) => !skip.has(file)).sort();
const version = createHash('sha256');
for (const file of files) version.update(file).update(readFileSync(join(dir, file)));
const list = ['./', ...files.filter((file) => file !== 'index.html')];
const template = readFileSync(new URL('./service-worker.template.js', import.meta.url), 'utf8');
writeFileSync(
  join(dir, 'sw.js'),
  template.replace('__VERSION__', version.digest('hex').slice(0, 16)).replace('__FILES__', JSON.stringify(list, null, 1)),
);
