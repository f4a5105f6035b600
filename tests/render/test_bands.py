"""The second layout stage: bands stacked in order and cropped."""

from __future__ import annotations

import re
from collections.abc import Callable

from qms.render.dot import (
    pin_bands,
)

Golden = Callable[[str, str], None]


def test_pin_bands_stacks_bands_in_order_and_crops_them() -> None:
    dot = (
        'digraph "p" {\n'
        '  subgraph "cluster_0" {\n    graph [id="lane-a"];\n    "x" [label="X"];\n  }\n'
        '  subgraph "cluster_1" {\n    graph [id="lane-b"];\n    "y" [label="Y"];\n  }\n'
        '  "x" -> "y" [id="f"];\n  "x" -> "y" [style="invis"];\n}\n'
    )
    layout = {  # dot put band 1 above band 0
        "_subgraph_cnt": 2,
        "objects": [
            {"name": "cluster_0", "bb": "0,0,100,50", "id": "lane-a", "nodes": [2]},
            {"name": "cluster_1", "bb": "0,100,80,150", "id": "lane-b", "nodes": [3]},
            {"_gvid": 2, "name": "x", "pos": "50,25", "height": "0.5"},
            {"_gvid": 3, "name": "y", "pos": "40,125", "height": "0.5"},
        ],
    }
    out = pin_bands(dot, layout)
    bb = dict(re.findall(r'subgraph "cluster_(\d)" \{\n\s*graph \[bb="([^"]+)"', out))
    top0, top1 = float(bb["0"].split(",")[3]), float(bb["1"].split(",")[3])
    bottom0 = float(bb["0"].split(",")[1])
    assert top0 > top1 and bottom0 >= top1  # band 0 above band 1, no overlap
    assert bb["0"].split(",")[0::2] == bb["1"].split(",")[0::2]  # same width
    assert 'style="invis"' not in out and '"x" -> "y" [id="f"];' in out
    assert re.search(r'"x" \[pos="50.00,[\d.]+", label="X"\];', out)
