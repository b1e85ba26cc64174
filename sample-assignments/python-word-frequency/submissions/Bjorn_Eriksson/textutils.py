"""Small helpers for the word frequency lab."""
from decimal import Decimal, ROUND_HALF_UP


def split_words(line):
    """Splits a line into lower-case words (runs of ASCII letters)."""
    words = []
    current = []
    for ch in line:
        if ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
            current.append(ch.lower())
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def two_decimals(numerator, denominator):
    if denominator == 0:
        return "0.00"
    value = Decimal(numerator) / Decimal(denominator)
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
