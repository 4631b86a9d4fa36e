from django.urls import path

from . import actions, views


def _row_paths(section: str, slug: str):
    rows, row = actions.rows_views(section)
    return [
        path(f"reports/<int:pk>/{slug}/", rows, name=f"report-{slug}"),
        path(f"reports/<int:pk>/{slug}/<int:row_id>/", row, name=f"report-{slug}-row"),
    ]


urlpatterns = [
    path("periods/", views.PeriodList.as_view(), name="period-list"),
    path("periods/<int:year>-<int:month>/", views.PeriodDetail.as_view(), name="period-detail"),
    path("reports/", actions.ReportListAndStart.as_view(), name="report-list"),
    path("reports/<int:pk>/", actions.report, name="report-detail"),
    *_row_paths("publications", "publications"),
    *_row_paths("activities", "activities"),
    *_row_paths("dp3_villages", "dp3-villages"),
    *_row_paths("dp3_activities", "dp3-activities"),
    path("reports/<int:pk>/attachments/", actions.attachments, name="report-attachments"),
    path("reports/<int:pk>/timeline/", views.timeline, name="report-timeline"),
    path("reports/<int:pk>/submit/", actions.submit, name="report-submit"),
    path("reports/<int:pk>/withdraw/", actions.withdraw, name="report-withdraw"),
    path("reports/<int:pk>/approve/", actions.approve, name="report-approve"),
    path("reports/<int:pk>/return/", actions.return_, name="report-return"),
    path("attachments/<int:pk>/", actions.attachment, name="attachment-detail"),
    path("attachments/<int:pk>/file/", views.attachment_file, name="attachment-file"),
]
