"""A satker's trends as charts: each a Chart.js spec and the table of the same numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from reports.models import Channel

from .activity import Trends
from .compliance import month_short_name


@dataclass
class Chart:
    id: str
    title: str
    datasets: list[dict]
    labels: list[str]
    type: str = "bar"
    stacked: bool = False
    # Rows the table shows besides the datasets (e.g. the villages behind a cadre target).
    extra_rows: list[dict] = field(default_factory=list)

    @property
    def script_id(self) -> str:
        return f"{self.id}-data"

    @property
    def spec(self) -> dict:
        return {
            "type": self.type,
            "stacked": self.stacked,
            "labels": self.labels,
            "datasets": self.datasets,
        }

    @property
    def rows(self) -> list[dict]:
        return [
            {"label": row["label"], "data": row["data"], "total": sum(row["data"])}
            for row in [*self.datasets, *self.extra_rows]
        ]


def satker_charts(trends: Trends) -> list[Chart]:
    months = [month_short_name(m) for m in range(1, 13)]
    channels = dict(Channel.choices)
    ppid = trends.ppid
    return [
        Chart(
            "grafik-publikasi",
            _("Publikasi per kanal per bulan"),
            [
                {"label": str(channels[channel]), "data": counts}
                for channel, counts in trends.publications.items()
            ]
            or [{"label": _("Publikasi"), "data": [0] * 12}],
            months,
            stacked=True,
        ),
        Chart(
            "grafik-kegiatan",
            _("Kegiatan dan peserta per bulan"),
            [
                {"label": _("Kegiatan"), "data": trends.activities},
                {
                    "label": _("Peserta"),
                    "data": trends.participants,
                    "type": "line",
                    "yAxisID": "y1",
                },
            ],
            months,
        ),
        Chart(
            "grafik-segmen",
            _("Peserta kegiatan per segmen sasaran (setahun)"),
            [
                {
                    "label": _("Peserta"),
                    "data": [row["participants"] or 0 for row in trends.by_segment],
                },
                {
                    "label": _("Kegiatan"),
                    "data": [row["count"] for row in trends.by_segment],
                    "type": "line",
                    "yAxisID": "y1",
                },
            ],
            [str(row["label"]) for row in trends.by_segment] or [_("Belum ada")],
        ),
        Chart(
            "grafik-dp3",
            _("Kader DP3 dibanding target"),
            [
                {"label": _("Kader"), "data": trends.cadres},
                {
                    "label": _("Target (25 per desa)"),
                    "data": trends.cadre_target,
                    "type": "line",
                    "dashed": True,
                },
            ],
            months,
            extra_rows=[{"label": _("Desa DP3"), "data": trends.villages}],
        ),
        Chart(
            "grafik-ppid",
            _("Permohonan informasi PPID per bulan"),
            [
                {"label": _("Dipenuhi"), "data": ppid["requests_fulfilled"]},
                {"label": _("Ditolak"), "data": ppid["requests_rejected"]},
                {"label": _("Masih diproses"), "data": ppid["requests_in_process"]},
            ],
            months,
            stacked=True,
            extra_rows=[
                {"label": _("Diterima"), "data": ppid["requests_received"]},
                {"label": _("Keberatan"), "data": ppid["objections"]},
            ],
        ),
    ]
