"""The eval gate: every headline score against a floor pinned in floors.json.

Each eval in floors.json names the data it scored (a sha256 over the files' relative paths and
bytes) and, per metric, the pinned value, a noise tolerance and which way is better. The gate
re-runs the eval on the data as shipped (the same functions ``claimscope analyze`` calls) and
fails a metric that drops further than its tolerance below its floor (or, for a count where
lower is better, rises above it). A data set whose hash differs from the pinned one fails as
changed: it is not compared against floors that were measured on other data. Raising a floor is
a commit (``claimscope eval gate --pin``); lowering one needs a reason in that commit.

Evals (``EVALS``):

* ``polnear-dev``: ``evaluate_polnear`` with the shipped finder on PolNeAR dev (about 80 s on
  two shared cores): exact F1 of cue, source, content, all, and content bounded F1.
* ``seed``: the seed gold (``seed/*.gold.json`` beside its raw ``.txt``), scored by
  ``evaluate_seed`` on the raw file analysed as ``claimscope analyze`` does: fully-right
  attributions, disputes found and spurious, and article fields equal to the gold (headline,
  captions, photo_credits, published, subheadings, paragraphs), the counts
  tools/check_claimmap.py --fields prints.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FLOORS = Path(__file__).with_name("floors.json")
F1_TOLERANCE = 0.005  # run-to-run noise is nil (deterministic parse and CRF); this absorbs float/library drift
COUNT_TOLERANCE = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class GateCheck:
    """One metric of one eval: its pinned floor, today's score, and whether it passes."""

    eval: str
    metric: str
    floor: float | None
    score: float | None
    tolerance: float = 0.0
    better: str = "higher"
    ok: bool
    note: str = ""

    def line(self) -> str:
        def num(x):
            return "-" if x is None else (f"{x:.4f}" if isinstance(x, float) and not x.is_integer() else f"{x:g}")

        bound = ">=" if self.better == "higher" else "<="
        status = "ok" if self.ok else "FAIL"
        text = f"{status:4} {self.eval:12} {self.metric:22} {num(self.score):>8} {bound} {num(self.floor):>8}"
        if self.tolerance:
            text += f" (±{self.tolerance:g})"
        return text + (f"  {self.note}" if self.note else "")


