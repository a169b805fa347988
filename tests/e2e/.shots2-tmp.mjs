import { launch, DIST } from './browser.mjs';
import { serve } from './server.mjs';
const server = await serve(DIST);
const browser = await launch();
const [name, w, h, path, lang] = process.argv.slice(2);
try {
  const context = await browser.newContext({ viewport: { width: +w, height: +h } });
  if (lang) await context.addInitScript((l) => sessionStorage.setItem('safety-stories:language', l), lang);
  const page = await context.newPage();
  await page.goto(server.url + path);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  await context.close();
} finally { await browser.close(); await server.close(); }
