// One small driver for the three browser engines readers use: Chromium (playwright-core, Debian's chromium),
// Gecko (puppeteer-core over WebDriver BiDi, Debian's firefox-esr) and WebKit (Debian's WebKitWebDriver and its
// MiniBrowser, by plain W3C WebDriver calls over HTTP, under Xvfb). The journeys in engines.test.mjs speak only to
// the `Page` below, so each runs the same way in every engine. No browser is ever downloaded.
//
// Every page goes through a proxy on 127.0.0.1 that answers for every other host with a blank "Weather" page, so
// Exit this page can be followed (and seen in `outside`) without a request leaving the machine, whichever engine
// runs. The server's own log is the network log: it sees every download, whatever the engine lets a driver see.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { waitUntil } from './browser.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
// Debian puts MiniBrowser (from libwebkit2gtk-4.1-0, which webkit2gtk-driver depends on) under the machine's triplet.
const TRIPLET = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }[process.arch];
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? `/usr/lib/${TRIPLET}/webkit2gtk-4.1/MiniBrowser`;
const BLANK = '<!doctype html><title>Weather</title><p>Weather</p>';

/// The proxy every engine is pointed at. Plain HTTP requests for other hosts and HTTPS tunnels (CONNECT) both end
/// here: a tunnel is answered over TLS with a certificate made for this run, which the browsers are told to accept,
/// so the page really arrives at the address it was sent to. Each address asked for is logged in `outside`.
async function startProxy(dir) {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=elsewhere'], { stdio: 'ignore' });
  const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  const outside = [];
  const answer = (url, res) => {
    outside.push(url);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BLANK);
  };
  const server = createServer((req, res) => answer(req.url, res));
  server.on('connect', (req, socket) => {
    const host = req.url.replace(/:443$/, '');
    socket.on('error', () => {});
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const secure = new TLSSocket(socket, { isServer: true, ...tls });
    secure.on('error', () => {});
    createServer((r, res) => answer(`https://${host}${r.url}`, res)).emit('connection', secure);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${server.address().port}`, outside,
    close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); },
  };
}

/// Finds the first visible element with one of `roles` whose accessible name is `name` (a string, exact, or a
/// regular expression's source and flags), the way a reader would pick it out: by what it is and what it says.
/// Runs in the page, so it is one function in every engine. With `present`, it says only whether there is one, since
/// not every engine's driver can hand an element back from a script.
function findByRole({ roles, name, flags, present }) {
  const selectors = {
    button: 'button, [role="button"], input[type="button"], input[type="submit"]',
    link: 'a[href], [role="link"]',
  };
  const accessibleName = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const ids = el.getAttribute('aria-labelledby');
    if (ids) return ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    return (el.innerText ?? el.textContent).replace(/\s+/g, ' ').trim();
  };
  const matches = flags === null ? (text) => text === name : (text) => new RegExp(name, flags).test(text);
  for (const role of roles) {
    for (const el of document.querySelectorAll(selectors[role])) {
      if (el.checkVisibility?.() === false || el.getClientRects().length === 0) continue;
      if (matches(accessibleName(el))) return present ? true : el;
    }
  }
  return present ? false : null;
}

function roleQuery(role, name) {
  return {
    roles: Array.isArray(role) ? role : [role],
    name: name instanceof RegExp ? name.source : name,
    flags: name instanceof RegExp ? name.flags : null,
    present: false,
  };
}

function describe(role, name) {
  return `the ${Array.isArray(role) ? role.join(' or ') : role} named ${name}`;
}

/// What every engine's page offers the journeys. Subclasses supply the primitives; the rest is shared.
class Page {
  constructor(engine) { this.engine = engine; }

  /// Waits until `fn(arg)`, run in the page, returns something truthy, and returns it. An error while checking (the
  /// page between two documents) counts as not yet; the last one is told if time runs out.
  async waitFor(fn, arg, what, timeout = 10_000) {
    let value;
    let error = null;
    const check = () => this.evaluate(fn, arg).then((v) => (value = v), (e) => { error = e; return false; });
    await waitUntil(check, what, timeout).catch((timedOut) => {
      throw error ? new Error(`${timedOut.message} (last error: ${error.message})`) : timedOut;
    });
    return value;
  }

  /// Clicks the element with `role` (or one of several roles) named `name`, once it is there.
  async click(role, name) {
    const query = roleQuery(role, name);
    // The element found can be replaced before the click lands (the app taking a prerendered page over, or the
    // page moving on), which the drivers report as not clickable or detached: then it is found and clicked again.
    let lastError = null;
    await waitUntil(async () => {
      const found = await this.evaluate(findByRole, { ...query, present: true }).catch(() => false);
      if (!found) return false;
      try {
        await this.clickFound(query);
        return true;
      } catch (error) {
        lastError = error;
        return false;
      }
    }, `${describe(role, name)} is shown and clicked`).catch((timedOut) => {
      throw lastError ? new Error(`${timedOut.message} (last error: ${lastError.message})`) : timedOut;
    });
  }

  async text(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  async sessionStorageKeys() {
    return this.evaluate(() => Object.keys(sessionStorage));
  }
}

/// A page of playwright-core (Chromium) or puppeteer-core (Firefox), whose pages speak alike. `nextWindow(page)`
/// resolves to the next window the page opens.
class LibraryDrivenPage extends Page {
  constructor(engine, page, nextWindow) { super(engine); this.page = page; this.nextWindow = nextWindow; }
  goto(url) { return this.page.goto(url); }
  async url() { return this.page.url(); }
  reload() { return this.page.reload(); }
  back() { return this.page.goBack(); }
  evaluate(fn, arg) { return this.page.evaluate(fn, arg); }
  press(key) { return this.page.keyboard.press(key); }
  focus() { return this.page.bringToFront(); }
  screenshot() { return this.page.screenshot(); }
  async clickFound(query) {
    const handle = await this.page.evaluateHandle(findByRole, query);
    await handle.asElement().click();
  }
  async waitForWindow(action) {
    const [other] = await Promise.all([this.nextWindow(this.page), action()]);
    return new LibraryDrivenPage(this.engine, other, this.nextWindow);
  }
}

// The W3C WebDriver key codes for the keys the journeys press; any other key is its own character.
const WEBDRIVER_KEYS = {
  Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Escape: '\uE00C', PageUp: '\uE00E', PageDown: '\uE00F',
  ArrowLeft: '\uE012', ArrowRight: '\uE014', Space: ' ',
};
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/// A window of a WebDriver session. The session has one current window; a page switches to its own before each
/// command, so the presenter window and the class screen can be driven in turn.
class WebDriverPage extends Page {
  constructor(engine, session, handle) { super(engine); this.session = session; this.handle = handle; }

  async call(method, path, body) {
    if (this.session.current !== this.handle) {
      await this.session.call('POST', '/window', { handle: this.handle });
      this.session.current = this.handle;
    }
    return this.session.call(method, path, body);
  }

  goto(url) { return this.call('POST', '/url', { url }); }
  url() { return this.call('GET', '/url'); }
  reload() { return this.call('POST', '/refresh', {}); }
  back() { return this.call('POST', '/back', {}); }
  // Keys go to the session's current window, which each command switches to first.
  focus() { return this.call('GET', '/window'); }
  async screenshot() { return Buffer.from(await this.call('GET', '/screenshot'), 'base64'); }

  evaluate(fn, arg) {
    return this.call('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args: arg === undefined ? [] : [arg] });
  }

  async press(key) {
    const value = WEBDRIVER_KEYS[key] ?? key;
    await this.call('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
    });
    await this.call('DELETE', '/actions');
  }

  async clickFound(query) {
    const element = await this.evaluate(findByRole, query);
    await this.call('POST', `/element/${element[ELEMENT]}/click`, {});
  }

  async waitForWindow(action) {
    const before = await this.call('GET', '/window/handles');
    await action();
    let handle;
    await waitUntil(async () => {
      handle = (await this.call('GET', '/window/handles')).find((h) => !before.includes(h));
      return handle;
    }, 'a new window opens');
    return new WebDriverPage(this.engine, this.session, handle);
  }
}

/// Starts an X server of its own for WebKit (MiniBrowser needs a display), and says which display it took.
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise((resolve, reject) => {
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb stopped (${code})`)));
    xvfb.stdout.once('data', (data) => resolve(`:${String(data).trim()}`));
  });
  return { display, stop: () => xvfb.kill() };
}

