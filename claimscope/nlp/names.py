"""One lookup key for a name, shared by the stages that match names against gazetteer tables
(capitals in attribution, places in knowledge)."""
from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """A lookup key: accents, case, dots, hyphens and a leading 'the' do not matter."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "'").replace(".", "").replace("-", " ")
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text
