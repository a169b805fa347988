import { launch, DIST } from './browser.mjs';
import { serve } from './server.mjs';
const server = await serve(DIST);
const browser = await launch();
const base = server.url ?? `http://127.0.0.1:${server.port}/`;
const shots = [
  ['cy-library-phone', { width: 360, height: 740 }, ''],
  ['cy-intro-phone', { width: 360, height: 740 }, 'story/new-in-the-game-chat/?drafts'],
  ['cy-scene-phone', { width: 360, height: 740 }, 'story/new-in-the-game-chat/after-school/?drafts'],
  ['cy-scene-wide', { width: 1920, height: 1080 }, 'story/new-in-the-game-chat/after-school/?drafts'],
];
try {
  for (const [name, viewport, path] of shots) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(() => sessionStorage.setItem('safety-stories:language', 'cy'));
    const page = await context.newPage();
    await page.goto(base + path);
    await page.waitForFunction(() => document.documentElement.lang === 'cy', null, { timeout: 10000 }).catch(() => console.log('not cy', name));
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
    await context.close();
  }
} finally { await browser.close(); await server.close?.(); }
