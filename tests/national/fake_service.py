"""A stand-in for the national vacancy API on a loopback port the OS picks, speaking its XML.

Samples follow the published list/detail format (wantedRoot / wanted / wantedDtl and the
messageCd error answer); nothing here leaves the machine."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse
from xml.sax.saxutils import escape

DEFAULT_POSTING = {
    "company": "구로정밀(주)",
    "busino": "",
    "indTpNm": "전자부품 제조업",
    "title": "전자부품 조립 생산직",
    "salTpNm": "월급",
    "sal": "250만원 ~ 280만원",
    "minSal": "2500000",
    "maxSal": "2800000",
    "region": "서울 구로구",
    "holidayTpNm": "주5일근무",
    "minEdubg": "고졸",
    "maxEdubg": "대졸(4년)",
    "career": "신입",
    "regDt": "26-11-25",
    "closeDt": "26-12-31",
    "infoSvc": "VALIDATION",
    "basicAddr": "서울특별시 구로구 디지털로 300",
    "detailAddr": "3층",
    "empTpCd": "10",
    "jobsCd": "836100",
}


def posting(number, **fields):
    values = {**DEFAULT_POSTING, **fields, "wantedAuthNo": number}
    values.setdefault(
        "wantedInfoUrl",
        f"https://www.work.go.kr/empInfo/empInfoSrch/detail/empDetailAuthView.do?wantedAuthNo={number}",
    )
    return "<wanted>" + "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in values.items()) + "</wanted>"


def list_answer(postings, *, total=None, start_page=1, display=10):
    total = len(postings) if total is None else total
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><wantedRoot><total>{total}</total>'
        f"<startPage>{start_page}</startPage><display>{display}</display>{''.join(postings)}</wantedRoot>"
    ).encode()


def detail_answer(number, job_content):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><wantedDtl><wantedAuthNo>{number}</wantedAuthNo>'
        f"<wantedInfo><jobCont>{escape(job_content)}</jobCont><workdayWorkhrCont>주 5일, 09:00~18:00"
        "</workdayWorkhrCont></wantedInfo></wantedDtl>"
    ).encode()


def error_answer(code="002", message="유효하지 않은 인증키입니다."):
    return f'<?xml version="1.0" encoding="UTF-8"?><wantedRoot><messageCd>{code}</messageCd><message>{message}</message></wantedRoot>'.encode()


class FakeNationalService:
    """`answer(query) -> (status, body)` decides each response; `delay` slows every answer."""

    def __init__(self):
        self.requests = []
        self.delay = 0.0
        self.answer = lambda query: (200, list_answer([]))
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                query = {key: values[0] for key, values in parse_qs(urlparse(self.path).query).items()}
                service.requests.append(query)
                if service.delay:
                    time.sleep(service.delay)
                status, body = service.answer(query)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/xml; charset=UTF-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the timeout case)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/opi/opi/opia/wantedApi.do"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def pages(self, by_region):
        """Answer list calls from {region: [posting xml, …]}, paged by startPage/display."""

        def answer(query):
            items = by_region.get(query.get("region"), [])
            display, start = int(query.get("display", 10)), int(query.get("startPage", 1))
            chunk = items[(start - 1) * display : start * display]
            return 200, list_answer(chunk, total=len(items), start_page=start, display=display)

        self.answer = answer
