"""Which content lives in which file of ``fixtures/``, in loading order.

``load_content`` loads these files and ``export_content`` writes them, so the
two always agree. Every content model must appear exactly once (a test
checks; a model of another app is named with it, "app.model"); a model's
natural key makes its rows readable and reloadable.
"""

from __future__ import annotations

CONTENT_FILES: list[tuple[str, list[str]]] = [
    # Kept with the statistics, edited like content; the factors name them.
    ("00_place_aliases", ["officialstats.placealias"]),
    ("01_sources", ["source"]),
    ("02_levels", ["experiencelevel"]),
    (
        "03_roles",
        [
            "role",
            "salarystat",
            "salaryband",
            "equityshare",
            "timetocompetency",
            "skill",
            "careerstep",
        ],
    ),
    ("04_factors", ["payfactor"]),
    ("05_profile", ["benefit", "benefitrole", "rolenote"]),
    ("06_comparisons", ["comparison", "premiumclaim", "takeaway"]),
    ("07_occupation_comparisons", ["occupationcomparison"]),
]
