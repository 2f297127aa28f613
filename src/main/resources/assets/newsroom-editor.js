// The article editor's enhancements. Without JavaScript the form works as it is: Save saves,
// "Find articles" and "Find photos" search by submitting the form, and nothing typed is lost.
(function () {
  "use strict";
  var form = document.querySelector("form.editor");
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var status = form.querySelector(".autosave-status");
  var version = form.querySelector("input[name=version]");
  var body = document.getElementById("f-body");
  var dirty = false, busy = false, stopped = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  // Autosave: every 20 seconds, if anything changed, the form goes to /autosave with the version
  // it started from; the answer's new version is what the next save starts from. Someone else's
  // save in between is a conflict: autosave stops and says so, and the Save button shows both versions.
  var url = form.getAttribute("data-autosave");
  if (url) {
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { stopped = true; });
    var autosave = function () {
      if (!dirty || busy || stopped) return;
      busy = true;
      dirty = false;
      var data = new URLSearchParams(new FormData(form));
      data.delete("action");
      data.delete("_csrf");
      fetch(url, {
        method: "POST", body: data, credentials: "same-origin",
        headers: {"X-CSRF-Token": form.getAttribute("data-csrf"), "Accept": "application/json"}
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) { return {code: r.status, json: j}; });
      }).then(function (res) {
        busy = false;
        if (res.code === 200) {
          version.value = res.json.version;
          if (res.json.changed) say("Saved automatically at " + res.json.at + ".");
        } else if (res.code === 409) {
          stopped = true;
          say(res.json.message || "Someone else saved this article. Autosave has stopped; press Save to compare.");
        } else {
          dirty = true;
          say(res.json.message || "Could not save automatically (error " + res.code + "). Use the Save button.");
        }
      }, function () {
        busy = false;
        dirty = true;
        say("Could not reach the newsroom to save automatically. Use Save when you are back online.");
      });
    };
    setInterval(autosave, 20000);
  }

  // Related-article search: results appear as you type, each with a button that puts its
  // [[related:slug]] line into the body where the cursor is.
  var query = form.querySelector("input[data-search]");
  var results = form.querySelector(".related-results");
  if (query && results && body) {
    var timer = null;
    var insert = function (code) {
      var start = body.selectionStart, end = body.selectionEnd, v = body.value;
      var before = v.slice(0, start), after = v.slice(end);
      var pre = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
      var post = after === "" || /^\n\n/.test(after) ? "" : (/^\n/.test(after) ? "\n" : "\n\n");
      body.value = before + pre + code + post + after;
      body.focus();
      body.selectionStart = body.selectionEnd = (before + pre + code).length;
      dirty = true;
    };
    var search = function () {
      var q = query.value.trim();
      if (!q) { results.textContent = ""; return; }
      fetch(query.getAttribute("data-search") + "?format=json&q=" + encodeURIComponent(q), {credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (hits) {
          results.textContent = "";
          if (!hits.length) {
            var p = document.createElement("p");
            p.className = "empty";
            p.textContent = "No published article has those words in its headline.";
            results.appendChild(p);
            return;
          }
          var ul = document.createElement("ul");
          hits.forEach(function (h) {
            var li = document.createElement("li");
            li.appendChild(document.createTextNode(h.headline + " (" + h.when + "): "));
            var code = document.createElement("code");
            code.textContent = h.code;
            li.appendChild(code);
            var b = document.createElement("button");
            b.type = "button";
            b.className = "button button--secondary button--small";
            b.textContent = "Insert in body";
            b.setAttribute("aria-label", "Insert a link to “" + h.headline + "” in the body");
            b.addEventListener("click", function () { insert(h.code); });
            li.appendChild(document.createTextNode(" "));
            li.appendChild(b);
            ul.appendChild(li);
          });
          results.appendChild(ul);
        });
    };
    query.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 300);
    });
    query.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); search(); }
    });
  }

  // Enter in the photo search runs the search, not the first button of the form (Save).
  var photoQuery = document.getElementById("f-photoQuery");
  if (photoQuery) {
    photoQuery.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault();
        var b = form.querySelector("button[value=find-photos]");
        if (b) b.click();
      }
    });
  }
})();
