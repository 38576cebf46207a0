from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comparisons"
    verbose_name = "Career comparisons"

    def ready(self) -> None:
        from .accounts import protect_usernames
        from .caching import connect_signals

        connect_signals()
        protect_usernames()
