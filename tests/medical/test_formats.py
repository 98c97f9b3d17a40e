"""ChatDoctor, PubMedQA and MedQuAD readers, on crafted files and on the shipped samples."""

import io
import json
import tarfile

import pytest

from medtune import DataFormatError, Dataset, DataValidationError, sample_path

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000001" source="CancerGov" url="https://example.org/doc">
<Focus>Adult Acute Myeloid Leukemia</Focus>
<FocusAnnotations><UMLS><CUIs><CUI>C0023467</CUI></CUIs></UMLS>
<Synonyms><Synonym>AML</Synonym></Synonyms></FocusAnnotations>
<QAPairs>
<QAPair pid="1"><Question qid="0000001-1" qtype="information">What is AML?</Question>
<Answer>A cancer of the blood and bone marrow.</Answer></QAPair>
<QAPair pid="2"><Question qid="0000001-2" qtype="symptoms">What are the symptoms of AML?</Question>
<Answer>  </Answer></QAPair>
<QAPair pid="3"><Question qid="0000001-3" qtype="treatment">How is AML treated?</Question>
<Answer>Chemotherapy, sometimes a stem cell transplant.</Answer></QAPair>
</QAPairs></Document>"""

EMPTY_DOC = (
    DOC.replace("A cancer of the blood and bone marrow.", "")
    .replace("Chemotherapy, sometimes a stem cell transplant.", "")
    .replace('id="0000001"', 'id="0000002"')
)


def make_medquad(root):
    (root / "1_CancerGov_QA").mkdir(parents=True)
    (root / "10_MPlus_ADAM_QA").mkdir()
    (root / "1_CancerGov_QA" / "0000001.xml").write_text(DOC)
    (root / "10_MPlus_ADAM_QA" / "0000002.xml").write_text(EMPTY_DOC)
    return root


def test_medquad_directory_skips_empty_answers_and_reports_them(tmp_path):
    root = make_medquad(tmp_path / "MedQuAD")
    ds = Dataset.load(root)
    assert ds.load_report.format == "medquad"
    assert len(ds) == 2
    assert ds.load_report.skipped == {"empty answer": 4}
    assert any("skipped 4 question/answer pairs with an empty answer" in n for n in ds.load_report.notes)
    first = ds[0]
    assert first.id == "medquad-1_CancerGov_QA-0000001-1" and first.input == "What is AML?"
    assert first.category == "information" and first.source == "medquad/1_CancerGov_QA"
    assert first.metadata["focus"] == "Adult Acute Myeloid Leukemia" and first.metadata["synonyms"] == ["AML"]


def test_medquad_tarball_matches_directory(tmp_path):
    root = make_medquad(tmp_path / "MedQuAD")
    tgz = tmp_path / "MedQuAD.tar.gz"
    with tarfile.open(tgz, "w:gz") as tar:
        tar.add(root, arcname=".")
    from_dir, from_tar = Dataset.load(root), Dataset.load(tgz)
    assert [(r.id, r.output) for r in from_tar] == [(r.id, r.output) for r in from_dir]
    assert from_tar.load_report.skipped == from_dir.load_report.skipped


NINDS_DOC = """<?xml version="1.0" encoding="UTF-8"?>
<doc docid="0000007" corpus="NINDS" url="https://example.org/has">
<doctitle-focus>Holmes-Adie</doctitle-focus>
<umls><cui>C0011</cui></umls>
<qaPairs><pair pid="1"><question qid="0000007-1" qtype="information">what is holmes-adie syndrome ?</question>
<answer>A neurological disorder affecting the pupil.</answer></pair></qaPairs></doc>"""


def test_medquad_second_layout_and_documents_without_pairs_are_counted(tmp_path):
    root = make_medquad(tmp_path / "MedQuAD")
    (root / "6_NINDS_QA").mkdir()
    (root / "6_NINDS_QA" / "0000007.xml").write_text(NINDS_DOC)
    # the same document id in another folder must not collide
    (root / "6_NINDS_QA" / "0000001.xml").write_text(DOC)
    (root / "6_NINDS_QA" / "0000009.xml").write_text('<Document id="9"><Focus>x</Focus></Document>')
    ds = Dataset.load(root)
    ninds = [r for r in ds if r.source == "medquad/6_NINDS_QA"]
    assert ninds[-1].input == "what is holmes-adie syndrome ?"
    assert ninds[-1].metadata["focus"] == "Holmes-Adie" and ninds[-1].metadata["cuis"] == ["C0011"]
    assert len({r.id for r in ds}) == len(ds) == 5
    assert ds.load_report.skipped["document without question/answer pairs"] == 1


def test_medquad_malformed_xml_is_reported(tmp_path):
    root = make_medquad(tmp_path / "MedQuAD")
    (root / "1_CancerGov_QA" / "0000003.xml").write_text("<Document><QAPairs><QAPair>")
    with pytest.raises(DataValidationError, match=r"0000003.xml.*malformed XML"):
        Dataset.load(root, format="medquad")


def test_pubmedqa_reader(tmp_path):
    data = {
        "123": {
            "QUESTION": "Does X help?",
            "CONTEXTS": ["Background text.", "Results text."],
            "LABELS": ["BACKGROUND", "RESULTS"],
            "LONG_ANSWER": "X helps a bit.",
            "final_decision": "yes",
            "YEAR": "2001",
            "MESHES": ["Humans"],
        },
        "456": {"QUESTION": "Is Y safe?", "CONTEXTS": ["c"], "final_decision": "maybe"},
    }
    path = tmp_path / "pqa.json"
    path.write_text(json.dumps(data, indent=1))
    with pytest.raises(DataValidationError, match=r"pqa.json:\d+: field '456.LONG_ANSWER': required field"):
        Dataset.load(path)
    data["456"]["LONG_ANSWER"] = "Unclear."
    path.write_text(json.dumps(data, indent=1))
    ds = Dataset.load(path)
    assert ds.load_report.format == "pubmedqa"
    rec = ds[0]
    assert rec.output == "Yes. X helps a bit." and rec.category == "yes"
    assert "Question: Does X help?" in rec.input and "Results: Results text." in rec.input
    assert rec.metadata["pmid"] == "123" and rec.metadata["final_decision"] == "yes"


def test_chatdoctor_is_sniffed_and_gets_ids(tmp_path):
    rows = [
        {
            "instruction": "If you are a doctor, please answer the medical questions based on the patient's "
            "description.",
            "input": "Doctor, I cough.",
            "output": "Rest.",
        }
    ] * 2
    path = tmp_path / "gen.json"
    path.write_text(json.dumps(rows))
    ds = Dataset.load(path)
    assert ds.load_report.format == "chatdoctor"
    assert [r.id for r in ds] == ["chatdoctor-00000", "chatdoctor-00001"]
    assert {r.source for r in ds} == {"chatdoctor"}


def test_shipped_samples_load_cleanly():
    med = Dataset.load(sample_path("medical"))
    assert 250 <= len(med) <= 400 and not med.rejects
    sources = {r.source.split("/")[0] for r in med}
    assert sources == {"chatdoctor", "medquad"}
    assert len({r.id for r in med}) == len(med)
    pqa = Dataset.load(sample_path("pubmedqa"))
    assert {r.category for r in pqa} == {"yes", "no", "maybe"}
    mq = Dataset.load(sample_path("medquad"))
    assert len(mq) > 0 and mq.load_report.skipped["empty answer"] > 0


def test_sample_licences_ship_with_the_package():
    root = sample_path("medical").parent
    assert (root / "ATTRIBUTION.md").is_file()
    licences = {p.name for p in (root / "LICENSES").iterdir()}
    assert {"CHATDOCTOR-APACHE-2.0.txt", "MEDQUAD-CC-BY-4.0.txt", "PUBMEDQA-MIT.txt"} <= licences


def test_medquad_tar_member_names_are_stable(tmp_path):
    # tar members named "./folder/file.xml" and "folder/file.xml" give the same record sources
    buf = io.BytesIO(DOC.encode())
    tgz = tmp_path / "m.tgz"
    with tarfile.open(tgz, "w:gz") as tar:
        info = tarfile.TarInfo("1_CancerGov_QA/0000001.xml")
        info.size = len(buf.getvalue())
        tar.addfile(info, buf)
    ds = Dataset.load(tgz)
    assert ds[0].source == "medquad/1_CancerGov_QA"


def test_a_decompression_bomb_in_a_medquad_archive_is_refused_before_it_is_read(tmp_path):
    import io
    import tracemalloc

    tgz = tmp_path / "bomb.tar.gz"
    size = 300 * 2**20  # 300 MiB of zeros: a few hundred KiB compressed
    with tarfile.open(tgz, "w:gz") as tar:
        info = tarfile.TarInfo("1_CancerGov_QA/0000001_1.xml")
        info.size = size

        class Zeros(io.RawIOBase):
            left = size

            def readable(self):
                return True

            def readinto(self, b):
                n = min(len(b), self.left)
                b[:n] = bytes(n)
                self.left -= n
                return n

        tar.addfile(info, io.BufferedReader(Zeros()))
    assert tgz.stat().st_size < 2 * 2**20
    tracemalloc.start()
    with pytest.raises(DataFormatError, match=r"over the 32 MiB limit for one MedQuAD document.*bomb"):
        Dataset.load(tgz)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 64 * 2**20  # it used to read the whole member: 1.5 GB for a 1.5 GB one
