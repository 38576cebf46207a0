from django.urls import path, re_path

from .views import articles, calculator, data, occupation_pairs, roles, site

app_name = "comparisons"

urlpatterns = [
    path("compare/", roles.comparison_index, name="comparison_index"),
    path("compare/pair/", site.choose_pair, name="choose_pair"),
    re_path(
        r"^compare/(?P<slug>[-\w]+)\.json$",
        data.comparison_data,
        {"kind": "json"},
        name="comparison_json",
    ),
    re_path(
        r"^compare/(?P<slug>[-\w]+)\.csv$",
        data.comparison_data,
        {"kind": "csv"},
        name="comparison_csv",
    ),
    path("compare/<slug:slug>/", articles.article, name="article"),
    path("compare/<slug:slug>/preview/", articles.preview, name="preview"),
    path("roles/", roles.role_index, name="role_index"),
    re_path(r"^roles/(?P<slug>[-\w]+)\.json$", data.role_data, {"kind": "json"}, name="role_json"),
    re_path(r"^roles/(?P<slug>[-\w]+)\.csv$", data.role_data, {"kind": "csv"}, name="role_csv"),
    path("roles/<slug:slug>/", roles.role_detail, name="role"),
    path("roles/<slug:slug>/preview/", roles.role_preview, name="role_preview"),
    path("calculator/", calculator.calculator, name="calculator"),
    # Before the statistics' /occupations/<slug>/ (included after this app's).
    path(
        "occupations/compare/",
        occupation_pairs.occupation_pair_chooser,
        name="occupation_pair_chooser",
    ),
    path(
        "occupations/compare/<slug:pair>/",
        occupation_pairs.occupation_pair,
        name="occupation_pair",
    ),
    path(
        "occupations/compare/<slug:pair>/preview/",
        occupation_pairs.occupation_pair_preview,
        name="occupation_pair_preview",
    ),
]
