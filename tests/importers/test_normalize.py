"""HTML to Markdown, salary parsing and vocabulary recognition, without a server."""
from __future__ import annotations

import re

import pytest

from ingest.importers.listing import Listing, Salary, check_board_token, company_from_token
from ingest.importers.normalize import employment_type, html_to_markdown, iso_date, listing_to_record
from ingest.importers.recognize import Recognizer
from ingest.importers.salary import annual_salary, salary_from_text
from ingest.postings import parse_posting

TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[^>]*>")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)


@pytest.fixture(scope="module")
def recognizer(vocabulary):
    return Recognizer(vocabulary)


def test_escaped_html_becomes_markdown_without_tags_or_entities():
    escaped = ("&lt;h2&gt;What you&amp;#8217;ll do&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;Own &lt;strong&gt;threat models&lt;/strong&gt; "
               "&amp;amp; reviews&lt;/li&gt;&lt;li&gt;Pay:&amp;nbsp;$1&lt;/li&gt;&lt;/ul&gt;&lt;script&gt;track()&lt;/script&gt;")
    markdown = html_to_markdown(escaped)
    assert markdown == "## What you’ll do\n\n- Own **threat models** & reviews\n- Pay: $1"
    assert not TAG.search(markdown) and not ENTITY.search(markdown)


def test_plain_html_keeps_structure_and_drops_scripts_and_images():
    markdown = html_to_markdown('<div><p>Intro&nbsp;text</p><img src="x.png" alt="logo"><style>p{}</style>'
                                '<ol><li>one</li><li>two</li></ol><p><a href="https://example.com/apply">Apply</a></p></div>')
    assert markdown == "Intro text\n\n1. one\n2. two\n\n[Apply](https://example.com/apply)"


def test_literal_angle_brackets_in_real_html_are_not_unescaped_into_tags():
    assert html_to_markdown("<p>Escape &lt;script&gt; in templates</p>") == "Escape <script> in templates"


@pytest.mark.parametrize("text, expected", [
    ("base salary $185,000 — $230,000 USD per year", Salary(185000, 230000, "USD")),
    ("£90k-£110k plus bonus", Salary(90000, 110000, "GBP")),
    ("EUR 70.000 - 90.000 gross", Salary(70000, 90000, "EUR")),
    ("CA$120,000 to CA$150,000", Salary(120000, 150000, "CAD")),
    ("$150,000 - $190,000 CAD", Salary(150000, 190000, "CAD")),
    ("$45 - $60 per hour", None),
    ("$9,000 - $12,000 per month", None),
    ("$1,000 learning budget and a 401k", None),
    ("$60-$80/hr contract, or $150k-$200k for the staff role", Salary(150000, 200000, "USD")),
    ("no pay information", None),
])
def test_salary_from_text(text, expected):
    assert salary_from_text(text) == expected


@pytest.mark.parametrize("interval, kept", [("per-year-salary", True), ("1 YEAR", True), ("annual", True),
                                            ("per-hour-wage", False), ("1 MONTH", False), ("", False), (None, True)])
def test_only_yearly_structured_salaries_are_kept(interval, kept):
    assert (annual_salary(120000, 150000, "usd", interval) == Salary(120000, 150000, "USD")) is kept


def test_implausible_structured_salaries_are_dropped():
    assert annual_salary(95, 120, "USD", None) is None  # an hourly wage with no interval
    assert annual_salary(200000, 150000, "USD", "per-year-salary") is None


@pytest.mark.parametrize("title, family, seniority", [
    ("Senior AI Security Engineer", "ai-security-engineer", "senior"),
    ("Security Engineer, Machine Learning", "ai-security-engineer", None),
    ("Staff ML Platform Security Engineer (MLSecOps)", "mlsecops", "lead"),
    ("Principal Engineer, AI Red Team", "ai-red-team", "lead"),
    ("LLM Red Teaming Specialist", "ai-red-team", None),
    ("Senior Red Team Operator", None, "senior"),
    ("Head of AI Governance", "ai-governance", "executive"),
    ("Responsible AI Program Manager", "ai-governance", "lead"),
    ("CISO", "security-leadership", "executive"),
    ("VP, Security", "security-leadership", "executive"),
    ("Director of Security", "security-leadership", "executive"),
    ("Application Security Engineer II", "product-security", None),
    ("Junior SOC Analyst", "security-analyst", "entry"),
    ("SOC 2 Compliance Specialist", None, None),
    ("Machine Learning Engineer", "ml-engineer", None),
    ("Enterprise Account Executive", None, None),
    ("Recruiting Coordinator", None, None),
])
def test_role_family_and_seniority_from_title(recognizer, vocabulary, title, family, seniority):
    assert recognizer.role_family(title) == family
    assert recognizer.seniority(title) == seniority


