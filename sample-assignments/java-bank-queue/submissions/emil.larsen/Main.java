import java.util.*;
import java.io.*;

public class Main {
    public static void main(String[] args) throws Exception {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer st = new StringTokenizer(br.readLine());
        int n = Integer.parseInt(st.nextToken()), k = Integer.parseInt(st.nextToken());
        int[] freeAt = new int[k + 1];          // when each teller is done
        StringBuilder sb = new StringBuilder();
        int totalWait = 0;
        for (int i = 0; i < n; i++) {
            st = new StringTokenizer(br.readLine());
            int a = Integer.parseInt(st.nextToken());
            int s = Integer.parseInt(st.nextToken());
            // lowest free teller, else the one that is done first
            int best = -1;
            for (int t = 1; t <= k; t++) {
                if (freeAt[t] <= a) { best = t; break; }
            }
            if (best == -1) {
                best = 1;
                for (int t = 2; t <= k; t++) if (freeAt[t] < freeAt[best]) best = t;
            }
            int start = Math.max(a, freeAt[best]);
            freeAt[best] = start + s;
            totalWait += start - a;
            sb.append(best).append(" ").append(start).append("\n");
        }
        sb.append(totalWait).append("\n");
        System.out.print(sb);
    }
}
