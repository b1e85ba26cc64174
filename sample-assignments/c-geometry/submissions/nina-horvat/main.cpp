/**
 * Nina Horvat, lab 6.
 * Andrew's algorithm with std::complex for the geometry.
 */
#include <algorithm>
#include <complex>
#include <cstdio>
#include <vector>

using Pt = std::complex<long long>;

static long long cross(Pt a, Pt b) { return (std::conj(a) * b).imag(); }

static bool lexLess(const Pt& a, const Pt& b) {
    return a.real() != b.real() ? a.real() < b.real() : a.imag() < b.imag();
}

static std::vector<Pt> hull(std::vector<Pt> pts) {
    std::sort(pts.begin(), pts.end(), lexLess);
    pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
    if (pts.size() < 2) return pts;
    std::vector<Pt> h(2 * pts.size());
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t base = k;
        for (const Pt& p : pts) {
            while (k >= base + 2 && cross(h[k - 1] - h[k - 2], p - h[k - 2]) <= 0) k--;
            h[k++] = p;
        }
        k--;  // the last point starts the other chain
        std::reverse(pts.begin(), pts.end());
    }
    h.resize(k);
    return h;
}

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    std::vector<Pt> pts;
    pts.reserve(n);
    for (int i = 0; i < n; i++) {
        long long x, y;
        std::scanf("%lld %lld", &x, &y);
        pts.emplace_back(x, y);
    }
    std::vector<Pt> h = hull(pts);
    long double perimeter = 0;
    long long area2 = 0;
    for (size_t i = 0; i < h.size(); i++) {
        Pt a = h[i], b = h[(i + 1) % h.size()];
        Pt d = b - a;
        perimeter += std::hypot((long double)d.real(), (long double)d.imag());
        area2 += cross(a, b);
    }
    std::printf("%.8Lf %.1f\n", perimeter, std::llabs(area2) / 2.0);
}
