// Unit tests of the normalise stage's pure helpers, fed plain data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { langData } from '../src/lang/data.js';
import { readArticle } from '../src/load/read.js';
import type { PersonEntry, Registries } from '../src/model.js';
import { separateClutter, toBlocks } from '../src/normalise/body.js';
import { yearFromOffices } from '../src/normalise/date.js';
import { normaliseArticle } from '../src/normalise/index.js';
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