// MiniBrowser's toolbar is wider than a phone; with GTK's widgets shrunk, its window can be 360 pixels wide. The web
// content's own fonts and layout are WebKit's, not GTK's, so they are not changed by it.
const NARROW_TOOLBAR = '* { font-size: 3px; min-width: 0; min-height: 0; padding: 0; margin: 0; }\n';

async function startWebKit(dir, proxy) {
  const x = await startXvfb();
  mkdirSync(join(dir, 'config', 'gtk-3.0'), { recursive: true });
  writeFileSync(join(dir, 'config', 'gtk-3.0', 'gtk.css'), NARROW_TOOLBAR);
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => { const p = probe.address().port; probe.close(() => resolve(p)); });
  });
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    // WebKitWebDriver would give MiniBrowser an `sslProxy` as an https:// proxy, which GLib then refuses for its
    // certificate; the proxy variables of the environment (read by GLib's libproxy module) give it as plain HTTP.
    stdio: 'ignore',
    env: {
      ...process.env, DISPLAY: x.display, XDG_CONFIG_HOME: join(dir, 'config'),
      http_proxy: `http://${proxy.address}`, https_proxy: `http://${proxy.address}`, no_proxy: '127.0.0.1',
    },
  });
  // Also on an exit that skips the tests' own clean-up (a test runner's timeout); MiniBrowser ends with its display.
  const stop = () => { driver.kill(); x.stop(); };
  process.once('exit', stop);
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(() => fetch(`${base}/status`).then((r) => r.ok, () => false), 'WebKitWebDriver answers');
  const request = async (method, path, body, signal) => {
    const response = await fetch(base + path, {
      method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), signal,
    });
    const { value } = await response.json();
    if (value?.error) throw new Error(`WebKitWebDriver ${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  };
  return {
    async open(viewport) {
      const capabilities = {
        alwaysMatch: {
          acceptInsecureCerts: true,
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      };
      // On a busy machine MiniBrowser now and then never answers the new session (seen once in a full run, after
      // five minutes): a session not started within a minute is asked for once more, rather than failing the test.
      const newSession = () => request('POST', '/session', { capabilities }, AbortSignal.timeout(60_000));
      const { sessionId } = await newSession().catch((error) => {
        if (error.name !== 'TimeoutError') throw error;
        return newSession();
      });
      const session = { call: (method, path, body) => request(method, `/session/${sessionId}${path}`, body) };
      session.current = await session.call('GET', '/window');
      const page = new WebDriverPage('webkit', session, session.current);
      // The window's size includes MiniBrowser's toolbar: measure it once, then make the page's own viewport the
      // size asked for.
      await session.call('POST', '/window/rect', viewport);
      const inner = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
      await session.call('POST', '/window/rect', {
        width: 2 * viewport.width - inner.width, height: 2 * viewport.height - inner.height,
      });
      return { page, close: () => request('DELETE', `/session/${sessionId}`).catch(() => {}) };
    },
    async close() {
      process.off('exit', stop);
      stop();
    },
  };
}

async function startChromium(proxy) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
    proxy: { server: `http://${proxy.address}`, bypass: '127.0.0.1' },
  });
  return {
    async open(viewport) {
      const context = await browser.newContext({ viewport, ignoreHTTPSErrors: true });
      const page = new LibraryDrivenPage('chromium', await context.newPage(), (p) => p.context().waitForEvent('page'));
      return { page, close: () => context.close() };
    },
    close: () => browser.close(),
  };
}

