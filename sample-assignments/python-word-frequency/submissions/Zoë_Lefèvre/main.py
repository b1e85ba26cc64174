# Zoë Lefèvre — TP 4 : fréquence des mots
import sys
from collections import Counter
from fractions import Fraction


def mots(texte):
    """Découpe le texte en mots (suites de lettres ASCII), en minuscules."""
    courant = []
    for c in texte:
        if c.isascii() and c.isalpha():
            courant.append(c.lower())
        elif courant:
            yield "".join(courant)
            courant = []
    if courant:
        yield "".join(courant)


entree = sys.stdin.read()
premiere, _, texte = entree.partition("\n")
k = int(premiere)
compteur = Counter(mots(texte))
total = sum(compteur.values())
if total:
    moyenne = Fraction(sum(len(m) * n for m, n in compteur.items()), total)
    centiemes = int(moyenne * 100 + Fraction(1, 2))   # arrondi au plus proche, moitié vers le haut
else:
    centiemes = 0
print(f"{total} {len(compteur)} {centiemes // 100}.{centiemes % 100:02d}")
for mot, n in sorted(compteur.items(), key=lambda p: (-p[1], p[0]))[:k]:
    print(mot, n)
