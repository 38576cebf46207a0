from django.apps import AppConfig


class OfficialStatsConfig(AppConfig):
    """Official statistics: releases imported whole, never edited figure by figure."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "officialstats"
    verbose_name = "Official statistics"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .models import PlaceAlias
        from .signals import place_alias_changed

        for signal in (post_save, post_delete):
            signal.connect(place_alias_changed, sender=PlaceAlias, dispatch_uid=f"alias-{signal!r}")
