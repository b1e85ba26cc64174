import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer st = new StringTokenizer(br.readLine());
        int n = Integer.parseInt(st.nextToken());
        int k = Integer.parseInt(st.nextToken());

        TreeSet<Integer> freeTellers = new TreeSet<>();
        for (int i = 1; i <= k; i++) freeTellers.add(i);
        long[] freeAt = new long[k + 1];
        // tellers that are busy, ordered by when they finish, then by number
        TreeSet<Integer> busyTellers = new TreeSet<>((x, y) -> freeAt[x] != freeAt[y] ? Long.compare(freeAt[x], freeAt[y]) : Integer.compare(x, y));

        StringBuilder sb = new StringBuilder();
        long waited = 0;
        for (int i = 0; i < n; i++) {
            st = new StringTokenizer(br.readLine());
            long a = Long.parseLong(st.nextToken());
            long s = Long.parseLong(st.nextToken());
            while (!busyTellers.isEmpty() && freeAt[busyTellers.first()] <= a) {
                freeTellers.add(busyTellers.pollFirst());
            }
            int t;
            long start;
            if (!freeTellers.isEmpty()) {
                t = freeTellers.pollFirst();
                start = a;
            } else {
                t = busyTellers.pollFirst();
                start = freeAt[t];
            }
            freeAt[t] = start + s;
            busyTellers.add(t);
            waited += start - a;
            sb.append(t).append(' ').append(start).append('\n');
        }
        sb.append(waited).append('\n');
        System.out.print(sb);
    }
}
