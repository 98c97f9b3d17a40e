"""Build the small real-data samples shipped in ``src/medtune/medical/samples/``.

Run from the repository root::

    python scripts/make_samples.py [--data-dir ../shared/data] [--out-dir src/medtune/medical/samples]

It reads the full corpora (never shipped) and writes three deterministic samples:

* ``medical_sample.jsonl``: 200 ChatDoctor (GenMedGPT-5k) records and 100 answered MedQuAD pairs, as
  ``{id, instruction, input, output, source, category, metadata}`` lines.
* ``pubmedqa_sample.json``: 60 PubMedQA expert-labelled entries in the original ``{pmid: {...}}`` format.
* ``medquad_sample/``: three original MedQuAD XML files, copied byte for byte into their original folders.

Every random choice uses its own ``random.Random(SEED)`` over a sorted candidate list, and every file is
written with fixed key order, separators and line endings, so re-running gives byte-identical files.
The licence texts and ``ATTRIBUTION.md`` next to the samples are maintained by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

SEED = 42
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = ROOT.parent / "shared" / "data"
DEFAULT_OUT_DIR = ROOT / "src" / "medtune" / "medical" / "samples"

N_CHATDOCTOR = 200
N_MEDQUAD = 100
N_PUBMEDQA = 60
MIN_PER_DECISION = 10
MAX_OUTPUT_CHARS = 2500

MEDQUAD_INSTRUCTION = "You are a medical information assistant. Answer the question accurately and clearly."

# Original files copied into medquad_sample/: folder -> file names. The CancerGov pair are the two smallest
# answered files with distinct document ids; the A.D.A.M. file is the smallest one (its answer is empty).
MEDQUAD_DIR_FILES: dict[str, tuple[str, ...]] = {
    "1_CancerGov_QA": ("0000007_5.xml", "0000013_2_6.xml"),
    "10_MPlus_ADAM_QA": ("0003664.xml",),
}


@dataclass(frozen=True)
class MedQuADPair:
    """One question/answer pair of a MedQuAD XML file.

    Attributes:
        folder: The collection folder, e.g. ``2_GARD_QA``.
        stem: The XML file name without ``.xml`` (unique within its folder, unlike the document id).
        position: The pair's 0-based position in its file.
        pid: The pair's ``pid`` attribute.
        qid: The question's ``qid`` attribute.
        qtype: The question type, e.g. ``symptoms``.
        question: The question text, stripped.
        answer: The answer text, stripped (empty for the MedlinePlus folders).
        focus: The document's focus (disease, drug, ...).
        url: The document's source URL.
    """

    folder: str
    stem: str
    position: int
    pid: str
    qid: str | None
    qtype: str | None
    question: str
    answer: str
    focus: str
    url: str | None


def _folder_number(folder: str) -> int:
    """Numeric prefix of a MedQuAD folder name (``10_MPlus_ADAM_QA`` -> 10)."""
    return int(folder.split("_", 1)[0])


def _looks_mojibake(text: str) -> bool:
    """Whether ``text`` is UTF-8 that was wrongly decoded as cp1252 (mojibake such as ``Itâ€™s``)."""
    try:
        return text.encode("cp1252").decode("utf-8") != text
    except UnicodeError:
        return False


def _normalise(text: str) -> str:
    """Lower-case ``text`` and collapse punctuation and whitespace, to spot near-duplicates."""
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _text(element: ET.Element | None) -> str:
    """Stripped text of ``element``; empty when it is missing or empty."""
    return (element.text or "").strip() if element is not None else ""


def _parse_medquad(folder: str, stem: str, content: bytes) -> list[MedQuADPair]:
    """Parse one MedQuAD XML file, in either of its two schemas.

    Almost every file is ``<Document id=..><Focus/><QAPairs><QAPair><Question/><Answer/>``; four files of
    ``6_NINDS_QA`` use ``<doc docid=..><doctitle-focus/><qaPairs><pair><question/><answer/>`` instead.

    Args:
        folder: The collection folder name.
        stem: The file name without ``.xml``.
        content: The raw XML bytes.

    Returns:
        The file's pairs in document order.
    """
    root = ET.fromstring(content)
    focus = _text(root.find("Focus")) or _text(root.find("doctitle-focus"))
    pairs = root.findall("QAPairs/QAPair") or root.findall("qaPairs/pair")
    out: list[MedQuADPair] = []
    for position, pair in enumerate(pairs):
        question = pair.find("Question")
        if question is None:
            question = pair.find("question")
        answer = pair.find("Answer")
        if answer is None:
            answer = pair.find("answer")
        out.append(
            MedQuADPair(
                folder=folder,
                stem=stem,
                position=position,
                pid=pair.get("pid", str(position + 1)),
                qid=question.get("qid") if question is not None else None,
                qtype=question.get("qtype") if question is not None else None,
                question=_text(question),
                answer=_text(answer),
                focus=focus,
                url=root.get("url"),
            )
        )
    return out


def _medquad_members(tarball: Path) -> Iterator[tuple[str, str, bytes]]:
    """Yield ``(folder, file name, bytes)`` for every XML file of the MedQuAD tarball, sorted by path."""
    files: dict[tuple[str, str], bytes] = {}
    # Read in archive order: seeking back in a gzip stream would decompress it again for every file.
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".xml"):
                fh = tar.extractfile(member)
                if fh is not None:
                    folder, name = PurePosixPath(member.name).parts[-2:]
                    files[(folder, name)] = fh.read()
    for key in sorted(files):
        yield key[0], key[1], files[key]


def select_chatdoctor(records: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Pick ``N_CHATDOCTOR`` ChatDoctor records, kept verbatim.

    Candidates are records whose text has no mojibake, whose output is at most ``MAX_OUTPUT_CHARS`` long,
    and whose normalised input was not seen in an earlier record. ``random.Random(SEED).sample`` picks
    among them; the result is sorted by index in the source array.

    Args:
        records: The GenMedGPT-5k array.

    Returns:
        Sample records with ``id = chatdoctor-<index, 5 digits>``.
    """
    seen: set[str] = set()
    candidates: list[int] = []
    for index, rec in enumerate(records):
        key = _normalise(rec["input"])
        duplicate = key in seen
        seen.add(key)
        if duplicate or len(rec["output"]) > MAX_OUTPUT_CHARS:
            continue
        if any(_looks_mojibake(rec[k]) for k in ("instruction", "input", "output")):
            continue
        candidates.append(index)
    chosen = sorted(random.Random(SEED).sample(candidates, N_CHATDOCTOR))
    return [
        {
            "id": f"chatdoctor-{i:05d}",
            "instruction": records[i]["instruction"],
            "input": records[i]["input"],
            "output": records[i]["output"],
            "source": "chatdoctor",
            "category": None,
            "metadata": {},
        }
        for i in chosen
    ]


