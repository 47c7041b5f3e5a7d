"""What each printed document prints, read at once: one read service per document.

Every module here reads everything its paper needs - the request or payment,
the account, the fee schedule, the hall's settings - in ONE transaction and
returns a frozen dataclass that ``printing/`` turns into PDF bytes without
another look at the database.  The rules that decide what a paper says (which
fee schedule applies, the heating fee of the premises, whether a contract may
be printed in this status, where the customer lives, what is still missing
and by when the company answers) are decided here, in the core:

    contract   the heating contract of an application (供热合同)
    slip       the acceptance slip (受理回执)
    notice     the one-time notice (一次性告知单)
    receipt    a payment's receipt in its layout, its print logged (收款收据)
    register   the daily register (营业日报)
    handover   the shift handover sheet (交接班记录)
    reminder   arrears reminder notices (催缴通知单)

The calibration page of the pre-printed receipt form reads nothing: it is
drawn by ``printing.receipt.calibration_pdf`` alone.
"""
