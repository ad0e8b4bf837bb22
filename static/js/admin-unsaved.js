// The post form asks before the editor leaves it with unsaved changes.
// A plain static file (strict CSP); the form works the same without it.
(function () {
  "use strict";
  function watch(form) {
    let dirty = false;
    const mark = function () { dirty = true; };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = "";  // older browsers need a value to show the prompt
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    const form = document.querySelector("#post_form");
    if (form) watch(form);
  });
})();
