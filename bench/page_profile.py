"""In-process timing of pages (Django test client, no HTTP server): the median of each page over
several requests, its queries and SQL time, beside /ops/ping, and optionally a cProfile of one page.
Not a test: it explains where a page's time goes before and after a change (docs/PERFORMANCE.md).

    DATABASE_URL=postgres://… python bench/page_profile.py /vacancies/ /dashboard/ --staff --repeat 20
    DATABASE_URL=postgres://… python bench/page_profile.py /admin/residents/resident/ --staff --profile

--staff signs in as a bench superuser (created if missing, with a confirmed TOTP device whose
verification is put in the session, as after typing the code); --resident as a bench resident with
saved vacancies (created if missing, bench/session_cookie.py: it writes to the database).
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

FLOOR = "/ops/ping"


def signed_in_client(who):
    """A test client signed in as the bench staff user or resident (bench/session_cookie.py)."""
    from session_cookie import resident_user, signed_in_client, staff_user

    user, extra = staff_user() if who == "staff" else resident_user()
    return signed_in_client(user, extra)


def time_page(client, path, repeat):
    response = client.get(path)  # warm caches, as a running worker has them
    if response.status_code != 200:
        raise SystemExit(f"{path} answers {response.status_code}")
    timings, cpu, sql = [], [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            cpu.append(time.process_time() - start_cpu)
            timings.append(time.perf_counter() - start)
        sql.append(sum(float(q["time"]) for q in captured.captured_queries))
    return {
        "median_ms": statistics.median(timings) * 1000,
        "best_ms": min(timings) * 1000,
        "cpu_ms": statistics.median(cpu) * 1000,
        "queries": len(captured.captured_queries),
        "sql_ms": statistics.median(sql) * 1000,
        "bytes": len(response.content),
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--staff", action="store_true", help="sign in as a verified bench superuser")
    parser.add_argument("--resident", action="store_true", help="sign in as the bench resident")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="cProfile the last page, print the top 40")
    args = parser.parse_args()
    who = "staff" if args.staff else "resident" if args.resident else None
    client = signed_in_client(who) if who else Client()
    # CPU ms: this process's CPU time (Python, not the database's), steadier than the wall clock
    # on a shared machine.
    print(
        "| page | median ms | best ms | × floor (median) | CPU ms | × floor (CPU) | queries | SQL ms | bytes |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    floor = None
    for path in [FLOOR, *args.paths]:
        row = time_page(client, path, args.repeat)
        floor = floor or row
        print(
            f"| `{path}` | {row['median_ms']:.1f} | {row['best_ms']:.1f} | "
            f"{row['median_ms'] / floor['median_ms']:.1f} | {row['cpu_ms']:.1f} | "
            f"{row['cpu_ms'] / max(floor['cpu_ms'], 0.01):.1f} | "
            f"{row['queries']} | {row['sql_ms']:.1f} | {row['bytes']:,} |",
            flush=True,
        )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeat):
            client.get(args.paths[-1])
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(30)
        print(out.getvalue())


if __name__ == "__main__":
    main()
