"""Does a learned line classifier catch unseen junk the rules miss? (issue #11, time travel)

A small logistic regression (numpy only) tells, for each line of a pasted page, junk from story,
from features that carry across outlets: length, punctuation, case, digits, position, the
neighbouring lines, how much of the line's wording recurs in the rest of the text, the page-UI
vocabulary share, and words seen in at least ``MIN_DF`` training articles.

The only honest measure is time travel: for each blind set heldoutN, train on the sets that
existed at its first-run commit (read from git at that commit: dev as it was then, heldout ..
heldout(N-1); the saved pages are twins of text articles and are left out), run the parser OF THAT
COMMIT on the set, and apply the classifier as a post-filter: a body paragraph the rules kept is
dropped when its line's probability of junk reaches the threshold, it is short (at most
``MAX_WORDS`` words) and holds one sentence. The result is scored with the current scorer's logic
(tests/corpus/corpus_score.py) against the current annotations.

    python tests/corpus/linecls_experiment.py timetravel   # the table in docs/articles.md
    python tests/corpus/linecls_experiment.py loso         # leave one set out, current parser
    python tests/corpus/linecls_experiment.py blind COMMIT SET...  # the rest trains; COMMIT parses

Options: ``-v`` lists each line caught, lost or dropped outside the annotations; ``--all-lines``
trains on every labelled line (default: the short one-sentence lines the filter may drop);
``--no-words`` leaves the word features out; ``--context`` adds the line's place among the
story's full paragraphs; ``LINECLS_L2`` sets the regularisation (default 100, chosen on heldout4).
Result (docs/articles.md, "A learned line classifier"): 3 of 44 unseen junk lines caught at the
best honest setting, while story lines score as high; not adopted.

The parser of a commit is taken with ``git archive COMMIT audionews`` into
/work/wt/linecls-old-COMMIT (or $LINECLS_OLD) and run in a child process (``child`` mode).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
#: A blind set, its first-run commit (its README's "Scored" section) and the sets before it.
TIME_TRAVEL = (
    ("heldout4", "2d2a75c", ("dev", "heldout", "heldout2", "heldout3")),
    ("heldout5", "9b550ad", ("dev", "heldout", "heldout2", "heldout3", "heldout4")),
    ("heldout6", "fdc7c0b", ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")),
    (
        "heldout7",
        "d401474",
        ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"),
    ),
    (
        "heldout8",
        "97e0935",
        ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"),
    ),
)
ALL_SETS = ("dev", *(f"heldout{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8)))
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98)
MAX_WORDS = 20
MIN_DF = 3
L2 = float(os.environ.get("LINECLS_L2", "100"))
#: Train only on the lines the filter may drop (short, one sentence).
SHORT_ONLY = "--all-lines" not in sys.argv
#: Add the features of a line's place among the story's paragraphs.
CONTEXT = "--context" in sys.argv

_SENT_END = re.compile(r"[.!?…][\"”»')\]]*\s+[\"“«'(\[]?[A-ZÀ-ỸĐ0-9]")


def _continues(lines: list[str], i: int) -> bool:
    """Line ``i`` carries on the sentence of the line before (a hard-wrapped paragraph)."""
    s = lines[i].strip()
    prev = next((p.strip() for p in reversed(lines[:i]) if p.strip()), "")
    return bool(s) and s[0].islower() and bool(prev) and prev[-1] not in ".!?…:"


def _single_sentence(text: str) -> bool:
    return len(text.split()) <= MAX_WORDS and not _SENT_END.search(text.strip())


# --- child: run a (possibly old) parser ----------------------------------------------------------


def child(set_dir: str, drops_json: str) -> None:
    """Parse every article of ``set_dir`` with the importable ``audionews`` and print JSON: per
    article its structure, its body blocks, and the text heard for each variant of ``drops``
    (variant -> article -> probability per line, dropped at the variant's threshold)."""
    from dataclasses import replace

    from audionews.article import BlockKind, parse_article
    from audionews.script import build_script

    variants: dict[str, dict[str, Any]] = json.loads(Path(drops_json).read_text())
    out: dict[str, Any] = {}
    for path in sorted(Path(set_dir).glob("[0-9]*.txt")):
        article = parse_article(path.read_text(encoding="utf-8"))
        res: dict[str, Any] = {
            "headline": getattr(article, "headline", article.title),
            "byline": article.byline,
            "headings": list(article.headings),
            "blocks": [[b.line, b.kind.value, b.text] for s in article.sections for b in s.blocks],
            "heard": {},
            "dropped": {},
        }
        for name, spec in variants.items():
            probs = {int(k): v for k, v in spec["probs"].get(path.stem, {}).items()}
            gone = []
            sections = []
            for sec in article.sections:
                keep = []
                for b in sec.blocks:
                    p = probs.get(b.line, 0.0)
                    if (
                        b.kind is BlockKind.PARAGRAPH
                        and p >= spec["threshold"]
                        and _single_sentence(b.text)
                    ):
                        gone.append([b.line, b.text, p])
                    else:
                        keep.append(b)
                sections.append(replace(sec, blocks=tuple(keep)))
            art = replace(article, sections=tuple(sections))
            if spec.get("lead_headings"):
                art = _drop_lead_headings(art, probs, spec["threshold"], gone)
            script = build_script(art, max_chars=100_000, normalize=lambda t: t)
            res["heard"][name] = " ".join(c.text for c in script.chunks)
            res["dropped"][name] = gone
        out[path.stem] = res
    print(json.dumps(out, ensure_ascii=False))


def _drop_lead_headings(
    art: Any, probs: dict[int, float], threshold: float, gone: list[Any]
) -> Any:
    """Also drop a short lead or subheading whose line reaches ``threshold``."""
    from dataclasses import replace

    lead = art.lead
    if lead and probs.get(art.lead_line, 0.0) >= threshold and _single_sentence(lead):
        gone.append([art.lead_line, lead, probs[art.lead_line]])
        lead = None
    sections: list[Any] = []
    for sec in art.sections:
        p = probs.get(sec.heading_line, 0.0)
        if sec.heading is not None and p >= threshold and _single_sentence(sec.heading):
            gone.append([sec.heading_line, sec.heading, p])
            if sections:
                prev = sections.pop()
                sec = replace(prev, blocks=prev.blocks + sec.blocks)
            else:
                sec = replace(sec, heading=None, heading_line=0)
        sections.append(sec)
    return replace(art, lead=lead, sections=tuple(sections))


# --- data ---------------------------------------------------------------------------------------


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout


def load_set(name: str, commit: str | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(stem, text, annotation) of each article of set ``name`` (at ``commit``, or as now)."""
    if commit is None:
        return [
            (
                p.stem,
                p.read_text(encoding="utf-8"),
                json.loads(p.with_suffix(".json").read_text(encoding="utf-8")),
            )
            for p in sorted((CORPUS / name).glob("[0-9]*.txt"))
        ]
    files = _git("ls-tree", "-r", "--name-only", commit, f"tests/corpus/{name}/").split()
    out = []
    for f in sorted(files):
        stem = Path(f).stem
        if f.endswith(".txt") and stem[:1].isdigit() and f[:-4] + ".json" in files:
            text = _git("show", f"{commit}:{f}")
            ann = json.loads(_git("show", f"{commit}:{f[:-4]}.json"))
            out.append((stem, text, ann))
    return out


def _fold(text: str) -> str:
    from audionews.segment import unglue_sentences

    return " ".join(unglue_sentences(text).split())


def label_lines(text: str, ann: dict[str, Any]) -> dict[int, int]:
    """1-based line -> 1 (junk: a must_not_hear line), 0 (story or structure); lines in neither
    list, or in both, are left out."""
    story = [_fold(s) for s in ann["must_hear"] if s.strip()]
    struct = {_fold(s) for s in [ann["title"], ann["byline"], *ann["headings"]] if s}
    junk = [_fold(s) for s in ann["must_not_hear"] if s.strip()]
    out: dict[int, int] = {}
    for no, raw in enumerate(text.splitlines(), 1):
        line = _fold(raw)
        if not line:
            continue
        is_story = line in struct or any(
            s in line or (len(line) >= 20 and line in s) for s in story
        )
        is_junk = any((j in line and len(j) >= 0.5 * len(line)) or line in j for j in junk)
        if is_story != is_junk:
            out[no] = int(is_junk)
    return out


# --- features -----------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_DATE = re.compile(r"\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?|\d{1,2}:\d{2}")
_UPPER = re.compile(r"^[A-ZÀ-ỸĐ]")


def _basic(line: str) -> dict[str, float]:
    s = line.strip()
    words = s.split()
    alpha = _WORD.findall(s)
    n = max(len(words), 1)
    last = s[-1:] if s else ""
    caps = sum(1 for w in alpha if w[:1].isupper())
    return {
        "len_log": math.log1p(len(words)),
        "short3": float(len(words) <= 3),
        "short8": float(len(words) <= 8),
        "long30": float(len(words) >= 30),
        "end_stop": float(last in ".!?…"),
        "end_colon": float(last == ":"),
        "end_close": float(last in ')]»”"'),
        "end_none": float(last.isalnum()),
        "sentences": math.log1p(len(_SENT_END.findall(s))),
        "digit_share": len(_DIGIT.findall(s)) / max(len(s), 1),
        "has_date": float(bool(_DATE.search(s))),
        "all_caps": float(bool(alpha) and all(w.isupper() for w in alpha if len(w) > 1)),
        "cap_share": caps / max(len(alpha), 1),
        "starts_lower": float(bool(s) and s[0].islower()),
        "starts_upper": float(bool(_UPPER.match(s))),
        "starts_symbol": float(bool(s) and not s[0].isalnum()),
        "pipes": float(any(c in s for c in "|»>›•")),
        "no_alpha": float(not alpha),
        "word_ratio": len(alpha) / n,
    }


def _loose(line: str) -> bool:
    """Short and without a sentence's end: a headline, label, caption or widget shape."""
    s = line.strip()
    return len(s.split()) <= MAX_WORDS and s[-1:] not in ".!?…"


def _context(lines: list[str], i: int) -> dict[str, float]:
    """Where the line stands among the story's paragraphs (``--context``): in a run of loose
    lines, after the last / before the first full paragraph (15+ words ending a sentence)."""
    run = 1
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and _loose(lines[j]):
            run += 1
            j += step
    full = [k for k, t in enumerate(lines) if len(t.split()) >= 15 and t.strip()[-1:] in ".!?…"]
    n = len(lines)
    after = [k for k in full if k > i]
    return {
        "run_loose": math.log1p(run) if _loose(lines[i]) else 0.0,
        "after_story": float(bool(full) and i > full[-1]),
        "before_story": float(bool(full) and i < full[0]),
        "to_story_end": (full[-1] - i) / n if full and i < full[-1] else 0.0,
        "full_after": math.log1p(len(after)),
        "between_full": float(bool(full) and full[0] < i < full[-1]),
    }


def _tokens(line: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(line)]


@dataclass
class Featurizer:
    vocab_ui: Any | None  # audionews.pageui.Vocabulary (None: no page-UI feature)
    words: tuple[str, ...] = ()

    def dense(self, lines: list[str], i: int, body_idx: list[int]) -> dict[str, float]:
        """Features of line ``i`` among the non-empty ``lines`` of one text."""
        n = len(lines)
        line = lines[i]
        f = _basic(line)
        f["pos"] = i / max(n - 1, 1)
        f["top3"] = float(i < 3)
        f["bottom3"] = float(i >= n - 3)
        f["first"] = float(i == 0)
        f["last"] = float(i == n - 1)
        # Before the first / after the last long paragraph (the story's core).
        f["before_body"] = float(bool(body_idx) and i < body_idx[0])
        f["after_body"] = float(bool(body_idx) and i > body_idx[-1])
        for side, j in (("prev", i - 1), ("next", i + 1)):
            if 0 <= j < n:
                b = _basic(lines[j])
                f[f"{side}_len_log"] = b["len_log"]
                f[f"{side}_end_stop"] = b["end_stop"]
                f[f"{side}_short8"] = b["short8"]
            else:
                f[f"{side}_edge"] = 1.0
        if CONTEXT:
            f.update(_context(lines, i))
        # Share of the line's word pairs that recur elsewhere in the text.
        toks = _tokens(line)
        pairs = set(itertools.pairwise(toks))
        if pairs:
            rest: set[tuple[str, str]] = set()
            for j, other in enumerate(lines):
                if j != i:
                    t = _tokens(other)
                    rest.update(itertools.pairwise(t))
            f["recur"] = len(pairs & rest) / len(pairs)
        else:
            f["recur_none"] = 1.0
        if self.vocab_ui is not None:
            from audionews.pageui import interface_share

            f["ui_share"] = interface_share(line, self.vocab_ui)
        return f

    def article(self, text: str) -> dict[int, dict[str, float]]:
        """1-based line number -> features, for each non-empty line of ``text``."""
        numbered = [(no, raw.strip()) for no, raw in enumerate(text.splitlines(), 1) if raw.strip()]
        lines = [t for _, t in numbered]
        body_idx = [k for k, t in enumerate(lines) if len(t.split()) >= 30]
        out = {}
        for k, (no, t) in enumerate(numbered):
            f = self.dense(lines, k, body_idx)
            for w in set(_tokens(t)):
                if w in self._wordset:
                    f["w:" + w] = 1.0
            out[no] = f
        return out

    @property
    def _wordset(self) -> frozenset[str]:
        return frozenset(self.words)


# --- model --------------------------------------------------------------------------------------


@dataclass
class Model:
    names: tuple[str, ...]
    mean: Any
    scale: Any
    weights: Any
    bias: float

    def predict(self, feats: list[dict[str, float]]) -> Any:
        import numpy as np

        x = self._matrix(feats)
        return 1 / (1 + np.exp(-(x @ self.weights + self.bias)))

    def _matrix(self, feats: list[dict[str, float]]) -> Any:
        import numpy as np

        idx = {n: k for k, n in enumerate(self.names)}
        x = np.zeros((len(feats), len(self.names)))
        for r, f in enumerate(feats):
            for k, v in f.items():
                if k in idx:
                    x[r, idx[k]] = v
        return (x - self.mean) / self.scale


def train(feats: list[dict[str, float]], y: list[int], l2: float = L2) -> Model:
    """L2-regularised logistic regression by Newton's method (deterministic)."""
    import numpy as np

    names = tuple(sorted({k for f in feats for k in f}))
    m = Model(names, np.zeros(len(names)), np.ones(len(names)), np.zeros(len(names)), 0.0)
    raw = m._matrix(feats)
    mean = raw.mean(axis=0)
    scale = raw.std(axis=0)
    scale[scale == 0] = 1.0
    x = (raw - mean) / scale
    x1 = np.hstack([x, np.ones((len(x), 1))])
    t = np.asarray(y, dtype=float)
    w = np.zeros(x1.shape[1])
    reg = np.full(x1.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x1 @ w)))
        grad = x1.T @ (p - t) + reg * w
        hess = (x1 * (p * (1 - p))[:, None]).T @ x1 + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Model(names, mean, scale, w[:-1], float(w[-1]))


