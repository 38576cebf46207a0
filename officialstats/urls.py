from django.urls import path, re_path

from .views import compare, data, furthest, lists, occupations, places

app_name = "officialstats"

urlpatterns = [
    path("occupations/", occupations.occupation_index, name="occupation_index"),
    path("occupations/lists/", lists.list_index, name="list_index"),
    path("occupations/lists/<slug:slug>/", lists.career_list, name="career_list"),
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
    path(
        "occupations/<slug:slug>/where-pay-goes-furthest/",
        furthest.furthest,
        name="furthest",
    ),
    re_path(
        r"^occupations/(?P<slug>[-\w]+)/in/(?P<place>[-\w]+)\.json$",
        data.occupation_place_data,
        {"kind": "json"},
        name="occupation_place_json",
    ),
    re_path(
        r"^occupations/(?P<slug>[-\w]+)/in/(?P<place>[-\w]+)\.csv$",
        data.occupation_place_data,
        {"kind": "csv"},
        name="occupation_place_csv",
    ),
    path(
        "occupations/<slug:slug>/in/<slug:place>/",
        places.occupation_place,
        name="occupation_place",
    ),
    path("places/", places.place_index, name="place_index"),
    path("places/<slug:slug>/", places.place, name="place"),
]
