// People: one person, one identity, across spellings, scripts, grammatical cases and languages.
// Registry people are matched on spelling-insensitive keys (src/people/keys.ts); people who
// are not registered are detected from role words and honorifics (src/people/detect.ts),
// included when the evidence is strong, and listed for review either way.
import type { LangData } from '../lang/data.js';
import type { Diagnostic, PersonEntry, PersonRef } from '../model.js';
import { findCues, type Cue } from '../people/cues.js';
import { detectPeople, INCLUDE_CONFIDENCE } from '../people/detect.js';
import { keyMatches, nameRules, skeleton, tokenKeys } from '../people/keys.js';
import { findRegistryHits, peopleMatcher, tokenView, type PeopleMatcher, type TokenView } from '../people/registry.js';
import { fold, nameKey, tokenize } from '../text/fold.js';
import { slugify } from '../text/slug.js';
import { bodyDiagnostic, given, type Draft, type FieldNormaliser } from './draft.js';

export { peopleMatcher, type PeopleMatcher };

/** How many words may stand between a role word and a registered name for it to count as "named in office". */
export const ROLE_GAP = 2;

/** A role cue ends within ROLE_GAP words before token i. */
function roleBefore(cues: Map<number, Cue>, i: number): boolean {
  for (let gap = 0; gap <= ROLE_GAP; gap++) if (cues.get(i - 1 - gap)?.kind === 'role') return true;
  return false;
}

/** The identity key of a detected name: its tokens' first keys, joined. */
function identityKeys(name: string, view: TokenView): string[] {
  // A middle initial does not make another person: "Amit P. Mehta" is "Amit Mehta".
  const words = tokenize(name).map((t) => t.word);
  const parts = words.filter((w, i) => !(i > 0 && i < words.length - 1 && /^\p{Lu}$/u.test(w))).map((w) => tokenKeys(w, view.rules));
  // Every combination would explode on long names; the universal key and the language's own suffice.
  const universal = parts.map((k) => k[0] ?? '').join(' ');
  const local = parts.map((k) => k[k.length - 1] ?? '').join(' ');
  return [...new Set([universal, local])];
}

/** Everyone named in a text: registry people, and people found by the shape of the text. */
export function findPeople(text: string, matcher: PeopleMatcher, lang: LangData): PersonRef[] {
  const view = tokenView(text, lang);
  const cues = findCues(view, lang);
  const hits = findRegistryHits(view, matcher, (i, direct) => (direct ? cues.has(i - 1) : cues.get(i - 1)?.kind === 'honorific' || roleBefore(cues, i)));
  const used = new Set<number>();
  for (const h of hits) for (let j = 0; j < h.length; j++) used.add(h.start + j);

  const refs: { at: number; ref: PersonRef }[] = [];
  const byId = new Map<string, PersonRef>();
  for (const h of hits) {
    let ref = byId.get(h.person.entry.id);
    if (!ref) {
      ref = { id: h.person.entry.id, name: h.person.entry.name, registered: true, confidence: 1, mentions: [], roleCued: false };
      byId.set(ref.id, ref);
      refs.push({ at: h.start, ref });
    }
    if (!ref.mentions.includes(h.text)) ref.mentions.push(h.text);
    ref.roleCued ||= roleBefore(cues, h.start);
  }

  // Unregistered: one identity per name key; a later surname alone is a mention of it.
  const candidates = detectPeople(view, lang, cues, used, matcher.givenNames);
  const byKey = new Map<string, PersonRef>();
  for (const c of candidates) {
    const keys = identityKeys(c.name, view);
    let known = keys.map((k) => byKey.get(k)).find(Boolean);
    // A surname alone ("Mr Sunak", "Oberländer-Târnoveanu") is the person already named in full.
    if (!known) {
      const words = tokenize(c.name).map((t) => t.word);
      known = refs.map((r) => r.ref).find((r) => {
        const full = tokenize(r.name).map((t) => t.word);
        if (r.registered || full.length <= words.length) return false;
        const tail = full.slice(full.length - words.length);
        return tail.every((w, i) => keyMatches(tokenKeys(words[i]!, view.rules), tokenKeys(w, view.rules)[0]!, view.rules));
      });
    }
    if (known) {
      known.confidence = Math.max(known.confidence, c.confidence);
      if (!known.mentions.includes(c.name)) known.mentions.push(c.name);
      continue;
    }
    const ref: PersonRef = { id: slugify(c.name) || 'unnamed', name: c.name, registered: false, confidence: c.confidence, mentions: [c.name], roleCued: true, keys, evidence: c.evidence };
    for (const k of keys) byKey.set(k, ref);
    refs.push({ at: c.start, ref });
  }
  // Surnames of multi-word candidates repeated on their own raise confidence a little.
  for (const { ref } of refs) {
    if (ref.registered) continue;
    const words = tokenize(ref.name);
    if (words.length < 2) continue;
    const surname = tokenKeys(words[words.length - 1]!.word, view.rules)[0]!;
    const repeats = view.tokens.filter((t, i) => !used.has(i) && keyMatches(view.keys[i]!, surname, view.rules)).length;
    if (repeats >= 2) ref.confidence = Math.min(0.95, Math.round((ref.confidence + 0.05) * 100) / 100);
  }
  return refs.sort((a, b) => a.at - b.at).map((r) => r.ref);
}

