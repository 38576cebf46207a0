"""Page metadata of the editorial pages: articles and role pages."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from core.formatting import money
from core.seo import PageMeta, article_ld, base_url_of, dataset_ld, home_crumb, shorten


def article_meta(request, page, *, preview: bool = False) -> PageMeta:
    comparison = page.comparison
    path = comparison.get_absolute_url()
    lead = f"{page.lead.headline}. " if page.lead and not page.lead.tie else ""
    meta = PageMeta(
        title=f"{comparison.title}: salary and career comparison",
        description=shorten(f"{lead}{comparison.summary}"),
        path=path,
        breadcrumbs=[
            home_crumb(),
            ("Comparisons", reverse("comparisons:comparison_index")),
            (comparison.title, path),
        ],
        base_url=base_url_of(request),
        noindex=page.generated or preview,
        og_type="article",
    )
    names = " vs ".join(profile.role.name for profile in page.profiles)
    if not page.generated:
        meta.structured.append(article_ld(meta, comparison.published_on, comparison.last_updated))
    meta.structured.append(
        dataset_ld(
            meta,
            name=f"Salary figures: {names}",
            description=f"Published pay figures for {names}, each with its source and as-of date.",
            sources=page.sources,
            measured=[
                "average annual salary",
                "base salary band by experience level",
                "pay factors",
                "equity and bonus share of total compensation",
                "time to competency",
            ],
            downloads={
                "application/json": reverse("comparisons:comparison_json", args=[comparison.slug]),
                "text/csv": reverse("comparisons:comparison_csv", args=[comparison.slug]),
            },
            modified=comparison.last_updated,
        )
    )
    return meta


def role_meta(request, page) -> PageMeta:
    role = page.role
    path = role.get_absolute_url()
    headline = page.profile.headline
    average = ""
    if headline is not None:
        average = f"Average salary {money(headline.average)}. "
    meta = PageMeta(
        title=f"{role.name}: salary by experience level, skills and career path",
        description=shorten(f"{average}{role.summary}"),
        path=path,
        breadcrumbs=[home_crumb(), ("Roles", reverse("comparisons:role_index")), (role.name, path)],
        base_url=base_url_of(request),
        og_type="website",
    )
    meta.structured.append(
        dataset_ld(
            meta,
            name=f"Salary figures: {role.name}",
            description=(
                f"Published pay figures for {role.name}, each with its source and as-of date."
            ),
            sources=page.sources,
            measured=["average annual salary", "base salary band by experience level"],
            downloads={
                "application/json": reverse("comparisons:role_json", args=[role.slug]),
                "text/csv": reverse("comparisons:role_csv", args=[role.slug]),
            },
            modified=timezone.localdate(role.figures_changed_at)
            if role.figures_changed_at
            else None,
        )
    )
    return meta