def fit(
    articles: list[tuple[str, str, dict[str, Any]]], vocab_ui: Any | None, use_words: bool = True
) -> tuple[Featurizer, Model]:
    df: Counter[str] = Counter()
    for _, text, _ in articles:
        df.update({w for line in text.splitlines() for w in _tokens(line)})
    words = tuple(sorted(w for w, c in df.items() if c >= MIN_DF)) if use_words else ()
    fz = Featurizer(vocab_ui, words)
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    for _, text, ann in articles:
        feats = fz.article(text)
        lines = text.splitlines()
        for no, lab in label_lines(text, ann).items():
            if SHORT_ONLY and not _single_sentence(lines[no - 1]):
                continue
            xs.append(feats[no])
            ys.append(lab)
    return fz, train(xs, ys)


def vocab_at(commit: str | None) -> Any | None:
    """The page-UI vocabulary as it was at ``commit`` (None when it did not exist yet)."""
    from audionews.pageui import load_vocabulary, parse_vocabulary

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    if commit is None:
        return load_vocabulary()
    try:
        data = _git("show", f"{commit}:audionews/data/page_ui.toml")
    except subprocess.CalledProcessError:
        return None
    return parse_vocabulary(tomllib.loads(data))


# --- evaluation ---------------------------------------------------------------------------------


