"""Whatever bytes a file holds, reading it gives Documents with valid spans or InputErrors, nothing else."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import iter_documents

PIECES = list("Cho said \"no\" <b>&amp;</b> \\ \n\r\t.,:;#*-_>[]()") + [
    "\u200b", "\u202e", "\u2028", "\x00", "\x1b", "\x85", "\ufeff", "é", "’", "😀", "한", "Ж",
    "Source: ", "4 Responses", "\n---\n", "```", "{\"text\": \"", "<script>", "Share",
]
HOSTILE = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


def check(folder: Path) -> None:
    errors: list[InputError] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for doc in iter_documents([folder], on_error=errors.append):
            previous = 0
            for start, end in doc.body:
                assert previous <= start < end <= len(doc.text)
                previous = end
    for err in errors:
        assert err.code in {"E101", "E102", "E103", "E104"}, err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_random_bytes_never_crash_the_reader(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"a{suffix}").write_bytes(data)
        check(Path(folder))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE, suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]), encoding=st.sampled_from(["utf-8", "utf-16"]))
def test_hostile_text_never_crashes_the_reader(text, suffix, encoding):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"a{suffix}").write_bytes(text.encode(encoding, errors="surrogatepass"))
        check(Path(folder))