/** Registry people named in a text, in order of first mention. */
export function findRegisteredPeople(text: string, matcher: PeopleMatcher, lang: LangData): PersonRef[] {
  return findPeople(text, matcher, lang).filter((p) => p.registered);
}

/** Resolves one name given in front matter to a registry person, or keeps it as written. */
export function resolveGivenName(name: string, matcher: PeopleMatcher, lang: LangData): PersonRef {
  const view = tokenView(name, lang);
  const hits = findRegistryHits(view, matcher, () => true);
  const whole = hits.find((h) => h.full) ?? (hits.length === 1 && view.tokens.length === 1 ? hits[0] : undefined);
  let person: PersonEntry | undefined = whole?.person.entry;
  // The archivist named someone on purpose: a surname that one registry person carries, with a
  // matching initial or a first name of the same consonants, is that person ("E. Macron",
  // "Olaf Scholtz", "Joseph R. Biden").
  if (!person && view.tokens.length >= 2) {
    const words = view.tokens.map((t) => t.word);
    const last = view.keys[view.keys.length - 1]!;
    const lastSk = last.map(skeleton);
    const fits = matcher.people.filter((p) => [p.entry.name, ...p.entry.aliases].some((form) => {
      const fw = tokenize(form).map((t) => t.word);
      if (fw.length < 2) return false;
      const fLast = nameKey(fw[fw.length - 1]!);
      if (!keyMatches(last, fLast, view.rules) && !lastSk.includes(skeleton(fLast))) return false;
      // Front matter is deliberate: the initial must agree (Joseph / Joe, E. / Emmanuel).
      return fold(fw[0]!).charAt(0) === fold(words[0]!).charAt(0);
    }));
    if (new Set(fits.map((p) => p.entry.id)).size === 1) person = fits[0]!.entry;
  }
  if (person) return { id: person.id, name: person.name, registered: true, confidence: 1, mentions: [name], roleCued: false };
  return { id: slugify(name) || 'unnamed', name, registered: false, confidence: 1, mentions: [name], roleCued: false, keys: identityKeys(name, view) };
}

