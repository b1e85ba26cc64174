// Thread bomb in Java: must be capped by the process limit, not take the host down.
public class JavaThreads {
    public static void main(String[] args) {
        int n = 0;
        try {
            while (n < 100000) {
                Thread t = new Thread(() -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.setDaemon(true);
                t.start();
                n++;
            }
        } catch (Throwable e) {
            System.out.println("threads=" + n + " " + e);
            System.exit(2);
        }
        System.out.println("threads=" + n);
    }
}
