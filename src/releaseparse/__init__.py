"""releaseparse: motorsport press releases in, structured and verifiable records out."""

from .api import Parser, load
from .records import Release

__all__ = ["Parser", "Release", "load"]
__version__ = "0.1.0"
