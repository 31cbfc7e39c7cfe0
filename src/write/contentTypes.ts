// Content types of the files a built site holds, for the preview server (and the tests' server).
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
};

/** The content type to serve a file with; unknown kinds (Pagefind's shards) as bytes. */
export function contentType(file: string): string {
  return TYPES[path.extname(file)] ?? 'application/octet-stream';
}
