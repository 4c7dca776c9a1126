"""spaCy's French token_match, compiled in a second instead of six.

`spacy/lang/fr/tokenizer_exceptions.py` builds, at import, one case-insensitive regex of 266 anchored
alternatives ("^faux[-]…$", "^anti[-]…$", …), each repeating the whole Unicode letter class: 1.45 MB of
pattern that Python's `re` takes 5 to 8 s to compile (profiled: 8.3 s of an 11 s `spacy.load` on this
machine), in every process that reads a page, and the package's serialized tokenizer compiles it once
more when it is loaded. The same language is a handful of alternatives once the
201 hyphen prefixes, the 3 elision prefixes and the 12 hyphen combinations are each put in one group:
"^(?:p1|p2)X$" matches what "^p1X$|^p2X$" matches. That pattern compiles in under a second; the module is
imported with its own compile deferred, the model is loaded with the language's tokenizer rather than
its serialized copy, and the tokenizer is given the factored pattern: 11 s → 2.3 s for the whole load.
"""

from __future__ import annotations

import re
import sys
from typing import Any

MODULE = "spacy.lang.fr.tokenizer_exceptions"
HUGE = 100_000  # characters: only the module's one giant pattern is deferred


class _Deferred:
    """What the module's TOKEN_MATCH is while it is imported: replaced on the tokenizer right after."""

    match = None


def import_exceptions_module() -> Any:
    """The French tokenizer exceptions module, imported without compiling its giant pattern (when no one
    imported it before)."""
    if MODULE in sys.modules:
        return sys.modules[MODULE]
    compile_ = re.compile

    def deferring(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and len(pattern) > HUGE and pattern.startswith("(?iu)"):
            return _Deferred
        return compile_(pattern, flags)

    re.compile = deferring  # only for this import, in this thread: the reading worker has no other
    try:
        __import__(MODULE)
    finally:
        re.compile = compile_
    return sys.modules[MODULE]


def token_match(module: Any) -> re.Pattern[str]:
    """The module's TOKEN_MATCH language, its alternatives grouped by shape; the module's own pattern,
    slow to compile but right, should a later spaCy build it otherwise."""
    try:
        return _grouped(module)
    except (AttributeError, re.error):
        return re.compile("(?iu)" + "|".join(f"(?:{part})" for part in module._regular_exp))


def _grouped(module: Any) -> re.Pattern[str]:
    hyphen, lower, elision, alpha = module.HYPHENS, module.ALPHA_LOWER, module.ELISION, module.ALPHA
    grouped = len(module._hyphen_prefix) + len(module._elision_prefix) + len(module._hyphen_combination)
    fixed = module._regular_exp[: len(module._regular_exp) - grouped]
    parts = [
        *fixed,
        "^(?:{})[{h}][{al}][{h}{al}{e}]*$".format("|".join(module._hyphen_prefix), h=hyphen, al=lower, e=elision),
        "^(?:{})[{e}][{al}][{h}{al}{e}]*$".format("|".join(module._elision_prefix), h=hyphen, al=lower, e=elision),
        "^[{a}]+[{h}](?:{})[{h}](?:l[{e}])?[{a}]+$".format("|".join(module._hyphen_combination), h=hyphen, a=alpha,
                                                           e=elision),
    ]
    return re.compile("(?iu)" + "|".join(f"(?:{part})" for part in parts))
