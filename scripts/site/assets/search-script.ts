// The search page's script, written as search.js beside minisearch.js and search-index.js (file:// cannot fetch JSON).

/** The script: shows the search form (hidden without JavaScript) and filters the full list of measures as one types. */
export const SEARCH_SCRIPT = `(function () {
  'use strict';
  var data = window.SERVICENIVEAU_SOEGNING;
  var form = document.getElementById('soegning');
  var list = document.getElementById('resultater');
  var count = document.getElementById('antal');
  if (!data || !form || !list || !count || typeof MiniSearch === 'undefined') return;
  var index = MiniSearch.loadJS(data.index, data.options);
  var query = document.getElementById('soegeord');
  var kategori = document.getElementById('kategori');
  var age = document.getElementById('alder');
  var items = Array.prototype.slice.call(list.querySelectorAll('li[data-id]'));
  function update() {
    var words = query.value.trim();
    var hits = words ? new Set(index.search(words, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }).map(function (hit) { return hit.id; })) : null;
    var years = age.value === '' ? NaN : Number(age.value);
    var shown = 0;
    items.forEach(function (item) {
      var from = item.getAttribute('data-fra');
      var to = item.getAttribute('data-til');
      var visible = (!hits || hits.has(item.getAttribute('data-id'))) &&
        (!kategori.value || item.getAttribute('data-kategori') === kategori.value) &&
        (isNaN(years) || ((from === '' || years >= Number(from)) && (to === '' || years <= Number(to))));
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown === 1 ? '1 foranstaltning' : shown + ' foranstaltninger';
  }
  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
  [query, kategori, age].forEach(function (control) { control.addEventListener('input', update); });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) query.value = initial;
  update();
})();
`;
