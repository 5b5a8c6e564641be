"""The JSON API and the web pages on one FastAPI app: ``create_app(store_url)``. See docs/api.md."""
from claimscope.api.app import create_app

__all__ = ["create_app"]
