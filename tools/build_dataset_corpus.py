"""Build a tuning corpus for ``tracker.ingest.evaluate`` from the dataset's own sources.

Usage::

    python tools/build_dataset_corpus.py [--articles DIR ...] [--out /work/corpus/dataset]
        [--expected tests/corpus/dataset-articles.json] [--data-dir data]
        [--negatives FILE]

The data gatherers saved the pages they read (third-party text, kept outside the repository)
and checked each incident they recorded against them by hand. Each saved page whose URL is a
``supports`` source in ``data/sources.csv`` becomes a corpus article whose expected incidents
are those dataset rows (date and its precision, country, place, type, phase). Pages with no
incident row are left out unless ``--negatives`` lists their URL (one per line, ``URL  why``):
only a gatherer's note that a page reports no incident makes it a negative.

The texts are copied to ``--out`` (outside the repository) with a ``URL:`` header line, and the
expected facts are written in the evaluator's schema with a ``language`` guess and a split fixed
by ``sha1(url) % 10 < 7`` -> ``dataset-tune``, else ``dataset-check``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from pathlib import Path

DEFAULT_ARTICLES = [f"/work/scratch/data-{x}/articles" for x in "abc"]

# Short function words that are frequent in one language and rare in the others.
_STOPWORDS = {
    "en": "the of and to in is was that for with from by on at which were has",
    "de": "der die das und ist nicht mit von den dem sich auf auch ein eine wurde",
    "fr": "le la les et des est une dans pour que qui sur par pas avec été",
    "es": "el la los las y que del en por con una para fue según sus",
    "pt": "o a os as e que do da em para com uma não foi pelo pela",
    "it": "il lo la gli le e che di del della per con una non sono",
    "nl": "de het een en van is dat op te met voor niet zijn werd",
    "no": "og det er på som til av med har ikke var fra å en et",
    "sv": "och det är på som till av med har inte var från att en ett",
    "da": "og det er på som til af med har ikke var fra at en et blev",
    "fi": "ja on että oli ei se myös kun mutta joka ovat tai",
    "pl": "i w na z się że do nie jest to przez od po dla",
    "cs": "a v na se že je to do z jako pro by byl",
    "sk": "a v na sa že je to do z ako pre by bol",
    "lt": "ir kad yra su iš į o bet per apie",
    "lv": "un ir kas ar no uz par arī bet",
    "et": "ja on et ei oli see kui ka või",
    "hu": "a az és hogy nem egy is meg van",
    "ro": "și în de la cu că pe un o nu",
    "tr": "ve bir bu için ile da de olarak",
    "id": "dan yang di ini itu dengan untuk tidak dari",
}
_STOPSETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_SCRIPTS = [
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("ar", re.compile("[\u0600-\u06ff]")),
    ("hi", re.compile("[\u0900-\u097f]")),
    ("zh", re.compile("[\u4e00-\u9fff]")),
    ("ja", re.compile("[\u3040-\u30ff]")),
    ("ko", re.compile("[\uac00-\ud7af]")),
    ("el", re.compile("[\u0370-\u03ff]")),
]


def guess_language(text: str) -> str:
    """A rough language code from the script, then from the commonest function words."""
    sample = text[:6000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) > 0.3 * letters:
            if code == "ru" and re.search("[іїєґ]", sample):
                return "uk"
            return code
    words = re.findall(r"[^\W\d_]+", sample.lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPSETS.items()}
    return max(scores, key=scores.get) if words else "und"


def _norm_url(url: str) -> str:
    url = url.strip()
    url = re.sub(r"^https?://(www\.)?", "", url)
    return url.rstrip("/").lower()


def _header(text: str) -> tuple[dict, str]:
    """``URL:``/``Publisher:``/``Published:``/``Title:`` lines at the top, and the rest."""
    meta: dict[str, str] = {}
    lines = text.splitlines()
    body_start = 0
    for number, line in enumerate(lines[:8]):
        match = re.match(r"^(URL|Publisher|Published|Title|Source):\s*(.*)$", line)
        if match:
            meta[match.group(1).lower()] = match.group(2).strip()
            body_start = number + 1
    return meta, "\n".join(lines[body_start:])


def _side_info(article: Path) -> dict:
    """URL and publication date recorded beside the text (ingest runs' JSON, a .ref file)."""
    info: dict[str, str] = {}
    ref = article.with_suffix(".ref")
    if ref.is_file():
        value = ref.read_text("utf-8").strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            info["published"] = value
    for folder in ("reviewed", "json", "cands"):
        run = article.parent.parent / folder / f"{article.stem}.json"
        if not run.is_file():
            continue
        try:
            items = json.loads(run.read_text("utf-8"))
        except ValueError:
            continue
        for item in items if isinstance(items, list) else []:
            source = item.get("source") or {}
            if source.get("url"):
                info.setdefault("url", source["url"])
                if source.get("published"):
                    info.setdefault("published", source["published"])
                if source.get("publisher"):
                    info.setdefault("publisher", source["publisher"])
                break
    return info


def _logged_urls(article_dirs: list[Path], notes_dir: Path) -> dict[str, str]:
    """URL of each saved page as the gatherers' logs give it (``"name": ..., "url": ...``)."""
    found: dict[str, str] = {}
    for folder in article_dirs:
        log = folder.parent / "applied.log"
        if not log.is_file():
            continue
        for line in log.read_text("utf-8").splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict) and item.get("name") and item.get("url"):
                found.setdefault(f"{folder}/{item['name']}", item["url"])
    # Pages the logs name only by URL: a unique logged URL whose host or digits the name shares.
    log_urls = set()
    for log in notes_dir.glob("data-*-log.md"):
        log_urls |= set(re.findall(r"https?://\S+", log.read_text("utf-8")))
    for folder in article_dirs:
        for path in folder.glob("*.txt"):
            tokens = [t for t in re.split(r"[-_.]", path.stem) if len(t) >= 5]
            hits = {
                u
                for u in log_urls
                for t in tokens
                if (t.isdigit() and t in u)
                or (not t.isdigit() and t.lower() in re.sub(r"^https?://", "", u).split("/")[0])
            }
            if len(hits) == 1:
                found.setdefault(f"{folder}/{path.stem}", hits.pop())
    return found


