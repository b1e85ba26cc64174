import java.io.BufferedReader;
import java.io.InputStreamReader;

// Ben Carter -- Manacher (prints the last longest palindrome)
public class Main {
    public static void main(String[] args) throws Exception {
        String s = new BufferedReader(new InputStreamReader(System.in)).readLine().trim();
        int n = s.length();
        char[] t = new char[2 * n + 3];
        t[0] = '^';
        t[2 * n + 2] = '$';
        for (int i = 0; i < n; i++) {
            t[2 * i + 1] = '#';
            t[2 * i + 2] = s.charAt(i);
        }
        t[2 * n + 1] = '#';
        int[] p = new int[t.length];
        int center = 0, right = 0, best = 0;
        for (int i = 1; i < t.length - 1; i++) {
            if (i < right) p[i] = Math.min(right - i, p[2 * center - i]);
            while (t[i + p[i] + 1] == t[i - p[i] - 1]) p[i]++;
            if (i + p[i] > right) {
                center = i;
                right = i + p[i];
            }
            if (p[i] >= p[best]) best = i;
        }
        int start = (best - p[best]) / 2;
        System.out.println((start + 1) + " " + (start + p[best]));
    }
}
