// Unit tests of the normalise stage's pure helpers, fed plain data.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { langData } from '../src/lang/data.js';
import { readArticle } from '../src/load/read.js';
import type { PersonEntry, Registries } from '../src/model.js';
import { isBreadcrumb } from '../src/lang/phrases.js';
import { findBareByline, findBio, findByline, findSignature, findTopByline, isPersonName, isRoleLine } from '../src/normalise/author.js';
import { copyrightLines, isMenuLine, isNavRow, namedInCopyright, separateClutter, toBlocks, trailingHeadlines, withoutPhotographer } from '../src/normalise/body.js';
import { ledeDateline, stampLine, yearFromOffices } from '../src/normalise/date.js';
import { findHeadline, isCreditLine, slugWords } from '../src/normalise/title.js';
import { normaliseArticle } from '../src/normalise/index.js';
import { identifyLanguage, refineLanguage } from '../src/normalise/language.js';
import { keep, readKept } from '../src/lang/kept.js';
import { findRegisteredPeople, peopleMatcher } from '../src/normalise/people.js';
import { findTopic } from '../src/normalise/topics.js';
import { nameKey } from '../src/text/fold.js';
import { findDates } from '../src/text/dates.js';
import { firstSentence } from '../src/text/sentences.js';
import { slugify } from '../src/text/slug.js';

const people: PersonEntry[] = [
  { id: 'andrei-belousov', name: 'Andrei Belousov', aliases: ['Андрей Белоусов', 'Andreï Belooussov'], offices: [{ role: 'Minister of Defence', from: '2024-05-14', to: null }] },
  { id: 'sergei-shoigu', name: 'Sergei Shoigu', aliases: ['Sergueï Choïgou', 'Сергей Шойгу'], offices: [] },
  { id: 'lloyd-austin', name: 'Lloyd Austin', aliases: ['Ллойд Остин'], offices: [{ role: 'Secretary of Defense', from: '2021-01-22', to: '2025-01-20' }] },
  { id: 'vladimir-putin', name: 'Vladimir Putin', aliases: [], offices: [] },
];
const registries: Registries = { people, topics: [{ id: 'nato', name: 'NATO', aliases: ['OTAN', 'НАТО', 'Tổ chức Hiệp ước Bắc Đại Tây Dương'], keywords: ['NATO', 'Tổ chức Hiệp ước Bắc Đại Tây Dương'] }], outlets: [] };
const names = (text: string, lang: string) => findRegisteredPeople(text, peopleMatcher(people), langData(lang)).map((p) => p.id);

describe('name keys', () => {
  it('fold transliterations of one name together', () => {
    const belousov = ['Belousov', 'Belousow', 'Beloussow', 'Belooussov', 'Белоусов'].map(nameKey);
    assert.equal(new Set(belousov).size, 1, belousov.join(' '));
    const shoigu = ['Shoigu', 'Schoigu', 'Choïgou', 'Шойгу'].map(nameKey);
    assert.equal(new Set(shoigu).size, 1, shoigu.join(' '));
    assert.equal(nameKey('Lawrow'), nameKey('Lavrov'));
  });
});

describe('people', () => {
  it('finds one person across spellings and scripts', () => {
    assert.deepEqual(names('Verteidigungsminister Andrej Beloussow traf Lloyd Austin.', 'de'), ['andrei-belousov', 'lloyd-austin']);
    assert.deepEqual(names('Министр обороны Андрей Белоусов заявил.', 'ru'), ['andrei-belousov']);
  });
  it('reads a German genitive once the full name has appeared', () => {
    assert.deepEqual(names('Sergej Schoigu wurde befördert. Ob Schoigus Beförderung …', 'de'), ['sergei-shoigu']);
  });
  it('takes a surname alone after a role word, but not bare', () => {
    assert.deepEqual(names('Wenn Präsident Putin wirklich keinen Krieg will', 'de'), ['vladimir-putin']);
    assert.deepEqual(names('Der Putin-Kurs und Austin, Texas', 'de'), []);
  });
  it('does not take lowercase words for names', () => {
    assert.deepEqual(names('lloyd austin', 'en'), []);
  });
});

