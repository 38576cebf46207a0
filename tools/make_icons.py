"""Draws the site's bitmap icons from static/favicon.svg, the one source of truth.

    .venv/bin/python tools/make_icons.py

Writes static/favicon.ico (16, 32 and 48 px), the PNG icons named by the
web app manifest and the apple-touch-icon link, and the 1200x630 link-preview
image every page names as og:image (the icon beside the wordmark and tagline).
Chromium (Debian's, through Playwright, as in the browser tests) renders the
SVG, so no image library is needed; the .ico holds PNG images, which every
browser since 2007 reads.
Run it again whenever favicon.svg changes, and commit the results.
"""

from __future__ import annotations

import os
import re
import struct
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from core.seo import SHARE_IMAGE, SHARE_IMAGE_SIZE  # noqa: E402 (the project's root first)

STATIC = ROOT / "static"
SVG = (STATIC / "favicon.svg").read_text()
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# (file, size in px, maskable): a maskable icon fills its square edge to
# edge and keeps the drawing inside the central 80% "safe zone", because
# launchers crop it to their own shape.
PNGS = [
    ("icons/icon-192.png", 192, False),
    ("icons/icon-512.png", 512, False),
    ("icons/icon-maskable-512.png", 512, True),
    ("icons/apple-touch-icon.png", 180, True),
]
ICO_SIZES = [16, 32, 48]

# The link-preview card (Open Graph, Twitter), where and as large as the
# pages name it (core.seo, which also describes it in og:image:alt).
OG_HTML = """<!doctype html><style>
html, body { margin: 0; }
body {
  width: 1200px; height: 630px; box-sizing: border-box; padding: 0 80px;
  display: flex; align-items: center; gap: 56px;
  background: #fdfdfc; color: #1b1f24;
  font-family: system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  border-bottom: 24px solid #2563eb;
}
svg { width: 240px; height: 240px; flex: none; }
h1 { margin: 0 0 28px; font-size: 96px; line-height: 1; letter-spacing: -2px; }
h1 span { color: #2563eb; }
p { margin: 0; font-size: 40px; line-height: 1.3; color: #3d4651; }
</style><body>%(svg)s<div><h1>career<span>guide</span></h1>
<p>Careers compared by pay and place,<br>every figure sourced and dated.</p></div>
</body>"""


def maskable(svg: str) -> str:
    background = re.search(r'<rect width="32" height="32" rx="7" fill="([^"]+)"/>', svg)
    drawing = svg.replace(background.group(0), "")
    inner = re.sub(r"^<svg[^>]*>|</svg>$", "", drawing)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" fill="{background.group(1)}"/>'
        f'<g transform="translate(3.2 3.2) scale(0.8)">{inner}</g></svg>'
    )


def render(page, svg: str, size: int) -> bytes:
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(
        "<!doctype html><style>html,body{margin:0;background:transparent}"
        f"svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}"
    )
    return page.screenshot(omit_background=True)


def ico(images: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, png in images:
        # Width and height 0 mean 256; each entry points at a whole PNG file.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        data += png
    return header + entries + data


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        for name, size, is_maskable in PNGS:
            path = STATIC / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(render(page, maskable(SVG) if is_maskable else SVG, size))
            print(f"wrote {path.relative_to(STATIC.parent)}")
        (STATIC / "favicon.ico").write_bytes(ico([(s, render(page, SVG, s)) for s in ICO_SIZES]))
        print("wrote static/favicon.ico")
        width, height = SHARE_IMAGE_SIZE
        page.set_viewport_size({"width": width, "height": height})
        page.set_content(OG_HTML % {"svg": SVG})
        path = STATIC / SHARE_IMAGE
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(page.screenshot())
        print(f"wrote {path.relative_to(STATIC.parent)}")
        browser.close()


if __name__ == "__main__":
    main()
