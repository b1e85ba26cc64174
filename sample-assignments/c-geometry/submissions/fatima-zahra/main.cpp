#include <iostream>
#include <vector>
#include <algorithm>
#include <cmath>
#include <iomanip>
using namespace std;

struct Point {
    long long x, y;
    bool operator<(const Point& o) const { return x < o.x || (x == o.x && y < o.y); }
}

long long cross(Point o, Point a, Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

int main() {
    int n;
    cin >> n;
    vector<Point> pts(n);
    for (int i = 0; i < n; i++) cin >> pts[i].x >> pts[i].y;
    sort(pts.begin(), pts.end());
    pts.erase(unique(pts.begin(), pts.end(), [](Point a, Point b) { return a.x == b.x && a.y == b.y; }), pts.end());
    int m = pts.size(), k = 0;
    vector<Point> h(2 * m + 1);
    for (int i = 0; i < m; i++) {
        while (k >= 2 && cross(h[k - 2], h[k - 1], pts[i]) <= 0) k--;
        h[k++] = pts[i];
    }
    for (int i = m - 2, t = k + 1; i >= 0; i--) {
        while (k >= t && cross(h[k - 2], h[k - 1], pts[i]) <= 0) k--;
        h[k++] = pts[i];
    }
    if (k > 1) k--;
    double per = 0; long long a2 = 0;
    for (int i = 0; i < k; i++) {
        Point a = h[i], b = h[(i + 1) % k];
        per += hypot(double(b.x - a.x), double(b.y - a.y));
        a2 += a.x * b.y - a.y * b.x;
    }
    cout << fixed << setprecision(6) << per << " " << llabs(a2) / 2.0 << endl;
}
