"""What an uploaded file really is, judged by its content, and how big it may be."""

import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The kinds of file the portal takes, with the extension each is stored under.
ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    DOCX: "docx",
    XLSX: "xlsx",
}

# filetype never looks further than this into a file.
SIGNATURE_BYTES = 8192

# The part that makes an Office Open XML package a Word document or a workbook. filetype only
# glances at the first few entries of the archive, so the package's directory has the last word.
OOXML_MAIN_PARTS = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml"}
OOXML_CONTENT_TYPES_PART = "[Content_Types].xml"
ZIP_CONTAINERS = {DOCX, XLSX, "application/zip"}

# A document that swells past these when unzipped is a zip bomb, not a report.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_UNZIP_RATIO = 100

# An animated PNG is still a PNG: every PNG reader shows its first frame.
SAME_FORMAT = {"image/apng": "image/png"}

# What the browser's file picker offers; the server still checks the content.
ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx"


def detect_content_type(uploaded_file) -> str | None:
    """The MIME type of an allowed kind of file, read from the file's bytes, or None.

    Neither the file's name nor the type the browser declared is trusted. The file is left
    at position 0, ready to be saved.
    """
    uploaded_file.seek(0)
    try:
        kind = filetype.guess(uploaded_file.read(SIGNATURE_BYTES))
        if kind is None:
            return None
        if kind.mime in ZIP_CONTAINERS:
            return _ooxml_content_type(uploaded_file)
        content_type = SAME_FORMAT.get(kind.mime, kind.mime)
        return content_type if content_type in ALLOWED_TYPES else None
    finally:
        uploaded_file.seek(0)


def _ooxml_content_type(uploaded_file) -> str | None:
    # zipfile reads only the central directory at the end of the file, not the members.
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        return None
    if OOXML_CONTENT_TYPES_PART not in names:
        return None
    found = [content_type for content_type, part in OOXML_MAIN_PARTS.items() if part in names]
    return found[0] if len(found) == 1 else None


def human_size(n_bytes: int) -> str:
    """A file size as people read it, in the active language: "850 KB", "1,2 MB"."""
    if n_bytes < 1024:
        return gettext("%(count)s bita") % {"count": n_bytes}
    value, unit, decimals = n_bytes / 1024, "KB", 0
    for larger_unit in ("MB", "GB"):
        # 1023,6 KB would round to 1024 KB, which reads better as 1 MB.
        if round(value, decimals) < 1024:
            break
        value, unit, decimals = value / 1024, larger_unit, 1
    shown = round(value, decimals)
    if shown == int(shown):
        decimals = 0
    return f"{number_format(shown, decimal_pos=decimals)} {unit}"


def unzipped_size(uploaded_file) -> int:
    """What a zip-based document declares it holds once unpacked (its directory says)."""
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            return sum(member.file_size for member in archive.infolist())
    finally:
        uploaded_file.seek(0)


def download_name(original_name: str, content_type: str) -> str:
    """The name a file is downloaded under: its own name, with the extension of what it
    really is. 'x.pdf.exe' holding a PDF is 'x.pdf'; 'scan.docx' holding a PNG, 'scan.png'."""
    extension = "." + ALLOWED_TYPES.get(content_type, "bin")
    stem, dot, _suffix = original_name.rpartition(".")
    stem = stem if dot else original_name
    stem = stem.strip() or "lampiran"
    if stem.lower().endswith(extension):
        return stem
    return stem + extension


def max_upload_bytes() -> int:
    return getattr(settings, "ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


def allowed_kinds_help() -> str:
    return gettext("PDF, JPEG, PNG, WebP, DOCX atau XLSX, paling besar %(limit)s.") % {
        "limit": human_size(max_upload_bytes())
    }


def check_upload(uploaded_file) -> str:
    """The file's real MIME type if it is an allowed kind within the size limit.

    Raises ValidationError with a message in the user's language otherwise. The size is
    checked first, so an oversized file is never read.
    """
    limit = max_upload_bytes()
    if uploaded_file.size > limit:
        if human_size(uploaded_file.size) == human_size(limit):
            # "10 MB; batasnya 10 MB" would puzzle anyone: say "more than" instead.
            raise ValidationError(
                _("Berkas terlalu besar: lebih dari %(limit)s."),
                code="file_too_large",
                params={"limit": human_size(limit)},
            )
        raise ValidationError(
            _("Berkas terlalu besar: %(size)s. Batasnya %(limit)s."),
            code="file_too_large",
            params={"size": human_size(uploaded_file.size), "limit": human_size(limit)},
        )
    content_type = detect_content_type(uploaded_file)
    if content_type is None:
        raise ValidationError(
            _(
                "Berkas «%(name)s» bukan PDF, JPEG, PNG, WebP, DOCX atau XLSX yang sah. "
                "Isi berkas diperiksa, bukan namanya."
            ),
            code="file_type_not_allowed",
            params={"name": uploaded_file.name},
        )
    if content_type in (DOCX, XLSX):
        unpacked = unzipped_size(uploaded_file)
        if unpacked > MAX_UNZIPPED_BYTES or unpacked > MAX_UNZIP_RATIO * uploaded_file.size:
            raise ValidationError(
                _(
                    "Berkas «%(name)s» ditolak: isinya membengkak menjadi %(size)s saat dibuka, "
                    "tidak wajar untuk sebuah dokumen. Simpan ulang dokumennya lalu unggah lagi."
                ),
                code="file_unpacks_too_large",
                params={"name": uploaded_file.name, "size": human_size(unpacked)},
            )
    return content_type
