/** A bank teller: its number and the moment it finishes its current customer. */
public class Teller implements Comparable<Teller> {
    private final int number;
    private long busyUntil;

    public Teller(int number) {
        this.number = number;
        this.busyUntil = 0;
    }

    public int getNumber() {
        return number;
    }

    public long getBusyUntil() {
        return busyUntil;
    }

    public void serve(long start, long duration) {
        busyUntil = start + duration;
    }

    @Override
    public int compareTo(Teller other) {
        if (busyUntil != other.busyUntil) {
            return Long.compare(busyUntil, other.busyUntil);
        }
        return Integer.compare(number, other.number);
    }
}
