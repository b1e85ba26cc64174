import java.io.PrintWriter;
import java.util.PriorityQueue;
import java.util.Scanner;

/**
 * TP 5 - file d'attente a la banque.
 * @author Benoit Lambert
 */
public class BankQueue {

    static class Guichet implements Comparable<Guichet> {
        final int numero;
        long libreA;

        Guichet(int numero) {
            this.numero = numero;
        }

        @Override
        public int compareTo(Guichet o) {
            if (libreA != o.libreA) return Long.compare(libreA, o.libreA);
            return Integer.compare(numero, o.numero);
        }
    }

    public static void main(String[] args) {
        Scanner sc = new Scanner(System.in);
        PrintWriter out = new PrintWriter(System.out);
        int n = sc.nextInt();
        int k = sc.nextInt();
        PriorityQueue<Guichet> occupes = new PriorityQueue<>();
        PriorityQueue<Integer> libres = new PriorityQueue<>();
        Guichet[] guichets = new Guichet[k + 1];
        for (int i = 1; i <= k; i++) {
            guichets[i] = new Guichet(i);
            libres.add(i);
        }
        long attenteTotale = 0;
        for (int i = 0; i < n; i++) {
            long arrivee = sc.nextLong();
            long duree = sc.nextLong();
            while (!occupes.isEmpty() && occupes.peek().libreA <= arrivee) {
                libres.add(occupes.poll().numero);
            }
            Guichet g;
            long debut;
            if (libres.isEmpty()) {
                g = occupes.poll();
                debut = g.libreA;
            } else {
                g = guichets[libres.poll()];
                debut = arrivee;
            }
            g.libreA = debut + duree;
            occupes.add(g);
            attenteTotale += debut - arrivee;
            out.println(g.numero + " " + debut);
        }
        out.println(attenteTotale);
        out.flush();
    }
}
