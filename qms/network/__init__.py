"""Networks of providers: network.yaml, its checks, and the comparison of member systems."""

from qms.network.check import check_network
from qms.network.compare import Comparison, compare
from qms.network.load import NETWORK_FILE, NetworkFile, is_network, read_network
from qms.network.members import Member, summarise, summarise_all
from qms.network.model import CommonProcess, Indicator, Network
from qms.network.output import FORMATS, format_comparison

__all__ = ["FORMATS", "NETWORK_FILE", "CommonProcess", "Comparison", "Indicator", "Member", "Network",
           "NetworkFile", "check_network", "compare", "format_comparison", "is_network", "read_network",
           "summarise", "summarise_all"]
