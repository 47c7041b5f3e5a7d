"""The residents' tracking service: the page behind the QR code (issue 6).

Read-only and public: ``counter-app tracking serve`` runs it (Starlette on
uvicorn), beside the counters' database, behind the company's reverse proxy."""
