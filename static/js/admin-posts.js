// The post form of the admin. Everything here is an improvement: without
// JavaScript the summary still has its maxlength, topics their <datalist>,
// and authors and files their position numbers.
"use strict";

// The summary's character counter: "120 / 600 characters".
function addCounter(field) {
  const max = Number(field.getAttribute("maxlength"));
  const counter = document.createElement("div");
  counter.className = "help character-counter";
  counter.id = field.id + "-counter";
  counter.setAttribute("aria-live", "polite");
  field.setAttribute("aria-describedby", counter.id);
  const update = () => {
    const used = field.value.length;
    counter.textContent = interpolate(gettext("%s / %s characters"), [used, max]);
    counter.classList.toggle("character-counter--near", used > max * 0.9);
  };
  field.addEventListener("input", update);
  field.after(counter);
  update();
}

// Topics: a <datalist> matches the whole value, but topics are comma-separated:
// offer each suggestion after what is already typed.
function completeTopics(input) {
  const list = document.getElementById(input.getAttribute("list"));
  const names = Array.from(list.options, (option) => option.value);
  input.addEventListener("input", () => {
    const cut = input.value.lastIndexOf(",");
    const typed = cut < 0 ? "" : input.value.slice(0, cut + 1) + " ";
    list.replaceChildren(...names.map((name) => new Option("", typed + name)));
  });
}

// Ordered inlines: drag a row, or use its Up and Down buttons (keyboard).
// The position inputs are renumbered in the order shown, and saved as before.
function ordering(group) {
  const body = group.querySelector("tbody");
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  group.append(status);
  group.classList.add("ordered-inline--active");
  const rows = () => Array.from(body.querySelectorAll("tr.form-row:not(.empty-form)"));
  // Only rows with content: a number in an empty extra row would make Django
  // validate it as a new author or file.
  const filled = (row) => row.classList.contains("has_original") ||
    Array.from(row.querySelectorAll("td:not(.field-position) :is(input, select)")).some(
      (field) => field.type !== "hidden" && field.type !== "checkbox" && field.value);
  const renumber = () => {
    rows().filter(filled).forEach((row, index) => {
      const position = row.querySelector("td.field-position input");
      if (position) position.value = index;
    });
  };
  group.closest("form").addEventListener("submit", renumber);
  const move = (row, offset) => {
    const list = rows();
    const target = list[list.indexOf(row) + offset];
    if (!target) return;
    target[offset < 0 ? "before" : "after"](row);
    renumber();
    const place = rows().indexOf(row) + 1;
    status.textContent = interpolate(gettext("Moved to position %s of %s."), [place, rows().length]);
  };
  let dragged = null;
  const prepare = (row) => {
    if (row.querySelector(".order-controls")) return;
    const cell = row.querySelector("td.field-position");
    if (!cell) return;
    const controls = document.createElement("span");
    controls.className = "order-controls";
    for (const [label, offset, glyph] of [[gettext("Move up"), -1, "↑"], [gettext("Move down"), 1, "↓"]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "order-controls__button";
      button.textContent = glyph;
      button.setAttribute("aria-label", label);
      button.title = label;
      button.addEventListener("click", () => { move(row, offset); button.focus(); });
      controls.append(button);
    }
    const handle = document.createElement("span");
    handle.className = "order-controls__handle";
    handle.textContent = "⠿";
    handle.title = gettext("Drag to reorder");
    controls.prepend(handle);
    cell.prepend(controls);
    row.draggable = true;
    row.addEventListener("dragstart", (event) => {
      dragged = row;
      row.classList.add("is-dragged");
      event.dataTransfer.effectAllowed = "move";
    });
    row.addEventListener("dragend", () => { row.classList.remove("is-dragged"); dragged = null; renumber(); });
    row.addEventListener("dragover", (event) => {
      if (!dragged || dragged === row) return;
      event.preventDefault();
      const box = row.getBoundingClientRect();
      row[event.clientY < box.top + box.height / 2 ? "before" : "after"](dragged);
    });
  };
  rows().forEach(prepare);
  document.addEventListener("formset:added", (event) => {
    if (body.contains(event.target)) { prepare(event.target); renumber(); }
  });
}

function init() {
  document.querySelectorAll("textarea[data-character-counter][maxlength]").forEach(addCounter);
  document.querySelectorAll("input[list$='-suggestions']").forEach(completeTopics);
  document.querySelectorAll("fieldset.ordered-inline").forEach((fieldset) => ordering(fieldset.closest(".inline-group")));
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
