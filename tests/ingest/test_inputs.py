"""CLI arguments to input files: paths, directories, globs and "-" for stdin."""
from __future__ import annotations

import os

from claimscope.ingest.inputs import expand_inputs


def _tree(root) -> None:
    for rel in ("b/2.html", "b/1.txt", "a.jsonl", "b/deep/3.warc.gz", ".hidden/x.txt", "b/.DS_Store"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def _rel(paths, root) -> list[str]:
    return [p if p == "-" else os.path.relpath(p, root) for p in paths]


def test_expand_inputs_walks_a_directory_recursively_in_sorted_order_without_hidden_files(tmp_path):
    _tree(tmp_path)
    paths, errors = expand_inputs([str(tmp_path)])
    assert (["a.jsonl", "b/1.txt", "b/2.html", "b/deep/3.warc.gz"], []) == (_rel(paths, tmp_path), errors)


def test_expand_inputs_expands_globs_in_sorted_order(tmp_path):
    _tree(tmp_path)
    paths, _ = expand_inputs([str(tmp_path / "b" / "*.*")])
    assert ["b/1.txt", "b/2.html"] == _rel(paths, tmp_path)


def test_expand_inputs_double_star_spans_folders(tmp_path):
    _tree(tmp_path)
    paths, _ = expand_inputs([str(tmp_path / "**" / "*.warc.gz")])
    assert ["b/deep/3.warc.gz"] == _rel(paths, tmp_path)


def test_expand_inputs_keeps_dash_for_stdin_in_its_place(tmp_path):
    _tree(tmp_path)
    paths, _ = expand_inputs([str(tmp_path / "a.jsonl"), "-", str(tmp_path / "b" / "1.txt")])
    assert ["a.jsonl", "-", "b/1.txt"] == _rel(paths, tmp_path)


def test_expand_inputs_lists_each_file_once(tmp_path):
    _tree(tmp_path)
    paths, _ = expand_inputs([str(tmp_path / "a.jsonl"), str(tmp_path), str(tmp_path / "*.jsonl")])
    assert ["a.jsonl", "b/1.txt", "b/2.html", "b/deep/3.warc.gz"] == _rel(paths, tmp_path)


def test_expand_inputs_reports_missing_paths_and_empty_globs_and_goes_on(tmp_path):
    _tree(tmp_path)
    missing, nothing = str(tmp_path / "nope.txt"), str(tmp_path / "*.pdf")
    paths, errors = expand_inputs([missing, nothing, str(tmp_path / "a.jsonl")])
    assert ["a.jsonl"] == _rel(paths, tmp_path)
    assert [(missing, "no such file or directory"), (nothing, "no file matches this pattern")] == [
        (e.path, e.problem) for e in errors]


def test_expand_inputs_reports_an_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    paths, errors = expand_inputs([str(tmp_path / "empty")])
    assert ([], ["directory holds no files"]) == (paths, [e.problem for e in errors])


def test_expand_inputs_reports_a_broken_symbolic_link(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    paths, errors = expand_inputs([str(tmp_path / "link.txt")])
    assert ([], ["broken symbolic link"]) == (paths, [e.problem for e in errors])


def test_expand_inputs_takes_a_file_whose_name_looks_like_a_glob(tmp_path):
    odd = tmp_path / "report[1].txt"
    odd.write_text("x")
    paths, errors = expand_inputs([str(odd)])
    assert ([str(odd)], []) == (paths, errors)
