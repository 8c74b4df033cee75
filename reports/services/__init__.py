"""Computing and storing the dashboard snapshots.

Every breakdown is one GROUP BY / aggregate query run by the database; Python only reshapes the
aggregated rows. No placement is ever loaded into Python. The pieces:
figures.py (rates, shares, the median), one_pass.py (the reads, every year or one),
snapshot.py (one year's figures), store.py (storing one year or all of them).
"""

from reports.services.figures import (
    RETENTION_MONTHS,
    SECTORS,
    SELECTED_STATUSES,
    PercentileCont,
    achievement_rate,
    agreement_figures,
    median_monthly_wage,
    share,
)
from reports.services.one_pass import OnePassReads
from reports.services.snapshot import compute_snapshot
from reports.services.store import store_all_snapshots, store_snapshot

# The name the one-pass reads had before they also served a single year.
_AllYears = OnePassReads

__all__ = [
    "RETENTION_MONTHS",
    "SECTORS",
    "SELECTED_STATUSES",
    "OnePassReads",
    "PercentileCont",
    "achievement_rate",
    "agreement_figures",
    "compute_snapshot",
    "median_monthly_wage",
    "share",
    "store_all_snapshots",
    "store_snapshot",
]
