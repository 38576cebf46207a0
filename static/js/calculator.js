// htmx restores "back" from a snapshot of the page's HTML, where a <select>
// shows the choice it was rendered with, not the one that produced the
// restored result. Each history entry's choices are in its URL, so set the
// form from there; a choice missing from the URL is the page's default.
document.addEventListener("htmx:historyRestore", function () {
  const params = new URLSearchParams(window.location.search);
  for (const select of document.querySelectorAll(".calc-form select")) {
    if (params.has(select.name)) {
      select.value = params.get(select.name);
    } else {
      for (const option of select.options) {
        option.selected = option.defaultSelected;
      }
    }
  }
});
