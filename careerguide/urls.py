from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "careerguide editors"
admin.site.site_title = "careerguide admin"
admin.site.index_title = "Content"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("comparisons.urls")),
]
