"""Draw docs/review-page.png: the first page of a review copy, as LibreOffice lays it out, with its comments.

    python docs/review_picture.py [DRAFT] [-o docs/review-page.png]

Steps: ``esa-rules check DRAFT -f docx`` writes the review copy; LibreOffice prints it to PDF with each
Word comment as a PDF note at the place it is anchored; pdftoppm renders the page. LibreOffice 7.5 and
later can put the comments themselves in the margin (``ExportNotesInMargin``); 7.4, the version on
Debian 12, cannot, so this script reads each note's position and text from the PDF and draws the text
in a margin beside the page, with a line to the note's marker (chromium, through playwright, draws it).
Each card shows a comment's first two lines (what and why); the Word file has the model wording too.
Needs the test extras, LibreOffice, poppler-utils and chromium; pngquant, where installed, shrinks the PNG. A tool for the docs, not a test.
"""

from __future__ import annotations

import argparse
import base64
import html
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
SCALE = 1.2  # PNG pixels per PDF point (pdftoppm at 86 dpi)
MARGIN = 420  # width of the comment column, in pixels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", nargs="?", default=str(ROOT / "sample_texts" / "draft_chapter.md"))
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "review-page.png"))
    parser.add_argument("--crop", type=float, default=1.0, help="the top part of the page to show (0-1]")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        review = work / (Path(args.draft).stem + ".review.docx")
        subprocess.run(["esa-rules", "check", args.draft, "-f", "docx", "-o", str(review)], check=False)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                        NOTES, "--outdir", str(work), str(review)], check=True, capture_output=True)
        pdf = review.with_suffix(".pdf")
        subprocess.run(["pdftoppm", "-r", str(int(72 * SCALE)), "-f", "1", "-l", "1", "-png", str(pdf),
                        str(work / "page")], check=True, capture_output=True)
        page = next(work.glob("page*.png"))
        notes = _notes(pdf)
        _draw(page, notes, work / "view.html", Path(args.output), args.crop)
    if shutil.which("pngquant"):  # a 256-colour palette keeps the picture small enough for a README
        subprocess.run(["pngquant", "--quality", "60-90", "--speed", "1", "--strip", "--force", "--output",
                        args.output, args.output], check=True)
    print(f"wrote {args.output}: {len(notes)} comments on page 1 (those on the part shown are drawn)")


def _notes(pdf: Path) -> list[tuple[float, float, str]]:
    """(x, y) in pixels from the page's top left, and the text, of each note on page 1, top to bottom."""
    from pypdf import PdfReader

    page = PdfReader(pdf).pages[0]
    height = float(page.mediabox.height)
    found = []
    for ref in page.get("/Annots", []):
        note = ref.get_object()
        if note.get("/Subtype") != "/Text":
            continue
        x0, _, _, y1 = (float(v) for v in note["/Rect"])
        found.append((x0 * SCALE, (height - y1) * SCALE, str(note.get("/Contents", ""))))
    return sorted(found, key=lambda n: (n[1], n[0]))


def _draw(page: Path, notes: list[tuple[float, float, str]], view: Path, output: Path, crop: float) -> None:
    """The page (its top ``crop`` part) and a margin of comment cards; the browser lays the cards out top
    to bottom, each no higher than its marker, then draws a line from each marker to its card."""
    from playwright.sync_api import sync_playwright

    image = base64.b64encode(page.read_bytes()).decode()
    width, height = 612 * SCALE, 792 * SCALE * crop
    cards = []
    for x, y, text in notes:
        if y > height - 20:
            continue
        head, _, rest = text.partition("\n")
        body = rest.split("\n")[0]  # what is wrong; the model wording is left to the real comment
        cards.append(f'<div class="card" data-x="{x:.0f}" data-y="{y:.0f}"><b>{html.escape(head)}</b>'
                     f"<br>{html.escape(body)}</div>")
    view.write_text(f"""<!DOCTYPE html><html><head><style>
body {{ margin: 0; font: 10px/12px sans-serif; background: #fff; }}
.page {{ position: absolute; left: 0; top: 0; width: {width:.0f}px; height: {height:.0f}px;
         background: url(data:image/png;base64,{image}) no-repeat 0 0 / {width:.0f}px auto;
         border-right: 1px solid #bbb; }}
.card {{ position: absolute; left: {width + 14:.0f}px; width: {MARGIN - 26}px; padding: 1px 5px;
         background: #fff8c5; border-left: 3px solid #d4a72c; white-space: nowrap; overflow: hidden;
         text-overflow: ellipsis; }}
svg {{ position: absolute; left: 0; top: 0; }}
line {{ stroke: #d4a72c; stroke-width: 1; }}
</style></head><body><div class="page"></div><svg id="wires"></svg>{"".join(cards)}
<script>
let bottom = 4, svg = document.getElementById("wires"), lines = "";
for (const card of document.querySelectorAll(".card")) {{
  const x = +card.dataset.x, y = +card.dataset.y, top = Math.max(bottom, y - 6);
  card.style.top = top + "px";
  bottom = top + card.offsetHeight + 3;
  lines += `<line x1="${{x + 8}}" y1="${{y + 8}}" x2="{width + 14:.0f}" y2="${{top + 7}}"/>`;
}}
const total = Math.max({height:.0f}, bottom + 4);
svg.setAttribute("width", {width + MARGIN:.0f}); svg.setAttribute("height", total);
svg.innerHTML = lines; document.body.style.height = total + "px"; window.bottom = bottom;
</script></body></html>""", encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-lcd-text"])
        tab = browser.new_page(viewport={"width": int(width + MARGIN), "height": int(height)})
        tab.goto(view.as_uri())
        # from just above the first marker to just below the last card or marker: no blank page margins
        top = max(0.0, min((y for _, y, _ in notes), default=0.0) - 30)
        bottom = max(float(tab.evaluate("window.bottom")), max((y for _, y, _ in notes), default=0.0) + 70)
        tab.set_viewport_size({"width": int(width + MARGIN), "height": int(max(height, bottom))})
        tab.screenshot(path=str(output), clip={"x": 0, "y": top, "width": width + MARGIN,
                                               "height": min(bottom, height) - top})
        browser.close()


if __name__ == "__main__":
    main()
