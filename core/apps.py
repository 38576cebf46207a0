from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site plumbing every page uses; imports no other app of the project."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Site"

    def ready(self) -> None:
        from . import checks  # noqa: F401 (importing it registers the checks)
