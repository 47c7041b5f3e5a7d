"""The residents' tracking service: the page behind the QR code of every slip and receipt.

Read-only and public: ``counter-app tracking serve`` runs it (Starlette on
uvicorn), beside the counters' database, behind the company's reverse proxy."""
