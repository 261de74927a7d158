"""The report's four charts, drawn with matplotlib and written as inline SVG.

Each function draws one chart on its own :class:`matplotlib.figure.Figure`
(no pyplot, so no global figure registry) and returns an ``<svg>`` element
ready to be inlined in the HTML page, which WeasyPrint also prints. Text stays
text (``svg.fonttype = "none"``, DejaVu Sans), so it can be searched and
read aloud. The output is deterministic: a fixed ``svg.hashsalt``, no date in
the metadata, and every element id prefixed with the chart's key so that four
charts can share one page. matplotlib is imported when a chart is drawn, never
when this module is imported.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_IN: Final = 7.2
HEIGHT_IN: Final = 2.6
"""Figure size in inches: about the width of an A4 page inside its margins."""

INK: Final = "#1f2937"
MUTED: Final = "#6b7280"
AXIS: Final = "#9ca3af"
GRID: Final = "#e5e7eb"
SHADE: Final = "#eef0f3"
SHADE_EDGE: Final = "#d1d5db"
RACE: Final = "#dc2626"
LOAD_BAR: Final = "#cbd5e1"

_STYLE: Final[dict[Any, Any]] = {  # keys typed as literals by matplotlib
    "svg.hashsalt": "runlift",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8.0,
    "axes.edgecolor": AXIS,
    "axes.labelcolor": INK,
    "axes.linewidth": 0.7,
    "xtick.color": AXIS,
    "ytick.color": AXIS,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "xtick.labelsize": 7.0,
    "ytick.labelsize": 7.0,
    "legend.fontsize": 7.5,
    "legend.frameon": False,
    "text.color": INK,
}
_PROLOG: Final = re.compile(r"\A.*?(?=<svg\b)", flags=re.DOTALL)
_SVG_OPEN: Final = re.compile(r"<svg\b[^>]*>")
_VIEWBOX: Final = re.compile(r'viewBox="([^"]+)"')
_METADATA: Final = re.compile(r"\s*<metadata>.*?</metadata>", flags=re.DOTALL)
_STYLE_ELEMENT: Final = re.compile(r"\s*<style[^>]*>.*?</style>", flags=re.DOTALL)
_ID: Final = re.compile(r'\bid="([^"]+)"')
_REFERENCE: Final = re.compile(r'(href="#|url\(#)([^")]+)')


def _new_figure() -> Figure:
    """A pyplot-free figure with its own Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415 - lazy
    from matplotlib.figure import Figure  # noqa: PLC0415 - lazy

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
    FigureCanvasAgg(figure)
    return figure


def _inline_svg(figure: Figure, *, key: str, label: str) -> str:
    """Write ``figure`` as an ``<svg>`` element for inline HTML, ids prefixed with ``key``."""
    buffer = io.StringIO()
    figure.savefig(
        buffer,
        format="svg",
        metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
    )
    text = _PROLOG.sub("", buffer.getvalue(), count=1)
    text = _METADATA.sub("", text)
    text = _STYLE_ELEMENT.sub("", text)
    text = _ID.sub(lambda m: f'id="{key}-{m.group(1)}"', text)
    text = _REFERENCE.sub(lambda m: f"{m.group(1)}{key}-{m.group(2)}", text)
    opening = _SVG_OPEN.search(text)
    viewbox = _VIEWBOX.search(opening.group(0)) if opening else None
    if opening is None or viewbox is None:  # pragma: no cover - matplotlib always writes both
        msg = "matplotlib wrote an SVG without a viewBox"
        raise RuntimeError(msg)
    head = (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink" id="{key}-svg" role="img" '
        f'aria-label="{html.escape(label)}" viewBox="{viewbox.group(1)}" '
        f'stroke-linejoin="round">'
    )
    return head + text[opening.end() :].strip()


def _style(axes: Axes, *, ylabel: str) -> None:
    """Light grid behind the data, only the left and bottom spines, axis titles."""
    axes.set_axisbelow(True)
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_ylabel(ylabel)
    axes.set_xlabel("week")
    axes.margins(x=0.005)


def _week_ticks(axes: Axes, week_starts: Sequence[int]) -> None:
    step = 1 if len(week_starts) <= 20 else 2
    slots = list(week_starts[::step])
    axes.set_xticks(slots, [str(week_starts.index(s) + 1) for s in slots])


def _race_line(axes: Axes, race_day: int | None) -> None:
    if race_day is None:
        return
    axes.axvline(race_day, color=RACE, linewidth=1.1, linestyle=(0, (3, 2)))
    axes.annotate(
        "race",
        xy=(race_day, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-3, -8),
        textcoords="offset points",
        ha="right",
        color=RACE,
        fontsize=7.5,
    )


def _legend(figure: Figure, axes: Axes, columns: int) -> None:
    axes.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=columns,
        handlelength=1.4,
        columnspacing=1.2,
        borderaxespad=0.2,
    )
    figure.tight_layout(pad=0.4)


