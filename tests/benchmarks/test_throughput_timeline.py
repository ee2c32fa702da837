"""The timeline summary on hand-made events: phases and a worker's idle time split by what the main process did."""

from __future__ import annotations

import json

from benchmarks.throughput.timeline import summary


def _events(tmp_path, rows, pid):
    with open(tmp_path / f"ev-{pid}.jsonl", "w") as f:
        for name, t0, t1 in rows:
            f.write(json.dumps({"pid": pid, "ev": name, "t0": t0, "t1": t1, "cpu": (t1 - t0) / 2, "pcpu": t1 - t0}) + "\n")


def test_idle_gaps_are_split_by_the_main_process_state(tmp_path):
    _events(tmp_path, [("build", 0, 30), ("start", 1, 1.1), ("wait", 2, 5), ("consumer", 5, 8), ("wait", 8, 12),
                       ("close", 12, 13), ("resolve", 13, 20), ("exports", 20, 29)], pid=1)
    _events(tmp_path, [("init", 1.5, 2), ("batch", 2, 5), ("batch", 7, 12), ("extract", 7, 8)], pid=2)
    samples = [{"t": t, "machine_busy": 100 * t, "threads": {"python:1": 50 * t, "rocksdb:low:3": 10 * t}}
               for t in range(31)]
    (tmp_path / "samples.json").write_text(json.dumps(samples))
    out = summary(str(tmp_path))
    assert out["phases_wall"]["first -> last batch"] == 10
    assert out["phases_wall"]["tail (resolve, flush, exports, counts)"] == 17
    worker = out["workers"][2]
    assert worker["batches"] == 2 and worker["idle_between_batches"] == 2
    assert worker["idle_while_main_consumer"] == 2 and worker["idle_while_main_wait"] == 0
    assert worker["extract_cpu"] == 0.5 and worker["parse_cpu"] == 4 - 0.5
    assert out["main"]["wait"]["wall"] == 7
