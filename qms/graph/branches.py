"""Where parallel and alternative branches meet: the regions behind deadlocks and double runs.

One pass over the acyclic part of a :class:`~qms.graph.process.ProcessGraph` in
topological order. Each flow carries a *context*: for every split it passed, the kind of
split and the branches the token may be on. Where flows meet, the contexts show whether
they lie on different branches of one split, and of what kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from qms.graph.process import FlowData, ProcessGraph

__all__ = ["Merge", "branch_merges", "split_kind"]


@dataclass(frozen=True, slots=True)
class Merge:
    """What the branch analysis found where flows meet at ``node``.

    ``kind`` is ``deadlock`` (a parallel join waits for alternatives), ``unsynchronised``
    (concurrent branches meet without a parallel join) or ``maybe-deadlock`` (a parallel join
    after an inclusive split). ``split`` is the gateway whose branches meet, when known;
    ``flows`` the indexes (in ``flow:``) of two incoming flows that show it.
    """

    node: str
    kind: str
    split: str | None
    flows: tuple[int, int]


# A branch context: split id → (split kind: and | or | xor, the branch indexes the token may be on).
_Ctx = dict[str, tuple[str, frozenset[int]]]
_SPLIT_KIND = {"parallel": "and", "inclusive": "or", "exclusive": "xor", "event": "xor", "complex": "or"}


def split_kind(gateway: str | None, outs: list[FlowData]) -> str:
    """``and``, ``or`` or ``xor``: how the outgoing flows of a split run.

    A step that is no gateway splits implicitly: unconditioned flows all run.

    Examples
    --------
    >>> split_kind("exclusive", []), split_kind(None, [])
    ('xor', 'and')
    """
    if gateway is not None:
        return _SPLIT_KIND[gateway]
    plain = [e for e in outs if not e.condition and not e.default]
    return "and" if len(plain) == len(outs) else "or"


def branch_merges(g: ProcessGraph, fin: dict[str, list[FlowData]], fout: dict[str, list[FlowData]],
                  order: list[str]) -> list[Merge]:
    """Problems where branches meet, from one topological pass over the forward flows.

    ``fin`` and ``fout`` are each step's flows without the loop-backs, ``order`` a
    topological order of them. A parallel join whose incoming flows are not on different
    branches of one parallel split waits forever (``deadlock``); an exclusive merge or a
    task that receives flows on different branches of a parallel or inclusive split runs
    twice (``unsynchronised``).

    Only forward flows count: a loop-back branch never meets the others on the acyclic
    part, and keeping it open would make every later context grow (quadratic time). For the
    same reason a split is dropped from a context once no other pending flow holds it
    (``holders`` counts, per split, the flows not yet followed whose context holds it).
    """
    full: dict[str, frozenset[int]] = {}
    ectx: dict[int, _Ctx] = {}
    holders: dict[str, int] = {}
    found: list[Merge] = []
    for n in order:
        ctx = _meet(g, n, fin[n], ectx, holders, full, found)
        outs = fout[n]
        if outs:
            _leave(g, n, outs, ctx, ectx, holders, full)
    return found


def _meet(g: ProcessGraph, n: str, incoming: list[FlowData], ectx: dict[int, _Ctx], holders: dict[str, int],
          full: dict[str, frozenset[int]], found: list[Merge]) -> _Ctx:
    """The context of step ``n`` once its incoming flows meet; problems go to ``found``."""
    if not incoming:
        return {}
    contexts = [ectx.pop(e.pos, {}) for e in incoming]
    for c in contexts:
        for split in c:
            holders[split] -= 1
    if len(incoming) == 1:
        return contexts[0]
    row = g.data[n].kind
    if row.gateway == "parallel":
        found.extend(_check_join(n, incoming, contexts))
    elif row.gateway != "inclusive" and row.graph_kind != "end":
        found.extend(_check_merge(n, incoming, contexts))
    return _merge(contexts, full, join=row.gateway in ("parallel", "inclusive"))


def _leave(g: ProcessGraph, n: str, outs: list[FlowData], ctx: _Ctx, ectx: dict[int, _Ctx],
           holders: dict[str, int], full: dict[str, frozenset[int]]) -> None:
    """Hand the context of step ``n`` to its outgoing flows, one branch each at a split."""
    if any(not holders[split] for split in ctx):
        ctx = {split: v for split, v in ctx.items() if holders[split]}
    if len(outs) > 1:
        kind = split_kind(g.data[n].kind.gateway, outs)
        full[n] = frozenset(range(len(outs)))
        for i, e in enumerate(outs):
            branch = dict(ctx)
            branch[n] = (kind, frozenset({i}))
            ectx[e.pos] = branch
        holders[n] = len(outs)
    else:
        for e in outs:
            ectx[e.pos] = ctx
    for split in ctx:
        holders[split] += len(outs)


def _disjoint(a: _Ctx, b: _Ctx, kinds: tuple[str, ...]) -> str | None:
    """The split on whose different branches contexts ``a`` and ``b`` lie, if one of ``kinds``."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    for split, (kind, branches) in small.items():
        other = large.get(split)
        if other is not None and kind in kinds and not (branches & other[1]):
            return split
    return None


def _merge(contexts: list[_Ctx], full: dict[str, frozenset[int]], *, join: bool) -> _Ctx:
    """The context after flows meet. A join keeps every split; a merge only the common ones."""
    keys: set[str] = set(contexts[0])
    for c in contexts[1:]:
        keys = keys | set(c) if join else keys & set(c)
    out: _Ctx = {}
    for split in keys:
        present = [c[split] for c in contexts if split in c]
        branches = frozenset().union(*(b for _, b in present))
        if branches != full.get(split):
            out[split] = (present[0][0], branches)
    return out


def _check_join(node: str, incoming: list[FlowData], contexts: list[_Ctx]) -> list[Merge]:
    for i in range(len(incoming)):
        for j in range(i + 1, len(incoming)):
            if _disjoint(contexts[i], contexts[j], ("and",)):
                continue
            pair = (incoming[i].pos, incoming[j].pos)
            maybe = _disjoint(contexts[i], contexts[j], ("or",))
            if maybe:
                return [Merge(node, "maybe-deadlock", maybe, pair)]
            return [Merge(node, "deadlock", _disjoint(contexts[i], contexts[j], ("xor",)), pair)]
    return []


def _check_merge(node: str, incoming: list[FlowData], contexts: list[_Ctx]) -> list[Merge]:
    for i in range(len(incoming)):
        for j in range(i + 1, len(incoming)):
            split = _disjoint(contexts[i], contexts[j], ("and", "or"))
            if split:
                return [Merge(node, "unsynchronised", split, (incoming[i].pos, incoming[j].pos))]
    return []
