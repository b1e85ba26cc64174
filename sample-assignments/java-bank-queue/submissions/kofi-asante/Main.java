import java.util.*;

// Kofi Asante - simulate the bank second by second
public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        int k = in.nextInt();
        long[] arrive = new long[n];
        long[] service = new long[n];
        for (int i = 0; i < n; i++) {
            arrive[i] = in.nextLong();
            service[i] = in.nextLong();
        }

        long[] remaining = new long[k + 1];   // seconds left for the customer at each teller
        int[] tellerOf = new int[n];
        long[] waited = new long[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int next = 0, started = 0;
        long time = 0;
        while (started < n) {
            // new arrivals join the queue
            while (next < n && arrive[next] == time) {
                queue.add(next);
                next++;
            }
            // every free teller takes the next customer, lowest number first
            for (int t = 1; t <= k; t++) {
                if (remaining[t] == 0 && !queue.isEmpty()) {
                    int c = queue.poll();
                    tellerOf[c] = t;
                    remaining[t] = service[c];
                    started++;
                }
            }
            // one second passes
            for (int c : queue) waited[c]++;
            for (int t = 1; t <= k; t++) {
                if (remaining[t] > 0) remaining[t]--;
            }
            time++;
        }

        long total = 0;
        for (int i = 0; i < n; i++) {
            System.out.println(tellerOf[i] + " " + (arrive[i] + waited[i]));
            total += waited[i];
        }
        System.out.println(total);
    }
}
