"""The term index (app.term_index) and the one phrase matcher (app.lexicon.phrase_pattern)."""
from app.lexicon import has_any, phrase_pattern
from app.term_index import TermIndex


def _index(**options) -> TermIndex:
    index = TermIndex(lambda c: not c.isalnum(), lambda c: not (c.isalnum() or c == "+"))
    index.add("entry level".split(), "entry level", **options)
    index.add(["security+"], "security+", plural=False)
    index.add(["Go"], "go", exact_case=True)
    return index


def _found(index: TermIndex, text: str) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.phrasing.name) for h in index.hits(text)]


def test_words_join_across_spaces_and_hyphens_and_take_a_plural_ending():
    assert _found(_index(), "Entry-Level roles and entry  levels") == [("Entry-Level", "entry level"), ("entry  levels", "entry level")]


def test_word_boundaries_are_the_callers():
    index = _index()
    assert _found(index, "preentry level") == []  # a letter before the phrase
    assert _found(index, "AI/entry level") == [("entry level", "entry level")]  # "/" may precede
    assert _found(index, "Security+ and security++") == [("Security+", "security+")]  # "+" may not follow


def test_exact_case_phrasings_match_only_as_written():
    assert _found(_index(), "Go, go and GO") == [("Go", "go")]


def test_a_guard_can_refuse_an_occurrence():
    index = _index()
    hits = index.hits("entry level to", accept=lambda phrasing, start, end: False)
    assert list(hits) == []


def test_phrase_pattern_prefers_the_longest_phrase_and_whole_words():
    pattern = phrase_pattern("that", "that role")
    assert pattern.search("is that role paid").group(0) == "that role"
    assert not has_any("thatch roof", ["that"])
    assert has_any("senior+ roles", ["senior+"]) and has_any("what about\nit", ["what about"])
    assert not has_any("would\nlike", ["would like"], same_line=True)
    assert phrase_pattern("and", at_start=True).search("  and then") and not phrase_pattern("and", at_start=True).search("then and")
