// The masthead's account links on shared (cached) pages. Every reader gets the same page, with
// "Sign in" and "Register" links that work without this script. With it, one personal request
// (/api/me) says who is signed in, and the links become their name, Following, Account and a
// Sign out button (a POST form carrying the CSRF token, as on the account page).
(function () {
  'use strict';
  var nav = document.querySelector('[data-account]');
  if (!nav || !window.fetch) return;

  fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (me) { if (me && me.signedIn) show(me); })
    .catch(function () { /* the plain links still work */ });

  function item(child) {
    var li = document.createElement('li');
    li.appendChild(child);
    return li;
  }

  function link(href, text) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  function show(me) {
    var list = document.createElement('ul');
    var name = document.createElement('span');
    name.className = 'masthead__user';
    name.textContent = me.name;
    list.appendChild(item(name));
    list.appendChild(item(link('/following', 'Following')));
    list.appendChild(item(link('/account', 'Account')));
    var form = document.createElement('form');
    form.method = 'post';
    form.action = '/sign-out';
    form.className = 'masthead__sign-out';
    var token = document.createElement('input');
    token.type = 'hidden';
    token.name = '_csrf';
    token.value = me.csrfToken;
    var button = document.createElement('button');
    button.type = 'submit';
    button.textContent = 'Sign out';
    form.appendChild(token);
    form.appendChild(button);
    list.appendChild(item(form));
    var old = nav.querySelector('ul');
    nav.replaceChild(list, old);
    nav.setAttribute('data-signed-in', '');
  }
})();