def run_parser(pkg: Path, set_dir: Path, variants: dict[str, Any]) -> dict[str, Any]:
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"linecls-{os.getpid()}.json"
    tmp.write_text(json.dumps(variants))
    env = {**os.environ, "PYTHONPATH": str(pkg)}
    res = subprocess.run(
        [sys.executable, __file__, "child", str(set_dir), str(tmp)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd="/",
    )
    tmp.unlink()
    return dict(json.loads(res.stdout))


@dataclass
class Tally:
    lost: int = 0
    junk: int = 0
    structure_ok: int = 0
    structure: int = 0
    unannotated: int = 0
    caught: list[str] | None = None
    lost_lines: list[str] | None = None
    other_lines: list[str] | None = None


def score_variant(
    articles: list[tuple[str, str, dict[str, Any]]], parsed: dict[str, Any], name: str
) -> Tally:
    t = Tally(caught=[], lost_lines=[], other_lines=[])
    for stem, _text, ann in articles:
        r = parsed[stem]
        heard = _fold(r["heard"][name])
        before = _fold(r["heard"]["none"])
        t.structure += 3
        t.structure_ok += (r["headline"] == ann["title"]) + (r["byline"] == ann["byline"])
        t.structure_ok += r["headings"] == ann["headings"]
        for s in ann["must_hear"]:
            if _fold(s) not in heard:
                t.lost += 1
                if _fold(s) in before:
                    t.lost_lines.append(f"{stem}: {s}")  # type: ignore[union-attr]
        for j in ann["must_not_hear"]:
            if _fold(j) in heard:
                t.junk += 1
            elif _fold(j) in before:
                t.caught.append(f"{stem}: {j}")  # type: ignore[union-attr]
        labels = label_lines(_text, ann)
        for no, text, p in r["dropped"][name]:
            if no not in labels:
                t.unannotated += 1
                t.other_lines.append(f"{stem} ({p:.2f}): {text}")  # type: ignore[union-attr]
    return t


def evaluate(
    pkg: Path,
    set_name: str,
    test: list[tuple[str, str, dict[str, Any]]],
    fz: Featurizer,
    model: Model,
    verbose: bool,
) -> list[tuple[str, Tally]]:
    probs: dict[str, dict[int, float]] = {}
    for stem, text, _ in test:
        feats = fz.article(text)
        nos = sorted(feats)
        ps = model.predict([feats[n] for n in nos]) if nos else []
        lines = text.splitlines()
        pairs = zip(nos, ps, strict=True)
        probs[stem] = {n: float(p) for n, p in pairs if not _continues(lines, n - 1)}
    variants = {"none": {"threshold": 2.0, "probs": {}}}
    for th in THRESHOLDS:
        variants[f"{th}"] = {"threshold": th, "probs": probs}
        variants[f"{th}+"] = {"threshold": th, "probs": probs, "lead_headings": True}
    parsed = run_parser(pkg, CORPUS / set_name, variants)
    rows = [(name, score_variant(test, parsed, name)) for name in variants]
    if verbose:
        for name, t in rows:
            for what, items in (
                ("caught", t.caught),
                ("LOST", t.lost_lines),
                ("unannotated", t.other_lines),
            ):
                for item in items or []:
                    print(f"    [{set_name} t={name}] {what}: {item[:110]}")
    return rows


def _print_rows(label: str, rows: list[tuple[str, Tally]]) -> None:
    base = rows[0][1]
    for name, t in rows:
        print(
            f"{label:10} t={name:5} junk heard {base.junk:3} -> {t.junk:3}   "
            f"lost {base.lost} -> {t.lost}   structure {t.structure_ok}/{t.structure}   "
            f"unannotated lines dropped {t.unannotated}"
        )


def _old_package(commit: str) -> Path:
    root = Path(os.environ.get("LINECLS_OLD", "/work/wt"))
    pkg = root / f"linecls-old-{commit}"
    if not (pkg / "audionews").exists():
        pkg.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "audionews"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(pkg)], input=archive, check=True)
    return pkg


