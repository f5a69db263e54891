"""Storyline: turns a stream of dated German news articles into stories."""

__version__ = "0.1.0"
