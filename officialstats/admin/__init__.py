"""Official statistics in the admin: releases browsable, imports started and watched."""

from . import imports, releases

__all__ = ["imports", "releases"]
