import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Comparator;
import java.util.PriorityQueue;

public class Simulation {

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String[] header = in.readLine().split(" ");
        int n = Integer.parseInt(header[0]);
        int k = Integer.parseInt(header[1]);

        PriorityQueue<Teller> free = new PriorityQueue<>(Comparator.comparingInt(Teller::getNumber));
        PriorityQueue<Teller> busy = new PriorityQueue<>();
        for (int i = 1; i <= k; i++) {
            free.add(new Teller(i));
        }

        StringBuilder output = new StringBuilder();
        long totalWait = 0;
        for (int c = 0; c < n; c++) {
            String[] line = in.readLine().split(" ");
            long arrival = Long.parseLong(line[0]);
            long duration = Long.parseLong(line[1]);

            while (!busy.isEmpty() && busy.peek().getBusyUntil() <= arrival) {
                free.add(busy.poll());
            }
            Teller teller;
            long start;
            if (!free.isEmpty()) {
                teller = free.poll();
                start = arrival;
            } else {
                teller = busy.poll();
                start = teller.getBusyUntil();
            }
            teller.serve(start, duration);
            busy.add(teller);
            totalWait += start - arrival;
            output.append(teller.getNumber()).append(' ').append(start).append('\n');
        }
        output.append(totalWait).append('\n');
        System.out.print(output);
    }
}
