// Follow buttons on shared (cached) pages. Without this script each button is a plain form that
// leads to /follow, through signing in if need be. With it, one personal request (/api/me) says
// who is signed in and what they follow, and the buttons follow and unfollow in place.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-follow]');
  if (!forms.length || !window.fetch) return;

  fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (me) { if (me && me.signedIn) enhance(me); })
    .catch(function () { /* the plain forms still work */ });

  function enhance(me) {
    var followed = {};
    me.follows.forEach(function (f) { followed[f.kind + ':' + f.slug] = true; });
    forms.forEach(function (form) {
      var key = form.getAttribute('data-follow');
      var name = form.getAttribute('data-name');
      var label = form.querySelector('.follow-button__label');
      var button = form.querySelector('button');
      var status = document.createElement('span');
      status.className = 'follow-button__status visually-hidden';
      status.setAttribute('role', 'status');
      form.appendChild(status);
      function show() {
        var on = !!followed[key];
        label.textContent = on ? 'Following' : 'Follow';
        form.classList.toggle('follow-button--on', on);
      }
      show();
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var on = !!followed[key];
        var parts = key.split(':');
        var url = on ? '/api/following/' + encodeURIComponent(parts[0]) + '/' + encodeURIComponent(parts[1]) : '/api/following';
        button.disabled = true;
        fetch(url, {
          method: on ? 'DELETE' : 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: on ? null : JSON.stringify({ kind: parts[0], slug: parts[1] })
        }).then(function (r) {
          return r.json().then(function (body) { return { ok: r.ok, body: body }; });
        }).then(function (res) {
          if (res.ok) {
            if (on) delete followed[key]; else followed[key] = true;
            show();
            status.textContent = on ? 'You no longer follow ' + name + '.' : 'You follow ' + name + '. Its new articles will appear in Following.';
          } else {
            status.classList.remove('visually-hidden');
            status.textContent = res.body.error || 'That did not work. Try again.';
          }
        }).catch(function () {
          status.textContent = 'That did not work. Check your connection and try again.';
        }).then(function () { button.disabled = false; });
      });
    });
  }
})();
