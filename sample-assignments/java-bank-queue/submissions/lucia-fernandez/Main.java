import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.util.PriorityQueue;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out));  // faster than println
        String[] first = in.readLine().split(" ");
        int n = Integer.parseInt(first[0]);
        int k = Integer.parseInt(first[1]);
        PriorityQueue<Integer> free = new PriorityQueue<>();
        PriorityQueue<long[]> busy = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        for (int t = 1; t <= k; t++) free.add(t);
        long total = 0;
        for (int i = 0; i < n; i++) {
            String[] line = in.readLine().split(" ");
            long a = Long.parseLong(line[0]);
            long s = Long.parseLong(line[1]);
            while (!busy.isEmpty() && busy.peek()[0] <= a) free.add((int) busy.poll()[1]);
            long start;
            int t;
            if (!free.isEmpty()) {
                t = free.poll();
                start = a;
            } else {
                long[] b = busy.poll();
                t = (int) b[1];
                start = b[0];
            }
            busy.add(new long[] {start + s, t});
            total += start - a;
            out.write(t + " " + start + "\n");
        }
        out.write(total + "\n");
    }
}
