// Source: the outlet and the URL of the original. From front matter, a source line in any
// language ("Quelle: …", "Nguồn: …"), a masthead before the headline, or a lede prefix
// ("Kinhtedothi - …"). Known outlets in the registry give one name to all of these.
import type { ArticleSource, OutletEntry } from '../model.js';
import { phrases } from '../lang/phrases.js';
import { findAgencies } from './agencies.js';
import { fold } from '../text/fold.js';
import { findDates } from '../text/dates.js';
import { slugify } from '../text/slug.js';
import { copyrightLines, namedInCopyright, wordCount } from './body.js';
import { bodyDiagnostic, given, metaDiagnostic, type Draft, type FieldNormaliser } from './draft.js';

const URL_RE = /https?:\/\/[^\s<>"'）)]+[^\s<>"'）).,;:!?]/u;

/** The host of a URL without `www.`, or null. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Finds a registered outlet by host (or parent domain) or by name/alias. */
export function findOutlet(outlets: OutletEntry[], by: { host?: string | null; name?: string | null }): OutletEntry | undefined {
  if (by.host) {
    const parts = by.host.split('.');
    for (let i = 0; i < parts.length - 1; i++) {
      const h = parts.slice(i).join('.');
      const hit = outlets.find((o) => o.hosts.includes(h));
      if (hit) return hit;
    }
  }
  if (by.name) {
    const key = fold(by.name).replace(/[^a-z0-9]/g, '');
    return outlets.find((o) => [o.name, ...o.aliases].some((a) => fold(a).replace(/[^a-z0-9]/g, '') === key));
  }
  return undefined;
}

/** Builds a source from what was found, preferring the registry's name. */
function resolve(outlets: OutletEntry[], name: string | null, url: string | null): ArticleSource {
  const host = url ? hostOf(url) : null;
  const known = findOutlet(outlets, { host, name });
  const finalName = known?.name ?? name ?? host;
  return { id: known?.id ?? (finalName ? slugify(finalName) || null : null), name: finalName, url };
}

/** A source line anywhere in the capture: "<label>: <url or name>". */
function sourceLine(draft: Readonly<Draft>): { url: string | null; name: string | null } | null {
  const label = new RegExp(`^(?:${phrases().sourceLabels})\\s*[:：]\\s*(.+)$`, 'iu');
  const candidates = [...(draft.removed ?? []).filter((r) => r.reason === 'source-line' || r.reason === 'tail' || r.reason === 'clutter'), ...(draft.blocks ?? [])];
  for (const b of candidates.sort((x, y) => x.line - y.line)) {
    const m = label.exec(b.text);
    if (!m) continue;
    const url = URL_RE.exec(m[1]!)?.[0] ?? null;
    const name = url ? null : m[1]!.trim();
    // "Source: Reuters, AFP" credits news agencies; it does not name the outlet.
    if (name && name.split(/\s*[,;/&+]\s*|\s+\p{Ll}{1,3}\s+/u).every((part) => findAgencies(part).length > 0)) continue;
    if (url || (name && wordCount(name) <= 6)) return { url, name };
  }
  return null;
}

/**
 * The masthead: a line of the page before the headline that is a name, not a section label,
 * a menu, a date or a breadcrumb ("Irish Examiner", "tagesschau Logo" without its "Logo";
 * "Example Times | News" without the section). A line the copyright notice names again is
 * the outlet's name for sure, whatever its place; otherwise the first such line counts when
 * the page opens with it (after stamps and furniture). A page that opens with a section
 * label has no masthead.
 */
function masthead(draft: Readonly<Draft>): string | null {
  const p = phrases();
  const removed = [...(draft.removed ?? [])].sort((a, b) => a.line - b.line);
  const lang = draft.langData;
  const isDate = (t: string) => !!lang && findDates(t, lang).length > 0;
  const asName = (text: string, confirmed = false): string | null => {
    // "Outlet | Section": the part that is not a section label.
    const parts = text.trim().split(/\s+\|\s+/);
    const named = parts.length === 2 ? parts.filter((part) => !p.isSectionLabel(part)) : [];
    // Drop words that are furniture on their own ("Logo"), and icons ("☰ Menu").
    const name = (named.length === 1 ? named[0]! : text).split(/\s+/)
      .filter((w) => !p.isClutterLine(w) && (/[\p{L}\p{N}|›>»]/u.test(w))).join(' ').trim();
    if (!name || wordCount(name) > 4 || /[|›>»]/.test(name) || isDate(name)) return null;
    if (confirmed) return name;
    // Any part that is a section label makes it a section heading ("Politik & Sicherheit").
    if (name.split(/\s*[&/,+·]\s*|\s+(?:\p{Ll}+)\s+/u).some((part) => p.isSectionLabel(part))) return null;
    return name;
  };
  // Lines above the headline; a name joined to a section ("Example Times | News") may have gone as furniture.
  const headline = removed.find((r) => r.reason === 'title')?.line ?? Infinity;
  const mastheads = removed.filter((r) => r.reason === 'masthead' || (r.reason === 'clutter' && r.line < headline));
  const copyright = copyrightLines([...removed, ...(draft.blocks ?? [])]);
  for (const m of mastheads) {
    const name = asName(m.text, true);
    const spelled = name && namedInCopyright(name, copyright);
    if (spelled) return spelled;
  }
  // The first line of the page, not counting stamps and lines with no name in them.
  const first = removed.filter((r) => r.reason !== 'clutter' && !(r.reason === 'masthead' && (isDate(r.text) || !asName(r.text) && !/[\p{L}\p{N}]{2}/u.test(r.text.split(/\s+/).filter((w) => !p.isClutterLine(w)).join(' ')))))[0];
  if (!first || first.reason !== 'masthead') return null;
  return asName(first.text);
}

/**
 * A lede that opens with "<Outlet> - ", the way agency-style captures do. A bare word there
 * is usually a place ("Dubai – …", "WASHINGTON —"), so the prefix counts only when it is a
 * known outlet or written like a web name ("VOV.VN", "VnExpress").
 */
function ledePrefix(draft: Readonly<Draft>): string | null {
  const lede = (draft.blocks ?? []).slice(0, 3).find((b) => wordCount(b.text) >= 8)?.text ?? '';
  const m = /^([\p{Lu}][\p{L}\p{N}.]{2,30}(?: [\p{Lu}][\p{L}\p{N}.]{1,30})?)\s+[-–—]\s+\S/u.exec(lede);
  if (!m) return null;
  const known = findOutlet(draft.registries.outlets, { name: m[1]! });
  // A web name: "VOV.VN", or a brand written in camel case ("VnExpress").
  return known || /\.\p{L}{2,}$|\p{Ll}\p{Lu}/u.test(m[1]!) ? m[1]! : null;
}

export const normaliseSource: FieldNormaliser = (draft) => {
  const outlets = draft.registries.outlets;
  const diagnostics = [];
  const fm = given(draft, 'source');
  let name: string | null = null;
  let url: string | null = null;
  if (typeof fm === 'string') {
    if (URL_RE.test(fm)) url = URL_RE.exec(fm)![0];
    else name = fm.trim();
  } else if (fm && typeof fm === 'object') {
    // {name, url}: the type is checked in src/load/fields.ts.
    const o = fm as Record<string, unknown>;
    name = o.name ? String(o.name).trim() : null;
    url = o.url ? String(o.url).trim() : null;
    if (url && !/^https?:\/\//.test(url)) {
      diagnostics.push(metaDiagnostic(draft, 'source', 'warning', `source url "${url}" is not an http(s) address; it is ignored`));
      url = null;
    }
  }
  const fmUrl = given(draft, 'url');
  if (!url && typeof fmUrl === 'string' && URL_RE.test(fmUrl)) url = fmUrl;
  if (!name && !url) {
    const line = sourceLine(draft);
    if (line) ({ url, name } = line);
  }
  if (!name && !(url && findOutlet(outlets, { host: hostOf(url) }))) {
    name = masthead(draft) ?? ledePrefix(draft) ?? name;
  }
  const source = resolve(outlets, name, url);
  if (!source.name && !source.url) {
    diagnostics.push(bodyDiagnostic(draft, 'source', 'notice', `no source found; add source: {name, url} to ${draft.raw.format === 'markdown' ? 'the front matter' : `${draft.raw.file}.meta.yml`}`, undefined, 'no-source'));
  }
  return { set: { source }, diagnostics };
};
