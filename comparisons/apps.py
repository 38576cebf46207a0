from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comparisons"
    verbose_name = "Career comparisons"

    def ready(self) -> None:
        from . import changes, crosslinks, freshness
        from .accounts import protect_usernames

        crosslinks.register()
        changes.connect_signals()
        freshness.connect_signals()
        protect_usernames()
