import java.util.ArrayList;
import java.util.List;

// Heap hog: OutOfMemoryError under -Xmx, or the memory kill.
public class JavaMemory {
    public static void main(String[] args) {
        List<long[]> keep = new ArrayList<>();
        while (true) {
            long[] a = new long[1 << 17];
            a[a.length - 1] = keep.size();
            keep.add(a);
        }
    }
}
