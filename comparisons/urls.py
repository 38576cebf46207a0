from django.urls import path

from .views import articles

app_name = "comparisons"

urlpatterns = [
    path("", articles.home, name="home"),
    path("compare/<slug:slug>/", articles.article, name="article"),
]
