// Sort and filter tables marked data-sortable, without a server or a library.
// Works with Material's instant navigation (document$) and without it.
(function () {
  "use strict";

  function cellKey(row, index) {
    var cell = row.children[index];
    if (!cell) return "";
    return (cell.getAttribute("data-sort") || cell.textContent || "").trim().toLowerCase();
  }

  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, index), y = cellKey(b, index);
      var r = x < y ? -1 : x > y ? 1 : 0;
      if (r === 0) r = cellKey(a, 0) < cellKey(b, 0) ? -1 : 1;
      return ascending ? r : -r;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeSortable(table) {
    if (table.getAttribute("data-sortable-ready")) return;
    table.setAttribute("data-sortable-ready", "1");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var label = th.querySelector("span") || th;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "lldc-sort";
      button.setAttribute("data-sort-column", String(index));
      button.title = "Sort by this column";
      button.textContent = index < 2 ? label.textContent : "Sort";
      if (index < 2) {
        label.textContent = "";
        label.appendChild(button);
      } else {
        button.setAttribute("aria-label", "Sort by " + label.textContent.trim());
        th.appendChild(document.createElement("br"));
        th.appendChild(button);
      }
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
  }

  function setUpFilter(controls, table) {
    if (!controls || controls.getAttribute("data-ready")) return;
    controls.setAttribute("data-ready", "1");
    controls.hidden = false;
    var region = controls.querySelector("[data-matrix-region]");
    var text = controls.querySelector("[data-matrix-filter]");
    var count = controls.querySelector("[data-matrix-count]");
    var params = new URLSearchParams(window.location.search);
    region.value = params.get("region") || "";
    text.value = params.get("q") || "";

    function apply() {
      var q = text.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var ok = (!region.value || row.getAttribute("data-region") === region.value) &&
                 (!q || row.cells[0].textContent.toLowerCase().indexOf(q) !== -1);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown + " of " + table.tBodies[0].rows.length + " countries shown";
      var next = new URLSearchParams(window.location.search);
      if (region.value) next.set("region", region.value); else next.delete("region");
      if (q) next.set("q", text.value.trim()); else next.delete("q");
      var search = next.toString();
      history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }
    region.addEventListener("change", apply);
    text.addEventListener("input", apply);
    apply();
  }

  function init() {
    document.querySelectorAll("table[data-sortable]").forEach(function (table) {
      makeSortable(table);
      var wrap = table.closest(".lldc-matrix-wrap");
      var controls = wrap && wrap.previousElementSibling;
      if (controls && controls.classList.contains("lldc-matrix-controls")) setUpFilter(controls, table);
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
