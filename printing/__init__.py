"""Printed documents: one ReportLab renderer per document on a shared base.

Renderers take plain data (dataclasses built by the core's services) and return
PDF bytes; they know nothing of Qt or of a database session.  Imports point
inward: printing -> counter_app."""
