"""WSGI entry point, used by gunicorn: `gunicorn careerguide.wsgi`.

gunicorn loads the app before forking its workers (``preload_app``), so what
is done here is done once and shared by every worker, including the workers
that replace recycled ones: the URLconf with every view module, the code's
digest and the templates pages are built from. Without this, each new worker
spent a quarter of a second of CPU on its first requests.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerguide.settings")

application = get_wsgi_application()


def _warm() -> None:
    from django.template.loader import get_template
    from django.urls import get_resolver

    from core.state import code_changed_at, code_version

    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    code_version()
    code_changed_at()
    for name in (
        "base.html",
        "home.html",
        "comparisons/article.html",
        "comparisons/role.html",
        "comparisons/calculator.html",
        "officialstats/occupation.html",
        "officialstats/occupation_place.html",
        "officialstats/place.html",
        "officialstats/compare_places.html",
    ):
        get_template(name)
    # What was loaded lives as long as the process: keep the collector from
    # walking it again, and forked workers from touching (copying) its pages.
    gc.freeze()


_warm()