def _expected(row: dict) -> dict:
    country = row["country"]
    return {
        "date": row["date"],
        "precision": row["date_precision"] or "day",
        "country": country if country else "",
        "place": row["location"],
        "type": row["interference"],
        "phase": row["flight_phase"],
        "incident_id": row["id"],
    }


def build(
    article_dirs: list[Path],
    out_dir: Path,
    expected_file: Path,
    data_dir: Path,
    negatives: dict[str, str],
    notes_dir: Path = Path("/work/notes"),
) -> dict:
    with open(data_dir / "incidents.csv", newline="", encoding="utf-8") as fh:
        incidents = {row["id"]: row for row in csv.DictReader(fh)}
    by_url: dict[str, list[dict]] = {}
    stances: dict[str, set[str]] = {}
    with open(data_dir / "sources.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = _norm_url(row["url"])
            stances.setdefault(key, set()).add(row["stance"])
            if row["stance"] == "supports" and row["incident_id"] in incidents:
                by_url.setdefault(key, []).append(row)
    logged = _logged_urls(article_dirs, notes_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    articles = []
    seen: set[str] = set()
    stats = {"texts": 0, "no_url": 0, "no_incident": 0, "duplicate": 0, "not_supports": 0}
    for folder in article_dirs:
        for path in sorted(folder.glob("*.txt")):
            stats["texts"] += 1
            text = path.read_text("utf-8", errors="replace")
            meta, body = _header(text)
            side = _side_info(path)
            url = meta.get("url") or side.get("url") or logged.get(f"{folder}/{path.stem}")
            if not url:
                stats["no_url"] += 1
                print(f"skip (no URL): {path}", file=sys.stderr)
                continue
            key = _norm_url(url)
            if key in seen:
                stats["duplicate"] += 1
                continue
            rows = by_url.get(key, [])
            if not rows and key not in {_norm_url(u) for u in negatives}:
                if stances.get(key):
                    stats["not_supports"] += 1
                else:
                    stats["no_incident"] += 1
                continue
            seen.add(key)
            published = meta.get("published") or side.get("published") or ""
            if not published:
                published = next((r["published"] for r in rows if r.get("published")), "")
            publisher = meta.get("publisher") or side.get("publisher") or ""
            if not publisher and rows:
                publisher = rows[0]["publisher"]
            name = f"{folder.parent.name}-{path.stem}.txt"
            head = [f"URL: {url}"]
            if meta.get("title"):
                head.append(f"Title: {meta['title']}")
            (out_dir / name).write_text("\n".join(head) + "\n\n" + body.strip() + "\n", "utf-8")
            split = (
                "dataset-tune"
                if int(hashlib.sha1(url.encode()).hexdigest(), 16) % 10 < 7
                else ("dataset-check")
            )
            expected = []
            for row in rows:
                if row["incident_id"] not in {e["incident_id"] for e in expected}:
                    expected.append(_expected(incidents[row["incident_id"]]))
            article = {
                "id": f"d{len(articles) + 1:03d}",
                "file": name,
                "url": url,
                "publisher": publisher,
                "published": published,
                "language": guess_language(body),
                "split": split,
                "positive": bool(expected),
                "incidents": expected,
            }
            if not expected:
                article["why_negative"] = negatives.get(url) or next(
                    v for u, v in negatives.items() if _norm_url(u) == key
                )
            articles.append(article)
    doc = {
        "about": (
            "Real articles the data gatherers read, with the facts of the dataset rows they "
            "support (checked by hand against each page; data/incidents.csv, data/sources.csv). "
            "Texts are not in the repository: tools/build_dataset_corpus.py rebuilds the folder "
            "from the gatherers' saved pages. Split fixed before tuning by sha1(url) % 10 < 7 "
            "-> dataset-tune, else dataset-check. An expected country of '' means at sea "
            "(the candidate must have no country). language is a rough guess."
        ),
        "articles": articles,
    }
    expected_file.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", "utf-8")
    stats["articles"] = len(articles)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", action="append", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/work/corpus/dataset"))
    parser.add_argument("--expected", type=Path, default=Path("tests/corpus/dataset-articles.json"))
    parser.add_argument("--data-dir", type=Path, default=Path("data"))
    parser.add_argument("--negatives", type=Path, help="file of 'URL  why' lines")
    parser.add_argument(
        "--notes", type=Path, default=Path("/work/notes"), help="folder of the gatherers' logs"
    )
    args = parser.parse_args(argv)
    negatives: dict[str, str] = {}
    if args.negatives:
        for line in args.negatives.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                url, _, why = line.strip().partition(" ")
                negatives[url] = why.strip() or "no incident (gatherer's note)"
    dirs = args.articles or [Path(d) for d in DEFAULT_ARTICLES]
    stats = build(dirs, args.out, args.expected, args.data_dir, negatives, args.notes)
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
