from django.urls import path, re_path

from .views import compare, data, occupations

app_name = "officialstats"

urlpatterns = [
    path("occupations/", occupations.occupation_index, name="occupation_index"),
    re_path(
        r"^occupations/(?P<slug>[-\w]+)\.json$",
        data.occupation_data,
        {"kind": "json"},
        name="occupation_json",
    ),
    re_path(
        r"^occupations/(?P<slug>[-\w]+)\.csv$",
        data.occupation_data,
        {"kind": "csv"},
        name="occupation_csv",
    ),
    path("occupations/<slug:slug>/", occupations.occupation, name="occupation"),
    path("occupations/<slug:slug>/places/", compare.compare_places, name="compare_places"),
]
