"""Readers for known medical corpora: ChatDoctor (GenMedGPT-5k), PubMedQA and MedQuAD."""

from __future__ import annotations

import json
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from medtune.data.formats import DataFormat, JsonFormat, LineCounter, LoadReport, RawRecord, json_problem, read_text
from medtune.errors import DataFormatError, ValidationIssue

__all__ = [
    "MAX_MEMBER_BYTES",
    "MAX_TOTAL_BYTES",
    "MEDQUAD_INSTRUCTION",
    "PUBMEDQA_INSTRUCTION",
    "ChatDoctorFormat",
    "MedQuADFormat",
    "PubMedQAFormat",
    "medquad_documents",
]

CHATDOCTOR_SIGNATURE = "If you are a doctor, please answer the medical questions"
MEDQUAD_INSTRUCTION = "You are a medical information assistant. Answer the question accurately and clearly."
PUBMEDQA_INSTRUCTION = (
    "Answer the biomedical research question from the abstract excerpts. "
    "Start with yes, no or maybe, then explain briefly."
)


def _head(path: Path, size: int = 4096) -> str:
    with path.open("rb") as fh:
        return fh.read(size).decode("utf-8", errors="ignore")


class ChatDoctorFormat(JsonFormat):
    """ChatDoctor's GenMedGPT JSON: an array of instruction/input/output; adds ``id`` and ``source``."""

    name = "chatdoctor"
    extensions = ()
    description = "ChatDoctor GenMedGPT-5k JSON (instruction/input/output array)"

    def sniff(self, path: Path) -> bool:
        """A JSON array whose first instruction is ChatDoctor's doctor prompt."""
        return path.is_file() and path.suffix.lower() == ".json" and CHATDOCTOR_SIGNATURE in _head(path, 2048)

    def read(self, path: Path, report: LoadReport) -> Iterator[RawRecord | ValidationIssue]:
        """Yield the array's records with ``id=chatdoctor-NNNNN`` and ``source=chatdoctor``."""
        for item in super().read(path, report):
            if isinstance(item, RawRecord):
                data = dict(item.data)
                data.setdefault("id", f"chatdoctor-{item.row:05d}")
                data.setdefault("source", "chatdoctor")
                item = RawRecord(data, item.row, item.line)
            yield item


class PubMedQAFormat(DataFormat):
    """PubMedQA's ``ori_pqal.json``: ``{pmid: {QUESTION, CONTEXTS, LONG_ANSWER, final_decision, …}}``.

    Each entry becomes an instruction record: the input holds the question and the abstract excerpts, the
    output starts with the decision ("Yes."/"No."/"Maybe.") followed by the long answer. ``category`` is the
    decision, so splits can be stratified on it.
    """

    name = "pubmedqa"
    extensions = ()
    description = "PubMedQA JSON ({pmid: {QUESTION, CONTEXTS, LONG_ANSWER, final_decision}})"

    def sniff(self, path: Path) -> bool:
        """A JSON object whose entries have ``QUESTION`` and ``CONTEXTS``."""
        if not (path.is_file() and path.suffix.lower() == ".json"):
            return False
        head = _head(path)
        return head.lstrip().startswith("{") and '"QUESTION"' in head and '"CONTEXTS"' in head

    def read(self, path: Path, report: LoadReport) -> Iterator[RawRecord | ValidationIssue]:
        """Yield one record per PMID, with the line where its entry starts."""
        text = read_text(path)
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataFormatError(f"{path}:{exc.lineno}: {json_problem(exc)}") from None
        except (RecursionError, ValueError) as exc:
            raise DataFormatError(f"{path}: {json_problem(exc) or exc}") from None
        if not isinstance(obj, dict):
            raise DataFormatError(f"{path}:1: PubMedQA expects a JSON object keyed by PMID")
        pos = 0
        lines = LineCounter(text)
        for row, (pmid, entry) in enumerate(obj.items()):
            found = text.find(f'"{pmid}"', pos)
            line = lines.at(found) if found >= 0 else None
            pos = max(pos, found)
            if not isinstance(entry, dict):
                yield ValidationIssue(str(path), line, row, pmid, "expected an object", repr(entry)[:60])
                continue
            missing = [k for k in ("QUESTION", "CONTEXTS", "LONG_ANSWER", "final_decision") if k not in entry]
            if missing:
                yield ValidationIssue(str(path), line, row, f"{pmid}.{missing[0]}", "required field is missing")
                continue
            decision = str(entry["final_decision"]).strip().lower()
            contexts = entry["CONTEXTS"] if isinstance(entry["CONTEXTS"], list) else [entry["CONTEXTS"]]
            labels = entry.get("LABELS") or [None] * len(contexts)
            context = "\n".join(f"{lab.title()}: {c}" if lab else str(c) for lab, c in zip(labels, contexts))
            yield RawRecord(
                {
                    "id": f"pubmedqa-{pmid}",
                    "instruction": PUBMEDQA_INSTRUCTION,
                    "input": f"Question: {entry['QUESTION']}\n\nAbstract:\n{context}",
                    "output": f"{decision.capitalize()}. {entry['LONG_ANSWER']}",
                    "source": "pubmedqa",
                    "category": decision,
                    "metadata": {
                        "pmid": pmid,
                        "question": entry["QUESTION"],
                        "final_decision": decision,
                        "year": entry.get("YEAR"),
                        "meshes": entry.get("MESHES", []),
                    },
                },
                row,
                line,
            )


