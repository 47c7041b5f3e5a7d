"""The business wizard: one per catalogue kind.

customer -> documents -> details -> fees -> confirm -> done.  Whatever the
clerk typed is saved as a draft whenever they move between pages and when the
wizard is closed before finishing; a draft restores every typed value.
Registering is one operation (``ui.operations.requests.register``): when the
database is briefly unreachable the clerk is told, can press 确认办理 again,
and nothing is lost or recorded twice.

The first page shows what the chosen account owes; a business it cannot finish
(arrears before a stop, a resume or a change) stops there with the reason, and
收费 (F7) opens the payment form from the wizard itself: once paid, the page
reads the account again and the business goes on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMainWindow, QWidget, QWizard

from counter_app.core import Actor, Core
from counter_app.domain import workflow
from counter_app.errors import CounterError
from ui.actions import shortcut
from ui.bridge import Operations
from ui.operations import drafts as ops_drafts, new_token, requests as ops_requests
from ui.operations.requests import Application, RequestView, Waiver
from ui.windows import Owned
from ui.wizard.confirm_page import ConfirmPage
from ui.wizard.customer_page import CustomerPage
from ui.wizard.details_page import YES, DetailsPage
from ui.wizard.documents_page import DocumentsPage
from ui.wizard.done_page import DonePage
from ui.wizard.fees_page import FeesPage

if TYPE_CHECKING:
    from ui.cash import PaymentDialog

CUSTOMER, DOCUMENTS, DETAILS, FEES, CONFIRM, DONE = range(6)
DRAFT_VERSION = 1
DRAFT_KEPT = QT_TRANSLATE_NOOP("BusinessWizard", "已保存为草稿，可在“我的草稿”中继续")


class BusinessWizard(QWizard):
    payment_dialog: Owned[PaymentDialog] = Owned()    # while it is open (ui.windows)

    def __init__(self, core: Core, actor: Actor, kind: str, account_id: int | None = None,
                 draft_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.kind = core.catalogue.get(kind)
        self.ops = Operations(self)
        self.draft_id: int | None = None
        self.request_id: int | None = None
        self.request_view: RequestView | None = None
        self.token = new_token()     # this visit's registration: a repeat never registers twice
        self.status_message = ""
        self._quiet = True  # no draft saving while the pages are being built or restored
        self.setObjectName("business_wizard")
        self.setWindowTitle(self.tr("{0} - 业务办理").format(self.kind.name))
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        for button, text in ((QWizard.WizardButton.BackButton, self.tr("< 上一步(&B)")),
                             (QWizard.WizardButton.NextButton, self.tr("下一步(&N) >")),
                             (QWizard.WizardButton.CommitButton, self.tr("确认办理(&S)")),
                             (QWizard.WizardButton.FinishButton, self.tr("完成(&F)")),
                             (QWizard.WizardButton.CancelButton, self.tr("取消"))):
            self.setButtonText(button, text)
        self.button(QWizard.WizardButton.CancelButton).setToolTip(
            self.tr("关闭向导，已填写的内容保存为草稿 (Esc)"))
        self.button(QWizard.WizardButton.NextButton).setToolTip(self.tr("下一步 (Alt+N，回车)"))
        self.button(QWizard.WizardButton.BackButton).setToolTip(self.tr("上一步 (Alt+B)"))
        self.customer_page = CustomerPage(self, account_id)
        self.documents_page = DocumentsPage(self)
        self.details_page = DetailsPage(self)
        self.fees_page = FeesPage(self)
        self.confirm_page = ConfirmPage(self)
        self.done_page = DonePage(self)
        for page_id, page in enumerate(self.pages()):
            self.setPage(page_id, page)
        self.currentIdChanged.connect(self._page_changed)
        self.customer_page.picker.pay.connect(self.take_payment)
        shortcut(self, "pay", self.take_payment)
        self.resize(920, 680)
        self.restart()
        if draft_id is not None:
            self._resume(draft_id)
        self._quiet = False

    def pages(self) -> list:
        return [self.customer_page, self.documents_page, self.details_page, self.fees_page,
                self.confirm_page, self.done_page]

    # -- drafts --------------------------------------------------------------------------
    def draft_data(self) -> dict[str, Any]:
        page = self.currentId()
        return {"version": DRAFT_VERSION, "page": page if 0 <= page < DONE else 0,
                "customer": self.customer_page.values(), "documents": self.documents_page.values(),
                "details": self.details_page.values()}

    def draft_title(self) -> str:
        return f"{self.kind.name} {self.customer_page.title_text()}".strip()

    def save_draft(self) -> bool:
        if self.request_id is not None:
            return True
        ok, draft_id = ops_drafts.save(self.ops, self.core, self.actor, self.kind.kind, self.draft_data(),
                                       self.draft_title(), self.draft_id)
        if ok:
            self.draft_id = draft_id
        else:
            self.set_status(self.tr("草稿暂未保存（{0}）；已填写的内容仍在，换页或关闭时会再试。").format(
                self.ops.last_error.message if self.ops.last_error else ""), error=True)
        return ok

    def _resume(self, draft_id: int) -> None:
        ok, draft = ops_drafts.load(self.ops, self.core, self.actor, draft_id)
        if not ok or draft.kind != self.kind.kind:
            self.set_status(self.tr("草稿未能打开，本次从头办理；原草稿仍保留在“我的草稿”中。"), error=True)
            return
        self.draft_id = draft_id
        self.resumed = True
        data = draft.data
        self.customer_page.restore(data.get("customer") or {})
        self.documents_page.restore(data.get("documents") or {})
        self.details_page.restore(data.get("details") or {})
        target = min(int(data.get("page") or 0), CONFIRM)
        while self.currentId() < target:  # stops at the first page that does not pass its checks
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def _page_changed(self, page_id: int) -> None:
        # QWizard moves the focus to the page's first tab stop after initializePage;
        # this signal comes later, so the page's own choice wins
        page = self.page(page_id)
        if page is not None and getattr(page, "first_focus", None) is not None:
            page.first_focus.setFocus()
        self.set_status("")
        if not self._quiet and 0 <= page_id < DONE and self.request_id is None and self.worth_keeping():
            self.save_draft()

    resumed = False     # opened from a draft: the draft stays whatever happens to this visit

    def has_input(self) -> bool:
        """Whether the clerk gave the wizard anything worth resuming: a customer
        looked up or typed in, an agent, a document received or waived, a detail
        other than what the wizard filled in itself.  An account brought from
        the main window and a walk through the pages are not."""
        details = self.details_page
        typed = any(details.raw(spec.key).strip() not in ("", details.prefilled.get(spec.key, ""))
                    and (spec.type != "bool" or details.raw(spec.key) == YES) for spec in self.kind.fields)
        documents = self.documents_page
        received = any(value.get("received") for value in documents.values().values())
        return not self.customer_page.is_blank() or received or bool(documents.waivers) or typed

    def worth_keeping(self) -> bool:
        return self.resumed or self.has_input()

    def reject(self) -> None:
        """Cancel/Esc/close: keep what was typed as a draft, ask nothing; a visit
        with nothing typed leaves no draft (one made while moving between its
        pages is discarded), so 我的草稿 lists only work worth resuming."""
        if self.request_id is None and self.worth_keeping():
            if not self.save_draft():
                self.set_status(self.tr("草稿未能保存，向导暂不关闭，以免丢失已填写的内容；"
                                        "请稍后再按“取消”，或继续办理。"), error=True)
                return
            self.tell(self.tr(DRAFT_KEPT))
        elif self.request_id is None and self.draft_id is not None:
            ops_drafts.discard(self.ops, self.core, self.actor, self.draft_id)
            self.draft_id = None
        self._quiet = True  # closing resets the wizard to no page: nothing to save then
        super().reject()
        self._quiet = False

    def accept(self) -> None:
        self._quiet = True
        super().accept()
        self._quiet = False

    # -- 收费 from the wizard -------------------------------------------------------------
    def take_payment(self) -> None:
        """F7: the payment form for the chosen account - for the business once it
        is registered (a settlement is completed by paying what it asks for).
        When it closes, the wizard reads again what the payment may have changed:
        paid arrears no longer stop the business; a settlement shows it is done."""
        account = self.customer_page.account()
        if account is None:
            return
        from ui.cash import PaymentDialog

        self.payment_dialog = dialog = PaymentDialog(self.core, self.actor, account.id, self,
                                                     request_id=self.request_id)
        dialog.finished.connect(lambda _result: self._paid())
        dialog.open()

    def _paid(self) -> None:
        if self.request_id is None:
            self.customer_page.picker.recheck()
            return
        ok, view = ops_requests.get_request(self.ops, self.core, self.request_id)
        if ok:
            self.request_view = view
            self.done_page.refresh()

    def tell(self, message: str) -> None:
        """Say it in the main window's status line (the wizard is closing)."""
        self.status_message = message
        parent = self.parentWidget()
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(message, 15000)

    def set_status(self, text: str, error: bool = False) -> None:
        for page in self.pages():
            page.set_status(text, error)

    # -- registering ---------------------------------------------------------------------
    def accept_needs_approval(self) -> bool:
        step = workflow.find(self.kind.workflow, "accept")
        return bool(step and step.approval)

    def submit(self) -> bool:
        """The confirm page's commit: one call registers the business with its
        waivers and takes the step the checklist allows.  A failure leaves
        nothing behind; pressing 确认办理 again sends the same token."""
        if self.request_id is not None:
            return True
        customer = self.customer_page
        account = customer.account()
        application = Application(
            self.kind.kind, account_id=account.id if account else None,
            new_account=customer.new_account(), applicant_name=customer.applicant_name(),
            by_agent=customer.is_by_agent(), agent_name=customer.agent(),
            fields=self.details_page.raw_values(), documents=self.documents_page.document_inputs())
        waivers = [Waiver(w.code, w.reason, w.supervisor)
                   for w in self.documents_page.active_waivers().values()]
        ok, view = ops_requests.register(self.ops, self.core, self.actor, application, waivers=waivers,
                                         draft_id=self.draft_id, token=self.token,
                                         on_field_error=self.route_field_error)
        if not ok:
            return False
        self.request_id, self.request_view = view.id, view
        return True

    def route_field_error(self, exc: CounterError) -> bool:
        """A service's error about a field: go back to that page and show it there."""
        for page_id in (CUSTOMER, DOCUMENTS, DETAILS):
            page = self.page(page_id)
            if exc.field in page.field_keys():
                self._quiet = True
                try:
                    while self.currentId() > page_id:
                        self.back()
                finally:
                    self._quiet = False
                return page.show_error(exc.field, exc.message)
        return False
