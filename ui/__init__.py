"""The Qt layer of the counter application: windows, wizards, dialogs, and a thin
operations bridge to the core services.  Imports point inward only:
ui -> printing -> counter_app."""
