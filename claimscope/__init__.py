"""claimscope: raw news in, a claim map out (clean articles, who said what, claims, disputes)."""
from claimscope.errors import ClaimscopeError, ConfigError, InputError, StoreError
from claimscope.model import Article, ArticleAnalysis, Attribution, RawArticle, Span, Stance

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleAnalysis",
    "Attribution",
    "ClaimscopeError",
    "ConfigError",
    "InputError",
    "RawArticle",
    "Span",
    "Stance",
    "StoreError",
]
