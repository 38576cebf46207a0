from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comparisons"
    verbose_name = "Career comparisons"

    def ready(self) -> None:
        from . import (
            deploy_checks,  # noqa: F401 (importing it registers the checks)
            freshness,
            versioning,
        )
        from .accounts import protect_usernames

        versioning.connect_signals()
        freshness.connect_signals()
        protect_usernames()
