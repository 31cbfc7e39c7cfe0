// Quick filter for the search page: a progressive enhancement. Without JavaScript the
// form stays hidden and the page still offers links to browse the archive.
//
// The form carries everything this script needs:
//   data-src   relative URL of api/articles.json
//   data-root  relative prefix from this page to the site root
//   data-msg-* interface strings with {placeholders}, already in the interface language
(function () {
  'use strict';

  var form = document.querySelector('form.search-form[data-src]');
  if (!form || typeof window.fetch !== 'function') return;
  var input = form.querySelector('input[type="search"]');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  if (!input || !status || !results) return;

  var LIMIT = 50;
  var root = form.getAttribute('data-root') || '';
  var uiLang = document.documentElement.lang || undefined;

  /** An interface string from a data-msg-* attribute, with {name} placeholders filled. */
  function msg(name, vars) {
    var text = form.getAttribute('data-msg-' + name) || '';
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return vars && Object.prototype.hasOwnProperty.call(vars, key) ? String(vars[key]) : whole;
    });
  }

  /** Case- and diacritics-insensitive form of a string, for matching only. */
  function fold(value) {
    return String(value == null ? '' : value)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Letters that do not decompose into base + mark.
      .replace(/[đð]/g, 'd')
      .replace(/ß/g, 'ss')
      .replace(/ł/g, 'l')
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'ae')
      .replace(/œ/g, 'oe')
      .replace(/ı/g, 'i')
      // Arabic: tatweel, and the common spelling variants of yeh and teh marbuta.
      .replace(/\u0640/g, '')
      .replace(/\u0649/g, '\u064A')
      .replace(/\u0629/g, '\u0647')
      .replace(/\s+/g, ' ');
  }

  var numberFormat;
  try { numberFormat = new Intl.NumberFormat(uiLang); } catch (e) { numberFormat = new Intl.NumberFormat(); }

  var languageNames = null;
  try { languageNames = new Intl.DisplayNames([uiLang || 'en'], { type: 'language' }); } catch (e) { languageNames = null; }

  function languageName(code) {
    if (!code) return '';
    try { return (languageNames && languageNames.of(code)) || code; } catch (e) { return code; }
  }

  /** Date text for `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, never more precise than the data. */
  function formatDate(value, precision) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(value || ''));
    if (!m) return null;
    var year = Number(m[1]);
    var month = m[2] ? Number(m[2]) : 0;
    var day = m[3] ? Number(m[3]) : 0;
    var options = { timeZone: 'UTC', year: 'numeric' };
    if (month && precision !== 'year') options.month = 'long';
    if (day && month && precision !== 'year' && precision !== 'month') options.day = 'numeric';
    var date = new Date(Date.UTC(year, (month || 1) - 1, day || 1));
    try { return new Intl.DateTimeFormat(uiLang, options).format(date); } catch (e) { return m[0]; }
  }

  var entries = null; // [{ article, title, all }]
  var loadFailed = false;

  function prepare(data) {
    var list = data && Array.isArray(data.articles) ? data.articles : [];
    return list.map(function (a) {
      var names = [];
      (a.people || []).forEach(function (p) { names.push(p && p.name); });
      (a.topics || []).forEach(function (t) { names.push(t && t.name); });
      var title = fold(a.title);
      return {
        article: a,
        title: title,
        all: [title, fold(a.summary), fold(names.join(' \u0001 ')), fold(a.source && a.source.name)].join(' \u0001 '),
      };
    });
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function renderItem(a) {
    var li = el('li', 'result');
    var link = el('a', 'result-title', a.title || a.url);
    link.href = root + a.url;
    if (a.lang) link.lang = a.lang;
    if (a.dir) link.dir = a.dir;
    li.appendChild(link);

    var meta = el('p', 'result-meta');
    var dateText = a.date ? formatDate(a.date, a.datePrecision) : null;
    if (dateText) {
      var time = el('time', null, dateText);
      time.setAttribute('datetime', a.date);
      meta.appendChild(time);
    } else {
      meta.appendChild(el('span', 'undated', msg('undated')));
    }
    var parts = [];
    if (a.source && a.source.name) parts.push(a.source.name);
    if (a.lang) parts.push(languageName(a.lang));
    parts.forEach(function (part) {
      var sep = el('span', 'sep', ' · ');
      sep.setAttribute('aria-hidden', 'true');
      meta.appendChild(sep);
      meta.appendChild(el('span', null, part));
    });
    li.appendChild(meta);

    if (a.summary) {
      var summary = el('p', 'result-summary', a.summary);
      if (a.lang) summary.lang = a.lang;
      if (a.dir) summary.dir = a.dir;
      li.appendChild(summary);
    }
    return li;
  }

  var lastQuery = null;

  function update() {
    var raw = input.value.trim();
    var query = fold(raw).trim();
    if (query === lastQuery && entries) return;
    if (entries) lastQuery = query;
    syncUrl(raw);

    if (!query) {
      clear(results);
      status.textContent = loadFailed ? msg('error') : '';
      return;
    }
    if (loadFailed) { status.textContent = msg('error'); return; }
    if (!entries) { status.textContent = msg('loading'); return; }

    var words = query.split(' ').filter(Boolean);
    var inTitle = [];
    var elsewhere = [];
    entries.forEach(function (entry) {
      for (var i = 0; i < words.length; i++) {
        if (entry.all.indexOf(words[i]) === -1) return;
      }
      var titleHit = words.every(function (w) { return entry.title.indexOf(w) !== -1; });
      (titleHit ? inTitle : elsewhere).push(entry.article);
    });
    var matches = inTitle.concat(elsewhere);

    clear(results);
    var shown = matches.slice(0, LIMIT);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (a) { fragment.appendChild(renderItem(a)); });
    results.appendChild(fragment);

    if (matches.length === 0) status.textContent = msg('none', { query: raw });
    else if (matches.length > LIMIT) status.textContent = msg('limited', { shown: numberFormat.format(LIMIT), n: numberFormat.format(matches.length) });
    else status.textContent = msg('count', { n: numberFormat.format(matches.length) });
  }

  /** Keeps ?q= in the address, so a filtered view can be bookmarked or shared. */
  function syncUrl(raw) {
    try {
      var url = new URL(window.location.href);
      if (raw) url.searchParams.set('q', raw); else url.searchParams.delete('q');
      if (url.href !== window.location.href) window.history.replaceState(null, '', url.href);
    } catch (e) { /* file:// or an old browser: not important */ }
  }

  var timer = 0;
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 120);
  }

  form.hidden = false;
  try {
    var initial = new URL(window.location.href).searchParams.get('q');
    if (initial) input.value = initial;
  } catch (e) { /* ignore */ }

  input.addEventListener('input', schedule);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    lastQuery = null;
    update();
  });

  if (input.value) status.textContent = msg('loading');
  fetch(form.getAttribute('data-src'), { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(function (data) {
      entries = prepare(data);
      lastQuery = null;
      if (input.value.trim()) update();
    })
    .catch(function () {
      loadFailed = true;
      status.textContent = msg('error');
    });
})();
