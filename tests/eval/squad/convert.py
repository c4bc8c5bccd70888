#!/usr/bin/env python3
"""Convert a fixed subset of the SQuAD v1.1 dev set into ArticleBot's evaluation files.

Command line used (from the repository root; Python 3.11, standard library only):

    python3 tests/eval/squad/convert.py path/to/dev-v1.1.json tests/eval/squad

Input: the official dev-v1.1.json from https://rajpurkar.github.io/SQuAD-explorer/ (SHA-256 95aa6a52d5d6a735563366753ca50492a658031da74f301ac5238b03966972c9;
a different hash is reported as a warning). Output, under the output folder (replaced on every run, byte-for-byte
deterministic):

- articles/<slug>.md   one file per SQuAD article: YAML front matter (title, url, source), then the paragraphs
                       exactly as in SQuAD, separated by blank lines.
- questions.jsonl      every question of those articles, one JSON object per line:
                       {"id", "question", "answers" (distinct gold strings, first answer first),
                        "evidence" (the sentence holding the first answer's answer_start), "answerable": true}
- NOTICE               source, licence and attribution.

Sentences are split with a faithful port of src/ArticleQa/Articles/SentenceSplitter.cs, so the evidence is one of
the sentences the engine itself sees; tests/ArticleQa.Tests/Evaluation checks that against the C# splitter.
"""

import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

ARTICLES = [
    "Normans",
    "Sky_(United_Kingdom)",
    "Victoria_(Australia)",
    "1973_oil_crisis",
    "Packet_switching",
    "Black_Death",
    "Geology",
    "Construction",
    "Harvard_University",
    "Jacksonville,_Florida",
]

OFFICIAL_SHA256 = "95aa6a52d5d6a735563366753ca50492a658031da74f301ac5238b03966972c9"
SOURCE = "Wikipedia, via SQuAD v1.1 (CC BY-SA 4.0)"

# --- Port of SentenceSplitter.cs (keep in step with the C# file) -------------------------------------------------

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp",
    "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "approx", "dept", "est", "fig",
    "mt", "ft", "rev", "hon", "pres",
}
ABBREVIATION_KEYS = {a.upper() for a in ABBREVIATIONS}
CLOSING = "\"'\u201d\u2019)]\u00bb"
OPENING = "\"'\u201c\u2018([\u00ab"
TERMINATORS = ".!?"


def is_white_space(c):
    """.NET char.IsWhiteSpace: the Unicode separators plus \\t \\n \\v \\f \\r and U+0085 (not Python's isspace)."""
    return c in "\t\n\v\f\r\x85" or unicodedata.category(c) in ("Zs", "Zl", "Zp")


def is_upper(c):
    """.NET char.IsUpper: category Lu only."""
    return unicodedata.category(c) == "Lu"


def is_digit(c):
    """.NET char.IsDigit: category Nd only."""
    return unicodedata.category(c) == "Nd"


def ignore_case_key(word):
    """Approximates StringComparer.OrdinalIgnoreCase: simple (one-to-one) upper-casing per character."""
    return "".join(u if len(u := c.upper()) == 1 else c for c in word)


def split_sentences(text):
    """Returns the sentences of text as (start, end) spans, like SentenceSplitter.Split."""
    spans = []
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        split_line(text, line_start, line_end, spans)
        line_start = line_end + 1
    return spans


def split_line(text, start, end, spans):
    sentence_start = start
    i = start
    while i < end:
        if text[i] in TERMINATORS:
            close = i + 1
            while close < end and (text[close] in CLOSING or text[close] in TERMINATORS):
                close += 1
            if close < end and is_white_space(text[close]):
                nxt = close
                while nxt < end and is_white_space(text[nxt]):
                    nxt += 1
                if (nxt < end and starts_sentence(text[nxt])
                        and not (text[i] == "." and is_abbreviation(text, sentence_start, i))):
                    add_trimmed(text, sentence_start, close, spans)
                    sentence_start = nxt
                    i = nxt
                    continue
        i += 1
    add_trimmed(text, sentence_start, end, spans)


def starts_sentence(c):
    return is_upper(c) or is_digit(c) or c in OPENING


def is_abbreviation(text, sentence_start, period):
    word_start = period
    while (word_start > sentence_start and not is_white_space(text[word_start - 1])
           and text[word_start - 1] not in OPENING):
        word_start -= 1
    word = text[word_start:period]
    return (len(word) == 1 and is_upper(word[0])) or ignore_case_key(word) in ABBREVIATION_KEYS


def add_trimmed(text, start, end, spans):
    while start < end and is_white_space(text[start]):
        start += 1
    while end > start and is_white_space(text[end - 1]):
        end -= 1
    if end > start:
        spans.append((start, end))


