// Enhancements only: every control here also works as a plain link or field without JavaScript.
(function () {
  "use strict";

  // "Copy link": the share URL field works without JS; with it, one press copies.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".share__status");
    if (!field || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = "Link copied.";
      }, function () {
        field.select();
        status.textContent = "Press Ctrl+C to copy the selected link.";
      });
    });
  });

  // Gallery: without JS, "Open this photo in gallery" goes to a page per photo.
  // With it, the photos open in an overlay: arrow keys, swipe, Escape to close.
  var data = document.getElementById("gallery-data");
  if (!data || typeof HTMLDialogElement === "undefined") return;
  var photos = JSON.parse(data.textContent);
  if (!photos.length) return;
  var index = 0, opener = null, startX = null;
  var dialog = document.createElement("dialog");
  dialog.className = "gallery";
  dialog.setAttribute("aria-label", "Photo gallery");
  dialog.innerHTML = '<div class="controls"><p class="position" aria-live="polite"></p>' +
    '<button type="button" class="close">Close gallery</button></div>' +
    '<figure><img alt=""><figcaption><span class="caption"></span> <span class="credit"></span></figcaption></figure>' +
    '<div class="controls"><button type="button" class="prev">Previous photo</button>' +
    '<button type="button" class="next">Next photo</button></div>';
  document.body.appendChild(dialog);
  var img = dialog.querySelector("img");

  function show(i) {
    index = (i + photos.length) % photos.length;
    var p = photos[index];
    img.src = p.src; img.srcset = p.srcset; img.sizes = "100vw";
    img.width = p.width; img.height = p.height; img.alt = p.alt;
    dialog.querySelector(".caption").textContent = p.caption;
    dialog.querySelector(".credit").textContent = p.credit;
    dialog.querySelector(".position").textContent = "Photo " + (index + 1) + " of " + photos.length;
  }
  function open(i, from) {
    opener = from; show(i); dialog.showModal();
    dialog.querySelector(".next").focus();
  }
  dialog.addEventListener("close", function () { if (opener) opener.focus(); });
  dialog.querySelector(".close").addEventListener("click", function () { dialog.close(); });
  dialog.querySelector(".prev").addEventListener("click", function () { show(index - 1); });
  dialog.querySelector(".next").addEventListener("click", function () { show(index + 1); });
  dialog.addEventListener("keydown", function (e) {
    if (e.key === "ArrowLeft") { show(index - 1); e.preventDefault(); }
    if (e.key === "ArrowRight") { show(index + 1); e.preventDefault(); }
  });
  dialog.addEventListener("touchstart", function (e) { startX = e.changedTouches[0].clientX; }, { passive: true });
  dialog.addEventListener("touchend", function (e) {
    if (startX === null) return;
    var dx = e.changedTouches[0].clientX - startX;
    if (Math.abs(dx) > 40) show(index + (dx < 0 ? 1 : -1));
    startX = null;
  });
  document.querySelectorAll("[data-open-gallery]").forEach(function (link) {
    link.addEventListener("click", function (e) {
      e.preventDefault();
      open(parseInt(link.getAttribute("data-open-gallery"), 10) - 1, link);
    });
  });
})();
