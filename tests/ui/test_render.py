"""Safe rendering: corpus and user text becomes inert HTML text; sources, highlights and abstentions."""
from __future__ import annotations

import html
import re

from app.ui.render import answer_html, esc, highlight, salary_range, source_html, user_html

HOSTILE = ('Widgets show <script>alert(1)</script> and <img src=x onerror=alert(2)> as text. '
           'Read [click](http://evil.example) first. Price $$x$$ `code` ${alert(3)}.')


def _citation(**overrides):
    citation = {
        "number": 1, "source": "postings/ui-postings.jsonl", "title": "Widget <b>Engineer</b>", "text": HOSTILE, "score": 0.5,
        "doc_id": "posting:ui-006", "kind": "posting",
        "supporting": ["Widgets show <script>alert(1)</script> and <img src=x onerror=alert(2)> as text."],
        "metadata": {"company": "Bramble<i>gate</i>", "location": "Remote (EU)", "seniority": "mid", "salary_min": 120000,
                     "salary_max": 150000, "currency": "USD", "url": "javascript:alert(4)"},
    }
    citation.update(overrides)
    return citation


def _answer(**overrides):
    answer = {"question": "q", "text": f"{HOSTILE} [1]", "citations": [_citation()], "abstained": False, "mode": "extractive",
              "related": [], "notes": ["note <script>x</script>"], "standalone_question": None}
    answer.update(overrides)
    return answer


def _no_live_markup(rendered: str) -> None:
    lowered = rendered.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<a " not in lowered and "<b>" not in lowered and "<i>" not in lowered
    assert "onerror=" not in lowered or "&lt;img src=x onerror=" in lowered  # only ever as escaped text
    assert "](" not in rendered and "[click]" not in rendered  # no Markdown link syntax survives
    assert "$" not in rendered and "`" not in rendered and "${" not in rendered


def test_esc_makes_markup_and_markdown_inert():
    escaped = esc(HOSTILE)
    _no_live_markup(escaped)
    assert "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;" in escaped
    assert "&#91;click&#93;&#40;http://evil.example&#41;" in escaped
    assert esc('"quoted" & \'single\'') == "&quot;quoted&quot; &amp; &#x27;single&#x27;"


def test_answer_html_escapes_text_sources_titles_and_metadata():
    rendered = answer_html(_answer())
    _no_live_markup(rendered)
    assert '<span class="aisec-marker">&#91;1&#93;</span>' in rendered
    assert "Widget &lt;b&gt;Engineer&lt;/b&gt;" in rendered and "Bramble&lt;i&gt;gate&lt;/i&gt;" in rendered
    assert "javascript:alert&#40;4&#41;" in rendered and "href" not in rendered
    assert "<details" in rendered and "120,000–150,000 USD" in rendered and "Remote &#40;EU&#41;" in rendered


def test_supporting_sentence_is_highlighted_and_still_escaped():
    marked = highlight(HOSTILE, ["Widgets show <script>alert(1)</script> and <img src=x onerror=alert(2)> as text."])
    assert marked.startswith("<mark>Widgets show &lt;script&gt;") and marked.count("<mark>") == 1
    _no_live_markup(marked)


def test_highlight_finds_reflowed_and_header_sentences():
    passage = "# MLSecOps Engineer\n\nCompany: Harbor Pine. Seniority: mid.\n\nYou will sign model\nartefacts daily. Other text."
    marked = highlight(passage, ["You will sign model artefacts daily.", "MLSecOps Engineer: Company: Harbor Pine. Seniority: mid."])
    assert "<mark>You will sign model\nartefacts daily.</mark>" in marked
    assert "<mark>Company: Harbor Pine.</mark>" in marked and "<mark>Seniority: mid.</mark>" in marked
    assert "Other text." in marked and "<mark>Other" not in marked


def test_abstention_looks_different_and_shows_related_passages():
    rendered = answer_html(_answer(abstained=True, text="The corpus doesn't say.", citations=[], related=[_citation(supporting=[])]))
    assert 'class="aisec-answer aisec-abstained"' in rendered and "Not in the corpus" in rendered
    assert "Related passages" in rendered and "<details" in rendered and "<mark>" not in rendered
    assert "Sources</div>" not in answer_html(_answer(abstained=True, citations=[], related=[]))


