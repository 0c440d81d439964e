"""The commitments table in the formats committee staff use: a readable text table,
Markdown, CSV, XLSX and JSON (full records, every citation included)."""
from __future__ import annotations

import csv
import io
import json
import textwrap
from collections import Counter
from pathlib import Path

from assistant.commitments import TABLE_COLUMNS, table_rows
from index.commitments import Record

FORMATS = ("table", "md", "csv", "xlsx", "json")


def to_json(records: list[Record]) -> str:
    return json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=1)


def to_csv(records: list[Record]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TABLE_COLUMNS)
    writer.writeheader()
    writer.writerows(table_rows(records))
    return out.getvalue()


def write_xlsx(records: list[Record], path: Path) -> None:
    from openpyxl import Workbook  # only this format needs it
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Commitments"
    sheet.append(list(TABLE_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table_rows(records):
        sheet.append([row[c] for c in TABLE_COLUMNS])
    widths = {"status_quote": 60, "commitments": 80, "financial_implications": 50, "title": 40, "document": 36}
    for index, column in enumerate(TABLE_COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = widths.get(column, 14)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    book.save(path)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def to_markdown(records: list[Record]) -> str:
    columns = ("document", "number", "title", "status", "status_quote", "commitments", "deadlines", "money_gbp", "financial_implications")
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in table_rows(records):
        lines.append("| " + " | ".join(_md_cell(str(row[c])) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def to_table(records: list[Record], width: int = 100) -> str:
    """For a terminal: one block per record, grouped by document."""
    if not records:
        return "No commitments records match.\n"
    per_document = Counter(r.doc_id for r in records)
    out: list[str] = []
    current = None
    for record, row in zip(records, table_rows(records)):
        if record.doc_id != current:
            current = record.doc_id
            out.append(f"\n{record.doc_title}  ({record.doc_id}, {per_document[current]} records)")
            out.append("=" * min(width, len(out[-1])))
        head = f"{record.kind.capitalize()} {record.number}"
        if record.title:
            head += f": {record.title}"
        out.append(f"{head}  [{row['status'].upper()}]" + (f"  (answered with {row['answered_with']})" if row["answered_with"] else ""))
        if record.status_quote:
            out.append(textwrap.fill(f"“{record.status_quote}” (p. {row['status_page']})", width, initial_indent="  ", subsequent_indent="    "))
        for commitment in record.commitments[:3]:
            extra = ", ".join(x for x in (commitment.deadline and f"due {commitment.deadline}",
                                         commitment.amount_texts and " ".join(commitment.amount_texts)) if x)
            out.append(textwrap.fill(f"- {commitment.text}" + (f" [{extra}]" if extra else "") + f" (p. {commitment.evidence.page})",
                                     width, initial_indent="  ", subsequent_indent="    "))
        if len(record.commitments) > 3:
            out.append(f"  … {len(record.commitments) - 3} more commitments (--format json for all)")
        if record.financial_implications:
            out.append(textwrap.fill(f"Financial implications: {record.financial_implications}", width, initial_indent="  ",
                                     subsequent_indent="    ", max_lines=3, placeholder=" …"))
    return "\n".join(out).lstrip("\n") + "\n"
