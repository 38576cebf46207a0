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

// Each response swaps the place fields in (their options follow the roles and
// the first step). Requests queue, so a response to an earlier request can
// arrive after the reader chose another state or sector: keep that newer
// choice (the request it started brings the matching fields) rather than
// put the older one back.
document.addEventListener("htmx:oobBeforeSwap", function (event) {
  const target = event.detail.target;
  if (!target || (target.id !== "field-location" && target.id !== "field-industry")) {
    return;
  }
  const current = target.querySelector("select");
  const incoming = event.detail.fragment.querySelector("select");
  if (current && incoming && current.value !== incoming.value) {
    event.detail.shouldSwap = false;
  }
});

// On a phone the form is taller than the screen: a change would update a
// result below it that the reader cannot see, so nothing would seem to
// happen. Bring the result's top into view, unless it is in view already.
document.addEventListener("htmx:afterSwap", function (event) {
  const result = event.detail.target;
  if (!result || result.id !== "calc-result") {
    return;
  }
  const top = result.getBoundingClientRect().top;
  if (top > window.innerHeight - 96) {
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    result.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }
});
