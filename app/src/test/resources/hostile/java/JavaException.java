// Uncaught exception in Java: exit 1.
public class JavaException {
    public static void main(String[] args) {
        throw new IllegalStateException("boom");
    }
}
