import java.util.Scanner;

// Expand around each center: O(n^2) on strings like aaaa...a
public class ExpandCenter {
    public static void main(String[] args) {
        String s = new Scanner(System.in).next();
        int n = s.length();
        int bestStart = 0, bestLen = 1;
        for (int center = 0; center < n; center++) {
            for (int odd = 0; odd < 2; odd++) {
                int l = center, r = center + odd;
                while (l >= 0 && r < n && s.charAt(l) == s.charAt(r)) {
                    l--;
                    r++;
                }
                if (r - l - 1 > bestLen) {
                    bestLen = r - l - 1;
                    bestStart = l + 1;
                }
            }
        }
        System.out.println((bestStart + 1) + " " + (bestStart + bestLen));
    }
}
