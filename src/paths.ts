// Default locations of a project's folders, relative to the working directory.
import path from 'node:path';

export const DEFAULT_PATHS = {
  content: 'content',
  out: 'dist',
  templates: 'templates',
  public: 'public',
  config: 'site.yml',
  cache: '.cache',
};

/** Resolves a path relative to the working directory. */
export function resolvePath(p: string): string {
  return path.resolve(process.cwd(), p);
}