def timetravel(verbose: bool, use_words: bool) -> None:
    """Each blind set on the parser of its first run; heldout4 is the tuning set (the settings
    were chosen on it), heldout5..8 are summed as the measure."""
    total: dict[str, list[int]] = {}
    for set_name, commit, before in TIME_TRAVEL:
        train_arts = [a for s in before for a in load_set(s, commit)]
        fz, model = fit(train_arts, vocab_at(commit), use_words)
        test = load_set(set_name)
        rows = evaluate(_old_package(commit), set_name, test, fz, model, verbose)
        print(f"# {set_name} on {commit}: trained on {len(train_arts)} articles of {before}")
        _print_rows(set_name, rows)
        if set_name != "heldout4":
            _add_rows(total, rows)
    _print_total(
        "# heldout5..8 together (junk heard before -> after, lost, unannotated lines dropped)",
        total,
    )


def _add_rows(total: dict[str, list[int]], rows: list[tuple[str, Tally]]) -> None:
    for name, t in rows:
        acc = total.setdefault(name, [0, 0, 0, 0])
        acc[0] += rows[0][1].junk
        acc[1] += t.junk
        acc[2] += t.lost
        acc[3] += t.unannotated


def _print_total(header: str, total: dict[str, list[int]]) -> None:
    print(header)
    for name, (jb, ja, lost, other) in total.items():
        print(f"  t={name:5}  junk {jb} -> {ja}   lost {lost}   unannotated dropped {other}")


