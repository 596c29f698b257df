"""Readers: fixture documents in every format, written by the libraries that write them.

The `render_*` helpers here are also used by tests/test_convert.py and bench/convert_tree.py to
turn a corpus release (plain text: paragraphs split by blank lines, tables as tab-separated
rows) into each format.
"""

from __future__ import annotations

import io
import zipfile
from html import escape
from pathlib import Path

import pytest

from releaseparse.readers import FORMATS, ReadError, read_bytes, read_file

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
EXAMPLE = CORPUS / "train" / "016_gtwc_europe_monza_2023.txt"
FONT_PATHS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]


def paragraphs(text: str) -> list[list[str]]:
    """Blocks of the release; each block a list of lines (table rows have tabs)."""
    return [block.split("\n") for block in text.strip().split("\n\n") if block.strip()]


def render_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for block in paragraphs(text):
        if any("\t" in line for line in block):
            rows = [line.split("\t") for line in block]
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for row, cells in zip(table.rows, rows):
                for cell, value in zip(row.cells, cells):
                    cell.text = value
        else:
            for line in block:
                document.add_paragraph(line)
    document.sections[0].header.paragraphs[0].text = "RUNNING HEADER OF THE DOCX"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_odt(text: str) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentText()
    for block in paragraphs(text):
        if any("\t" in line for line in block):
            rows = [line.split("\t") for line in block]
            table = Table(name=f"t{id(block)}")
            table.addElement(TableColumn(numbercolumnsrepeated=max(len(r) for r in rows)))
            for cells in rows:
                tr = TableRow()
                for value in cells:
                    tc = TableCell()
                    tc.addElement(P(text=value))
                    tr.addElement(tc)
                table.addElement(tr)
            document.text.addElement(table)
        else:
            for line in block:
                document.text.addElement(P(text=line))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def rtf_escape(line: str) -> str:
    out = []
    for ch in line:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\tab ")
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append("\\'%02x" % ch.encode("cp1252")[0])
            except UnicodeEncodeError:
                code = ord(ch) if ord(ch) < 32768 else ord(ch) - 65536
                out.append(f"\\u{code}?")
    return "".join(out)


def render_rtf(text: str) -> bytes:
    body = "\\par\n".join(rtf_escape(line) for block in paragraphs(text) for line in block + [""])
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs22\n" + body + "}").encode("ascii")


def render_html(text: str, encoding: str = "utf-8") -> bytes:
    body = []
    for block in paragraphs(text):
        if any("\t" in line for line in block):
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in line.split("\t")) + "</tr>"
                           for line in block)
            body.append(f"<table>{rows}</table>")
        else:
            body.extend(f"<p>{escape(line)}</p>" for line in block)
    page = (f'<!DOCTYPE html><html><head><meta charset="{encoding}"><title>Press</title></head><body>'
            '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">NAVIGATION MENU NEWS</a></li>'
            '<li><a href="/shop">Shop</a></li></ul></nav>'
            f'<article>{"".join(body)}</article>'
            '<footer><p>COPYRIGHT FOOTER OF THE SITE. All rights reserved.</p></footer></body></html>')
    return page.encode(encoding, errors="xmlcharrefreplace")


def render_md(text: str) -> bytes:
    out = []
    for i, block in enumerate(paragraphs(text)):
        if any("\t" in line for line in block):
            rows = [line.split("\t") for line in block]
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            out.append("| " + " | ".join(rows[0]) + " |\n|" + "---|" * width)
            out.extend("| " + " | ".join(r) + " |" for r in rows[1:])
            out.append("")
        else:
            prefix = "# " if i == 0 else ""
            out.extend(prefix + line.replace("*", "\\*").replace("_", "\\_") + "\n" for line in block)
    return "\n".join(out).encode("utf-8")