describe('dates', () => {
  it('decides day/month order by the weekday written beside the date', () => {
    const [d] = findDates('in einem Telefonat am Dienstag (02.01.2022) die Bitte', langData('de'));
    assert.deepEqual([d!.year, d!.month, d!.day, d!.weekdayResolved], [2022, 2, 1, true]);
  });
  it('reads named months in the article language, with and without a year', () => {
    const found = findDates('am 25. Juni telefoniert, seit März 2023 nicht', langData('de'));
    assert.deepEqual(found.map((d) => [d.year, d.month, d.day, d.kind]), [[null, 6, 25, 'day-month'], [2023, 3, null, 'month-year']]);
    const vi = findDates('Ngày 12/7, Bộ trưởng … kể từ tháng 3/2023', langData('vi'));
    assert.deepEqual(vi.map((d) => [d.year, d.month, d.day]), [[null, 7, 12], [2023, 3, null]]);
  });
  it('rejects impossible dates', () => {
    assert.deepEqual(findDates('am 31.02.2024', langData('de')), []);
  });
});

describe('year inference from offices', () => {
  it('fixes the year of a year-less date from the people named in office', () => {
    const text = 'Ngày 12/7, Bộ trưởng Quốc phòng Mỹ Lloyd Austin đã điện đàm với Bộ trưởng Quốc phòng Nga Andrey Belousov.';
    const found = findRegisteredPeople(text, peopleMatcher(people), langData('vi'));
    assert.deepEqual(found.map((p) => [p.id, p.roleCued]), [['lloyd-austin', true], ['andrei-belousov', true]]);
    assert.deepEqual(yearFromOffices(7, 12, found, people), { year: 2024, names: ['Lloyd Austin', 'Andrei Belousov'] });
  });
  it('gives no year when the offices allow several, or when nobody is named in office', () => {
    const open = people.map((p) => ({ ...p, offices: p.offices.map((o) => ({ ...o, to: null })) }));
    const refs = findRegisteredPeople('Verteidigungsminister Lloyd Austin und Verteidigungsminister Andrej Belousow', peopleMatcher(open), langData('de'));
    assert.equal(yearFromOffices(7, 12, refs, open), null);
    const bare = findRegisteredPeople('Lloyd Austin traf Andrej Belousow', peopleMatcher(people), langData('de'));
    assert.equal(yearFromOffices(7, 12, bare, people), null);
  });
});

describe('slugs and sentences', () => {
  it('transliterates any script to readable lowercase ASCII', () => {
    assert.equal(slugify('Lãnh đạo quốc phòng Nga-Mỹ điện đàm'), 'lanh-dao-quoc-phong-nga-my-dien-dam');
    assert.equal(slugify('Министр обороны России'), 'ministr-oborony-rossii');
    assert.match(slugify('وزير الدفاع الأمريكي'), /^[a-z0-9-]+$/);
    assert.ok(slugify('a '.repeat(100)).length <= 80);
  });
  it('does not end a sentence at an ordinal date', () => {
    assert.equal(firstSentence('Sie sprachen am 25. Juni miteinander. Danach nicht.'), 'Sie sprachen am 25. Juni miteinander');
  });
});

describe('clutter', () => {
  it('removes furniture lines and everything after a tail heading', () => {
    const text = ['Logo', 'Headline here for the story', ...[1, 2, 3, 4, 5].map((n) => `Paragraph ${n} of the article text, which keeps going for quite a few words.`), 'Đừng bỏ lỡ', 'Kazem Gharibabadi teaser headline', 'BÌNH LUẬN (0)'].join('\n');
    const { kept, removed } = separateClutter(toBlocks(text, 1), false);
    assert.equal(kept.length, 6);
    assert.deepEqual(removed.map((r) => r.reason), ['clutter', 'tail', 'tail', 'tail']);
  });
});

