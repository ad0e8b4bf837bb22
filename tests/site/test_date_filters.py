"""The quick date filters a list uses per card say exactly what Django's |date would."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.template.defaultfilters import date
from django.utils import timezone, translation

from portal.templatetags.portal_tags import day, machine_time

LATE_EVENING = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # already 2 March in Tbilisi


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
@pytest.mark.parametrize("zone", ["UTC", "Asia/Tbilisi"])
def test_day_and_machine_time_match_the_date_filter(language, zone):
    with translation.override(language), timezone.override(zone):
        local = timezone.localtime(LATE_EVENING)  # what a template hands |date
        assert day(LATE_EVENING) == date(local, "DATE_FORMAT")
        assert machine_time(LATE_EVENING) == date(local, r"Y-m-d\TH:i:sO")


def test_the_day_follows_the_readers_time_zone():
    with translation.override("en"):
        with timezone.override("UTC"):
            assert day(LATE_EVENING) == "March 1, 2026"
        with timezone.override("Asia/Tbilisi"):
            assert day(LATE_EVENING) == "March 2, 2026"
