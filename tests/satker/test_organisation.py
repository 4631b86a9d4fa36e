import csv
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from satker.models import Division, Level, Membership, Role, Satker

from ..factories import UserFactory

CSV_PATH = Path(__file__).resolve().parents[2] / "satker" / "data" / "satker_sumut.csv"


@pytest.mark.django_db
def test_migrate_loads_sumut_and_its_33_regencies_with_their_codes():
    with CSV_PATH.open(encoding="utf-8") as f:
        expected = {row["code"]: row["name"] for row in csv.DictReader(f)}

    assert dict(Satker.objects.values_list("code", "name")) == expected
    assert len(expected) == 34
    assert Satker.objects.regencies().count() == 33
    assert set(Satker.objects.regencies().values_list("parent__code", flat=True)) == {"12"}
    assert Satker.objects.get(code="12.71").name == "KPU Kota Medan"
    assert Satker.objects.get(code="12.71").level == Level.KOTA
    assert Satker.objects.get(code="12.15").level == Level.KABUPATEN


@pytest.mark.django_db
def test_every_satker_starts_with_the_default_divisions():
    medan = Satker.objects.get(code="12.71")
    names = list(medan.divisions.values_list("name", flat=True))
    assert names[0] == "Teknis Penyelenggaraan"
    assert "Hukum dan Pengawasan" in names
    assert len(names) == 6
    assert Division.objects.count() == 34 * 6
    assert medan.divisions.filter(kind=Division.Kind.SUBBAGIAN).count() == 1


@pytest.mark.django_db
def test_the_tree_holds_a_national_hierarchy_without_change(national_tree):
    ri = national_tree
    assert Satker.objects.filter(parent__parent=ri).count() == 34  # 33 Sumut + 1 Aceh


@pytest.mark.django_db
def test_a_regency_without_a_parent_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        Satker.objects.create(code="12.99", name="KPU Kabupaten Contoh", level=Level.KABUPATEN)


@pytest.mark.django_db
def test_a_regency_under_another_regency_is_refused_with_a_message():
    binjai = Satker.objects.get(code="12.75")
    bad = Satker(code="12.98", name="KPU Kota Contoh", level=Level.KOTA, parent=binjai)
    with pytest.raises(ValidationError) as excinfo:
        bad.full_clean()
    assert "satu tingkat di atasnya" in str(excinfo.value)


@pytest.mark.django_db
def test_a_reviewer_must_belong_to_a_province_and_a_division_to_the_same_satker():
    medan = Satker.objects.get(code="12.71")
    binjai_division = Satker.objects.get(code="12.75").divisions.first()
    membership = Membership(
        user=UserFactory(), satker=medan, role=Role.REVIEWER, division=binjai_division
    )
    with pytest.raises(ValidationError) as excinfo:
        membership.full_clean()
    assert "Reviewer hanya untuk staf KPU Provinsi" in str(excinfo.value.message_dict["role"])
    assert "satker yang sama" in str(excinfo.value.message_dict["division"])


@pytest.mark.django_db
def test_a_code_that_is_not_a_kemendagri_code_is_refused_in_indonesian(sumut):
    bad = Satker(code="Medan", name="KPU Kota X", level=Level.KOTA, parent=sumut)
    with pytest.raises(ValidationError) as excinfo:
        bad.full_clean()
    assert "Kode wilayah Kemendagri" in str(excinfo.value.message_dict["code"])
