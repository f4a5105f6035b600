"""The table of handlers: every element kind of the element table has one, in a sensible order."""

from __future__ import annotations

from qms.bpmn.read.content import CONTENT, read_lane_set, read_node, read_sequence_flow
from qms.bpmn.tags import ELEMENTS, b


def test_every_flow_node_of_the_element_table_is_read_as_a_step() -> None:
    nodes = next(tags for tags, handler in CONTENT if handler is read_node)
    assert nodes == {b(tag) for tag in ELEMENTS}


def test_lanes_are_read_before_the_steps_that_take_them_and_steps_before_the_flows() -> None:
    order = [handler for _, handler in CONTENT]
    assert order.index(read_lane_set) < order.index(read_node) < order.index(read_sequence_flow)
