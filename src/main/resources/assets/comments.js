// Comments, enhanced. Pages work without this: the counts are on each conversation page, and
// every action is a link to a small form. With it, counts show on lists, a signed-in reader sees
// Write a comment under an article instead of the sign-in instruction, a reader's own comments
// offer Edit and Delete, and Like works in place.
(function () {
  "use strict";

  // Counts: one request for every article on the page, the same answer for everyone.
  var slots = document.querySelectorAll("[data-comment-count]");
  if (slots.length && window.fetch) {
    var ids = [];
    slots.forEach(function (s) {
      var id = s.getAttribute("data-comment-count");
      if (ids.indexOf(id) < 0 && ids.length < 100) ids.push(id);
    });
    fetch("/comments/counts.json?ids=" + ids.join(","), { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (counts) {
        slots.forEach(function (s) {
          var n = counts[s.getAttribute("data-comment-count")];
          if (typeof n !== "number") return;
          s.textContent = (s.classList.contains("card__comments") ? " · " : "(") + n + (n === 1 ? " comment" : " comments") +
            (s.classList.contains("card__comments") ? "" : ")");
          s.hidden = false;
        });
      })
      .catch(function () {});
  }

  // The article page: its first comments and the sign-in instruction are the same bytes for everyone;
  // a signed-in reader gets the Write a comment button instead (or the reason they may not comment).
  var onArticle = document.querySelector("[data-article-comments]");
  var join = onArticle && onArticle.querySelector("[data-comments-join]");
  if (join && window.fetch) {
    fetch("/articles/" + onArticle.getAttribute("data-article-comments") + "/comments/me.json",
      { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (me) {
        if (!me.signedIn) return;
        join.remove();
        if (me.canComment) onArticle.querySelector("[data-comments-write]").hidden = false;
        else onArticle.querySelector("[data-comments-me]").textContent = me.refusal || "";
      })
      .catch(function () {});
  }

  // The conversation page: what this reader may do comes from an uncached endpoint.
  var page = document.getElementById("comments");
  if (!page || !window.fetch) return;
  var article = page.getAttribute("data-article");
  fetch("/articles/" + article + "/comments/me.json", { credentials: "same-origin", cache: "no-store" })
    .then(function (r) { return r.json(); })
    .then(function (me) {
      var status = page.querySelector(".comments-page__me");
      if (!me.signedIn) {
        if (status) status.textContent = "Sign in to comment, reply or like.";
        return;
      }
      if (status) status.textContent = me.canComment ? "Signed in as " + me.name + "." : me.refusal;
      (me.own || []).forEach(function (id) {
        var del = page.querySelector('[data-own-delete="' + id + '"]');
        if (del) del.hidden = false;
      });
      (me.editable || []).forEach(function (id) {
        var ed = page.querySelector('[data-own-edit="' + id + '"]');
        if (ed) ed.hidden = false;
      });
      var liked = {};
      (me.liked || []).forEach(function (id) { liked[id] = true; });
      page.querySelectorAll("[data-like]").forEach(function (link) {
        var id = link.getAttribute("data-like");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "comment__like";
        button.innerHTML = link.innerHTML;
        button.setAttribute("aria-pressed", liked[id] ? "true" : "false");
        link.replaceWith(button);
        button.addEventListener("click", function () {
          var on = button.getAttribute("aria-pressed") !== "true";
          button.disabled = true;
          fetch("/comments/" + id + "/" + (on ? "like" : "unlike"), {
            method: "POST", credentials: "same-origin",
            headers: { "X-CSRF-Token": me.csrf, "Accept": "application/json" }
          }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
            .then(function (res) {
              button.disabled = false;
              if (!res.ok) { if (status) status.textContent = res.body.error || "That did not work."; return; }
              button.setAttribute("aria-pressed", res.body.liked ? "true" : "false");
              var count = page.querySelector('[data-likes="' + id + '"]');
              if (count) count.textContent = res.body.likes + (res.body.likes === 1 ? " like" : " likes");
            })
            .catch(function () { button.disabled = false; });
        });
      });
    })
    .catch(function () {});
})();
