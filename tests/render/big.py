"""A large synthetic process for the readability tests: 150 steps over six lanes."""

from __future__ import annotations

from qms.model import Process

LANES = ("johtoryhma", "laatupaallikko", "opettaja", "opinto_ohjaaja", "talous", "tiimi")


def big_process(steps: int = 150) -> Process:
    """A deterministic process with ``steps`` steps: tasks, decisions with loops, messages."""
    rows: list[dict[str, object]] = [{"id": "s0", "start": "Alku", "lane": LANES[0]}]
    flow: list[str] = []
    for i in range(1, steps - 1):
        lane = LANES[(i * 7 + i // 5) % len(LANES)]
        if i % 9 == 0:
            rows.append({"id": f"s{i}", "decision": f"Päätös {i}: jatketaanko?", "lane": lane, "pdca": "check"})
        else:
            rows.append(
                {
                    "id": f"s{i}",
                    "task": f"Tehtävä {i} – vaiheen käsittely ja kirjaus",
                    "lane": lane,
                    "pdca": ("plan", "do", "check", "act")[i % 4],
                    **({"documents": [f"d{i}"]} if i % 11 == 0 else {}),
                }
            )
        flow.append(f"s{i - 1} -> s{i}" + (": kyllä" if (i - 1) % 9 == 0 and i > 1 else ""))
        if i % 9 == 0 and i > 9:
            flow.append(f"s{i} -> s{i - 4}: ei")
    rows.append({"id": f"s{steps - 1}", "end": "Loppu", "lane": LANES[1]})
    flow.append(f"s{steps - 2} -> s{steps - 1}" + (": kyllä" if (steps - 2) % 9 == 0 else ""))
    return Process.model_validate(
        {
            "process": "iso",
            "name": "Iso prosessi",
            "category": "core",
            "lanes": list(LANES),
            "documents": [{"id": f"d{i}", "name": f"Asiakirja {i}"} for i in range(11, steps, 11)],
            "steps": rows,
            "flow": flow,
            "messages": [f"s{i} -> opiskelija: viesti {i}" for i in range(5, steps - 1, 25)],
        }
    )
