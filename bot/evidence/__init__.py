"""Customer evidence: type checks by magic bytes, metadata stripping, storage, signed links.

Import from the submodules (`bot.evidence.store`, `bot.evidence.settings`...); this package
file stays empty so that importing the settings does not load Pillow or SQLAlchemy.
"""
