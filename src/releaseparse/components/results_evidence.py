"""The span a result is checked against: its line or sentence, and the session name it relies on."""


def evidence(span: tuple[int, int], session) -> tuple[int, int]:
    """Widen `span` to take in the session's name where that stands apart (a heading, a sentence before)."""
    return min(span[0], session.start), max(span[1], session.end)
