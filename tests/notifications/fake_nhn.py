"""A local stand-in for NHN Cloud SMS API v3.0 on a loopback port: it records each request and
answers with what the test queued (the published answer shape by default)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def success(recipient="01000000000"):
    return {
        "header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"},
        "body": {
            "data": {
                "requestId": "20261201100630ReZQ6KZzAH0",
                "statusCode": "2",
                "senderGroupingKey": None,
                "sendResultList": [
                    {"recipientNo": recipient, "resultCode": 0, "resultMessage": "SUCCESS", "recipientSeq": 1}
                ],
            }
        },
    }


def failure(code=-1001, message="Invalid appKey"):
    return {"header": {"isSuccessful": False, "resultCode": code, "resultMessage": message}}


class FakeNhnSms:
    """answers: a list of (status, json body, delay seconds) used in order; then success."""

    def __init__(self):
        self.requests = []
        self.answers = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length).decode() or "{}")
                fake.requests.append({"path": self.path, "headers": dict(self.headers), "json": body})
                status, answer, delay = fake.answers.pop(0) if fake.answers else (200, None, 0)
                if delay:
                    time.sleep(delay)
                if answer is None:
                    recipients = body.get("recipientList") or [{}]
                    answer = success(recipients[0].get("recipientNo", ""))
                payload = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json;charset=UTF-8")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while len(self.requests) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return len(self.requests) >= count
