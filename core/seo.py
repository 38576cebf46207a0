"""What search engines and link previews read: titles, descriptions, JSON-LD.

Every page builds its :class:`PageMeta` from the same loaded data as the
page, so metadata never disagrees with what readers see. Pure apart from
``reverse``; the caller passes the site's base URL (scheme and host) for
absolute links.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from .downloads import LICENSE_URL, credit

SITE_NAME = "careerguide"
DESCRIPTION_LENGTH = 160

# The link-preview card every page names (drawn by tools/make_icons.py).
SHARE_IMAGE = "og/careerguide-1200x630.png"
SHARE_IMAGE_SIZE = (1200, 630)
SHARE_IMAGE_ALT = (
    "The careerguide logo, three rising bars, beside the words: careers compared by pay and "
    "place, every figure sourced and dated."
)


class Cited(Protocol):
    """A publication a dataset is based on (an editorial ``Source``, say)."""

    title: str
    publisher: str
    url: str
    as_of: datetime.date
    as_of_label: str


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """Cut ``text`` at a word boundary to fit a search result's snippet."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@dataclass
class PageMeta:
    title: str
    description: str
    path: str
    breadcrumbs: list[tuple[str, str]]
    base_url: str
    noindex: bool = False
    og_type: str = "website"
    structured: list[dict] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.base_url + self.path

    @property
    def document_title(self) -> str:
        """The browser tab's title: the page's, then the site's name, said once."""
        if SITE_NAME in self.title:
            return self.title
        return f"{self.title} \u00b7 {SITE_NAME}"

    @property
    def image_url(self) -> str:
        return self.base_url + static(SHARE_IMAGE)

    image_width, image_height = SHARE_IMAGE_SIZE
    image_alt = SHARE_IMAGE_ALT

    @property
    def json_ld(self) -> list[dict]:
        crumbs = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": name,
                    "item": self.base_url + path,
                }
                for position, (name, path) in enumerate(self.breadcrumbs, start=1)
            ],
        }
        return [crumbs, *self.structured]


def home_crumb() -> tuple[str, str]:
    return ("Home", reverse("home"))


def organisation(base_url: str) -> dict:
    return {"@type": "Organization", "name": SITE_NAME, "url": base_url + "/"}


def article_ld(
    meta: PageMeta, published: datetime.date | None, modified: datetime.date | None
) -> dict:
    item = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": meta.title,
        "description": meta.description,
        "mainEntityOfPage": meta.url,
        "author": organisation(meta.base_url),
        "publisher": organisation(meta.base_url),
    }
    if published:
        item["datePublished"] = published.isoformat()
    if modified:
        item["dateModified"] = modified.isoformat()
    return item


def coverage(years: list[int]) -> str:
    """One year, or an ISO 8601 interval from the earliest to the latest."""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}/{years[-1]}"


def dataset_ld(
    meta: PageMeta,
    name: str,
    description: str,
    sources: Sequence[Cited],
    measured: list[str],
    downloads: dict[str, str],
    modified: datetime.date | None = None,
) -> dict:
    """A Dataset naming every source with its as-of date and the downloads."""
    years = sorted({source.as_of.year for source in sources})
    return {
        **({"dateModified": modified.isoformat()} if modified else {}),
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": name,
        "description": description,
        "url": meta.url,
        "creator": organisation(meta.base_url),
        "license": LICENSE_URL,
        "creditText": credit(meta.url),
        "variableMeasured": measured,
        **({"temporalCoverage": coverage(years)} if years else {}),
        "isBasedOn": [
            {
                "@type": "CreativeWork",
                "name": source.title,
                "publisher": {"@type": "Organization", "name": source.publisher},
                "temporalCoverage": source.as_of_label,
                **({"url": source.url} if source.url else {}),
            }
            for source in sources
        ],
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": mime, "contentUrl": meta.base_url + path}
            for mime, path in downloads.items()
        ],
    }


def base_url_of(request) -> str:
    """The site's address for canonical links: SITE_URL when set, else this request's."""
    return settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")


def simple_meta(request, title: str, description: str, path: str, crumbs: list) -> PageMeta:
    return PageMeta(
        title=title,
        description=shorten(description),
        path=path,
        breadcrumbs=[home_crumb(), *crumbs] if path != reverse("home") else [home_crumb()],
        base_url=base_url_of(request),
    )
