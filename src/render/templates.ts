// Handlebars templates from templates/: a layout, partials and one template per page kind,
// compiled once per build, with helpers for URLs, dates, plurals and interface strings.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { ConfigError } from '../load/registries.js';
import type { DatePrecision } from '../model.js';
import { formatDate } from './dates.js';
import { plural, translate, type Strings } from './i18n.js';

/** The page kinds, each with templates/<kind>.hbs. */
export const PAGE_KINDS = ['home', 'article', 'terms', 'term', 'archive', 'year', 'month', 'search', '404'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Compiled templates, ready to render page contexts. */
export interface Templates {
  render(kind: PageKind, context: Record<string, unknown> & { page: { root: string } }): string;
  /** The template file of a page kind, as given (for messages). */
  fileOf(kind: PageKind): string;
}

/** Relative URL from a page (given by its `root` prefix) to a site-root path. */
export function relativeUrl(root: string, target: string): string {
  const url = root + target;
  return url === '' ? './' : url;
}

/** Compiles every template in `dir` with helpers bound to the interface strings. */
export function compileTemplates(dir: string, strings: Strings, interfaceLang: string): Templates {
  const hb = Handlebars.create();
  const readTemplate = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`${file}: template missing; restore it from the project's templates/ folder`, { cause: err });
    }
  };
  const compile = (file: string) => {
    try {
      return hb.compile(readTemplate(file), { strict: false, preventIndent: true });
    } catch (err) {
      throw new ConfigError(`${file}: template does not compile: ${(err as Error).message}`, { cause: err });
    }
  };
  const partialsDir = path.join(dir, 'partials');
  if (fs.existsSync(partialsDir)) {
    for (const name of fs.readdirSync(partialsDir).filter((n) => n.endsWith('.hbs')).sort()) {
      hb.registerPartial(name.slice(0, -4), readTemplate(path.join(partialsDir, name)));
    }
  }
  type Opts = { data: { root: { page: { root: string } } }; hash: Record<string, unknown> };
  hb.registerHelper('url', (target: unknown, options: Opts) => relativeUrl(options.data.root.page.root, String(target ?? '')));
  hb.registerHelper('t', (key: unknown, options: Opts) => translate(strings, String(key), options.hash));
  hb.registerHelper('plural', (n: unknown, key: unknown) => plural(strings, interfaceLang, Number(n), String(key)));
  hb.registerHelper('formatDate', (iso: unknown, precision: unknown, lang: unknown) =>
    iso ? formatDate(String(iso), (precision as DatePrecision) ?? 'day', typeof lang === 'string' ? lang : interfaceLang) : '');
  hb.registerHelper('json', (value: unknown) => JSON.stringify(value ?? null));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);

  const layout = compile(path.join(dir, 'layout.hbs'));
  const pages = new Map(PAGE_KINDS.map((k) => [k, compile(path.join(dir, `${k}.hbs`))]));
  return {
    fileOf: (kind) => path.join(dir, `${kind}.hbs`),
    render(kind, context) {
      const body = pages.get(kind)!(context);
      return layout({ ...context, body });
    },
  };
}
