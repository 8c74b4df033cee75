"""Load test on loopback: gunicorn with 2 workers, each page hit by wrk for a fixed time, reported
against a trivial view (/ops/ping) on the same server in the same run. Not a test: figures go to
docs/PERFORMANCE.md.

    python bench/load_test.py                                   # /ops/ping, /healthz, /admin/login/
    python bench/load_test.py /vacancies/ "/vacancies/?q=개발" /dashboard/ --login staff@guro.go.kr:guro-demo-2026!
    python bench/load_test.py --url http://127.0.0.1:8000 /healthz   # an already running server

Uses the environment's DATABASE_URL (seed it first: `manage.py seed_demo --residents 100000 ...`).
Needs wrk (`apt-get install wrk`).
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
FLOOR = "/ops/ping"
DEFAULT_PATHS = ["/healthz", "/admin/login/"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(workers, log_path):
    port = free_port()
    env = {**os.environ, "WEB_CONCURRENCY": str(workers), "GUNICORN_ACCESS_LOG": ""}
    log = open(log_path, "ab")  # noqa: SIM115 (lives as long as the server)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "guro_jobs/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(base + FLOOR, timeout=2).ok:
                return process, base
        except requests.RequestException:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"gunicorn did not start; see {log_path}")


def login_cookie(base, credentials):
    """Log in through the admin login form; return the Cookie header for wrk."""
    username, password = credentials.split(":", 1)
    session = requests.Session()
    session.get(base + "/admin/login/", timeout=10)
    response = session.post(
        base + "/admin/login/",
        data={
            "username": username,
            "password": password,
            "next": "/admin/",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=30,
        allow_redirects=False,
    )
    if response.status_code != 302:
        raise SystemExit(f"login as {username} failed ({response.status_code})")
    return "; ".join(f"{c.name}={c.value}" for c in session.cookies)


def run_wrk(url, *, duration, connections, threads, cookie):
    command = [
        "wrk",
        "-t",
        str(threads),
        "-c",
        str(connections),
        "-d",
        f"{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(BASE_DIR / "bench" / "wrk_report.lua"),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, timeout=duration + 60).stdout
    match = re.search(r"^WRK_JSON (.*)$", output, re.MULTILINE)
    if not match:
        raise SystemExit(f"wrk gave no report for {url}:\n{output}")
    figures = json.loads(match.group(1))
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["errors"] = sum(figures[k] for k in figures if k.startswith("errors_"))
    return figures


def ratio(value, floor):
    """value ÷ floor to one decimal, or "n/a" when wrk reported 0 for the floor (seen on a busy
    machine: a window whose latency histogram came back empty)."""
    return f"{value / floor:.1f}" if floor else "n/a"


def check_page(base, path, cookie):
    headers = {"Cookie": cookie} if cookie else {}
    response = requests.get(base + path, headers=headers, timeout=60, allow_redirects=False)
    if response.status_code >= 400:
        raise SystemExit(f"{path} answers {response.status_code}: fix the page or the login first")
    if response.status_code != 200:
        print(f"note: {path} answers {response.status_code}; that response is what gets measured")
    return response.status_code, len(response.content)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS, help="pages to load (the floor is added)")
    parser.add_argument("--url", help="an already running server; default: start gunicorn here")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--duration", type=int, default=20, help="seconds per page (default 20)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=3, help="seconds of unrecorded load per page")
    parser.add_argument(
        "--interleave",
        action="store_true",
        help="measure the floor again before each page and compare each page with its own floor "
        "(a shared machine's load moves between pages)",
    )
    parser.add_argument("--login", help="username:password for pages that need a staff login")
    parser.add_argument(
        "--cookie",
        help="a Cookie header of a session that has passed two-factor login (staff pages; overrides --login)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")

    results_dir = BASE_DIR / "bench" / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    process = None
    if args.url:
        base = args.url.rstrip("/")
        if urlsplit(base).hostname not in {"127.0.0.1", "localhost", "::1"}:
            raise SystemExit("loopback only")
    else:
        process, base = start_gunicorn(args.workers, results_dir / f"gunicorn-{stamp}.log")
    try:
        cookie = args.cookie or (login_cookie(base, args.login) if args.login else "")
        rows = []
        pages = [p for p in args.paths if p != FLOOR]
        order = [item for path in pages for item in (FLOOR, path)] if args.interleave else [FLOOR, *pages]
        floor_row = None
        for path in order:
            quoted = quote(path, safe="/?=&%")
            status, size = check_page(base, quoted, cookie)
            if args.warmup:
                run_wrk(
                    base + quoted,
                    duration=args.warmup,
                    connections=args.connections,
                    threads=args.threads,
                    cookie=cookie,
                )
            figures = run_wrk(
                base + quoted,
                duration=args.duration,
                connections=args.connections,
                threads=args.threads,
                cookie=cookie,
            )
            row = {"path": path, "status": status, "bytes": size, **figures}
            if path == FLOOR:
                floor_row = row
                if rows and args.interleave:
                    row["path"] = f"{FLOOR} (floor)"
            row["floor_p50_ms"], row["floor_p95_ms"] = floor_row["p50_ms"], floor_row["p95_ms"]
            row["floor_rps"] = floor_row["rps"]
            rows.append(row)
            print(
                f"{path}: {figures['rps']:.1f} req/s, p50 {figures['p50_ms']:.1f} ms, "
                f"p95 {figures['p95_ms']:.1f} ms, errors {figures['errors']}",
                flush=True,
            )
    finally:
        if process is not None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)

    print()
    print(
        f"gunicorn workers {args.workers}, wrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
        f"{stamp}{', floor measured before each page' if args.interleave else ''}"
    )
    print(
        "| page | status | req/s | p50 ms | p95 ms | p50 × floor | p95 × floor | floor req/s ÷ req/s | requests | errors |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        if args.interleave and row["path"] != FLOOR and row["path"].startswith(FLOOR):
            continue  # each page's own floor is in its row's ratio
        print(
            f"| `{row['path']}` | {row['status']} | {row['rps']:,.1f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
            f"{ratio(row['p50_ms'], row['floor_p50_ms'])} | {ratio(row['p95_ms'], row['floor_p95_ms'])} | "
            f"{ratio(row['floor_rps'], row['rps'])} | {row['requests']:,} | {row['errors']} |"
        )
    if args.interleave:
        floors = [row["p50_ms"] for row in rows if row["path"].startswith(FLOOR)]
        print(f"\nfloor p50 before each page: {', '.join(f'{value:.1f}' for value in floors)} ms")
    out = results_dir / f"load-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "workers": args.workers,
                "duration": args.duration,
                "connections": args.connections,
                "rows": rows,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    print(f"\nsaved {out.relative_to(BASE_DIR)}")
    return 1 if any(row["errors"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
