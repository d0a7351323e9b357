(function () {
  "use strict";
  var body = document.getElementById("fc-panel-body");
  var templates = {};
  Array.prototype.forEach.call(document.querySelectorAll("template[data-claim]"), function (t) {
    templates[t.getAttribute("data-claim")] = t;
  });
  var selected = [];
  function show(id, scroll) {
    var t = templates[id];
    if (!t) { return false; }
    selected.forEach(function (el) { el.classList.remove("fc-selected"); });
    selected = Array.prototype.filter.call(document.querySelectorAll("[data-claim]"), function (el) {
      return el.tagName !== "TEMPLATE" && el.getAttribute("data-claim") === id;
    });
    selected.forEach(function (el) { el.classList.add("fc-selected"); });
    body.replaceChildren(t.content.cloneNode(true));
    document.getElementById("fc-panel").setAttribute("data-claim-shown", id);
    if (scroll && selected.length && selected[0].scrollIntoView) { selected[0].scrollIntoView({block: "center"}); }
    return true;
  }
  document.addEventListener("click", function (e) {
    var el = e.target && e.target.closest ? e.target.closest("[data-claim]") : null;
    if (!el || el.tagName === "TEMPLATE") { return; }
    if (show(el.getAttribute("data-claim"), el.tagName === "A")) { e.preventDefault(); }
  });
  document.addEventListener("keydown", function (e) {
    var el = e.target;
    if ((e.key === "Enter" || e.key === " ") && el && el.classList && el.classList.contains("fc-claim")) {
      e.preventDefault();
      show(el.getAttribute("data-claim"), false);
    }
  });
  if (location.hash.indexOf("#claim-") === 0) { show(decodeURIComponent(location.hash.slice(7)), true); }
})();
