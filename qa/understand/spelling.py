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

    def knows(self, word: str) -> bool:
        """Whether ``word`` (lower case) is English (pyspellchecker's list) or a word the library uses."""
        return word in self._counts or bool(self._english.known([word]))

    def uses(self, word: str) -> bool:
        """Whether ``word`` (lower case) is a word of the library's English."""
        return word in self._counts

    def _nearest(self, word: str) -> str:
        if len(word) < MIN_LENGTH or self.knows(word):
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


FUNCTION_CHAR_FREQ = 70_000  # jieba frequency of 里, 从, 有, 是, 不, 也: a pair holding one is read as two words
MIN_BIGRAM_COUNT = 5  # times the library uses a character pair before a same-sounding typo is read as it
MIN_WORD_FREQ = 100  # jieba frequency a correction must have as a word
RARE_WORD_FREQ = 10  # jieba two-character words rarer than this (利西: 3) may still be typos
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


class HomophoneCorrector:
    """``HomophoneCorrector(texts).correct("大企页拖前货款")`` -> ``"大企业拖欠货款"``: Chinese typos of the
    same sound (pinyin IME slips: 企页/企业, 拖前/拖欠, 利西/利息, 头诉/投诉).

    Only a word jieba makes up for characters its dictionary does not know (企页, 利西) is looked at; in it, a
    character pair the library never uses is replaced by the pair of the same toneless pinyin (pypinyin) that
    the library uses most, if at least ``MIN_BIGRAM_COUNT`` times and jieba knows it as a word (``MIN_WORD_FREQ``). Known words
    (上海, 你好, 利息; jieba frequency ``RARE_WORD_FREQ`` or more) stay, and so do pairs holding a very common one-character word (条里, 周是).

    Args:
        texts: the library's Chinese (clause texts, titles, department names).
    """

    def __init__(self, texts: Iterable[str]) -> None:
        import jieba
        from pypinyin import lazy_pinyin

        self._pinyin = lazy_pinyin
        counts: Counter[str] = Counter()
        for text in texts:
            for run in _CJK_RUN.findall(text):
                counts.update(run[i:i + 2] for i in range(len(run) - 1))
        self._counts = counts
        best: dict[tuple[str, ...], tuple[int, str]] = {}
        for pair, n in counts.items():
            if n >= MIN_BIGRAM_COUNT:
                key = tuple(lazy_pinyin(pair))
                if key not in best or n > best[key][0]:
                    best[key] = (n, pair)
        self._by_sound = {key: pair for key, (_n, pair) in best.items()}
        self._known = jieba.get_FREQ
        self._cut = jieba.lcut
        self._pair = functools.lru_cache(maxsize=8192)(self._nearest)

    def correct(self, text: str) -> str:
        """``text`` with each same-sounding typo pair replaced by the library's pair; everything else unchanged."""
        return _CJK_RUN.sub(lambda m: self._run(m.group(0)), text)

    def _run(self, run: str) -> str:
        # Only inside a word jieba makes up for characters its dictionary does not know (企页, 拖前, 利西): a pair
        # across two known words (政府|机关, 收|利息) is no typo, whatever it sounds like.
        return "".join(self._word(w) if len(w) >= 2 and (self._known(w) or 0) < (RARE_WORD_FREQ if len(w) == 2 else 1)
                       else w for w in self._cut(run))  # (a rare two-character word: 利西; longer ones are names: 上证指数)

    def _word(self, word: str) -> str:
        out, i = [], 0
        while i < len(word):
            pair = word[i:i + 2]
            fixed = self._pair(pair) if len(pair) == 2 else pair
            if fixed != pair:
                out.append(fixed)
                i += 2
            else:
                out.append(word[i])
                i += 1
        return "".join(out)

    def _nearest(self, pair: str) -> str:
        if pair in self._counts or (self._known(pair) or 0) >= RARE_WORD_FREQ:
            return pair
        if any((self._known(ch) or 0) >= FUNCTION_CHAR_FREQ for ch in pair):
            return pair  # 条里, 周是, 从市: a word's end and a particle, not a typo
        fixed = self._by_sound.get(tuple(self._pinyin(pair)), pair)
        # Towards a common word: 部付, 州市 are none; 作协 (做些) is too rare to be what was meant.
        return fixed if (self._known(fixed) or 0) >= MIN_WORD_FREQ else pair
