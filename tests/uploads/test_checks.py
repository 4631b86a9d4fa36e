import base64
import io
import random
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.template import Context, Template
from django.utils import translation

from reports.forms import AttachmentForm
from uploads import ALLOWED_TYPES, DOCX, XLSX, detect_content_type, human_size

PDF = "application/pdf"
PNG = "image/png"


# Real files, small enough to write in a test ---------------------------------------------------


def make_pdf(padding: int = 0) -> bytes:
    """A one-page PDF with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    out += b"%" + b"x" * padding + b"\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(out)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make_png(*, animated: bool = False) -> bytes:
    """A 1×1 white pixel; `animated` adds the acTL chunk that makes it an APNG."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    animation = png_chunk(b"acTL", struct.pack(">II", 1, 0)) if animated else b""
    pixels = png_chunk(b"IDAT", zlib.compress(b"\x00\xff"))
    return b"\x89PNG\r\n\x1a\n" + header + animation + pixels + png_chunk(b"IEND", b"")


def make_jpeg() -> bytes:
    """An 8×8 grey baseline JPEG: one quantisation table, one-code Huffman tables, one block."""
    return b"".join(
        [
            b"\xff\xd8",  # SOI
            b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00",  # APP0
            b"\xff\xdb\x00\x43\x00" + b"\x01" * 64,  # DQT
            b"\xff\xc0\x00\x0b\x08\x00\x08\x00\x08\x01\x01\x11\x00",  # SOF0: 8×8, 1 component
            b"\xff\xc4\x00\x14\x00\x01" + b"\x00" * 15 + b"\x00",  # DHT DC: "0" → category 0
            b"\xff\xc4\x00\x14\x10\x01" + b"\x00" * 15 + b"\x00",  # DHT AC: "0" → end of block
            b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00",  # SOS
            b"\x3f",  # DC 0, end of block, padded with ones
            b"\xff\xd9",  # EOI
        ]
    )


# A 1×1 lossless WebP, the one browsers' feature tests decode.
WEBP = base64.b64decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")

CONTENT_TYPES_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/%s" ContentType="%s"/></Types>'
)
RELS_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="%s"/></Relationships>'
)
DOCUMENT_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>Laporan kegiatan</w:t></w:r></w:p></w:body></w:document>"
)
WORKBOOK_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Kegiatan" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
SHEET_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData/></worksheet>"
)
WORKBOOK_RELS_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def make_zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_members() -> list[tuple[str, bytes]]:
    main = b"word/document.xml"
    return [
        ("[Content_Types].xml", CONTENT_TYPES_XML % (main, DOCX.encode() + b".main+xml")),
        ("_rels/.rels", RELS_XML % main),
        ("word/document.xml", DOCUMENT_XML),
    ]


def xlsx_members() -> list[tuple[str, bytes]]:
    main = b"xl/workbook.xml"
    return [
        ("[Content_Types].xml", CONTENT_TYPES_XML % (main, XLSX.encode() + b".main+xml")),
        ("_rels/.rels", RELS_XML % main),
        ("xl/workbook.xml", WORKBOOK_XML),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS_XML),
        ("xl/worksheets/sheet1.xml", SHEET_XML),
    ]


def upload(name: str, content: bytes, declared_type: str = "application/pdf"):
    # The declared type is what a browser would send; the portal must not believe it.
    return SimpleUploadedFile(name, content, content_type=declared_type)


def submit(uploaded_file, description: str = "") -> AttachmentForm:
    return AttachmentForm(data={"description": description}, files={"file": uploaded_file})


# Allowed kinds --------------------------------------------------------------------------------

ALLOWED = [
    pytest.param("surat.pdf", make_pdf(), PDF, id="pdf"),
    pytest.param("foto.jpg", make_jpeg(), "image/jpeg", id="jpeg"),
    pytest.param("grafik.png", make_png(), PNG, id="png"),
    pytest.param("spanduk.webp", WEBP, "image/webp", id="webp"),
    pytest.param("notulen.docx", make_zip(docx_members()), DOCX, id="docx"),
    pytest.param("rekap.xlsx", make_zip(xlsx_members()), XLSX, id="xlsx"),
]


