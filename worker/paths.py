"""Where the project's files are (a leaf module: anything may import it, it imports nothing)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
SCHEMAS_DIR = PROJECT_ROOT / "schemas"