describe('the language identifier, its profiles read as JSON', () => {
  it('names the language of short news texts as eld/medium does, in eight languages and four scripts', async () => {
    const { eld } = await import('eld/medium');
    const texts: [string, string][] = [
      ['de', 'Der Verteidigungsminister telefonierte am Freitag mit seinem russischen Amtskollegen über die Lage in der Ukraine.'],
      ['vi', 'Bộ trưởng Quốc phòng Mỹ đã điện đàm với người đồng cấp Nga về tình hình chiến sự ở Ukraine.'],
      ['it', 'Il segretario alla Difesa ha parlato al telefono con il ministro russo della situazione in Ucraina.'],
      ['ru', 'Министр обороны США провёл телефонный разговор с российским коллегой о ситуации на Украине.'],
      ['ar', 'أجرى وزير الدفاع الأمريكي اتصالا هاتفيا مع نظيره الروسي بشأن الوضع في أوكرانيا.'],
      ['el', 'Ο υπουργός Άμυνας των ΗΠΑ συνομίλησε τηλεφωνικά με τον Ρώσο ομόλογό του για την Ουκρανία.'],
      ['pl', 'Sekretarz obrony rozmawiał przez telefon z rosyjskim ministrem o sytuacji na Ukrainie.'],
      ['en', 'The defence secretary spoke by phone with his Russian counterpart about the war in Ukraine.'],
    ];
    for (const [lang, text] of texts) {
      assert.equal(identifyLanguage(text), lang, text);
      assert.equal(identifyLanguage(text), eld.detect(text).language, text);
    }
  });

  it('makes kept data again when its file is damaged, and keeps it whole', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-'));
    const file = path.join(dir, 'sub', 'x.json');
    assert.equal(readKept(file), undefined);
    keep(file, { a: [1, 'é'] });
    assert.deepEqual(readKept(file), { a: [1, 'é'] });
    fs.writeFileSync(file, '{"a": [1, "');
    assert.equal(readKept(file), undefined);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'sub')), ['x.json']);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('languages the identifier does not know', () => {
  it('tells Indonesian from the Malay the library reports, by its own words', () => {
    assert.equal(refineLanguage('ms', 'Presiden mengatakan pemerintah akan bekerja karena rakyat sudah menunggu.'), 'id');
    assert.equal(refineLanguage('ms', 'Kerajaan akan membantu rakyat kerana mereka perlukan wang.'), 'ms');
  });
});

describe('photo captions and bylines beside the stamp', () => {
  it('drops the photographer from a caption\'s trailing credit and keeps the agency', () => {
    const credits = 'Foto|Bild|Photo';
    assert.equal(withoutPhotographer({ text: '[Bild: Die Medienkonferenz im Bundeshaus. (Keystone/Peter Klaunzer)]', line: 1 }, credits).text, '[Bild: Die Medienkonferenz im Bundeshaus. (Keystone)]');
    assert.equal(withoutPhotographer({ text: '[Foto: Simpatizantes celebran en el Zócalo. Cuartoscuro / Graciela López]', line: 1 }, credits).text, '[Foto: Simpatizantes celebran en el Zócalo. Cuartoscuro]');
  });
  it('takes a name with its place next to the date stamp for the byline', () => {
    const text = ['Osimhen Galatasaray\'a kiralandı', '', 'Nijeryalı golcü, Napoli\'den bir yıllığına kiralandı.', '', '03.09.2024 Salı 11:27 | Güncelleme: 11:58', 'Burak Aydemir / İstanbul', '',
      'Galatasaray, Nijeryalı golcü Victor Osimhen\'i Napoli\'den bir yıllığına kiraladığını açıkladı ve transfer dün gece resmi olarak tamamlandı, kulüp taraftarları havalimanında oyuncuyu karşıladı.'].join('\n');
    const { article } = normaliseArticle(readArticle('x.txt', new TextEncoder().encode(text)).article!, registries);
    assert.equal(article.author, 'Burak Aydemir');
  });
});

describe('page furniture in Markdown', () => {
  it('removes share strips, a related list and a newsletter line from a Markdown capture, and reads the agency of a photo credit', () => {
    const text = [
      '---', 'title: "Thieves take a golden helmet from a Dutch museum"', 'date: 2025-01-26', '---', '',
      'Thieves used explosives to break into the museum early on Saturday and escaped with a gold helmet on loan from Romania, police said.', '',
      'The blast, shortly before four in the morning, tore open a side door facing the square in the centre of the town, witnesses told reporters.', '',
      '*The empty display case. Foto: Ansa/Elena Conti*', '',
      'The museum said it would remain shut while forensic teams worked inside.', '',
      '---', '',
      'Share this article: Facebook | X | Email', '',
      '**More from Culture**',
      '- Louvre director Laurence Marchetti warns of obsolete galleries',
      '- Stolen painting returned to a museum', '',
      '*Mehr aus Kultur* · [Newsletter abonnieren](https://example.org/newsletter)',
    ].join('\n');
    const raw = readArticle('x.md', new TextEncoder().encode(text)).article!;
    const { article } = normaliseArticle(raw, registries);
    for (const gone of ['Share this article', 'More from Culture', 'Laurence Marchetti', 'Newsletter abonnieren']) assert.ok(!article.body.includes(gone), gone);
    assert.ok(article.body.includes('The museum said it would remain shut while forensic teams worked inside.'));
    // The caption stays in the page; its photographer is no person of the article, its agency is credited.
    assert.ok(article.body.includes('Foto: Ansa/Elena Conti'));
    assert.deepEqual(article.people, []);
    assert.deepEqual(article.agencies, ['ANSA']);
  });
});