@pytest.mark.parametrize(("name", "content", "content_type"), ALLOWED)
def test_each_allowed_kind_is_accepted_with_its_detected_type(name, content, content_type):
    form = submit(upload(name, content, declared_type="application/octet-stream"), "Bukti")

    assert form.is_valid(), form.errors
    assert form.cleaned_data["content_type"] == content_type
    assert form.cleaned_data["description"] == "Bukti"
    assert form.cleaned_data["file"].tell() == 0


def test_every_allowed_kind_is_covered_by_the_tests():
    assert {param.values[2] for param in ALLOWED} == set(ALLOWED_TYPES)


def test_type_comes_from_content_not_from_the_name():
    form = submit(upload("scan.docx", make_png(), declared_type=DOCX))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["content_type"] == PNG


def test_office_package_is_recognised_even_when_its_main_part_comes_late():
    # Past the first few entries filetype only sees "a zip"; the archive's directory decides.
    padding = [(f"customXml/item{i}.xml", b"<x/>") for i in range(6)]
    members = docx_members()
    content = make_zip(members[:2] + padding + members[2:])

    assert detect_content_type(upload("notulen.docx", content)) == DOCX


def test_large_upload_spooled_to_disk_is_read_from_disk():
    # Django keeps uploads above FILE_UPLOAD_MAX_MEMORY_SIZE in a temporary file.
    content = make_zip(xlsx_members())
    uploaded_file = TemporaryUploadedFile("rekap.xlsx", XLSX, len(content), None)
    uploaded_file.write(content)

    form = submit(uploaded_file)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["content_type"] == XLSX
    assert uploaded_file.read() == content
    uploaded_file.close()


def test_animated_png_is_accepted_as_png():
    assert detect_content_type(upload("animasi.png", make_png(animated=True))) == PNG


def test_description_is_optional():
    form = submit(upload("surat.pdf", make_pdf()))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["description"] == ""


# Refused files ----------------------------------------------------------------------------------


def zip_with_exe_in_front() -> bytes:
    # Zip readers find the directory at the end, so an executable can carry a valid package.
    return b"MZ" + b"\x90" * 510 + make_zip(docx_members())


REFUSED = [
    pytest.param("laporan.pdf", b"MZ\x90\x00\x03" + b"\x00" * 400, id="windows-executable"),
    pytest.param(
        "bukti.pdf",
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        id="html",
    ),
    pytest.param("catatan.pdf", b"Laporan bulan Mei: semua aman.\n", id="text"),
    pytest.param("data.xlsx", make_zip([("data.csv", b"a,b\n1,2\n")]), id="plain-zip"),
    pytest.param(
        "notulen.docx",
        make_zip(
            [("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")]
        ),
        id="odt",
    ),
    pytest.param("rekap.xlsx", b"PK\x03\x04" + b"\x00" * 200, id="corrupt-zip"),
    pytest.param(
        "notulen.docx", make_zip(docx_members()[1:]), id="office-parts-without-content-types"
    ),
    pytest.param(
        "campuran.docx", make_zip(docx_members() + xlsx_members()[2:]), id="both-word-and-excel"
    ),
    pytest.param("pembaruan.docx", zip_with_exe_in_front(), id="executable-carrying-a-zip"),
    pytest.param("gambar.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", id="gif"),
]


@pytest.mark.parametrize(("name", "content"), REFUSED)
def test_file_that_is_not_an_allowed_kind_is_refused(name, content):
    form = submit(upload(name, content))

    assert not form.is_valid()
    assert form.errors["file"] == [
        f"Berkas «{name}» bukan PDF, JPEG, PNG, WebP, DOCX atau XLSX yang sah. "
        "Isi berkas diperiksa, bukan namanya."
    ]
    assert "content_type" not in form.cleaned_data


@pytest.mark.parametrize(("name", "content"), REFUSED)
def test_detection_returns_none_for_refused_files(name, content):
    assert detect_content_type(upload(name, content)) is None


def test_empty_file_is_refused():
    form = submit(upload("kosong.pdf", b""))

    assert not form.is_valid()
    assert "file" in form.errors


