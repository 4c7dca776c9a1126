"""For `scrapyd-deploy`, which builds the project's egg with `setup.py bdist_egg`: everything is in
pyproject.toml (packages, data, the `scrapy` entry point Scrapyd reads)."""

from setuptools import setup

setup()
