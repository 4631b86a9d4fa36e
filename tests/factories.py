"""Factories for accounts and helpers for reports. Satker come from the data migration."""

import datetime

import factory

from reports.models import Publication
from satker.models import Membership, Role, Satker, User

PASSWORD = "rahasia-uji-123"

# The smallest PDF a PDF reader (and the upload check) accepts: evidence for upload tests.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    satker = factory.LazyFunction(lambda: Satker.objects.get(code="12.71"))
    role = Role.OPERATOR


def staff(username: str, code: str, role: Role = Role.OPERATOR, **user_fields) -> User:
    """A user with a membership of satker `code`."""
    user = UserFactory(username=username, **user_fields)
    MembershipFactory(user=user, satker=Satker.objects.get(code=code), role=role)
    return User.objects.select_related("membership__satker").get(pk=user.pk)


def complete(report, *, publications=1):
    """Answer section A and record publications: enough to be sent."""
    kelembagaan = report.kelembagaan
    kelembagaan.bakohumas_formed = True
    kelembagaan.sk_number = "12/PP.08-SD/1271/2026"
    kelembagaan.sk_date = datetime.date(2026, 2, 3)
    kelembagaan.wa_group_formed = True
    kelembagaan.wa_member_count = 41
    kelembagaan.coordinated_with_pemda = True
    kelembagaan.save()
    Publication.objects.bulk_create(
        Publication(
            report=report,
            date=datetime.date(2026, 10, 5 + i % 20),
            channel="instagram",
            title=f"Sosialisasi pemilih pemula {i + 1}",
            url="https://instagram.com/kpu_medan/p/1",
        )
        for i in range(publications)
    )
    return report
