// Counts one read of the article on this page: after the page has loaded and while it is in view,
// a beacon with the article's number and nothing else. No cookie, no identifier; the page itself
// is the same for every reader. Pages without the data-read attribute (previews, lists) send nothing.
(function () {
  "use strict";
  var el = document.querySelector("[data-read]");
  if (!el) return;
  var id = el.getAttribute("data-read");
  var url = el.getAttribute("data-read-url");
  if (!/^[0-9]+$/.test(id) || !url) return;
  var sent = false;

  function send() {
    if (sent || document.visibilityState === "hidden" || document.prerendering) return;
    sent = true;
    var body = new URLSearchParams();
    body.set("id", id);
    if (navigator.sendBeacon && navigator.sendBeacon(url, body)) return;
    if (window.fetch) fetch(url, { method: "POST", body: body, keepalive: true, credentials: "omit" }).catch(function () {});
  }

  // a tab opened in the background, or a page prerendered, counts once someone looks at it
  document.addEventListener("visibilitychange", send);
  document.addEventListener("prerenderingchange", send);
  if (document.readyState === "complete") send();
  else window.addEventListener("load", send);
})();
