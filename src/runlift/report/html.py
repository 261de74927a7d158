"""The report as one self-contained HTML page: the Jinja template, its filters, SVG charts."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Final

from runlift.domain.athlete import AthleteProfile
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan
from runlift.report.model import (
    FUEL_RULES,
    Chart,
    Report,
    link_rule_ids,
)

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

from runlift.report.build import build_report
from runlift.report.model import ReportData

TEMPLATE: Final = "templates/report.html.j2"


def report_html(report: Report) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no external resources).

    The same report gives the same string.
    """
    return _template().render(report=report, fuel_rules=FUEL_RULES)


def render_report_html(
    plan: Plan,
    *,
    profile: AthleteProfile,
    data: ReportData,
    nutrition: Sequence[DayNutrition] | None,
    timezone: str,
) -> str:
    """The plan as one self-contained HTML page: :func:`build_report`, then :func:`report_html`.

    Args:
        plan: the plan to show.
        profile: the athlete it was built for (name, goal, baseline numbers).
        data: what the plan does not carry, from ``runlift.services.report_data``.
        nutrition: daily nutrition targets, or None to leave nutrition out.
        timezone: IANA zone in which session times are shown, e.g. ``Europe/Berlin``.

    Returns:
        The HTML document; the same inputs give the same string.

    Raises:
        InvalidInput: an unknown time zone, or ``data`` not matching the plan's weeks.
    """
    return report_html(
        build_report(plan, profile=profile, data=data, nutrition=nutrition, timezone=timezone)
    )


@functools.cache
def _template() -> jinja2.Template:
    import jinja2  # noqa: PLC0415 - keeps the CLI's start fast

    source = resources.files("runlift.report").joinpath(TEMPLATE).read_text(encoding="utf-8")
    environment = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["rules"] = _rule_links
    environment.filters["svg"] = _chart_svg
    return environment.from_string(source)


def _rule_links(text: str) -> Markup:
    """Escape ``text`` and turn each catalogued rule ID in it into a link to the legend."""
    from markupsafe import Markup, escape  # noqa: PLC0415 - comes with jinja2

    return Markup(
        link_rule_ids(
            str(escape(text)),
            lambda rule_id: f'<a class="rid" href="#rule-{rule_id}">{rule_id}</a>',
        )
    )


def _chart_svg(chart: Chart) -> Markup:
    """The chart as an inline ``<svg>`` element, marked safe for the template."""
    from markupsafe import Markup  # noqa: PLC0415 - comes with jinja2

    from runlift.report import charts as report_charts  # noqa: PLC0415 - loads ReportLab

    return Markup(report_charts.svg(chart))