@dataclass(frozen=True, slots=True, kw_only=True)
class GateReport:
    checks: tuple[GateCheck, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def failures(self) -> list[GateCheck]:
        return [c for c in self.checks if not c.ok]

    def table(self) -> str:
        lines = [c.line() for c in self.checks]
        bad = self.failures()
        lines.append(f"gate: {'passed' if not bad else 'FAILED'} ({len(self.checks) - len(bad)}/{len(self.checks)} ok)")
        return "\n".join(lines)


# ---------------------------------------------------------------- what each eval scores

def _polnear_files(data_dir: Path) -> list[Path]:
    split = data_dir / "polnear" / "dev"
    return sorted(p for sub in ("text", "attributions") for p in (split / sub).glob("*") if p.is_file())


def _polnear_scores(data_dir: Path) -> dict[str, float]:
    import tempfile

    from claimscope.eval.attribution import evaluate_polnear

    with tempfile.TemporaryDirectory(prefix="gate-polnear-") as tmp:
        s = evaluate_polnear(data_dir / "polnear", "dev", finder="shipped", pred_dir=tmp).scores
    return {"cue_exact_f1": s["cue"]["exact"]["f1"], "source_exact_f1": s["source"]["exact"]["f1"],
            "content_exact_f1": s["content"]["exact"]["f1"], "all_exact_f1": s["all"]["exact"]["f1"],
            "content_bounded_f1": s["content"]["bounded"]["f1"]}


def _seed_pairs(data_dir: Path) -> list[tuple[Path, Path]]:
    seed = data_dir / "seed"
    return [(g, g.with_name(g.name[: -len(".gold.json")] + ".txt")) for g in sorted(seed.glob("*.gold.json"))]


def _seed_files(data_dir: Path) -> list[Path]:
    return [p for pair in _seed_pairs(data_dir) for p in pair]


def _seed_scores(data_dir: Path) -> dict[str, float]:
    from claimscope.eval.seed import evaluate_seed

    out = {"fully_right": 0, "disputes_found": 0, "disputes_spurious": 0, "article_fields": 0}
    for gold_path, raw_path in _seed_pairs(data_dir):
        r = evaluate_seed(gold_path, raw_path)
        out["fully_right"] += r.fully_right
        out["disputes_found"] += r.disputes_found
        out["disputes_spurious"] += r.disputes_spurious
        out["article_fields"] += r.fields_ok
    return out


@dataclass(frozen=True, slots=True)
class _Eval:
    files: Callable[[Path], list[Path]]
    scores: Callable[[Path], dict[str, float]]
    lower_is_better: tuple[str, ...] = ()


EVALS: dict[str, _Eval] = {
    "seed": _Eval(_seed_files, _seed_scores, lower_is_better=("disputes_spurious",)),
    "polnear-dev": _Eval(_polnear_files, _polnear_scores),
}


def data_sha256(data_dir: str | os.PathLike, files: Iterable[Path]) -> str:
    """sha256 over each file's path relative to ``data_dir`` and its bytes, in sorted order."""
    h = hashlib.sha256()
    root = Path(data_dir)
    for path in sorted(files):
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


# ---------------------------------------------------------------- gate

def load_floors(path: str | os.PathLike = DEFAULT_FLOORS) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _passes(score: float, floor: float, tolerance: float, better: str) -> bool:
    return score >= floor - tolerance - 1e-12 if better == "higher" else score <= floor + tolerance + 1e-12


def check_gate(data_dir: str | os.PathLike, floors_path: str | os.PathLike = DEFAULT_FLOORS, *,
               evals: Sequence[str] | None = None) -> GateReport:
    """Run every eval pinned in ``floors_path`` (or only ``evals``) on ``data_dir`` and compare.

    A missing data set, a changed one (sha256) or a metric without a score fails its check.
    """
    data_dir = Path(data_dir)
    pinned = load_floors(floors_path)
    names = list(evals) if evals is not None else list(pinned)
    checks: list[GateCheck] = []
    for name in names:
        if name not in pinned or name not in EVALS:
            checks.append(GateCheck(eval=name, metric="-", floor=None, score=None, ok=False,
                                    note=f"no such eval in {floors_path} (known: {', '.join(EVALS)})"))
            continue
        spec, ev = pinned[name], EVALS[name]
        files = ev.files(data_dir)
        if not files:
            checks.append(GateCheck(eval=name, metric="data", floor=None, score=None, ok=False,
                                    note=f"no data files under {data_dir}"))
            continue
        digest = data_sha256(data_dir, files)
        if digest != spec["data_sha256"]:
            checks.append(GateCheck(eval=name, metric="data", floor=None, score=None, ok=False,
                                    note=f"data changed: sha256 {digest[:12]} (floors pinned on "
                                         f"{spec['data_sha256'][:12]}); re-pin the floors in a commit"))
            continue
        scores = ev.scores(data_dir)
        for metric, m in spec["metrics"].items():
            score = scores.get(metric)
            ok = score is not None and _passes(score, m["floor"], m["tolerance"], m["better"])
            checks.append(GateCheck(eval=name, metric=metric, floor=m["floor"], score=score,
                                    tolerance=m["tolerance"], better=m["better"], ok=ok,
                                    note="" if score is not None else "not scored"))
    return GateReport(checks=tuple(checks))


def pin_floors(data_dir: str | os.PathLike, floors_path: str | os.PathLike = DEFAULT_FLOORS, *,
               evals: Sequence[str] | None = None) -> dict:
    """Score ``evals`` (default: all) and write today's scores as their floors (keeping others)."""
    data_dir = Path(data_dir)
    path = Path(floors_path)
    pinned = load_floors(path) if path.exists() else {}
    for name in evals or list(EVALS):
        ev = EVALS[name]
        scores = ev.scores(data_dir)
        pinned[name] = {
            "data_sha256": data_sha256(data_dir, ev.files(data_dir)),
            "metrics": {k: {"floor": round(v, 4) if isinstance(v, float) else v,
                            "tolerance": F1_TOLERANCE if isinstance(v, float) else COUNT_TOLERANCE,
                            "better": "lower" if k in ev.lower_is_better else "higher"}
                        for k, v in scores.items()},
        }
    path.write_text(json.dumps(pinned, indent=1) + "\n", encoding="utf-8")
    return pinned


__all__ = ["DEFAULT_FLOORS", "EVALS", "GateCheck", "GateReport", "check_gate", "data_sha256", "load_floors",
           "pin_floors"]
