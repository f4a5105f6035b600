"""Messages that can be said in Finnish, Swedish or English.

A rule writes its message in English as a template with named fields, wrapped in :class:`Msg`:
``Msg("process '{process}' has no owner", process=p.process)``. The result *is* the English
string, so everything that reads messages as text keeps working; a report in another language
calls :func:`say`, which looks the template up in ``locale/<lang>.yaml`` and fills in the same
fields. A template without a translation is shown in English, never dropped.

Why: a Finnish handbook shows Finnish findings; the rule keeps one source of truth for what it
says, and a test holds every template to having a Finnish and a Swedish translation.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from qms.check.finding import Finding

__all__ = ["LANGUAGES", "Msg", "catalogue", "fields", "say", "translate"]

#: The languages findings, hints and the coverage report can be said in.
LANGUAGES: tuple[str, ...] = ("fi", "en", "sv")


class Msg(str):
    """An English message that remembers its template and fields.

    Examples
    --------
    >>> m = Msg("process '{process}' has no owner", process="talous")
    >>> m
    "process 'talous' has no owner"
    >>> m.template, m.params
    ("process '{process}' has no owner", {'process': 'talous'})
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Msg:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict[str, Any]) -> Msg:
    return Msg(template, **params)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The translations of ``lang``: English template → template in ``lang`` (empty for ``en``)."""
    if lang == "en":
        return {}
    resource = files("qms.check").joinpath("locale", f"{lang}.yaml")
    if not resource.is_file():
        return {}
    data = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def say(text: str, lang: str) -> str:
    """``text`` in ``lang`` when it is a :class:`Msg` with a translation; otherwise as it is.

    Fields that are messages themselves are said in ``lang`` too.

    Examples
    --------
    >>> say(Msg("process '{process}' is not described yet: it has no steps", process="tilat"), "fi")
    "prosessia 'tilat' ei ole vielä kuvattu: sillä ei ole vaiheita"
    >>> say("plain text stays", "fi")
    'plain text stays'
    """
    if not isinstance(text, Msg) or lang == "en":
        return str(text)
    template = catalogue(lang).get(text.template, text.template)
    params = {k: say(v, lang) if isinstance(v, Msg) else v for k, v in text.params.items()}
    return template.format(**params) if params else template


def fields(template: str) -> set[str]:
    """The named fields of a template.

    >>> sorted(fields("{a} and {b:>3}"))
    ['a', 'b']
    """
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def translate(findings: Iterable[Finding], lang: str) -> list[Finding]:
    """``findings`` with their messages, hints and references said in ``lang``."""
    if lang == "en":
        return list(findings)
    return [dataclasses.replace(f, message=say(f.message, lang), hint=say(f.hint, lang),
                                refs=tuple(say(r, lang) for r in f.refs)) for f in findings]
