// Print view: show the Print button (hidden without JavaScript, where a hint
// explains Ctrl+P instead) and let it open the browser's print dialog.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector("[data-print]");
  if (!button) return;
  button.hidden = false;
  const hint = document.querySelector("[data-print-hint]");
  if (hint) hint.hidden = true;
  button.addEventListener("click", () => window.print());
});
