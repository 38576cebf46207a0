"""The site's template builtins: JSON-LD data blocks, and pieces of pages
rendered once per site state (``{% remember %}``)."""

from __future__ import annotations

import json

from django import template
from django.utils.safestring import mark_safe

from core.state import Remembered, Shows, code_version

register = template.Library()

_LD_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def ld_json(value) -> str:
    """JSON-LD for a <script type="application/ld+json"> data block.

    Escaped like ``json_script`` so no value can close the element. Data
    blocks are never executed, so a strict CSP does not need to allow them.
    """
    return mark_safe(json.dumps(value, ensure_ascii=False).translate(_LD_ESCAPES))


_fragments = Remembered(Shows.EVERYTHING, size=256)


class RememberNode(template.Node):
    def __init__(self, nodelist: template.NodeList, vary_on: list) -> None:
        self.nodelist = nodelist
        self.vary_on = vary_on

    def render(self, context: template.Context) -> str:
        key = tuple(str(expression.resolve(context)) for expression in self.vary_on)
        return _fragments.get(key, lambda: self.nodelist.render(context))


@register.tag
def remember(parser: template.base.Parser, token: template.base.Token) -> RememberNode:
    """``{% remember "name" var... %}…{% endremember %}``

    Renders its body once per site state for each set of values given, then
    reuses it: for the parts of a page that depend on the site's content
    alone (never on the query string or the user), so that a page the page
    cache misses, such as the article with a new calculator query, renders
    only what differs. The first value should name the fragment.
    """
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("remember needs a name")
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(nodelist, [parser.compile_filter(bit) for bit in bits])


_once: dict[tuple[str, str], str] = {}


class OnceNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str) -> None:
        self.nodelist = nodelist
        self.name = name

    def render(self, context: template.Context) -> str:
        key = (code_version(), self.name)
        if (found := _once.get(key)) is None:
            found = _once[key] = self.nodelist.render(context)
        return found


@register.tag
def once(parser: template.base.Parser, token: template.base.Token) -> OnceNode:
    """``{% once "name" %}…{% endonce %}``: rendered once per process and code
    version, for what depends on the code alone (the site's header, its
    footer, the links every page's head carries), like a compiled template.
    Its body must not use the request, the content or the figures."""
    bits = token.split_contents()[1:]
    if len(bits) != 1 or bits[0][0] not in "\"'":
        raise template.TemplateSyntaxError("once needs a quoted name")
    nodelist = parser.parse(("endonce",))
    parser.delete_first_token()
    return OnceNode(nodelist, bits[0][1:-1])
