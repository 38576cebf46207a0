// htmx restores "back" from a snapshot of the page's HTML, and a <select>'s
// current choice is not part of its HTML. Write the choices into the markup
// before each snapshot so the restored form matches the restored result.
document.addEventListener("htmx:beforeHistorySave", function () {
  for (const select of document.querySelectorAll(".calc-form select")) {
    for (const option of select.options) {
      option.toggleAttribute("selected", option.selected);
    }
  }
});
