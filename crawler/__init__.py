"""The Scrapy project: settings, spiders and pipelines that turn registered pages into stored history."""