describe('a raw capture, end to end through the normaliser', () => {
  it('takes the source line, the signature and the agencies, and keeps names out of clutter', () => {
    const text = [
      'Bộ trưởng Quốc phòng Nga Andrey Belousov điện đàm với Lloyd Austin',
      'Ngày 12/7, Bộ trưởng Quốc phòng Mỹ Lloyd Austin đã có cuộc điện đàm với người đồng cấp Nga Andrey Belousov, theo Reuters. Hai bên thảo luận về Tổ chức Hiệp ước Bắc Đại Tây Dương và tình hình an ninh châu Âu.',
      'Ông Belousov cảnh báo nguy cơ leo thang. Tổ chức Hiệp ước Bắc Đại Tây Dương chưa bình luận.',
      'Minh Anh',
      'Nguồn: https://example.vn/bai-viet-123.html',
      'Đừng bỏ lỡ',
      'Tổng thống Vladimir Putin thăm Trung Quốc',
    ].join('\n');
    const raw = readArticle('x.txt', new TextEncoder().encode(text)).article!;
    const { article } = normaliseArticle(raw, registries);
    assert.equal(article.lang, 'vi');
    assert.equal(article.title, 'Bộ trưởng Quốc phòng Nga Andrey Belousov điện đàm với Lloyd Austin');
    assert.equal(article.source.url, 'https://example.vn/bai-viet-123.html');
    assert.equal(article.source.name, 'example.vn');
    assert.equal(article.author, 'Minh Anh');
    assert.deepEqual(article.agencies, ['Reuters']);
    assert.deepEqual(article.people.map((p) => p.id), ['andrei-belousov', 'lloyd-austin']);
    assert.deepEqual(article.topics.map((t) => t.id), ['nato']);
    assert.ok(!article.body.includes('Putin'));
    assert.ok(!article.body.includes('Nguồn:'));
  });
  it('lets front matter topics go through the registry aliases', () => {
    assert.equal(findTopic(registries.topics, 'otan')?.id, 'nato');
    assert.equal(findTopic(registries.topics, 'НАТО')?.id, 'nato');
  });
});

const blocksOf = (lines: string[]) => toBlocks(lines.join('\n'), 1);
const capture = (lines: string[]) => normaliseArticle(readArticle('capture.txt', new TextEncoder().encode(lines.join('\n'))).article!, registries).article;
const filler = 'The regional council approved the new budget on a narrow vote after a long debate about schools, roads and the harbour, and the opposition promised to keep fighting the plan in the months ahead.';

describe('page furniture by shape', () => {
  it('takes a row of short cells set apart by runs of spaces for controls, but not a table of figures or prose', () => {
    assert.equal(isNavRow('Home   Video   Live   Sign in'), true);
    assert.equal(isNavRow('Print  Save\tShare'), true);
    assert.equal(isNavRow('Conservatives   121   -251'), false);
    assert.equal(isNavRow('The minister spoke.  Then the committee voted on the amendment, which passed easily.'), false);
  });
  it('recognises breadcrumb trails in any script, not comparisons', () => {
    assert.equal(isBreadcrumb('Inicio › Deportes › Fútbol'), true);
    assert.equal(isBreadcrumb('Startseite > Wirtschaft'), true);
    assert.equal(isBreadcrumb('Новости / Экономика'), true);
    assert.equal(isBreadcrumb('Inflation > 5% in May'), false);
    assert.equal(isBreadcrumb('The talks ended without agreement on Tuesday'), false);
  });
  it('takes a one-line menu of section labels, not a phrase made of them', () => {
    assert.equal(isMenuLine('Home Politics Business Sport Weather'), true);
    assert.equal(isMenuLine('News from Europe and Asia'), false);
    assert.equal(isMenuLine('Lan Phương/Tin Tức'), false); // a signature with two label words is no menu
  });
  it('drops a run of three or more headline-shaped lines at the end of the page', () => {
    const kept = blocksOf([filler, filler, filler, 'Reporting by Sam Reed; editing by Ana Cruz', 'Mayor under fire over budget shortfall', 'Police appeal for witnesses after bridge crash', 'Five things to do this weekend']);
    const removed: Parameters<typeof trailingHeadlines>[1] = [];
    trailingHeadlines(kept, removed);
    assert.deepEqual([kept.length, removed.length], [4, 3]);
    const two = blocksOf([filler, filler, filler, 'Mayor under fire over budget shortfall', 'Five things to do this weekend']);
    trailingHeadlines(two, []);
    assert.equal(two.length, 5);
  });
  it('removes consent banners, audio players, copyright lines, stamps and epoch stamps', () => {
    const lines = ['Diese Website verwendet Cookies, um Inhalte zu personalisieren.', 'Artikel anhören', 'Überschrift eines Berichts über den Hafen', filler, 'Zuletzt: 01.01.1970', 'Veröffentlicht am 4. März 2024, 10:00 Uhr', '© 2024 Beispiel Verlag GmbH', filler];
    const { kept, removed } = separateClutter(blocksOf(lines), false);
    assert.deepEqual(kept.map((b) => b.line), [3, 4, 8]);
    assert.equal(removed.length, 5);
  });
});