export const normalisePeople: FieldNormaliser = (draft) => {
  const lang = draft.langData!;
  const matcher = peopleMatcher(draft.registries.people);
  const fm = given(draft, 'people');
  if (fm !== undefined) {
    // A list, or names separated by semicolons (the type is checked in src/load/fields.ts).
    const list: unknown[] = Array.isArray(fm) ? fm : String(fm).split(/\s*;\s*/);
    // The people given come first, as given; people the text names are added after them.
    const refs = new Map<string, PersonRef>();
    for (const n of list.map((x) => givenOrder(String(x).trim())).filter(Boolean)) {
      const ref = resolveGivenName(n, matcher, lang);
      if (!refs.has(ref.id)) refs.set(ref.id, ref);
    }
    const found = fromText(draft, matcher, lang);
    const given = [...refs.values()];
    for (const p of found.people) if (!refs.has(p.id) && !given.some((g) => samePerson(g.name, p.name, lang))) refs.set(p.id, p);
    return { set: { people: [...refs.values()] }, diagnostics: found.diagnostics };
  }
  const found = fromText(draft, matcher, lang);
  return { set: { people: found.people }, diagnostics: found.diagnostics };
};

/** The people the title and text name, and review notices for those not in the registry. */
function fromText(draft: Readonly<Draft>, matcher: PeopleMatcher, lang: LangData): { people: PersonRef[]; diagnostics: Diagnostic[] } {
  const text = [draft.title ?? '', ...(draft.blocks ?? []).map((b) => b.text)].join('\n');
  // The byline's author wrote the article; they are not one of its people.
  const author = draft.author ?? null;
  const found = findPeople(text, matcher, lang).filter((p) => p.registered || !author || (p.name !== author && !samePerson(p.name, author, lang)));
  const people = found.filter((p) => p.registered || p.confidence >= INCLUDE_CONFIDENCE);
  const diagnostics = found.filter((p) => !p.registered).map((p) => bodyDiagnostic(draft, 'people', 'notice',
    p.confidence >= INCLUDE_CONFIDENCE
      ? `"${p.name}" is not in the people registry; included as a person (confidence ${p.confidence.toFixed(2)}, from "${p.evidence}"). Add them to _data/people.yml, or correct with a people: list`
      : `"${p.name}" may be a person (confidence ${p.confidence.toFixed(2)}, from "${p.evidence}"); not included. Add them to _data/people.yml if they are`,
    undefined, p.confidence >= INCLUDE_CONFIDENCE ? 'unregistered-person' : 'possible-person'));
  return { people, diagnostics };
}

/** "Andrade, Rebeca" → "Rebeca Andrade": names given surname first, as library catalogues write them. */
export function givenOrder(name: string): string {
  const m = /^([^,\d]+),\s*([^,\d]+)$/u.exec(name);
  return m ? `${m[2]!.trim()} ${m[1]!.trim()}` : name;
}

/**
 * One person under two spellings of the full name: the same surname (up to transliteration
 * and endings) and the same given name or its initial ("Simone Arianne Biles" / "Simone
 * Biles", "P. Almodóvar" / "Pedro Almodóvar"); middle names may differ.
 */
export function samePerson(a: string, b: string, lang: LangData): boolean {
  const ta = tokenize(a).map((t) => t.word);
  const tb = tokenize(b).map((t) => t.word);
  if (ta.length < 2 || tb.length < 2) return false;
  const rules = nameRules(lang);
  const ka = tokenKeys(ta[ta.length - 1]!, rules);
  const kb = tokenKeys(tb[tb.length - 1]!, rules);
  const surname = ka.some((k) => keyMatches(kb, k, rules)) || kb.some((k) => keyMatches(ka, k, rules));
  if (!surname) return false;
  const [fa, fb] = [ta[0]!, tb[0]!];
  // Given names: the same up to transliteration, or one is the other's initial (never Jake / John).
  if (fa.length === 1 || fb.length === 1) return fold(fa).charAt(0) === fold(fb).charAt(0);
  const ga = tokenKeys(fa, rules);
  const gb = tokenKeys(fb, rules);
  return ga.some((k) => keyMatches(gb, k, rules)) || gb.some((k) => keyMatches(ga, k, rules));
}
