"""DRF's own error messages, worded in Indonesian (the portal's source language).

Django REST framework is deliberately not an installed app (its catalogue would reword
Django's messages on every page), so its English messages have no Indonesian translation.
These replace the ones our serializers can give; English comes back through the portal's own
catalogue (locale/en), like every other message. Messages Django shares with DRF ("This field
is required.") already speak Django's Indonesian and are left alone.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import fields, serializers

MESSAGES = {
    fields.Field: {"null": _("Bidang ini tidak boleh kosong.")},
    fields.CharField: {
        "invalid": _("Isi dengan teks."),
        "blank": _("Bidang ini tidak boleh kosong."),
        "max_length": _("Paling banyak {max_length} karakter."),
        "min_length": _("Paling sedikit {min_length} karakter."),
    },
    fields.RegexField: {"invalid": _("Bentuknya tidak sesuai.")},
    fields.IntegerField: {
        "invalid": _("Isi dengan bilangan bulat."),
        "max_value": _("Paling besar {max_value}."),
        "min_value": _("Paling kecil {min_value}."),
        "max_string_length": _("Angkanya terlalu panjang."),
    },
    fields.BooleanField: {"invalid": _("Isi dengan true atau false.")},
    fields.ChoiceField: {"invalid_choice": _("«{input}» bukan salah satu pilihan.")},
    fields.FileField: {
        "invalid": _("Kirim berkas sebagai multipart/form-data."),
        "no_name": _("Berkas tidak bernama."),
        "empty": _("Berkas kosong."),
        "max_length": _("Nama berkas paling banyak {max_length} karakter."),
    },
    serializers.Serializer: {"invalid": _("Isi dengan objek JSON ({{…}}).")},
    serializers.ListSerializer: {
        "not_a_list": _("Isi dengan daftar JSON ([…])."),
        "empty": _("Daftar ini tidak boleh kosong."),
    },
}


def use_indonesian_messages() -> None:
    for field_class, messages in MESSAGES.items():
        field_class.default_error_messages = {**field_class.default_error_messages, **messages}
