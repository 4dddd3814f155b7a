/** A local HTTP server on 127.0.0.1 for download tests: serves given paths, 404 for the rest, and records what was asked. */
import { createServer, type Server } from 'node:http';

export interface FileServer {
  /** http://127.0.0.1:<port> */
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function serveFiles(files: (path: string) => Uint8Array | undefined): Promise<FileServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const body = files(path);
    if (!body) {
      res.writeHead(404, 'Not Found', { 'content-type': 'text/plain' });
      res.end('404: Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('the test server has no port');
  return { url: `http://127.0.0.1:${addr.port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

/** An address on 127.0.0.1 where nothing listens (a port that was just released). */
export async function refusedUrl(): Promise<string> {
  const s = await serveFiles(() => undefined);
  await s.close();
  return s.url;
}
