// serve.mjs - a tiny static file server for build/web (tests and scripts/serve.sh; no dependencies).
//   node tests/web/serve.mjs DIR [--port 8000] [--host 127.0.0.1] [--prefix /papertide/]
// Serves DIR under PREFIX (default "/") with correct MIME types (application/wasm included), no caching,
// and nothing outside DIR. Import startServer() from tests to get a server on a free port.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { Transform } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

function normalisePrefix(prefix) {
  let p = prefix || '/';
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p;
}

// Passes bytes on no faster than `bytesPerSecond` (one response's own rate, as over a link of that speed).
function throttle(bytesPerSecond) {
  const start = Date.now();
  let sent = 0;
  return new Transform({
    transform(chunk, _encoding, done) {
      sent += chunk.length;
      setTimeout(() => done(null, chunk), Math.max(0, start + (sent / bytesPerSecond) * 1000 - Date.now()));
    },
  });
}

// `bytesPerSecond` (benchmarks): each response at most that fast, to see start-up over a network, not a loopback.
export function startServer({ root, prefix = '/', port = 0, host = '127.0.0.1', log = false, bytesPerSecond = 0 } = {}) {
  const base = path.resolve(root);
  const mount = normalisePrefix(prefix);
  const server = createServer(async (req, res) => {
    const send = (code, text, headers = {}) => {
      res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      const url = new URL(req.url, 'http://localhost');
      let pathname = decodeURIComponent(url.pathname);
      if (pathname + '/' === mount) return send(301, 'moved\n', { Location: mount + url.search });
      if (!pathname.startsWith(mount)) return send(404, 'not found\n');
      pathname = pathname.slice(mount.length);
      let file = path.resolve(base, '.' + path.posix.normalize('/' + pathname));
      if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'forbidden\n');
      let info = await stat(file).catch(() => null);
      if (info && info.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info || !info.isFile()) {
        if (log) console.log(`404 ${req.url}`);
        return send(404, 'not found\n');
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      if (bytesPerSecond > 0) createReadStream(file).pipe(throttle(bytesPerSecond)).pipe(res);
      else createReadStream(file).pipe(res);
      if (log) console.log(`200 ${req.url}`);
    } catch (error) {
      send(400, 'bad request\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        server,
        url: `http://${host}:${address.port}${mount}`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

// Command line.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const port = Number(option('--port', process.env.PORT || 8000));
  const host = option('--host', '127.0.0.1');
  const prefix = option('--prefix', '/');
  const root = args[0] || 'build/web';
  startServer({ root, prefix, port, host, log: process.env.PAPERTIDE_SERVE_LOG === '1' })
    .then(({ url }) => console.log(`Serving ${path.resolve(root)} at ${url}  (Ctrl+C to stop)`))
    .catch((error) => {
      console.error(`serve: ${error.message}`);
      process.exit(1);
    });
}
