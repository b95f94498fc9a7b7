"""The one error a user's template can cause, below every writer module that raises it."""


class TemplateProblem(Exception):
    """A user's template is broken or no longer has the structure the writer fills in."""
