// Suggestions under the masthead search box while typing: topics and authors first, then headlines.
// An ARIA 1.2 combobox with a listbox popup: arrow keys move through the suggestions, Enter opens the
// chosen one, Escape closes the list. Without this script the box is a plain form that submits to /search.
(function () {
  'use strict';
  var input = document.getElementById('masthead-q');
  if (!input || !window.fetch) return;
  var form = input.form;
  var endpoint = input.getAttribute('data-suggest');
  var list = document.createElement('ul');
  list.id = 'masthead-suggest';
  list.className = 'search-suggest';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.appendChild(list);
  form.appendChild(status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  var items = [];
  var active = -1;
  var timer = null;
  var pending = null;
  var asked = '';

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function show(found) {
    items = found;
    list.textContent = '';
    active = -1;
    input.removeAttribute('aria-activedescendant');
    found.forEach(function (item, i) {
      var li = document.createElement('li');
      li.id = 'masthead-suggest-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = item.label;
      if (item.kind !== 'article') {
        var kind = document.createElement('span');
        kind.className = 'search-suggest__kind';
        kind.textContent = item.kind === 'author' ? 'Author' : 'Topic';
        li.appendChild(kind);
      }
      li.addEventListener('mousedown', function (e) { e.preventDefault(); });
      li.addEventListener('click', function () { window.location.href = item.href; });
      list.appendChild(li);
    });
    if (found.length === 0) {
      close();
      status.textContent = '';
      return;
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = found.length === 1 ? '1 suggestion' : found.length + ' suggestions';
  }

  function move(to) {
    if (list.hidden || items.length === 0) return;
    if (active >= 0) list.children[active].setAttribute('aria-selected', 'false');
    active = (to + items.length) % items.length;
    var li = list.children[active];
    li.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({block: 'nearest'});
  }

  function ask() {
    var q = input.value.trim();
    if (q.length < 2) { show([]); return; }
    if (q === asked) return;
    asked = q;
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(endpoint + '?q=' + encodeURIComponent(q), {signal: pending.signal, headers: {Accept: 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : {items: []}; })
      .then(function (data) { if (input.value.trim() === q) show(data.items || []); })
      .catch(function () {});
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) { asked = ''; ask(); } else move(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(active - 1); }
    else if (e.key === 'Escape') { if (!list.hidden) { e.preventDefault(); close(); } }
    else if (e.key === 'Enter' && active >= 0 && !list.hidden) {
      e.preventDefault();
      window.location.href = items[active].href;
    }
  });
  input.addEventListener('blur', function () { setTimeout(close, 100); });
})();
