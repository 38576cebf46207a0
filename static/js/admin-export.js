// The admin's export page: "Select all" ticks or clears every field of the
// chosen resource. Replaces django-import-export's inline onchange handler,
// which the site's Content-Security-Policy (no inline scripts) blocks.
document.addEventListener("change", (event) => {
  const toggle = event.target;
  if (!toggle.matches || !toggle.matches("input.select-toggle")) return;
  const row = toggle.closest(".selectable-field-export-row");
  const index = row ? row.getAttribute("resource-index") : null;
  const selector = index === null
    ? ".selectable-field-export-row input[type=checkbox]:not(.select-toggle)"
    : `.selectable-field-export-row[resource-index="${index}"] input[type=checkbox]:not(.select-toggle)`;
  document.querySelectorAll(selector).forEach((box) => {
    box.checked = toggle.checked;
  });
});
