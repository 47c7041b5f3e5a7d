"""The daily register names a step in the business's own words: completing a
settlement is 结算办结, a stop 关阀停热办结, a resume 开栓复热办结 - not the
change procedure's 办结变更 for all of them."""

from __future__ import annotations

import pytest

from counter_app.catalogue import load_catalogue
from counter_app.services.documents.register import action_label

WANTED = {"settlement": "结算办结", "stop": "关阀停热办结", "resume": "开栓复热办结",
          "change_transfer": "办结变更"}


@pytest.mark.parametrize(("kind", "label"), sorted(WANTED.items()))
def test_completing_is_named_after_the_business(kind, label):
    business = load_catalogue().get(kind)
    assert action_label("complete", business.workflow) == label


def test_actions_outside_the_procedures_keep_their_names():
    assert action_label("receive", "settlement") == "登记"
    assert action_label("handover") == "移交"
