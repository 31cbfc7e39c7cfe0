// The site configuration: a small YAML file with sensible defaults.
import fs from 'node:fs';
import { parseYaml } from './load/yaml.js';
import { ConfigError } from './load/registries.js';

/** Site-wide settings, from `site.yml` (or `--config FILE`). */
export interface SiteConfig {
  /** Site title, shown in the header and feeds; empty: the interface language's default (siteTitle). */
  title: string;
  /** One-line description for the home page and feeds; empty: the interface language's default (siteDescription). */
  description: string;
  /** Interface language (ISO 639-1): labels, and dates outside articles. */
  language: string;
  /** Absolute URL the site is published at, for feeds, sitemap and canonical links; null when unknown. */
  baseUrl: string | null;
  /** Articles per listing page. */
  pageSize: number;
  /** Articles on the home page. */
  latestCount: number;
}

/** Used for any setting the config file leaves out. */
export const DEFAULT_CONFIG: SiteConfig = {
  title: '',
  description: '',
  language: 'en',
  baseUrl: null,
  pageSize: 50,
  latestCount: 20,
};

/** Checks and normalises a base URL: absolute http(s), ending in a slash. */
export function normaliseBaseUrl(value: string, where: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${where}: base URL "${value}" is not an absolute URL; write it like https://example.org/archive/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${where}: base URL must start with http:// or https://`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Reads the config file; a missing default file means defaults. Throws ConfigError on a bad file. */
export function loadConfig(file: string | null, overrides: Partial<SiteConfig> = {}): SiteConfig {
  let fromFile: Record<string, unknown> = {};
  if (file && fs.existsSync(file)) {
    const parsed = parseYaml(fs.readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new ConfigError(`${file}:${parsed.line ?? 1}: config: YAML cannot read it: ${parsed.reason}`);
    if (parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data)) fromFile = parsed.data as Record<string, unknown>;
    else if (parsed.data) throw new ConfigError(`${file}:1: config: must be a mapping of settings (title: …)`);
  }
  const merged = { ...DEFAULT_CONFIG, ...fromFile, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  const where = file ?? 'config';
  const pageSize = Number(merged.pageSize);
  const latestCount = Number(merged.latestCount);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new ConfigError(`${where}: pageSize must be a whole number ≥ 1`);
  if (!Number.isInteger(latestCount) || latestCount < 1) throw new ConfigError(`${where}: latestCount must be a whole number ≥ 1`);
  const language = String(merged.language);
  if (!/^[a-z]{2}$/.test(language)) throw new ConfigError(`${where}: language must be an ISO 639-1 code such as en`);
  return {
    title: merged.title === null || merged.title === undefined ? '' : String(merged.title),
    description: merged.description === null || merged.description === undefined ? '' : String(merged.description),
    language,
    baseUrl: merged.baseUrl ? normaliseBaseUrl(String(merged.baseUrl), where) : null,
    pageSize,
    latestCount,
  };
}