describe('headline', () => {
  it('is a headline in guillemets, not a breadcrumb; and not the tagline under the masthead', () => {
    assert.equal(isBreadcrumb('«Луна-25» разбилась о поверхность Луны'), false);
    assert.equal(isBreadcrumb('Главная » Наука » Космос'), true);
    const article = capture(['PARIS MATINAL\nLe quotidien du Grand Paris\nSe connecter | S\'abonner', 'Notre-Dame de Paris rouvre ses portes', 'Par Sophie Marchal', filler, filler]);
    assert.equal(article.title, 'Notre-Dame de Paris rouvre ses portes');
  });
  it('is never a menu, a breadcrumb, a consent banner or an agency credit', () => {
    const article = capture(['We use cookies to improve your experience. Accept all   Manage preferences', 'Home   Politics   Business   Sign in', 'Home › Politics', 'Harbour budget passes after marathon council session', 'Mon 03/06/2024 09:14', filler, filler]);
    assert.equal(article.title, 'Harbour budget passes after marathon council session');
    assert.equal(isCreditLine('The Courier with Reuters'), true);
    assert.equal(isCreditLine('Talks with Putin stall'), false);
  });
  it('prefers the line sharing most words with the URL slug', () => {
    const blocks = blocksOf(['Weekend offer: three months for free', 'Harbour budget passes after marathon council session', filler]);
    assert.deepEqual([...slugWords('https://example.org/news/2024/06/harbour-budget-passes-council-123.html')].sort(), ['budget', 'council', 'harbour', 'html', 'news', 'passes']);
    assert.deepEqual(findHeadline(blocks, 'https://example.org/news/harbour-budget-passes-council'), { index: 1 });
    assert.deepEqual(findHeadline(blocks), { index: 0 });
  });
  it('is found above a long labelled stamp and a byline, not in the masthead', () => {
    const frFiller = 'Les dockers ont reconduit la grève pour la troisième journée consécutive, bloquant le terminal à conteneurs et les ferries, tandis que la direction du port dénonce un mouvement qui pénalise toute l\'économie de la région.';
    const article = capture(["L'Écho du Port", 'Accueil › Régions', 'Grève des dockers : le port bloqué pour la troisième journée', 'Publié le 1er juin 2024 à 08h00, modifié le 2 juin 2024 à 10h00', 'Par Claire Martin', frFiller, frFiller]);
    assert.equal(article.title, 'Grève des dockers : le port bloqué pour la troisième journée');
    assert.equal(article.author, 'Claire Martin');
    assert.deepEqual(article.date && [article.date.value, article.date.certainty], ['2024-06-01', 'stated']);
    assert.ok(!article.body.includes('Publié le'));
  });
  it('stands just above the date stamp or byline, a subtitle allowed between', () => {
    const blocks = blocksOf(['Weekend offer: three months for free', 'Politics', 'Harbour budget passes after marathon council session', 'Opposition vows to keep fighting the plan', 'Mon 03/06/2024 09:14', filler]);
    assert.deepEqual(findHeadline(blocks, null, new Set([5])), { index: 2 });
    assert.deepEqual(findHeadline(blocks), { index: 0 });
  });
});

describe('a publication stamp without a year', () => {
  const build = (stamp: string) => {
    const text = ['La cathédrale rouvre ses portes', 'Par Sophie Marchal', stamp, '',
      "La cathédrale a rouvert ses portes samedi soir, plus de cinq ans après l'incendie du 15 avril 2019, devant des centaines d'invités venus du monde entier pour la cérémonie."].join('\n');
    return normaliseArticle(readArticle('x.txt', new TextEncoder().encode(text)).article!, registries);
  };
  it('never takes an earlier event in the text for the day of a stamp that lacks its year', () => {
    // 7 December was a Saturday in 2019 and in 2024: the year cannot be told.
    const { article, diagnostics } = build('Publié le samedi 7 décembre à 21h12');
    assert.equal(article.date, null);
    assert.match(diagnostics.map((d) => d.message).join('\n'), /has no year, and 2019 and 2024 both fit its weekday/);
  });
  it('infers the year when only one year from the latest mentioned fits the weekday', () => {
    // From 2019 to 2029, 8 December is a Monday only in 2025.
    const { article } = build('Publié le lundi 8 décembre à 10h00');
    assert.deepEqual(article.date && [article.date.value, article.date.certainty], ['2025-12-08', 'inferred']);
  });
});

