"""Load the shipped medical sample, look at it, split it and save the splits.

python examples/data_quickstart.py [OUTPUT_DIR]
"""

import sys

from medtune import Dataset, sample_path

out = sys.argv[1] if len(sys.argv) > 1 else "outputs/splits"
ds = Dataset.load(sample_path("medical"))
stats = ds.stats()
print(
    f"{stats.records} records; output length p50={stats.lengths['output'].p50:.0f} words; "
    f"{stats.duplicates} exact duplicates; categories: {list(stats.categories)[:5]}"
)
splits = ds.split(validation=0.1, test=0.1, seed=42, stratify_by="category")
for name, path in splits.save(out).items():
    print(f"{name}: {splits.sizes()[name]} records -> {path}")
