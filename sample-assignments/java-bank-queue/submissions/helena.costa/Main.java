import java.io.*;
import java.util.*;

/* Helena Costa - lab 5 */
public class Main {
    static long[] freeAt;
    static int k;

    // lowest numbered teller that is free at time t, or -1
    static int freeTeller(long t) {
        for (int i = 1; i <= k; i++)
            if (freeAt[i] < t) return i;
        return -1;
    }

    // the first moment >= t at which some teller is free: jump to the next time a teller finishes
    static long nextFree(long t) {
        if (freeTeller(t) != -1) return t;
        long soonest = Long.MAX_VALUE;
        for (int i = 1; i <= k; i++)
            soonest = Math.min(soonest, freeAt[i]);
        return nextFree(soonest);
    }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer st = new StringTokenizer(br.readLine());
        int n = Integer.parseInt(st.nextToken());
        k = Integer.parseInt(st.nextToken());
        freeAt = new long[k + 1];
        Arrays.fill(freeAt, -1);   // -1 = free from the start (time 0 included)
        StringBuilder sb = new StringBuilder();
        long waiting = 0;
        for (int i = 0; i < n; i++) {
            st = new StringTokenizer(br.readLine());
            long a = Long.parseLong(st.nextToken());
            long s = Long.parseLong(st.nextToken());
            long start = nextFree(a);
            int t = freeTeller(start);
            freeAt[t] = start + s;
            waiting += start - a;
            sb.append(t).append(' ').append(start).append('\n');
        }
        sb.append(waiting).append('\n');
        System.out.print(sb);
    }
}
