"""System checks run by `manage.py check --deploy`: settings a site must not go live with."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def contact_email_is_set(app_configs, **kwargs) -> list[Warning]:
    if settings.CONTACT_EMAIL != settings.CONTACT_EMAIL_PLACEHOLDER:
        return []
    return [
        Warning(
            "CAREERGUIDE_CONTACT_EMAIL is not set: the about page asks readers to report wrong "
            f"figures to {settings.CONTACT_EMAIL_PLACEHOLDER}, which reaches no one.",
            hint="Set CAREERGUIDE_CONTACT_EMAIL to a mailbox the editors read.",
            id="careerguide.W001",
        )
    ]
