"""A client for the national employment service's open vacancy API (고용24 / 워크넷 채용정보 Open API).

The service answers XML. A list call (callTp=L) pages through the vacancies of a region:

    GET {endpoint}?authKey=…&callTp=L&returnType=xml&startPage=1&display=100&region=11530

    <wantedRoot><total>235</total><startPage>1</startPage><display>100</display>
      <wanted><wantedAuthNo>K151…</wantedAuthNo><company>…</company><busino>…</busino>
        <title>…</title><salTpNm>월급</salTpNm><sal>…</sal><minSal>…</minSal><maxSal>…</maxSal>
        <region>서울 구로구</region><holidayTpNm>주5일근무</holidayTpNm><minEdubg>고졸</minEdubg>
        <career>신입</career><regDt>24-05-01</regDt><closeDt>24-05-31</closeDt>
        <wantedInfoUrl>…</wantedInfoUrl><basicAddr>…</basicAddr><detailAddr>…</detailAddr>
        <empTpCd>10</empTpCd><jobsCd>133100</jobsCd><indTpNm>…</indTpNm></wanted>…
    </wantedRoot>

A detail call (callTp=D&wantedAuthNo=…&infoSvc=VALIDATION) answers one posting
(<wantedDtl><wantedInfo><jobCont>…</jobCont>…). A refused call answers
<…><messageCd>002</messageCd><message>…</message>… instead.

Nothing here touches the database: the sync service (national/services.py) does.
"""

import re
from dataclasses import dataclass, field

import requests
from defusedxml import ElementTree
from django.conf import settings
from django.utils.translation import gettext as _


class NationalApiError(Exception):
    """The national service could not give an answer; the message is Korean, for staff."""

    retryable = False


class NationalApiUnavailable(NationalApiError):
    """Slow, down, or answering something that is not its XML: worth trying again later."""

    retryable = True


class NationalApiRefused(NationalApiError):
    """The service answered with an error code (a wrong key, a bad parameter): retrying won't help."""

    def __init__(self, code, message):
        self.code = code
        super().__init__(
            _("고용24가 요청을 거절했습니다 (코드 %(code)s): %(message)s")
            % {"code": code, "message": message}
        )


@dataclass
class ListPage:
    total: int
    start_page: int
    display: int
    postings: list = field(default_factory=list)  # one dict per <wanted>, tag → text
    region: str = ""


def _text(element, tag):
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _root(content):
    try:
        root = ElementTree.fromstring(content)
    except Exception as error:  # ParseError, and defusedxml's refusals of entities and DTDs
        raise NationalApiUnavailable(
            _("고용24의 응답을 읽을 수 없습니다 (올바른 XML이 아닙니다).")
        ) from error
    code = _text(root, "messageCd") or _text(root, "errorCd")
    if code:
        raise NationalApiRefused(code, _text(root, "message") or _text(root, "errorMsg"))
    return root


def parse_list(content):
    """A list answer (bytes or str) as a ListPage; raises NationalApiError for anything else."""
    root = _root(content)
    if root.tag != "wantedRoot":
        raise NationalApiUnavailable(_("고용24의 응답이 채용정보 목록 형식이 아닙니다."))
    try:
        total = int(_text(root, "total") or 0)
        start_page = int(_text(root, "startPage") or 1)
        display = int(_text(root, "display") or 0)
    except ValueError as error:
        raise NationalApiUnavailable(_("고용24의 응답에 숫자가 아닌 건수가 있습니다.")) from error
    postings = [
        {child.tag: (child.text or "").strip() for child in wanted} for wanted in root.findall("wanted")
    ]
    for posting in postings:
        if not posting.get("wantedAuthNo"):
            raise NationalApiUnavailable(_("고용24의 응답에 구인인증번호가 없는 공고가 있습니다."))
    return ListPage(total=total, start_page=start_page, display=display, postings=postings)


def parse_detail(content):
    """A detail answer as a dict of the fields in <wantedInfo> (or the root's children)."""
    root = _root(content)
    info = root.find("wantedInfo")
    source = info if info is not None else root
    return {child.tag: (child.text or "").strip() for child in source if len(child) == 0}


class NationalVacancyClient:
    def __init__(self, *, endpoint, auth_key, timeout=10, session=None):
        self.endpoint = endpoint
        self.auth_key = auth_key
        self.timeout = timeout
        self.session = session or requests.Session()

    @classmethod
    def from_settings(cls):
        """The client the settings describe, or None when the feed is not configured (the default)."""
        if not (settings.NATIONAL_VACANCY_API_URL and settings.NATIONAL_VACANCY_API_KEY):
            return None
        return cls(
            endpoint=settings.NATIONAL_VACANCY_API_URL,
            auth_key=settings.NATIONAL_VACANCY_API_KEY,
            timeout=settings.NATIONAL_VACANCY_API_TIMEOUT,
        )

    def _get(self, params):
        query = {"authKey": self.auth_key, "returnType": "xml", **params}
        try:
            response = self.session.get(self.endpoint, params=query, timeout=self.timeout)
        except requests.Timeout as error:
            raise NationalApiUnavailable(
                _("고용24가 %(seconds)s초 안에 응답하지 않았습니다.") % {"seconds": self.timeout}
            ) from error
        except requests.RequestException as error:
            raise NationalApiUnavailable(_("고용24에 연결할 수 없습니다.")) from error
        if response.status_code != 200:
            raise NationalApiUnavailable(
                _("고용24가 HTTP %(status)s로 응답했습니다.") % {"status": response.status_code}
            )
        return response.content

    def list_page(self, *, region, start_page=1, display=100):
        """One page of the vacancies in a region (행정구역 코드, e.g. 11530 for 구로구)."""
        page = parse_list(
            self._get({"callTp": "L", "startPage": start_page, "display": display, "region": region})
        )
        page.region = region
        return page

    def detail(self, posting_number):
        """One posting's details, by its national posting number (구인인증번호)."""
        if not re.fullmatch(r"[A-Za-z0-9]+", posting_number or ""):
            raise NationalApiRefused("local", _("구인인증번호 형식이 아닙니다."))
        return parse_detail(
            self._get({"callTp": "D", "wantedAuthNo": posting_number, "infoSvc": "VALIDATION"})
        )

    def region_pages(self, *, region, display=100, max_pages=100):
        """Every page of a region, in order; stops at the total the service announced."""
        start_page = 1
        while start_page <= max_pages:
            page = self.list_page(region=region, start_page=start_page, display=display)
            yield page
            if not page.postings or start_page * display >= page.total:
                return
            start_page += 1
