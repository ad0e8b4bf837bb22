"""Small, real PDF files for the demo's downloads, rendered with WeasyPrint."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..sanitize import sanitize_html

# The PDF's own styles; it is a file for download, never served as a page, so the
# site's CSP does not apply to it.
STYLES = """
@page { size: A4; margin: 22mm 20mm; @bottom-center { content: counter(page) " / " counter(pages);
  font-size: 9pt; color: #555; } }
body { font-family: serif; font-size: 11pt; line-height: 1.45; color: #1b1b1b; }
h1 { font-family: sans-serif; font-size: 20pt; margin: 0 0 4mm; color: #123; }
h2 { font-family: sans-serif; font-size: 13pt; margin: 6mm 0 2mm; color: #123; }
h3 { font-family: sans-serif; font-size: 11.5pt; margin: 4mm 0 1mm; }
.meta { font-family: sans-serif; font-size: 9.5pt; color: #555; margin-bottom: 5mm; }
.lead { font-size: 12pt; font-style: italic; }
blockquote { margin: 4mm 8mm; padding-left: 4mm; border-left: 2pt solid #1f6f8b; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 0.5pt solid #999; padding: 1.5mm; text-align: left; vertical-align: top; }
a { color: #1f4f8b; }
"""


def brief_html(*, title: str, summary: str, body: str, authors: list[str], date: str) -> str:
    return format_html(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{}</title>'
        "<style>{}</style></head><body><h1>{}</h1>"
        '<p class="meta">{} · {}</p><p class="lead">{}</p>{}</body></html>',
        title,
        mark_safe(STYLES),
        title,
        format_html_join(", ", "{}", ((name,) for name in authors)),
        date,
        summary,
        mark_safe(sanitize_html(body)),
    )


def brief_pdf(*, title: str, summary: str, body: str, authors: list[str], date: str) -> bytes:
    """The post as a printable brief: title, authors, date, summary and body."""
    from weasyprint import HTML  # heavy: imported only when a PDF is made

    html = brief_html(title=title, summary=summary, body=body, authors=authors, date=date)
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()


def _no_fetching(url, *args, **kwargs):
    # Demo PDFs embed nothing: refuse every external resource.
    raise ValueError(f"Demo PDFs load no resources: {url}")
