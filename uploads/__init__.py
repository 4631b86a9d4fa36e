"""Files people upload (evidence, later PPID documents and juknis): judged by their content.

A plain package, not an app: no models, shared by every app that takes files.
"""

from .checks import (
    ACCEPT,
    ALLOWED_TYPES,
    DOCX,
    XLSX,
    allowed_kinds_help,
    check_upload,
    detect_content_type,
    download_name,
    human_size,
    max_upload_bytes,
)

__all__ = [
    "ACCEPT",
    "ALLOWED_TYPES",
    "DOCX",
    "XLSX",
    "allowed_kinds_help",
    "check_upload",
    "detect_content_type",
    "download_name",
    "human_size",
    "max_upload_bytes",
]