def loso(verbose: bool, use_words: bool) -> None:
    sets = {s: load_set(s) for s in ALL_SETS}
    for held in ALL_SETS:
        train_arts = [a for s, arts in sets.items() if s != held for a in arts]
        fz, model = fit(train_arts, vocab_at(None), use_words)
        rows = evaluate(ROOT, held, sets[held], fz, model, verbose)
        _print_rows(held, rows)


def blind(verbose: bool, use_words: bool) -> None:
    """``blind COMMIT SET...``: train on every scored set but SET..., run the parser of COMMIT
    (``HEAD`` for the working tree) on each SET and apply the filter: the honest test on sets
    gathered after the parser's commit."""
    from corpus_score import SETS

    args = [a for a in sys.argv[2:] if not a.startswith("-")]
    commit, held = args[0], args[1:]
    train_arts = [a for s in SETS if s not in held and s != "pages" for a in load_set(s)]
    fz, model = fit(train_arts, vocab_at(None if commit == "HEAD" else commit), use_words)
    pkg = ROOT if commit == "HEAD" else _old_package(commit)
    total: dict[str, list[int]] = {}
    for name in held:
        rows = evaluate(pkg, name, load_set(name), fz, model, verbose)
        _print_rows(name, rows)
        _add_rows(total, rows)
    _print_total(
        f"# together, trained on {len(train_arts)} articles (junk before -> after, lost, other)",
        total,
    )


if __name__ == "__main__":
    if sys.argv[1] == "child":
        child(sys.argv[2], sys.argv[3])
    else:
        sys.path.insert(0, str(ROOT))
        words = "--no-words" not in sys.argv
        modes = {"timetravel": timetravel, "loso": loso, "blind": blind}
        modes[sys.argv[1]]("-v" in sys.argv, words)
