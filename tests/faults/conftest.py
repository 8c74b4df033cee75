from tests.reports.conftest import hand_counted  # noqa: F401  (the hand-counted placements)
