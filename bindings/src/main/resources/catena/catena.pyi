"""Catena script API for Python steps (GraalPy, Python 3.11 standard library, no I/O).

Put this file beside your scripts for your editor's completion. A step defines one function::

    def transform(msg: Message, ctx: StepContext) -> Result:
        msg.value["total"] = msg.value["qty"] * msg.value["price"]
        return msg

and returns the message (changed in place, or a new dict with "value" and optionally "key",
"topic", "timestamp", "headers"), None to drop it, or a list of messages to split it (the step
must be declared ``split: true``). Maps behave as dicts and lists as lists; they are live views
of the record: write into them. Module-level globals live per pooled context, not per record.
"""
from typing import Any, Dict, List, Mapping, Optional, Union

Value = Union[None, bool, int, float, str, List["Value"], Dict[str, "Value"]]


class Headers:
    def get(self, name: str) -> Value:
        """The last value of a header, or None when absent."""
    def set(self, name: str, value: Value) -> None:
        """Replace every header of that name with one of this value."""
    def remove(self, name: str) -> bool:
        """Remove every header of that name; True if there was one."""
    def has(self, name: str) -> bool: ...
    def names(self) -> List[str]:
        """Header names in order, without repeats."""
    def toObject(self) -> Mapping[str, Value]:
        """A read-only mapping of name to (last) value."""


class Message:
    key: Value
    value: Value
    topic: Optional[str]
    """Assign to route the record to another topic."""
    timestamp: Optional[int]
    """Epoch milliseconds."""
    @property
    def partition(self) -> Optional[int]: ...
    @property
    def offset(self) -> Optional[int]: ...
    @property
    def headers(self) -> Headers: ...
    keySchema: Optional[Mapping[str, Any]]
    """Schema description (type, optional, name, version, parameters, fields), or None; assign a new one to change it."""
    valueSchema: Optional[Mapping[str, Any]]


class StepContext:
    @property
    def params(self) -> Mapping[str, Value]:
        """The step's params: (or with: for library steps), read-only."""
    @property
    def chain(self) -> str: ...
    @property
    def step(self) -> str: ...
    def now(self) -> int:
        """Epoch milliseconds from the host's clock."""
    def log(self, level_or_message: str, message: Optional[str] = None) -> None:
        """Log a line through the host: log("text") or log("warn", "text")."""


NewMessage = Dict[str, Value]
Result = Union[Message, NewMessage, None, List[Union[Message, NewMessage]]]


def transform(msg: Message, ctx: StepContext) -> Result: ...
