"""The `storyline` command: thin wrappers over library functions (see `storyline.views`)."""
from storyline.cli.common import app
from storyline.cli import doctor_commands, ingest_commands, scale_commands, story_commands, web_commands  # noqa: F401  (they register their commands)

__all__ = ["app"]
