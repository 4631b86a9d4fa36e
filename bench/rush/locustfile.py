"""The deadline rush: every operator opens, fills and sends the month's report within ten
minutes while reviewers browse. Run by `bench/deadline_rush.sh`, never by the suite.

Each operator behaves as a person would: on an error page it waits and sends again (the
browser keeps a copy of the form). It writes the id of every report the portal answered
"terkirim" for to SENT_LOG, so the script can check that each one really is in the database.
"""

import datetime
import itertools
import os
import random
import re
from zoneinfo import ZoneInfo

from locust import HttpUser, between, task

OPERATORS = itertools.count()
SENT_LOG = os.environ.get("RUSH_SENT_LOG", "/tmp/rush-sent.txt")
REVIEWERS = 5


def month_just_ended():
    first = datetime.datetime.now(ZoneInfo("Asia/Jakarta")).date().replace(day=1)
    last = first - datetime.timedelta(days=1)
    return last.year, last.month


def report_form(year: int, month: int) -> dict:
    data = {
        "a-bakohumas_formed": "true",
        "a-sk_number": "12/PP.08-SD/2026",
        "a-sk_date": f"{year}-01-15",
        "a-wa_group_formed": "true",
        "a-wa_member_count": "38",
        "a-member_bawaslu": "on",
        "a-coordinated_with_pemda": "true",
        "e-requests_received": "2",
        "e-requests_fulfilled": "2",
        "e-requests_rejected": "0",
        "e-requests_in_process": "0",
        "e-objections": "0",
        "f-follow_up": "Rapat koordinasi bulan depan.",
        "action": "kirim",
    }
    for prefix, rows in {"publikasi": 2, "kegiatan": 1, "desa": 0, "dp3": 0}.items():
        data |= {
            f"{prefix}-TOTAL_FORMS": str(rows),
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "200",
        }
    for row in range(2):
        data |= {
            f"publikasi-{row}-date": f"{year}-{month:02d}-{10 + row}",
            f"publikasi-{row}-channel": "instagram",
            f"publikasi-{row}-title": f"Sosialisasi tahapan pemilihan {row + 1}",
            f"publikasi-{row}-url": "https://instagram.com/kpu/p/abc",
        }
    data |= {
        "kegiatan-0-date": f"{year}-{month:02d}-20",
        "kegiatan-0-kind": "sppb",
        "kegiatan-0-title": "Pendidikan pemilih pemula",
        "kegiatan-0-place": "SMA Negeri 1",
        "kegiatan-0-segment": "pemula",
        "kegiatan-0-participants": "120",
    }
    return data


class Person(HttpUser):
    abstract = True

    def on_start(self):
        self.client.headers["X-Forwarded-Proto"] = "https"  # what nginx adds

    def post(self, path, data, *, page, name):
        # A browser's same-origin POST carries its page as Referer; Django checks it on https.
        data = {**data, "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")}
        referer = self.host.replace("http://", "https://") + page
        return self.client.post(path, data, headers={"Referer": referer}, name=name)


class Operator(Person):
    weight = 514
    wait_time = between(5, 30)  # reading, typing

    def on_start(self):
        super().on_start()
        self.username = f"op{next(OPERATORS):03d}"
        self.done = False
        self.sign_in()

    def sign_in(self):
        self.client.get("/akun/masuk/", name="masuk (form)")
        response = self.post(
            "/akun/masuk/",
            {"username": self.username, "password": "rush"},
            page="/akun/masuk/",
            name="masuk",
        )
        return response.ok

    @task
    def report_the_month(self):
        if self.done:
            self.client.get("/laporan/", name="laporan saya")
            return
        year, month = month_just_ended()
        self.client.get("/laporan/", name="laporan saya")
        created = self.post(
            f"/laporan/buat/{year}/{month}/", {}, page="/laporan/", name="buat laporan"
        )
        found = re.search(r"/laporan/(\d+)/ubah/", created.url or "")
        if not created.ok or not found:
            return  # an error page: the operator tries again on the next round
        report_id = found.group(1)
        self.client.get(f"/laporan/{report_id}/ubah/", name="isi laporan")
        sent = self.post(
            f"/laporan/{report_id}/ubah/",
            report_form(year, month),
            page=f"/laporan/{report_id}/ubah/",
            name="kirim laporan",
        )
        if sent.ok and "Laporan terkirim ke KPU Provinsi" in sent.text:
            with open(SENT_LOG, "a") as log:
                log.write(f"{report_id}\n")
            self.done = True


class Reviewer(Person):
    weight = REVIEWERS
    wait_time = between(2, 8)

    def on_start(self):
        super().on_start()
        self.client.get("/akun/masuk/", name="masuk (form)")
        self.post(
            "/akun/masuk/",
            {"username": f"rev{random.randrange(REVIEWERS)}", "password": "rush"},
            page="/akun/masuk/",
            name="masuk",
        )

    @task(3)
    def queue(self):
        page = self.client.get("/laporan/verifikasi/", name="antrean verifikasi")
        ids = re.findall(r'href="/laporan/(\d+)/"', page.text)
        if ids:
            self.client.get(f"/laporan/{random.choice(ids)}/", name="halaman laporan")

    @task(1)
    def overview(self):
        self.client.get("/satker/", name="ringkasan provinsi")