# --- Conversion ----------------------------------------------------------------------------------------------------

def slug(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def human_title(title):
    return title.replace("_", " ")


def article_markdown(title, paragraphs):
    # JSON strings are valid YAML double-quoted scalars, which keeps "Jacksonville, Florida" and "(...)" safe.
    front_matter = [
        "---",
        "title: " + json.dumps(human_title(title), ensure_ascii=False),
        "url: " + json.dumps("https://en.wikipedia.org/wiki/" + title, ensure_ascii=False),
        "source: " + json.dumps(SOURCE, ensure_ascii=False),
        "---",
    ]
    for context in paragraphs:
        if "\n" in context or "\r" in context:
            raise ValueError(f"{title}: a paragraph contains a line break; it would not stay one paragraph")
    return "\n".join(front_matter) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def evidence_sentence(context, offset):
    spans = split_sentences(context)
    for start, end in spans:
        if offset < end:
            # An offset in the whitespace between two sentences belongs to the next one.
            return context[start:end]
    return context[spans[-1][0]:spans[-1][1]]


def distinct(values):
    seen = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def question_records(paragraph, stats):
    context = paragraph["context"]
    for qa in paragraph["qas"]:
        answers = qa["answers"]
        first = answers[0]
        evidence = evidence_sentence(context, first["answer_start"])
        if first["text"] not in evidence:
            stats["evidence_cuts_answer"] += 1
        yield {
            "id": qa["id"],
            "question": qa["question"],
            "answers": distinct(a["text"] for a in answers),
            "evidence": evidence,
            "answerable": True,
        }


def notice(articles, paragraph_count, question_count):
    lines = [
        "Evaluation data in this folder (articles/*.md, questions.jsonl)",
        "================================================================",
        "",
        "Source: the SQuAD v1.1 development set.",
        "  Pranav Rajpurkar, Jian Zhang, Konstantin Lopyrev, Percy Liang. \"SQuAD: 100,000+ Questions for Machine",
        "  Comprehension of Text.\" EMNLP 2016. https://rajpurkar.github.io/SQuAD-explorer/",
        "",
        "Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),",
        "  https://creativecommons.org/licenses/by-sa/4.0/",
        "  These files are distributed under the same licence.",
        "",
        "The paragraphs are excerpts of English Wikipedia articles (https://en.wikipedia.org/), written by Wikipedia",
        "contributors, as captured in SQuAD. The articles taken, each with its Wikipedia page:",
        "",
    ]
    for title, paragraphs, questions in articles:
        lines.append(f"  - {human_title(title)}: https://en.wikipedia.org/wiki/{title}"
                     f" ({paragraphs} paragraphs, {questions} questions) -> articles/{slug(title)}.md")
    lines += [
        "",
        f"In all: {len(articles)} articles, {paragraph_count} paragraphs, {question_count} questions",
        "(every question the dev set has on these articles).",
        "",
        "Changes: the files were converted by convert.py in this folder. The format was changed (one Markdown file",
        "per article with title/url/source front matter; questions as JSON lines with distinct answer strings and",
        "the sentence holding the first answer as evidence); the paragraph, question and answer text is unchanged.",
    ]
    return "\n".join(lines) + "\n"


def convert(source, output):
    raw = source.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != OFFICIAL_SHA256:
        print(f"warning: {source} has SHA-256 {digest}, not the official file's", file=sys.stderr)
    by_title = {article["title"]: article for article in json.loads(raw.decode("utf-8"))["data"]}

    articles_dir = output / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    for old in articles_dir.glob("*.md"):
        old.unlink()

    stats = {"evidence_cuts_answer": 0}
    records, summary = [], []
    for title in ARTICLES:
        paragraphs = by_title[title]["paragraphs"]
        contexts = [p["context"] for p in paragraphs]
        write_text(articles_dir / f"{slug(title)}.md", article_markdown(title, contexts))
        before = len(records)
        for paragraph in paragraphs:
            records.extend(question_records(paragraph, stats))
        summary.append((title, len(paragraphs), len(records) - before))

    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    write_text(output / "questions.jsonl", lines)
    paragraph_count = sum(p for _, p, _ in summary)
    write_text(output / "NOTICE", notice(summary, paragraph_count, len(records)))
    print(f"{len(summary)} articles, {paragraph_count} paragraphs, {len(records)} questions; "
          f"{stats['evidence_cuts_answer']} evidence sentences do not hold their whole first answer", file=sys.stderr)


def write_text(path, text):
    path.write_bytes(text.encode("utf-8"))


def main(argv):
    if len(argv) != 3:
        print("usage: convert.py <dev-v1.1.json> <output folder>", file=sys.stderr)
        return 2
    convert(Path(argv[1]), Path(argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
