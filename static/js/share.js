// Post page "Share": without JavaScript it offers an email link and the address to copy.
// Here we add "Copy link" where the clipboard is available and the browser's own share
// sheet (Web Share API) where it has one.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-share-native]")) {
    const data = { title: button.dataset.shareTitle, url: button.dataset.shareUrl };
    if (!navigator.share || (navigator.canShare && !navigator.canShare(data))) continue;
    button.hidden = false;
    button.addEventListener("click", () => navigator.share(data).catch(() => {}));
  }
  for (const button of document.querySelectorAll("[data-share-copy]")) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.shareCopy);
        button.textContent = button.dataset.shareDone;
        setTimeout(() => { button.textContent = label; }, 2000);
      } catch {
        button.closest(".share").querySelector("input").select();
      }
    });
  }
});
