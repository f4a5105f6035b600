"""qms: quality-system descriptions of vocational-education providers as checked text."""

from qms.errors import InternalError, Problem, QmsError, UserError
from qms.location import SourceLocation

__version__ = "0.1.0"

__all__ = ["InternalError", "Problem", "QmsError", "SourceLocation", "UserError", "__version__"]
