// The search page: Pagefind's interface over the index the build writes to pagefind/, one
// bundle per year (data-shards, newest first): the first is loaded, the others merged in.
// Bundle paths and result links are made from the site root this page knows (data-root),
// so the site works under any sub-path. A query in
// the address (?q=Belousov) is searched at once, so searches can be linked and bookmarked.
(function () {
  'use strict';
  var box = document.getElementById('search');
  if (!box || typeof window.PagefindUI !== 'function') return;
  var root = new URL(box.getAttribute('data-root') || './', window.location.href).pathname;
  var shards = (box.getAttribute('data-shards') || '').split(' ').filter(Boolean).map(function (s) { return root + s; });
  var ui = new window.PagefindUI({
    element: '#search',
    baseUrl: root,
    bundlePath: shards[0],
    mergeIndex: shards.slice(1).map(function (s) { return { bundlePath: s }; }),
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    sort: { date: 'desc' },
    translations: { placeholder: box.getAttribute('data-placeholder') || undefined },
  });
  // The interface labels its field with a title only; give it a name screen readers announce.
  var label = box.getAttribute('data-label');
  var named = function () {
    var input = box.querySelector('input');
    if (!input) return window.requestAnimationFrame(named);
    if (label) input.setAttribute('aria-label', label);
  };
  named();
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
