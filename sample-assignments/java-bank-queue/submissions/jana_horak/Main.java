import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer st = new StringTokenizer(br.readLine());
        int n = Integer.parseInt(st.nextToken());
        int k = Integer.parseInt(st.nextToken());
        long[] arrival = new long[n], service = new long[n];
        for (int i = 0; i < n; i++) {
            st = new StringTokenizer(br.readLine());
            arrival[i] = Long.parseLong(st.nextToken());
            service[i] = Long.parseLong(st.nextToken());
        }

        // how many customers arrive in each second (arrivals are at most 10^9, fits in an int)
        int last = (int) arrival[n - 1];
        int[] arrivalsAt = new int[last + 1];
        for (int i = 0; i < n; i++) arrivalsAt[(int) arrival[i]]++;
        int rush = 0;
        for (int c : arrivalsAt) rush = Math.max(rush, c);
        System.err.println("busiest second: " + rush + " customers");

        long[] freeAt = new long[k + 1];
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (int t = 1; t <= k; t++) {
                if (freeAt[t] <= arrival[i]) { best = t; break; }
            }
            if (best == -1) {
                best = 1;
                for (int t = 2; t <= k; t++) if (freeAt[t] < freeAt[best]) best = t;
            }
            long start = Math.max(arrival[i], freeAt[best]);
            freeAt[best] = start + service[i];
            total += start - arrival[i];
            sb.append(best).append(' ').append(start).append('\n');
        }
        sb.append(total).append('\n');
        System.out.print(sb);
    }
}
