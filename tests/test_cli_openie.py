"""`kg openie FILE --format carb`."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main


def test_openie_writes_carb_lines(tmp_path):
    src = tmp_path / "sents.txt"
    src.write_text("Kim visited Moscow .\n\nThe troops were sent to Russia by Kim .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["openie", str(src), "--format", "carb"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert ["Kim visited Moscow .", "visited", "Kim", "Moscow"] in [[r[0], *r[2:]] for r in rows]
    assert any(r[2] == "were sent to" and r[3] == "The troops" for r in rows)
    assert all(0 < float(r[1]) < 1 for r in rows)


def test_openie_reads_stdin_and_filters_by_confidence():
    result = CliRunner().invoke(main, ["openie", "-", "--min-confidence", "0.99"], input="Kim visited Moscow .\n")
    assert result.exit_code == 0 and result.output == ""


def test_openie_missing_file_is_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["openie", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "E100" in result.output and "Traceback" not in result.output


def test_openie_unknown_format_is_a_usage_error(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text("Kim left .\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["openie", str(src), "--format", "json"]).exit_code == 2
