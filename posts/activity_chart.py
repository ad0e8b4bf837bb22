"""A post's last 30 days of reader activity, as numbers and as SVG geometry.

Drawn on the server: the admin template prints a small inline SVG (no chart
library, nothing from a CDN) with a table of the same numbers beside it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import PostActivity

DAYS = 30
WIDTH, HEIGHT, PAD = 600, 160, 8
SERIES = [
    ("views", _("Views")),
    ("downloads", _("Downloads")),
    ("saves", _("Saves")),
    ("comments", _("Comments")),
]


@dataclass
class Series:
    kind: str
    label: str
    values: list[int]
    points: str  # the SVG polyline's points

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass
class ActivityChart:
    days: list[date]
    series: list[Series]
    peak: int
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def rows(self):
        """Day by day, for the table: (day, [value per series])."""
        return [(day, [s.values[i] for s in self.series]) for i, day in enumerate(self.days)]


def activity_chart(post, today: date | None = None) -> ActivityChart:
    """One query: the post's daily counters over the last DAYS days, gaps as zero."""
    today = today or timezone.localdate()
    days = [today - timedelta(days=offset) for offset in range(DAYS - 1, -1, -1)]
    rows = {
        row["day"]: row
        for row in PostActivity.objects.filter(post=post, day__gte=days[0], day__lte=today).values(
            "day", *(kind for kind, _label in SERIES)
        )
    }
    values = {kind: [rows.get(day, {}).get(kind, 0) for day in days] for kind, _label in SERIES}
    peak = max([1, *(v for series in values.values() for v in series)])
    step = (WIDTH - 2 * PAD) / (DAYS - 1)

    def points(series: list[int]) -> str:
        return " ".join(
            f"{PAD + i * step:.1f},{HEIGHT - PAD - value * (HEIGHT - 2 * PAD) / peak:.1f}"
            for i, value in enumerate(series)
        )

    return ActivityChart(
        days=days,
        series=[Series(kind, label, values[kind], points(values[kind])) for kind, label in SERIES],
        peak=peak,
    )
