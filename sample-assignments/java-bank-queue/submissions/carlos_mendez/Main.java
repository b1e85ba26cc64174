package lab5;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.PriorityQueue;

// Carlos Mendez - Lab 5 (the IDE added the package line)
public class Main {

    public static void main(String[] args) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in));
        String[] first = reader.readLine().trim().split("\\s+");
        int n = Integer.parseInt(first[0]);
        int k = Integer.parseInt(first[1]);

        // encode (finish time, teller) in one long: finish * 2048 + teller  (teller <= 1000)
        PriorityQueue<Long> busy = new PriorityQueue<>();
        PriorityQueue<Integer> idle = new PriorityQueue<>();
        for (int t = 1; t <= k; t++) {
            idle.add(t);
        }

        StringBuilder result = new StringBuilder();
        long total = 0;
        for (int i = 0; i < n; i++) {
            String[] parts = reader.readLine().trim().split("\\s+");
            long arrival = Long.parseLong(parts[0]);
            long duration = Long.parseLong(parts[1]);
            while (!busy.isEmpty() && busy.peek() / 2048 <= arrival) {
                idle.add((int) (busy.poll() % 2048));
            }
            long start;
            int teller;
            if (idle.isEmpty()) {
                long code = busy.poll();
                start = code / 2048;
                teller = (int) (code % 2048);
            } else {
                start = arrival;
                teller = idle.poll();
            }
            busy.add((start + duration) * 2048 + teller);
            total += start - arrival;
            result.append(teller + " " + start + "\n");
        }
        result.append(total + "\n");
        System.out.print(result);
    }
}
