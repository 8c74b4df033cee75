"""Demo data for the portal: residents, employers, vacancies, programs, applications and placements.

`seed_demo()` fills the database with realistic Korean data spread over the plan period 2010–2014,
so the dashboards and lists have something to show. Every random choice comes from a
`random.Random` seeded with the seed (residents' names are drawn from Faker's ko_KR lists with
their weights; company names come from a `Faker("ko_KR")` seeded the same): the same arguments
give the same data. Dates never depend on the day it runs, except this year's vacancies and
program applications (the public portal needs something open today), which draw from a stream of
their own so that the 2010–2014 data stays the same whatever the day.

It scales: rows are generated as plain lists and written in chunks with bulk inserts (M2M
through rows too); per-resident facts needed later (registration day, birth day, dong, gender,
priority groups) are kept in compact arrays, never as model instances, so memory stays flat.

One module per domain, each building its own rows with the shared tools in `tools.py`
(deterministic random, dates and wages, bulk tables) on the state in `context.py`:
`residents.py`, `employers.py` (employers, agreements, vacancies), `programs.py`, `placements.py`
(placements, applications, follow-ups), `plans.py` (how many placements of which kind in which
year); `seed.py` composes them. `plan_scale.py` then tops the placements up to the plan's scale
and adds the example plan, with its labour statistics from `reports.py`.
"""

from guro_jobs.demo.plan_scale import seed_plan_scale
from guro_jobs.demo.seed import DemoCounts, DemoSummary, default_counts, seed_demo

__all__ = ["DemoCounts", "DemoSummary", "default_counts", "seed_demo", "seed_plan_scale"]
