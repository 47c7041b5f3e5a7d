"""Printed documents: one ReportLab renderer per document on a shared base.

Each renderer takes the frozen data one read service of
``counter_app.services.documents`` returned - read in one transaction, the
issuing company with it - and returns PDF bytes; it knows nothing of Qt, of
sessions or of the services that read the data.  Imports point inward:
printing -> counter_app (its domain, validation and the documents' data types)."""
