// A deterministic synthetic archive for benchmarks: N Markdown articles of about 750 words,
// in six languages, with front matter naming people and topics. The same N always gives the
// same files, byte for byte (a seeded generator, no clock, no randomness from the machine).
import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: a small, fast, seeded generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word stock per language: enough variety for realistic indexing and Markdown. */
const WORDS: Record<string, string> = {
  en: 'the minister said on talks between defence officials would continue after the summit while analysts warned that the conflict could escalate further and the government announced new measures for security cooperation with allies in the region according to sources familiar with the negotiations a spokesperson confirmed that the meeting took place behind closed doors and both sides agreed to keep channels open despite tensions over sanctions weapons deliveries and the future of the ceasefire',
  de: 'der Minister sagte dass die Gespräche zwischen den Verteidigungsbehörden nach dem Gipfel fortgesetzt würden während Analysten warnten dass der Konflikt weiter eskalieren könnte und die Regierung kündigte neue Maßnahmen für die Sicherheitszusammenarbeit mit den Verbündeten in der Region an nach Angaben von Quellen bestätigte ein Sprecher dass das Treffen hinter verschlossenen Türen stattfand und beide Seiten vereinbarten die Kanäle trotz Spannungen über Sanktionen Waffenlieferungen und die Zukunft der Waffenruhe offen zu halten',
  fr: 'le ministre a déclaré que les discussions entre les responsables de la défense se poursuivraient après le sommet tandis que les analystes ont averti que le conflit pourrait encore s’aggraver et le gouvernement a annoncé de nouvelles mesures de coopération en matière de sécurité avec les alliés de la région selon des sources proches des négociations un porte-parole a confirmé que la réunion s’est tenue à huis clos et que les deux parties ont convenu de garder les canaux ouverts malgré les tensions sur les sanctions les livraisons d’armes et l’avenir du cessez-le-feu',
  it: 'il ministro ha detto che i colloqui tra i funzionari della difesa sarebbero proseguiti dopo il vertice mentre gli analisti hanno avvertito che il conflitto potrebbe aggravarsi ulteriormente e il governo ha annunciato nuove misure di cooperazione per la sicurezza con gli alleati della regione secondo fonti vicine ai negoziati un portavoce ha confermato che l’incontro si è svolto a porte chiuse e che entrambe le parti hanno concordato di mantenere aperti i canali nonostante le tensioni sulle sanzioni le forniture di armi e il futuro del cessate il fuoco',
  vi: 'bộ trưởng cho biết các cuộc đàm phán giữa các quan chức quốc phòng sẽ tiếp tục sau hội nghị thượng đỉnh trong khi các nhà phân tích cảnh báo rằng xung đột có thể leo thang hơn nữa và chính phủ đã công bố các biện pháp mới về hợp tác an ninh với các đồng minh trong khu vực theo các nguồn tin thân cận với cuộc đàm phán người phát ngôn xác nhận cuộc gặp diễn ra kín và hai bên nhất trí duy trì các kênh liên lạc bất chấp căng thẳng về lệnh trừng phạt chuyển giao vũ khí và tương lai của lệnh ngừng bắn',
  ru: 'министр заявил что переговоры между представителями оборонных ведомств продолжатся после саммита в то время как аналитики предупредили что конфликт может обостриться еще больше и правительство объявило о новых мерах по сотрудничеству в сфере безопасности с союзниками в регионе по данным источников знакомых с ходом переговоров представитель подтвердил что встреча прошла за закрытыми дверями и обе стороны договорились сохранять каналы связи открытыми несмотря на напряженность вокруг санкций поставок оружия и будущего перемирия',
};
const LANGS = Object.keys(WORDS);
const OUTLETS = ['Reuters', 'Agence France-Presse', 'Deutsche Welle', 'Corriere della Sera', 'VnExpress', 'Kommersant', 'The Guardian', 'Le Monde', 'Der Spiegel', 'Tuổi Trẻ', 'La Repubblica', 'RIA Novosti'];
const GIVEN = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Felix', 'Giulia', 'Hans', 'Irina', 'Jean', 'Katrin', 'Luca', 'Marie', 'Nikolai', 'Olga', 'Pierre', 'Quang', 'Rosa', 'Sergei', 'Thu', 'Ugo', 'Vera', 'Walter', 'Xuan', 'Yuri', 'Zoe'];
const FAMILY = ['Abramov', 'Bianchi', 'Costa', 'Dubois', 'Esposito', 'Fischer', 'Garnier', 'Hoffmann', 'Ivanov', 'Jung', 'Keller', 'Lefebvre', 'Moretti', 'Nguyen', 'Orlov', 'Petrov', 'Quinn', 'Ricci', 'Schmidt', 'Tran', 'Usmanov', 'Volkov', 'Weber', 'Xavier', 'Yilmaz', 'Zanetti', 'Le', 'Pham', 'Sokolov', 'Marchetti'];
const TOPICS = ['Defence', 'Diplomacy', 'NATO', 'Sanctions', 'Energy', 'Elections', 'Economy', 'Climate', 'Migration', 'Arms control', 'Cyber security', 'Trade', 'Health', 'Space', 'Human rights', 'Terrorism', 'Nuclear weapons', 'Ceasefire', 'Refugees', 'Espionage', 'Black Sea', 'Arctic', 'Middle East', 'Balkans', 'Central Asia', 'Baltic states', 'Ukraine', 'Crimea', 'Syria', 'Iran', 'China', 'Korea', 'Africa', 'Latin America', 'Oil', 'Gas', 'Grain', 'Shipping', 'Aviation', 'Technology'];

