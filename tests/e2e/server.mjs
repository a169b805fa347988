// A static file server for the built player, on 127.0.0.1 only, that records every request it sees.
// Hand-written (a few lines over node:http) so the tests need no server package.
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/// Every file under `root`, brotli-compressed once, as a static host with precompressed files (or a CDN's cache)
/// serves them. Compressing at quality 11 on each request would take the server about a second for the wasm, which
/// no real host spends, and Lighthouse would count it as server time.
async function precompress(root) {
  const compressed = new Map();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    compressed.set(normalize(file), brotliCompressSync(await readFile(file)));
  }
  return compressed;
}

/// `compress` answers with brotli when the browser accepts it, as a real static host or CDN would. `tls` (a key and
/// a certificate) serves HTTPS with HTTP/2, as real hosts do; the size and speed report uses it. `redirects` maps a
/// path to the address it redirects to (302), as an open redirect on a host would.
export async function serve(root, { host = '127.0.0.1', headers = {}, compress = false, tls = null, redirects = {} } = {}) {
  const requests = [];
  const compressed = compress ? await precompress(root) : new Map();
  let down = false;
  const handle = async (req, res) => {
    // A cut network: the connection drops with no answer, as when the school Wi-Fi goes.
    if (down) { req.socket.destroy(); return; }
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (redirects[path]) { res.writeHead(302, { location: redirects[path] }).end(); return; }
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      let body = await readFile(file);
      const extra = {};
      if (compressed.has(file) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = compressed.get(file);
        extra['content-encoding'] = 'br';
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...extra, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
  await new Promise((resolve) => server.listen(0, host, resolve));
  const { port } = server.address();
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}/`, requests,
    setDown: (value) => { down = value; },
    close: () => { server.closeAllConnections?.(); return new Promise((r) => server.close(r)); },
  };
}
