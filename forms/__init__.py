"""The business catalogue (TOML data); loaded by ``counter_app.catalogue``.

``businesses/<kind>.toml`` describes one kind of counter business (documents to
check, fields to fill in, fees, contract); ``contracts/<template>.toml`` holds
the clauses of a standard heating contract.  Administrators edit these files;
``load_catalogue`` validates them and reports mistakes in Chinese.
"""

from pathlib import Path

FORMS_DIR = Path(__file__).parent
