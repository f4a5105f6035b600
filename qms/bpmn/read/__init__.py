"""BPMN 2.0 XML from any tool → model, with a warning for everything the model cannot hold.

:mod:`.parse` parses hardened, :mod:`.document` reads the root (pools, processes, messages),
:mod:`.content` the content of each process with one handler per element kind, :mod:`.keep`
keeps what the model has no field for as XML, and :mod:`.build` makes the model of each process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from pydantic import ValidationError

from qms.errors import Problem
from qms.model import Process, Provider, QualitySystem, Role, Stakeholder
from qms.model.base import Lang

from .build import iter_processes
from .document import read_document
from .parse import MAX_BYTES, check_size, parse
from .reader import Reader
from .scope import name_id

__all__ = ["MAX_BYTES", "ImportResult", "check_size", "parse", "read_bpmn"]


@dataclass
class ImportResult:
    """What an import produced.

    ``system`` always holds the processes read; ``whole_system`` says that the file describes
    a system (a ``qms export --single`` file, or another tool's collaboration of pools), so its
    roles and stakeholders deserve a ``system.yaml``; ``from_qms`` that qms wrote it and the
    model was restored from its own data.
    """

    system: QualitySystem
    warnings: list[Problem] = field(default_factory=list)
    whole_system: bool = False
    from_qms: bool = False


def read_bpmn(data: bytes, source: str = "<bpmn>", *, lang: str = "fi", max_bytes: int = MAX_BYTES) -> ImportResult:
    """Read a BPMN 2.0 file into a :class:`QualitySystem`.

    Parameters
    ----------
    data
        The file's bytes.
    source
        The file name used in messages.
    lang
        The language of the names in a file of another tool (files written by qms say theirs).
    max_bytes
        Files over this size are refused.

    Returns
    -------
    ImportResult
        The system (one process per BPMN process, its sub-processes in it; stakeholders for black-box
        pools, roles for lanes) and a warning for everything the model does not hold.

    Raises
    ------
    UserError
        When the file cannot be read safely or is not BPMN 2.0.

    Notes
    -----
    Parsing is hardened (no DTD, no entities, no network, a size limit). Files that qms wrote
    carry the whole model in ``qms:model``/``qms:system``; when the diagram still matches it, the
    model is restored exactly. Otherwise (another tool's file, or one edited after export) the
    model is read from the BPMN elements, with the mapping in :data:`qms.bpmn.tags.ELEMENTS`:

    - every task type → ``task`` with its ``type``; call activity → ``call``; an embedded
      sub-process (also a transaction, an ad-hoc or an event sub-process) → ``subprocess``, its
      steps ``within`` it;
    - start, end and intermediate events → ``start``, ``end``, ``event`` with their trigger; a
      boundary event → an ``event`` ``attached_to`` its host (``interrupting: false`` when not);
    - exclusive, parallel, inclusive, event-based and complex gateways map one to one;
    - loop and multi-instance markers → ``loop``; the file's ids are kept (``bpmn_id`` when one
      is no valid model id); what the model has no field for is kept as XML in ``xml:``;
    - lanes → roles (``lanes:`` and the step's ``lane``); a participant without a process → a
      stakeholder; message flows → ``messages`` of the process whose step they touch;
    - data objects → ``documents`` (``documents:`` of a step for output associations, ``reads:``
      for input associations); data stores → ``systems`` of the step (unused ones: resources);
    - text annotations → the step's ``note``; documentation → ``description`` (steps) and
      ``purpose`` (processes); conditions and default flows are kept.

    What none of this covers is reported once per element kind, with element ids and lines.
    """
    root = parse(data, source, max_bytes=max_bytes)
    r = Reader(root, source, lang)
    read_document(r)
    processes = list(iter_processes(r, lang))
    r.report()
    return _result(r, processes, source, lang)


def _result(r: Reader, processes: list[Process], source: str, lang: str) -> ImportResult:
    root = r.root
    stem = source.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".bpmn").removesuffix(".xml")
    defs_id = root.get("name") or stem or root.get("id") or "bpmn"
    sys_data = r.system_json
    if sys_data is not None:
        try:
            system = QualitySystem.model_validate({**sys_data, "processes": processes})
            return ImportResult(system, r.warnings, whole_system=True, from_qms=True)
        except ValidationError as exc:
            r.warn(root, f"the qms system data cannot be read ({str(exc).splitlines()[0]}); roles and "
                         "stakeholders are read from the diagram")
    ident = name_id(defs_id.removeprefix("Definitions_") or defs_id)
    name = root.get("name") or (processes[0].name if len(processes) == 1 else stem or ident)
    roles = [Role(id=k, name=v) for k, v in r.roles.items()]
    stakeholders = [Stakeholder(id=k, name=v) for k, v in r.stakeholders.items()]
    system = QualitySystem(
        system=ident, name=name, default_language=cast(Lang, lang), provider=Provider(id=ident, name=name),
        roles=roles, stakeholders=stakeholders, processes=processes,
    )
    from_qms = bool(r.containers) and all(c.qms is not None for c in r.containers)
    # a process file qms wrote has pools for its stakeholders, but the system lives elsewhere
    return ImportResult(system, r.warnings, whole_system=r.collaboration and not from_qms, from_qms=from_qms)
