from django.apps import AppConfig


class OfficialStatsConfig(AppConfig):
    """Official statistics: releases imported whole, never edited figure by figure."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "officialstats"
    verbose_name = "Official statistics"
