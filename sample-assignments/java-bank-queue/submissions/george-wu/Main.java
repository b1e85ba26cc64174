import java.io.BufferedReader;
import java.io.InputStreamReader;

public class Main {
    public static void main(String[] args) throws Exception {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        String[] nk = br.readLine().split(" ");
        int n = Integer.parseInt(nk[0]);
        int k = Integer.parseInt(nk[1]);
        PriorityQueue<Integer> free = new PriorityQueue<>();
        PriorityQueue<long[]> busy = new PriorityQueue<>((x, y) -> x[0] == y[0] ? Long.compare(x[1], y[1]) : Long.compare(x[0], y[0]));
        for (int i = 1; i <= k; i++) free.add(i);
        StringBuilder sb = new StringBuilder();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            String[] p = br.readLine().split(" ");
            long a = Long.parseLong(p[0]), s = Long.parseLong(p[1]);
            while (!busy.isEmpty() && busy.peek()[0] <= a) free.add((int) busy.poll()[1]);
            long start;
            int t;
            if (free.isEmpty()) {
                long[] b = busy.poll();
                start = b[0];
                t = (int) b[1];
            } else {
                start = a;
                t = free.poll();
            }
            busy.add(new long[]{start + s, t});
            sum += start - a;
            sb.append(t + " " + start + "\n");
        }
        System.out.print(sb.toString() + sum + "\n");
    }
}
