"""The page-UI vocabulary (audionews/data/page_ui.toml): its evidence and how well it works.

    python tests/corpus/chrome_vocab.py evidence [--write]   where each term was seen
    python tests/corpus/chrome_vocab.py score                 precision/recall on the sets' lines
    python tests/corpus/chrome_vocab.py loo SET RUN_FILE      leave SET's evidence out, then score
                                                              SET's unseen-run junk lines

Evidence: a term is seen in `survey` (tests/corpus/chrome_survey.toml: pages outside the corpus)
or in a set (`dev`, `heldout`, …) when a chrome line annotated there (`must_not_hear`) holds it.
Two more tags are kept as written in the TOML: `rules` (a widget rule written before the
vocabulary, article.py at fe76546, names it) and `brief` (named in issue #11's brief as page UI,
no line seen).
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import tomllib
from corpus_score import CORPUS, SETS, cases
from corpus_score import score as cs_score

from audionews.pageui import (
    Vocabulary,
    is_interface_line,
    load_vocabulary,
    parse_vocabulary,
    split_glued,
    tokens,
)

DATA = Path(__file__).parents[2] / "audionews" / "data" / "page_ui.toml"
KEPT_TAGS = ("rules", "brief")


def chrome_lines() -> dict[str, list[str]]:
    survey = tomllib.loads((CORPUS / "chrome_survey.toml").read_text(encoding="utf-8"))
    out = {"survey": [line for page in survey["page"] for line in page["lines"]]}
    for which in SETS:
        out[which] = [
            line
            for path in cases(which)
            for line in json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))[
                "must_not_hear"
            ]
        ]
    return out


def _holds(line: str, term: tuple[str, ...]) -> bool:
    n = len(term)
    for toks in (tokens(line), tokens(split_glued(line))):  # "3 giờ trướcBài gốc" as read
        if any(tuple(toks[i : i + n]) == term for i in range(len(toks) - n + 1)):
            return True
    return False


def evidence(vocab: Vocabulary) -> dict[str, list[str]]:
    lines = chrome_lines()
    out = {}
    for term, old in vocab.evidence.items():
        seen = [src for src, ls in lines.items() if any(_holds(x, tuple(tokens(term))) for x in ls)]
        out[term] = seen + [t for t in KEPT_TAGS if t in old]
    return out


def write(ev: dict[str, list[str]]) -> None:
    text = DATA.read_text(encoding="utf-8")
    head, _, rest = text.partition("[terms]\n")
    _, _, tail = rest.partition("\n[neutral]")
    body = "".join(
        f'"{t}" = [{", ".join(json.dumps(s) for s in ev[t])}]\n'
        for t in sorted(ev, key=lambda t: (tokens(t), t))
    )
    DATA.write_text(f"{head}[terms]\n{body}\n[neutral]{tail}", encoding="utf-8")


def _fold(text: str) -> str:
    return " ".join(text.split())


def score(vocab: Vocabulary, sets: tuple[str, ...] = SETS) -> None:
    """Precision on every line of the sets' texts; recall on annotated chrome lines."""
    hits = {"chrome": 0, "story": 0, "other": 0}
    annotated = caught = 0
    for which in sets:
        for path in cases(which):
            ann = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            bad = [_fold(x) for x in ann["must_not_hear"]]
            good = [_fold(x) for x in ann["must_hear"]]
            for x in bad:
                annotated += 1
                caught += is_interface_line(x, vocab)
            for raw in path.read_text(encoding="utf-8").splitlines():
                line = _fold(raw)
                if not line or not is_interface_line(line, vocab):
                    continue
                kind = (
                    "story"
                    if any(g in line for g in good)
                    else "chrome"
                    if any(b in line or line in b for b in bad)
                    else "other"
                )
                hits[kind] += 1
                if kind != "chrome":
                    print(f"  {kind:6} {which}/{path.stem}: {line!r}")
    print(f"lines taken for interface chrome: {hits} (story lines must be 0)")
    print(f"annotated must_not_hear lines caught: {caught}/{annotated}")


_HEARD = re.compile(r"^\s+- heard: (.*)$")


def loo(which: str, run: Path) -> None:
    vocab = load_vocabulary().without([which])
    total = len(load_vocabulary().evidence)
    print(f"vocabulary without {which}: {len(vocab.evidence)} of {total} terms")
    junk = [
        ast.literal_eval(m.group(1))
        for line in run.read_text(encoding="utf-8").splitlines()
        if (m := _HEARD.match(line))
    ]
    got = [j for j in junk if is_interface_line(j, vocab)]
    print(f"{which}'s unseen-run junk lines caught: {len(got)}/{len(junk)}")
    for j in junk:
        print(f"  {'CAUGHT' if j in got else 'missed'} {j!r}")
    score(vocab, (which,))
    full = [j for j in junk if is_interface_line(j)]
    print(f"with the whole vocabulary: {len(full)}/{len(junk)}")
    import audionews.pageui as pageui  # the parser, reading with the vocabulary left out

    pageui.load_vocabulary = lambda: vocab  # type: ignore[assignment]
    results = [cs_score(p) for p in cases(which)]
    lost = sum(r.lost for r in results)
    print(f"{which} parsed with it: story sentences lost {lost}, ", end="")
    print(f"checks {sum(r.passed for r in results)}/{sum(r.total for r in results)}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "score"
    if cmd == "evidence":
        ev = evidence(parse_vocabulary(tomllib.loads(DATA.read_text(encoding="utf-8"))))
        for t, e in ev.items():
            print(f"{t!r}: {e}")
        print(f"{len(ev)} terms, {sum(1 for e in ev.values() if not e)} without evidence")
        if "--write" in sys.argv:
            write(ev)
    elif cmd == "loo":
        loo(sys.argv[2], Path(sys.argv[3]))
    else:
        score(load_vocabulary())
