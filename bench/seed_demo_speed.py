"""Benchmark (not a test): how long `manage.py seed_demo` takes for 100,000 residents on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/guro python bench/seed_demo_speed.py
    python bench/seed_demo_speed.py --residents 100000 --vacancies 30000 --placements 200000

It migrates a scratch database (<name>_seed_bench, dropped afterwards), runs seed_demo there and prints
the wall time, the CPU time of Python and of the PostgreSQL backend (when PostgreSQL runs on this
machine) and the peak memory, so a figure taken on a busy machine can still be read.
"""

import argparse
import os
import resource
import sys
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def backend_cpu_seconds(pid):
    """CPU seconds used by the PostgreSQL backend serving us, or None if it is not on this machine."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--vacancies", type=int)
    parser.add_argument("--placements", type=int)
    parser.add_argument("--seed", type=int, default=2010)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: this benchmark measures PostgreSQL.")
    options = {k: v for k, v in vars(args).items() if v is not None}
    settings = connection.settings_dict
    settings["TEST"]["NAME"] = f"{settings['NAME']}_seed_bench"  # apart from the test run's database
    original_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        load = os.getloadavg()
        pg_before, cpu_before, began = backend_cpu_seconds(pid), time.process_time(), time.perf_counter()
        out = StringIO()
        call_command("seed_demo", stdout=out, **options)
        wall = time.perf_counter() - began
        cpu = time.process_time() - cpu_before
        pg_after = backend_cpu_seconds(pid)
        pg = f"{pg_after - pg_before:.1f} s" if pg_before is not None and pg_after is not None else "n/a"
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        arguments = " ".join(f"--{k.replace('_', '-')} {v}" for k, v in options.items())
        print(out.getvalue().rstrip())
        print(
            f"seed_demo {arguments}: {wall:.1f} s wall; CPU: Python {cpu:.1f} s, PostgreSQL {pg}; "
            f"peak memory {peak:.0f} MB; load average before {load[0]:.1f} on {os.cpu_count()} CPUs"
        )
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
