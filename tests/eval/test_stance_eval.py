"""The stance sets: drawing a held-out sample, and scoring a set."""
from pathlib import Path

from claimscope.eval.stance import sample_stance_items

POLNEAR = Path(__file__).parent.parent / "fixtures" / "polnear"


def _keys(items):
    return {(i["article"], tuple(i["cue_span"])) for i in items}


def test_sample_stance_items_excludes_a_drawn_set():
    tuning = sample_stance_items(POLNEAR, size=10, seed=1)
    held_out = sample_stance_items(POLNEAR, size=10, seed=2, exclude=tuning)
    assert (10, set()) == (len(held_out), _keys(tuning) & _keys(held_out))


def test_sample_stance_items_same_seed_same_sample():
    assert sample_stance_items(POLNEAR, size=8, seed=3) == sample_stance_items(POLNEAR, size=8, seed=3)