def select_medquad(pairs: list[MedQuADPair]) -> list[dict[str, Any]]:
    """Pick ``N_MEDQUAD`` answered MedQuAD pairs, spread evenly over the folders that have answers.

    Each folder with answers gets ``N_MEDQUAD // folders`` pairs, the lowest-numbered folders one more
    until the total is reached. In each folder, candidates (non-empty answer of at most
    ``MAX_OUTPUT_CHARS`` characters) are shuffled by ``random.Random(SEED)``, and the first ones whose
    normalised question and answer are not already in the sample are taken.

    Args:
        pairs: All pairs of the corpus.

    Returns:
        Sample records sorted by folder number, file name and pair position.
    """
    by_folder: dict[str, list[MedQuADPair]] = {}
    for pair in pairs:
        if pair.answer and pair.question and len(pair.answer) <= MAX_OUTPUT_CHARS:
            by_folder.setdefault(pair.folder, []).append(pair)
    folders = sorted(by_folder, key=_folder_number)
    base, extra = divmod(N_MEDQUAD, len(folders))
    seen: set[str] = set()
    chosen: list[MedQuADPair] = []
    for rank, folder in enumerate(folders):
        quota = base + (1 if rank < extra else 0)
        candidates = sorted(by_folder[folder], key=lambda p: (p.stem, p.position))
        taken = 0
        for pair in random.Random(SEED).sample(candidates, len(candidates)):
            if taken == quota:
                break
            keys = {"q:" + _normalise(pair.question), "a:" + _normalise(pair.answer)}
            if keys & seen:
                continue
            seen |= keys
            chosen.append(pair)
            taken += 1
        if taken < quota:
            raise SystemExit(f"{folder}: only {taken} usable pairs, {quota} wanted")
    chosen.sort(key=lambda p: (_folder_number(p.folder), p.stem, p.position))
    return [
        {
            "id": f"medquad-{p.folder}-{p.stem}-{p.pid}",
            "instruction": MEDQUAD_INSTRUCTION,
            "input": p.question,
            "output": p.answer,
            "source": f"medquad/{p.folder}",
            "category": p.qtype,
            "metadata": {"focus": p.focus, "url": p.url, "qid": p.qid},
        }
        for p in chosen
    ]


