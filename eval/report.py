"""report.md and a self-contained report.html (plots as PNG, embedded in the HTML)."""
from __future__ import annotations

import base64
import html
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on servers and in CI
import matplotlib.pyplot as plt  # noqa: E402

from eval.metrics import HEADLINE  # noqa: E402



def _plots(out_dir: Path, summary: dict, rows: list) -> list[tuple[str, str]]:
    made = []
    docs = summary.get("by_doc", {})
    if docs:
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(docs) + 1.2))
        names = list(docs)
        values = [docs[d]["accuracy"] or 0.0 for d in names]
        ax.barh(names, values, color="#2b6cb0")
        ax.set_xlim(0, 1)
        ax.set_xlabel("accuracy (answerable: gold in answer; unanswerable: abstained)")
        ax.invert_yaxis()
        for y, v in enumerate(values):
            ax.text(min(v + 0.01, 0.93), y, f"{v:.2f}", va="center", fontsize=8)
        fig.tight_layout()
        fig.savefig(out_dir / "accuracy_by_document.png", dpi=110)
        plt.close(fig)
        made.append(("accuracy_by_document.png", "Accuracy by document"))

    ranks = [s["evidence_rank"] for i, _, s in rows if s["answerable"] and i.get("evidence")]
    if ranks:
        ks = list(range(1, 11))
        curve = [sum(1 for r in ranks if r is not None and r <= k) / len(ranks) for k in ks]
        fig, ax = plt.subplots(figsize=(6, 3.5))
        ax.plot(ks, curve, marker="o", color="#2f855a")
        ax.set_ylim(0, 1.02)
        ax.set_xticks(ks)
        ax.set_xlabel("k (retrieved chunks)")
        ax.set_ylabel("evidence hit@k")
        ax.grid(alpha=0.3)
        fig.tight_layout()
        fig.savefig(out_dir / "hit_at_k.png", dpi=110)
        plt.close(fig)
        made.append(("hit_at_k.png", "Evidence hit@k"))

    latencies = [r["timings_ms"]["total"] for _, r, _ in rows if r.get("timings_ms")]
    if latencies:
        fig, ax = plt.subplots(figsize=(6, 3.5))
        ax.hist(latencies, bins=min(30, max(5, len(latencies) // 3)), color="#805ad5")
        ax.set_xlabel("latency per question (ms)")
        ax.set_ylabel("questions")
        fig.tight_layout()
        fig.savefig(out_dir / "latency.png", dpi=110)
        plt.close(fig)
        made.append(("latency.png", "Latency"))
    return made


def _failures(rows: list, retrieval_only: bool) -> list[dict]:
    out = []
    for item, result, s in rows:
        failed = (s["evidence_rank"] is None and s["answerable"]) if retrieval_only else not s["correct"]
        if not failed:
            continue
        top = result["retrieved"][0]["text"] if result.get("retrieved") else ""
        out.append({
            "id": item["id"],
            "question": item["question"],
            "expected": " | ".join(item.get("answers") or []) if item.get("answerable", True) else "(abstain)",
            "got": "(abstained)" if result.get("abstained") else result.get("answer", ""),
            "evidence_rank": s["evidence_rank"],
            "top": top[:400] + ("…" if len(top) > 400 else ""),
        })
    return out


def _fmt(value) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def write_report(out_dir: Path, summary: dict, rows: list) -> None:
    plots = _plots(out_dir, summary, rows)
    failures = _failures(rows, summary.get("retrieval_only", False))
    cell = lambda t: str(t).replace("|", "\\|").replace("\n", " ")

    md = [f"# Evaluation: {summary['set']}", "",
          f"{summary['questions']} questions ({summary['answerable']} answerable, {summary['unanswerable']} unanswerable); "
          f"index {summary['index']}; k={summary['k']}; retrieval only: {summary['retrieval_only']}.", "",
          "| metric | value |", "| --- | --- |"]
    md += [f"| {name} | {_fmt(summary.get(name))} |" for name in HEADLINE]
    for group in ("by_doc", "by_tag"):
        if summary.get(group):
            md += ["", f"## {'By document' if group == 'by_doc' else 'By tag'}", "",
                   "| | questions | accuracy | hit@5 | MRR | citation support |", "| --- | --- | --- | --- | --- | --- |"]
            md += [f"| {name} | {b['questions']} | {_fmt(b['accuracy'])} | {_fmt(b['evidence_hit@5'])} | {_fmt(b['mrr'])} | {_fmt(b['citation_support'])} |"
                   for name, b in summary[group].items()]
    md += [""] + [f"![{title}]({file})" for file, title in plots]
    md += ["", f"## Failures ({len(failures)})", "", "| id | question | expected | got | evidence rank | top retrieved passage |",
           "| --- | --- | --- | --- | --- | --- |"]
    md += [f"| {f['id']} | {cell(f['question'])} | {cell(f['expected'])} | {cell(f['got'])} | {_fmt(f['evidence_rank'])} | {cell(f['top'])} |"
           for f in failures]
    (out_dir / "report.md").write_text("\n".join(md) + "\n", encoding="utf-8")

    e = html.escape
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Ateb evaluation</title><style>",
             "body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}"
             "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:14px}th{background:#f3f3f3}"
             "img{max-width:100%;margin:1em 0;display:block}.top{font-size:12px;color:#444}",
             "</style></head><body>", f"<h1>Evaluation: {e(summary['set'])}</h1>",
             f"<p>{summary['questions']} questions ({summary['answerable']} answerable, {summary['unanswerable']} unanswerable); "
             f"index {e(summary['index'])}; k={summary['k']}; retrieval only: {summary['retrieval_only']}.</p>",
             "<table><tr><th>metric</th><th>value</th></tr>"]
    parts += [f"<tr><td>{e(name)}</td><td>{_fmt(summary.get(name))}</td></tr>" for name in HEADLINE]
    parts.append("</table>")
    for group in ("by_doc", "by_tag"):
        if summary.get(group):
            parts.append(f"<h2>{'By document' if group == 'by_doc' else 'By tag'}</h2><table><tr><th></th><th>questions</th>"
                         "<th>accuracy</th><th>hit@5</th><th>MRR</th><th>citation support</th></tr>")
            parts += [f"<tr><td>{e(n)}</td><td>{b['questions']}</td><td>{_fmt(b['accuracy'])}</td><td>{_fmt(b['evidence_hit@5'])}</td>"
                      f"<td>{_fmt(b['mrr'])}</td><td>{_fmt(b['citation_support'])}</td></tr>" for n, b in summary[group].items()]
            parts.append("</table>")
    for file, title in plots:
        data = base64.b64encode((out_dir / file).read_bytes()).decode()
        parts.append(f"<h2>{e(title)}</h2><img alt='{e(title)}' src='data:image/png;base64,{data}'>")
    parts.append(f"<h2>Failures ({len(failures)})</h2><table><tr><th>id</th><th>question</th><th>expected</th><th>got</th>"
                 "<th>evidence rank</th><th>top retrieved passage</th></tr>")
    parts += [f"<tr><td>{e(f['id'])}</td><td>{e(f['question'])}</td><td>{e(f['expected'])}</td><td>{e(f['got'])}</td>"
              f"<td>{_fmt(f['evidence_rank'])}</td><td class='top'>{e(f['top'])}</td></tr>" for f in failures]
    parts.append("</table></body></html>")
    (out_dir / "report.html").write_text("".join(parts), encoding="utf-8")
