// People: one identity across spellings, scripts and cases; people outside the registry
// found from role words and honorifics; places and institutions never taken for people.
// The sentences are written for these tests, not taken from the corpora.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { langData } from '../src/lang/data.js';
import type { Article, PersonEntry } from '../src/model.js';
import { findPeople, peopleMatcher } from '../src/normalise/people.js';
import { skeleton } from '../src/people/keys.js';
import { mergeUnregistered } from '../src/people/merge.js';

const entry = (id: string, name: string, aliases: string[] = []): PersonEntry => ({ id, name, aliases, offices: [] });
// A registry as a busy archivist keeps it: Latin names, no foreign spellings.
const registry = [
  entry('lloyd-austin', 'Lloyd Austin'),
  entry('andrei-belousov', 'Andrei Belousov'),
  entry('sergei-shoigu', 'Sergei Shoigu'),
  entry('sergey-lavrov', 'Sergey Lavrov'),
  entry('volodymyr-zelensky', 'Volodymyr Zelensky'),
  entry('vladimir-putin', 'Vladimir Putin'),
  entry('kamala-harris', 'Kamala Harris'),
  entry('amlo', 'Andrés Manuel López Obrador', ['AMLO']),
  entry('jens-stoltenberg', 'Jens Stoltenberg'),
];
const matcher = peopleMatcher(registry);
const find = (lang: string, text: string) => findPeople(text, matcher, langData(lang));
const registered = (lang: string, text: string) => find(lang, text).filter((p) => p.registered).map((p) => p.id);
const detected = (lang: string, text: string) => find(lang, text).filter((p) => !p.registered).map((p) => [p.name, p.confidence]);

describe('registry people across languages', () => {
  it('folds transliterations: Polish, Turkish, French, German', () => {
    assert.deepEqual(registered('pl', 'Minister Siergiej Szojgu rozmawiał z dziennikarzami.'), ['sergei-shoigu']);
    assert.deepEqual(registered('tr', 'Savunma Bakanı Sergey Şoygu açıklama yaptı.'), ['sergei-shoigu']);
    assert.deepEqual(registered('fr', 'Le ministre Sergueï Lavrov a reçu Andreï Belooussov.'), ['sergey-lavrov', 'andrei-belousov']);
    assert.deepEqual(registered('de', 'Außenminister Sergej Lawrow und Präsident Wolodymyr Selenskyj'), ['sergey-lavrov', 'volodymyr-zelensky']);
  });
  it('reads grammatical cases once the name is known', () => {
    assert.deepEqual(registered('pl', 'Wołodymyr Zełenski przyjechał. Spotkanie z Zełenskim trwało godzinę, a doradca Zełenskiego milczał.'), ['volodymyr-zelensky']);
    assert.deepEqual(registered('tr', "Vladimir Putin konuştu. Putin'in sözleri yankı uyandırdı."), ['vladimir-putin']);
    assert.deepEqual(registered('de', 'Sergej Schoigu wurde versetzt; Schoigus Nachfolger ist Andrej Beloussow.'), ['sergei-shoigu', 'andrei-belousov']);
  });
  it('matches names in another script by their consonants, with case endings', () => {
    assert.deepEqual(registered('ru', 'Андрей Белоусов провёл разговор с Ллойдом Остином.'), ['andrei-belousov', 'lloyd-austin']);
    assert.deepEqual(registered('uk', 'Генсек НАТО нагадав слова Єнса Столтенберга.'), ['jens-stoltenberg']);
    assert.deepEqual(registered('ar', 'التقى وزير الدفاع لويد أوستن نظيره الروسي أندريه بيلوسوف.'), ['lloyd-austin', 'andrei-belousov']);
    assert.equal(skeleton('Lloyd'), skeleton('Lloyd'.toLowerCase()));
  });
  it('takes the last words of a long registered name as that person', () => {
    assert.deepEqual(registered('es', 'El presidente saliente, López Obrador, felicitó a la ganadora.'), ['amlo']);
  });
  it('does not give a surname to the registry person when the text names someone else with it', () => {
    const text = 'Taoiseach Simon Harris congratulated him. "We are neighbours," Mr Harris said.';
    assert.deepEqual(registered('en', text), []);
    assert.deepEqual(detected('en', text).map(([n]) => n), ['Simon Harris']);
  });
  it('takes a surname alone when it is repeated and only one registry person carries it', () => {
    assert.deepEqual(registered('uk', 'Путін погрожує. Відповідь на заяви Путіна прозвучала в Києві.'), ['vladimir-putin']);
    assert.deepEqual(registered('en', 'The talks in Austin, Texas, went on.'), []);
  });
});

