"""The standard's civil phrases (article 8), shown to the clerk at the matching
moment.  The company name comes from settings, never from the source text."""

from __future__ import annotations

GREETING = "您好，{company}{hall}。请问有什么可以帮您的吗？"
NOT_HEARD = "对不起，先生（女士），您刚刚讲的问题我没听清楚，请您重述一遍好吗？"
COMPLAINT = (
    "先生/女士您好，请问您有什么需要帮助的？请问您贵姓？",
    "对不起，我们会立即处理这个问题，会在最短时间给您答复。",
    "您放心，我们会立即采取措施，使您满意。",
    "很抱歉给您添麻烦了。感谢您多提宝贵意见。",
)
APOLOGY = (
    "对不起，请原谅。",
    "对不起，这是我们的失误。",
    "谢谢您的批评，我们一定注意改进。",
    "谢谢您，请多提宝贵意见。",
)
LATE = "对不起，这是我们的失误，您的业务未能在承诺期限内办结，原因是：{reason}。我们会尽快办理。"
FAREWELL = "谢谢您，再见。"


def greeting(company: str, hall: str = "") -> str:
    return GREETING.format(company=company, hall=hall)


def late_apology(reason: str) -> str:
    return LATE.format(reason=reason or "……")
