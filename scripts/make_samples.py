"""Build the small real-data samples shipped in ``medtune/medical/samples/`` and ``medtune/evaluation/samples/``.

Run from the repository root::

    python scripts/make_samples.py [--data-dir ../shared/data] [--out-dir src/medtune/medical/samples] \
        [--kqa-repo PATH] [--mmlu-repo PATH] [--eval-out-dir src/medtune/evaluation/samples] [--only NAME ...]

It reads the full corpora (never shipped) and writes five deterministic samples:

* ``medical_sample.jsonl``: 200 ChatDoctor (GenMedGPT-5k) records and 100 answered MedQuAD pairs, as
  ``{id, instruction, input, output, source, category, metadata}`` lines.
* ``pubmedqa_sample.json``: 60 PubMedQA expert-labelled entries in the original ``{pmid: {...}}`` format.
* ``medquad_sample/``: three original MedQuAD XML files, copied byte for byte into their original folders.
* ``kqa_sample.jsonl`` (``--only kqa``): the 201 physician-answered K-QA questions, read from a clone of
  https://github.com/Itaymanes/K-QA at commit ``KQA_COMMIT``.
* ``mmlu_general.jsonl`` in the evaluation package (``--only mmlu``): 160 MMLU test questions of 16 subjects that are
  neither medicine nor biology nor psychology, read from a clone of https://github.com/hendrycks/test at commit
  ``MMLU_COMMIT`` (the last commit that holds the data in the repository).

Every random choice uses its own ``random.Random(SEED)`` over a sorted candidate list, and every file is
written with fixed key order, separators and line endings, so re-running gives byte-identical files.
The licence texts and ``ATTRIBUTION.md`` next to the samples are maintained by hand.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import shutil
import subprocess
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
DEFAULT_EVAL_OUT_DIR = ROOT / "src" / "medtune" / "evaluation" / "samples"
DEFAULT_KQA_REPO = ROOT.parent / ".mirror" / "Itaymanes+K-QA" / "repo"
DEFAULT_MMLU_REPO = ROOT.parent / ".mirror" / "hendrycks+test" / "repo"
#: The samples this script builds (``--only``).
PARTS = ("medical", "kqa", "mmlu")

N_CHATDOCTOR = 200
N_MEDQUAD = 100
N_PUBMEDQA = 60
MIN_PER_DECISION = 10
MAX_OUTPUT_CHARS = 2500

MEDQUAD_INSTRUCTION = "You are a medical information assistant. Answer the question accurately and clearly."

#: K-QA's commit (https://github.com/Itaymanes/K-QA) and the file of its 201 physician-answered questions.
KQA_COMMIT = "ef403d012e199fcfa0d8c02b38a96ff95164f4d0"
KQA_FILE = "dataset/questions_w_answers.jsonl"

#: MMLU's commit (https://github.com/hendrycks/test): the last one whose tree holds ``data/`` (the next one,
#: b391c41 "moved data to tar", removed it); the test split is the same data as the published data.tar.
MMLU_COMMIT = "785eba57b455b9f9be12a0d3c1106d67274fea0e"
#: The subjects of the general sample: four per MMLU category (STEM, humanities, social sciences, other), none of
#: them medicine, health, biology or psychology, none built on long passages (the history subjects).
MMLU_SUBJECTS = (
    "astronomy",
    "computer_security",
    "conceptual_physics",
    "electrical_engineering",
    "elementary_mathematics",
    "jurisprudence",
    "logical_fallacies",
    "prehistory",
    "world_religions",
    "high_school_geography",
    "high_school_government_and_politics",
    "high_school_macroeconomics",
    "sociology",
    "us_foreign_policy",
    "management",
    "marketing",
)
N_MMLU_PER_SUBJECT = 10
#: Longest question plus options (characters): short items keep the forgetting check cheap to score.
MAX_MMLU_CHARS = 400
#: The instruction of every general item (the preset's MCQ instruction may name a domain, e.g. medicine).
MMLU_INSTRUCTION = "Answer the multiple-choice question with the correct option."

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


def git_show(repo: Path, commit: str, path: str) -> bytes:
    """The bytes of ``path`` at ``commit`` in the git repository ``repo`` (a clone or a bare mirror).

    Raises:
        SystemExit: ``git`` failed (no such repository, commit or file).
    """
    proc = subprocess.run(["git", "-C", str(repo), "show", f"{commit}:{path}"], capture_output=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"git show {commit}:{path} in {repo} failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout


def select_kqa(lines: list[str]) -> list[dict[str, Any]]:
    """Every K-QA question with a physician's answer, in the original order.

    Args:
        lines: The lines of ``questions_w_answers.jsonl``.

    Returns:
        Records ``{id, instruction, input, output, source, category, metadata}``: the question as the instruction,
        the free-form answer as the output, the statements and sources in the metadata.
    """
    records = []
    for index, line in enumerate(ln for ln in lines if ln.strip()):
        row = json.loads(line)
        answer = row["Free_form_answer"].strip()
        if not answer:
            continue
        records.append(
            {
                "id": f"k-qa-{index:03d}",
                "instruction": row["Question"].strip(),
                "input": "",
                "output": answer,
                "source": "k-qa",
                "category": None,
                "metadata": {
                    "must_have": [s.strip() for s in row["Must_have"]],
                    "nice_to_have": [s.strip() for s in row["Nice_to_have"]],
                    "sources": row["Sources"],
                    "icd_10_diag": row["ICD_10_diag"],
                },
            }
        )
    return records


def select_mmlu(subjects: dict[str, list[list[str]]]) -> list[dict[str, Any]]:
    """``N_MMLU_PER_SUBJECT`` test questions of each of ``MMLU_SUBJECTS``, interleaved by subject.

    Candidates are rows with four non-empty options, an answer in A-D, a question not seen before in the subject
    (lower-cased, punctuation collapsed) and at most ``MAX_MMLU_CHARS`` characters of question and options.
    ``random.Random(SEED).sample`` picks among a subject's candidates (in file order), then sorted by row. The items
    are interleaved (the first of every subject, then the second…), so that the first N items of the file span
    min(N, 16) subjects: an evaluation with ``limit`` still covers them.

    Args:
        subjects: Subject -> the rows of its ``data/test/<subject>_test.csv`` (question, A, B, C, D, answer).

    Returns:
        MCQ items ``{id, question, options, answer_idx, subject, instruction}`` (``load_mcq_jsonl``'s layout).
    """
    per_subject: list[list[dict[str, Any]]] = []
    for subject in MMLU_SUBJECTS:
        seen: set[str] = set()
        candidates: list[int] = []
        for index, row in enumerate(subjects[subject]):
            question, *options, answer = row
            key = _normalise(question)
            duplicate = key in seen
            seen.add(key)
            if duplicate or answer not in ("A", "B", "C", "D") or not all(o.strip() for o in options):
                continue
            if len(question) + sum(len(o) for o in options) > MAX_MMLU_CHARS:
                continue
            candidates.append(index)
        chosen = sorted(random.Random(SEED).sample(candidates, N_MMLU_PER_SUBJECT))
        items = []
        for index in chosen:
            question, *options, answer = subjects[subject][index]
            items.append(
                {
                    "id": f"mmlu-{subject}-{index:03d}",
                    "question": question,
                    "options": dict(zip("ABCD", options)),
                    "answer_idx": answer,
                    "subject": subject,
                    "instruction": MMLU_INSTRUCTION,
                }
            )
        per_subject.append(items)
    return [items[i] for i in range(N_MMLU_PER_SUBJECT) for items in per_subject]


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def build_kqa(repo: Path, out_dir: Path) -> int:
    """Write ``kqa_sample.jsonl`` from K-QA's repository at ``KQA_COMMIT``; returns the record count."""
    lines = git_show(repo, KQA_COMMIT, KQA_FILE).decode("utf-8").splitlines()
    records = select_kqa(lines)
    _write_jsonl(out_dir / "kqa_sample.jsonl", records)
    return len(records)


def build_mmlu(repo: Path, out_dir: Path) -> int:
    """Write ``mmlu_general.jsonl`` from MMLU's repository at ``MMLU_COMMIT``; returns the item count."""
    subjects = {}
    for subject in MMLU_SUBJECTS:
        text = git_show(repo, MMLU_COMMIT, f"data/test/{subject}_test.csv").decode("utf-8")
        subjects[subject] = list(csv.reader(io.StringIO(text)))
    items = select_mmlu(subjects)
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_jsonl(out_dir / "mmlu_general.jsonl", items)
    return len(items)


def build_medical(data_dir: Path, out_dir: Path) -> None:
    """Write ``medical_sample.jsonl``, ``pubmedqa_sample.json`` and ``medquad_sample/`` from the shared data."""
    chatdoctor = json.loads((data_dir / "chatdoctor5k.json").read_text(encoding="utf-8"))
    members: dict[tuple[str, str], bytes] = {}
    pairs: list[MedQuADPair] = []
    for folder, name, content in _medquad_members(data_dir / "MedQuAD.tar.gz"):
        members[(folder, name)] = content
        pairs.extend(_parse_medquad(folder, name.removesuffix(".xml"), content))
    records = select_chatdoctor(chatdoctor) + select_medquad(pairs)
    _write_jsonl(out_dir / "medical_sample.jsonl", records)

    pubmedqa = json.loads((data_dir / "pubmedqa_ori_pqal.json").read_text(encoding="utf-8"))
    sample = select_pubmedqa(pubmedqa)
    # Same layout as the original file: 4-space indent, ASCII escapes.
    (out_dir / "pubmedqa_sample.json").write_text(json.dumps(sample, indent=4) + "\n", encoding="utf-8", newline="\n")

    written = write_medquad_dir(members, out_dir / "medquad_sample")
    print(f"medical_sample.jsonl: {len(records)} records")
    print(f"pubmedqa_sample.json: {len(sample)} entries")
    print(f"medquad_sample/: {len(written)} XML files")


def main(argv: list[str] | None = None) -> None:
    """Read the corpora and write the samples.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="the shared data folder")
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR, help="the medical plugin's samples folder")
    parser.add_argument("--kqa-repo", type=Path, default=DEFAULT_KQA_REPO, help="a git clone of Itaymanes/K-QA")
    parser.add_argument("--mmlu-repo", type=Path, default=DEFAULT_MMLU_REPO, help="a git clone of hendrycks/test")
    parser.add_argument(
        "--eval-out-dir", type=Path, default=DEFAULT_EVAL_OUT_DIR, help="the evaluation package's samples folder"
    )
    parser.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS), help="build these samples only")
    args = parser.parse_args(argv)
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    if "medical" in args.only:
        build_medical(args.data_dir, out_dir)
    if "kqa" in args.only:
        print(f"kqa_sample.jsonl: {build_kqa(args.kqa_repo, out_dir)} records")
    if "mmlu" in args.only:
        print(f"mmlu_general.jsonl: {build_mmlu(args.mmlu_repo, args.eval_out_dir)} items")


if __name__ == "__main__":
    main()