describe('people outside the registry', () => {
  it('finds a name after a role word or an honorific, with a confidence', () => {
    assert.deepEqual(detected('de', 'Das sagte Regierungssprecherin Anna Berger am Montag.'), [['Anna Berger', 0.85]]);
    assert.deepEqual(detected('en', 'Pentagon press secretary John Novak said the call lasted an hour.'), [['John Novak', 0.85]]);
    assert.deepEqual(detected('vi', 'Người phát ngôn Bộ Ngoại giao Việt Nam Lê Thị Mai cho biết.'), [['Lê Thị Mai', 0.75]]);
    assert.deepEqual(detected('ru', 'Об этом сообщил пресс-секретарь Иван Соколов.'), [['Иван Соколов', 0.85]]);
  });
  it('finds a name with the role after it, in apposition', () => {
    assert.deepEqual(detected('en', 'Maria Lopez, the ministry spokeswoman, declined to comment.').map(([n]) => n), ['Maria Lopez']);
  });
  it('finds an Arabic name after a role and the words of the role', () => {
    assert.deepEqual(detected('ar', 'وقال المتحدث باسم وزارة الخارجية الروسية أحمد سالم إن الاجتماع مهم.'), [['أحمد سالم', 0.75]]);
  });
  it('never takes places, institutions or organisations for people', () => {
    assert.deepEqual(detected('vi', 'Người phát ngôn Lầu Năm Góc cho biết. Phát ngôn viên Điện Kremlin từ chối.'), []);
    assert.deepEqual(detected('en', 'A spokesman for the White House and a Pentagon spokesman declined.'), []);
    assert.deepEqual(detected('de', 'Der Sprecher der Deutschen Bank und der Sekretär im Nationalen Sicherheitsrat schwiegen.'), []);
    assert.deepEqual(detected('it', "L'ambasciatore degli Stati Uniti in Russia ha parlato."), []);
    assert.deepEqual(detected('ru', 'корреспондента The Wall Street Journal задержали.'), []);
  });
  it('finds a name that opens with a known given name, with no role word near it', () => {
    assert.deepEqual(detected('it', 'Alla cerimonia erano presenti Tilda Swinton e Julianne Moore.').map(([n]) => n), ['Tilda Swinton', 'Julianne Moore']);
    assert.deepEqual(detected('nl', 'Volgens Marieke Jansen is de vraag groot.').map(([n]) => n), ['Marieke Jansen']);
  });
  it('does not take streets, prizes, places or works named after people for people', () => {
    assert.deepEqual(detected('it', 'La sede è in via Guglielmo Marconi, accanto al Premio «Mia Martini».'), []);
    assert.deepEqual(detected('en', 'Visitors queued outside the Tate Modern on Sunday.'), []);
    assert.deepEqual(detected('es', 'El partido se jugó en San Fernando de Henares.'), []);
  });
  it('does not take the byline author or a photographer for a person of the article', () => {
    assert.deepEqual(detected('de', 'Foto: Kay Nietfeld/dpa'), []);
    assert.deepEqual(detected('it', 'La vincitrice sul palco (foto Marco Zanin/ANSA)'), []);
  });
  it('finds a name with an age or a "counterpart" after it, and past the organisation of a role', () => {
    assert.deepEqual(detected('en', 'Pieter de Wit, 58, who lives opposite, heard the blast.').map(([n]) => n), ['Pieter de Wit']);
    assert.deepEqual(detected('en', 'Talks went well. Farid Hasanli, her Azerbaijani counterpart, agreed.').map(([n]) => n), ['Farid Hasanli']);
    assert.deepEqual(detected('it', 'Il presidente della Biennale, Ottavio Ferretti, ha parlato.').map(([n]) => n), ['Ottavio Ferretti']);
    assert.deepEqual(detected('es', 'Lo adelantó el periodista Fabio Romano.').map(([n]) => n), ['Fabio Romano']);
  });
  it('reads a given name in a grammatical case and after a preposition', () => {
    assert.deepEqual(detected('ru', 'Вместе с бывшим руководителем одного из банков Антоном Филиным он похитил деньги.').map(([n]) => n), ['Антоном Филиным']);
    assert.deepEqual(detected('de', 'Nach Angaben von Manfred Kühne steigt die Zahl.').map(([n]) => n), ['Manfred Kühne']);
    // A case ending is not a given name of its own: "Putins" is no Puti + ns.
    assert.deepEqual(detected('de', 'Putins Strategie ist gescheitert, sagen Beobachter.'), []);
  });
  it('reads a name after an elided article ("qu\'Emmanuel")', () => {
    assert.deepEqual(registered('fr', "Il a précisé qu'Emmanuel Macron était informé.").length, 0);
    assert.deepEqual(findPeople("Il a précisé qu'Emmanuel Macron était informé.", peopleMatcher([entry('emmanuel-macron', 'Emmanuel Macron')]), langData('fr')).map((p) => p.id), ['emmanuel-macron']);
  });
  it('does not take a sentence-initial word for a registry surname in its case form', () => {
    const lisovyi = peopleMatcher([entry('oksen-lisovyi', 'Oksen Lisovyi')]);
    assert.deepEqual(findPeople('Лісова пожежа охопила 300 гектарів.', lisovyi, langData('uk')), []);
  });
  it('does not take world regions for people', () => {
    assert.deepEqual(detected('it', 'Un piano per Medio Oriente, Nord Africa e Sahel. In Africa la crisi cresce, dice l\'Africa.'), []);
    assert.deepEqual(detected('en', 'She follows the South Caucasus, said analyst Rosa Park.').map(([n]) => n), ['Rosa Park']);
  });
  it('reads middle initials, hyphenated particles and Turkish case endings as name boundaries', () => {
    assert.deepEqual(detected('en', 'U.S. District Judge Amit P. Mehta wrote the opinion.').map(([n]) => n), ['Amit P. Mehta']);
    assert.deepEqual(detected('fr', 'La flèche dessinée par Eugène Viollet-le-Duc domine l\'île.').map(([n]) => n), ['Eugène Viollet-le-Duc']);
    assert.deepEqual(detected('tr', "Belediye Başkanı Resul Emrah Şahan gözaltına alındı. CHP'nin İmamoğlu'nu desteklediği biliniyor.").map(([n]) => n), ['Resul Emrah Şahan']);
    assert.deepEqual(detected('fr', 'Les visiteurs sont entrés dans Notre-Dame de Paris samedi.'), []);
  });
  it('finds the name after a registered person in a case form ("Usyk\'s coach Yehor Holub")', () => {
    const usyk = peopleMatcher([entry('oleksandr-usyk', 'Oleksandr Usyk')]);
    const people = findPeople('Олександр Усик переміг. Тренер Усика Єгор Голуб зізнався у всьому.', usyk, langData('uk'));
    assert.deepEqual(people.map((p) => p.name), ['Oleksandr Usyk', 'Єгор Голуб']);
  });
  it('does not take a surname inside a longer name for a registry person', () => {
    const sousa = peopleMatcher([entry('marcelo-rebelo-de-sousa', 'Marcelo Rebelo de Sousa')]);
    const people = findPeople('Marcelo Rebelo de Sousa falou. Inês de Sousa Real conseguiu manter o lugar.', sousa, langData('pt'));
    assert.deepEqual(people.map((p) => p.name), ['Marcelo Rebelo de Sousa', 'Inês de Sousa Real']);
  });
  it('reads Arabic compound and patronymic names, and skips organisations and places named after a king', () => {
    const mbs = peopleMatcher([entry('mohammed-bin-salman', 'Mohammed bin Salman', ['محمد بن سلمان']), entry('gianni-infantino', 'Gianni Infantino')]);
    const text = 'وأعلن رئيس الفيفا جياني إنفانتينو النتيجة. ورفع الأمير محمد بن سلمان الشكر إلى الملك سلمان بن عبد العزيز آل سعود. '
      + 'وقال وزير الرياضة الأمير عبد العزيز بن تركي إن الاستضافة مهمة، فيما أشار رئيس الاتحاد السعودي لكرة القدم ياسر المسحل إلى التقييم. '
      + 'من بينها ملعب الملك فهد الدولي بعد تطويره.';
    const people = findPeople(text, mbs, langData('ar'));
    assert.deepEqual(people.map((p) => p.name), ['Gianni Infantino', 'Mohammed bin Salman', 'سلمان بن عبد العزيز آل سعود', 'عبد العزيز بن تركي', 'ياسر المسحل']);
  });
  it('follows a list of names without capitals once an "and" closes it, from a registered name', () => {
    const rappaport = peopleMatcher([entry('assaf-rappaport', 'Assaf Rappaport')]);
    const list = findPeople('החברה הוקמה על ידי ארבעה חברים: אסף רפפורט, עמי לוטבק, ינון קוסטיקה ורועי רזניק, שנפגשו בצבא.', rappaport, langData('he'));
    assert.deepEqual(list.map((p) => p.name), ['Assaf Rappaport', 'עמי לוטבק', 'ינון קוסטיקה', 'רועי רזניק']);
    const noList = findPeople('אמר אסף רפפורט, בהודעה לעובדים.', rappaport, langData('he'));
    assert.deepEqual(noList.map((p) => p.name), ['Assaf Rappaport']);
  });
  it('names royals by one given name after a title, with a regnal number', () => {
    assert.deepEqual(detected('es', 'El rey Felipe VI entregó la copa.').map(([n]) => n), ['Felipe VI']);
    assert.deepEqual(detected('en', 'Queen Mary waved from the balcony, said the ambassador in Washington.').map(([n]) => n), ['Mary']);
  });
  it('keeps a short Vietnamese name word apart from an institution word that starts it (Quận / Quang)', () => {
    assert.deepEqual(detected('vi', 'Chủ tịch UBND tỉnh Bùi Văn Quang cho biết lực lượng đã được huy động.').map(([n]) => n), ['Bùi Văn Quang']);
  });
  it('joins one person across a Czech fleeting vowel (Havlíček / Havlíčka)', () => {
    const havlicek = peopleMatcher([entry('karel-havlicek', 'Karel Havlíček')]);
    assert.deepEqual(findPeople('Podle místopředsedy Karla Havlíčka je to úspěch.', havlicek, langData('cs')).map((p) => p.id), ['karel-havlicek']);
  });
  it('reads Hungarian names family name first, against a registry in the usual order', () => {
    const orban = peopleMatcher([entry('viktor-orban', 'Viktor Orbán')]);
    const people = findPeople('A döntést Orbán Viktor jelentette be. A kérvény mellett Balog Zoltán püspök is kiállt.', orban, langData('hu'));
    assert.deepEqual(people.map((p) => p.name), ['Viktor Orbán', 'Balog Zoltán']);
  });
  it('finds a name after an age ("68-årige Birthe Kjeldsen") and not one inside a square\'s name', () => {
    assert.deepEqual(detected('da', 'Det var stort, sagde 68-årige Birthe Kjeldsen, der havde et flag med.').map(([n]) => n), ['Birthe Kjeldsen']);
    assert.deepEqual(detected('hr', 'Fasade su otpale oko Trga bana Josipa Jelačića u središtu grada.'), []);
  });
  it('matches a registered name written with a middle initial', () => {
    const mehta = peopleMatcher([entry('amit-mehta', 'Amit Mehta')]);
    assert.deepEqual(findPeople('U.S. District Judge Amit P. Mehta ruled. Mehta also said more.', mehta, langData('en')).map((p) => [p.id, p.mentions]), [['amit-mehta', ['Amit P. Mehta', 'Mehta']]]);
  });
  it('ends a Dutch name before "van" + organisation, but keeps "van der" after a given name', () => {
    assert.deepEqual(detected('nl', '"Dit doet pijn", zei directeur Donald Pols van Milieudefensie na afloop.').map(([n]) => n), ['Donald Pols']);
    assert.deepEqual(detected('nl', 'Volgens hoogleraar Sander van der Meulen is de uitspraak helder.').map(([n]) => n), ['Sander van der Meulen']);
    assert.deepEqual(detected('nl', 'Hij doceert aan de Rijksuniversiteit Groningen sinds jaren.'), []);
  });
  it('reads Vietnamese role words with their diacritics (Trương is a name, trưởng a role) and starts a name at its family name', () => {
    assert.deepEqual(detected('vi', 'Chủ tịch Tập đoàn FPT Trương Gia Bình nhận định.').map(([n]) => n), ['Trương Gia Bình']);
    assert.deepEqual(detected('vi', 'Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng ký kết.').map(([n]) => n), ['Nguyễn Chí Dũng']);
  });
  it('does not read a sentence-opening preposition as a given name ("Per Medvedev")', () => {
    assert.deepEqual(detected('it', 'La finale è stata dura. Per Medvedev è la terza sconfitta in finale.'), []);
  });
  it('keeps names like LeBlanc and Ani, and not a square named after a king', () => {
    assert.deepEqual(detected('fr', 'Le ministre des Finances Dominic LeBlanc est cité.').map(([n]) => n), ['Dominic LeBlanc']);
    assert.deepEqual(detected('en', 'Ani Badalyan, spokeswoman for the ministry, said the talks went well.').map(([n]) => n), ['Ani Badalyan']);
    assert.deepEqual(detected('sv', 'På Karl XII:s torg i Stockholm samlades ett fyrtiotal personer.'), []);
    assert.deepEqual(detected('es', 'Lo anunció la consejera presidenta del Instituto Nacional Electoral (INE), Guadalupe Taddei Zavala.').map(([n]) => n), ['Guadalupe Taddei Zavala']);
  });
  it('joins a surname to the full name given before', () => {
    const people = find('en', 'Opposition leader Rishi Sunak conceded. Mr Sunak thanked his staff.');
    assert.deepEqual(people.map((p) => [p.name, p.mentions]), [['Rishi Sunak', ['Rishi Sunak', 'Sunak']]]);
  });
});

describe('one identity per unregistered person across the archive', () => {
  it('merges spellings of one name from different articles and scripts', () => {
    const article = (file: string, lang: string, text: string) => ({ file, people: find(lang, text) }) as unknown as Article;
    const a = article('a.txt', 'de', 'Kremlsprecherin Maria Sacharowa sagte am Montag.');
    const b = article('b.txt', 'ru', 'Официальный представитель МИД Мария Захарова заявила.');
    const c = article('c.txt', 'en', 'Spokeswoman Maria Zakharova said.');
    mergeUnregistered([a, b, c], new Set());
    const ids = [a, b, c].flatMap((x) => x.people.map((p) => p.id));
    assert.equal(ids.length, 3);
    assert.equal(new Set(ids).size, 1, ids.join(' '));
    // Each spelling seen once: the Latin one first in alphabetical order, so the choice does not depend on file order.
    assert.equal(a.people[0]!.name, 'Maria Sacharowa');
  });
});
