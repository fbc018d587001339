"""One tokenizer per language, injected where it is used.

Chinese: jieba (its own instance, with a user dictionary of department names and policy terms
taken from the corpus), stop words and punctuation dropped. English: regex words, lower case,
Snowball stemming, stop words dropped. Chinese is never split with ``\\w+``.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable

import jieba
import snowballstemmer

from qa.normalize import normalize

Tokenizer = Callable[[str], list[str]]

ZH_STOPWORDS = frozenset("""
的 了 吗 呢 吧 啊 呀 么 嘛 哦 哪 哪些 哪个 哪里 什么 怎么 怎样 怎么样 如何 为什么 多少 几 是 是否 不是
有 有没有 没有 能 能否 能不能 可以 可不可以 会 要 想 请问 请 问 一下 我 我们 我家 你 你们 您 他 她 它 他们
这 那 这个 那个 这些 那些 和 与 及 或 或者 等 就 都 也 还 又 在 对 把 被 给 让 从 向
到 于 以 之 其 而 并 但 所 该 各 该 个 上 下 中 里 吗 啥 咋 呗 嗯 哈 么样 一个
一些 这样 那样 还是 还有 已经 现在 目前 里面 关于 方面 情况 主要 相关 有关 进行 通过 方案 文件 政策 规定 里头 咱 咱们 俺
自己 需要 应该 可能 一般 具体 到底 究竟 了解 知道 告诉 说 讲 提到 有关于
""".split())
EN_STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being do does did done have has had
i me my we our us you your he she it its they them their this that these those there here what which who whom whose when
where why how can could would should will shall may might must not no yes any some all each every about into over under
than then so such too very just also only up out off again more most other own same both few per via get got gets getting
still now currently today nowadays anymore yet
tell know want wants let please much many does doing there's what's it's i'm im is there any anything something thing things
plan policy document guangzhou city municipal government private enterprise enterprises company companies firm firms business businesses
""".split())
_PUNCT_ONLY = re.compile(r"^[\W_]+$")
# Hyphens split ("land-related" -> land, related; "medium-sized" -> medium, sized): people write these
# compounds with or without the hyphen, and the renderings join words the questions keep apart.
EN_WORD = re.compile(r"[a-z0-9]+(?:[&'.][a-z0-9]+)*")


class ChineseTokenizer:
    """jieba with a user dictionary; safe to share between threads once built.

    Example:
        >>> tok = ChineseTokenizer(["市科技局", "融资担保"])
        >>> tok("市科技局负责融资担保吗？")
        ['科技', '科技局', '市科技局', '负责', '融资', '担保', '融资担保']
    """

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self.user_words = tuple(sorted(set(w for w in user_words if len(w) >= 2)))
        for word in self.user_words:
            self._jieba.add_word(word, freq=2000)
        self._lock = threading.Lock()

    def __call__(self, text: str) -> list[str]:
        text = normalize(text)
        with self._lock:  # jieba's cache dicts are not guaranteed thread-safe
            spans = list(self._jieba.tokenize(text, mode="search"))
        # The parts jieba adds inside a stop word (可不, 不可 of 可不可以) are no content either.
        stop = [(a, b) for w, a, b in spans if w in ZH_STOPWORDS]
        return [w for w, a, b in ((w.strip(), a, b) for w, a, b in spans)
                if w and w not in ZH_STOPWORDS and not _PUNCT_ONLY.match(w)
                and not any(s <= a and b <= e for s, e in stop)]


_STEMMER = snowballstemmer.stemmer("english")
_STEM_LOCK = threading.Lock()


def english_tokenize(text: str) -> list[str]:
    """Lower-case words, light stemming, stop words dropped; CJK characters are ignored.

    Example:
        >>> english_tokenize("Which measures does the Science and Technology Bureau lead?")
        ['measur', 'scienc', 'technolog', 'bureau', 'lead']
    """
    words = EN_WORD.findall(normalize(text))
    kept = [w for w in words if w not in EN_STOPWORDS]
    with _STEM_LOCK:  # the Snowball stemmer object keeps per-call state
        return _STEMMER.stemWords(kept)
