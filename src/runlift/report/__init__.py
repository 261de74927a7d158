"""The athlete's report: one model, rendered as an HTML page and an A4 PDF, with charts.

``build.build_report`` words and formats a plan into a ``model.Report``;
``html.report_html`` renders it with the Jinja template in ``templates/``;
``pdf.report_pdf`` lays it out with ReportLab; ``charts`` draws the charts for
both (SVG and ReportLab drawings) from the series ``figures`` computes.

An adapter: it may import the file formats' wording (``runlift.io``), the
programme's baseline, the rules, the domain, the science and the base modules;
it works on objects, strings and bytes, never on paths (``fonts`` only names
system font files for ReportLab to find on its own search path).
"""
