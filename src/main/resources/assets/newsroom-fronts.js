// Drag and drop for a front's chosen articles. Without JavaScript the Move up / Move down
// buttons do the same job one step at a time; with it, an editor may drag an article to any
// place and the whole new order is saved at once. The page says which version of the front it
// shows: if another editor changed the front meanwhile, the server refuses and we say so.
(function () {
  "use strict";

  var list = document.getElementById("front-items");
  if (!list || !("draggable" in list) || !window.fetch) return;
  var status = document.getElementById("front-status");
  var hint = document.querySelector(".front-items__drag-hint");
  if (hint) hint.hidden = false;

  var dragged = null;
  var before = null; // the order when the drag began

  function items() {
    return Array.prototype.slice.call(list.querySelectorAll(":scope > li"));
  }

  function order() {
    return items().map(function (li) { return li.getAttribute("data-id"); });
  }

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle("front-items__status--error", !!isError);
  }

  // Move up on the first article and Move down on the last make no sense: hide them.
  function refreshButtons() {
    var all = items();
    all.forEach(function (li, i) {
      var up = li.querySelector("form[data-move=up]");
      var down = li.querySelector("form[data-move=down]");
      if (up) up.hidden = i === 0;
      if (down) down.hidden = i === all.length - 1;
    });
  }

  function restore(ids) {
    var byId = {};
    items().forEach(function (li) { byId[li.getAttribute("data-id")] = li; });
    ids.forEach(function (id) { list.appendChild(byId[id]); });
    refreshButtons();
  }

  function headline(li) {
    var h = li.querySelector(".front-item__headline");
    return h ? h.textContent.trim() : "The article";
  }

  function save(li, previous) {
    var ids = order();
    var body = new URLSearchParams();
    body.set("order", ids.join(","));
    body.set("version", list.getAttribute("data-version"));
    say("Saving the new order…");
    fetch(list.getAttribute("data-order-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": list.getAttribute("data-csrf"), "Accept": "application/json" },
      body: body
    }).then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok, data: data }; });
    }).then(function (res) {
      if (res.ok) {
        list.setAttribute("data-version", res.data.version);
        say("Saved: " + headline(li) + " is now in place " + (ids.indexOf(li.getAttribute("data-id")) + 1) + ".");
      } else {
        restore(previous);
        say(res.data.error || "The new order could not be saved.", true);
      }
    }).catch(function () {
      restore(previous);
      say("The new order could not be saved: the connection failed. Try again, or use the Move buttons.", true);
    });
  }

  items().forEach(function (li) { li.draggable = true; });

  list.addEventListener("dragstart", function (e) {
    var li = e.target.closest && e.target.closest("li.front-item");
    if (!li || li.parentNode !== list) return;
    dragged = li;
    before = order();
    li.classList.add("front-item--dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", li.getAttribute("data-id"));
  });

  list.addEventListener("dragover", function (e) {
    if (!dragged) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    var over = e.target.closest && e.target.closest("li.front-item");
    if (!over || over === dragged || over.parentNode !== list) return;
    var box = over.getBoundingClientRect();
    var after = e.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });

  list.addEventListener("drop", function (e) {
    if (dragged) e.preventDefault();
  });

  list.addEventListener("dragend", function () {
    if (!dragged) return;
    var li = dragged, previous = before;
    dragged = null;
    li.classList.remove("front-item--dragging");
    refreshButtons();
    if (order().join(",") !== previous.join(",")) save(li, previous);
  });
})();
