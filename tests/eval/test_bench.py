"""The benchmark command on the bundled corpus, small: every part runs and its figures say
what a user of them needs (one changed document re-embeds only itself)."""
import json
from pathlib import Path

from eval.bench.__main__ import main


def test_benchmarks_run_and_report(tmp_path, capsys):
    out = tmp_path / "bench.json"
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    assert main(["--corpus", str(corpus), "--parts", "build,baseline,scale", "--scale", "500", "--vectors", "5000",
                 "--out", str(out)]) == 0
    figures = json.loads(out.read_text())
    build = figures["corpora"][0]["build"]
    assert build["documents"] == 1 and build["chunks"] > 10 and build["sentences"] > build["chunks"]
    assert set(build["stages"]) >= {"load_parse", "chunk", "embed", "write"}
    assert 0 < build["model_encode"]["all_seconds"] and build["build_to_encode_ratio"] > 0
    changed = build["one_changed_rebuild"]
    assert changed["file"] == "welsh-gov-response-social-cohesion-2025.txt" and changed["embedded_chunks"] > 0
    baseline = figures["corpora"][0]["baseline"]
    assert baseline["chunks"] > 0 and baseline["query"]["n"] > 0
    size = figures["scale"][0]
    assert size["chunks"] == 500 and size["full_answer"]["n"] > 0 and size["llama_index_baseline"]["load_seconds"] > 0
    assert size["vector_index"] == "flat" and size["retrieval_first_pass"]["n"] == size["retrieval"]["n"]
    vectors = figures["vectors"]
    assert vectors["ivf"]["index_file_mb"] < vectors["flat"]["index_file_mb"]  # 8-bit codes, not 32-bit floats
    recalls = [row["recall@10"] for row in vectors["ivf"]["probes"]]
    assert all(0 <= r <= 1 for r in recalls) and recalls == sorted(recalls)  # more probes never find less
    assert "build / ceiling" in capsys.readouterr().out
