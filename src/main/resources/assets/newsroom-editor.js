// The article editor's enhancements. Without JavaScript the form works as it is: Save saves,
// "Find articles" and "Find photos" search by submitting the form, and nothing typed is lost; with it,
// their results appear in place.
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

  // Puts a marker such as [[related:slug]] on a line of its own where the cursor is in the body;
  // "back" moves the cursor that many characters back from the marker's end (to type a slug).
  function insert(code, back) {
    if (!body) return;
    var start = body.selectionStart, end = body.selectionEnd, v = body.value;
    var before = v.slice(0, start), after = v.slice(end);
    var pre = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    var post = after === "" || /^\n\n/.test(after) ? "" : (/^\n/.test(after) ? "\n" : "\n\n");
    body.value = before + pre + code + post + after;
    body.focus();
    body.selectionStart = body.selectionEnd = (before + pre + code).length - (back || 0);
    dirty = true;
  }

  var markers = form.querySelector(".marker-buttons");
  if (markers && body) {
    markers.hidden = false;
    markers.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-marker]");
      if (!b) return;
      var m = b.getAttribute("data-marker");
      insert(m, m.indexOf("[[related:]]") === 0 ? 2 : 0);
    });
  }

  // Ctrl+S or Cmd+S saves: at once by autosave when the article exists, else with the Save button.
  var saveNow = null;
  document.addEventListener("keydown", function (e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || (e.key !== "s" && e.key !== "S")) return;
    e.preventDefault();
    if (saveNow && !stopped) { saveNow(); return; }
    var b = form.querySelector("button[name=action][value=save]");
    if (b) b.click();
  });

  // Autosave: every 20 seconds, if anything changed, the form goes to /autosave with the version
  // it started from; the answer's new version is what the next save starts from. Someone else's
  // save in between is a conflict: autosave stops and says so, and the Save button shows both versions.
  var url = form.getAttribute("data-autosave");
  if (url) {
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { stopped = true; });
    var autosave = function (force) {
      if ((!dirty && force !== true) || busy || stopped) return;
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
          if (res.json.changed) say((force === true ? "Saved at " : "Saved automatically at ") + res.json.at + ".");
          else if (force === true) say("Nothing had changed since the last save.");
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
    saveNow = function () { say("Saving…"); autosave(true); };
  }

  // Related-article search: results appear as you type, each with a button that puts its
  // [[related:slug]] line into the body where the cursor is.
  var query = form.querySelector("input[data-search]");
  var results = form.querySelector(".related-results");
  if (query && results && body) {
    var timer = null;
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

  // "Find photos": the library's best matches for the caption, credit or alt text words appear in
  // place as lead-photo choices (the chosen one stays), and the status line says what was found.
  // Enter in the box runs the search, not the first button of the form (Save). Without JavaScript
  // the button sends the form back with the results and nothing typed is lost.
  var photoQuery = document.getElementById("f-photoQuery");
  var findPhotos = form.querySelector("button[value=find-photos]");
  var photoList = form.querySelector(".photo-choices");
  var photoStatus = form.querySelector(".photo-search-status");
  var photoChoice = function (p) {
    var li = document.createElement("li");
    var radio = document.createElement("input");
    radio.type = "radio"; radio.name = "leadPhoto"; radio.id = "lead-" + p.id; radio.value = p.id;
    var label = document.createElement("label");
    label.htmlFor = radio.id;
    var img = document.createElement("img");
    img.src = p.src; img.width = 120; img.height = Math.round(p.height * 120 / p.width); img.alt = ""; img.loading = "lazy";
    var span = document.createElement("span");
    span.textContent = "No. " + p.id + ": " + (p.caption || "(no caption)");
    if (p.credit) {
      var credit = document.createElement("span");
      credit.className = "muted";
      credit.textContent = p.credit;
      span.appendChild(document.createTextNode(" "));
      span.appendChild(credit);
    }
    label.appendChild(img); label.appendChild(span);
    li.appendChild(radio); li.appendChild(document.createTextNode(" ")); li.appendChild(label);
    return li;
  };
  var showPhotos = function (found) {
    Array.prototype.slice.call(photoList.children).forEach(function (li) {
      var r = li.querySelector("input[name=leadPhoto]");
      if (r && r.value !== "" && !r.checked) li.remove();
    });
    found.photos.forEach(function (p) {
      if (!document.getElementById("lead-" + p.id)) photoList.appendChild(photoChoice(p));
    });
    if (photoStatus) photoStatus.textContent = found.message;
  };
  if (photoQuery && findPhotos && photoList && photoQuery.getAttribute("data-find")) {
    var runPhotoSearch = function () {
      var q = photoQuery.value.trim();
      if (!q) {
        if (photoStatus) photoStatus.textContent = "Type words from a caption, credit or alt text.";
        return;
      }
      if (photoStatus) photoStatus.textContent = "Searching…";
      fetch(photoQuery.getAttribute("data-find") + "?q=" + encodeURIComponent(q), {
        credentials: "same-origin", headers: {"Accept": "application/json"}
      }).then(function (r) {
        if (!r.ok) throw new Error("status " + r.status);
        return r.json();
      }).then(showPhotos, function () {
        if (photoStatus) photoStatus.textContent = "Could not search the library just now. Try again.";
      });
    };
    findPhotos.addEventListener("click", function (e) { e.preventDefault(); runPhotoSearch(); });
    photoQuery.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); runPhotoSearch(); }
    });
  }

  // Uploading a photo in the editor: choose a file or drop one on the field; the upload goes by
  // fetch so nothing typed above is lost, and the new photo is chosen in the form (lead photo or
  // gallery). Without JavaScript the upload form posts and the editor comes back.
  var upload = document.querySelector("form.photo-upload__form");
  if (upload) {
    var fileInput = upload.querySelector("input[type=file]");
    var zone = upload.querySelector(".drop-zone");
    var upStatus = upload.querySelector(".upload-status");
    var hint = upload.querySelector(".drop-hint");
    if (hint) hint.hidden = false;
    if (zone && fileInput) {
      zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("drop-zone--over"); });
      zone.addEventListener("dragleave", function () { zone.classList.remove("drop-zone--over"); });
      zone.addEventListener("drop", function (e) {
        e.preventDefault();
        zone.classList.remove("drop-zone--over");
        if (e.dataTransfer && e.dataTransfer.files.length) {
          fileInput.files = e.dataTransfer.files;
          if (upStatus) upStatus.textContent = "Ready to upload " + e.dataTransfer.files[0].name + ".";
        }
      });
    }
    var clearErrors = function () {
      upload.querySelectorAll("p.error[data-js]").forEach(function (p) { p.remove(); });
      upload.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    };
    var showError = function (name, message) {
      var input = document.getElementById("f-upload-" + name);
      var p = document.createElement("p");
      p.className = "error";
      p.setAttribute("data-js", "");
      p.id = "f-upload-" + name + "-error";
      p.textContent = "Error: " + message;
      if (input && input.tagName !== "FIELDSET") {
        input.parentNode.insertBefore(p, input);
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", p.id);
      } else if (input) {
        input.insertBefore(p, input.firstElementChild.nextSibling);
      }
    };
    var choose = function (photo) {
      if (photo.use === "lead") {
        var list = form.querySelector(".photo-choices");
        var radio = document.getElementById("lead-" + photo.id);
        if (!radio && list) {
          var li = document.createElement("li");
          radio = document.createElement("input");
          radio.type = "radio"; radio.name = "leadPhoto"; radio.id = "lead-" + photo.id; radio.value = photo.id;
          var label = document.createElement("label");
          label.htmlFor = radio.id;
          var img = document.createElement("img");
          img.src = photo.src; img.width = 120; img.height = Math.round(photo.height * 120 / photo.width); img.alt = "";
          var span = document.createElement("span");
          span.textContent = "No. " + photo.id + ": " + (photo.caption || "(no caption)");
          label.appendChild(img); label.appendChild(span);
          li.appendChild(radio); li.appendChild(document.createTextNode(" ")); li.appendChild(label);
          list.insertBefore(li, list.children[1] || null);
        }
        if (radio) radio.checked = true;
      } else {
        var g = document.getElementById("f-gallery");
        if (g) g.value = g.value.trim() === "" ? String(photo.id) : g.value.replace(/[\s,]+$/, "") + ", " + photo.id;
      }
    };
    upload.addEventListener("submit", function (e) {
      e.preventDefault();
      clearErrors();
      if (upStatus) upStatus.textContent = "Uploading…";
      fetch(upload.action, {
        method: "POST", body: new FormData(upload), credentials: "same-origin",
        headers: {"Accept": "application/json", "X-CSRF-Token": form.getAttribute("data-csrf")}
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) { return {code: r.status, json: j}; });
      }).then(function (res) {
        if (res.code === 200 && res.json.saved) {
          choose(res.json);
          upload.reset();
          if (upStatus) upStatus.textContent = "Uploaded photo no. " + res.json.id + (res.json.use === "lead"
            ? "; it is now the lead photo." : "; it was added to the end of the gallery.");
          return;
        }
        var errors = res.json.errors || {};
        Object.keys(errors).forEach(function (k) { showError(k, errors[k]); });
        if (upStatus) upStatus.textContent = "The photo was not uploaded: " + (Object.values(errors).join(" ") || "error " + res.code + ".");
      }, function () {
        if (upStatus) upStatus.textContent = "Could not reach the newsroom; the photo was not uploaded.";
      });
    });
  }
})();
