"""What the browser tests share: Chromium's launch, a page's problems, and the
checks run in the page (tap targets, overflow, table cells, axe, contrast)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


PHONE = {"width": 375, "height": 740}


DESKTOP = {"width": 1280, "height": 900}


def browser_unavailable() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if not shutil.which(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


# Reports each CSP violation to the test as the page sees it. Playwright adds
# init scripts and bindings through the DevTools protocol, which the page's
# CSP does not govern, so the listener is in place before the page's own
# first script, on every document the page navigates to.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


class PageProblems(list):
    """Console errors, uncaught exceptions and CSP violations of one page."""

    def __init__(self, page):
        super().__init__()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.append(f"exception: {error}"))
        page.expose_function("__reportCspViolation", lambda text: self.append(f"csp: {text}"))
        page.add_init_script(CSP_LISTENER)
        self.page = page
        # Addresses whose 404 is the point of the test (the not-found page):
        # Chromium logs the document's own status as a console error.
        self.expected_404: set[str] = set()

    def _console(self, message) -> None:
        if message.type != "error":
            return
        if message.location.get("url") in self.expected_404 and "status of 404" in message.text:
            return
        self.append(f"console: {message.text} ({message.location.get('url')})")

    def all(self) -> list[str]:
        """Everything reported so far."""
        if not self.page.is_closed():
            # A round trip to the page delivers the reports it has sent before.
            self.page.evaluate("0")
        return list(self)


# Every WCAG 2.0-2.2 A and AA rule axe has, and its best practices.
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}


# WCAG's relative luminance and contrast ratio, over the computed colours.
CONTRAST = """
const luminance = (css) => {
  const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const background = getComputedStyle(document.body).backgroundColor;
"""


# Elements a reader can tap or tab to.
TARGETS = "a[href], button, select, input, textarea, summary, [tabindex]:not([tabindex='-1'])"


# WCAG 2.2 SC 2.5.8 (AA) asks for targets of at least 24 x 24 CSS px, and
# exempts a target with an equivalent one that is (a map's state, linked as
# its table row is), and a link inside a sentence: its size is set by the line of text
# around it, which readers expect to tap as text. So a target is exempt when
# it is inline and the block it sits in has words of its own outside any
# target (separators such as "·" do not count). Everything else, such as
# links standing alone in lists and navigation, must be 24 px. The primary
# controls (site navigation, the calculator's fields and button, the
# breakdown toggle, paging) get the 44 px of SC 2.5.5 (AAA), as thumbs need.
SMALL_TARGETS = """(selector) => {
  const isTarget = (el) => el.matches(selector);
  const block = (el) => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
    return node;
  };
  const ownWords = (container) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let text = "";
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.parentElement.closest(selector)) text += node.textContent;
    }
    return /[A-Za-z0-9]/.test(text);
  };
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === "hidden") continue;
    if (el.classList.contains("skip-link")) continue;  // off screen until focused; tested there
    // WCAG's "equivalent" exception: a state on a map links where its row in
    // the table under the map does (tested at full size there).
    const href = el.getAttribute("href");
    if (el.closest("svg") && href && document.querySelector(`table a[href="${href}"]`)) continue;
    if (box.width >= 23.5 && box.height >= 23.5) continue;
    if (style.display === "inline" && ownWords(block(el))) continue;
    small.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" `
      + `${Math.round(box.width)}x${Math.round(box.height)}`);
  }
  return small;
}"""


PRIMARY_CONTROLS = (
    ".site-nav a, .calc-form select, .calc-form button, .breakdown summary, .pagination a"
)


# Anything wider than the viewport, tables included (they stack on a phone
# rather than scroll sideways in their box).
OVERFLOWING = """() => {
  const limit = document.documentElement.clientWidth + 0.5;
  return [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > limit)
    .map((el) => `${el.tagName}.${el.className}: ${el.getBoundingClientRect().right}`);
}"""


# Every table cell a reader can see shows all of its content: nothing spills
# past the cell (scrollWidth), and the cell lies inside what can be seen of
# its table: the table's box cut by every ancestor that clips or scrolls, and
# by the viewport. Cells hidden on purpose (the column headers a stacked table
# keeps for screen readers, in a 1 px clipped box) are left out. Each data
# cell also says which column it is in: by the header row where that is shown,
# or by its data-label, which names its column's header and, where the header
# is hidden, is shown in front of it.
CLIPPED_CELLS = """() => {
  const hiddenOnPurpose = (el) => {
    for (; el; el = el.parentElement) {
      const box = el.getBoundingClientRect();
      if (getComputedStyle(el).overflow !== "visible" && box.width <= 1 && box.height <= 1) {
        return true;
      }
    }
    return false;
  };
  const name = (cell) => `"${cell.textContent.trim().replace(/\\s+/g, " ").slice(0, 40)}"`;
  const problems = [];
  for (const table of document.querySelectorAll("table")) {
    if (!table.checkVisibility()) continue;
    const tableBox = table.getBoundingClientRect();
    let left = Math.max(tableBox.left, 0);
    let right = Math.min(tableBox.right, document.documentElement.clientWidth);
    for (let el = table.parentElement; el; el = el.parentElement) {
      if (getComputedStyle(el).overflowX === "visible") continue;
      const box = el.getBoundingClientRect();
      left = Math.max(left, box.left + el.clientLeft);
      right = Math.min(right, box.left + el.clientLeft + el.clientWidth);
    }
    const headers = [...table.querySelectorAll("thead th")];
    const headersShown = headers.length && !hiddenOnPurpose(headers[0]);
    for (const cell of table.querySelectorAll("th, td")) {
      if (!cell.checkVisibility() || hiddenOnPurpose(cell)) continue;
      const box = cell.getBoundingClientRect();
      if (cell.scrollWidth > cell.clientWidth + 1) {
        problems.push(`${name(cell)} overflows its cell: ${cell.scrollWidth} px`);
      }
      if (box.left < left - 0.5 || box.right > right + 0.5) {
        problems.push(`${name(cell)} at ${box.left}-${box.right} outside ${left}-${right}`);
      }
      if (cell.tagName !== "TD" || cell.colSpan > 1) continue;
      const header = headers[[...cell.parentElement.children].indexOf(cell)];
      const label = cell.dataset.label;
      if (headersShown && header && label === undefined) continue;  // the header row labels it
      if (!header || label !== header.textContent.trim()) {
        problems.push(`${name(cell)} has data-label ${label}, not its column's header`);
      } else if (!headersShown) {
        const shown = getComputedStyle(cell, "::before").content;
        if (!shown.includes(label)) problems.push(`${name(cell)} is not labelled ${label}`);
      }
    }
  }
  return problems;
}"""


# A breadcrumb whose link starts below its "›": the separator left alone at
# the end of a line.
LONE_SEPARATORS = """() => [...document.querySelectorAll(".breadcrumbs li + li")]
  .filter((li) => li.querySelector("a").getBoundingClientRect().top
                  - li.getBoundingClientRect().top > 4)
  .map((li) => `breadcrumb "${li.textContent.trim()}" leaves its separator alone`)"""


NOT_FOUND = "/no-such-page/"


def visit(page, path: str) -> None:
    """Open ``path`` on the live server, as a reader would, and wait for it to settle:
    a 200, or the 404 page at NOT_FOUND."""
    expected = 404 if path == NOT_FOUND else 200
    if expected == 404:
        page.problems.expected_404.add(page.base_url + path)
    response = page.goto(page.base_url + path)
    assert response.status == expected, f"{path}: {response.status}"
    page.wait_for_load_state("networkidle")


# Anything wider than the viewport except inside a box that scrolls sideways
# on purpose (a wide table of figures).
OVERFLOWING_OUTSIDE_SCROLLERS = """() => {
  const limit = document.documentElement.clientWidth + 0.5;
  return [...document.querySelectorAll("body *")]
    .filter((el) => !el.closest(".table-scroll"))
    .filter((el) => el.getBoundingClientRect().right > limit)
    .map((el) => `${el.tagName}.${el.className}: ${el.getBoundingClientRect().right}`);
}"""


# Screenshots of every page type, for people to look at: taken when
# CAREERGUIDE_SCREENSHOTS is set (they cost the suite a good part of a
# minute), into screenshots/ (git-ignored).
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


def photograph(page, name: str) -> None:
    if os.environ.get("CAREERGUIDE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
