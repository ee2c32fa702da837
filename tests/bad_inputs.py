"""A folder of the bad and odd inputs scraped corpora hold, for the whole-pipeline tests.

Each entry says what the build must do with it: ``built`` (a graph), ``skipped``
(an error naming the file and the reason; the build goes on and fails at the end),
``left_out`` (a warning: not English) or ``warned`` (a warning only: a file type
claimgraph does not read, a duplicate).
"""

from __future__ import annotations

import codecs
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

ENGLISH = (
    "Flood report\n\n"
    "Heavy rain flooded the river town of Marlow on Tuesday, the council said. About 200 homes were damaged "
    "and the army sent 50 soldiers to help. The mayor said the town would need months to recover.\n"
)
LATIN1 = (
    "Café owners protest\n\n"
    "The owners of the café Zoë in Nîmes closed their doors on Friday, the union said. "
    "They said the new rent was too high for a small business.\n"
)
UTF16 = (
    "Bridge closed\n\n"
    "Engineers closed the old bridge over the Severn on Monday after they found cracks, the agency said. "
    "Drivers must use the new bridge until the repairs end in May.\n"
)
GERMAN = (
    "Die Regierung hat am Montag neue Soldaten an die Front geschickt, sagte die Agentur. Der Minister "
    "erklärte, dass die Truppen bis zum Winter bleiben werden und die Lage sei ernst für die Menschen im Land."
)
RUSSIAN = (
    "Правительство в понедельник отправило новых солдат на фронт, сообщило агентство. Министр заявил, что "
    "войска останутся до зимы."
)
KOREAN = "북한은 지난 가을부터 약 1만5천 명의 병사를 러시아에 파병했다고 국가정보원이 월요일에 밝혔다. 사망자는 600명에 달한다."
HTML = """<!doctype html><html><head><title>Port strike ends</title>
<style>body { color: red } .nav { display: none }</style>
<script>var tracker = "Evil Corp bought the whole town"; window.alert("the script said so");</script>
<meta property="og:site_name" content="Harbour Times"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Port strike ends</h1>
<p>Dock workers in Felixstowe ended their strike on Wednesday after the company raised wages by 7 percent,
the union said.</p>
<p>The company said that ships would be unloaded again from Thursday morning.</p></article>
<footer>Copyright Harbour Times. Subscribe to our newsletter.</footer>
<script>document.write("The footer script claimed victory")</script></body></html>
"""
RUN = " ".join(f"item{i} apples pears plums" for i in range(3000))  # 80,000 characters, no sentence end
LONG_RUN = (
    "Market report\n\nTraders in Leeds said that prices rose sharply on Monday.\n\n" + RUN
    + "\n\nThe market closes at noon on Saturdays, the council said.\n"
)


@dataclass(frozen=True)
class Case:
    name: str  # file name inside the folder
    outcome: str  # built | skipped | left_out | warned
    reason: str = ""  # a fragment of the message for skipped / left-out / warned files


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", ENGLISH)
    return buffer.getvalue()


def make_bad_corpus(folder: Path) -> list[Case]:
    """Write the corpus into ``folder``; return what should become of each file."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def put(name: str, data: bytes | str, outcome: str, reason: str = "") -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        cases.append(Case(name, outcome, reason))

    put("good.txt", ENGLISH, "built")
    put("empty.txt", b"", "skipped", "empty")
    put("blank.txt", " \n\t\n  \r\n", "skipped", "whitespace")
    put("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n" + bytes(range(256)) * 4,
        "skipped", "PDF")
    put("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "skipped", "PNG")
    put("archive.txt", _zip_bytes(), "skipped", "binary")
    put("scan.pdf", b"%PDF-1.4\n" + bytes(range(256)), "warned", "does not read .pdf")
    put("latin1.txt", LATIN1.encode("latin-1"), "built")
    put("utf16.txt", codecs.BOM_UTF16_LE + UTF16.encode("utf-16-le"), "built")
    put("broken-utf8.txt", ENGLISH.encode("utf-8")[:60] + b"\xff\xfe\xc3(\xa0\xa1" + ENGLISH.encode("utf-8")[60:],
        "built")
    put("page.html", HTML, "built")
    put("german.txt", GERMAN, "left_out", "'de'")
    put("russian.txt", RUSSIAN, "left_out", "'ru'")
    put("korean.txt", KOREAN, "left_out", "'ko'")
    put("same-as-good.txt", ENGLISH, "warned", "same text as")
    put("long-run.txt", LONG_RUN, "built")
    lines = [
        json.dumps({"text": UTF16.replace("Severn", "Thames"), "publisher": "Wire"}),
        '{"text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"title": "no text field"}),
        json.dumps({"text": 42}),
        '{"text": "Police arrested two men in Leeds on Sunday \\ud800 after a robbery, the force said."}',
    ]
    put("feed.jsonl", "\n".join(lines) + "\n", "built")
    cases += [
        Case("feed.jsonl:2", "skipped", "not valid JSON"),
        Case("feed.jsonl:3", "skipped", "not a JSON object"),
        Case("feed.jsonl:4", "skipped", 'no "text" field'),
        Case("feed.jsonl:5", "skipped", "must be a string"),
    ]
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to("..")
    cases.append(Case("loop/again", "skipped", "symbolic link loop"))
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    cases.append(Case("dangling.txt", "skipped", "broken symbolic link"))
    if Path("/proc/self/mem").exists():  # a regular file whose read fails even for root
        (folder / "unreadable.txt").symlink_to("/proc/self/mem")
        cases.append(Case("unreadable.txt", "skipped", "input/output error"))
    os.mkfifo(folder / "pipe.txt")
    cases.append(Case("pipe.txt", "skipped", "named pipe"))
    return cases
