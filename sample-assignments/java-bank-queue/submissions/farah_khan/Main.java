import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer tok = new StringTokenizer(in.readLine());
        int n = Integer.parseInt(tok.nextToken());
        int k = Integer.parseInt(tok.nextToken());

        // {time the teller is free, teller number}; the teller that is free first goes next
        PriorityQueue<long[]> tellers = new PriorityQueue<>((p, q) -> p[0] != q[0] ? Long.compare(p[0], q[0]) : Long.compare(p[1], q[1]));
        for (int t = 1; t <= k; t++) tellers.add(new long[]{0, t});

        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (int i = 0; i < n; i++) {
            tok = new StringTokenizer(in.readLine());
            long arrive = Long.parseLong(tok.nextToken());
            long service = Long.parseLong(tok.nextToken());
            long[] t = tellers.poll();
            long start = Math.max(arrive, t[0]);
            total += start - arrive;
            sb.append(t[1]).append(' ').append(start).append('\n');
            t[0] = start + service;
            tellers.add(t);
        }
        sb.append(total).append('\n');
        System.out.print(sb);
    }
}
