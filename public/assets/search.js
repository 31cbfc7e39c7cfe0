// The search page: Pagefind's interface over the index the build writes to pagefind/.
// Pagefind finds its files next to its own script, so the site works under any sub-path;
// result links are made relative to the site root this page knows (data-root). A query in
// the address (?q=Belousov) is searched at once, so searches can be linked and bookmarked.
(function () {
  'use strict';
  var box = document.getElementById('search');
  if (!box || typeof window.PagefindUI !== 'function') return;
  var root = new URL(box.getAttribute('data-root') || './', window.location.href).pathname;
  var ui = new window.PagefindUI({
    element: '#search',
    baseUrl: root,
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
