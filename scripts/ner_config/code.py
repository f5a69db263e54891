"""Loaded by `spacy train/pretrain --code`: registers Storyline's pipeline components."""
import storyline.analyze.entities.word_classes  # noqa: F401
