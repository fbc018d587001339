"""Spans of names in a question: every occurrence, overlap with claimed spans, the text with them blanked."""

from __future__ import annotations

from qa.understand.spans import blank, find_all, overlaps


def test_find_all_gives_every_non_overlapping_occurrence():
    assert find_all("市科技局和科技局牵头", "科技局") == [(1, 4), (5, 8)]
    assert find_all("aaaa", "aa") == [(0, 2), (2, 4)]
    assert find_all("科技局", "") == [] and find_all("", "科技局") == []


def test_overlaps_needs_a_shared_character():
    taken = [(2, 5)]
    assert overlaps(4, 6, taken) and overlaps(0, 3, taken) and overlaps(2, 5, taken)
    assert not overlaps(0, 2, taken) and not overlaps(5, 9, taken) and not overlaps(0, 9, [])


def test_blank_replaces_each_span_by_one_space_in_any_order():
    text = "民营经济促进法里市科技局管什么"
    assert blank(text, [(8, 12), (0, 7)]) == " 里 管什么"
    assert blank(text, []) == text
