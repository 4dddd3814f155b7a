// A tiny static file server for the built site (dist/), used by Playwright's
// webServer. It behaves like a plain static host: /path/ serves
// /path/index.html, /path redirects to /path/ when that folder exists, and an
// unknown path gets dist/404.html with status 404. Listens on 127.0.0.1 only.
// Files are read per request, so the folder may be (re)built while it serves.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.E2E_DIST_DIR || 'dist');
const port = Number(process.env.E2E_PORT || 4327);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

async function isFile(p) {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
async function isDir(p) {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url || '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    // Readiness probe for Playwright's webServer: answers before the folder exists (the fixture
    // sites are built by a set-up project after the servers start).
    if (path === '/__health') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(400).end('bad path');
      return;
    }
    let target = null;
    if (path.endsWith('/') && (await isFile(join(file, 'index.html')))) target = join(file, 'index.html');
    else if (!path.endsWith('/') && (await isFile(file))) target = file;
    else if (!path.endsWith('/') && (await isDir(file)) && (await isFile(join(file, 'index.html')))) {
      res.writeHead(301, { Location: `${path}/${url.search}` }).end();
      return;
    }
    if (target) {
      const body = await readFile(target);
      res.writeHead(200, { 'Content-Type': TYPES[extname(target)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const notFound = join(root, '404.html');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end((await isFile(notFound)) ? await readFile(notFound) : 'Not found');
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} on http://127.0.0.1:${port}/`);
});
