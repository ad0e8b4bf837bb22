// Comments: live character counter, and keeping the member's text when a submit fails.
// Everything works without this file; it only makes the htmx path smoother.
(function () {
  "use strict";

  var LOW = 100; // characters left before the counter turns red

  function counterFor(textarea) {
    var id = textarea.getAttribute("aria-describedby");
    return id ? document.getElementById(id) : null;
  }

  function updateCounter(textarea) {
    var counter = counterFor(textarea);
    var max = parseInt(textarea.getAttribute("maxlength"), 10);
    if (!counter || !max) return;
    var left = max - textarea.value.length;
    // The wording comes translated from the template: data-left="… {n} …".
    counter.textContent = (counter.dataset.left || "{n}").replace("{n}", left);
    counter.classList.toggle("comment-form__counter--low", left <= LOW);
  }

  function initCounters(root) {
    root.querySelectorAll("textarea[data-comment-text]").forEach(updateCounter);
  }

  function showError(form, message) {
    var box = form && form.querySelector("[data-comment-error]");
    if (!box || !message) return;
    box.textContent = message;
    box.hidden = false;
  }

  function inComments(elt) {
    return elt && elt.closest && elt.closest("[data-comments]");
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-comment-text]")) {
      updateCounter(event.target);
    }
  });

  // htmx does not swap 4xx answers by default; ours carry the form with the text and
  // a message (validation 422, rate limit 429, closed 403), so swap them in.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (inComments(event.detail.elt) && [403, 409, 422, 429].indexOf(status) !== -1) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A server error or a lost connection: nothing is swapped, so the textarea keeps
  // its text; say what happened next to it.
  document.addEventListener("htmx:responseError", function (event) {
    if (!inComments(event.detail.elt)) return;
    var form = event.detail.elt.closest("form");
    showError(form, form && form.dataset.msgServer);
  });
  document.addEventListener("htmx:sendError", function (event) {
    if (!inComments(event.detail.elt)) return;
    var form = event.detail.elt.closest("form");
    showError(form, form && form.dataset.msgNetwork);
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt.closest && event.detail.elt.closest("form[data-comment-form]");
    var box = form && form.querySelector("[data-comment-error]");
    if (box) box.hidden = true;
  });

  document.addEventListener("htmx:load", function (event) {
    initCounters(event.detail.elt);
  });
  initCounters(document);
})();
