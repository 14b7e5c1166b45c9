/* Facet filters of the browse pages (practices, guidelines, programmes, events).
 *
 * The page lists every record; this script hides the ones that do not match
 * the chosen facets. Facets combine (AND). The state lives in the address
 * (?theme=rail&country=kaz), so a filtered view can be shared, bookmarked and
 * reloaded. Without JavaScript the full list stays visible.
 */
(function () {
  "use strict";

  function setup(form) {
    var list = document.querySelector("[data-items]");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li.lldc-item"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    var text = form.querySelector("[data-facet-text]");
    var count = document.querySelector("[data-count]");
    var empty = document.querySelector("[data-empty]");

    function fromUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (s) {
        var v = params.get(s.name) || "";
        var known = Array.prototype.some.call(s.options, function (o) { return o.value === v; });
        s.value = known ? v : "";
      });
      if (text) text.value = params.get("q") || "";
    }

    function toUrl() {
      var params = new URLSearchParams();
      selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
      if (text && text.value.trim()) params.set("q", text.value.trim());
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }

    function apply() {
      var chosen = selects.filter(function (s) { return s.value; });
      var words = text ? text.value.trim().toLowerCase().split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      items.forEach(function (li) {
        var ok = chosen.every(function (s) {
          var values = (li.getAttribute("data-" + s.name) || "").split(" ");
          return values.indexOf(s.value) !== -1;
        });
        if (ok && words.length) {
          var hay = li.getAttribute("data-text") || "";
          ok = words.every(function (w) { return hay.indexOf(w) !== -1; });
        }
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = String(shown);
      if (empty) empty.hidden = shown !== 0;
    }

    form.addEventListener("change", function () { toUrl(); apply(); });
    if (text) text.addEventListener("input", function () { toUrl(); apply(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { toUrl(); apply(); }, 0);
    });
    fromUrl();
    apply();
    form.setAttribute("data-ready", "");
  }

  document.querySelectorAll("form[data-facets]").forEach(setup);
})();
