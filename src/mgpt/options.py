"""The checks the library and the command line share, and how a message names an option.

A call from Python names an option by its keyword (n_layer), the command line by its flag
(--n-layer): `flag` spells it for whichever is running, so one check, written once, gives each
its own wording. The CLI switches to flags when it starts (use_flags).
"""

import math
from typing import NamedTuple

from .errors import MgptError

_FLAGS = {"num": "-n", "n": "-n", "k": "-k", "out": "-o"}
_style = {"flags": False}


def use_flags(on=True):
    """Messages name options as the command line's flags (on) or as keyword arguments."""
    _style["flags"] = on


def flags_on():
    return _style["flags"]


def flag(name):
    """The option `name` (a keyword argument's name) as the caller knows it."""
    if not _style["flags"]:
        return name
    return _FLAGS.get(name, "--" + name.replace("_", "-"))


def either(command_line, python):
    """Advice as the caller would follow it: a command to type, or a call to make."""
    return command_line if _style["flags"] else python


class Rule(NamedTuple):
    """What values an option takes: int or float, within [low, high] (open ends where said)."""
    kind: type
    low: float = None
    high: float = None
    low_open: bool = False
    high_open: bool = False

    def describe(self):
        words = ["an integer" if self.kind is int else "a number"]
        bound = "{:d}" if self.kind is int else "{:g}"  # 1048576, not 1.04858e+06
        if self.low is not None:
            words.append(f"{'>' if self.low_open else '>='} " + bound.format(self.low))
        if self.high is not None:
            words.append(f"{'and ' if self.low is not None else ''}{'<' if self.high_open else '<='} "
                         + bound.format(self.high))
        return " ".join(words)

    def check(self, name, value):
        """value as this rule's kind, or MgptError naming the option (text as the CLI gives it is read too)."""
        if value is None:
            return None
        try:
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise ValueError
            number = self.kind(value) if not isinstance(value, str) else self.kind(value.strip())
            if self.kind is int and number != float(value):
                raise ValueError
        except (ValueError, OverflowError):
            raise MgptError(f"{flag(name)} must be {self.describe()}, not {value!r}") from None
        low_bad = self.low is not None and (number < self.low or (self.low_open and number == self.low))
        high_bad = self.high is not None and (number > self.high or (self.high_open and number == self.high))
        if low_bad or high_bad or (self.kind is float and not math.isfinite(number)):
            raise MgptError(f"{flag(name)} must be {self.describe()}, not {value}")
        return number


POSITIVE_INT = Rule(int, 1)
NONNEG_INT = Rule(int, 0)
POSITIVE_FLOAT = Rule(float, 0, low_open=True)
NONNEG_FLOAT = Rule(float, 0)
FRACTION = Rule(float, 0, 1, high_open=True)
TOP_P = Rule(float, 0, 1, low_open=True)
PROBABILITY = Rule(float, 0, 1)


def check_choice(name, value, choices):
    if value not in choices:
        raise MgptError(f"{flag(name)} must be one of {', '.join(map(str, choices))}, not {value!r}")
    return value


def settle(defaults, given, call):
    """The options of one call: `given` (keyword arguments) over `defaults`; an unknown keyword is
    an error that lists the known ones. Returns (values, the names given)."""
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise MgptError(f"{call}() got unknown option(s) {', '.join(unknown)}; it takes "
                        f"{', '.join(sorted(defaults))}")
    return {**defaults, **given}, set(given)