describe('stamps and datelines', () => {
  it('reads the stamp among the fields of a strip', () => {
    const base = ['Vikram lander makes a soft landing at 6.04 pm', '', 'Deccan Courier Bureau | Updated: Aug 23, 2023, 21:42 IST', '', filler, '', filler];
    const { article } = normaliseArticle(readArticle('x.txt', new TextEncoder().encode(base.join('\n'))).article!, registries);
    assert.deepEqual(article.date && [article.date.value, article.date.certainty], ['2023-08-23', 'stated']);
  });
  it('reads a short line holding a date and a time as a stamp, with a weekday or a label beside it', () => {
    const en = stampLine('Mon 03/06/2024 09:14 GMT', langData('en'));
    assert.deepEqual([en?.year, en?.month, en?.day], [2024, 6, 3]);
    const ru = stampLine('Опубликовано 25 июня 2024, 18:40', langData('ru'));
    assert.deepEqual([ru?.year, ru?.month, ru?.day], [2024, 6, 25]);
    const month = stampLine('Juni 2023', langData('de'));
    assert.deepEqual([month?.year, month?.month, month?.day], [2023, 6, null]);
    assert.equal(stampLine('Seit März 2022 im Krieg', langData('de')), null);
    assert.equal(stampLine('Ten years after the floods of 3 June 2014, the town rebuilt its harbour and its schools', langData('en')), null);
  });
  it('reads a place-comma-date-dash dateline at the start of the lede', () => {
    const d = ledeDateline('LYON, 3 juin 2024 (AFP) – Les pompiers ont maîtrisé un incendie dans une usine.', langData('fr'));
    assert.deepEqual([d?.year, d?.month, d?.day], [2024, 6, 3]);
    assert.equal(ledeDateline('Le 3 juin 2024, les pompiers ont maîtrisé un incendie.', langData('fr')), null);
  });
  it('reads Arabic-Indic digits, French 1er, Czech spaced dots and an Arabic comma', () => {
    const ar = findDates('نُشر في: الأحد ٢ مارس ٢٠٢٥ - ١٠:٣٠', langData('ar'));
    assert.deepEqual([ar[0]?.year, ar[0]?.month, ar[0]?.day], [2025, 3, 2]);
    const fr = findDates('Mis à jour le 1er juin 2024', langData('fr'));
    assert.deepEqual([fr[0]?.year, fr[0]?.month, fr[0]?.day], [2024, 6, 1]);
    const cs = findDates('Aktualizováno 12. 6. 2024 v 9:30', langData('cs'));
    assert.deepEqual([cs[0]?.year, cs[0]?.month, cs[0]?.day], [2024, 6, 12]);
    const comma = findDates('الأحد، ٢ مارس، ٢٠٢٥', langData('ar'));
    assert.deepEqual([comma[0]?.year, comma[0]?.weekday], [2025, 6]);
  });
});

describe('bylines', () => {
  it('takes a name alone on a line before the first paragraph, with a credit, but not an agency or a section', () => {
    assert.deepEqual(findBareByline(blocksOf(['Lan Phương (TTXVN)', filler])), { name: 'Lan Phương', index: 0 });
    assert.deepEqual(findBareByline(blocksOf(['Мария Соколова', filler])), { name: 'Мария Соколова', index: 0 });
    assert.equal(findBareByline(blocksOf(['Associated Press', filler])), null);
    assert.equal(findBareByline(blocksOf([filler, 'Jane Doe'])), null);
    assert.equal(isPersonName('Foreign Ministry'), false);
  });
  it('reads a byline at the end of the text, with a semicolon after the name', () => {
    assert.deepEqual(findByline(blocksOf([filler, filler, filler, filler, filler, filler, filler, 'Reporting by Sam Reed; editing by Ana Cruz'])), { name: 'Sam Reed', index: 7 });
  });
  it('reads a signature with an outlet after a slash, and drops the author bio', () => {
    const blocks = blocksOf([filler, 'Quốc Huy/VTV.VN']);
    assert.equal(findSignature(blocks)?.name, 'Quốc Huy');
    assert.equal(findBio(blocksOf([filler, 'Jane Doe covers transport and city hall for the paper.']), 'Jane Doe'), 1);
    assert.equal(findBio(blocksOf([filler, 'The council meets again in July.']), 'Jane Doe'), null);
  });
  it('ends a first sentence before a letter of a caseless script', () => {
    assert.equal(firstSentence('وصل الوزير إلى المدينة. والتقى بالمسؤولين.'), 'وصل الوزير إلى المدينة');
  });
});