def _quotas(counts: dict[str, int], total: int, minimum: int) -> dict[str, int]:
    """Split ``total`` over labels in proportion to ``counts``, with at least ``minimum`` per label.

    Labels whose proportional share is below ``minimum`` get exactly ``minimum``; the rest of ``total`` is
    split over the other labels by largest remainder (ties broken by label).

    Args:
        counts: Number of source entries per label.
        total: Number of entries wanted.
        minimum: Smallest number per label.

    Returns:
        Entries to take per label.
    """
    size = sum(counts.values())
    fixed = {k: minimum for k, c in counts.items() if total * c / size < minimum}
    rest = {k: c for k, c in counts.items() if k not in fixed}
    left = total - sum(fixed.values())
    rest_size = sum(rest.values())
    shares = {k: left * c / rest_size for k, c in rest.items()}
    quotas = {k: int(s) for k, s in shares.items()}
    by_remainder = sorted(rest, key=lambda k: (-(shares[k] - quotas[k]), k))
    for k in by_remainder[: left - sum(quotas.values())]:
        quotas[k] += 1
    return {**fixed, **quotas}


def select_pubmedqa(data: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Pick ``N_PUBMEDQA`` PubMedQA entries, stratified on ``final_decision``.

    Quotas follow the decision frequencies, with at least ``MIN_PER_DECISION`` per decision;
    ``random.Random(SEED).sample`` picks within each decision over its sorted PMIDs.

    Args:
        data: The original ``{pmid: entry}`` object.

    Returns:
        The chosen entries, unchanged, in their original order.
    """
    by_decision: dict[str, list[str]] = {}
    for pmid, entry in data.items():
        by_decision.setdefault(entry["final_decision"], []).append(pmid)
    quotas = _quotas({k: len(v) for k, v in by_decision.items()}, N_PUBMEDQA, MIN_PER_DECISION)
    chosen: set[str] = set()
    for decision in sorted(by_decision):
        chosen.update(random.Random(SEED).sample(sorted(by_decision[decision]), quotas[decision]))
    return {pmid: entry for pmid, entry in data.items() if pmid in chosen}


def write_medquad_dir(members: dict[tuple[str, str], bytes], out: Path) -> list[Path]:
    """Copy the ``MEDQUAD_DIR_FILES`` into ``out`` byte for byte, replacing what was there.

    Args:
        members: ``(folder, file name) -> bytes`` for the tarball's XML files.
        out: The ``medquad_sample`` directory.

    Returns:
        The files written.
    """
    if out.exists():
        shutil.rmtree(out)
    written: list[Path] = []
    for folder, names in MEDQUAD_DIR_FILES.items():
        (out / folder).mkdir(parents=True)
        for name in names:
            path = out / folder / name
            path.write_bytes(members[(folder, name)])
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    """Read the corpora and write the samples.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="the shared data folder")
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR, help="the package's samples folder")
    args = parser.parse_args(argv)
    data_dir: Path = args.data_dir
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)

    chatdoctor = json.loads((data_dir / "chatdoctor5k.json").read_text(encoding="utf-8"))
    members: dict[tuple[str, str], bytes] = {}
    pairs: list[MedQuADPair] = []
    for folder, name, content in _medquad_members(data_dir / "MedQuAD.tar.gz"):
        members[(folder, name)] = content
        pairs.extend(_parse_medquad(folder, name.removesuffix(".xml"), content))
    records = select_chatdoctor(chatdoctor) + select_medquad(pairs)
    with (out_dir / "medical_sample.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    pubmedqa = json.loads((data_dir / "pubmedqa_ori_pqal.json").read_text(encoding="utf-8"))
    sample = select_pubmedqa(pubmedqa)
    # Same layout as the original file: 4-space indent, ASCII escapes.
    (out_dir / "pubmedqa_sample.json").write_text(json.dumps(sample, indent=4) + "\n", encoding="utf-8", newline="\n")

    written = write_medquad_dir(members, out_dir / "medquad_sample")
    print(f"medical_sample.jsonl: {len(records)} records")
    print(f"pubmedqa_sample.json: {len(sample)} entries")
    print(f"medquad_sample/: {len(written)} XML files")


if __name__ == "__main__":
    main()
