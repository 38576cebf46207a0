"""System checks run by `manage.py check --deploy`: what a site must not go live with."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Warning, register

from . import redis


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


# Eviction policies that evict only keys with a TTL: every page has one, the
# site state (core.state) has none, so the state is never evicted.
SPARES_THE_STATE = frozenset({"volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"})


@register(deploy=True)
def redis_keeps_the_state_and_takes_writes(app_configs, **kwargs) -> list[Warning]:
    """Redis must bound its memory and make room by evicting pages, never the
    site state: production runs with ``maxmemory`` set and ``volatile-lru``."""
    client = redis.client()
    if client is None:
        return []
    try:
        config = client.config_get("maxmemory") | client.config_get("maxmemory-policy")
    except Exception as error:
        return [
            Warning(
                f"Could not read Redis's memory settings ({error}).",
                hint="Make sure maxmemory is set and maxmemory-policy is volatile-lru "
                "(README, Running in production).",
                id="careerguide.W004",
            )
        ]
    warnings = []
    policy = config.get("maxmemory-policy", "")
    if int(config.get("maxmemory", 0) or 0) == 0:
        warnings.append(
            Warning(
                "Redis has no memory limit: cached pages (hundreds of thousands of them) "
                "grow until the machine runs out of memory.",
                hint="Set maxmemory (e.g. 2gb) with maxmemory-policy volatile-lru.",
                id="careerguide.W002",
            )
        )
    if policy not in SPARES_THE_STATE:
        refuses = policy == "noeviction"
        warnings.append(
            Warning(
                f"Redis's maxmemory-policy is {policy!r}: "
                + (
                    "once full it refuses every write, so no new page is cached."
                    if refuses
                    else "it may evict the site state, which workers need while the "
                    "database is down."
                ),
                hint="Set maxmemory-policy volatile-lru: pages (which expire) make room, "
                "the site state (which does not) stays.",
                id="careerguide.W003",
            )
        )
    return warnings
