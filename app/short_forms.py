"""The names a question's short form stands for ("k8s" is Kubernetes, "JD" a job description, "HF" the Hugging Face
the question also names): where a source writes one out, the short form is mentioned, and it is searched for too."""
from __future__ import annotations

from dataclasses import dataclass

PUNCTUATION = "()[],.;:!?\"'’"


@dataclass(frozen=True)
class ShortForms:
    """The vocabulary's groups of phrasings for one term (a short form stands for the phrasings of its own group it
    abbreviates: "k8s" for "kubernetes", not "GKE" for it), the lexicon's `written_out` names askers shorten, and
    the small words (`acronym_joining_words`) an acronym's written-out name may hold without an initial."""

    groups: tuple[tuple[str, ...], ...] = ()
    written_out: tuple[str, ...] = ()
    joining: tuple[str, ...] = ()

    def names(self, term: str, question: str = "", named: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The longer names `term` abbreviates: of its vocabulary group, of the lexicon, or written in the question
        itself, in capitalised words among the question's `named` terms ("Hugging Face … HF") or in brackets right
        beside it ("JD (job description)")."""
        low = term.lower()
        pool = [*(p for group in self.groups if low in group for p in group), *self.written_out,
                *_beside(term, question, named)]
        return tuple(dict.fromkeys(p for p in pool if p.lower() != low and abbreviates(term, p, self.joining)))

    def common(self, term: str) -> bool:
        """Whether `term` shortens common words of the lexicon's `written_out` (lower case: "JD" is a job description),
        no name: like those words, it names nothing the passages must mention."""
        return any(n.islower() for n in self.names(term) if n in self.written_out)

    def searched(self, text: str, terms: list[str]) -> str:
        """`text` with the longer names of its `terms` it does not write out itself (for the lexical search)."""
        names = [n for t in terms for n in self.names(t) if n.lower() not in text.lower()]
        return " ".join([text, *dict.fromkeys(names)])


def abbreviates(short: str, name: str, joining: tuple[str, ...] = ()) -> bool:
    """Whether `short` is a short form of `name`: its initials ("IaC", "JD" of "job description"; small `joining`
    words may go without one; a plural "JDs"), or a numeronym ("k8s": first letter, count of letters between, last)."""
    words = [w for w in name.lower().replace("-", " ").replace("/", " ").split() if w]
    letters = short.lower()
    if len(words) == 1:
        word, middle = words[0], letters[1:-1]
        return len(letters) > 2 and middle.isdigit() and letters[0] == word[0] and letters[-1] == word[-1] \
            and int(middle) == len(word) - 2
    if not letters.isalpha() or len(letters) < 2:
        return False
    spelled = ["".join(w[0] for w in words), "".join(w[0] for w in words if w not in joining)]
    return any(letters in (s, f"{s}s") for s in spelled)


def _beside(term: str, question: str, named: tuple[str, ...]) -> list[str]:
    """Runs of the question's words `term` may abbreviate: capitalised names it asks about (`named`), or the words in
    brackets right after it or the words right before its own brackets."""
    words = question.split()
    bare = [w.strip(PUNCTUATION) for w in words]
    runs = []
    for start in range(len(words)):
        for end in range(start + 2, min(len(words), start + 8) + 1):
            run = bare[start:end]
            if all(w in named for w in run) and all(w[:1].isupper() for w in run):
                runs.append(" ".join(run))
            after = start > 0 and bare[start - 1] == term and words[start].startswith("(") and words[end - 1].endswith(")")
            before = end < len(words) and bare[end] == term and words[end].startswith("(")
            if after or before:
                runs.append(" ".join(run))
    return runs
