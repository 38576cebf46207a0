"""Site-wide pages: methodology, about, robots.txt, favicon, web app manifest, pair chooser, 404."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from comparisons.freshness import TEXT_REVISED
from comparisons.models import Role, Source
from comparisons.queries.official import load_linked_occupations
from core.downloads import LICENSE_URL
from core.pages import cache_page
from core.seo import simple_meta
from officialstats.queries.prices import unmatched_areas
from officialstats.queries.provenance import guidance_sources, live_provenance

from .articles import pair_destination


@require_safe
@cache_page
def methodology(request: HttpRequest) -> HttpResponse:
    meta = simple_meta(
        request,
        "Methodology: where the figures come from and how we compare them",
        "The data sets behind careerguide, how comparative statements are derived from the "
        "figures, and the salary calculator's math, step by step.",
        reverse("methodology"),
        [("Methodology", reverse("methodology"))],
    )
    context = {
        "meta": meta,
        "sources": list(Source.objects.all()),
        "revised": TEXT_REVISED["methodology"],
        # Kept under everything the site shows: an edit or a publish renders
        # it again, so it never shows an old release's provenance.
        "official": live_provenance(),
        "guidance": guidance_sources(),
        "unpriced": unmatched_areas(),
        "linked": load_linked_occupations(),
    }
    return render(request, "methodology.html", context)


REPORT_SUBJECT = "A wrong figure on careerguide"


@require_safe
@cache_page
def about(request: HttpRequest) -> HttpResponse:
    path = reverse("about")
    meta = simple_meta(
        request,
        "About careerguide: who runs it, and how to report a wrong figure",
        "Who writes careerguide, how its figures are chosen and checked, how to tell us about a "
        "wrong figure, and the terms for reusing its open data.",
        path,
        [("About", path)],
    )
    email = settings.CONTACT_EMAIL
    context = {
        "meta": meta,
        "contact_email": email,
        "report_href": f"mailto:{email}?subject={quote(REPORT_SUBJECT)}",
        "license_url": LICENSE_URL,
        "revised": TEXT_REVISED["about"],
    }
    return render(request, "about.html", context)


@require_safe
def choose_pair(request: HttpRequest) -> HttpResponse:
    """The no-JavaScript "compare any two roles" form lands here and moves on."""
    slugs = [request.GET.get("a", ""), request.GET.get("b", "")]
    roles = list(Role.objects.published().filter(slug__in=slugs))
    if len(roles) != 2:
        return redirect(reverse("comparisons:comparison_index") + "?pair=invalid#choose")
    return redirect("comparisons:article", slug=pair_destination(*roles))