def test_user_question_and_filters_are_escaped():
    rendered = user_html("<img src=x onerror=alert(1)>?", {"role_family": "mlsecops", "min_salary": 150000})
    assert "<img" not in rendered and "Filters: role family: mlsecops; min salary: 150000" in rendered


def test_salary_range_and_document_sources():
    assert salary_range({"salary_min": 1000, "salary_max": 2000, "currency": "EUR"}) == "1,000–2,000 EUR"
    assert salary_range({"salary_max": 2000}) == "2,000" and salary_range({}) == ""
    rendered = source_html({"number": 2, "source": "documents/a.md", "title": "A", "text": "t", "kind": "document",
                            "metadata": {"section": "Skills", "page": 3}})
    assert re.search(r"documents/a\.md, p\. 3", rendered) and "Skills" in rendered and "aisec-salary" not in rendered


def test_web_url_accepts_only_absolute_http_urls():
    from app.ui.render import web_url

    for good in ("https://jobs.example.com/123", "http://careers.example.org/a?b=1&c=2", "HTTPS://Example.com"):
        assert web_url(good) == good
    for bad in ("javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)", "/jobs/123", "jobs/123", "//evil.example/x", "ftp://files.example/x", "https://",
                "http:///path-only", "https:\\\\evil.example", "https://a.example/\"onmouseover=alert(1)", "https://a.example/<b>",
                "https://a .example", "https://[::1", "https://a.example:99999/", "", None, 42):
        assert web_url(bad) is None, bad


def test_posting_url_is_a_safe_link_only_when_it_is_http():
    url = "https://jobs.example.com/view?id=7&ref=(aisec)"
    rendered = source_html(_citation(metadata={"company": "Harbor", "url": url}))
    link = re.search(r'<a href="([^"]*)" target="_blank" rel="noopener noreferrer nofollow">([^<]*)</a>', rendered)
    assert link and html.unescape(link.group(1)) == url and html.unescape(link.group(2)) == url
    assert rendered.count("<a ") == 1 and "&amp;ref=&#40;aisec&#41;" in link.group(1)  # escaped in the attribute and the text
    passage = re.search(r'<div class="aisec-passage">(.*?)</div>', rendered, re.S).group(1)
    assert "<a" not in passage and "&#91;click&#93;&#40;http://evil.example&#41;" in passage  # the passage stays plain text

    for bad in ("javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "/relative/job", 'https://x.example/"><script>'):
        rendered = source_html(_citation(metadata={"url": bad}))
        assert "<a" not in rendered and "href" not in rendered and "<script" not in rendered
        assert html.unescape(re.search(r'<div class="aisec-url">([^<]*)</div>', rendered).group(1)).endswith(bad)


def test_answer_chart_sits_between_the_text_and_the_sources():
    rendered = answer_html(_answer(), chart='<figure class="aisec-chart">CHART</figure>')
    assert rendered.index("aisec-text") < rendered.index("CHART") < rendered.index("aisec-sources")
    assert "aisec-chart" not in answer_html(_answer())


def test_document_sources_show_their_review_date_and_postings_do_not():
    reviewed = source_html({"number": 1, "kind": "document", "source": "documents/a.md", "title": "A", "text": "t",
                            "metadata": {"section": "S"}, "reviewed": "2026-12-06"})
    unreviewed = source_html({"number": 2, "kind": "document", "source": "documents/b.md", "title": "B", "text": "t",
                              "metadata": {}, "reviewed": None})
    posting = source_html({"number": 3, "kind": "posting", "source": "postings/p.jsonl", "title": "P", "text": "t",
                           "metadata": {"company": "Testco"}, "reviewed": None})
    assert '<span class="aisec-reviewed">reviewed 2026-12-06</span>' in reviewed
    assert '<span class="aisec-reviewed">not reviewed</span>' in unreviewed
    assert "aisec-reviewed" not in posting
