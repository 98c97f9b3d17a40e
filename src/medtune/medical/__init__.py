"""The medical plugin set: corpus formats, sample data and (as they land) cleaners and checkers.

medtune's core knows nothing medical; everything here registers through the public plugin hooks, exactly as
a third-party domain plugin would.
"""

from medtune.medical.formats import ChatDoctorFormat, MedQuADFormat, PubMedQAFormat

__all__ = ["ChatDoctorFormat", "MedQuADFormat", "PubMedQAFormat"]
