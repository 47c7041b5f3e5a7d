"""Use cases.  Each public function is one unit of work: it opens its own
transaction on ``core``, checks the actor's permission, writes the audit trail,
and either stores everything or nothing."""
