"""Text messages (SMS/LMS), sent through a backend chosen by the SMS_BACKEND setting, the way
Django chooses a mail backend:

- `notifications.sms.ConsoleSmsBackend` (default) writes each message to the log;
- `notifications.sms.LocmemSmsBackend` keeps them in `notifications.sms.outbox` (tests);
- `notifications.sms.NhnCloudSmsBackend` sends through NHN Cloud Notification SMS API v3.0
  (app key, secret key and the registered sender number from the environment).

A Korean text of at most 90 bytes in EUC-KR goes as an SMS; anything longer as an LMS with a title.
Who has which number is answered by `phone_number_of(user)`: the account's own `phone` once
confirmed (notifications/phone_confirmation.py), else the lookups higher apps register (residents
register the resident's mobile number)."""

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

SMS_MAX_BYTES = 90
LMS_MAX_BYTES = 2000
LMS_TITLE_MAX_BYTES = 40

SMS = "SMS"
LMS = "LMS"

# What the locmem backend sent, like django.core.mail.outbox.
outbox = []

_phone_lookups = []


def register_phone_lookup(lookup):
    """A higher app tells where a user's mobile number is: lookup(user) → number or ""."""
    if lookup not in _phone_lookups:
        _phone_lookups.append(lookup)


def phone_number_of(user):
    """The mobile number texts to this user go to, or ""."""
    if user is None:
        return ""
    own = getattr(user, "phone", "") or ""
    if own and getattr(user, "phone_confirmed_at", None):  # texted only once its owner confirmed it
        return own
    for lookup in _phone_lookups:
        found = lookup(user)
        if found:
            return found
    return ""


def euc_kr_length(text):
    """Bytes the carriers count: Korean characters are two bytes in EUC-KR, ASCII one."""
    return len(text.encode("euc-kr", errors="replace"))


def truncate_euc_kr(text, limit):
    while euc_kr_length(text) > limit:
        text = text[:-1]
    return text


def digits_of(phone):
    return "".join(ch for ch in phone if ch.isdigit())


@dataclass(frozen=True)
class TextMessage:
    to: str
    body: str
    title: str = ""

    @property
    def message_type(self):
        return SMS if euc_kr_length(self.body) <= SMS_MAX_BYTES else LMS


class SmsRefused(Exception):
    """The provider answered and refused the message (bad number, unregistered sender, no
    credit): sending it again would not help, so it is not retried."""


class SmsProviderUnavailable(OSError):
    """The provider could not be reached or failed on its side (timeout, 5xx): retried later.
    An OSError, so Celery's autoretry for network errors covers it."""


class BaseSmsBackend:
    def send_messages(self, messages):
        """Send the messages; return how many were accepted."""
        raise NotImplementedError


class ConsoleSmsBackend(BaseSmsBackend):
    def send_messages(self, messages):
        for message in messages:
            logger.info("SMS(%s) to %s: %s", message.message_type, message.to, message.body)
        return len(messages)


class LocmemSmsBackend(BaseSmsBackend):
    def send_messages(self, messages):
        outbox.extend(messages)
        return len(messages)


class NhnCloudSmsBackend(BaseSmsBackend):
    """NHN Cloud Notification SMS, API v3.0: POST {base}/sms/v3.0/appKeys/{appKey}/sender/sms
    (body ≤ 90 bytes) or /sender/mms (LMS: title and body, no attachment), header X-Secret-Key,
    JSON {"body", "sendNo", "recipientList": [{"recipientNo"}]} (+ "title" for LMS). The answer
    is {"header": {"isSuccessful", "resultCode", "resultMessage"}, "body": {"data":
    {"requestId", "sendResultList": [{"recipientNo", "resultCode", "resultMessage"}]}}}."""

    def __init__(self):
        self.base_url = settings.SMS_NHN_BASE_URL.rstrip("/")
        self.app_key = settings.SMS_NHN_APP_KEY
        self.secret_key = settings.SMS_NHN_SECRET_KEY
        self.sender_number = digits_of(settings.SMS_SENDER_NUMBER)
        self.timeout = settings.SMS_TIMEOUT_SECONDS

    def send_messages(self, messages):
        return sum(1 for message in messages if self.send(message))

    def payload(self, message):
        body = {
            "body": message.body,
            "sendNo": self.sender_number,
            "recipientList": [{"recipientNo": digits_of(message.to)}],
        }
        if message.message_type == LMS:
            body["title"] = truncate_euc_kr(message.title or "구로 일자리 알림", LMS_TITLE_MAX_BYTES)
            body["body"] = truncate_euc_kr(message.body, LMS_MAX_BYTES)
        return body

    def url(self, message):
        endpoint = "sms" if message.message_type == SMS else "mms"
        return f"{self.base_url}/sms/v3.0/appKeys/{self.app_key}/sender/{endpoint}"

    def send(self, message):
        request = urllib.request.Request(
            self.url(message),
            data=json.dumps(self.payload(message)).encode(),
            method="POST",
            headers={"Content-Type": "application/json;charset=UTF-8", "X-Secret-Key": self.secret_key},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read().decode() or "{}")
        except urllib.error.HTTPError as error:
            if error.code >= 500 or error.code == 429:
                raise SmsProviderUnavailable(f"NHN Cloud SMS answered HTTP {error.code}") from error
            raise SmsRefused(f"NHN Cloud SMS answered HTTP {error.code}") from error
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise SmsProviderUnavailable(f"NHN Cloud SMS unreachable: {error}") from error
        except ValueError as error:  # not JSON
            raise SmsProviderUnavailable("NHN Cloud SMS answered something that is not JSON") from error
        header = answer.get("header") or {}
        if not header.get("isSuccessful"):
            raise SmsRefused(
                f"NHN Cloud SMS refused: {header.get('resultCode')} {header.get('resultMessage')}"
            )
        results = ((answer.get("body") or {}).get("data") or {}).get("sendResultList") or []
        refused = [result for result in results if result.get("resultCode") not in (0, None)]
        if refused:
            first = refused[0]
            raise SmsRefused(
                f"NHN Cloud SMS refused the recipient: {first.get('resultCode')} {first.get('resultMessage')}"
            )
        return True


def get_backend(path=None):
    return import_string(path or settings.SMS_BACKEND)()


def send_text(*, to, body, title=""):
    """Send one text now (callers queue notifications.tasks.send_text_task instead)."""
    return get_backend().send_messages([TextMessage(to=to, body=body, title=title)])