#: The largest MedQuAD XML document read (bytes, uncompressed); the real ones are under 1 MiB. A larger member,
#: such as a decompression bomb in an archive, is refused before it is read.
MAX_MEMBER_BYTES = 32 * 1024 * 1024
#: The most XML read from one MedQuAD archive or directory in all (bytes, uncompressed; the corpus is ~100 MiB).
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024


def _too_big(name: str, size: int, total: int) -> None:
    if size > MAX_MEMBER_BYTES:
        raise DataFormatError(
            f"{name}: {size:,} bytes uncompressed, over the {MAX_MEMBER_BYTES // 2**20} MiB limit for one MedQuAD "
            "document (medtune.medical.formats.MAX_MEMBER_BYTES); a real document is under 1 MiB. Fix: check "
            "the archive (it may be a decompression bomb), or raise the limit if the file is genuine."
        )
    if total > MAX_TOTAL_BYTES:
        raise DataFormatError(
            f"{name}: the documents read so far hold {total:,} bytes, over the {MAX_TOTAL_BYTES // 2**30} GiB limit "
            "for one MedQuAD corpus (MAX_TOTAL_BYTES). Fix: check the archive, or load it in parts."
        )


def medquad_documents(path: Path) -> Iterator[tuple[str, bytes]]:
    """The XML documents of a MedQuAD directory (``FOLDER/*.xml``) or ``.tar.gz``, as (name, bytes), sorted by name.

    Names inside an archive read ``ARCHIVE!FOLDER/FILE.xml``.

    Raises:
        DataFormatError: ``path`` is a file but not a readable tar archive, or a document is over
            :data:`MAX_MEMBER_BYTES` (all of them over :data:`MAX_TOTAL_BYTES`); the size is checked before reading.
    """
    total = 0
    if path.is_dir():
        for xml in sorted(path.glob("*/*.xml")):
            size = xml.stat().st_size
            total += size
            _too_big(str(xml), size, total)
            yield str(xml), xml.read_bytes()
        return
    # Stream the archive once (random access into a .gz re-decompresses from the start), then sort the
    # members so a .tar.gz and its extracted directory load in the same order.
    docs: list[tuple[str, bytes]] = []
    try:
        with tarfile.open(path, "r:*") as tar:
            for m in tar:
                if m.isfile() and m.name.endswith(".xml"):
                    name = f"{path}!{PurePosixPath(m.name).as_posix().lstrip('./')}"
                    total += m.size
                    _too_big(name, m.size, total)  # from the member's header, before decompressing it
                    fh = tar.extractfile(m)
                    if fh is not None:
                        docs.append((name, fh.read(MAX_MEMBER_BYTES + 1)))
    except tarfile.TarError as exc:
        raise DataFormatError(f"{path}: not a readable tar archive: {exc}") from None
    docs.sort(key=lambda d: d[0])
    yield from docs