describe('mastheads, top bylines and credits', () => {
  it('takes a bar or middle-dot menu with up to ten items for furniture, and a consent banner with buttons', () => {
    assert.equal(isBreadcrumb('Home | World | Sport | Arts | Travel | Video | Sign in | Subscribe'), true);
    assert.equal(isBreadcrumb('HARBOUR NEWS · CITY'), true);
    const { removed } = separateClutter(blocksOf(['By continuing you accept our use of cookies for statistics. OK | More', filler]), false);
    assert.equal(removed.length, 1);
  });
  it('knows the outlet by the copyright notice: never the headline, and spelled as the notice spells it', () => {
    const copyright = copyrightLines(blocksOf(['© 2024 «Harbour Gazette» Ltd. All rights reserved.']));
    assert.equal(namedInCopyright('HARBOUR GAZETTE', copyright), 'Harbour Gazette');
    assert.equal(namedInCopyright('Harbour budget passes', copyright), null);
    const article = capture(['Mon 03/06/2024 09:14', 'The Harbour Gazette', 'Harbour budget passes after marathon council session', filler, filler, '© 2024 The Harbour Gazette Ltd']);
    assert.equal(article.title, 'Harbour budget passes after marathon council session');
    assert.equal(article.source.name, 'The Harbour Gazette');
  });
  it('does not take a date stamp for the headline, nor an agency credit for the source', () => {
    const article = capture(['3 June 2024, 09:14', 'Harbour budget passes after marathon council session', filler, filler, 'Source: Reuters, AFP']);
    assert.equal(article.title, 'Harbour budget passes after marathon council session');
    assert.equal(article.source.name, null);
  });
  it('reads a byline above the headline on a page whose copyright names the outlet, but not the outlet in capitals', () => {
    const article = capture(['Jane Doe', 'HARBOUR GAZETTE', 'Harbour budget passes after marathon council session', filler, filler, '© 2024 Harbour Gazette']);
    assert.equal(article.author, 'Jane Doe');
    assert.equal(article.source.name, 'Harbour Gazette');
    assert.equal(findTopByline(blocksOf(['Jane Doe']), []), null);
    assert.equal(findTopByline(blocksOf(['Harbour NEWS']), ['© Other Paper']), null);
  });
  it('reads bylines with a dash after the name, in caseless scripts, and a name after a standfirst when a stamp follows', () => {
    assert.equal(findByline(blocksOf(['Por Ana Souza — Lisboa', filler]))?.name, 'Ana Souza');
    assert.equal(findByline(blocksOf(['كتب: سامي يوسف', filler]))?.name, 'سامي يوسف');
    assert.equal(findBareByline(blocksOf(['PORT GAZETTE', filler])), null);
    assert.deepEqual(findBareByline(blocksOf([filler, 'Jane Doe']), new Set([3])), { name: 'Jane Doe', index: 1 });
    assert.equal(findBio(blocksOf([filler, 'Jane Doe – reporter for the city desk.']), 'Jane Doe'), 1);
  });
  it('takes an emphasised byline under a Markdown title out of the body', () => {
    const raw = readArticle('x.md', new TextEncoder().encode(['---', 'title: Harbour budget passes', '---', '', '*By Jane Doe*', '', filler].join('\n'))).article!;
    const { article } = normaliseArticle(raw, registries);
    assert.equal(article.author, 'Jane Doe');
    assert.ok(!article.body.includes('Jane Doe'));
  });
});

describe('Hebrew and short stamps', () => {
  it('reads a two-digit year in a dotted stamp, and Hebrew months with their joined preposition', () => {
    const d = stampLine('פורסם: 05.03.24, 10:20', langData('he'));
    assert.deepEqual([d?.year, d?.month, d?.day], [2024, 3, 5]);
    const m = findDates('ביום שלישי, 4 במרץ 2025', langData('he'));
    assert.deepEqual([m[0]?.year, m[0]?.month, m[0]?.day], [2025, 3, 4]);
    assert.equal(findDates('version 1.2.3', langData('en')).length, 0);
  });
  it('takes the outlet from "Name | Section" above the headline when the copyright names it', () => {
    const heFiller = 'מועצת העיר אישרה אמש את תקציב הנמל לאחר דיון ארוך על בתי הספר, הכבישים והנמל, והאופוזיציה הבטיחה להמשיך להיאבק בתוכנית בחודשים הקרובים.';
    const article = capture(['קול הנמל | חדשות', 'תקציב הנמל אושר אחרי דיון ארוך במועצת העיר', heFiller, heFiller, '© כל הזכויות שמורות ל"קול הנמל" 2024']);
    assert.equal(article.source.name, 'קול הנמל');
  });
});

