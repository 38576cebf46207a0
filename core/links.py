"""Links from a lower layer's pages into a higher layer's tools.

Statistics pages may not import the editorial apps (imports point down
only), yet a reader who has just placed a wage among BLS's percentiles should
be able to carry it into the salary calculator. The editorial app registers
a function here when it starts; the statistics page asks this module for
links, knowing nothing of what made them. Searching occupations by title
asks the same way for the editorial pages named like the search (the
editors' roles: "backend developer").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class ToolLink:
    label: str  # the whole link text: "Estimate Backend Developer pay in Texas"
    url: str


# (SOC code, place slug or "" for the nation, yearly pay) -> links
PayTool = Callable[[str, str, Decimal], list[ToolLink]]
_pay_tools: list[PayTool] = []


def offer_pay_tool(tool: PayTool) -> PayTool:
    """Register ``tool`` (idempotent, so a reloaded app registers once)."""
    if tool not in _pay_tools:
        _pay_tools.append(tool)
    return tool


def pay_tools(code: str, place: str, pay: Decimal) -> list[ToolLink]:
    """Every registered tool's links for a yearly ``pay`` in occupation ``code`` at ``place``."""
    return [link for tool in _pay_tools for link in tool(code, place, pay)]


# (the words of a search) -> links to pages a higher layer has for them
TitleFinder = Callable[[list[str]], list[ToolLink]]
_title_finders: list[TitleFinder] = []


def offer_title_finder(finder: TitleFinder) -> TitleFinder:
    """Register ``finder`` (idempotent), asked whenever occupations are searched by title."""
    if finder not in _title_finders:
        _title_finders.append(finder)
    return finder


def title_links(words: list[str]) -> list[ToolLink]:
    """Every registered finder's links for a search's ``words``."""
    return [link for finder in _title_finders for link in finder(words)]
