"""Configuration: production refuses to run unsafe, and ships clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parent.parent
STRONG_KEY = "k" * 20 + "-production-secret-for-the-deploy-check-only-0123456789"


def run_manage(*args: str, **env_overrides: str) -> subprocess.CompletedProcess:
    """Run manage.py in a clean environment: no .env file, only what the test sets."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "SITE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests, never in production
        }
    }
    env.update({"ENV_FILE": "/nonexistent/.env", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_its_https_address():
    result = run_manage("check", DEBUG="false", SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "SITE_URL must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", DEBUG="false", SECRET_KEY="changeme")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="bakohumas.kpu-sumut.example",
        SITE_URL="https://bakohumas.kpu-sumut.example",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_models_and_migrations_agree():
    # Raises SystemExit(1) when a model change has no migration.
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


PRODUCTION_PAGE = """
from django.test import Client
client = Client(HTTP_HOST="bakohumas.kpu-sumut.example")
page = client.get("/akun/masuk/", secure=True)
for name, value in page.headers.items():
    print(f"{name}: {value}")
switch = client.post("/bahasa/", {"language": "en", "next": "/"}, secure=True)
print("Set-Cookie:", switch.cookies["django_language"].OutputString())
"""


def test_production_headers_and_cookies():
    result = run_manage(
        "shell",
        "-c",
        PRODUCTION_PAGE,
        DEBUG="false",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="bakohumas.kpu-sumut.example",
        SITE_URL="https://bakohumas.kpu-sumut.example",
        STATIC_MANIFEST="false",
    )
    assert result.returncode == 0, result.stderr
    headers = result.stdout
    assert "Strict-Transport-Security: max-age=31536000; includeSubDomains" in headers
    assert "Content-Security-Policy: " in headers
    assert "script-src 'self'" in headers
    assert "Permissions-Policy: " in headers
    assert "X-Frame-Options: DENY" in headers
    assert "Referrer-Policy: same-origin" in headers
    assert "X-Content-Type-Options: nosniff" in headers
    language_cookie = headers.split("Set-Cookie: ")[-1]
    assert "Secure" in language_cookie
    assert "HttpOnly" in language_cookie


def test_production_asks_reviewers_and_admins_for_the_second_step():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED_FOR)",
        DEBUG="false",
        SECRET_KEY=STRONG_KEY,
        SITE_URL="https://bakohumas.kpu-sumut.example",
    )
    assert result.returncode == 0, result.stderr
    assert "['admin', 'reviewer']" in result.stdout
