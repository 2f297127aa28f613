// Gallery page enhancement: drag a photo to reorder, and the new order is saved at once.
// Without JavaScript the Move up / Move down buttons (plain forms) do the same, one step at a time.
(function () {
  "use strict";
  var list = document.getElementById("gallery-list");
  if (!list || list.getAttribute("data-editable") !== "true" || !window.fetch || !window.URLSearchParams) return;
  var status = document.getElementById("order-status");
  var hint = document.getElementById("drag-hint");
  var dragged = null;
  var before = "";

  function items() {
    return Array.prototype.slice.call(list.querySelectorAll("li.gallery-item"));
  }

  function order() {
    return items().map(function (li) { return li.getAttribute("data-photo-id"); }).join(",");
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  // Positions and the first/last buttons follow the new order without reloading the page.
  function renumber() {
    var all = items();
    all.forEach(function (li, i) {
      var pos = li.querySelector(".gallery-item__position");
      if (pos) pos.textContent = (i + 1) + ".";
      var up = li.querySelector("form[data-move=up]");
      var down = li.querySelector("form[data-move=down]");
      if (up) up.hidden = i === 0;
      if (down) down.hidden = i === all.length - 1;
    });
  }

  function save(newOrder) {
    say("Saving the new order…");
    var body = new URLSearchParams();
    body.set("order", newOrder);
    fetch(list.getAttribute("data-order-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "X-CSRF-Token": list.getAttribute("data-csrf"),
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8"
      },
      body: body.toString()
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, json: j }; }, function () { return { ok: false, json: {} }; });
    }).then(function (res) {
      if (res.ok) {
        say("The new order is saved.");
      } else {
        say((res.json && res.json.error) || "The new order could not be saved. Reload the page and try again.");
      }
    }, function () {
      say("The new order could not be saved: no connection. Reload the page and try again.");
    });
  }

  items().forEach(function (li) { li.setAttribute("draggable", "true"); });
  if (hint) hint.hidden = false;

  list.addEventListener("dragstart", function (e) {
    var li = e.target.closest && e.target.closest("li.gallery-item");
    if (!li) return;
    dragged = li;
    before = order();
    li.classList.add("is-dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", li.getAttribute("data-photo-id"));
  });

  list.addEventListener("dragover", function (e) {
    if (!dragged) return;
    e.preventDefault();
    var over = e.target.closest && e.target.closest("li.gallery-item");
    if (!over || over === dragged) return;
    var box = over.getBoundingClientRect();
    var after = e.clientY - box.top > box.height / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });

  list.addEventListener("drop", function (e) {
    if (dragged) e.preventDefault();
  });

  list.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("is-dragging");
    dragged = null;
    renumber();
    var now = order();
    if (now !== before) save(now);
  });
})();
