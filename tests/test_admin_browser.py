"""The admin pages we changed, in a real browser under the site's strict CSP."""

from __future__ import annotations

import pytest

from tests.browser import DESKTOP
from tests.helpers import EDITOR_PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def admin_page(site, open_page):
    """A browser page logged in to the admin through its login form.

    A superuser: the Editors group, made by a data migration, does not
    survive the flush between live-server tests; the pages are the same.
    """
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("chief", "chief@example.com", EDITOR_PASSWORD)
    page = open_page(viewport=DESKTOP)
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    page.site = site
    return page


def test_export_select_all_works_under_the_csp(admin_page):
    page = admin_page
    page.goto(f"{page.site}/admin/comparisons/salaryband/export/")
    fields = page.locator(".selectable-field-export-row input[type=checkbox]:not(.select-toggle)")
    toggle = page.locator("input.select-toggle")
    assert fields.count() >= 7
    assert all(fields.nth(i).is_checked() for i in range(fields.count()))
    toggle.uncheck()
    assert not any(fields.nth(i).is_checked() for i in range(fields.count()))
    toggle.check()
    assert all(fields.nth(i).is_checked() for i in range(fields.count()))
    assert page.locator("label[for^=select-all-toggle]").is_visible()
    assert page.problems.all() == []


@pytest.mark.parametrize(
    "path",
    [
        "/admin/comparisons/salaryband/import/",
        "/admin/comparisons/salaryband/deleted/",
        "/admin/comparisons/role/{role}/history/",
        "/admin/comparisons/role/{role}/change/",
    ],
)
def test_admin_pages_have_styled_breadcrumbs_and_no_csp_violation(admin_page, path):
    from comparisons.models import Role

    page = admin_page
    page.goto(page.site + path.format(role=Role.objects.get(slug="backend-developer").pk))
    crumbs = page.locator("nav ol.breadcrumbs")
    assert crumbs.count() == 1
    background = crumbs.evaluate("(el) => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.problems.all() == []
