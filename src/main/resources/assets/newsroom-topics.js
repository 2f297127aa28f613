// Live topic suggestions in the article editor. Without JavaScript, "Suggest topics" sends the form
// and the page comes back with the list; with it, the list follows the headline, deck and body as
// they are typed (a moment after typing stops), and Add / Create and add change the topics box in
// place, without a reload and without touching anything else typed.
(function () {
  "use strict";
  var form = document.querySelector("form.editor");
  var box = form && form.querySelector(".topic-suggestions[data-live]");
  if (!box || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var list = box.querySelector(".topic-suggestions__list");
  var newTopics = form.querySelector("input[name=newTopics]");
  var url = box.getAttribute("data-live");
  var timer = null, busy = false, again = false, asked = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function button(s) {
    var b = el("button", "button button--small button--secondary");
    b.type = "submit";
    b.name = "action";
    if (s.exists) {
      b.value = "add-topic:" + s.topicId;
      b.setAttribute("data-add-topic", s.topicId);
      b.textContent = "Add";
    } else {
      b.value = "new-topic:" + s.typed;
      b.setAttribute("data-new-topic", s.typed);
      b.textContent = "Create and add";
    }
    b.appendChild(el("span", "visually-hidden", " " + s.name));
    return b;
  }

  function show(suggestions) {
    list.textContent = "";
    if (!suggestions.length) {
      list.appendChild(el("p", "empty", "No topics to suggest: the headline and body name no topic, "
        + "person, organization or place that is not already chosen."));
      return;
    }
    list.appendChild(el("h3", null, "Suggested topics")).id = "suggested-topics-h";
    list.appendChild(el("p", "hint", "Most central first, from the headline, deck and body as they stand."));
    var ol = el("ol", "suggestions");
    ol.setAttribute("aria-labelledby", "suggested-topics-h");
    suggestions.forEach(function (s) {
      var li = el("li");
      li.appendChild(document.createTextNode(s.name + " "));
      var note = s.kindLabel + (s.exists ? "" : ", new") + (s.found !== s.name ? ", as “" + s.found + "”" : "");
      li.appendChild(el("span", "muted", "(" + note + ")"));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button(s));
      ol.appendChild(li);
    });
    list.appendChild(ol);
  }

  // One request at a time; typing during a request asks again when it ends, with the newest text.
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    again = false;
    var mine = ++asked;
    var data = new URLSearchParams(new FormData(form));
    data.delete("action");
    data.delete("_csrf");
    fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: {"X-CSRF-Token": form.getAttribute("data-csrf"), "Accept": "application/json"}
    }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (j) {
      busy = false;
      if (j && mine === asked) show(j.suggestions);
      if (again) refresh();
    }, function () {
      busy = false;
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }

  form.addEventListener("input", function (e) {
    var n = e.target && e.target.name;
    if (n === "headline" || n === "deck" || n === "body" || n === "newTopics") later();
  });
  form.addEventListener("change", function (e) {
    if (e.target && e.target.name === "topic") later();
  });

  box.addEventListener("click", function (e) {
    var b = e.target.closest("button");
    if (!b) return;
    if (b.hasAttribute("data-suggest-topics")) {
      e.preventDefault();
      refresh();
      return;
    }
    var id = b.getAttribute("data-add-topic");
    var typed = b.getAttribute("data-new-topic");
    if (id !== null) {
      var check = document.getElementById("topic-" + id);
      if (!check) return; // not on this page: let the button send the form
      e.preventDefault();
      check.checked = true;
      check.dispatchEvent(new Event("change", {bubbles: true}));
    } else if (typed !== null && newTopics) {
      e.preventDefault();
      var now = newTopics.value.trim();
      if (now.toLowerCase().indexOf(typed.toLowerCase()) < 0) newTopics.value = now ? now + ", " + typed : typed;
      newTopics.dispatchEvent(new Event("input", {bubbles: true}));
    } else {
      return;
    }
    // the button goes; focus moves to the next suggestion's button, or to "Suggest topics"
    var li = b.closest("li");
    var next = li && (li.nextElementSibling || li.previousElementSibling);
    if (li) li.remove();
    var focus = (next && next.querySelector("button")) || box.querySelector("[data-suggest-topics]");
    if (focus) focus.focus();
  });
})();
