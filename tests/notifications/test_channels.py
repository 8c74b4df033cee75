"""Each person chooses mail, text or both; notify() applies the choice to every kind of notice,
and the kinds a person turned off stay off on either channel."""

import pytest

from notifications import sms
from notifications.kinds import Channel, MailKind
from notifications.services import notify
from placements.models import JobApplication
from placements.services import move_job_application
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident_user(db):
    return factories.ResidentFactory(with_user=True, phone="010-3333-4444").user


def send(user, kind=MailKind.APPLICATION_INTERVIEW, capture=None):
    with capture(execute=True):
        return notify(user=user, kind=kind, subject="면접 대상자가 되었습니다: 물류 사원", body="본문")


def test_mail_only_is_the_default(resident_user, mailoutbox, texts, django_capture_on_commit_callbacks):
    assert send(resident_user, capture=django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    assert texts == []


def test_text_only_sends_a_short_text_and_no_mail(
    resident_user, mailoutbox, texts, django_capture_on_commit_callbacks
):
    resident_user.notice_channel = Channel.TEXT
    send(resident_user, capture=django_capture_on_commit_callbacks)
    assert mailoutbox == []
    (text,) = texts
    assert text.to == "010-3333-4444"
    assert text.body == "[구로 일자리] 면접 대상자가 되었습니다: 물류 사원"
    assert text.message_type == sms.SMS


def test_both_sends_a_mail_and_a_text(resident_user, mailoutbox, texts, django_capture_on_commit_callbacks):
    resident_user.notice_channel = Channel.BOTH
    send(resident_user, capture=django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    assert len(texts) == 1


def test_a_kind_turned_off_is_sent_on_neither_channel(
    resident_user, mailoutbox, texts, django_capture_on_commit_callbacks
):
    resident_user.notice_channel = Channel.BOTH
    resident_user.mail_opt_outs = [MailKind.APPLICATION_INTERVIEW.value]
    assert not send(resident_user, capture=django_capture_on_commit_callbacks)
    assert mailoutbox == [] and texts == []


def test_text_only_without_a_number_falls_back_to_mail(mailoutbox, texts, django_capture_on_commit_callbacks):
    employer_user = factories.employer_user()
    employer_user.notice_channel = Channel.TEXT  # set in the admin, no number on the account
    send(employer_user, kind=MailKind.NEW_APPLICANT, capture=django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    assert texts == []


@pytest.mark.parametrize("kind", MailKind.values)
def test_every_kind_of_notice_follows_the_choice(
    kind, resident_user, texts, django_capture_on_commit_callbacks
):
    """Kinds added later (interviews, messages) go through notify() and get texts with no change."""
    resident_user.notice_channel = Channel.TEXT
    send(resident_user, kind=kind, capture=django_capture_on_commit_callbacks)
    assert len(texts) == 1


def test_a_long_subject_goes_as_an_lms_with_the_body(
    resident_user, texts, django_capture_on_commit_callbacks
):
    resident_user.notice_channel = Channel.TEXT
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            user=resident_user,
            kind=MailKind.APPLICATION_INTERVIEW,
            subject="면접 대상자가 되었습니다: 구로디지털단지 물류센터 야간 상하차 및 재고 관리 사원",
            body="면접 일정은 기업이 따로 알려 드립니다.",
        )
    (text,) = texts
    assert text.message_type == sms.LMS
    assert "면접 일정은 기업이 따로 알려 드립니다." in text.body
    assert text.title.startswith("면접 대상자가 되었습니다")


def test_a_status_change_is_texted_to_a_resident_who_chose_text(
    texts, mailoutbox, django_capture_on_commit_callbacks
):
    application = factories.JobApplicationFactory(
        resident=factories.ResidentFactory(with_user=True, phone="010-7777-8888"),
        vacancy=factories.VacancyFactory(title="물류 관리 사원"),
    )
    user = application.resident.user
    user.notice_channel = Channel.TEXT
    user.save(update_fields=["notice_channel"])
    with django_capture_on_commit_callbacks(execute=True):
        move_job_application(application=application, status=JobApplication.Status.INTERVIEW, by=None)
    (text,) = texts
    assert text.to == "010-7777-8888"
    assert text.body == "[구로 일자리] 면접 대상자가 되었습니다: 물류 관리 사원"
    assert sms.euc_kr_length(text.body) <= 90
    assert user.email not in {address for message in mailoutbox for address in message.to}


def test_a_resident_chooses_text_on_the_preferences_page(client, resident_user):
    client.force_login(resident_user)
    page = client.get("/me/mail/").content.decode()
    assert "알림 받는 방법" in page
    assert "문자 받을 휴대전화 번호" not in page  # a resident's number is the one on their record
    client.post("/me/mail/", {"wanted": MailKind.values, "channel": Channel.TEXT})
    resident_user.refresh_from_db()
    assert resident_user.notice_channel == Channel.TEXT


def test_an_employer_user_gives_a_number_to_get_texts(client):
    employer_user = factories.employer_user()
    client.force_login(employer_user)
    refused = client.post("/me/mail/", {"wanted": MailKind.values, "channel": Channel.BOTH})
    assert "문자로 받으려면 휴대전화 번호를 적어 주세요." in refused.content.decode()
    employer_user.refresh_from_db()
    assert employer_user.notice_channel == Channel.EMAIL
    bad = client.post("/me/mail/", {"wanted": MailKind.values, "channel": Channel.BOTH, "phone": "12345"})
    assert "전화번호 형식이 올바르지 않습니다" in bad.content.decode()
    client.post("/me/mail/", {"wanted": MailKind.values, "channel": Channel.BOTH, "phone": "01055556666"})
    employer_user.refresh_from_db()
    assert (employer_user.notice_channel, employer_user.phone) == (Channel.BOTH, "010-5555-6666")
