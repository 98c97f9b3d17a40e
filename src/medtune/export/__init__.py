"""Export a trained model to where small models are deployed: GGUF for llama.cpp and LM Studio, Ollama Modelfiles.

Nothing heavy is imported until an export runs (torch, transformers and ``gguf`` come with the ``train`` extra).
See docs/deploy.md.
"""

from medtune.export.api import ExportReport, export_gguf, export_ollama
from medtune.export.gguf_file import GGUF_TYPES, GGUFFile, write_gguf
from medtune.export.gotemplate import render_go_template
from medtune.export.ollama import OllamaTemplate, modelfile_text, ollama_template
from medtune.export.source import find_export_source

__all__ = [
    "GGUF_TYPES",
    "ExportReport",
    "GGUFFile",
    "OllamaTemplate",
    "export_gguf",
    "export_ollama",
    "find_export_source",
    "modelfile_text",
    "ollama_template",
    "render_go_template",
    "write_gguf",
]
