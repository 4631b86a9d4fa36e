"""Where decisions live: role checks only in the access modules."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_CODE = [
    "bakohumas", "satker", "accounts", "workdays", "uploads", "notifications", "reports",
    "reminders", "backups", "dashboards", "exports", "templates",
]  # fmt: skip
# A decision about what a user may do, spelt out by hand: their flags, their role.
ROLE_CHECK = re.compile(
    r"\buser\w*\.(is_superuser|is_staff|role|is_reviewer)\b"
    r"|\bmembership(_or_none)?\.role\b"
    r"|\buser\w*\.membership\.role\b"
)


def source_files():
    for folder in APP_CODE:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".html"} and "migrations" not in path.parts:
                yield path


def test_role_checks_live_only_in_access_modules():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in source_files()
        if path.name != "access.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ROLE_CHECK.search(line)
    ]
    assert found == []


def test_the_check_would_see_a_role_spelt_out_in_a_view_or_template():
    assert ROLE_CHECK.search("    if request.user.is_superuser:")
    assert ROLE_CHECK.search("{% if user.is_reviewer %}")
    assert ROLE_CHECK.search("if membership.role == Role.OPERATOR:")
    assert not ROLE_CHECK.search("{% if user|is_reviewer %}")
