"""English misspellings in questions ("take efect", "loan guarentee", "goverment"), corrected against the
library's own English words before anything else reads the question.

Only a word that is neither English (pyspellchecker's dictionary) nor used by the library is touched, and only
towards a word the library uses that starts with the same letter and is one edit away (a swap of neighbours
counts as one; two edits for words of eight letters or more); ties go to the word the library uses most. Chinese
text, numbers and short words are left alone. Edit distances come from rapidfuzz.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

MIN_LENGTH = 5  # letters: shorter words have too many neighbours one edit away
LONG_WORD = 8  # letters from which two edits are allowed
_WORD = re.compile(r"\b[a-z]+\b(?!['’](?:t|re|ve|ll|d|m)\b)")  # not the first half of a contraction (doesn't, they're)


class SpellCorrector:
    """``SpellCorrector(texts).correct("when did it take efect")`` -> ``"when did it take effect"``.

    Args:
        texts: the English the library uses (clause renderings, titles, names, synonyms, cue words), any case.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._english = SpellChecker(language="en", distance=1)  # only its word list is used
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(_WORD.findall(text.lower()))
        self._counts = counts
        self._by_letter: dict[str, list[str]] = {}
        for word in counts:
            if len(word) >= MIN_LENGTH - 1:
                self._by_letter.setdefault(word[0], []).append(word)
        # Bounded and thread-safe: questions bring endless new words.
        self._word = functools.lru_cache(maxsize=8192)(self._nearest)

    def correct(self, text: str) -> str:
        """``text`` (normalised, lower case) with each misspelt English word replaced; the rest unchanged."""
        return _WORD.sub(lambda m: self._word(m.group(0)), text)

    def _nearest(self, word: str) -> str:
        if len(word) < MIN_LENGTH or word in self._counts or self._english.known([word]):
            return word  # "chapters", "police", "typhoon": English, though the library never says them
        limit = 2 if len(word) >= LONG_WORD else 1
        best: tuple[int, int, str] | None = None
        for candidate in self._by_letter.get(word[0], ()):
            if abs(len(candidate) - len(word)) > limit:
                continue
            d = OSA.distance(word, candidate, score_cutoff=limit)  # a swap of two letters is one edit
            if d <= limit and (best is None or (d, -self._counts[candidate]) < best[:2]):
                best = (d, -self._counts[candidate], candidate)
        return best[2] if best else word