def test_file_over_the_limit_is_refused_before_its_content_is_judged(settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    form = submit(upload("laporan.pdf", b"MZ" + b"\x00" * 2046))

    assert not form.is_valid()
    assert form.errors["file"] == ["Berkas terlalu besar: 2 KB. Batasnya 1 KB."]


def test_size_message_uses_a_decimal_comma(settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    form = submit(upload("laporan.pdf", make_pdf(padding=1_300_000)))

    assert not form.is_valid()
    assert form.errors["file"] == ["Berkas terlalu besar: 1,2 MB. Batasnya 1 MB."]


def test_file_exactly_at_the_limit_is_accepted(settings):
    content = make_pdf()
    settings.ATTACHMENT_MAX_BYTES = len(content)

    assert submit(upload("laporan.pdf", content)).is_valid()


def test_limit_defaults_to_ten_megabytes(settings):
    del settings.ATTACHMENT_MAX_BYTES

    assert "10 MB" in str(AttachmentForm().fields["file"].help_text)


# File position -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content", [make_pdf(), make_zip(xlsx_members()), b"MZ" + b"\x00" * 100, b"PK\x03\x04junk"]
)
def test_detection_leaves_the_file_at_the_start(content):
    uploaded_file = upload("berkas.bin", content)
    uploaded_file.seek(7)

    detect_content_type(uploaded_file)

    assert uploaded_file.tell() == 0
    assert uploaded_file.read() == content


# Sizes as people read them ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n_bytes", "expected"),
    [
        (0, "0 bita"),
        (512, "512 bita"),
        (1024, "1 KB"),
        (850 * 1024, "850 KB"),
        (1024 * 1024 - 300, "1 MB"),
        (1024 * 1024, "1 MB"),
        (int(1.2 * 1024 * 1024), "1,2 MB"),
        (int(12.4 * 1024 * 1024), "12,4 MB"),
        (10 * 1024 * 1024, "10 MB"),
        (3 * 1024**3 // 2, "1,5 GB"),
    ],
)
def test_human_size_reads_in_indonesian(n_bytes, expected):
    with translation.override("id"):
        assert human_size(n_bytes) == expected


def test_human_size_template_filter():
    template = Template("{% load report_tags %}{{ size|human_size }}")

    with translation.override("id"):
        assert template.render(Context({"size": 1_300_000})) == "1,2 MB"


def test_just_over_the_limit_says_more_than_rather_than_equal_sizes(settings):
    settings.ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
    form = AttachmentForm(
        files={"file": SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024))}
    )
    assert not form.is_valid()
    assert form.errors["file"] == ["Berkas terlalu besar: lebih dari 10 MB."]


# Zip bombs and names that lie -----------------------------------------------------------------


def docx_with_padding(megabytes: int) -> bytes:
    """A real DOCX with a part of zeros: tiny compressed, huge unpacked."""
    return make_zip(docx_members() + [("word/media/kosong.bin", b"\0" * megabytes * 1024 * 1024)])


def test_a_docx_that_unpacks_a_hundred_times_larger_is_refused():
    bomb = docx_with_padding(100)  # L4: 100 MB of zeros in about 100 KB
    assert len(bomb) < 200 * 1024
    form = submit(upload("laporan.docx", bomb, declared_type=DOCX))
    assert not form.is_valid()
    [message] = form.errors["file"]
    assert message.startswith("Berkas «laporan.docx» ditolak: isinya membengkak menjadi 100")


def test_an_ordinary_docx_with_a_photo_is_accepted():
    photo = random.Random(7).randbytes(512 * 1024)  # a photo does not compress much
    content = make_zip(docx_members() + [("word/media/foto.bin", photo)])
    assert submit(upload("notulen.docx", content)).is_valid()


@pytest.mark.parametrize(
    ("name", "content_type", "downloaded"),
    [
        ("x.pdf.exe", PDF, "x.pdf"),  # L5: the extension of what it is, not of what it says
        ("SK Bakohumas.PDF", PDF, "SK Bakohumas.pdf"),
        ("scan.docx", PNG, "scan.png"),
        ("laporan.pdf", DOCX, "laporan.docx"),
        ("tanpa-ekstensi", XLSX, "tanpa-ekstensi.xlsx"),
        (".pdf", PDF, "lampiran.pdf"),
    ],
)
def test_download_name_takes_the_extension_of_the_detected_type(name, content_type, downloaded):
    from uploads import download_name

    assert download_name(name, content_type) == downloaded