def test_skills_match_whole_words_and_synonyms(recognizer):
    text = "We use Golang, K8s and Terraform on AWS and Google Cloud; threat-modelling and SOC 2 audits; MITRE ATLAS."
    assert recognizer.skills(text) == ["go", "kubernetes", "terraform", "threat-modeling", "mitre-atlas", "soc2", "audit"]
    assert recognizer.clouds(text) == ["aws", "gcp"]


def test_skills_ignore_lookalikes_and_boilerplate(recognizer):
    text = ("Our firmware team ships to Go-live fast; data lives in MongoDB Atlas; we love crypto.\n\n"
            "We are an equal opportunity employer and do not discriminate on gender identity; see our privacy notice.")
    assert recognizer.skills(text) == []
    assert recognizer.skills("Lead IR for ML systems") == ["machine-learning", "incident-response"]
    assert recognizer.skills("an ml of syrup, a rag doll") == []


def test_certifications_are_matched_exactly(recognizer):
    assert recognizer.certifications("CISSP or Security+; GIAC GPEN a plus; not cissp-ish") == ["CISSP", "GIAC GPEN", "Security+"]


@pytest.mark.parametrize("text, status", [("Remote - US", "remote"), ("San Francisco, CA (Hybrid)", "hybrid"),
                                          ("on-site", "onsite"), ("London", None), ("WFH friendly", "remote")])
def test_remote_status(recognizer, text, status):
    assert recognizer.remote(text) == status


def test_remote_status_comes_from_workplace_location_or_title_not_the_body(recognizer, vocabulary):
    listing = Listing("lever", "acme", "1", "Security Engineer", "Acme", description_text="Fix remote code execution bugs.",
                      location="Boston, MA", workplace="OnSite")
    assert listing_to_record(listing, recognizer)["remote"] == "onsite"
    unknown = Listing("lever", "acme", "2", "Security Engineer", "Acme", description_text="Fix remote code execution bugs.")
    assert listing_to_record(unknown, recognizer)["remote"] is None


def test_listing_record_passes_the_schema(recognizer, vocabulary):
    listing = Listing("ashby", "acme-robotics", "abc", "Senior AI Security Engineer", company_from_token("acme-robotics"),
                      description_html="<p>Python &amp; Kubernetes on Azure.</p>", location="Remote", posted=iso_date(1738404000000),
                      url="https://jobs.example/abc", employment_type="FullTime")
    posting = parse_posting(listing_to_record(listing, recognizer), vocabulary)
    assert posting.id == "ashby-acme-robotics-abc"
    assert posting.company == "Acme Robotics"
    assert posting.description == "Python & Kubernetes on Azure."
    assert (posting.remote, posting.seniority, posting.role_family) == ("remote", "senior", "ai-security-engineer")
    assert (posting.skills, posting.clouds) == (("python", "kubernetes"), ("azure",))
    assert (posting.employment_type, posting.posted, posting.url, posting.sample, posting.status) == (
        "full-time", "2025-02-01", "https://jobs.example/abc", False, "open")
    assert posting.salary_min is None and posting.currency is None


@pytest.mark.parametrize("value, expected", [("Full-time", "full-time"), ("FullTime", "full-time"), ("part_time", "part-time"),
                                             ("Intern", "internship"), ("Contractor", "contract"), ("", None), ("Seasonal", "seasonal")])
def test_employment_type(value, expected):
    assert employment_type(value) == expected


def test_dates():
    assert iso_date("2025-04-21T09:00:00-04:00") == "2025-04-21"
    assert iso_date("2025-02-14T08:30:00.000Z") == "2025-02-14"
    assert iso_date(1741600800000) == "2025-03-10"
    assert iso_date("soon") is None and iso_date(None) is None


@pytest.mark.parametrize("token", ["acme", "acme-robotics", "Acme_Labs.io", "a1"])
def test_board_tokens(token):
    assert check_board_token(token) == token


@pytest.mark.parametrize("token", ["", "../etc", "acme/jobs", "https://boards.greenhouse.io/acme", "acme?x=1"])
def test_bad_board_tokens_are_refused(token):
    with pytest.raises(ValueError, match="public slug"):
        check_board_token(token)
