"""The national vacancy API client against a fake service on a loopback port: the documented
list and detail answers, paging, and every way the service can fail."""

import pytest

from national.client import NationalApiRefused, NationalApiUnavailable, NationalVacancyClient, parse_list
from tests.national.fake_service import detail_answer, error_answer, list_answer, posting


def test_a_list_call_sends_the_documented_parameters_and_reads_the_postings(fake_service, client_for):
    fake_service.answer = lambda query: (
        200,
        list_answer([posting("K1"), posting("K2", title="경리")], display=2),
    )
    page = client_for().list_page(region="11530", start_page=1, display=2)
    assert fake_service.requests == [
        {
            "authKey": "TEST-KEY",
            "returnType": "xml",
            "callTp": "L",
            "startPage": "1",
            "display": "2",
            "region": "11530",
        }
    ]
    assert page.total == 2 and page.region == "11530"
    assert [p["wantedAuthNo"] for p in page.postings] == ["K1", "K2"]
    assert page.postings[1]["title"] == "경리" and page.postings[0]["jobsCd"] == "836100"


def test_region_pages_follow_start_page_until_the_announced_total(fake_service, client_for):
    fake_service.pages({"11530": [posting(f"K{n}") for n in range(5)]})
    pages = list(client_for().region_pages(region="11530", display=2))
    assert [len(page.postings) for page in pages] == [2, 2, 1]
    assert [query["startPage"] for query in fake_service.requests] == ["1", "2", "3"]


def test_an_empty_answer_is_one_page_with_no_postings(fake_service, client_for):
    fake_service.answer = lambda query: (200, list_answer([], total=0))
    pages = list(client_for().region_pages(region="11530"))
    assert len(pages) == 1 and pages[0].postings == [] and pages[0].total == 0


def test_a_detail_call_asks_for_one_posting_and_reads_its_content(fake_service, client_for):
    fake_service.answer = lambda query: (200, detail_answer(query["wantedAuthNo"], "PCB 조립과 검사"))
    detail = client_for().detail("K151100001")
    assert (
        fake_service.requests[0]["callTp"] == "D" and fake_service.requests[0]["wantedAuthNo"] == "K151100001"
    )
    assert detail["jobCont"] == "PCB 조립과 검사"


@pytest.mark.parametrize(
    "body",
    ["<html><body>점검 중입니다</body></html>".encode(), b"<wantedRoot><total>3", b"not xml at all", b""],
    ids=["html page", "cut off", "garbage", "empty body"],
)
def test_a_malformed_answer_is_unavailable_with_a_korean_message(fake_service, client_for, body):
    fake_service.answer = lambda query: (200, body)
    with pytest.raises(NationalApiUnavailable) as error:
        client_for().list_page(region="11530")
    assert "고용24" in str(error.value)


def test_an_xml_bomb_is_refused_not_expanded():
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><wantedRoot><total>&b;</total></wantedRoot>'
    with pytest.raises(NationalApiUnavailable):
        parse_list(bomb)


def test_a_timeout_is_unavailable(fake_service, client_for):
    fake_service.delay = 1.0
    with pytest.raises(NationalApiUnavailable) as error:
        client_for(timeout=0.2).list_page(region="11530")
    assert "응답하지 않았습니다" in str(error.value)


def test_an_http_error_is_unavailable(fake_service, client_for):
    fake_service.answer = lambda query: (503, b"Service Unavailable")
    with pytest.raises(NationalApiUnavailable) as error:
        client_for().list_page(region="11530")
    assert "503" in str(error.value)


def test_an_error_code_is_a_refusal_that_retrying_will_not_fix(fake_service, client_for):
    fake_service.answer = lambda query: (200, error_answer("002", "유효하지 않은 인증키입니다."))
    with pytest.raises(NationalApiRefused) as error:
        client_for().list_page(region="11530")
    assert error.value.code == "002" and "유효하지 않은 인증키" in str(error.value)
    assert not error.value.retryable


def test_a_service_that_is_not_listening_is_unavailable(client_for, fake_service):
    fake_service.server.server_close()  # the port is free again: nothing answers
    client = NationalVacancyClient(endpoint=fake_service.url, auth_key="K", timeout=0.5)
    with pytest.raises(NationalApiUnavailable):
        client.list_page(region="11530")


def test_the_feed_is_off_unless_both_endpoint_and_key_are_set(settings):
    settings.NATIONAL_VACANCY_API_URL = "http://127.0.0.1:9/"
    settings.NATIONAL_VACANCY_API_KEY = ""
    assert NationalVacancyClient.from_settings() is None
