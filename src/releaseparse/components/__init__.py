"""The extractors, one spaCy component per module; importing this package registers them."""

from . import events, links, people, quotes, results, standings  # noqa: F401
