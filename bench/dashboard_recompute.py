"""Benchmark (not a test): recompute of every dashboard year against a raw-SQL floor, and the
peak memory of a real Celery worker doing it, at several placement counts.

    createdb -h 127.0.0.1 -U postgres guro_dashboards_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/guro_dashboards_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/3 CELERY_RESULT_BACKEND=redis://127.0.0.1:6379/3 \\
    .venv/bin/python bench/dashboard_recompute.py --placements 100000 1000000 --repeat 3

For each size the placements (and their residents, applications, priority groups and
retention checks) are generated again (bench/dashboard_seed.py: `manage.py seed_demo
--placements N --seed 1` when that command exists, else the minimal SQL generator;
`--generator` forces it; `--reuse` keeps data already there with that many placements). Then,
in this one process and interleaved, `store_all_snapshots()` (exactly what the nightly task
runs) is timed against the floors of bench/dashboard_floor.py (the per-year floor and the
one-pass floor), and `store_snapshot(year=…)` of the latest year alone (the live current
year's recompute) is timed too; every figure of every stored snapshot is compared with the
one-pass floor's, after the all-years pass and again after the current year was stored alone.
Then a real `celery worker --pool solo` runs the `reports.recompute_all_dashboards` task and its
peak resident memory (VmHWM) is read. Results go to stdout and
bench/results/dashboard_recompute.json.
"""

import argparse
import functools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

import django  # noqa: E402

django.setup()

from dashboard_floor import compare_figures, floor_all_years, one_pass_floor, one_year_floor  # noqa: E402
from dashboard_seed import seed  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from guro_jobs.celery import app as celery_app  # noqa: E402
from placements.models import Placement  # noqa: E402
from reports import selectors, services  # noqa: E402


def timed(function):
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def memory_kib(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def worker_run():
    """Run the nightly task on a real worker; return its idle and peak RSS (KiB) and the runtime."""
    hostname = f"bench-worker-{os.getpid()}@localhost"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "guro_jobs",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "WARNING",
            "--hostname",
            hostname,
        ],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not celery_app.control.ping(destination=[hostname], timeout=1):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the bench worker did not start")
        idle = memory_kib(process.pid, "VmRSS")
        from reports.tasks import recompute_all_dashboards

        started = time.perf_counter()
        recompute_all_dashboards.delay().get(timeout=3600)
        elapsed = time.perf_counter() - started
        return {
            "idle_rss_kib": idle,
            "peak_rss_kib": memory_kib(process.pid, "VmHWM"),
            "task_seconds": elapsed,
        }
    finally:
        process.terminate()
        process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--placements", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--generator", action="store_true", help="seed with the SQL generator, not seed_demo")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the data already there if it has that many placements"
    )
    parser.add_argument("--current-year", type=int, help="also time the recompute of this one year alone")
    parser.add_argument("--no-worker", action="store_true", help="skip the Celery worker memory run")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to the PostgreSQL bench database (see the docstring).")
    if not args.no_worker and not os.environ.get("CELERY_BROKER_URL"):
        sys.exit("Set CELERY_BROKER_URL (Redis) for the worker memory run, or pass --no-worker.")
    celery_app.conf.task_always_eager = False
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        # The product's recompute runs with this work_mem (SET LOCAL in its transaction, see
        # reports/services/one_pass.py); the floors get the same, so neither sorts on disk.
        cursor.execute("SET work_mem = '64MB'")

    results = []
    for placements in args.placements:
        started = time.perf_counter()
        if args.reuse and Placement.objects.count() == placements:
            source = "reused"
        else:
            source = seed(placements, generator=args.generator)
        seeded = time.perf_counter() - started
        services.store_all_snapshots()  # warm the caches the same way for all sides
        floor_all_years()
        one_pass_floor()
        equal, total, differences = compare_figures()
        current_year = args.current_year or max(selectors.dashboard_years(include_placement_years=True))
        one_year_floor(current_year)
        recompute, floor, one_pass, current, current_floor = [], [], [], [], []
        for _ in range(args.repeat):
            recompute.append(timed(services.store_all_snapshots))
            floor.append(timed(floor_all_years))
            one_pass.append(timed(one_pass_floor))
            current.append(timed(functools.partial(services.store_snapshot, year=current_year)))
            current_floor.append(timed(functools.partial(one_year_floor, current_year)))
        # The current year stored alone must hold the same figures as the all-years pass.
        current_equal, current_total, current_differences = compare_figures()
        with CaptureQueriesContext(connection) as queries:
            services.store_all_snapshots()
        with CaptureQueriesContext(connection) as current_queries:
            services.store_snapshot(year=current_year)
        result = {
            "placements": placements,
            "data_source": source,
            "seed_seconds": round(seeded, 1),
            "years": len(selectors.dashboard_years(include_placement_years=True)),
            "recompute_seconds": round(min(recompute), 3),
            "recompute_queries": len(queries),
            "floor_seconds": round(min(floor), 3),
            "ratio": round(min(recompute) / min(floor), 2),
            "one_pass_floor_seconds": round(min(one_pass), 3),
            "one_pass_ratio": round(min(recompute) / min(one_pass), 2),
            "figures_equal": f"{equal} of {total}",
            "first_differences": [str(difference) for difference in differences],
            "current_year": current_year,
            "current_year_seconds": round(min(current), 3),
            "current_year_queries": len(current_queries),
            "current_year_floor_seconds": round(min(current_floor), 3),
            "current_year_ratio": round(min(current) / min(current_floor), 2),
            "figures_equal_after_current_year": f"{current_equal} of {current_total}",
            "current_year_differences": [str(difference) for difference in current_differences],
            "load_average": os.getloadavg(),
        }
        if not args.no_worker:
            result["worker"] = worker_run()
        results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        print(
            f"{placements:,} placements: all years {result['recompute_seconds']:.2f} s = "
            f"{result['one_pass_ratio']:.2f}× the one-pass floor ({result['one_pass_floor_seconds']:.2f} s); "
            f"current year {current_year} alone {result['current_year_seconds']:.2f} s = "
            f"{result['current_year_ratio']:.2f}× its one-year floor ({result['current_year_floor_seconds']:.2f} s); "
            f"figures equal {result['figures_equal']} (after the current year alone: "
            f"{result['figures_equal_after_current_year']})",
            flush=True,
        )

    with_worker = [r for r in results if "worker" in r]
    if len(with_worker) >= 2:
        small, large = with_worker[0], with_worker[-1]
        print(
            f"peak worker memory {large['placements']:,} vs {small['placements']:,}: "
            f"{large['worker']['peak_rss_kib'] / small['worker']['peak_rss_kib']:.2f}×"
        )
    out = BASE_DIR / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "dashboard_recompute.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
