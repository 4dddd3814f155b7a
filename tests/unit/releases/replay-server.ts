/** A local HTTP server on 127.0.0.1 that replays recorded API answers (routes.json: path with query → file). */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

export interface Replay {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function replay(dir: string, overrides: Record<string, { status?: number; type?: string; body: string }> = {}): Promise<Replay> {
  const routes = JSON.parse(readFileSync(join(dir, 'routes.json'), 'utf8')) as Record<string, string>;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const o = overrides[path];
    if (o) {
      res.writeHead(o.status ?? 200, { 'content-type': o.type ?? 'application/json' });
      res.end(o.body);
      return;
    }
    const file = routes[path];
    if (!file) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ title: 'Not Found', status: 404, path }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(readFileSync(join(dir, file)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${addr.port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