def pdf_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    import reportlab

    if "Body" not in pdfmetrics.getRegisteredFontNames():
        candidates = [*FONT_PATHS, Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"]
        font = next(p for p in candidates if p.exists())
        pdfmetrics.registerFont(TTFont("Body", str(font)))
    return "Body"


def render_pdf(text: str, *, scanned: bool = False, encrypt: str | None = None,
               lines_per_page: int = 40) -> bytes:
    """A text-layer PDF with a running header and "Page n of m" footer on each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    font = pdf_font()
    width, height = A4
    lines: list[str] = []
    for block in paragraphs(text):
        for line in block:
            if "\t" in line:
                lines.append("    ".join(line.split("\t")))
            else:
                lines.extend(simpleSplit(line, font, 10, width - 144) or [""])
        lines.append("")
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, encrypt=encrypt)
    for number, page in enumerate(pages, 1):
        if scanned:
            pdf.rect(72, 72, width - 144, height - 144, fill=1)
        else:
            pdf.setFont(font, 8)
            pdf.drawString(72, height - 40, "Falkenrath Racing – Media Information")
            pdf.drawString(width / 2, 30, f"Page {number} of {len(pages)}")
            pdf.setFont(font, 10)
            y = height - 80
            for line in page:
                pdf.drawString(72, y, line)
                y -= 14
        pdf.showPage()
    pdf.save()
    return out.getvalue()


RENDER = {".txt": lambda t: t.encode("utf-8"), ".md": render_md, ".html": render_html,
          ".docx": render_docx, ".pdf": render_pdf, ".rtf": render_rtf, ".odt": render_odt}


def words(text: str) -> list[str]:
    return text.split()


@pytest.fixture(scope="module")
def example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", sorted(RENDER))
def test_every_format_reads_back_the_release(example, suffix):
    read = read_bytes(RENDER[suffix](example), suffix)
    assert read.format == FORMATS[suffix].replace("text", "txt").replace("markdown", "md")
    assert words(read.text) == words(example)


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".html", ".md", ".pdf"])
def test_tables_keep_rows_as_tab_separated_lines(example, suffix):
    text = read_bytes(RENDER[suffix](example), suffix).text
    assert "1\tOstrava Motorsport\t25" in text


def test_docx_leaves_out_the_running_header(example):
    assert "RUNNING HEADER" not in read_bytes(render_docx(example), ".docx").text


def test_html_takes_the_main_text_not_menus(example):
    text = read_bytes(render_html(example), ".html").text
    assert "NAVIGATION MENU" not in text and "COPYRIGHT FOOTER" not in text
    assert "Falkenrath Racing opened its second season" in text


def test_html_in_a_declared_legacy_encoding():
    page = render_html("Double podium for Andreas Bäckman at Estoril.\n", encoding="iso-8859-1")
    read = read_bytes(page, ".html")
    assert "Bäckman" in read.text and read.encoding == "iso-8859-1"


def test_rtf_reports_its_code_page(example):
    read = read_bytes(render_rtf(example), ".rtf")
    assert read.encoding == "cp1252" and "Ferraresi" in read.text


def test_pdf_joins_pages_and_drops_running_heads(example):
    data = render_pdf(example, lines_per_page=12)
    text = read_bytes(data, ".pdf").text
    assert "Media Information" not in text and "Page 1 of" not in text
    assert words(text) == words(example)
    # a paragraph wrapped over several PDF lines is one line again
    first = next(line for line in example.splitlines() if len(line) > 200)
    assert first in text


def test_pdf_rejoins_words_hyphenated_across_lines():
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFont(pdf_font(), 10)
    pdf.drawString(72, 700, "Vernay leads the championship after a strong weekend in which he took the cham-")
    pdf.drawString(72, 686, "pionship lead from Jean-Karl's rival for the second time this season.")
    pdf.save()
    text = read_bytes(out.getvalue(), ".pdf").text
    assert "took the championship lead" in text


def test_scanned_pdf_asks_for_ocr():
    with pytest.raises(ReadError, match="needs OCR"):
        read_bytes(render_pdf("Some text\n", scanned=True), ".pdf")


def test_encrypted_pdf_needs_a_password(example):
    with pytest.raises(ReadError, match="encrypted"):
        read_bytes(render_pdf(example, encrypt="secret"), ".pdf")


def test_markdown_keeps_list_numbers_and_link_addresses():
    text = read_bytes(b"# Title\n\n1. Jean-Karl Vernay 61\n2. Gilles Magnus 48\n\n"
                      b"Photos: [gallery](http://bit.ly/photos)\n", ".md").text
    assert "1. Jean-Karl Vernay 61\n\n2. Gilles Magnus 48" in text
    assert "http://bit.ly/photos" in text and "#" not in text


def test_text_detects_legacy_encoding_and_repairs_mojibake():
    assert read_bytes("Bäckman wins in Hämeenlinna\n".encode("cp1252"), ".txt").text.startswith("Bäckman")
    assert read_bytes("BÃ¤ckman wins\n".encode("utf-8"), ".txt").text.startswith("Bäckman")


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    "suffix, make, reason",
    [
        (".txt", lambda ex: b"", "empty file"),
        (".txt", lambda ex: bytes(range(256)) * 40, "binary"),
        (".docx", lambda ex: truncated(render_docx(ex)), "docx"),
        (".odt", lambda ex: truncated(render_odt(ex)), "odt"),
        (".pdf", lambda ex: truncated(render_pdf(ex)), "(?i)pdf"),
        (".pdf", lambda ex: b"%PDF-1.4\n" + bytes(range(256)) * 10, "(?i)pdf"),
        (".pdf", lambda ex: b"GIF89a not a pdf", "not a PDF"),
        (".rtf", lambda ex: b"plain words", "RTF"),
        (".docx", lambda ex: zip_without_document(), "docx"),
        (".html", lambda ex: bytes(range(256)) * 40, "binary"),
        (".xyz", lambda ex: b"data", "unsupported"),
    ],
)
def test_bad_documents_give_one_line_errors(example, suffix, make, reason):
    with pytest.raises(ReadError, match=reason) as caught:
        read_bytes(make(example), suffix)
    assert "\n" not in str(caught.value)


def zip_without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "not word")
    return out.getvalue()


def test_large_files_are_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 2**20)
    with pytest.raises(ReadError, match="larger than"):
        read_file(big)


def test_unreadable_file_is_a_read_error(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("text")

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ReadError, match="Permission denied"):
        read_file(path)
