// The moderation queue from the keyboard: j/k move between comments, a/r/s decide
// the focused one (the same buttons as a click). Static file for the strict CSP;
// without it every button still works.
(function () {
  "use strict";
  function rows() {
    return Array.from(document.querySelectorAll("#result_list tbody tr")).filter(function (row) {
      return row.querySelector("[data-moderation-row]");
    });
  }
  function current(list) {
    return list.findIndex(function (row) { return row.contains(document.activeElement); });
  }
  function focusRow(row) {
    row.classList.add("queue-row--focus");
    row.querySelector("[data-key=a]").focus();
    row.scrollIntoView({block: "nearest"});
  }
  document.addEventListener("keydown", function (event) {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.matches("input[type=text], input[type=search], textarea, select")) return;
    const list = rows();
    if (!list.length) return;
    const index = current(list);
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      list.forEach(function (row) { row.classList.remove("queue-row--focus"); });
      const step = event.key === "j" ? 1 : -1;
      const next = index < 0 ? 0 : Math.min(list.length - 1, Math.max(0, index + step));
      focusRow(list[next]);
    } else if (["a", "r", "s"].includes(event.key) && index >= 0) {
      event.preventDefault();
      list[index].querySelector("[data-key=" + event.key + "]").click();
    }
  });
  // Enter in a row's reason field rejects that comment (not the bulk "Run").
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.matches(".moderation-buttons__reason input")) return;
    event.preventDefault();
    event.target.closest("[data-moderation-row]").querySelector("[data-key=r]").click();
  });
})();
