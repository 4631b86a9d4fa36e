import os
from pathlib import Path

import pytest

from ..conftest import require_service

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there (creating users) are still ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require_service(CHROMIUM.exists(), f"Debian chromium is not installed at {CHROMIUM}")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "id-ID", "timezone_id": "Asia/Jakarta"}


@pytest.fixture
def screenshot(page):
    """Save the page as test-artifacts/screenshots/<name>.png, to be looked at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 360, "height": 740})
    return page


@pytest.fixture(autouse=True)
def _no_content_security_policy_violations(page):
    """Every browser journey runs under the portal's strict CSP: a blocked inline style or
    script (which would silently break a page) fails the test."""
    violations = []

    def check(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(message.text)

    page.on("console", check)
    yield
    assert violations == []


# The portal as production serves it --------------------------------------------------------


@pytest.fixture(scope="session")
def production_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn with production settings (DEBUG off, hashed and compressed static files from
    WhiteNoise, compressed pages), on the test database: what a phone really downloads."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from ..conftest import BASE_DIR, database_url_of_this_test

    with django_db_blocker.unblock():
        database_url = database_url_of_this_test()
    static_root = tmp_path_factory.mktemp("staticfiles")
    env = {
        **os.environ,
        "ENV_FILE": "/nonexistent/.env",
        "DEBUG": "false",
        "SECRET_KEY": "production-like-test-server-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "https://bakohumas.example",
        "DATABASE_URL": database_url,
        "CONN_MAX_AGE": "0",
        "STATIC_ROOT": str(static_root),
        "STATIC_MANIFEST": "true",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "TWO_FACTOR_REQUIRED_FOR": "",
        "WHATSAPP_BACKEND": "none",
        "EMAIL_URL": "dummymail://",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        timeout=300,
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path_factory.mktemp("gunicorn") / "gunicorn.log").open("w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bakohumas.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/akun/masuk/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    else:
        log.seek(0)
        pytest.fail("gunicorn did not start:\n" + log.read())
    yield url
    process.terminate()
    process.wait(timeout=30)
    log.close()
