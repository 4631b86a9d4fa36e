"""Property-based tests of the live API against its own published schema (schemathesis).

Every documented operation, as an operator, as a reviewer and anonymously, with data that
fits the schema (positive) and data that breaks it (negative): no answer may be a 5xx, and
every answer must conform to the schema (status code, content type, headers, body).

The figures of each run are written to test-artifacts/schemathesis-<role>.txt.
"""

import collections
import os
from pathlib import Path

import hypothesis
import pytest
import requests
import schemathesis
from django.core.files.uploadedfile import SimpleUploadedFile
from schemathesis import GenerationMode

from reports import services
from reports.models import ReportingPeriod
from satker.models import Role

from ..factories import PDF, complete, staff
from .conftest import make_token

pytestmark = [pytest.mark.django_db(transaction=True)]

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "20"))
ARTIFACTS = Path(
    os.environ.get("SCHEMATHESIS_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts")
)
# Rules a schema cannot say (the PPID counts add up, the period has ended, the file is really
# a PDF, the ETag is the current one, the note is not blank): data that fits the schema may
# still be refused with these, each documented for its operation.
SEMANTIC_REFUSALS = ["2xx", "3xx", "400", "401", "403", "404", "409", "412", "428", "429"]
CONFIG = schemathesis.Config.from_dict(
    {"checks": {"positive_data_acceptance": {"expected-statuses": SEMANTIC_REFUSALS}}}
)


def seed(settings, tmp_path):
    """A submitted and a draft report of Kota Medan, with rows and a PDF; their ids."""
    settings.MEDIA_ROOT = tmp_path / "media"
    operator = staff("operator.medan", "12.71", Role.OPERATOR)
    reviewer = staff("reviewer.sumut", "12", Role.REVIEWER)
    september = ReportingPeriod.objects.create(year=2026, month=9, deadline="2026-10-12")
    october = ReportingPeriod.objects.create(year=2026, month=10, deadline="2026-11-10")
    satker = operator.membership.satker
    submitted = services.start_report(satker=satker, period=september, user=operator)
    complete(submitted, publications=2)
    services.submit_report(report_id=submitted.pk, user=operator)
    draft = services.start_report(satker=satker, period=october, user=operator)
    complete(draft, publications=2)
    attachment = services.add_attachment(
        report_id=draft.pk,
        user=operator,
        file=SimpleUploadedFile("bukti.pdf", PDF),
        content_type="application/pdf",
    )
    return {
        "operator": (operator, {"id": draft.pk}),
        "reviewer": (reviewer, {"id": submitted.pk}),
        "anonymous": (None, {"id": draft.pk}),
    }, {
        "code": "12.71",
        "year": 2026,
        "month": 10,
        "row_id": draft.publications.first().pk,
        "attachment": attachment.pk,
    }


def fixed_path(operation, role_ids, shared):
    names = {p.name for p in operation.path_parameters}
    fixed = {name: value for name, value in {**shared, **role_ids}.items() if name in names}
    if operation.path.startswith("/api/v1/attachments/"):
        fixed["id"] = shared["attachment"]
    return fixed


def run_examples(strategy, call) -> None:
    """`call` with up to EXAMPLES cases drawn from `strategy`, the same ones on every run."""
    hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.generate],
    )(hypothesis.given(case=strategy)(call))()


@pytest.mark.parametrize("role", ["operator", "reviewer", "anonymous"])
def test_every_operation_answers_as_its_schema_says(live_server, settings, tmp_path, role):
    roles, shared = seed(settings, tmp_path)
    user, role_ids = roles[role]
    headers = {"Authorization": f"Bearer {make_token(user)}"} if user else {}
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/", config=CONFIG)

    figures = collections.Counter()
    statuses = collections.Counter()
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        figures["operations"] += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(
                mode, path_parameters=fixed_path(operation, role_ids, shared)
            )

            def call(case):
                positive = case.meta.generation.mode == GenerationMode.POSITIVE
                figures[f"examples_{case.meta.generation.mode.value}"] += 1
                if case.method == "PATCH" and positive:
                    # The current ETag, so that generated sections reach the forms and the
                    # service instead of stopping at 412.
                    current = requests.get(
                        live_server.url + case.formatted_path, headers=headers, timeout=10
                    )
                    if "ETag" in current.headers:  # not for anonymous: 401
                        case.headers = {**(case.headers or {}), "If-Match": current.headers["ETag"]}
                response = case.call_and_validate(base_url=live_server.url, headers=headers)
                statuses[response.status_code] += 1

            try:
                run_examples(strategy, call)
            except hypothesis.errors.Unsatisfiable:
                figures["unsatisfiable"] += 1  # nothing in this operation to break or fill
            except (Exception, BaseExceptionGroup) as failure:
                failures.append(f"{mode.value} {operation.label}: {failure}")

    ARTIFACTS.mkdir(exist_ok=True)
    report = (
        [f"{key}: {value}" for key, value in sorted(figures.items())]
        + [f"status {code}: {count}" for code, count in sorted(statuses.items())]
        + failures
    )
    (ARTIFACTS / f"schemathesis-{role}.txt").write_text("\n".join(report) + "\n")
    print(f"\nschemathesis as {role}: " + ", ".join(report[: len(figures) + len(statuses)]))
    assert failures == []
    assert figures["operations"] >= 25
    assert not any(code >= 500 for code in statuses)
