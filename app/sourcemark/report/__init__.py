"""Reports people can send: CSV exports (sourcemark.report.export) and the story report."""

from sourcemark.report.story import story_report_html, write_report

__all__ = ["story_report_html", "write_report"]
