import java.util.*;
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer st = new StringTokenizer(br.readLine());
        int n = Integer.parseInt(st.nextToken());
        int k = Integer.parseInt(st.nextToken());
        long[] free = new long[k];
        PriorityQueue<Integer> idle = new PriorityQueue<>();
        PriorityQueue<Integer> working = new PriorityQueue<>((x, y) -> free[x] != free[y] ? Long.compare(free[x], free[y]) : x - y);
        for (int i = 1; i <= k; i++) idle.add(i);
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (int i = 0; i < n; i++) {
            st = new StringTokenizer(br.readLine());
            long a = Long.parseLong(st.nextToken());
            long s = Long.parseLong(st.nextToken());
            while (!working.isEmpty() && free[working.peek()] <= a) idle.add(working.poll());
            int t;
            long start;
            if (!idle.isEmpty()) {
                t = idle.poll();
                start = a;
            } else {
                t = working.poll();
                start = free[t];
            }
            free[t] = start + s;
            working.add(t);
            total += start - a;
            sb.append(t).append(' ').append(start).append('\n');
        }
        sb.append(total).append('\n');
        System.out.print(sb);
    }
}
