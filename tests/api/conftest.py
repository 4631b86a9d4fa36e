import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.tokens import issue_token


@pytest.fixture(autouse=True)
def _generous_rates(settings):
    """Throttling has its own test; elsewhere it must not cut a test short."""
    settings.API_THROTTLE_RATES = {
        "token": "100000/minute",
        "user": "100000/minute",
        "anon": "100000/minute",
    }


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_token(user, *, read_only=False, days=30, name="Sistem uji"):
    _token, secret = issue_token(
        user=user,
        name=name,
        read_only=read_only,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    return secret


def client_for(user=None, **token_options) -> APIClient:
    """An API client holding `user`'s token (anonymous without a user)."""
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(user, **token_options)}")
    return client


@pytest.fixture
def api():
    return client_for
