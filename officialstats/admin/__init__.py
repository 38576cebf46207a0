"""Official statistics in the admin: releases browsable, imports started and watched,
place aliases edited."""

from . import aliases, imports, releases

__all__ = ["aliases", "imports", "releases"]