def stacked_weeks_chart(
    *,
    series: Mapping[str, Sequence[float]],
    colours: Mapping[str, str],
    ylabel: str,
    shaded_weeks: Sequence[int],
    shade_label: str,
    label: str,
    key: str,
) -> str:
    """Stacked weekly bars, one layer per series (in mapping order), as an inline ``<svg>``.

    Args:
        series: layer name -> one value per week (all the same length).
        colours: layer name -> fill colour.
        ylabel: y-axis title with its unit.
        shaded_weeks: week indices (from 0) drawn on a grey band.
        shade_label: legend text of the grey band.
        label: accessible name of the chart.
        key: the chart's element id is ``{key}-svg``; unique in the page.
    """
    import matplotlib as mpl  # noqa: PLC0415 - lazy

    with mpl.rc_context(_STYLE):
        figure = _new_figure()
        axes = figure.add_subplot()
        count = max(len(next(iter(series.values()), ())), 1)
        weeks = list(range(count))
        for n, week in enumerate(shaded_weeks):
            axes.axvspan(
                week - 0.5,
                week + 0.5,
                facecolor=SHADE,
                edgecolor=SHADE_EDGE,
                linewidth=0.5,
                label=shade_label if n == 0 else None,
            )
        bottom = [0.0] * count
        for name, values in series.items():
            axes.bar(weeks, values, width=0.72, bottom=bottom, color=colours[name], label=name)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        _style(axes, ylabel=ylabel)
        axes.set_xlim(-0.6, count - 0.4)
        step = 1 if count <= 20 else 2
        slots = list(range(0, count, step))
        axes.set_xticks(slots, [str(s + 1) for s in slots])
        _legend(figure, axes, columns=len(series) + (1 if shaded_weeks else 0))
        return _inline_svg(figure, key=key, label=label)


def load_chart(
    *,
    load_au: Sequence[float],
    ctl_au: Sequence[float],
    atl_au: Sequence[float],
    tsb_au: Sequence[float],
    week_starts: Sequence[int],
    race_day: int | None,
    label: str,
    key: str,
) -> str:
    """Daily planned load (bars) with CTL, ATL and TSB (lines) over the plan, as an ``<svg>``.

    Args:
        load_au: planned load of each day (session RPE x minutes), AU.
        ctl_au: chronic training load ("fitness") of each day.
        atl_au: acute training load ("fatigue") of each day.
        tsb_au: training stress balance ("form") of each day.
        week_starts: day indices on which the plan's weeks start.
        race_day: day index of the race, if any.
        label: accessible name of the chart.
        key: the chart's element id is ``{key}-svg``; unique in the page.
    """
    import matplotlib as mpl  # noqa: PLC0415 - lazy

    with mpl.rc_context(_STYLE):
        figure = _new_figure()
        axes = figure.add_subplot()
        days = list(range(len(load_au)))
        axes.bar(days, load_au, width=0.8, color=LOAD_BAR, label="daily load")
        for name, colour, width, values in (
            ("CTL (fitness)", "#1d4ed8", 1.6, ctl_au),
            ("ATL (fatigue)", "#ea580c", 1.2, atl_au),
            ("TSB (form)", "#15803d", 1.2, tsb_au),
        ):
            axes.plot(range(len(values)), values, color=colour, linewidth=width, label=name)
        if min([*tsb_au, 0.0]) < 0:
            axes.axhline(0.0, color=AXIS, linewidth=0.7)
        _race_line(axes, race_day)
        _style(axes, ylabel="load (AU/day)")
        axes.set_xlim(-0.6, max(len(load_au), 1) - 0.4)
        _week_ticks(axes, week_starts)
        _legend(figure, axes, columns=4)
        return _inline_svg(figure, key=key, label=label)


def nutrition_chart(
    *,
    protein_kcal: Sequence[float],
    carbohydrate_kcal: Sequence[float],
    fat_kcal: Sequence[float],
    expenditure_kcal: Sequence[float | None],
    week_starts: Sequence[int],
    race_day: int | None,
    label: str,
    key: str,
) -> str:
    """Daily energy target split into macronutrients (stacked bars) and expenditure (line).

    Args:
        protein_kcal: energy from protein, per day (0 on days without targets).
        carbohydrate_kcal: energy from carbohydrate, per day.
        fat_kcal: energy from fat, per day.
        expenditure_kcal: estimated expenditure per day; ``None`` on days without targets
            (the line is broken there).
        week_starts: day indices on which the plan's weeks start.
        race_day: day index of the race, if any.
        label: accessible name of the chart.
        key: the chart's element id is ``{key}-svg``; unique in the page.
    """
    import matplotlib as mpl  # noqa: PLC0415 - lazy

    with mpl.rc_context(_STYLE):
        figure = _new_figure()
        axes = figure.add_subplot()
        days = list(range(len(protein_kcal)))
        bottom = [0.0] * len(days)
        for name, colour, values in (
            ("protein", "#b91c1c", protein_kcal),
            ("carbohydrate", "#f59e0b", carbohydrate_kcal),
            ("fat", "#65a30d", fat_kcal),
        ):
            axes.bar(days, values, width=0.8, bottom=bottom, color=colour, label=name)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        expenditure = [float("nan") if v is None else v for v in expenditure_kcal]
        axes.plot(
            range(len(expenditure)), expenditure, color=INK, linewidth=1.1, label="expenditure"
        )
        _race_line(axes, race_day)
        _style(axes, ylabel="energy (kcal/day)")
        axes.set_xlim(-0.6, max(len(days), 1) - 0.4)
        _week_ticks(axes, week_starts)
        _legend(figure, axes, columns=4)
        return _inline_svg(figure, key=key, label=label)
