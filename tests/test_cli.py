"""The real commands, run as a user runs them: exit codes and output."""

import json
import subprocess
import sys

import pytest

from conftest import CORPUS

EXAMPLE = sorted((CORPUS / "train").glob("*.txt"))[0]


def run(*args, stdin: bytes | None = None, timeout=120):
    return subprocess.run([sys.executable, "-m", "releaseparse", *args], input=stdin,
                          capture_output=True, timeout=timeout)


def test_parse_prints_a_record():
    done = run("parse", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["schema_version"] == "1.0"
    assert record["people"] and record["text"]


def test_parse_reads_standard_input():
    done = run("parse", "-", stdin=EXAMPLE.read_bytes())
    assert done.returncode == 0
    assert json.loads(done.stdout)["source"]["path"] is None


def test_schema_is_json_schema():
    done = run("schema")
    assert done.returncode == 0
    assert json.loads(done.stdout)["title"] == "Release"


def test_every_command_has_help():
    for command in ("parse", "schema", "evaluate", "build-model", "convert"):
        done = run(command, "--help")
        assert done.returncode == 0 and b"Usage" in done.stdout


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n  ", "empty file"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    done = run("parse", str(path))
    assert done.returncode == 1
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0]


def test_windows_1252_text_is_read(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Circuit report\n“We were quick all day,” said René Größer.\nRené Größer (DEU) was 3rd.".encode("cp1252"))
    record = json.loads(run("parse", str(path)).stdout)
    assert "René Größer" in record["text"]
    assert record["source"]["encoding"] != "utf-8"


def test_huge_input_is_refused_in_one_line(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Race 1: 15th place. " * 260_000, encoding="utf-8")  # about 5 MB
    done = run("parse", str(path), timeout=60)
    assert done.returncode == 1
    assert len(done.stderr.decode().strip().splitlines()) == 1


def test_missing_file_is_named_in_one_line(tmp_path):
    done = run("parse", str(tmp_path / "nope.txt"))
    assert done.returncode == 1
    assert done.stderr.decode().strip() == f"releaseparse: {tmp_path / 'nope.txt'}: No such file or directory"


def test_unknown_option_is_a_usage_error():
    assert run("parse", "--no-such-option", str(EXAMPLE)).returncode == 2
