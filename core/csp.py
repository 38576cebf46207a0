"""Django's Content-Security-Policy middleware, without building the same header twice.

The site's policy uses no nonce, so its header is the same on every response:
it is built once per configuration rather than once per request (a measurable
share of what a cached page costs). A policy with a nonce is built per
request, as Django does.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware, get_nonce
from django.utils.csp import CSP, build_policy


@functools.lru_cache(maxsize=8)
def _fixed_policy(config: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    return build_policy({directive: list(values) for directive, values in config})


def policy(config: dict, nonce) -> str:
    if any(CSP.NONCE in values for values in config.values()):
        return build_policy(config, nonce)
    return _fixed_policy(tuple((key, tuple(values)) for key, values in config.items()))


class FixedPolicyMiddleware(ContentSecurityPolicyMiddleware):
    """Django's middleware (see its process_response), with :func:`policy`."""

    def process_response(self, request, response):
        nonce = get_nonce(request)
        sentinel = object()
        if (enforced := getattr(response, "_csp_config", sentinel)) is sentinel:
            enforced = settings.SECURE_CSP
        if (report_only := getattr(response, "_csp_ro_config", sentinel)) is sentinel:
            report_only = settings.SECURE_CSP_REPORT_ONLY
        for header, config in (
            (CSP.HEADER_ENFORCE, enforced),
            (CSP.HEADER_REPORT_ONLY, report_only),
        ):
            if config and header not in response:
                response.headers[str(header)] = policy(config, nonce)
        return response
