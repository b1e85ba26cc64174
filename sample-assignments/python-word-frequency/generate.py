#!/usr/bin/python3
"""Regenerates tests/*.in with a fixed seed and tests/*.out with the reference solution (solution/main.py).

    /usr/bin/python3 generate.py
"""
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "tests")

COMMON = ("the of and to a in is it you that he was for on are with as his they be at one have this from or had by "
          "word but what some we can out other were all there when up use your how said an each she which do their "
          "time if will way about many then them write would like so these her long make thing see him two has look "
          "more day could go come did number sound no most people my over know water than call first who may down "
          "side been now find any new work part take get place made live where after back little only round man year "
          "came show every good me give our under name very through just form sentence great think say help low line "
          "differ turn cause much mean before move right boy old too same tell does set three want air well also play "
          "small end put home read hand port large spell add even land here must big high such follow act why ask men "
          "change went light kind off need house picture try us again animal point mother world near build self earth "
          "father head stand own page should country found answer school grow study still learn plant cover food sun "
          "four between state keep eye never last let thought city tree cross farm hard start might story saw far sea "
          "draw left late run don't while press close night real life few north").split()

SAMPLE = """3
The cat sat on the mat. The dog sat on the log!
Did the cat see the dog? "No," said the cat.
"""


def pseudo_word(rng, lo=2, hi=4):
    syll = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "vel", "dra", "en", "qu", "ost", "ir", "bel", "zo"]
    return "".join(rng.choice(syll) for _ in range(rng.randint(lo, hi)))


def flow(rng, words, width=72):
    """Lays words out as prose: random punctuation and capitals, lines up to width."""
    lines, line = [], ""
    for w in words:
        r = rng.random()
        if r < 0.08:
            w = w.capitalize()
        elif r < 0.09:
            w = w.upper()
        r = rng.random()
        tok = w + ("," if r < 0.07 else "." if r < 0.12 else ";" if r < 0.13 else "")
        if rng.random() < 0.01:
            tok += " " + str(rng.randint(1, 2024))
        if len(line) + 1 + len(tok) > width:
            lines.append(line)
            line = tok
        else:
            line = (line + " " + tok) if line else tok
    if line:
        lines.append(line)
    return "\n".join(lines) + "\n"


def zipf_words(rng, vocab, count, s=1.1):
    weights = [1 / (i + 1) ** s for i in range(len(vocab))]
    return rng.choices(vocab, weights=weights, k=count)


def tests():
    rng = random.Random(20261121)
    yield "01-sample", SAMPLE
    yield "02-single-word", "5\nhello\n"
    yield "03-mixed-case", "2\nThe THE the tHe\nEnd end END. The\n"
    yield "04-punctuation", ("10\nDon't stop: it's 9am -- abc123def, (x-ray) e-mail; rock'n'roll!\n"
                             "\"Quoted\" [brackets] {braces} <angle> under_score tab\there\n")
    ties = ["delta", "alpha", "echo", "charlie", "bravo", "foxtrot", "golf", "hotel"]
    yield "05-ties", "4\n" + flow(rng, [w for w in ties for _ in range(3)] + ["zulu"] * 5) + "yankee yankee yankee yankee\n"
    yield "06-k-exceeds-distinct", "50\none two three two three three\n\n   \nfour four four four\n"
    yield "07-no-words", "3\n\n  123 456 ... !!!\n\n"
    # 29 letters / 8 words = 3.625: half up gives 3.63, Python's '%.2f' gives 3.62 (round half to even).
    yield "08-rounding", "3\nthe quick brown fox jumps over a dog\n"
    vocab = COMMON + [pseudo_word(rng) for _ in range(2500)]
    rng.shuffle(vocab)
    yield "09-large-novel", "20\n" + flow(rng, zipf_words(rng, vocab, 33000))
    # Many distinct words: a linear search over (word, count) pairs is quadratic here.
    many = set()
    while len(many) < 26000:
        many.add(pseudo_word(rng, 3, 5))
    many = sorted(many)
    rng.shuffle(many)
    big = many + zipf_words(rng, many, 4000, s=0.8)
    rng.shuffle(big)
    yield "10-large-distinct", "1000\n" + flow(rng, big)


def main():
    os.makedirs(TESTS, exist_ok=True)
    for name, text in tests():
        inp = os.path.join(TESTS, name + ".in")
        with open(inp, "w") as f:
            f.write(text)
        with open(inp) as fin, open(os.path.join(TESTS, name + ".out"), "w") as fout:
            subprocess.run([sys.executable, os.path.join(HERE, "solution", "main.py")], stdin=fin, stdout=fout,
                           check=True)
        print(f"{name}: {os.path.getsize(inp)} bytes")


if __name__ == "__main__":
    main()
