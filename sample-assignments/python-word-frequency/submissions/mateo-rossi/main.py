import sys
from counting import WordStats


def main():
    k = int(sys.stdin.readline())
    stats = WordStats()
    while True:
        line = sys.stdin.readline()
        if not line:
            break
        stats.add_line(line)
    print(stats.total, len(stats.freq), stats.average())
    for word, count in stats.top(k):
        print(word, count)


main()
