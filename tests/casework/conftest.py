import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_cache():
    """The dashboard's casework figures are cached per year; each test counts afresh."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