describe('furniture beside the article', () => {
  it('drops a strip with a stamp, a photographer credited in a caption, a handle line and a job title under the byline', () => {
    const lines = ['Desk · Leeds · Updated 3 Jun · 09:14', 'The mayor speaks to reporters at the harbour. Photograph: Jane Roe/Harbour Pictures', filler, 'Follow @janeroe', filler];
    const { kept } = separateClutter(blocksOf(lines), false);
    assert.deepEqual(kept.map((b) => b.line), [2, 3, 5]);
    assert.equal(kept[0]!.text, 'The mayor speaks to reporters at the harbour.');
    assert.equal(withoutPhotographer({ text: 'The mayor at the harbour. Foto: dpa', line: 1 }, 'Foto').text, 'The mayor at the harbour. Foto: dpa');
    assert.equal(isRoleLine('Transport Correspondent, Leeds'), true);
    assert.equal(isRoleLine('Jane Roe'), false);
    assert.equal(isRoleLine('The council meets in July.'), false);
  });
  it('reads a labelled stamp at the foot of the page when the top has none', () => {
    const article = capture(['Harbour budget passes after marathon council session', filler, filler, filler, 'Related', 'Port strike ends after three weeks of talks', 'Published: 4 June 2024, 10:00']);
    assert.deepEqual(article.date && [article.date.value, article.date.certainty], ['2024-06-04', 'stated']);
  });
});

describe('guards on bylines and foot stamps', () => {
  it('does not take a noun with a joined article after a byline word for a caseless name', () => {
    assert.equal(findByline(blocksOf(['تقرير الأمم المتحدة', filler])), null);
  });
  it('does not read a date from a foot list with several stamps', () => {
    const article = capture(['Harbour budget passes after marathon council session', filler, filler, filler, 'Related', 'Port strike ends after three weeks of talks', 'Published: 4 June 2024', 'Ferry timetable changes for the summer season', 'Published: 2 June 2024']);
    assert.notEqual(article.date?.certainty, 'stated');
  });
});

describe('duplicate bodies across the archive', async () => {
  const { findDuplicates, sketchOf } = await import('../src/normalise/duplicates.js');
  // Deterministic prose: words drawn from a small vocabulary by a seeded generator.
  const prose = (seed: number, count: number) => {
    const words = ['the', 'minister', 'said', 'talks', 'would', 'resume', 'in', 'june', 'after', 'a', 'call', 'with', 'his', 'counterpart', 'on', 'security', 'and', 'trade', 'officials', 'added'];
    let x = seed;
    return Array.from({ length: count }, () => { x = (x * 1103515245 + 12345) % 2 ** 31; return words[x % words.length]; }).join(' ');
  };
  const boilerplate = 'Share this article on social media and subscribe to our newsletter for the latest news from around the world every single morning';
  const a = `${prose(1, 600)}. ${boilerplate}`;
  const article = (file: string, body: string) => ({ file, body, url: `articles/${file.replace('.md', '')}/` });

  it('reports a body saved again with a paragraph more, with the share of five-word runs, whether the sketches are cached or not', () => {
    const list = [article('a.md', a), article('b.md', `${a}\n\n${prose(7, 60)}`), article('c.md', `${prose(2, 600)}. ${boilerplate}`), article('d.md', `${prose(3, 600)}. ${boilerplate}`)];
    const expected = ['b.md: nearly the same text as a.md (91% of their five-word runs shared); both are in the site (articles/a/ and articles/b/). If they are one article, delete one file or mark it draft: true'];
    const shown = (ds: ReturnType<typeof findDuplicates>) => ds.map((d) => `${d.file}: ${d.message}`);
    assert.deepEqual(shown(findDuplicates(list)), expected);
    assert.deepEqual(shown(findDuplicates(list, new Map(list.map((x) => [x.file, sketchOf(x.body)])))), expected);
  });

  it('does not report bodies that share only their boilerplate', () => {
    const list = Array.from({ length: 10 }, (_, i) => article(`${i}.md`, `${prose(100 + i, 400)}. ${boilerplate}`));
    assert.deepEqual(findDuplicates(list), []);
  });
});