class MedQuADFormat(DataFormat):
    """MedQuAD: a directory (or ``.tar.gz``) of NIH-site folders of XML ``<Document>`` files.

    Question/answer pairs with an empty answer are skipped and counted (the three MedlinePlus folders have
    none, by design of the corpus): see ``Dataset.load_report.skipped``.
    """

    name = "medquad"
    extensions = (".tar.gz", ".tgz")
    description = "MedQuAD XML directory or .tar.gz (skips and counts pairs with empty answers)"
    directory = True

    def sniff(self, path: Path) -> bool:
        """A directory whose sub-folders hold MedQuAD ``<Document>`` XML files."""
        if not path.is_dir():
            return False
        for xml in sorted(path.glob("*/*.xml"))[:1]:
            head = _head(xml, 1024)
            return any(tag in head for tag in ("<Document", "<DiseaseFile", "<doc "))
        return False

    def read(self, path: Path, report: LoadReport) -> Iterator[RawRecord | ValidationIssue]:
        """Yield each answered pair; count the unanswered ones in ``report.skipped``."""
        row = 0
        files = 0
        for name, content in medquad_documents(path):
            files += 1
            for item in self._pairs(name, content, report, row):
                row += 1
                yield item
        if files == 0:
            raise DataFormatError(
                f"{path}: no MedQuAD XML files found (expected FOLDER/*.xml). Fix: pass the extracted "
                "MedQuAD directory or its .tar.gz."
            )
        if report.skipped["empty answer"]:
            report.notes.append(
                f"skipped {report.skipped['empty answer']} question/answer pairs with an empty answer "
                "(MedQuAD withholds MedlinePlus answers for copyright reasons)"
            )

    def _pairs(self, name: str, content: bytes, report: LoadReport, row: int) -> Iterator[RawRecord | ValidationIssue]:
        try:
            root = ET.fromstring(content)
        except ET.ParseError as exc:
            yield ValidationIssue(name, exc.position[0], row, None, f"malformed XML: {exc}")
            return
        # Two layouts occur: <Document id><Focus><QAPairs><QAPair><Question/><Answer/> (most files, also
        # <DiseaseFile fid> in CDC) and <doc docid><doctitle-focus><qaPairs><pair><question/><answer/> (NINDS).
        lower = root.tag == "doc"
        path = PurePosixPath(name.replace("!", "/"))
        folder = path.parent.name
        focus = (root.findtext("doctitle-focus" if lower else "Focus") or "").strip()
        synonyms = [s.text.strip() for s in root.iterfind("FocusAnnotations/Synonyms/Synonym") if s.text]
        cuis = [c.text.strip() for c in root.iter("CUI" if not lower else "cui") if c.text and c.text.strip()]
        pairs = list(root.iterfind("qaPairs/pair" if lower else "QAPairs/QAPair"))
        if not pairs:
            report.skip("document without question/answer pairs")
            return
        for pair in pairs:
            q = pair.find("question" if lower else "Question")
            question = (q.text or "").strip() if q is not None else ""
            answer = (pair.findtext("answer" if lower else "Answer") or "").strip()
            if not answer:
                report.skip("empty answer")
                continue
            if not question:
                yield ValidationIssue(name, None, row, "Question", "question/answer pair has an empty question")
                row += 1
                continue
            meta: dict[str, Any] = {
                "focus": focus,
                "url": root.get("url"),
                "qid": q.get("qid") if q is not None else None,
                "file": name,
            }
            if synonyms:
                meta["synonyms"] = synonyms
            if cuis:
                meta["cuis"] = cuis
            yield RawRecord(
                {
                    # Document ids repeat across folders (and within CancerGov): folder + file name are unique.
                    "id": f"medquad-{folder}-{path.stem}-{pair.get('pid', row)}",
                    "instruction": MEDQUAD_INSTRUCTION,
                    "input": question,
                    "output": answer,
                    "source": f"medquad/{folder}",
                    "category": q.get("qtype") if q is not None else None,
                    "metadata": meta,
                },
                row,
                None,
                name,
            )
            row += 1
