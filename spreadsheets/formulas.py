"""Text that a spreadsheet program would run as a formula (CSV/formula injection, OWASP).

Every export writes text cells through `neutralise_formula`; every import refuses a cell for which
`looks_like_formula` is true, with the row and column in the message."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    """True for text that Excel, LibreOffice or Numbers would evaluate instead of showing."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def neutralise_formula(value):
    """The value, with a leading apostrophe where it is text that would run as a formula.

    Numbers, dates and other text pass unchanged; the apostrophe makes a spreadsheet show the text as
    written (and is what a person sees in a CSV opened as plain text)."""
    if looks_like_formula(value):
        return "'" + value
    return value
