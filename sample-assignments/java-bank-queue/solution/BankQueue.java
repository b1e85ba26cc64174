import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.PriorityQueue;
import java.util.StringTokenizer;

/** Reference solution for "Lab 5: The bank queue". O(n log k) with two heaps. */
public class BankQueue {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer st = new StringTokenizer(in.readLine());
        int n = Integer.parseInt(st.nextToken());
        int k = Integer.parseInt(st.nextToken());

        PriorityQueue<Integer> free = new PriorityQueue<>();
        for (int t = 1; t <= k; t++) free.add(t);
        // busy tellers as {freeAt, teller}: the earliest to finish first, the lowest number on ties
        PriorityQueue<long[]> busy = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));

        StringBuilder out = new StringBuilder();
        long totalWait = 0;
        for (int i = 0; i < n; i++) {
            st = new StringTokenizer(in.readLine());
            long arrival = Long.parseLong(st.nextToken());
            long service = Long.parseLong(st.nextToken());
            while (!busy.isEmpty() && busy.peek()[0] <= arrival) free.add((int) busy.poll()[1]);
            long start;
            int teller;
            if (!free.isEmpty()) {
                teller = free.poll();
                start = arrival;
            } else {
                long[] first = busy.poll();
                teller = (int) first[1];
                start = first[0];
            }
            busy.add(new long[] {start + service, teller});
            totalWait += start - arrival;
            out.append(teller).append(' ').append(start).append('\n');
        }
        out.append(totalWait).append('\n');
        System.out.print(out);
    }
}
