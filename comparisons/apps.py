from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comparisons"
    verbose_name = "Career comparisons"

    def ready(self) -> None:
        from officialstats.signals import release_published

        from . import (
            deploy_checks,  # noqa: F401 (importing it registers the checks)
            freshness,
            versioning,
        )
        from .accounts import protect_usernames

        versioning.connect_signals()
        freshness.connect_signals()
        protect_usernames()
        # Editorial pages show official figures and the live release's
        # provenance: a new live release is one content change for them.
        release_published.connect(
            lambda **kwargs: versioning.bump_content_version(),
            weak=False,
            dispatch_uid="content-version-release-published",
        )
