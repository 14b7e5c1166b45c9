/* "Cite this page": write the page's full address and today's access date
 * into the suggested citation, and offer a copy button. Without JavaScript
 * the citation shows the page's path and no access date. */
(function () {
  "use strict";
  var box = document.querySelector(".lldc-cite");
  if (!box) return;
  var url = window.location.origin + window.location.pathname;
  box.querySelectorAll("[data-cite-url]").forEach(function (el) { el.textContent = url; });
  var today = new Date().toISOString().slice(0, 10);
  box.querySelectorAll("[data-cite-accessed]").forEach(function (el) { el.textContent = ", accessed " + today; });
  var button = box.querySelector("[data-cite-copy]");
  var text = box.querySelector(".lldc-cite__text");
  if (button && text && navigator.clipboard) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(text.textContent.trim()).then(function () {
        button.textContent = "Copied";
      }, function () {
        button.textContent = "Copy failed: select the text instead";
      });
    });
  }
})();
