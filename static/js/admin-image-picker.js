// The image picker of the body editor: hands the chosen image back to the
// figure dialog that opened this window (django-prose-editor's Figure "Browse…",
// which speaks CKEditor's file-browser protocol), then closes.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".image-picker__choose");
  if (!button) return;
  const callback = document.querySelector("#content-main.image-picker").dataset.callback;
  const editor = window.opener && window.opener.CKEDITOR;
  if (!callback || !editor) {
    button.insertAdjacentText("afterend", " " + button.dataset.url);
    return;
  }
  editor.tools.callFunction(Number(callback), button.dataset.url, {
    id: button.dataset.id,
    alternative_text: button.dataset.alt,
    caption: button.dataset.caption,
  });
  window.close();
});