/** The i-th person of the pool: a few hundred names, some much more frequent than others. */
function person(r: () => number): string {
  // Squaring skews towards the front of the pool: a few people appear in many articles.
  const i = Math.floor(r() * r() * GIVEN.length * FAMILY.length);
  return `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}`;
}

/** Article n of the synthetic archive, as file name and contents. */
export function synthArticle(n: number): { name: string; contents: string } {
  const r = rng(n * 7919 + 17);
  const lang = LANGS[n % LANGS.length]!;
  const words = WORDS[lang]!.split(' ');
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const sentence = (min: number, max: number) => {
    const len = min + Math.floor(r() * (max - min));
    const s = Array.from({ length: len }, () => pick(words)).join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  // Dates spread over 2010–2025, one article every ~half day on average.
  const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(r() * 16 * 365) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const people = [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => person(r)))];
  const topics = [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(TOPICS)))];
  const outlet = pick(OUTLETS);
  const title = `${sentence(6, 11).slice(0, -1)} (${n})`;
  const paragraphs: string[] = [];
  let count = 0;
  while (count < 750) {
    const p = Array.from({ length: 3 + Math.floor(r() * 4) }, () => sentence(8, 22)).join(' ');
    count += p.split(' ').length;
    // Some Markdown: a name in bold, a subheading, a quote, a list.
    const k = paragraphs.length;
    if (k === 2) paragraphs.push(`## ${sentence(3, 6).slice(0, -1)}`);
    if (k === 4) paragraphs.push(`> ${sentence(8, 16)} **${people[0]}**`);
    if (k === 6) paragraphs.push(`- ${sentence(4, 8)}\n- ${sentence(4, 8)}\n- ${sentence(4, 8)}`);
    paragraphs.push(k === 0 ? `${people[0]}: ${p}` : p);
  }
  const yaml = (s: string) => JSON.stringify(s);
  const contents = [
    '---',
    `title: ${yaml(title)}`,
    `date: ${date}`,
    `lang: ${lang}`,
    `source:\n  name: ${yaml(outlet)}\n  url: https://news.example/${lang}/${date.slice(0, 4)}/${n}`,
    `people:\n${people.map((p) => `  - ${yaml(p)}`).join('\n')}`,
    `topics:\n${topics.map((t) => `  - ${yaml(t)}`).join('\n')}`,
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
  return { name: `${String(n).padStart(6, '0')}.md`, contents };
}

/** Writes articles [from, to) into `dir` (spread over subfolders of 1,000), plus a small registry. */
export function writeSynthArchive(dir: string, to: number, from = 0): void {
  for (let n = from; n < to; n++) {
    const { name, contents } = synthArticle(n);
    const sub = path.join(dir, `batch-${String(Math.floor(n / 1000)).padStart(3, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, name), contents);
  }
  const data = path.join(dir, '_data');
  if (!fs.existsSync(data)) {
    fs.mkdirSync(data, { recursive: true });
    const topics = TOPICS.map((t) => `- name: ${JSON.stringify(t)}\n  keywords: []`).join('\n');
    fs.writeFileSync(path.join(data, 'topics.yml'), `${topics}\n`);
  }
}
