"""Reference solution for Lab 4: Word frequencies."""
import re
import sys


def main():
    data = sys.stdin.read()
    first, _, text = data.partition("\n")
    k = int(first)
    words = re.findall(r"[a-z]+", text.lower())
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    total = len(words)
    letters = sum(len(w) for w in words)
    # Round half up in exact integer arithmetic: float formatting would round 4.125 to 4.12.
    hundredths = (letters * 100 * 2 + total) // (2 * total) if total else 0
    out = [f"{total} {len(counts)} {hundredths // 100}.{hundredths % 100:02d}"]
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    out.extend(f"{w} {c}" for w, c in ranked[:k])
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
