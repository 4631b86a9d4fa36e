"""The in-portal list behind the bell: each user's own messages, read and unread."""

import pytest

from notifications.models import Message
from reports import services

from ..factories import complete, portal_lines, staff

pytestmark = pytest.mark.django_db


def unread_badge(count: int) -> str:
    return f'{count}<span class="visually-hidden"> belum dibaca'


def test_notifications_are_each_users_own_and_are_marked_read(
    client, reviewer_sumut, operator_medan, submitted_medan
):
    client.force_login(operator_medan)
    assert list(client.get("/notifikasi/").context["notifications"]) == []

    client.force_login(reviewer_sumut)
    menu = client.get("/laporan/verifikasi/").text
    assert "Notifikasi" in menu
    assert unread_badge(1) in menu
    page = client.get("/notifikasi/")
    [notification] = page.context["notifications"]
    assert "KPU Kota Medan mengirim laporan Oktober 2026; menunggu verifikasi." in page.text
    assert f'href="/laporan/{submitted_medan.pk}/"' in page.text
    assert "baru" in page.text
    client.get(f"/laporan/{submitted_medan.pk}/")  # opening the report reads its notice
    notification.refresh_from_db()
    assert notification.read_at is not None
    client.post("/notifikasi/baca-semua/")
    assert not Message.objects.filter(recipient=reviewer_sumut).unread().exists()
    assert "belum dibaca" not in client.get("/laporan/verifikasi/").text


def test_notifications_reach_the_other_side_only(
    submitted_medan, reviewer_sumut, operator_medan, operator_binjai, pimpinan_medan
):
    services.return_report(
        report_id=submitted_medan.pk, user=reviewer_sumut, note="Lengkapi tautan."
    )
    assert portal_lines(operator_medan) == ["Laporan Oktober 2026 dikembalikan untuk diperbaiki."]
    assert portal_lines(operator_binjai) == []
    assert portal_lines(pimpinan_medan) == []


def test_opening_one_report_reads_only_its_own_notices(
    client, reviewer_sumut, submitted_medan, operator_binjai, october
):
    binjai = services.start_report(
        satker=operator_binjai.membership.satker, period=october, user=operator_binjai
    )
    complete(binjai)
    services.submit_report(report_id=binjai.pk, user=operator_binjai)
    client.force_login(reviewer_sumut)
    assert unread_badge(2) in client.get("/laporan/verifikasi/").text

    client.get(f"/laporan/{binjai.pk}/")

    unread = Message.objects.filter(recipient=reviewer_sumut).unread()
    assert [n.target_id for n in unread] == [submitted_medan.pk]
    assert unread_badge(1) in client.get("/laporan/verifikasi/").text


def test_the_list_reads_in_the_readers_language(client, reviewer_sumut, submitted_medan):
    client.force_login(reviewer_sumut)
    client.post("/bahasa/", {"language": "en", "next": "/"})
    page = client.get("/notifikasi/")
    assert "KPU Kota Medan sent the October 2026 report; awaiting review." in page.text


def test_another_users_messages_cannot_be_marked_or_seen(client, reviewer_sumut, submitted_medan):
    stranger = staff("reviewer.lain", "12", "reviewer")
    client.force_login(stranger)
    assert list(client.get("/notifikasi/").context["notifications"]) == []
    client.post("/notifikasi/baca-semua/")
    assert Message.objects.filter(recipient=reviewer_sumut).unread().count() == 1


@pytest.mark.parametrize("count", [1, 12])
def test_notifications_page_query_count_is_fixed(
    client, reviewer_sumut, october, django_assert_num_queries, count
):
    from ..reports.test_pages import make_reports

    make_reports(count, october)
    client.force_login(reviewer_sumut)
    # 1 session, 2 user, 3 the latest in-portal messages, 4 unread count
    with django_assert_num_queries(4):
        response = client.get("/notifikasi/")
    assert len(response.context["notifications"]) == count
