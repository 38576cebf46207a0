from django.urls import path

from .views import articles, calculator

app_name = "comparisons"

urlpatterns = [
    path("", articles.home, name="home"),
    path("compare/<slug:slug>/", articles.article, name="article"),
    path("compare/<slug:slug>/preview/", articles.preview, name="preview"),
    path("calculator/", calculator.calculator, name="calculator"),
]
