"""The API's documentation works from the portal's own files: no CDN."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_api_documentation_loads_only_from_the_portal(page, live_server, screenshot):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + "/api/v1/docs/")
    expect(page.get_by_text("API Portal Bakohumas").first).to_be_visible(timeout=15000)
    expect(page.get_by_text("/api/v1/reports/{id}/submit/").first).to_be_attached()
    screenshot("api-docs")
    outside = [url for url in requested if not url.startswith((live_server.url, "blob:"))]
    assert outside == [], outside