async function startFirefox(proxy) {
  const [host, port] = proxy.address.split(':');
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1, 'network.proxy.http': host, 'network.proxy.http_port': Number(port),
      'network.proxy.ssl': host, 'network.proxy.ssl_port': Number(port), 'network.proxy.no_proxies_on': '127.0.0.1',
    },
  });
  return {
    async open(viewport) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(viewport);
      const popup = (p) => new Promise((resolve) => p.once('popup', resolve));
      return { page: new LibraryDrivenPage('firefox', page, popup), close: () => context.close() };
    },
    close: () => browser.close(),
  };
}

/// Starts `name` (one of ENGINES) with its proxy. `open(t, viewport)` gives a fresh page (its own storage) that is
/// closed after the test `t` however it ends; `outside` lists every address asked for that was not 127.0.0.1.
export async function startEngine(name) {
  const dir = mkdtempSync(join(tmpdir(), `engines-${name}-`));
  const proxy = await startProxy(dir);
  const started = { chromium: () => startChromium(proxy), firefox: () => startFirefox(proxy), webkit: () => startWebKit(dir, proxy) };
  const browser = await started[name]();
  return {
    name, outside: proxy.outside,
    async open(t, viewport) {
      const { page, close } = await browser.open(viewport);
      t.after(close);
      return page;
    },
    async close() {
      await browser.close();
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
