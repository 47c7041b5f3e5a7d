"""Windows and dialogs live while they are open.

A dialog left hidden under the main window kept its widgets, its reads and its
subscriptions to the change bus; every opening added another.  Closing now
frees it: ``Owned`` is the attribute through which a window keeps the dialog
it opened (``self.request_dialog = RequestDialog(...)``).  Assigning marks the
dialog delete-on-close, and once Qt has destroyed it the attribute reads None
again, so no attribute names a deleted dialog and ``if self.x is not None``
means "open".  ``bring_back`` shows a window that exists once per main window
(the feedback book, the supervisor's queue, the arrears list) instead of a
second copy."""

from __future__ import annotations

import weakref
from functools import partial
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def delete_on_close(widget: W) -> W:
    """``widget``, freed by Qt once it is closed (accepted, rejected, Esc, ✕)."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return widget


def _forget(owner: weakref.ref[Any], name: str, key: int, *_destroyed: object) -> None:
    """Qt is destroying the dialog: the owner's attribute stops naming it, unless
    it names a newer dialog by now.  Only Python state is touched: the owner may
    itself be in its destructor (a dialog goes with the window it belongs to)."""
    target = owner()
    if target is not None and id(target.__dict__.get(name)) == key:
        target.__dict__[name] = None


class Owned(Generic[W]):
    """A class attribute: ``request_dialog = Owned[RequestDialog]()``."""

    name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Owned[W]: ...
    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> W | None: ...
    def __get__(self, obj: object | None, objtype: type | None = None) -> Owned[W] | W | None:
        if obj is None:
            return self
        return obj.__dict__.get(self.name)

    def __set__(self, obj: object, widget: W | None) -> None:
        obj.__dict__[self.name] = widget
        if widget is not None:
            delete_on_close(widget)
            widget.destroyed.connect(partial(_forget, weakref.ref(obj), self.name, id(widget)))


def bring_back(window: QWidget) -> None:
    """Show ``window`` in front of the others, restored if it was minimised."""
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()
