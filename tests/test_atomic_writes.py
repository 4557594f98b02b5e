"""Outputs are written atomically: a process killed while writing leaves either the old file
or the new one, whole, never a mixture or a truncated file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora/sample/articles.jsonl"

# Rewrites OUT over and over with version A, B, A, ... (a few MB each), as write_jsonl does.
WRITER = """
import sys
from dedupe.io.write import write_jsonl

out = sys.argv[1]
def version(tag):
    return ({"id": f"{tag}{n}", "text": tag * 2000} for n in range(2000))
n = 0
while True:
    write_jsonl(out, version("AB"[n % 2]))
    n += 1
"""


def version_bytes(tag: str) -> bytes:
    return "".join(json.dumps({"id": f"{tag}{n}", "text": tag * 2000}) + "\n" for n in range(2000)).encode()


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*.tmp")]


def kill_while_writing(command: list[str], watched: Path, after: float = 0.0, timeout: float = 60) -> None:
    """Start `command`, wait until a temporary output file under `watched` has data, wait
    `after` seconds more, and SIGKILL the process (no cleanup handlers can run)."""
    before = set(temp_files(watched))
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and child.poll() is None:
            if any(p not in before and p.stat().st_size > 0 for p in _existing(temp_files(watched))):
                break
            time.sleep(0.0005)
        else:
            pytest.fail("the child finished or hung before it wrote anything")
        time.sleep(after)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()


def _existing(paths: list[Path]) -> list[Path]:
    return [p for p in paths if p.exists()]


@pytest.mark.parametrize("after", [0.0, 0.002, 0.01, 0.03])
def test_killed_writer_leaves_a_whole_old_or_new_file(tmp_path, after):
    out = tmp_path / "clusters.jsonl"
    old = b'{"id": "old"}\n'
    out.write_bytes(old)
    kill_while_writing([sys.executable, "-c", WRITER, str(out)], tmp_path, after=after)
    assert out.read_bytes() in (old, version_bytes("A"), version_bytes("B"))
    leftovers = temp_files(tmp_path)  # SIGKILL leaves the hidden temporary file, never the real name half-written
    assert all(p.name.startswith(".clusters.jsonl.") for p in leftovers)


def test_killed_report_run_leaves_every_file_whole_old_or_new(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:30]
    corpus = tmp_path / "corpus.jsonl"

    def build(records: list[str], out: Path) -> dict[str, bytes]:
        corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
        result = CliRunner().invoke(app, ["run", str(corpus), "-o", str(out), "-q", "--workers", "1"])
        assert result.exit_code == 0, result.output
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    changed = [json.dumps({**json.loads(line), "title": f"Changed {n}"}) for n, line in enumerate(lines)]
    new = build(changed, tmp_path / "new")
    target = tmp_path / "target"
    old = build(lines, target)
    assert old != new
    corpus.write_text("\n".join(changed) + "\n", encoding="utf-8")
    kill_while_writing([sys.executable, "-m", "dedupe", "run", str(corpus), "-o", str(target), "-q", "--workers", "1"],
                       target)
    now = {p.relative_to(target).as_posix(): p.read_bytes() for p in target.rglob("*")
           if p.is_file() and not p.name.endswith(".tmp")}
    assert set(now) <= set(old) | set(new)
    for name, data in now.items():
        assert data in (old.get(name), new.get(name)), f"{name} is neither the old nor the new file"
    assert any(now.get(name) != old.get(name) for name in now) or temp_files(target), "killed before writing"
    shutil.rmtree(target)


def test_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    from dedupe.io.write import write_jsonl

    out = tmp_path / "pairs.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def records():
        yield {"id": "new"}
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_jsonl(out, records())
    assert out.read_text(encoding="utf-8") == "old\n" and os.listdir(tmp_path) == ["pairs.jsonl"]
